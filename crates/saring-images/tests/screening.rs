//! Image screening end to end: photos from a path, base64 and a loopback HTTP server,
//! rotated and mirrored copies of a bank photo, unrelated photos, and fetch limits.

use std::io::{Cursor, Read, Write};
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine;
use image::{DynamicImage, GrayImage, ImageFormat, Luma};
use saring_core::{Detector, ImageRef, Listing, Platform, SignalKind};
use saring_images::{BankEntry, FetchError, FetchLimits, ImageBanks, ImageDetector, ImageFetcher};

/// A 256x256 photo-like image: random grey 16x16 blocks, smoothed, from `seed`.
fn photo(seed: u64) -> DynamicImage {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 256) as u8
    };
    let blocks: Vec<u8> = (0..256).map(|_| next()).collect();
    let img = GrayImage::from_fn(256, 256, |x, y| {
        let block = blocks[((y / 16) * 16 + x / 16) as usize] as u32;
        Luma([((block * 3 + (x + y) % 32) / 4) as u8])
    });
    DynamicImage::ImageLuma8(img)
}

fn png_bytes(image: &DynamicImage) -> Vec<u8> {
    let mut bytes = Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, ImageFormat::Png)
        .expect("encode png");
    bytes.into_inner()
}

/// A bank holding `images`, added as images (their rotations and crops are stored).
fn bank_of(images: &[&DynamicImage]) -> ImageBanks {
    let entries = images
        .iter()
        .enumerate()
        .flat_map(|(n, image)| {
            let template = BankEntry {
                bank: "known-bales".into(),
                hash: saring_pdq::PdqHash::ZERO,
                source: Some("test".into()),
                case_id: Some(format!("case-{}", n + 1)),
                added_by: None,
                added_at: None,
            };
            BankEntry::for_image(&template, image)
        })
        .collect();
    ImageBanks::new(entries).expect("bank builds")
}

fn listing(images: Vec<ImageRef>) -> Listing {
    let mut listing = Listing::from_json(r#"{"id":"1","platform":"shopee","title":"jaket"}"#)
        .expect("valid")
        .listing;
    listing.images = images;
    assert_eq!(listing.platform, Platform::Shopee);
    listing
}

#[test]
fn rotated_and_mirrored_copies_match_once_and_unrelated_photos_do_not() {
    let original = photo(1);
    let banks = bank_of(&[&original]);
    let copies = [
        original.rotate90(),
        original.rotate180(),
        original.rotate270(),
        original.fliph(),
        original.flipv(),
    ];
    for (n, copy) in copies.iter().enumerate() {
        let found = banks.lookup(copy);
        assert_eq!(found.len(), 1, "copy {n} should match");
        assert!(found[0].distance <= saring_pdq::MATCH_MAX_DISTANCE);
    }
    for seed in 2..20 {
        assert!(
            banks.lookup(&photo(seed)).is_empty(),
            "unrelated photo {seed} must not match"
        );
    }
}

/// Serves each accepted connection with the next canned response, then stops.
fn serve(responses: Vec<Vec<u8>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let address = listener.local_addr().expect("address");
    thread::spawn(move || {
        for response in responses {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            if !response.is_empty() {
                let _ = stream.write_all(&response);
            } else {
                // Never answer: the client must give up on its own.
                thread::sleep(Duration::from_secs(3));
            }
        }
    });
    format!("http://{address}")
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

#[test]
fn detector_reads_paths_base64_and_urls_and_reports_the_bank() {
    let original = photo(7);
    let png = png_bytes(&original.rotate90());
    let dir = tempfile_dir();
    let path = dir.join("photo.png");
    std::fs::write(&path, &png).expect("write photo");
    let base = serve(vec![http_response("image/png", &png)]);
    let detector = ImageDetector::new(
        bank_of(&[&original]),
        ImageFetcher::new(FetchLimits::default()).expect("fetcher"),
    );
    let encoded = base64::engine::general_purpose::STANDARD.encode(&png);
    let listing = listing(vec![
        ImageRef::Path(path.display().to_string()),
        ImageRef::Base64(format!("data:image/png;base64,{encoded}")),
        ImageRef::Url(format!("{base}/photo.png")),
    ]);
    let mut signals = Vec::new();
    detector.detect(&listing, &mut signals);
    assert_eq!(signals.len(), 3, "{signals:?}");
    for (n, signal) in signals.iter().enumerate() {
        assert_eq!(signal.kind, SignalKind::ImageMatch);
        assert_eq!(signal.name, "known-bales");
        assert!(
            signal.detail.starts_with(&format!("photo {}", n + 1)),
            "{}",
            signal.detail
        );
        assert!(signal.detail.contains("case case-1"), "{}", signal.detail);
        assert!(signal.score > 0.6);
    }
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("saring-images-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn fetch_refuses_non_images_oversize_bodies_other_schemes_and_slow_servers() {
    let limits = FetchLimits {
        max_bytes: 1000,
        timeout: Duration::from_millis(500),
        allow_paths: false,
    };
    let fetcher = ImageFetcher::new(limits).expect("fetcher");
    let base = serve(vec![
        http_response("text/html", b"<html>login</html>"),
        http_response("image/jpeg", &[0u8; 5000]),
        Vec::new(),
    ]);
    let url = |p: &str| ImageRef::Url(format!("{base}/{p}"));
    assert!(matches!(
        fetcher.fetch(&url("a")),
        Err(FetchError::NotAnImage { .. })
    ));
    assert!(matches!(
        fetcher.fetch(&url("b")),
        Err(FetchError::TooLarge { limit: 1000 })
    ));
    let started = Instant::now();
    assert!(matches!(
        fetcher.fetch(&url("c")),
        Err(FetchError::Http { .. })
    ));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "timeout applies"
    );
    assert!(matches!(
        fetcher.fetch(&ImageRef::Url("file:///etc/passwd".into())),
        Err(FetchError::Scheme(_))
    ));
    assert!(matches!(
        fetcher.fetch(&ImageRef::Path("/etc/passwd".into())),
        Err(FetchError::PathNotAllowed)
    ));
    assert!(matches!(
        fetcher.fetch(&ImageRef::Base64("not base64 at all!".into())),
        Err(FetchError::Base64(_))
    ));
}
