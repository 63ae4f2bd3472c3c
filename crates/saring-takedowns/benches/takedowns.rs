//! Import and matching throughput on a generated request of 12,000 URLs: parse the CSV and
//! canonicalise every URL, then match each requested key against 1,000,000 known listings.

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saring_takedowns::{RequestFormat, canonicalise, parse};

#[path = "../tests/common/generate.rs"]
mod generate;

fn import_and_match(c: &mut Criterion) {
    let generated = generate::generate(12_000, 40, 7);
    let mut group = c.benchmark_group("takedowns");
    group.throughput(Throughput::Elements(12_000));
    group.bench_function("import 12k rows", |b| {
        b.iter(|| parse(black_box(generated.csv.as_bytes()), RequestFormat::Csv))
    });

    // Known listings: the requested ones among a million others, keyed as the store keys them.
    let import = parse(generated.csv.as_bytes(), RequestFormat::Csv).expect("readable");
    // The benchmark measures a correct import: every row accounted for.
    assert_eq!(import.errors.len(), generated.malformed.len());
    assert_eq!(import.duplicates.len(), generated.duplicates.len());
    let accepted: usize = import.requests.iter().map(|r| r.urls.len()).sum();
    assert_eq!(accepted, generated.expected.len());
    let mut known: HashMap<String, u64> = (0..1_000_000u64)
        .map(|n| (format!("shopee/{}.{}", n % 5000, n), n))
        .collect();
    for (index, url) in import.requests.iter().flat_map(|r| &r.urls).enumerate() {
        if let Some(key) = url.key() {
            known.insert(key.to_string(), index as u64);
        }
    }
    let raws: Vec<&str> = import
        .requests
        .iter()
        .flat_map(|r| &r.urls)
        .map(|url| url.raw.as_str())
        .collect();
    group.throughput(Throughput::Elements(raws.len() as u64));
    group.bench_function("canonicalise and match", |b| {
        b.iter(|| {
            raws.iter()
                .filter_map(|raw| canonicalise(raw).ok())
                .filter(|canonical| known.contains_key(canonical.key.as_str()))
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, import_and_match);
criterion_main!(benches);
