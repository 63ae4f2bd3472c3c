//! Large and pathological inputs are handled in linear time without panicking.

use std::time::{Duration, Instant};

use saring_normalise::normalise;

/// Size of each input: 1 MiB in release builds, 64 KiB in debug builds so that `cargo test`
/// stays fast; `pathological_inputs_of_8_mib` (ignored) runs the large size anywhere.
const SIZE: usize = if cfg!(debug_assertions) {
    1 << 16
} else {
    1 << 20
};

/// Inputs of about `bytes` bytes, named.
fn inputs(bytes: usize) -> Vec<(&'static str, String)> {
    let repeat = |piece: &str| piece.repeat(bytes / piece.len());
    vec![
        ("combining marks", repeat("\u{301}")),
        (
            "letter then combining marks",
            format!("a{}", repeat("\u{301}")),
        ),
        ("single letters and spaces", repeat("b ")),
        ("spaced-out word", repeat("b a l ")),
        ("emoji", repeat("🔥")),
        ("emoji between letters", repeat("b🔥")),
        ("one letter", repeat("a")),
        ("digits", repeat("7")),
        ("leetspeak", repeat("b3")),
        ("zero-width", repeat("\u{200B}")),
        ("look-alikes", repeat("𝐛аⓑ🅑")),
        ("abbreviations", repeat("bks pre loved ")),
        ("random unicode", random_unicode(bytes)),
    ]
}

/// Deterministic pseudo-random text of about `bytes` bytes over all of Unicode.
fn random_unicode(bytes: usize) -> String {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut text = String::with_capacity(bytes + 4);
    while text.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let code = u32::try_from(state % 0x11_0000).unwrap_or(0);
        text.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
    }
    text
}

fn check_bounded(bytes: usize, limit: Duration) {
    for (name, input) in inputs(bytes) {
        let started = Instant::now();
        let normalised = normalise(&input);
        let squeezed = normalised.squeezed();
        let elapsed = started.elapsed();
        assert!(
            elapsed < limit,
            "{name}: {} bytes took {elapsed:?}",
            input.len()
        );
        assert!(
            normalised.text().len() <= 4 * input.len() + 4,
            "{name}: output too long"
        );
        let whole = normalised.original_range(0..normalised.text().len());
        assert!(whole.end <= input.len(), "{name}");
        assert!(
            squeezed.original_range(0..usize::MAX).end <= input.len(),
            "{name}"
        );
    }
}

#[test]
fn pathological_inputs_are_handled_in_bounded_time() {
    check_bounded(SIZE, Duration::from_secs(3));
}

#[test]
#[ignore = "long: 8 MiB inputs; run with --release -- --ignored"]
fn pathological_inputs_of_8_mib() {
    check_bounded(8 << 20, Duration::from_secs(8));
}

#[test]
fn pathological_inputs_normalise_as_expected() {
    let text = |input: &str| normalise(input).text().to_owned();
    assert_eq!(text(&"\u{301}".repeat(1000)), "");
    assert_eq!(text(&format!("a{}", "\u{301}".repeat(1000))), "a");
    assert_eq!(text(&"b a l ".repeat(1000)), "bal".repeat(1000));
    assert_eq!(text(&"🔥".repeat(1000)), "");
    assert_eq!(text(&"a".repeat(1000)), "a");
    assert_eq!(text(&"7".repeat(1000)), "7".repeat(1000));
}
