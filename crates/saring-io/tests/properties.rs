//! Property tests of the readers: nothing is lost, nothing panics, valid data round-trips.

use proptest::prelude::*;
use saring_io::{Format, Record, from_bytes};

fn read(data: Vec<u8>, format: Format) -> Vec<Record> {
    from_bytes(data, format, "prop")
        .expect("header present")
        .collect::<Result<_, _>>()
        .expect("in-memory input never fails to read")
}

fn listing_line(id: &str, title: &str, price: u64) -> String {
    serde_json::json!({"id": id, "platform": "shopee", "title": title, "price": price}).to_string()
}

proptest! {
    /// Arbitrary bytes: one record per non-blank line, each decided or rejected, rows 1..=n.
    #[test]
    fn jsonl_accounts_for_every_non_blank_line(lines in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..80), 0..30)) {
        let lines: Vec<Vec<u8>> = lines.into_iter().map(|l| l.into_iter().filter(|b| *b != b'\n').collect()).collect();
        let data = lines.join(&b'\n');
        let expected = lines.iter().filter(|l| !l.trim_ascii().is_empty()).count();
        let records = read(data, Format::Jsonl);
        prop_assert_eq!(records.len(), expected);
        for (i, r) in records.iter().enumerate() {
            prop_assert_eq!(r.position.row, i as u64 + 1);
        }
    }

    /// Valid listings with any text survive JSONL and CSV unchanged.
    #[test]
    fn valid_listings_round_trip(rows in prop::collection::vec(("[a-z0-9-]{1,12}", "\\PC{0,40}", 0u64..10_000_000), 1..20)) {
        let jsonl: Vec<String> = rows.iter().map(|(id, title, price)| listing_line(id, title, *price)).collect();
        let from_jsonl = read(jsonl.join("\n").into_bytes(), Format::Jsonl);
        let mut csv = String::from("id,platform,title,price\n");
        for (id, title, price) in &rows {
            csv.push_str(&format!("{id},shopee,\"{}\",{price}\n", title.replace('"', "\"\"")));
        }
        let from_csv = read(csv.into_bytes(), Format::Csv);
        prop_assert_eq!(from_jsonl.len(), rows.len());
        prop_assert_eq!(from_csv.len(), rows.len());
        for ((id, title, price), (a, b)) in rows.iter().zip(from_jsonl.iter().zip(&from_csv)) {
            let a = &a.outcome.as_ref().expect("valid jsonl").listing;
            prop_assert_eq!(&a.id, id);
            prop_assert_eq!(&a.title, title);
            prop_assert_eq!(a.price, Some(*price));
            // A blank CSV cell is an absent field, so a blank title is a missing title.
            match &b.outcome {
                Ok(parsed) => prop_assert_eq!(a, &parsed.listing),
                Err(rejection) => {
                    prop_assert!(title.trim().is_empty());
                    prop_assert!(rejection.reason.contains("title"));
                }
            }
        }
    }

    /// Arbitrary CSV bytes after a valid header never panic and never lose a row.
    #[test]
    fn csv_never_panics(body in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut data = b"id,platform,title\n".to_vec();
        data.extend(body);
        let _ = read(data, Format::Csv);
    }
}
