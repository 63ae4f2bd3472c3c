//! A per-thread memory of what recently seen words add to a score.
//!
//! Most of the classifier's work is a word's own features: a six-letter word has fifteen
//! character n-grams and the word itself, each hashed and looked up in the weights. Sellers
//! use few words ("jual", "bekas", "kondisi", "ready", "size"), so a marketplace's listings
//! repeat them endlessly; remembering each word's sum turns those sixteen lookups into
//! one. The memory is a fixed table indexed by the word's hash, holding the word's bytes so
//! that a collision is a miss and never a wrong sum, and it forgets whatever another word
//! or another classifier overwrites: its size is fixed whatever the traffic.

use super::features::{Word, bucket_of};

/// Number of sets, a power of two, of [`WAYS`] slots each: 16,384 slots of 40 bytes, 640 KiB
/// per thread that scores. The 878 listings of the test corpus have 3,435 distinct words
/// (title and description counted apart): they fit several times over.
const SETS: usize = 1 << 13;

/// Slots per set: a word can sit in either of two slots, the most recently stored first,
/// so two frequent words that share a set do not keep evicting each other.
const WAYS: usize = 2;

/// Longest word remembered, in bytes; longer ones are always computed.
const MAX_WORD: usize = 30;

/// What a word adds to a score, and how many feature occurrences it has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct WordSum {
    /// The sum of the weights of the word's own features.
    pub(super) sum: f32,
    /// How many feature occurrences that is.
    pub(super) occurrences: u32,
}

/// A word as the memo keys it: its bytes, zero-padded, then its length and whether it is
/// in the title namespace. All zeros is no word (words are never empty).
type Key = [u8; MAX_WORD + 2];

#[derive(Clone, Copy)]
struct Slot {
    key: Key,
    value: WordSum,
}

const EMPTY: Slot = Slot {
    key: [0; MAX_WORD + 2],
    value: WordSum {
        sum: 0.0,
        occurrences: 0,
    },
};

/// Word sums of one classifier, remembered on one thread.
#[derive(Default)]
pub(super) struct WordMemo {
    /// The classifier the sums belong to.
    classifier: u64,
    /// `SETS * WAYS` slots, a set's slots side by side; empty until the first word is
    /// remembered.
    slots: Vec<Slot>,
}

impl WordMemo {
    /// Makes the memory hold sums of `classifier` from now on, forgetting another's.
    pub(super) fn serve(&mut self, classifier: u64) {
        if self.classifier != classifier {
            self.classifier = classifier;
            self.slots.clear();
        }
    }

    /// The remembered sum of `word`, if it is held.
    #[inline]
    pub(super) fn get(&self, word: &Word<'_>) -> Option<WordSum> {
        let key = key_of(word)?;
        let set = self.slots.get(set_of(word))?;
        set.iter()
            .find(|slot| slot.key == key)
            .map(|slot| slot.value)
    }

    /// Remembers the sum of `word` first in its set, the set's older word moving second.
    pub(super) fn put(&mut self, word: &Word<'_>, value: WordSum) {
        let Some(key) = key_of(word) else {
            return;
        };
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; SETS * WAYS];
        }
        if let Some(set) = self.slots.get_mut(set_of(word)) {
            set.copy_within(..WAYS - 1, 1);
            set[0] = Slot { key, value };
        }
    }
}

/// The key of `word`, or none when it is too long to remember.
#[inline]
fn key_of(word: &Word<'_>) -> Option<Key> {
    let bytes = word.bytes();
    let len = u8::try_from(bytes.len())
        .ok()
        .filter(|&len| (1..=MAX_WORD).contains(&usize::from(len)))?;
    let mut key = [0; MAX_WORD + 2];
    key[..bytes.len()].copy_from_slice(bytes);
    key[MAX_WORD] = len;
    key[MAX_WORD + 1] = u8::from(word.title_namespace());
    Some(key)
}

/// The slots of the set of `word`: the set is picked from its hash and namespace as a
/// feature's bucket is.
#[inline]
fn set_of(word: &Word<'_>) -> std::ops::Range<usize> {
    // SETS is 2^13: its bits fit a u8, and a set number an index.
    let set = bucket_of(
        word.hash(),
        u64::from(word.title_namespace()),
        SETS.trailing_zeros() as u8,
    ) as usize;
    set * WAYS..(set + 1) * WAYS
}
