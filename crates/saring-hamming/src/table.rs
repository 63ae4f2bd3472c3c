//! One substring's table: entries grouped by the substring's upper key bits in compressed
//! sparse row form (a directory of offsets into one flat byte array), built by counting sort.

use crate::entries::AlignedHash;
use crate::layout::Substring;

/// Bytes per entry in a bucket: its low key bits (one byte) and its slot (four).
const BYTES_PER_ENTRY: usize = 5;

/// Entry slots grouped by bucket. Bucket `b` holds the entries counted by
/// `directory[b]..directory[b + 1]`; its bytes, from `5 * directory[b]`, are first the
/// entries' low key bits, one byte each, then their slots in the entry store, as little-endian
/// `u32`. One bucket is then one or two cache lines.
#[derive(Clone, Debug, Default)]
pub(crate) struct SubstringTable {
    directory: Vec<u32>,
    buckets: Vec<u8>,
}

/// One bucket to scan for a query: in a bucket reached with `f` flipped upper bits, entries
/// whose low bits are within `radius - f` of the query's are within `radius` on the substring.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BucketProbe {
    /// Index of the substring (and of its table).
    pub(crate) substring: usize,
    /// The bucket.
    pub(crate) bucket: usize,
    /// The query's low key bits.
    pub(crate) query_low: u8,
    /// Most low key bits an entry may differ in.
    pub(crate) low_budget: u32,
}

/// Appends a probe for every bucket whose upper bits are within `radius` of `query_key`'s.
pub(crate) fn push_probes(
    substring_index: usize,
    substring: &Substring,
    query_key: u32,
    radius: u32,
    probes: &mut Vec<BucketProbe>,
) {
    let low_bits = substring.low_bits();
    let query_bucket = query_key >> low_bits;
    let query_low = (query_key & ((1u32 << low_bits) - 1)) as u8;
    for high_flips in 0..=radius.min(substring.high_bits) {
        for_each_mask(substring.high_bits, high_flips, |flip_mask| {
            probes.push(BucketProbe {
                substring: substring_index,
                bucket: (query_bucket ^ flip_mask) as usize,
                query_low,
                low_budget: radius - high_flips,
            });
        });
    }
}

impl SubstringTable {
    /// Groups every hash by `substring`'s bucket, without per-bucket allocation. Placing
    /// entries straight into their buckets would write to random places of a large array; so
    /// (key, slot) pairs are first grouped by the key's top bits into a temporary array (few
    /// write streams), then counted and placed into buckets partition after partition, each
    /// touching only a cache-sized window of the directory and bucket bytes. The caller
    /// guarantees fewer than 2^32 hashes; `scratch` is reused from table to table.
    pub(crate) fn build(
        substring: &Substring,
        hashes: &[AlignedHash],
        scratch: &mut Vec<u64>,
    ) -> Self {
        group_by_partition(substring, hashes, scratch);
        let pairs = &scratch[..];
        let low_bits = substring.low_bits();
        let bucket_of = |pair: u64| (pair >> (32 + low_bits)) as usize;
        let bucket_count = 1usize << substring.high_bits;
        let mut directory = vec![0u32; bucket_count + 1];
        for &pair in pairs {
            directory[bucket_of(pair) + 1] += 1;
        }
        for bucket in 1..=bucket_count {
            directory[bucket] += directory[bucket - 1];
        }
        let mut next_position = directory[..bucket_count].to_vec();
        let mut buckets = vec![0u8; hashes.len() * BYTES_PER_ENTRY];
        for &pair in pairs {
            let bucket = bucket_of(pair);
            let (first, count) = (
                directory[bucket] as usize,
                (directory[bucket + 1] - directory[bucket]) as usize,
            );
            let rank = next_position[bucket] as usize - first;
            next_position[bucket] += 1;
            let low_at = first * BYTES_PER_ENTRY + rank;
            let slot_at = first * BYTES_PER_ENTRY + count + rank * 4;
            buckets[low_at] = ((pair >> 32) as u32 & ((1 << low_bits) - 1)) as u8;
            buckets[slot_at..slot_at + 4].copy_from_slice(&(pair as u32).to_le_bytes());
        }
        Self { directory, buckets }
    }

    /// Builds the table of every substring, spread over the available cores.
    pub(crate) fn build_all(substrings: &[Substring], hashes: &[AlignedHash]) -> Vec<Self> {
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .clamp(1, substrings.len().max(1));
        let per_thread = substrings.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let workers: Vec<_> = substrings
                .chunks(per_thread)
                .map(|chunk| {
                    scope.spawn(move || {
                        let mut scratch = Vec::new();
                        chunk
                            .iter()
                            .map(|substring| Self::build(substring, hashes, &mut scratch))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|worker| {
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    }

    /// Asks the processor to start loading `bucket`'s directory entry.
    pub(crate) fn prefetch_directory(&self, bucket: usize) {
        if let Some(entry) = self.directory.get(bucket) {
            prefetch(entry);
        }
    }

    /// The bytes of `bucket` (see [`SubstringTable`]), asking the processor to start loading
    /// them.
    pub(crate) fn fetch_bucket(&self, bucket: usize) -> &[u8] {
        let first = self.directory[bucket] as usize * BYTES_PER_ENTRY;
        let end = self.directory[bucket + 1] as usize * BYTES_PER_ENTRY;
        let bytes = &self.buckets[first..end];
        if let (Some(head), Some(tail)) = (bytes.first(), bytes.last()) {
            prefetch(head);
            prefetch(tail);
        }
        bytes
    }

    /// Calls `visit` with the slot of every entry of `bucket_bytes` (from
    /// [`SubstringTable::fetch_bucket`]) whose low key bits are within the probe's budget.
    pub(crate) fn scan_bucket(
        bucket_bytes: &[u8],
        probe: &BucketProbe,
        mut visit: impl FnMut(u32),
    ) {
        let (low_keys, slots) = bucket_bytes.split_at(bucket_bytes.len() / BYTES_PER_ENTRY);
        for (&low_key, slot) in low_keys.iter().zip(slots.chunks_exact(4)) {
            if (low_key ^ probe.query_low).count_ones() <= probe.low_budget {
                visit(u32::from_le_bytes([slot[0], slot[1], slot[2], slot[3]]));
            }
        }
    }

    /// Calls `visit` with the slot of every entry whose substring key is within `radius` of
    /// `query_key` (the unpipelined form of a query's probing, for single lookups).
    pub(crate) fn for_each_within(
        &self,
        substring: &Substring,
        query_key: u32,
        radius: u32,
        mut visit: impl FnMut(u32),
    ) {
        let mut probes = Vec::new();
        push_probes(0, substring, query_key, radius, &mut probes);
        for probe in &probes {
            Self::scan_bucket(self.fetch_bucket(probe.bucket), probe, &mut visit);
        }
    }

    /// Bytes of heap memory held (by capacity).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.directory.capacity() * size_of::<u32>() + self.buckets.capacity()
    }
}

/// A partition spans about 2^12 buckets, so its window of the directory and of the bucket bytes
/// stays in the level-2 cache while it is placed.
const BUCKET_BITS_PER_PARTITION: u32 = 12;
/// At most 2^10 partitions, so grouping writes to few enough places at once.
const MAX_PARTITION_BITS: u32 = 10;

/// Fills `pairs` with every hash's `(substring key << 32) | slot`, grouped by the key's top bits
/// (stable).
fn group_by_partition(substring: &Substring, hashes: &[AlignedHash], pairs: &mut Vec<u64>) {
    let partition_bits = substring
        .high_bits
        .saturating_sub(BUCKET_BITS_PER_PARTITION)
        .min(MAX_PARTITION_BITS);
    let partition_shift = substring.width - partition_bits;
    let mut next_position = vec![0usize; (1 << partition_bits) + 1];
    for hash in hashes {
        next_position[(u64::from(substring.key(&hash.0)) >> partition_shift) as usize + 1] += 1;
    }
    for partition in 1..next_position.len() {
        next_position[partition] += next_position[partition - 1];
    }
    pairs.clear();
    pairs.resize(hashes.len(), 0);
    for (slot, hash) in hashes.iter().enumerate() {
        let key = substring.key(&hash.0);
        let position = &mut next_position[(u64::from(key) >> partition_shift) as usize];
        pairs[*position] = (u64::from(key) << 32) | slot as u64;
        *position += 1;
    }
}

/// Asks the processor to start loading the cache line holding `value`.
pub(crate) fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it reads nothing into the program, never faults, and
    // SSE, which provides it, is part of every x86-64 processor.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Calls `visit` with every `bits`-bit mask that has exactly `ones` bits set, in increasing
/// order (Gosper's next-combination step). `bits` is at most 32.
fn for_each_mask(bits: u32, ones: u32, mut visit: impl FnMut(u32)) {
    if ones > bits {
        return;
    }
    let end = 1u64 << bits;
    let mut mask = (1u64 << ones) - 1;
    loop {
        visit(mask as u32);
        if mask == 0 {
            return;
        }
        let lowest = mask & mask.wrapping_neg();
        let ripple = mask + lowest;
        mask = (((ripple ^ mask) >> 2) / lowest) | ripple;
        if mask >= end {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn masks_are_all_distinct_combinations() {
        for bits in [0, 1, 5, 12] {
            for ones in 0..=bits + 1 {
                let mut masks = Vec::new();
                for_each_mask(bits, ones, |mask| masks.push(mask));
                let expected: Vec<u32> = (0..1u32 << bits)
                    .filter(|mask| mask.count_ones() == ones)
                    .collect();
                assert_eq!(masks, expected, "bits {bits}, ones {ones}");
            }
        }
        let mut count = 0;
        for_each_mask(32, 2, |_| count += 1);
        assert_eq!(count, 32 * 31 / 2);
    }

    #[test]
    fn probing_finds_exactly_the_keys_within_the_radius() {
        let substring = Substring {
            start: 60,
            width: 10,
            high_bits: 6,
        };
        // Every 10-bit key once, placed across the word boundary at bit 60.
        let hashes: Vec<AlignedHash> = (0u64..1024)
            .map(|key| AlignedHash([key << 60, key >> 4, 0, 0]))
            .collect();
        let table = SubstringTable::build(&substring, &hashes, &mut Vec::new());
        for query_key in [0u32, 0b10_1101_0011, 1023] {
            for radius in 0..=11 {
                let mut found = BTreeSet::new();
                table.for_each_within(&substring, query_key, radius, |slot| {
                    assert!(found.insert(slot as usize), "slot {slot} visited twice");
                });
                let expected: BTreeSet<usize> = (0..1024usize)
                    .filter(|&key| (key as u32 ^ query_key).count_ones() <= radius)
                    .collect();
                assert_eq!(found, expected, "query {query_key:b}, radius {radius}");
            }
        }
    }
}
