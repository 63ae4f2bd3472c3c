//! The only word list of the normaliser: seller abbreviations and spelling variants, each
//! expanded to one canonical word when it stands as a whole word. Matched after leetspeak
//! and stretched letters are undone, so "s3k0n" and "bkkkas" reach the table as "sekon" and
//! "bkas". Keep it small: everything else belongs in the detectors' lexicons.

/// Canonical word, and the whole words that are read as it.
///
/// "second" (not "bekas") is the canonical form for the "second" family: the brief rates
/// "second/seken" lower than "bekas" (phones and cars are sold second), so detectors keep the
/// two apart.
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("bekas", &["bks", "bkas"]),
    ("second", &["2nd", "scnd", "scond", "sekon", "seken"]),
    ("import", &["imp", "imprt", "impor"]),
    ("preloved", &["prelove", "prelovd", "prelov"]),
    ("barang", &["brg", "brng"]),
];

/// Words that sellers split off the front of a word in the table above ("pre-loved",
/// "pre loved"): such a word followed by a word that completes a table entry is read as one.
const SPLIT_PREFIXES: &[&str] = &["pre"];

/// Whether the table may hold a word of `length` characters starting with `first`: a cheap
/// test that spares most words the lookup.
pub(crate) fn may_hold(length: usize, first: char) -> bool {
    (SHORTEST..=LONGEST).contains(&length)
        && u8::try_from(first).is_ok_and(|byte| byte < 128 && FIRST_BYTES & (1 << byte) != 0)
}

const SHORTEST: usize = entry_summary().0;
const LONGEST: usize = entry_summary().1;
const FIRST_BYTES: u128 = entry_summary().2;

/// Length of the shortest and the longest entry, and the set of first bytes of all entries
/// (bit `b` set for byte `b`), over canonical words and variants.
const fn entry_summary() -> (usize, usize, u128) {
    let (mut shortest, mut longest, mut first_bytes) = (usize::MAX, 0, 0u128);
    let mut row = 0;
    while row < ABBREVIATIONS.len() {
        let (canonical, variants) = ABBREVIATIONS[row];
        let mut column = 0;
        while column <= variants.len() {
            let entry = if column == 0 {
                canonical
            } else {
                variants[column - 1]
            };
            let bytes = entry.as_bytes();
            if bytes.len() < shortest {
                shortest = bytes.len();
            }
            if bytes.len() > longest {
                longest = bytes.len();
            }
            if !bytes.is_empty() && bytes[0] < 128 {
                first_bytes |= 1 << bytes[0];
            }
            column += 1;
        }
        row += 1;
    }
    (shortest, longest, first_bytes)
}

/// The canonical word of the table entry (canonical word or variant) that `is_word` accepts.
/// Takes a predicate so that callers can compare their own representation of a word.
pub(crate) fn canonical(is_word: impl Fn(&str) -> bool) -> Option<&'static str> {
    ABBREVIATIONS
        .iter()
        .find(|(canonical, variants)| is_word(canonical) || variants.iter().any(|v| is_word(v)))
        .map(|(canonical, _)| *canonical)
}

/// Whether `is_word` accepts a split prefix: a word that may be the first half of a word
/// written in two.
pub(crate) fn is_split_prefix(is_word: impl Fn(&str) -> bool) -> bool {
    SPLIT_PREFIXES.iter().any(|prefix| is_word(prefix))
}

/// The canonical word for two words written apart ("pre loved"), if `is_first` accepts a
/// split prefix and `is_second` the rest of a table entry starting with it.
pub(crate) fn canonical_split(
    is_first: impl Fn(&str) -> bool,
    is_second: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    let prefix = SPLIT_PREFIXES.iter().find(|prefix| is_first(prefix))?;
    canonical(|whole| {
        whole
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty() && is_second(rest))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical_of(word: &str) -> Option<&'static str> {
        canonical(|entry| entry == word)
    }

    fn canonical_of_split(first: &str, second: &str) -> Option<&'static str> {
        canonical_split(|entry| entry == first, |entry| entry == second)
    }

    #[test]
    fn variants_and_canonical_words_map_to_the_canonical_word() {
        assert_eq!(canonical_of("bks"), Some("bekas"));
        assert_eq!(canonical_of("bekas"), Some("bekas"));
        assert_eq!(canonical_of("2nd"), Some("second"));
        assert_eq!(canonical_of("impor"), Some("import"));
        assert_eq!(canonical_of("prelovd"), Some("preloved"));
        assert_eq!(canonical_of("brg"), Some("barang"));
        assert_eq!(canonical_of("pcs"), None);
        assert_eq!(canonical_of("bal"), None);
    }

    #[test]
    fn split_words_join_only_after_a_split_prefix() {
        assert_eq!(canonical_of_split("pre", "loved"), Some("preloved"));
        assert_eq!(canonical_of_split("pre", "love"), Some("preloved"));
        assert_eq!(canonical_of_split("pre", "order"), None);
        assert_eq!(canonical_of_split("sec", "ond"), None);
    }

    #[test]
    fn the_quick_test_lets_every_entry_through_and_stops_others() {
        for (canonical_word, variants) in ABBREVIATIONS {
            for word in variants.iter().chain([canonical_word]) {
                let first = word.chars().next().expect("entries are not empty");
                assert!(may_hold(word.len(), first), "{word}");
            }
        }
        assert!(!may_hold(3, 'z'));
        assert!(!may_hold(1, 'b'));
        assert!(!may_hold(20, 'b'));
        assert!(!may_hold(3, 'é'));
    }

    #[test]
    fn entries_are_lowercase_ascii_words() {
        for (canonical_word, variants) in ABBREVIATIONS {
            for word in variants.iter().chain([canonical_word]) {
                assert!(
                    word.bytes()
                        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit()),
                    "{word}"
                );
            }
        }
    }

    #[test]
    fn canonical_words_are_fixed_points_and_variants_are_unambiguous() {
        for (canonical_word, variants) in ABBREVIATIONS {
            assert_eq!(canonical_of(canonical_word), Some(*canonical_word));
            for variant in *variants {
                assert_eq!(canonical_of(variant), Some(*canonical_word));
            }
        }
    }
}
