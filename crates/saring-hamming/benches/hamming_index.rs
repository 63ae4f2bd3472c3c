//! Query time of the multi-index hashing index against a linear scan at d = 31, on 100k and 1M
//! hashes, random and clustered. The 10M figures come from `examples/hamming_bench.rs`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use saring_hamming::synthetic::{Dataset, Shape};
use saring_hamming::{HammingIndex, LinearScan};
use std::hint::black_box;

const MAX_DISTANCE: u32 = 31;
const QUERY_COUNT: u64 = 256;

fn query_time(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("query_d31");
    group.sample_size(20);
    for (shape_name, shape) in [
        ("random", Shape::Random),
        ("clustered", Shape::BENCH_CLUSTERED),
    ] {
        for len in [100_000u64, 1_000_000] {
            let dataset = Dataset { shape, seed: 1 };
            let entries = || (0..len).map(|index| (dataset.entry(index), index));
            let index = HammingIndex::from_entries(entries()).expect("fits in an index");
            let linear = LinearScan::from_entries(entries()).expect("fits in a scan");
            let queries: Vec<_> = (0..QUERY_COUNT)
                .map(|query| dataset.near_query(len, query, 16))
                .collect();
            let label = format!("{shape_name}/{len}");
            let mut next = queries.iter().cycle();
            group.bench_function(BenchmarkId::new("multi_index", &label), |bench| {
                bench.iter(|| index.query(black_box(next.next().expect("cycle")), MAX_DISTANCE))
            });
            group.bench_function(BenchmarkId::new("linear_scan", &label), |bench| {
                bench.iter(|| linear.query(black_box(next.next().expect("cycle")), MAX_DISTANCE))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, query_time);
criterion_main!(benches);
