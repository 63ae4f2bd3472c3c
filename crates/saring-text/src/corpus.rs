//! Labelled listings: the JSON Lines corpora the classifier is trained and evaluated on.
//!
//! Each line is a listing record with two more fields: `label` (`violation` or
//! `legitimate`) and `tactic` (how the listing reads, e.g. `code_word`, `innocent_trigger`;
//! see `corpus/LABEL_POLICY.md`).

use std::fmt;
use std::io::BufRead;

use saring_core::Listing;
use serde::Deserialize;

/// What a listing is, according to the person who labelled it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// Offers imported used clothing.
    Violation,
    /// Anything else.
    Legitimate,
}

impl Label {
    /// The lowercase name used in corpora.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Violation => "violation",
            Label::Legitimate => "legitimate",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One listing with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledListing {
    /// The listing.
    pub listing: Listing,
    /// Violation or legitimate.
    pub label: Label,
    /// How the listing reads.
    pub tactic: String,
}

/// A labelled corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// Reading failed.
    #[error("cannot read the corpus: {0}")]
    Io(#[from] std::io::Error),
    /// A line is not a labelled listing.
    #[error("line {line}: {message}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

#[derive(Deserialize)]
struct LabelFields {
    label: Label,
    tactic: String,
}

/// Reads a labelled JSON Lines corpus. Blank lines are skipped; any other line that is not
/// a valid listing with a `label` and a `tactic` is an error, because training or scoring
/// on part of a corpus would give figures that look complete and are not.
pub fn read_jsonl(reader: impl BufRead) -> Result<Vec<LabelledListing>, CorpusError> {
    let mut corpus = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let error = |message: String| CorpusError::Line {
            line: index + 1,
            message,
        };
        let mut value: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| error(e.to_string()))?;
        let fields = value
            .as_object_mut()
            .ok_or_else(|| error("not a JSON object".into()))?;
        let mut take = |name: &str| {
            let value = fields
                .remove(name)
                .ok_or_else(|| error(format!("missing field `{name}`")))?;
            Ok::<_, CorpusError>((name.to_string(), value))
        };
        let labels: serde_json::Map<String, serde_json::Value> =
            [take("label")?, take("tactic")?].into_iter().collect();
        let LabelFields { label, tactic } = serde_json::from_value(labels.into())
            .map_err(|e| error(format!("label or tactic: {e}")))?;
        let listing = Listing::from_value(value)
            .map_err(|e| error(e.to_string()))?
            .listing;
        corpus.push(LabelledListing {
            listing,
            label,
            tactic,
        });
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_and_tactics_and_skips_blank_lines() {
        let text = concat!(
            r#"{"id":"1","platform":"shopee","title":"bal segel","label":"violation","tactic":"bale_wholesale"}"#,
            "\n\n",
            r#"{"id":"2","platform":"tokopedia","title":"bola","label":"legitimate","tactic":"innocent_trigger"}"#,
            "\n"
        );
        let corpus = read_jsonl(text.as_bytes()).expect("valid corpus");
        assert_eq!(corpus.len(), 2);
        assert_eq!(corpus[0].label, Label::Violation);
        assert_eq!(corpus[1].tactic, "innocent_trigger");
        assert_eq!(corpus[1].listing.title, "bola");
    }

    #[test]
    fn bad_lines_are_named() {
        let cases = [
            (
                r#"{"id":"1","platform":"shopee","title":"x","tactic":"t"}"#,
                "label",
            ),
            (
                r#"{"id":"1","platform":"shopee","title":"x","label":"maybe","tactic":"t"}"#,
                "maybe",
            ),
            (
                r#"{"id":"1","platform":"mars","title":"x","label":"violation","tactic":"t"}"#,
                "platform",
            ),
            (r#"[1, 2]"#, "object"),
            (r#"{"id":"#, "EOF"),
        ];
        for (line, needle) in cases {
            let text = format!("\n{line}\n");
            let error = read_jsonl(text.as_bytes()).expect_err(line).to_string();
            assert!(error.starts_with("line 2:"), "{error}");
            assert!(error.contains(needle), "{line}: {error}");
        }
    }
}
