//! Speed of the whole text pipeline on one thread: normalise, lexicon, classifier and
//! policy, i.e. `Screener::screen` with the bundled configuration and model, over the
//! listings of the held-out test corpus (about 300 bytes of title and description each).
//! Only speed is measured here; labels are ignored.
//!
//! `cargo bench -p saring-text --bench text_pipeline` reports listings per second.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use saring_engine::{EngineConfig, Screener};
use saring_text::Classifier;
use saring_text::corpus::read_jsonl;

/// The allocator the `saring` binary runs with (see crates/saring-cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const LISTINGS: &str = include_str!("../../../corpus/test/test.jsonl");

fn pipeline(c: &mut Criterion) {
    let corpus = read_jsonl(LISTINGS.as_bytes()).expect("the test corpus is valid");
    let listings: Vec<_> = corpus.into_iter().map(|e| e.listing).collect();
    let bytes: usize = listings
        .iter()
        .map(|l| l.title.len() + l.description.len())
        .sum();
    eprintln!(
        "{} listings, {} bytes of text on average",
        listings.len(),
        bytes / listings.len()
    );
    let screener =
        Screener::from_config(&EngineConfig::default()).expect("the bundled configuration loads");
    let classifier =
        Classifier::from_bytes(saring_engine::bundled::MODEL).expect("the bundled model loads");

    let mut group = c.benchmark_group("text_pipeline");
    group.throughput(Throughput::Elements(listings.len() as u64));
    group.bench_function("screen", |b| {
        b.iter(|| {
            for listing in &listings {
                black_box(screener.screen(black_box(listing)));
            }
        })
    });
    // The classifier remembers, per thread, what each word it has seen adds to a score. A
    // thread of its own per pass starts from an empty memory: this is the speed on the
    // first sight of these 878 listings, words repeated between them being all it reuses.
    group.bench_function("screen_fresh_thread", |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                scope.spawn(|| {
                    for listing in &listings {
                        black_box(screener.screen(black_box(listing)));
                    }
                });
            })
        })
    });
    group.bench_function("classifier_probability", |b| {
        b.iter(|| {
            for listing in &listings {
                black_box(classifier.probability(&listing.title, &listing.description));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
