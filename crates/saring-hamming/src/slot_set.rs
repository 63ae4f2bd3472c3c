//! A small set of slots for one query, so that an entry reached through several substrings
//! (as every member of a tight cluster is) has its hash fetched and checked once.

/// Marks an empty cell; slots are below [`crate::MAX_ENTRIES`] = `u32::MAX`.
const EMPTY: u32 = u32::MAX;

/// Open addressing with linear probing, sized at creation for its most insertions.
#[derive(Debug)]
pub(crate) struct SlotSet {
    cells: Vec<u32>,
    /// 64 minus log2 of the number of cells.
    shift: u32,
}

impl SlotSet {
    /// A set that will receive at most `max_inserts` insertions: at most half full, so probe
    /// runs stay short.
    pub(crate) fn with_max_inserts(max_inserts: usize) -> Self {
        let capacity = (max_inserts * 2).next_power_of_two().max(16);
        Self {
            cells: vec![EMPTY; capacity],
            shift: 64 - capacity.trailing_zeros(),
        }
    }

    /// Adds `slot`; returns whether it was absent.
    pub(crate) fn insert(&mut self, slot: u32) -> bool {
        let mask = self.cells.len() - 1;
        // Fibonacci hashing: the top bits of slot * 2^64 / phi.
        let mut cell = (u64::from(slot).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize;
        loop {
            match self.cells[cell] {
                EMPTY => {
                    self.cells[cell] = slot;
                    return true;
                }
                present if present == slot => return false,
                _ => cell = (cell + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    proptest! {
        #[test]
        fn behaves_like_a_hash_set(slots in proptest::collection::vec(0u32..500, 0..300)) {
            let mut set = SlotSet::with_max_inserts(slots.len());
            let mut reference = HashSet::new();
            for slot in slots {
                prop_assert_eq!(set.insert(slot), reference.insert(slot));
            }
        }
    }

    #[test]
    fn large_slots_and_full_capacity_work() {
        let mut set = SlotSet::with_max_inserts(3);
        for slot in [u32::MAX - 1, 0, 1 << 31] {
            assert!(set.insert(slot));
            assert!(!set.insert(slot));
        }
    }
}
