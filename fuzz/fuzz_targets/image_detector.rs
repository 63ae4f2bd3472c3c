//! Listing photos as the HTTP API receives them (base64, raw or as a `data:` URL) through
//! the image detector: read with the API's fetch limits, decoded with the production pixel
//! limit, PDQ-hashed and looked up in a bank. Any bytes give signals or none, never a panic,
//! and every signal names the bank with a strength in 0..=1.
#![no_main]

use std::sync::LazyLock;

use base64::Engine;
use libfuzzer_sys::fuzz_target;
use saring_core::{Detector, ImageRef, Listing};
use saring_images::{BankEntry, FetchLimits, ImageBanks, ImageDetector, ImageFetcher};

/// A detector over one bank with one hash, as `saring serve` builds it (no local paths).
static DETECTOR: LazyLock<ImageDetector> = LazyLock::new(|| {
    let entry = BankEntry {
        bank: "fuzz-bank".to_string(),
        hash: "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
            .parse()
            .expect("a valid PDQ hash"),
        source: None,
        case_id: None,
        added_by: None,
        added_at: None,
    };
    let banks = ImageBanks::new(vec![entry]).expect("one entry indexes");
    let fetcher = ImageFetcher::new(FetchLimits {
        allow_paths: false,
        ..FetchLimits::default()
    })
    .expect("a fetcher");
    ImageDetector::new(banks, fetcher)
});

fuzz_target!(|data: &[u8]| {
    // Text starting `data:` is sent as it is (base64 the fuzzer writes); anything else is
    // the photo's bytes, base64-encoded as an API client does.
    let base64 = match data.strip_prefix(b"data:") {
        Some(_) => String::from_utf8_lossy(data).into_owned(),
        None => base64::engine::general_purpose::STANDARD.encode(data),
    };
    let mut listing = Listing::from_json(r#"{"id":"fuzz-1","platform":"shopee","title":"jaket"}"#)
        .expect("the fuzz listing is valid")
        .listing;
    listing.images = vec![
        ImageRef::Base64(base64),
        ImageRef::Path("/etc/passwd".into()),
    ];
    let mut signals = Vec::new();
    DETECTOR.detect(&listing, &mut signals);
    for signal in &signals {
        assert_eq!(signal.name, "fuzz-bank");
        assert!(
            (0.0..=1.0).contains(&signal.score),
            "score {}",
            signal.score
        );
    }
});
