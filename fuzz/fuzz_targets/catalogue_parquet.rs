//! Fuzzes the Parquet catalogue reader (footer, schema, pages, the row-to-listing mapping)
//! and listing validation. The first byte picks how the rest is read:
//!
//! - even: as JSON Lines written to Parquet (schema inferred, nested columns included) with
//!   the Arrow writer the CLI's tests use, so the reader sees well-formed files of any
//!   shape: every row written comes back as a listing or a rejection, numbered 1..=n;
//! - odd: as a Parquet file as it is: a damaged file is an error, never a panic.

#![no_main]

use std::io::Cursor;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use saring_io::{Format, from_bytes};

/// The JSON lines written as Parquet, and how many rows that is.
fn to_parquet(jsonl: &[u8]) -> Option<(Vec<u8>, usize)> {
    let (schema, _) = arrow_json::reader::infer_json_schema(Cursor::new(jsonl), None).ok()?;
    let schema = Arc::new(schema);
    let reader = arrow_json::ReaderBuilder::new(schema.clone())
        .build(Cursor::new(jsonl))
        .ok()?;
    let mut parquet = Vec::new();
    let mut writer = parquet::arrow::ArrowWriter::try_new(&mut parquet, schema, None).ok()?;
    let mut rows = 0;
    for batch in reader {
        let batch = batch.ok()?;
        rows += batch.num_rows();
        writer.write(&batch).ok()?;
    }
    writer.close().ok()?;
    Some((parquet, rows))
}

fuzz_target!(|data: &[u8]| {
    let [mode, rest @ ..] = data else {
        return;
    };
    let (file, written) = if mode % 2 == 0 {
        match to_parquet(rest) {
            Some((file, rows)) => (file, Some(rows)),
            None => return,
        }
    } else {
        (rest.to_vec(), None)
    };
    let records = match from_bytes(file, Format::Parquet, "fuzz") {
        Ok(records) => records,
        Err(error) => {
            assert!(
                written.is_none(),
                "a file the writer made is unreadable: {error}"
            );
            return;
        }
    };
    let mut rows = 0;
    for record in records {
        let Ok(record) = record else { break };
        rows += 1;
        assert_eq!(record.position.row, rows);
    }
    if let Some(written) = written {
        assert_eq!(rows, written as u64, "rows written and read differ");
    }
});
