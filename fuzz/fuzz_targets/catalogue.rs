//! Fuzzes the text catalogue readers (JSONL, CSV) and listing validation with arbitrary
//! bytes: no panic, rows numbered 1..=n, every record decided or rejected. Parquet has a
//! target of its own (`catalogue_parquet`), with Parquet seeds.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_io::{Format, from_bytes};

fuzz_target!(|data: &[u8]| {
    for format in [Format::Jsonl, Format::Csv] {
        let Ok(records) = from_bytes(data.to_vec(), format, "fuzz") else {
            continue;
        };
        let mut expected_row = 1;
        for record in records {
            let Ok(record) = record else { break };
            assert_eq!(record.position.row, expected_row);
            expected_row += 1;
        }
    }
});
