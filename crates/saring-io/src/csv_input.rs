//! CSV input: a header row, one listing per row, nested fields as dotted columns.

use std::io::Read;

use saring_core::Listing;
use serde_json::{Map, Value};

use crate::ReadError;
use crate::record::{Cells, Position, Record, Rejection, excerpt, unflatten};

/// Streams records from CSV.
pub(crate) struct CsvRecords<R> {
    reader: csv::Reader<R>,
    headers: Vec<String>,
    name: String,
    row: u64,
    record: csv::ByteRecord,
}

impl<R: Read> CsvRecords<R> {
    pub(crate) fn new(input: R, name: String) -> Result<Self, ReadError> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
        let header_error = |message: String| ReadError::CsvHeader {
            path: name.clone(),
            message,
        };
        let raw_headers = reader
            .byte_headers()
            .map_err(|e| header_error(e.to_string()))?;
        let headers = raw_headers
            .iter()
            .map(|h| {
                std::str::from_utf8(h)
                    .map(|s| s.trim().trim_start_matches('\u{feff}').to_string())
                    .map_err(|_| header_error("a column name is not valid UTF-8".into()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if headers.is_empty() || headers.iter().all(String::is_empty) {
            return Err(header_error("the first row holds no column names".into()));
        }
        Ok(Self {
            reader,
            headers,
            name,
            row: 0,
            record: csv::ByteRecord::new(),
        })
    }

    fn parse(&self) -> Result<saring_core::listing::Parsed, Rejection> {
        let raw = || {
            let joined: Vec<String> = self
                .record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            Some(excerpt(&joined.join(",")))
        };
        if self.record.len() != self.headers.len() {
            return Err(Rejection {
                id: None,
                reason: format!(
                    "row has {} fields but the header has {}",
                    self.record.len(),
                    self.headers.len()
                ),
                raw: raw(),
            });
        }
        let mut row = Map::new();
        for (header, field) in self.headers.iter().zip(self.record.iter()) {
            let text = std::str::from_utf8(field).map_err(|e| Rejection {
                id: None,
                reason: format!(
                    "column `{header}`: invalid UTF-8 at byte {}",
                    e.valid_up_to()
                ),
                raw: raw(),
            })?;
            row.insert(header.clone(), Value::String(text.to_string()));
        }
        let id = row.get("id").and_then(Value::as_str).map(str::to_string);
        let nested = unflatten(row, Cells::Text).map_err(|reason| Rejection {
            id: id.clone(),
            reason,
            raw: raw(),
        })?;
        Listing::from_value(nested).map_err(|e| Rejection {
            id,
            reason: e.to_string(),
            raw: raw(),
        })
    }
}

impl<R: Read> Iterator for CsvRecords<R> {
    type Item = Result<Record, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                self.row += 1;
                let position = Position {
                    row: self.row,
                    line: self.record.position().map(|p| p.line()),
                };
                Some(Ok(Record {
                    position,
                    outcome: self.parse(),
                }))
            }
            Err(e) => match e.kind() {
                csv::ErrorKind::Io(_) => Some(Err(ReadError::Io {
                    path: self.name.clone(),
                    source: std::io::Error::other(e.to_string()),
                })),
                _ => {
                    self.row += 1;
                    let position = Position {
                        row: self.row,
                        line: e.position().map(|p| p.line()),
                    };
                    Some(Ok(Record {
                        position,
                        outcome: Err(Rejection {
                            id: None,
                            reason: e.to_string(),
                            raw: None,
                        }),
                    }))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dotted_columns_and_rejects_bad_rows_by_line() {
        let input = "id,platform,title,price,seller.id,signals.vision.bale\n\
                     1,shopee,\"Kemeja, flanel\",50000,s1,0.2\n\
                     2,shopee,no price,murah,s2,\n\
                     3,shopee,short row\n\
                     4,mars,x,1,s4,\n\
                     5,lazada,\"multi\nline\",,s5,\n";
        let records: Vec<Record> = CsvRecords::new(input.as_bytes(), "t".into())
            .expect("header ok")
            .collect::<Result<_, _>>()
            .expect("in-memory");
        let lines: Vec<(Option<u64>, bool)> = records
            .iter()
            .map(|r| (r.position.line, r.outcome.is_ok()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (Some(2), true),
                (Some(3), false),
                (Some(4), false),
                (Some(5), false),
                (Some(6), true)
            ]
        );
        let first = records[0].outcome.as_ref().expect("first row is valid");
        assert_eq!(first.listing.title, "Kemeja, flanel");
        assert_eq!(first.listing.price, Some(50000));
        assert_eq!(first.listing.signals.get("vision.bale"), Some(&0.2));
        let reasons: Vec<&str> = records
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().map(|e| e.reason.as_str()))
            .collect();
        assert!(reasons[0].contains("invalid type"), "{}", reasons[0]);
        assert!(reasons[1].contains("3 fields"), "{}", reasons[1]);
        assert!(reasons[2].contains("unknown platform"), "{}", reasons[2]);
    }

    #[test]
    fn empty_input_has_no_header() {
        assert!(CsvRecords::new("".as_bytes(), "t".into()).is_err());
    }
}
