//! Throughput of PDQ hashing on a 512x512 JPEG photo, single-threaded.
//!
//! `hash_bytes` is the figure that matters (decode included); `decode_image` and `hash_image`
//! split it into decoding and hashing. Run: `cargo bench -p saring-pdq --bench pdq`, or
//! `bench/pdq.sh` for the side-by-side figure with Meta's C++ reference.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench_pdq(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/threatexchange/data/bridge-mods/square-512x512.jpg");
    let jpeg = std::fs::read(&path).expect("benchmark JPEG is readable");
    let image = saring_pdq::decode_image(&jpeg).expect("benchmark JPEG decodes");

    let mut group = c.benchmark_group("pdq_512x512_jpeg");
    group.throughput(Throughput::Elements(1));
    group.bench_function("hash_bytes", |b| {
        b.iter(|| saring_pdq::hash_bytes(black_box(&jpeg)).expect("decodes"))
    });
    group.bench_function("decode_image", |b| {
        b.iter(|| saring_pdq::decode_image(black_box(&jpeg)).expect("decodes"))
    });
    group.bench_function("hash_image", |b| {
        b.iter(|| saring_pdq::hash_image(black_box(&image)))
    });
    group.bench_function("dihedral_hashes_image", |b| {
        b.iter(|| saring_pdq::dihedral_hashes_image(black_box(&image)))
    });
    group.finish();
}

criterion_group!(benches, bench_pdq);
criterion_main!(benches);
