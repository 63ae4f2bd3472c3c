//! Takedown request files (CSV and JSON) and the URLs in them: any bytes give requests and
//! per-line errors, never a panic; every error names a line inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_takedowns::{RequestFormat, canonicalise, parse};

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    for format in [RequestFormat::Csv, RequestFormat::Json] {
        if let Ok(import) = parse(data, format) {
            for error in &import.errors {
                assert!(error.line <= lines, "line {} of {lines}", error.line);
            }
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = canonicalise(text);
    }
});
