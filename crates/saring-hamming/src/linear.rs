//! The brute-force reference: compare the query with every entry.

use crate::entries::EntryStore;
use crate::{Hash256, IndexError, MAX_ENTRIES, Match};

/// Brute-force search: every query compares all entries (one `count_ones` per 64-bit word).
/// The reference the tests hold [`crate::HammingIndex`] to, and the baseline of the benchmarks.
#[derive(Clone, Debug, Default)]
pub struct LinearScan {
    entries: EntryStore,
}

impl LinearScan {
    /// An empty scan.
    pub fn new() -> Self {
        Self::default()
    }

    /// A scan over `entries` (hash, id).
    pub fn from_entries(
        entries: impl IntoIterator<Item = (Hash256, u64)>,
    ) -> Result<Self, IndexError> {
        Ok(Self {
            entries: EntryStore::collect(entries)?,
        })
    }

    /// Adds an entry.
    pub fn insert(&mut self, hash: Hash256, id: u64) -> Result<(), IndexError> {
        if self.entries.len() >= MAX_ENTRIES {
            return Err(IndexError::TooManyEntries);
        }
        self.entries.push(hash, id);
        Ok(())
    }

    /// Removes every entry equal to (`hash`, `id`); returns how many there were.
    pub fn remove(&mut self, hash: &Hash256, id: u64) -> usize {
        self.entries.remove_all(hash, id)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    /// Every entry within `max_distance` of `query`, sorted by distance then id.
    pub fn query(&self, query: &Hash256, max_distance: u32) -> Vec<Match> {
        let mut matches = Vec::new();
        self.entries
            .scan_into(query, max_distance, |_| true, &mut matches);
        matches.sort_unstable();
        matches
    }

    /// Bytes of heap memory held.
    pub fn memory_bytes(&self) -> usize {
        self.entries.heap_bytes()
    }
}
