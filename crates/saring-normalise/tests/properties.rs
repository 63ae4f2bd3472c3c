//! Properties of `normalise` on arbitrary and on trick-laden text.

use proptest::prelude::*;
use std::ops::Range;

use saring_normalise::normalise;

/// Text mixing seller tricks: look-alike letters, invisible characters, combining marks,
/// emoji, leetspeak, separators, digits and stretched letters.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z]{1,8}",
        "[0-9]{1,4}",
        Just(" ".to_owned()),
        Just(" ".to_owned()),
        "[ .,_*!@$#/-]",
        "[аеорсхуіѕνοαΒΑ𝐛𝐞𝐤𝐚𝐬ʙᴇᴋᴀꜱⓑ🅑⒝ＢＡＬ]{1,4}",
        "[\u{200B}\u{200C}\u{200D}\u{AD}\u{FEFF}\u{FE0F}\u{202E}\u{0301}\u{0308}\u{20E3}]",
        "[🔥👍🏻❤😀🇮🇩二手한ß½²㎏ﬁ]",
        "[a-z][0-9@$!][a-z]",
        "(aaa|lll|sss|bks|2nd|pre|loved|imp|b|a|l)",
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), tricky_text()]
}

/// Checks that every character of `text` maps, through `original_range`, to characters of
/// `input`, in order.
fn assert_map_is_valid(
    input: &str,
    text: &str,
    original_range: impl Fn(Range<usize>) -> Range<usize>,
) -> Result<(), TestCaseError> {
    let mut previous_start = 0;
    for (index, ch) in text.char_indices() {
        let range = original_range(index..index + ch.len_utf8());
        prop_assert!(
            range.start < range.end,
            "{ch:?} at {index} maps to {range:?}"
        );
        prop_assert!(range.end <= input.len());
        prop_assert!(input.is_char_boundary(range.start) && input.is_char_boundary(range.end));
        prop_assert!(
            range.start >= previous_start,
            "map goes backwards at {index}"
        );
        previous_start = range.start;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn output_is_words_separated_by_single_spaces(input in any_text()) {
        let normalised = normalise(&input);
        let text = normalised.text();
        prop_assert_eq!(text, text.trim());
        prop_assert!(!text.contains("  "));
        prop_assert!(text.chars().all(|ch| ch == ' ' || !ch.is_whitespace()));
    }

    #[test]
    fn every_byte_maps_to_original_characters_in_order(input in any_text()) {
        let normalised = normalise(&input);
        assert_map_is_valid(&input, normalised.text(), |range| normalised.original_range(range))?;
        let squeezed = normalised.squeezed();
        assert_map_is_valid(&input, squeezed.text(), |range| squeezed.original_range(range))?;
    }

    #[test]
    fn any_range_maps_to_a_range_on_original_character_boundaries(
        input in any_text(),
        start in 0usize..600,
        end in 0usize..600,
    ) {
        let normalised = normalise(&input);
        let squeezed = normalised.squeezed();
        for range in [normalised.original_range(start..end), squeezed.original_range(start..end)] {
            prop_assert!(range.start <= range.end && range.end <= input.len());
            prop_assert!(input.is_char_boundary(range.start) && input.is_char_boundary(range.end));
        }
    }

    #[test]
    fn normalising_twice_changes_nothing(input in any_text()) {
        let once = normalise(&input);
        let twice = normalise(once.text());
        prop_assert_eq!(once.text(), twice.text());
    }

    #[test]
    fn squeezed_is_the_text_without_separators(input in any_text()) {
        let normalised = normalise(&input);
        let expected: String = normalised.text().chars().filter(|ch| ch.is_alphanumeric()).collect();
        let squeezed = normalised.squeezed();
        prop_assert_eq!(squeezed.text(), expected.as_str());
    }

    /// Plain lowercase words pass through unchanged. Every word has a `q`, which no
    /// abbreviation has, and no letter three times in a row.
    #[test]
    fn plain_lowercase_words_pass_through(
        words in prop::collection::vec("[a-z]{1,5}q[a-z]{0,5}", 1..20)
            .prop_filter("no stretched letters", |words| {
                words.iter().all(|word| !word.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2]))
            })
    ) {
        let input = words.join(" ");
        let normalised = normalise(&input);
        prop_assert_eq!(normalised.text(), input.as_str());
    }
}
