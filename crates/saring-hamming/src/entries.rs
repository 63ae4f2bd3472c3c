//! Column storage of (hash, id) entries and the linear scan over it.

use crate::{Hash256, IndexError, MAX_ENTRIES, Match, hamming_distance};

/// A hash aligned to 32 bytes so that reading one never touches two cache lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C, align(32))]
pub(crate) struct AlignedHash(pub(crate) Hash256);

/// Entries in insertion order, hashes and ids in separate columns. An entry's position is its slot.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntryStore {
    hashes: Vec<AlignedHash>,
    ids: Vec<u64>,
}

impl EntryStore {
    /// An empty store with room for `capacity` entries.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self {
            hashes: Vec::with_capacity(capacity),
            ids: Vec::with_capacity(capacity),
        }
    }

    /// A store of `entries`, sized from the iterator's lower size hint and without spare
    /// capacity at the end.
    pub(crate) fn collect(
        entries: impl IntoIterator<Item = (Hash256, u64)>,
    ) -> Result<Self, IndexError> {
        let entries = entries.into_iter();
        let mut store = Self::with_capacity(entries.size_hint().0.min(MAX_ENTRIES));
        for (hash, id) in entries {
            if store.len() >= MAX_ENTRIES {
                return Err(IndexError::TooManyEntries);
            }
            store.push(hash, id);
        }
        store.shrink_to_fit();
        Ok(store)
    }

    /// Appends an entry at slot `len()`.
    pub(crate) fn push(&mut self, hash: Hash256, id: u64) {
        self.hashes.push(AlignedHash(hash));
        self.ids.push(id);
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// All hashes, indexed by slot.
    pub(crate) fn hashes(&self) -> &[AlignedHash] {
        &self.hashes
    }

    /// The hash at `slot`.
    pub(crate) fn hash(&self, slot: usize) -> &Hash256 {
        &self.hashes[slot].0
    }

    /// The id at `slot`.
    pub(crate) fn id(&self, slot: usize) -> u64 {
        self.ids[slot]
    }

    /// Keeps only the entries whose slot satisfies `keep`, preserving their order.
    pub(crate) fn retain_slots(&mut self, keep: impl Fn(usize) -> bool) {
        let mut slot = 0;
        self.hashes.retain(|_| {
            slot += 1;
            keep(slot - 1)
        });
        slot = 0;
        self.ids.retain(|_| {
            slot += 1;
            keep(slot - 1)
        });
    }

    /// Removes every entry equal to (`hash`, `id`); returns how many were removed.
    pub(crate) fn remove_all(&mut self, hash: &Hash256, id: u64) -> usize {
        let before = self.len();
        let hashes = &self.hashes;
        let ids = &self.ids;
        let doomed: Vec<bool> = hashes
            .iter()
            .zip(ids)
            .map(|(h, i)| h.0 == *hash && *i == id)
            .collect();
        self.retain_slots(|slot| !doomed[slot]);
        before - self.len()
    }

    /// Moves every entry of `other` to the end of this store.
    pub(crate) fn append(&mut self, other: &mut EntryStore) {
        self.hashes.append(&mut other.hashes);
        self.ids.append(&mut other.ids);
    }

    /// Releases spare capacity.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.hashes.shrink_to_fit();
        self.ids.shrink_to_fit();
    }

    /// Bytes of heap memory held (by capacity, not length).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.hashes.capacity() * size_of::<AlignedHash>() + self.ids.capacity() * size_of::<u64>()
    }

    /// Compares every entry with `query` and appends those within `max_distance` whose slot is
    /// live (`is_live` is asked only for entries within the distance).
    pub(crate) fn scan_into(
        &self,
        query: &Hash256,
        max_distance: u32,
        is_live: impl Fn(usize) -> bool,
        out: &mut Vec<Match>,
    ) {
        for (slot, (hash, &id)) in self.hashes.iter().zip(&self.ids).enumerate() {
            let distance = hamming_distance(&hash.0, query);
            if distance <= max_distance && is_live(slot) {
                out.push(Match { distance, id });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_of(entries: &[(Hash256, u64)]) -> EntryStore {
        let mut store = EntryStore::with_capacity(entries.len());
        for &(hash, id) in entries {
            store.push(hash, id);
        }
        store
    }

    #[test]
    fn remove_all_drops_only_exact_pairs_and_keeps_order() {
        let a = [1, 0, 0, 0];
        let b = [2, 0, 0, 0];
        let mut store = store_of(&[(a, 1), (b, 1), (a, 2), (a, 1), (b, 3)]);
        assert_eq!(store.remove_all(&a, 1), 2);
        let left: Vec<(Hash256, u64)> = (0..store.len())
            .map(|slot| (*store.hash(slot), store.id(slot)))
            .collect();
        assert_eq!(left, vec![(b, 1), (a, 2), (b, 3)]);
        assert_eq!(store.remove_all(&a, 1), 0);
    }

    #[test]
    fn scan_respects_distance_and_liveness() {
        let store = store_of(&[([0; 4], 10), ([0b111, 0, 0, 0], 11), ([0, 0, 0, 1], 12)]);
        let mut out = Vec::new();
        store.scan_into(&[0; 4], 1, |_| true, &mut out);
        assert_eq!(
            out,
            vec![
                Match {
                    distance: 0,
                    id: 10
                },
                Match {
                    distance: 1,
                    id: 12
                }
            ]
        );
        out.clear();
        store.scan_into(&[0; 4], 3, |slot| slot != 0, &mut out);
        assert_eq!(
            out,
            vec![
                Match {
                    distance: 3,
                    id: 11
                },
                Match {
                    distance: 1,
                    id: 12
                }
            ]
        );
    }
}
