//! Fuzzes the hash-list parser: no panic, every meaningful line is an entry or an error,
//! and what was read formats and reads back the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_images::hash_list;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = hash_list::parse(&text, "fuzz");
    let meaningful = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .count();
    assert_eq!(parsed.entries.len() + parsed.errors.len(), meaningful);
    let again = hash_list::parse(&hash_list::format(&parsed.entries), "fuzz");
    assert!(again.errors.is_empty());
    assert_eq!(again.entries.len(), parsed.entries.len());
});
