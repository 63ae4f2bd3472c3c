//! How the 256 bits are cut into substrings, and which radius each substring is probed at.

use crate::{HASH_BITS, Hash256};

/// Fewest substrings: keeps every substring key within 32 bits.
const MIN_SUBSTRINGS: u32 = HASH_BITS / 32;
/// Most substrings: below 8 bits a substring no longer narrows the search.
const MAX_SUBSTRINGS: u32 = HASH_BITS / 8;
/// Low key bits are stored in one byte per entry, so a bucket spans at most 8 key bits.
const MAX_LOW_BITS: u32 = 8;
/// A directory bucket holds about 2^BUCKET_LOG2_ENTRIES entries on uniform data: a handful of
/// one-byte low keys scanned in one cache line instead of one directory word per exact key.
const BUCKET_LOG2_ENTRIES: f64 = 3.0;

/// Relative costs used to choose between probing and scanning, in units of one entry of a
/// linear scan (measured on x86-64-v2: a scan compares one hash in about a nanosecond, a random
/// memory access costs tens of nanoseconds).
const COST_PER_PROBE: f64 = 40.0;
const COST_PER_BUCKET_ENTRY: f64 = 2.0;
const COST_PER_CANDIDATE: f64 = 25.0;

/// A run of contiguous bits of the hash, keyed into a directory of `2^high_bits` buckets by its
/// upper bits; the remaining `low_bits` are kept per entry and filtered while scanning a bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Substring {
    /// Index of the first bit (bit i is bit i % 64 of word i / 64).
    pub(crate) start: u32,
    /// Number of bits, 8 to 32.
    pub(crate) width: u32,
    /// Bits of the key that select the directory bucket.
    pub(crate) high_bits: u32,
}

impl Substring {
    /// The substring's bits of `hash` as an integer (bit `start` is the lowest).
    pub(crate) fn key(&self, hash: &Hash256) -> u32 {
        let word = (self.start / 64) as usize;
        let shift = self.start % 64;
        let mut bits = hash[word] >> shift;
        if shift + self.width > 64 {
            bits |= hash[word + 1] << (64 - shift);
        }
        (bits & ((1u64 << self.width) - 1)) as u32
    }

    /// Key bits below the directory bits, kept per entry.
    pub(crate) fn low_bits(&self) -> u32 {
        self.width - self.high_bits
    }
}

/// The substrings of one index, chosen from its number of entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    substrings: Vec<Substring>,
}

/// Radii for one query distance `d` (Norouzi et al.'s refined pigeonhole): with `m` substrings
/// and `d = base * m + extra`, the first `extra + 1` substrings are probed at `base` and the rest
/// at `base - 1`, or not at all when `base` is 0. A hash within `d` has some substring within its
/// radius: otherwise its distance would be at least `(extra + 1)(base + 1) + (m - extra - 1) base
/// = d + 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RadiusPlan {
    base: u32,
    wide_count: usize,
}

impl RadiusPlan {
    /// The radius to probe substring `index` at, or `None` to skip it.
    pub(crate) fn radius(&self, index: usize) -> Option<u32> {
        if index < self.wide_count {
            Some(self.base)
        } else {
            self.base.checked_sub(1)
        }
    }
}

impl Layout {
    /// Substrings of about log2(entry_count) bits (Norouzi et al.: then a bucket holds about one
    /// entry on uniform data), the wider ones first, covering all 256 bits.
    pub(crate) fn for_entry_count(entry_count: usize) -> Self {
        let log2_entries = (entry_count.max(2) as f64).log2();
        let count = ((f64::from(HASH_BITS) / log2_entries).round() as u32)
            .clamp(MIN_SUBSTRINGS, MAX_SUBSTRINGS);
        let target_high_bits = (log2_entries - BUCKET_LOG2_ENTRIES).round().max(0.0) as u32;
        let narrow_width = HASH_BITS / count;
        let wide_count = HASH_BITS % count;
        let mut start = 0;
        let substrings = (0..count)
            .map(|index| {
                let width = narrow_width + u32::from(index < wide_count);
                let high_bits = target_high_bits.clamp(width.saturating_sub(MAX_LOW_BITS), width);
                let substring = Substring {
                    start,
                    width,
                    high_bits,
                };
                start += width;
                substring
            })
            .collect();
        Self { substrings }
    }

    /// The substrings in probe order.
    pub(crate) fn substrings(&self) -> &[Substring] {
        &self.substrings
    }

    /// The radii that make a search for distance `max_distance` exact.
    pub(crate) fn plan(&self, max_distance: u32) -> RadiusPlan {
        let count = self.substrings.len() as u32;
        RadiusPlan {
            base: max_distance / count,
            wide_count: (max_distance % count) as usize + 1,
        }
    }

    /// Estimated cost of a multi-index search at `max_distance` over `entry_count` entries on
    /// uniform data, in units of one entry of a linear scan.
    pub(crate) fn estimated_probe_cost(&self, max_distance: u32, entry_count: usize) -> f64 {
        let plan = self.plan(max_distance);
        let entries = entry_count as f64;
        self.substrings
            .iter()
            .enumerate()
            .filter_map(|(index, substring)| plan.radius(index).map(|radius| (substring, radius)))
            .map(|(substring, radius)| {
                let probes = ball_size(substring.high_bits, radius);
                let bucket_entries = probes * entries / 2f64.powi(substring.high_bits as i32);
                let candidates = ball_size(substring.width, radius) * entries
                    / 2f64.powi(substring.width as i32);
                probes * COST_PER_PROBE
                    + bucket_entries * COST_PER_BUCKET_ENTRY
                    + candidates * COST_PER_CANDIDATE
            })
            .sum()
    }

    /// Bytes of heap memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.substrings.capacity() * size_of::<Substring>()
    }
}

/// Number of `bits`-bit strings within Hamming distance `radius` of a given one.
fn ball_size(bits: u32, radius: u32) -> f64 {
    let mut term = 1.0;
    let mut total = 1.0;
    for flips in 1..=radius.min(bits) {
        term *= f64::from(bits - flips + 1) / f64::from(flips);
        total += term;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bit(hash: &Hash256, index: u32) -> u64 {
        (hash[(index / 64) as usize] >> (index % 64)) & 1
    }

    #[test]
    fn layouts_cover_every_bit_once_with_valid_splits() {
        for entry_count in [0, 1, 2, 100, 5_000, 100_000, 1_000_000, 10_000_000, 1 << 32] {
            let layout = Layout::for_entry_count(entry_count);
            let mut next = 0;
            for substring in layout.substrings() {
                assert_eq!(substring.start, next, "gap or overlap at {entry_count}");
                assert!((8..=32).contains(&substring.width));
                assert!(substring.low_bits() <= MAX_LOW_BITS);
                next += substring.width;
            }
            assert_eq!(next, HASH_BITS);
        }
    }

    #[test]
    fn ten_million_entries_use_eleven_substrings_of_23_or_24_bits() {
        let layout = Layout::for_entry_count(10_000_000);
        let widths: Vec<u32> = layout.substrings().iter().map(|s| s.width).collect();
        assert_eq!(widths, [24, 24, 24, 23, 23, 23, 23, 23, 23, 23, 23]);
        assert!(layout.substrings().iter().all(|s| s.high_bits == 20));
        // d = 31 = 2 * 11 + 9: ten substrings at radius 2, the last at radius 1.
        let plan = layout.plan(31);
        assert_eq!((0..11).filter_map(|i| plan.radius(i)).sum::<u32>(), 21);
        assert_eq!(plan.radius(10), Some(1));
    }

    #[test]
    fn ball_sizes_are_binomial_sums() {
        assert_eq!(ball_size(20, 0), 1.0);
        assert_eq!(ball_size(20, 2), 1.0 + 20.0 + 190.0);
        assert_eq!(ball_size(3, 9), 8.0);
    }

    proptest! {
        #[test]
        fn key_matches_bitwise_extraction(
            hash in any::<[u64; 4]>(),
            entry_count in 0usize..20_000_000,
        ) {
            for substring in Layout::for_entry_count(entry_count).substrings() {
                let expected = (0..substring.width)
                    .map(|offset| bit(&hash, substring.start + offset) << offset)
                    .sum::<u64>();
                prop_assert_eq!(u64::from(substring.key(&hash)), expected);
            }
        }

        #[test]
        fn some_substring_of_any_match_is_within_its_radius(
            differing_bits in proptest::collection::vec(0u32..HASH_BITS, 0..80),
            extra_distance in 0u32..40,
            entry_count in 0usize..20_000_000,
        ) {
            let mut xor = [0u64; 4];
            for bit_index in differing_bits {
                xor[(bit_index / 64) as usize] |= 1 << (bit_index % 64);
            }
            let layout = Layout::for_entry_count(entry_count);
            let distance: u32 = xor.iter().map(|w| w.count_ones()).sum();
            let plan = layout.plan(distance + extra_distance);
            let reached = layout.substrings().iter().enumerate().any(|(index, substring)| {
                plan.radius(index).is_some_and(|radius| substring.key(&xor).count_ones() <= radius)
            });
            prop_assert!(reached);
        }
    }
}
