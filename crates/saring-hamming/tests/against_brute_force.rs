//! The index must return exactly what the brute-force scan returns, for every strategy.

use proptest::prelude::*;
use saring_hamming::synthetic::{Dataset, Shape, SplitMix64};
use saring_hamming::{HASH_BITS, HammingIndex, Hash256, LinearScan, Match, QueryStrategy};

const STRATEGIES: [QueryStrategy; 3] = [
    QueryStrategy::Auto,
    QueryStrategy::MultiIndex,
    QueryStrategy::LinearScan,
];

fn assert_same_as_brute_force(
    index: &HammingIndex,
    reference: &LinearScan,
    query: &Hash256,
    max_distance: u32,
) -> Result<(), TestCaseError> {
    let expected = reference.query(query, max_distance);
    for strategy in STRATEGIES {
        let found = index.query_with(query, max_distance, strategy);
        prop_assert_eq!(
            &found,
            &expected,
            "strategy {:?}, d {}",
            strategy,
            max_distance
        );
    }
    Ok(())
}

/// Hashes drawn from a few random centres with up to `spread` bits flipped, plus exact copies.
fn clustered_entries(
    centres: usize,
    spread: u32,
    max_len: usize,
) -> impl Strategy<Value = Vec<(Hash256, u64)>> {
    (
        proptest::collection::vec(any::<[u64; 4]>(), 1..=centres),
        proptest::collection::vec(
            (any::<usize>(), 0..=spread, any::<u64>(), 0u64..50),
            0..max_len,
        ),
    )
        .prop_map(|(centres, members)| {
            members
                .into_iter()
                .map(|(centre, flips, seed, id)| {
                    let mut rng = SplitMix64::new(seed);
                    (rng.flip_bits(centres[centre % centres.len()], flips), id)
                })
                .collect()
        })
}

/// Queries: random hashes, and entries with a few bits flipped.
fn queries_for(entries: &[(Hash256, u64)], seeds: &[u64]) -> Vec<Hash256> {
    seeds
        .iter()
        .map(|&seed| {
            let mut rng = SplitMix64::new(seed);
            if entries.is_empty() || seed % 3 == 0 {
                rng.hash()
            } else {
                let (base, _) = entries[rng.below(entries.len() as u64) as usize];
                let flips = rng.below(40) as u32;
                rng.flip_bits(base, flips)
            }
        })
        .collect()
}

fn check_all(
    entries: Vec<(Hash256, u64)>,
    seeds: &[u64],
    max_distance: u32,
) -> Result<(), TestCaseError> {
    let index = HammingIndex::from_entries(entries.clone()).expect("small index");
    let reference = LinearScan::from_entries(entries.clone()).expect("small scan");
    prop_assert_eq!(index.len(), entries.len());
    for query in queries_for(&entries, seeds) {
        assert_same_as_brute_force(&index, &reference, &query, max_distance)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_entries_match_brute_force(
        entries in proptest::collection::vec((any::<[u64; 4]>(), 0u64..1000), 0..400),
        seeds in proptest::collection::vec(any::<u64>(), 1..6),
        max_distance in 0u32..=64,
    ) {
        check_all(entries, &seeds, max_distance)?;
    }

    #[test]
    fn clustered_entries_match_brute_force(
        entries in clustered_entries(6, 20, 400),
        seeds in proptest::collection::vec(any::<u64>(), 1..6),
        max_distance in 0u32..=64,
    ) {
        check_all(entries, &seeds, max_distance)?;
    }

    #[test]
    fn duplicates_are_each_reported(
        hash in any::<[u64; 4]>(),
        copies in 1usize..20,
        max_distance in 0u32..=64,
    ) {
        // The same hash under the same id and under different ids.
        let id_of = |copy: usize| (copy / 2) as u64;
        let entries: Vec<(Hash256, u64)> = (0..copies).map(|copy| (hash, id_of(copy))).collect();
        let index = HammingIndex::from_entries(entries).expect("small index");
        for strategy in STRATEGIES {
            let found = index.query_with(&hash, max_distance, strategy);
            let expected: Vec<Match> =
                (0..copies).map(|copy| Match { distance: 0, id: id_of(copy) }).collect();
            prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn inserts_and_removals_match_brute_force(
        initial in clustered_entries(4, 12, 300),
        operations in proptest::collection::vec((any::<bool>(), any::<u64>()), 0..300),
        seeds in proptest::collection::vec(any::<u64>(), 1..4),
        max_distance in 0u32..=64,
    ) {
        let mut index = HammingIndex::from_entries(initial.clone()).expect("small index");
        let mut reference = LinearScan::from_entries(initial.clone()).expect("small scan");
        let mut known = initial;
        for (is_insert, seed) in operations {
            let mut rng = SplitMix64::new(seed);
            if is_insert || known.is_empty() {
                let hash = if known.is_empty() { rng.hash() } else {
                    let (base, _) = known[rng.below(known.len() as u64) as usize];
                    let flips = rng.below(10) as u32;
                    rng.flip_bits(base, flips)
                };
                let id = rng.below(50);
                index.insert(hash, id).expect("room left");
                reference.insert(hash, id).expect("room left");
                known.push((hash, id));
            } else {
                let (hash, id) = known[rng.below(known.len() as u64) as usize];
                let removed = index.remove(&hash, id);
                prop_assert_eq!(removed, reference.remove(&hash, id));
                prop_assert_eq!(index.remove(&hash, id), 0, "nothing left to remove");
                known.retain(|entry| *entry != (hash, id));
            }
            prop_assert_eq!(index.len(), reference.len());
        }
        for query in queries_for(&known, &seeds) {
            assert_same_as_brute_force(&index, &reference, &query, max_distance)?;
        }
        index.rebuild();
        prop_assert_eq!(index.len(), reference.len());
        for query in queries_for(&known, &seeds) {
            assert_same_as_brute_force(&index, &reference, &query, max_distance)?;
        }
    }
}

#[test]
fn empty_index_finds_nothing() {
    let index = HammingIndex::new();
    assert!(index.is_empty());
    assert_eq!(index.substring_count(), 0);
    for strategy in STRATEGIES {
        assert!(index.query_with(&[0; 4], HASH_BITS, strategy).is_empty());
    }
    let mut index = HammingIndex::from_entries(Vec::new()).expect("empty index");
    assert_eq!(index.remove(&[0; 4], 0), 0);
    assert!(index.query(&[u64::MAX; 4], 0).is_empty());
}

#[test]
fn distance_zero_and_full_width_are_exact() {
    let dataset = Dataset {
        shape: Shape::Random,
        seed: 9,
    };
    let entries: Vec<(Hash256, u64)> = (0..2000).map(|i| (dataset.entry(i), i)).collect();
    let index = HammingIndex::from_entries(entries.clone()).expect("small index");
    let reference = LinearScan::from_entries(entries.clone()).expect("small scan");
    let complement = entries[7].0.map(|word| !word);
    for query in [entries[7].0, complement, [0; 4]] {
        for max_distance in [0, 1, HASH_BITS - 1, HASH_BITS, HASH_BITS + 5] {
            assert_same_as_brute_force(&index, &reference, &query, max_distance)
                .expect("same as brute force");
        }
    }
    assert_eq!(
        index.query(&entries[7].0, 0),
        vec![Match { distance: 0, id: 7 }]
    );
    assert_eq!(index.query(&complement, HASH_BITS).len(), entries.len());
    assert_eq!(
        index.query(&complement, HASH_BITS).last(),
        Some(&Match {
            distance: HASH_BITS,
            id: 7
        })
    );
    assert!(
        index
            .query(&complement, HASH_BITS - 1)
            .iter()
            .all(|found| found.id != 7)
    );
}

/// Larger sets use wider substrings and fuller buckets than the property tests reach.
#[test]
fn larger_sets_match_brute_force_at_d31() {
    for shape in [Shape::Random, Shape::BENCH_CLUSTERED] {
        let dataset = Dataset { shape, seed: 3 };
        let len = 20_000;
        let entries: Vec<(Hash256, u64)> = (0..len).map(|i| (dataset.entry(i), i)).collect();
        let index = HammingIndex::from_entries(entries.clone()).expect("index");
        let reference = LinearScan::from_entries(entries).expect("scan");
        for query_number in 0..12 {
            for query in [
                dataset.near_query(len, query_number, 20),
                dataset.random_query(query_number),
            ] {
                for max_distance in [0, 8, 31, 40] {
                    assert_same_as_brute_force(&index, &reference, &query, max_distance)
                        .expect("same as brute force");
                }
            }
        }
    }
}

/// Inserting one by one passes the pending limit several times; each rebuild must keep all.
#[test]
fn many_single_inserts_trigger_rebuilds_and_stay_exact() {
    let dataset = Dataset {
        shape: Shape::BENCH_CLUSTERED,
        seed: 11,
    };
    let mut index = HammingIndex::new();
    let mut reference = LinearScan::new();
    let len = 9_000;
    for id in 0..len {
        index.insert(dataset.entry(id), id).expect("room left");
        reference.insert(dataset.entry(id), id).expect("room left");
    }
    assert_eq!(index.len(), len as usize);
    assert!(
        index.substring_count() > 0,
        "inserts were merged into tables"
    );
    for id in (0..len).step_by(3) {
        assert_eq!(index.remove(&dataset.entry(id), id), 1);
        reference.remove(&dataset.entry(id), id);
    }
    assert_eq!(index.len(), reference.len());
    for query_number in 0..30 {
        let query = dataset.near_query(len, query_number, 12);
        assert_same_as_brute_force(&index, &reference, &query, 31).expect("same as brute force");
    }
}

/// The hardest matches for the pigeonhole argument: exactly `d` differing bits spread evenly
/// over the 256, so every substring differs in about as many bits as the radius allows.
#[test]
fn evenly_spread_differences_at_exactly_the_distance_are_found() {
    for len in [50u64, 3_000, 40_000] {
        let dataset = Dataset {
            shape: Shape::Random,
            seed: len,
        };
        let entries: Vec<(Hash256, u64)> = (0..len).map(|i| (dataset.entry(i), i)).collect();
        let index = HammingIndex::from_entries(entries.clone()).expect("index");
        for max_distance in 0..=64u32 {
            for offset in 0..4 {
                let (hash, id) = entries[(max_distance * 7 + offset) as usize % entries.len()];
                let mut query = hash;
                for flip in 0..max_distance {
                    let bit = (flip * HASH_BITS / max_distance + offset * 3) % HASH_BITS;
                    query[(bit / 64) as usize] ^= 1 << (bit % 64);
                }
                let found = index.query_with(&query, max_distance, QueryStrategy::MultiIndex);
                assert!(
                    found.contains(&Match {
                        distance: max_distance,
                        id
                    }),
                    "entry {id} at distance {max_distance} missed with {} entries",
                    len
                );
            }
        }
    }
}
