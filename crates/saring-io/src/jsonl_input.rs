//! JSON Lines input: one listing object per line.

use std::io::BufRead;

use saring_core::Listing;

use crate::ReadError;
use crate::record::{Position, Record, Rejection, excerpt, id_of};

/// Streams records from JSON Lines. Blank lines are skipped (they hold no record).
pub(crate) struct JsonlRecords<R> {
    input: R,
    name: String,
    line: u64,
    row: u64,
    buffer: Vec<u8>,
}

impl<R: BufRead> JsonlRecords<R> {
    pub(crate) fn new(input: R, name: String) -> Self {
        Self {
            input,
            name,
            line: 0,
            row: 0,
            buffer: Vec::with_capacity(4096),
        }
    }
}

fn parse_line(bytes: &[u8]) -> Result<saring_core::listing::Parsed, Rejection> {
    let text = std::str::from_utf8(bytes).map_err(|e| Rejection {
        id: None,
        reason: format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
        raw: Some(excerpt(&String::from_utf8_lossy(bytes))),
    })?;
    Listing::from_json(text).map_err(|e| Rejection {
        id: serde_json::from_str(text).ok().as_ref().and_then(id_of),
        reason: e.to_string(),
        raw: Some(excerpt(text)),
    })
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buffer.clear();
            match self.input.read_until(b'\n', &mut self.buffer) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(source) => {
                    return Some(Err(ReadError::Io {
                        path: self.name.clone(),
                        source,
                    }));
                }
            }
            self.line += 1;
            let content = self.buffer.trim_ascii();
            if content.is_empty() {
                continue;
            }
            self.row += 1;
            let position = Position {
                row: self.row,
                line: Some(self.line),
            };
            return Some(Ok(Record {
                position,
                outcome: parse_line(content),
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<Record> {
        JsonlRecords::new(input, "t".into())
            .collect::<Result<_, _>>()
            .expect("in-memory input never fails")
    }

    #[test]
    fn every_defect_is_a_rejection_with_its_line() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\":\"1\",\"platform\":\"shopee\",\"title\":\"ok\"}\n");
        input.extend_from_slice(b"\n");
        input.extend_from_slice(b"{\"id\":\"2\",\"platform\":\"shopee\",\"title\":\"trunc\n");
        input.extend_from_slice(b"{\"id\":\"3\",\"platform\":\"shopee\",\"title\":\"\xff\xfe\"}\n");
        input.extend_from_slice(b"{\"id\":\"4\",\"platform\":\"shopee\"}\n");
        input.extend_from_slice(b"{\"id\":\"5\",\"platform\":\"shopee\",\"title\":7}\r\n");
        input.extend_from_slice(
            b"{\"id\":\"6\",\"platform\":\"shopee\",\"title\":\"last, no newline\"}",
        );
        let records = read(&input);
        let summary: Vec<(u64, Option<u64>, bool)> = records
            .iter()
            .map(|r| (r.position.row, r.position.line, r.outcome.is_ok()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (1, Some(1), true),
                (2, Some(3), false),
                (3, Some(4), false),
                (4, Some(5), false),
                (5, Some(6), false),
                (6, Some(7), true),
            ]
        );
        let reasons: Vec<String> = records
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().map(|e| e.reason.clone()))
            .collect();
        assert!(reasons[0].contains("EOF"), "{}", reasons[0]);
        assert!(reasons[1].contains("UTF-8"), "{}", reasons[1]);
        assert!(
            reasons[2].contains("missing field `title`"),
            "{}",
            reasons[2]
        );
        assert!(reasons[3].contains("invalid type"), "{}", reasons[3]);
        let ids: Vec<Option<String>> = records
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().map(|e| e.id.clone()))
            .collect();
        assert_eq!(ids, vec![None, None, Some("4".into()), Some("5".into())]);
    }
}
