//! Hash lists as text, the way PDQ hashes are shared between platforms.
//!
//! One hash per line: 64 hex digits, then optional tab-separated metadata columns in this
//! order: source, case id, added by, added at. Empty columns are absent. Blank lines and
//! lines starting with `#` are skipped. The output of `saring hash` (`hash,quality,path`)
//! is accepted too: the path becomes the source, and hashes of quality below 50 are
//! refused (Meta's floor; they match noise).

use saring_pdq::{MIN_MATCH_QUALITY, PdqHash};

use crate::BankEntry;

/// A line that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// The result of reading a hash list: the entries, and the lines refused.
#[derive(Debug, Default)]
pub struct ParsedList {
    /// Entries in file order.
    pub entries: Vec<BankEntry>,
    /// Refused lines, in file order.
    pub errors: Vec<LineError>,
}

/// Reads a hash list into entries of `bank`; malformed lines are reported, the rest kept.
pub fn parse(text: &str, bank: &str) -> ParsedList {
    let mut parsed = ParsedList::default();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let entry = match line
            .split(['\t', ','])
            .position(|column| column.contains('\0'))
        {
            Some(column) => Err(format!(
                "column {} contains a NUL character (U+0000), which cannot be stored",
                column + 1
            )),
            None => parse_line(line, bank),
        };
        match entry {
            Ok(entry) => parsed.entries.push(entry),
            Err(reason) => parsed.errors.push(LineError {
                line: index + 1,
                reason,
            }),
        }
    }
    parsed
}

fn parse_line(line: &str, bank: &str) -> Result<BankEntry, String> {
    let column = |value: Option<&str>| {
        value
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let (hash_text, source, case_id, added_by, added_at) =
        if line.contains('\t') || !line.contains(',') {
            let mut columns = line.split('\t');
            let hash = columns.next().unwrap_or_default();
            let metadata: Vec<Option<String>> = (0..4).map(|_| column(columns.next())).collect();
            if columns.next().is_some() {
                return Err(
                    "more than 5 tab-separated columns (hash, source, case id, added by, added at)"
                        .into(),
                );
            }
            let [source, case_id, added_by, added_at]: [Option<String>; 4] = metadata
                .try_into()
                .map_err(|_| "internal: column count".to_string())?;
            (hash, source, case_id, added_by, added_at)
        } else {
            let mut columns = line.splitn(3, ',');
            let hash = columns.next().unwrap_or_default();
            let quality: u8 = columns
                .next()
                .and_then(|q| q.trim().parse().ok())
                .filter(|q| *q <= 100)
                .ok_or("second column must be the quality, 0 to 100")?;
            if quality < MIN_MATCH_QUALITY {
                return Err(format!(
                    "quality {quality} is below {MIN_MATCH_QUALITY}: too flat an image to match on"
                ));
            }
            (hash, column(columns.next()), None, None, None)
        };
    let hash: PdqHash = hash_text.trim().parse().map_err(|e| format!("{e}"))?;
    Ok(BankEntry {
        bank: bank.to_string(),
        hash,
        source,
        case_id,
        added_by,
        added_at,
    })
}

/// Writes entries as a hash list that [`parse`] reads back.
pub fn format(entries: &[BankEntry]) -> String {
    let clean = |value: &Option<String>| {
        value
            .as_deref()
            .unwrap_or_default()
            .replace(['\t', '\n', '\r'], " ")
    };
    let mut text = String::new();
    for entry in entries {
        let columns = [
            entry.hash.to_hex(),
            clean(&entry.source),
            clean(&entry.case_id),
            clean(&entry.added_by),
            clean(&entry.added_at),
        ];
        text.push_str(columns.join("\t").trim_end_matches('\t'));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HASH: &str = "d8f8f0cec0f4a84f0637022a278f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    #[test]
    fn reads_metadata_columns_comments_and_hasher_output_and_reports_bad_lines() {
        let text = format!(
            "# known bales\n{HASH}\tplatform-x\tcase-9\talice\t2026-11-01\n\n{HASH},100,photos/a.jpg\n\
             xyz\n{HASH},12,flat.jpg\n{HASH}\ta\tb\tc\td\te\n{}\n",
            &HASH[..60]
        );
        let parsed = parse(&text, "bales");
        assert_eq!(parsed.entries.len(), 2);
        assert_eq!(parsed.entries[0].case_id.as_deref(), Some("case-9"));
        assert_eq!(parsed.entries[1].source.as_deref(), Some("photos/a.jpg"));
        let lines: Vec<usize> = parsed.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [5, 6, 7, 8]);
        let nul = parse(&format!("{HASH}\tplatform\0x\tcase-9\n"), "bales");
        assert!(nul.entries.is_empty());
        assert_eq!(
            nul.errors[0].reason,
            "column 2 contains a NUL character (U+0000), which cannot be stored"
        );
        assert!(parsed.errors[1].reason.contains("below 50"));
        assert!(
            parsed.errors[3].reason.contains("64"),
            "{}",
            parsed.errors[3].reason
        );
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(
            words in prop::collection::vec(any::<[u64; 4]>(), 0..20),
            source in prop::option::of("[^\t\n\r\x00]{1,20}"),
            case_id in prop::option::of("[a-z0-9-]{1,10}"),
        ) {
            let entries: Vec<BankEntry> = words.into_iter().map(|w| BankEntry {
                bank: "b".into(),
                hash: PdqHash::from_words(w),
                source: source.clone().filter(|s| !s.trim().is_empty()).map(|s| s.trim().to_string()),
                case_id: case_id.clone(),
                added_by: None,
                added_at: None,
            }).collect();
            let parsed = parse(&format(&entries), "b");
            prop_assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
            prop_assert_eq!(parsed.entries, entries);
        }

        #[test]
        fn arbitrary_text_never_panics_and_every_line_is_accounted(text in "\\PC{0,300}") {
            let parsed = parse(&text, "b");
            let meaningful = text.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).count();
            prop_assert_eq!(parsed.entries.len() + parsed.errors.len(), meaningful);
        }
    }
}
