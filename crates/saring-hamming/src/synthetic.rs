//! Seeded synthetic hash sets for tests and benchmarks: uniform random hashes, and clusters of
//! near-duplicates (as re-encoded or resized copies of one photo give) mixed with random ones.
//!
//! Every entry is a pure function of the seed and its position, so a data set of any size is
//! generated without holding it, and a query near entry `i` needs only `i`.

use crate::Hash256;

/// SplitMix64 (Steele, Lea and Flood): a small, fast, seedable generator.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }

    /// A number in `0..bound` (`bound` > 0), by multiply-shift.
    pub fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }

    /// A uniformly random hash.
    pub fn hash(&mut self) -> Hash256 {
        std::array::from_fn(|_| self.next_u64())
    }

    /// `hash` with `count` distinct random bits flipped (`count` at most 256).
    pub fn flip_bits(&mut self, mut hash: Hash256, count: u32) -> Hash256 {
        let mut flipped = [0u64; 4];
        let mut done = 0;
        while done < count.min(256) {
            let bit = self.below(256) as usize;
            let (word, mask) = (bit / 64, 1u64 << (bit % 64));
            if flipped[word] & mask == 0 {
                flipped[word] |= mask;
                hash[word] ^= mask;
                done += 1;
            }
        }
        hash
    }
}

/// The shape of a synthetic data set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// Uniform random hashes.
    Random,
    /// A `member_share` of the entries are copies of one of `centres` random hashes with 0 to
    /// `max_member_flips` bits flipped; the rest are uniform random (noise).
    Clustered {
        /// Number of cluster centres.
        centres: u64,
        /// Share of entries that belong to a cluster, 0 to 1.
        member_share: f64,
        /// Most bits in which a member differs from its centre.
        max_member_flips: u32,
    },
}

impl Shape {
    /// The clustered shape of the benchmarks: 10,000 centres, 80% of entries within 8 bits of
    /// one, 20% noise.
    pub const BENCH_CLUSTERED: Shape = Shape::Clustered {
        centres: 10_000,
        member_share: 0.8,
        max_member_flips: 8,
    };
}

/// A deterministic data set: entry `i` depends only on the seed, the shape and `i`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dataset {
    /// How entries are distributed.
    pub shape: Shape,
    /// Seed of every generator used.
    pub seed: u64,
}

/// Stream tags keep the entry, centre and query generators independent.
const ENTRY_STREAM: u64 = 1;
const CENTRE_STREAM: u64 = 2;
const QUERY_STREAM: u64 = 3;

impl Dataset {
    fn generator(&self, stream: u64, index: u64) -> SplitMix64 {
        let mut mixer = SplitMix64::new(self.seed ^ stream.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        SplitMix64::new(mixer.next_u64() ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// Entry number `index`.
    pub fn entry(&self, index: u64) -> Hash256 {
        let mut rng = self.generator(ENTRY_STREAM, index);
        match self.shape {
            Shape::Random => rng.hash(),
            Shape::Clustered {
                centres,
                member_share,
                max_member_flips,
            } => {
                let draw = rng.next_u64() as f64 / u64::MAX as f64;
                if draw < member_share {
                    let centre = self.generator(CENTRE_STREAM, rng.below(centres)).hash();
                    let flips = rng.below(u64::from(max_member_flips) + 1) as u32;
                    rng.flip_bits(centre, flips)
                } else {
                    rng.hash()
                }
            }
        }
    }

    /// Query number `index` near one of the first `len` entries: that entry with 0 to
    /// `max_flips` bits flipped.
    pub fn near_query(&self, len: u64, index: u64, max_flips: u32) -> Hash256 {
        let mut rng = self.generator(QUERY_STREAM, index);
        let base = self.entry(rng.below(len));
        let flips = rng.below(u64::from(max_flips) + 1) as u32;
        rng.flip_bits(base, flips)
    }

    /// Query number `index` drawn uniformly at random.
    pub fn random_query(&self, index: u64) -> Hash256 {
        self.generator(QUERY_STREAM, index ^ (1 << 63)).hash()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hamming_distance;

    #[test]
    fn flip_bits_flips_exactly_that_many() {
        let mut rng = SplitMix64::new(7);
        let hash = rng.hash();
        for count in [0, 1, 13, 200, 256] {
            assert_eq!(hamming_distance(&hash, &rng.flip_bits(hash, count)), count);
        }
    }

    #[test]
    fn entries_are_deterministic_and_clusters_are_tight() {
        let dataset = Dataset {
            shape: Shape::Clustered {
                centres: 1,
                member_share: 1.0,
                max_member_flips: 8,
            },
            seed: 42,
        };
        assert_eq!(dataset.entry(5), dataset.entry(5));
        assert_ne!(dataset.entry(5), dataset.entry(6));
        for index in 0..100 {
            assert!(hamming_distance(&dataset.entry(0), &dataset.entry(index)) <= 16);
        }
        let random = Dataset {
            shape: Shape::Random,
            seed: 42,
        };
        let far = hamming_distance(&random.entry(0), &random.entry(1));
        assert!(
            (64..=192).contains(&far),
            "uniform hashes differ in about 128 bits, got {far}"
        );
    }
}
