//! Lexicon TOML as reviewers propose it over the API (`POST /v1/lexicon/versions`): any text
//! is a lexicon or an error, never a panic; a lexicon that loads finds its terms in the same
//! text with every match a span of it and naming one of its terms.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saring_text::Lexicon;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(lexicon) = Lexicon::from_toml(text) else {
        return;
    };
    for found in lexicon.find(text) {
        assert!(found.term < lexicon.terms().len());
        assert!(found.original.start <= found.original.end && found.original.end <= text.len());
        assert!(text.is_char_boundary(found.original.start));
        assert!(text.is_char_boundary(found.original.end));
    }
});
