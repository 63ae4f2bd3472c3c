//! Hashed features of normalised listing text.
//!
//! Each field (title, description) is normalised with [`saring_normalise::normalise`]. Its
//! words then give three kinds of feature, each hashed into one of `2^bucket_bits` buckets:
//!
//! - character n-grams (bytes of the UTF-8 text) of every word padded with a space on each
//!   side (`" bal "` gives `" b"`, `"ba"`, `"al"`, `"l "`, `" ba"`, ...), for `n` in
//!   `char_min..=char_max`;
//! - whole words;
//! - pairs of neighbouring words (when `word_ngrams` is 2).
//!
//! Hashing is a fixed FNV-1a over the bytes, so that all n-grams starting at one position
//! come out of one incremental pass (one multiply per n-gram, no string built per
//! feature), finished by a multiplicative mix whose top bits pick the bucket. It is
//! defined here, byte for byte, so a bucket never changes with a dependency's version.
//!
//! Digits can be folded to `0` first, so that prices, sizes and weights generalise
//! ("150rb" and "275rb" share their n-grams) instead of being memorised. Features of both
//! fields share one namespace; with `title_namespace`, title features are hashed a second
//! time into a namespace of their own, so a word can weigh more in a title.
//!
//! A listing's feature vector has value `1 / sqrt(n)` for each of its `n` feature
//! occurrences (a feature seen twice counts twice): long descriptions do not outweigh
//! short titles, and predicting needs no sorting or deduplication.

use std::ops::Range;

use saring_normalise::Normalised;

/// The version of the feature scheme: the hashing, the padding, the value of each
/// feature. A model records it, and one made under another scheme is refused. Bump it on
/// any change to this module that changes which bucket a feature lands in.
pub const FEATURE_SCHEME: u16 = 2;

/// Which features a model uses. Stored in the model file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSettings {
    /// log2 of the number of buckets.
    pub bucket_bits: u8,
    /// Shortest character n-gram.
    pub char_min: u8,
    /// Longest character n-gram (0 with `char_min` 0: no character n-grams).
    pub char_max: u8,
    /// Longest word n-gram: 1 (words) or 2 (words and pairs of words).
    pub word_ngrams: u8,
    /// Hash title features a second time into a namespace of their own.
    pub title_namespace: bool,
    /// Read every digit as `0`.
    pub fold_digits: bool,
}

/// Limits a model's settings must respect.
pub mod limits {
    /// Fewest bucket bits (2^16 buckets).
    pub const MIN_BUCKET_BITS: u8 = 16;
    /// Most bucket bits (2^22 buckets, 16 MiB of weights).
    pub const MAX_BUCKET_BITS: u8 = 22;
    /// Longest character n-gram.
    pub const MAX_CHAR_NGRAM: u8 = 8;
    /// Longest word n-gram.
    pub const MAX_WORD_NGRAM: u8 = 2;
}

impl Default for FeatureSettings {
    /// The settings of the shipped model.
    fn default() -> Self {
        FeatureSettings {
            bucket_bits: 18,
            char_min: 3,
            char_max: 5,
            word_ngrams: 2,
            title_namespace: true,
            fold_digits: true,
        }
    }
}

impl FeatureSettings {
    /// Why these settings cannot be used, if they cannot.
    pub fn problem(&self) -> Option<String> {
        let bits = limits::MIN_BUCKET_BITS..=limits::MAX_BUCKET_BITS;
        if !bits.contains(&self.bucket_bits) {
            return Some(format!(
                "bucket_bits {} is outside {}..={}",
                self.bucket_bits,
                limits::MIN_BUCKET_BITS,
                limits::MAX_BUCKET_BITS
            ));
        }
        let no_chars = self.char_min == 0 && self.char_max == 0;
        let chars_valid = 1 <= self.char_min
            && self.char_min <= self.char_max
            && self.char_max <= limits::MAX_CHAR_NGRAM;
        if !(no_chars || chars_valid) {
            return Some(format!(
                "character n-grams {}..={} are not within 1..={}",
                self.char_min,
                self.char_max,
                limits::MAX_CHAR_NGRAM
            ));
        }
        if !(1..=limits::MAX_WORD_NGRAM).contains(&self.word_ngrams) {
            return Some(format!(
                "word n-grams up to {} are not within 1..={}",
                self.word_ngrams,
                limits::MAX_WORD_NGRAM
            ));
        }
        None
    }

    /// The number of buckets.
    pub fn buckets(&self) -> usize {
        1 << self.bucket_bits
    }
}

/// Which field a feature comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The description.
    Description,
}

/// Hash starting values: one per kind of feature, so that the word "ba" and the character
/// bigram "ba" land in different buckets; and the title namespace.
const SEED_CHARS: u64 = 0x5a52_494e_4743_4831;
const SEED_WORDS: u64 = 0x5a52_494e_4757_3031;
const SEED_PAIRS: u64 = 0x5a52_494e_4757_3032;
const SEED_TITLE: u64 = 0x7469_746c_655f_6e73;
/// The FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// 2^64 divided by the golden ratio: the final mix.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// One byte into a running hash.
#[inline(always)]
fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

/// The running hash of `bytes` from `seed`.
#[inline(always)]
fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(seed, |hash, &byte| step(hash, byte))
}

/// The bucket of a finished hash in a namespace: the top `bits` of a multiplicative mix.
#[inline(always)]
pub(super) fn bucket_of(hash: u64, namespace: u64, bits: u8) -> u32 {
    // The shift leaves at most MAX_BUCKET_BITS bits: the value fits in 32 bits.
    ((hash ^ namespace).wrapping_mul(GOLDEN) >> (64 - u32::from(bits))) as u32
}

/// Receives the features of a field, unit by unit: a unit is a word (its character
/// n-grams and the word itself) or a pair of words.
pub trait Visitor {
    /// One feature occurrence, by bucket (below `2^bucket_bits`).
    fn feature(&mut self, bucket: u32);
    /// The features of one word, its character n-grams and the word itself, each passed
    /// to [`feature`](Self::feature) unless the visitor already knows what they add up to.
    /// Always the first thing of its unit.
    #[inline(always)]
    fn word(&mut self, word: &Word<'_>)
    where
        Self: Sized,
    {
        word.visit(self);
    }
    /// The features since the previous call came from `words`: a byte range of the
    /// normalised field text, one word or a pair of words.
    fn unit(&mut self, field: Field, words: Range<usize>) {
        let _ = (field, words);
    }
}

/// One word of a field, ready to give its own features: its character n-grams and the
/// word itself.
pub struct Word<'a> {
    /// The word (digits folded when the settings fold them) with a space on each side.
    padded: &'a [u8],
    /// The hash of the word's bytes: the word feature before its final mix.
    hash: u64,
    title_namespace: bool,
    settings: &'a FeatureSettings,
}

impl Word<'_> {
    /// The word's bytes as the features see them (digits folded when the settings say so).
    pub fn bytes(&self) -> &[u8] {
        &self.padded[1..self.padded.len() - 1]
    }

    /// A hash of [`bytes`](Self::bytes), fixed by the feature scheme.
    pub fn hash(&self) -> u64 {
        self.hash
    }

    /// Whether its features are also counted in the title namespace (a title word).
    pub fn title_namespace(&self) -> bool {
        self.title_namespace
    }

    /// Passes the word's own features to `visitor`: its character n-grams, then the word.
    #[inline(always)]
    pub fn visit(&self, visitor: &mut impl Visitor) {
        let settings = self.settings;
        let bits = settings.bucket_bits;
        let padded = self.padded;
        let (char_min, char_max) = (
            usize::from(settings.char_min),
            usize::from(settings.char_max),
        );
        if char_max > 0 {
            // Every n-gram starting at a given byte extends the hash of its first
            // `char_min - 1` bytes; starts with fewer than `char_min` bytes left give none.
            let head_length = char_min.saturating_sub(1);
            let starts = padded.len().saturating_sub(head_length);
            for first in 0..starts {
                let grams = &padded[first..padded.len().min(first + char_max)];
                let (head, tail) = grams.split_at(head_length);
                let mut hash = hash_bytes(SEED_CHARS, head);
                for &byte in tail {
                    hash = step(hash, byte);
                    emit(visitor, hash, bits, self.title_namespace);
                }
            }
        }
        emit(visitor, self.hash, bits, self.title_namespace);
    }
}

/// Reusable buffers for extracting features; one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    padded: Vec<u8>,
}

/// Emits one feature, and its twin in the title namespace when there is one.
#[inline(always)]
fn emit(visitor: &mut impl Visitor, hash: u64, bits: u8, title_namespace: bool) {
    visitor.feature(bucket_of(hash, 0, bits));
    if title_namespace {
        visitor.feature(bucket_of(hash, SEED_TITLE, bits));
    }
}

/// Passes every feature occurrence of a normalised field to `visitor`.
pub fn visit_field(
    settings: &FeatureSettings,
    field: Field,
    normalised: &Normalised,
    scratch: &mut Scratch,
    visitor: &mut impl Visitor,
) {
    let text = normalised.text();
    if text.is_empty() {
        return;
    }
    let bits = settings.bucket_bits;
    let title_namespace = field == Field::Title && settings.title_namespace;
    let fold_digits = settings.fold_digits;

    // The field between two spaces, digits folded: as words are separated by single spaces,
    // each word padded with a space on either side is a slice of it.
    let padded = &mut scratch.padded;
    padded.clear();
    padded.push(b' ');
    padded.extend(text.bytes().map(|byte| {
        if fold_digits && byte.is_ascii_digit() {
            b'0'
        } else {
            byte
        }
    }));
    padded.push(b' ');
    let mut previous_word: Option<(Range<usize>, u64)> = None;
    let mut start = 0;
    for word in text.as_bytes().split(|&byte| byte == b' ') {
        let range = start..start + word.len();
        start = range.end + 1;
        // `text[range]` is `padded[range.start + 1..range.end + 1]`.
        let padded = &padded[range.start..range.end + 2];
        let word_hash = hash_bytes(SEED_WORDS, &padded[1..padded.len() - 1]);
        visitor.word(&Word {
            padded,
            hash: word_hash,
            title_namespace,
            settings,
        });
        visitor.unit(field, range.clone());
        if settings.word_ngrams >= 2
            && let Some((previous, previous_hash)) = &previous_word
        {
            let pair_hash = previous_hash.wrapping_mul(GOLDEN) ^ word_hash ^ SEED_PAIRS;
            emit(visitor, pair_hash, bits, title_namespace);
            visitor.unit(field, previous.start..range.end);
        }
        previous_word = Some((range, word_hash));
    }
}

/// Collects bucket indices.
struct Buckets(Vec<u32>);

impl Visitor for Buckets {
    fn feature(&mut self, bucket: u32) {
        self.0.push(bucket);
    }
}

/// A listing as a sparse feature vector: bucket indices (with repeats) and the value of
/// each occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureVector {
    /// Bucket of each occurrence.
    pub buckets: Vec<u32>,
    /// The value of one occurrence: `1 / sqrt(occurrences)`.
    pub value: f32,
}

/// The feature vector of a listing's normalised title and description.
pub fn vectorise(
    settings: &FeatureSettings,
    title: &Normalised,
    description: &Normalised,
    scratch: &mut Scratch,
) -> FeatureVector {
    let mut buckets = Buckets(Vec::new());
    for (field, text) in [(Field::Title, title), (Field::Description, description)] {
        visit_field(settings, field, text, scratch, &mut buckets);
    }
    let Buckets(buckets) = buckets;
    let value = occurrence_value(buckets.len());
    FeatureVector { buckets, value }
}

/// The value of each of `occurrences` feature occurrences.
pub fn occurrence_value(occurrences: usize) -> f32 {
    if occurrences == 0 {
        0.0
    } else {
        (1.0 / (occurrences as f64).sqrt()) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use saring_normalise::normalise;

    /// A feature occurrence with the words it came from.
    #[derive(Debug)]
    struct Occurrence {
        bucket: u32,
        words: Range<usize>,
    }

    /// Collects occurrences, giving each the words of the unit it belongs to.
    #[derive(Default)]
    struct Occurrences {
        pending: Vec<u32>,
        found: Vec<Occurrence>,
    }

    impl Visitor for Occurrences {
        fn feature(&mut self, bucket: u32) {
            self.pending.push(bucket);
        }

        fn unit(&mut self, _field: Field, words: Range<usize>) {
            for bucket in self.pending.drain(..) {
                self.found.push(Occurrence {
                    bucket,
                    words: words.clone(),
                });
            }
        }
    }

    fn visit(settings: &FeatureSettings, field: Field, text: &str) -> Vec<Occurrence> {
        let mut occurrences = Occurrences::default();
        visit_field(
            settings,
            field,
            &normalise(text),
            &mut Scratch::default(),
            &mut occurrences,
        );
        assert!(occurrences.pending.is_empty(), "every feature is in a unit");
        occurrences.found
    }

    fn occurrences(settings: &FeatureSettings, text: &str) -> Vec<Occurrence> {
        visit(settings, Field::Description, text)
    }

    /// The features of `text` spelled out the slow way: each word copied with its padding,
    /// every n-gram hashed from scratch.
    fn reference_buckets(settings: &FeatureSettings, text: &str) -> Vec<u32> {
        let bits = settings.bucket_bits;
        let bucket = |hash| bucket_of(hash, 0, bits);
        let mut buckets = Vec::new();
        let mut previous: Option<u64> = None;
        for word in normalise(text).text().split(' ').filter(|w| !w.is_empty()) {
            let folded: Vec<u8> = word
                .bytes()
                .map(|b| if b.is_ascii_digit() { b'0' } else { b })
                .collect();
            let padded = [&b" "[..], &folded, b" "].concat();
            for first in 0..padded.len() {
                for n in usize::from(settings.char_min)..=usize::from(settings.char_max) {
                    if let Some(gram) = padded.get(first..first + n) {
                        buckets.push(bucket(hash_bytes(SEED_CHARS, gram)));
                    }
                }
            }
            let word_hash = hash_bytes(SEED_WORDS, &folded);
            buckets.push(bucket(word_hash));
            if let Some(previous) = previous {
                buckets.push(bucket(
                    previous.wrapping_mul(GOLDEN) ^ word_hash ^ SEED_PAIRS,
                ));
            }
            previous = Some(word_hash);
        }
        buckets
    }

    proptest::proptest! {
        #[test]
        fn features_are_those_of_each_word_padded_and_hashed_from_scratch(
            text in "[a-z0-9 ]{0,40}|(bal|b4l|日本|bekas|150rb| |\\.){0,12}"
        ) {
            let settings = FeatureSettings {
                title_namespace: false,
                ..FeatureSettings::default()
            };
            let mut found: Vec<u32> = occurrences(&settings, &text).into_iter().map(|o| o.bucket).collect();
            let mut expected = reference_buckets(&settings, &text);
            found.sort_unstable();
            expected.sort_unstable();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn counts_character_ngrams_words_and_pairs() {
        let settings = FeatureSettings {
            title_namespace: false,
            char_min: 2,
            ..FeatureSettings::default()
        };
        // " bal " has 5 chars: 4 bigrams, 3 trigrams, 2 4-grams, 1 5-gram = 10;
        // " segel " has 7 chars: 6 + 5 + 4 + 3 = 18; then 2 words and 1 pair.
        let found = occurrences(&settings, "BAL segel");
        assert_eq!(found.len(), 10 + 18 + 2 + 1);
        let pair = found.last().expect("features");
        assert_eq!(pair.words, 0..9, "the pair spans both words");
        assert!(found.iter().all(|o| o.bucket < 1 << settings.bucket_bits));
    }

    #[test]
    fn title_features_are_hashed_twice_with_a_title_namespace() {
        let settings = FeatureSettings::default();
        let in_title: Vec<u32> = visit(&settings, Field::Title, "bal segel")
            .into_iter()
            .map(|o| o.bucket)
            .collect();
        let in_description: Vec<u32> = occurrences(&settings, "bal segel")
            .into_iter()
            .map(|o| o.bucket)
            .collect();
        assert_eq!(in_title.len(), 2 * in_description.len());
        assert!(in_description.iter().all(|b| in_title.contains(b)));
    }

    #[test]
    fn folded_digits_make_prices_share_features() {
        let settings = FeatureSettings::default();
        let buckets = |text| -> Vec<u32> {
            occurrences(&settings, text)
                .into_iter()
                .map(|o| o.bucket)
                .collect()
        };
        assert_eq!(buckets("harga 150rb"), buckets("harga 275rb"));
        let unfolded = FeatureSettings {
            fold_digits: false,
            ..settings
        };
        let raw = |text| -> Vec<u32> {
            occurrences(&unfolded, text)
                .into_iter()
                .map(|o| o.bucket)
                .collect()
        };
        assert_ne!(raw("harga 150rb"), raw("harga 275rb"));
    }

    #[test]
    fn non_ascii_words_yield_features_of_their_bytes() {
        // "日本" is 6 bytes: padded 8, so 7 + 6 + 5 + 4 n-grams of 2..=5 bytes, and the word.
        let settings = FeatureSettings {
            char_min: 2,
            ..FeatureSettings::default()
        };
        let found = occurrences(&settings, "日本");
        assert_eq!(found.len(), 7 + 6 + 5 + 4 + 1);
        assert!(found.iter().all(|o| o.words == (0..6)));
    }

    #[test]
    fn different_kinds_of_feature_land_in_different_buckets() {
        // The word "ab" (one word feature) and its bigram "ab" must not share a bucket.
        let settings = FeatureSettings {
            title_namespace: false,
            ..FeatureSettings::default()
        };
        let found = occurrences(&settings, "ab");
        let word = found.last().expect("features").bucket;
        let grams: Vec<u32> = found[..found.len() - 1].iter().map(|o| o.bucket).collect();
        assert!(!grams.contains(&word), "{grams:?} {word}");
        let distinct: std::collections::BTreeSet<u32> = grams.iter().copied().collect();
        assert_eq!(
            distinct.len(),
            grams.len(),
            "n-grams of one word spread out"
        );
    }

    #[test]
    fn empty_text_has_no_features() {
        assert!(occurrences(&FeatureSettings::default(), "  !!  ").is_empty());
        assert_eq!(occurrence_value(0), 0.0);
        assert_eq!(occurrence_value(4), 0.5);
    }

    #[test]
    fn settings_out_of_range_are_named() {
        let ok = FeatureSettings::default();
        assert_eq!(ok.problem(), None);
        for bad in [
            FeatureSettings {
                bucket_bits: 30,
                ..ok
            },
            FeatureSettings {
                char_min: 4,
                char_max: 3,
                ..ok
            },
            FeatureSettings { char_max: 9, ..ok },
            FeatureSettings {
                word_ngrams: 3,
                ..ok
            },
        ] {
            assert!(bad.problem().is_some(), "{bad:?}");
        }
        let words_only = FeatureSettings {
            char_min: 0,
            char_max: 0,
            ..ok
        };
        assert_eq!(words_only.problem(), None);
    }
}
