//! Exact Hamming-radius search over 256-bit perceptual hashes (Meta's PDQ).
//!
//! [`HammingIndex`] returns every entry within Hamming distance `d` of a query, with no missed
//! match, as (distance, id) sorted by distance then id, by multi-index hashing (Norouzi,
//! Punjani and Fleet, "Fast exact search in Hamming space with multi-index hashing", 2014):
//!
//! * The 256 bits are cut into `m` contiguous substrings of about log2(N) bits each, N being the
//!   number of entries at build time: 11 substrings of 23 or 24 bits at 10 million entries, 13 of
//!   19 or 20 bits at one million. Each substring gets a table: entries grouped by the upper
//!   log2(N) - 3 bits of the substring (about 8 entries a bucket), in flat arrays: a directory of
//!   `u32` offsets, then per bucket the entries' remaining low substring bits (a byte each)
//!   followed by their slots (`u32`), so a bucket is one or two cache lines. Tables are built by
//!   counting sort, not a map of vectors.
//! * A query within `d = base * m + extra` probes the first `extra + 1` substrings within radius
//!   `base` and the others within `base - 1` (the refined pigeonhole of Norouzi et al.: any hash
//!   within `d` has such a substring). For `d = 31` at 10 million that is ten substrings at
//!   radius 2 and one at radius 1: by estimate 2,100 buckets and 2,900 candidates on uniform
//!   data. Each candidate is checked once, however many substrings reach it (a small per-query
//!   set of slots; the members of a tight cluster are reached through every substring), by its
//!   full distance with `u64::count_ones` (POPCNT with the repository's
//!   `target-cpu=x86-64-v2`). The bucket lookups, bucket scans and candidate checks run as
//!   three passes that prefetch a few items ahead, so that their cache misses overlap.
//! * Exact for every `d` (0 to 256 and beyond). When the estimated cost of probing exceeds a
//!   linear scan, as for large `d` (from about 50 at one million entries, 56 at ten million, on
//!   uniform data) or small indexes, [`HammingIndex::query`] scans linearly instead;
//!   [`QueryStrategy`] forces either search.
//! * Inserts go to a pending list scanned linearly, merged by a rebuild once they pass 4,096 or
//!   1/256 of the index. [`HammingIndex::remove`] takes the hash with the id, so it finds the
//!   entry through one exact bucket instead of an id map (which would cost about 20 bytes an
//!   entry); removed entries are marked, and dropped by a rebuild once they pass a quarter.
//!   The insert or removal that triggers a rebuild takes as long as a build.
//! * Ids are `u64`, given by the caller and not required to be unique (a `u32` id converts
//!   losslessly); each entry is reported on its own.
//!
//! Memory at 10 million entries: 996 MB of heap (32 bytes of hash and 8 of id per entry, 5 per
//! entry per substring table, 4 MB of directory per table), 1.1 GB peak process RSS while
//! building (the build also holds one 80 MB scratch array per building thread). Nothing is
//! serialised: rebuild from the stored entries at start. Building 10 million entries took about
//! 3.2 s of CPU time (40% of it the kernel supplying fresh pages), 4.5 to 6 s of wall time on
//! this project's 2-core machine while other jobs loaded it, reading the 320 MB file included
//! and the tables built on both cores.
//!
//! Lookups are limited by random memory accesses, so transparent huge pages help: on Linux with
//! glibc, `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` in the environment made 10 million-entry
//! lookups 1.2 to 1.6 times faster here, but the build about twice as slow (`bench/hamming.sh`
//! takes `HUGEPAGES=1`).
//!
//! [`LinearScan`] is the brute-force reference used by the tests and the benchmarks; see
//! `bench/hamming.sh` for the benchmark against it and FAISS's `IndexBinaryMultiHash`.

mod entries;
mod index;
mod layout;
mod linear;
mod slot_set;
pub mod synthetic;
mod table;

pub use index::{HammingIndex, QueryStrategy};
pub use linear::LinearScan;

/// A 256-bit perceptual hash as four 64-bit words; bit `i` is bit `i % 64` of word `i / 64`
/// (the byte order of the words does not matter for distances as long as it is consistent).
pub type Hash256 = [u64; 4];

/// Bits in a hash, and the largest possible distance.
pub const HASH_BITS: u32 = 256;

/// Most entries an index holds: slots are 32-bit.
pub const MAX_ENTRIES: usize = u32::MAX as usize;

/// Number of bits in which `a` and `b` differ.
pub fn hamming_distance(a: &Hash256, b: &Hash256) -> u32 {
    a.iter()
        .zip(b)
        .map(|(left, right)| (left ^ right).count_ones())
        .sum()
}

/// One entry found by a query. Orders by distance, then id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Match {
    /// Hamming distance from the query.
    pub distance: u32,
    /// The id given with the entry.
    pub id: u64,
}

/// Why an entry could not be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    /// The index already holds [`MAX_ENTRIES`] entries.
    #[error("an index holds at most {MAX_ENTRIES} entries")]
    TooManyEntries,
}
