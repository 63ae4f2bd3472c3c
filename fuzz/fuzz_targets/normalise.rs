//! Normalises arbitrary bytes (read as lossy UTF-8) and checks the byte map invariants,
//! `squeezed`, and that normalising the output again changes nothing.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::ops::Range;

use saring_normalise::normalise;

/// Checks that every character of `text` maps, through `original_range`, to characters of
/// `input`, in order, and that any range maps inside `input`.
fn check_map(input: &str, text: &str, original_range: impl Fn(Range<usize>) -> Range<usize>) {
    let mut previous_start = 0;
    for (index, ch) in text.char_indices() {
        let range = original_range(index..index + ch.len_utf8());
        assert!(
            range.start < range.end,
            "{ch:?} at {index} maps to {range:?}"
        );
        assert!(range.end <= input.len());
        assert!(input.is_char_boundary(range.start) && input.is_char_boundary(range.end));
        assert!(
            range.start >= previous_start,
            "map goes backwards at {index}"
        );
        previous_start = range.start;
    }
    for (start, end) in [
        (0, usize::MAX),
        (text.len(), 0),
        (text.len() / 2, text.len() + 7),
    ] {
        let range = original_range(start..end);
        assert!(range.start <= range.end && range.end <= input.len());
        assert!(input.is_char_boundary(range.start) && input.is_char_boundary(range.end));
    }
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let normalised = normalise(&input);
    let text = normalised.text();
    assert_eq!(text, text.trim());
    assert!(!text.contains("  "));
    check_map(&input, text, |range| normalised.original_range(range));
    let squeezed = normalised.squeezed();
    assert!(squeezed.text().chars().all(char::is_alphanumeric));
    check_map(&input, squeezed.text(), |range| {
        squeezed.original_range(range)
    });
    assert_eq!(
        normalise(text).text(),
        text,
        "normalising twice changed the text"
    );
});
