//! Near-duplicate text: keyed word shingles of the normalised title and description,
//! MinHash signatures over them and LSH banding for candidate lookup.
//!
//! Text is cut into sentences first (at `. ! ? ; |`, bullets and line breaks, but not at
//! the dot of "150.000") and shingled within each sentence, so a boilerplate sentence
//! ("Barang ready, langsung order saja") yields only its own shingles, which the commonness
//! statistics then recognise and drop.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::keyed::ShingleHasher;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 3;
/// Most shingles kept per listing text (the first ones, in text order).
pub const MAX_SHINGLES_PER_TEXT: usize = 512;
/// MinHash permutations per signature.
pub const MINHASH_PERMUTATIONS: usize = 128;
/// LSH bands; each band is `MINHASH_PERMUTATIONS / LSH_BANDS` rows. 32 bands of 4 rows find
/// a pair with Jaccard similarity 0.5 with probability 0.87, 0.6 with 0.99, 0.2 with 0.05.
pub const LSH_BANDS: usize = 32;
const LSH_ROWS: usize = MINHASH_PERMUTATIONS / LSH_BANDS;

/// Characters that end a sentence (a `.` only when no digit follows).
fn ends_sentence(c: char, next: Option<char>) -> bool {
    match c {
        '.' => !next.is_some_and(|n| n.is_ascii_digit()),
        '!' | '?' | ';' | '|' | '\n' | '\r' | '•' | '·' | '*' => true,
        _ => false,
    }
}

/// Sentences of `text`, split on sentence ends.
fn sentences(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        if ends_sentence(c, next) {
            pieces.push(&text[start..index]);
            start = index + c.len_utf8();
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// Keyed shingle hashes of a listing's title and description, sorted and without
/// duplicates. A sentence of two words is one shingle; one-word sentences carry too little
/// to compare and give none.
pub(crate) fn text_shingles(hasher: &ShingleHasher, title: &str, description: &str) -> Vec<u64> {
    let mut shingles = Vec::new();
    for sentence in sentences(title).into_iter().chain(sentences(description)) {
        let normalised = saring_normalise::normalise(sentence);
        let words: Vec<&str> = normalised
            .text()
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 {
            continue;
        }
        let width = SHINGLE_WORDS.min(words.len());
        for window in words.windows(width) {
            if shingles.len() == MAX_SHINGLES_PER_TEXT {
                break;
            }
            shingles.push(hasher.hash(&window.join(" ")));
        }
    }
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// Jaccard similarity of two sorted, duplicate-free sets, with the size of the
/// intersection.
pub(crate) fn jaccard(left: &[u64], right: &[u64]) -> (f64, usize) {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = left.len() + right.len() - shared;
    if union == 0 {
        return (0.0, 0);
    }
    // Set sizes are far below 2^52: the conversions are exact.
    (shared as f64 / union as f64, shared)
}

/// A MinHash signature: for each of [`MINHASH_PERMUTATIONS`] seeded xxh3 hash functions,
/// the least hash over the shingle set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinHashSignature(Vec<u64>);

impl MinHashSignature {
    /// The signature of a shingle set; `None` for an empty set.
    pub fn of(shingles: &[u64]) -> Option<Self> {
        if shingles.is_empty() {
            return None;
        }
        let minima = (0..MINHASH_PERMUTATIONS as u64)
            .map(|seed| {
                shingles
                    .iter()
                    .map(|shingle| xxh3_64_with_seed(&shingle.to_le_bytes(), seed))
                    .min()
                    .unwrap_or(u64::MAX)
            })
            .collect();
        Some(Self(minima))
    }

    /// Estimated Jaccard similarity: the share of permutations whose minima agree.
    pub fn estimate_jaccard(&self, other: &MinHashSignature) -> f64 {
        let agreeing = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        agreeing as f64 / MINHASH_PERMUTATIONS as f64
    }

    /// One key per band: the hash of its rows, tagged with the band number.
    fn band_keys(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.0.chunks(LSH_ROWS).enumerate().map(|(band, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|row| row.to_le_bytes()).collect();
            (band, xxh3_64(&bytes))
        })
    }
}

/// LSH banding over MinHash signatures: items whose signatures agree on all rows of at
/// least one band are candidates.
#[derive(Debug, Clone, Default)]
pub(crate) struct LshIndex {
    buckets: HashMap<(usize, u64), Vec<usize>>,
}

impl LshIndex {
    /// Files `item` under each band of `signature`.
    pub(crate) fn insert(&mut self, signature: &MinHashSignature, item: usize) {
        for key in signature.band_keys() {
            self.buckets.entry(key).or_default().push(item);
        }
    }

    /// Items sharing at least one band with `signature`, sorted, without duplicates.
    pub(crate) fn candidates(&self, signature: &MinHashSignature) -> Vec<usize> {
        let mut items: Vec<usize> = signature
            .band_keys()
            .filter_map(|key| self.buckets.get(&key))
            .flatten()
            .copied()
            .collect();
        items.sort_unstable();
        items.dedup();
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyed::{DeploymentSecret, MIN_SECRET_BYTES};

    fn hasher() -> ShingleHasher {
        DeploymentSecret::new(vec![3; MIN_SECRET_BYTES])
            .expect("long enough")
            .shingle_hasher()
    }

    #[test]
    fn sentences_split_on_ends_but_not_inside_numbers() {
        assert_eq!(
            sentences("Harga 150.000. Ready!\nOrder sekarang"),
            ["Harga 150.000", " Ready", "", "Order sekarang"]
        );
    }

    #[test]
    fn shingles_stay_within_sentences_and_see_through_disguises() {
        let hasher = hasher();
        let plain = text_shingles(&hasher, "", "jaket kulit asli garut. kirim hari ini");
        let disguised = text_shingles(&hasher, "", "JAKET  kulit ASLI garut!! Kirim hari ini");
        assert_eq!(plain, disguised);
        // "kulit asli garut" + "jaket kulit asli" and "kirim hari ini": no shingle spans the
        // sentence end.
        assert_eq!(plain.len(), 3);
    }

    #[test]
    fn minhash_estimates_jaccard() {
        let left: Vec<u64> = (0..200).collect();
        let right: Vec<u64> = (50..250).collect();
        let (exact, shared) = jaccard(&left, &right);
        assert_eq!(shared, 150);
        let estimate = MinHashSignature::of(&left)
            .expect("non-empty")
            .estimate_jaccard(&MinHashSignature::of(&right).expect("non-empty"));
        assert!((estimate - exact).abs() < 0.15, "{estimate} vs {exact}");
        assert_eq!(MinHashSignature::of(&[]), None);
    }

    #[test]
    fn lsh_finds_near_duplicates_and_not_strangers() {
        let base: Vec<u64> = (0..100).collect();
        let near: Vec<u64> = (10..110).collect();
        let stranger: Vec<u64> = (1000..1100).collect();
        let mut index = LshIndex::default();
        index.insert(&MinHashSignature::of(&base).expect("non-empty"), 7);
        let signature = |set: &[u64]| MinHashSignature::of(set).expect("non-empty");
        assert_eq!(index.candidates(&signature(&near)), [7]);
        assert!(index.candidates(&signature(&stranger)).is_empty());
    }
}
