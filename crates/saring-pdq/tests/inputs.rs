//! Outside input: broken or hostile bytes give typed errors, never panics; property tests of
//! the hash type and the luma entry point.

mod common;

use image::{DynamicImage, ImageFormat, RgbImage};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use saring_pdq::{PdqError, PdqHash, decode_image, decode_image_with_limit, hash_bytes, hash_luma};

fn read(path: &str) -> Vec<u8> {
    std::fs::read(common::data_dir().join(path)).expect("test image is readable")
}

#[test]
fn empty_and_random_bytes_are_not_images() {
    assert!(matches!(hash_bytes(&[]), Err(PdqError::UnrecognisedFormat)));
    let text = b"this is a listing description, not a picture".repeat(20);
    assert!(matches!(
        hash_bytes(&text),
        Err(PdqError::UnrecognisedFormat)
    ));
}

#[test]
fn other_formats_are_refused_by_name() {
    // Recognised by their signatures, refused before any decoding.
    let mut bmp = b"BM".to_vec();
    bmp.resize(64, 0);
    let error = hash_bytes(&bmp).expect_err("BMP is not accepted");
    assert!(
        matches!(error, PdqError::UnsupportedFormat(ImageFormat::Bmp)),
        "{error}"
    );
    let mut tiff = b"II*\0".to_vec();
    tiff.resize(64, 0);
    let error = hash_bytes(&tiff).expect_err("TIFF is not accepted");
    assert!(
        matches!(error, PdqError::UnsupportedFormat(ImageFormat::Tiff)),
        "{error}"
    );
}

#[test]
fn truncated_files_give_decode_errors() {
    let png = read("python-threatexchange-resources/LA.png");
    let error = hash_bytes(&png[..png.len() / 2]).expect_err("half a PNG does not decode");
    assert!(matches!(error, PdqError::Decode(_)), "{error}");
    // A JPEG cut after its headers: either an error or the decoder's grey fill, never a panic.
    let jpeg = read("data/bridge-mods/square-512x512.jpg");
    for cut in [10, 200, 700, jpeg.len() / 2] {
        if let Err(error) = hash_bytes(&jpeg[..cut]) {
            assert!(
                matches!(error, PdqError::Decode(_)),
                "cut at {cut}: {error}"
            );
        }
    }
}

/// Position of the width and height in the first start-of-frame segment of a JPEG.
fn jpeg_dimension_offset(jpeg: &[u8]) -> usize {
    let mut at = 2;
    loop {
        let (marker, length) = (
            jpeg[at + 1],
            u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]),
        );
        if (0xc0..=0xc2).contains(&marker) {
            return at + 5; // marker (2), length (2), precision (1), then height, width
        }
        at += 2 + usize::from(length);
    }
}

#[test]
fn declared_size_over_the_limit_is_refused_before_decoding() {
    let mut jpeg = read("data/bridge-mods/square-512x512.jpg");
    let at = jpeg_dimension_offset(&jpeg);
    jpeg[at..at + 4].copy_from_slice(&[0xfd, 0xe8, 0xfd, 0xe8]); // 65000 x 65000
    let error = hash_bytes(&jpeg).expect_err("4.2 gigapixels are refused");
    assert!(
        matches!(
            error,
            PdqError::TooLarge {
                width: 65000,
                height: 65000,
                max_pixels: 40_000_000
            }
        ),
        "{error}"
    );
    let small = read("data/bridge-mods/square-128x128.jpg");
    assert!(matches!(
        decode_image_with_limit(&small, 128 * 128 - 1),
        Err(PdqError::TooLarge {
            width: 128,
            height: 128,
            ..
        })
    ));
    assert!(decode_image_with_limit(&small, 128 * 128).is_ok());
}

#[test]
fn luma_of_the_wrong_length_is_an_error() {
    let error = hash_luma(10, 10, &[0.0; 99]).expect_err("99 values for 100 pixels");
    assert!(
        matches!(
            error,
            PdqError::LumaSize {
                width: 10,
                height: 10,
                expected: 100,
                actual: 99
            }
        ),
        "{error}"
    );
    assert!(hash_luma(usize::MAX, 3, &[]).is_err());
}

#[test]
fn images_under_five_pixels_hash_to_zero() {
    let tiny = DynamicImage::ImageRgb8(RgbImage::from_pixel(4, 200, image::Rgb([200, 10, 10])));
    let hashed = saring_pdq::hash_image(&tiny);
    assert_eq!((hashed.hash, hashed.quality), (PdqHash::ZERO, 0));
    let wide = hash_luma(
        64,
        5,
        &(0..320).map(|v| (v % 7) as f32 * 30.0).collect::<Vec<_>>(),
    )
    .expect("64x5 luma");
    assert_ne!(wide.hash, PdqHash::ZERO, "5 pixels is enough");
}

/// A photo re-encoded in each accepted format hashes as the decoded original does: exactly for
/// the lossless PNG and WebP, within a few bits for the 256-colour GIF.
#[test]
fn every_accepted_format_decodes_and_hashes() {
    let photo =
        decode_image(&read("data/reg-test-input/labelme-subset/q1050.jpg")).expect("photo decodes");
    let expected = saring_pdq::hash_image(&photo);
    for (format, max_distance) in [
        (ImageFormat::Png, 0),
        (ImageFormat::WebP, 0),
        (ImageFormat::Gif, 8),
    ] {
        let mut encoded = Vec::new();
        DynamicImage::ImageRgba8(photo.to_rgba8())
            .write_to(&mut std::io::Cursor::new(&mut encoded), format)
            .unwrap_or_else(|error| panic!("{format:?} encodes: {error}"));
        let hashed = hash_bytes(&encoded).unwrap_or_else(|error| panic!("{format:?}: {error}"));
        let distance = hashed.hash.hamming_distance(&expected.hash);
        println!("{format:?}: {distance} bits from the decoded original");
        assert!(distance <= max_distance, "{format:?}: {distance} bits");
        assert!(
            hashed.quality >= 50,
            "{format:?}: quality {}",
            hashed.quality
        );
    }
}

#[test]
fn decoded_images_keep_their_pixels() {
    let image = decode_image(&read("data/misc-images/wee.jpg")).expect("wee.jpg decodes");
    assert_eq!((image.width(), image.height()), (34, 42));
}

fn hash_strategy() -> impl Strategy<Value = PdqHash> {
    any::<[u64; 4]>().prop_map(PdqHash::from_words)
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/inputs.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_luma_hashes_without_panicking(
        (width, height, luma) in (0usize..90, 0usize..90).prop_flat_map(|(width, height)| {
            (Just(width), Just(height), prop::collection::vec(prop::num::f32::ANY, width * height))
        })
    ) {
        let hashed = hash_luma(width, height, &luma).expect("length matches");
        prop_assert!(hashed.quality <= 100);
        let dihedral = saring_pdq::dihedral_hashes_luma(width, height, &luma).expect("length matches");
        prop_assert_eq!(dihedral.original(), hashed);
    }

    #[test]
    fn finite_luma_sets_at_most_half_the_bits(
        (width, height, luma) in (5usize..70, 5usize..70).prop_flat_map(|(width, height)| {
            (Just(width), Just(height), prop::collection::vec(0f32..=255.0, width * height))
        })
    ) {
        // Bits are set strictly above the lower median of 256 coefficients.
        let hashed = hash_luma(width, height, &luma).expect("length matches");
        prop_assert!(hashed.hash.count_ones() <= 128);
    }

    #[test]
    fn distance_is_a_metric(a in hash_strategy(), b in hash_strategy(), c in hash_strategy()) {
        prop_assert_eq!(a.hamming_distance(&b), b.hamming_distance(&a));
        prop_assert_eq!(a.hamming_distance(&a), 0);
        prop_assert!(a.hamming_distance(&c) <= a.hamming_distance(&b) + b.hamming_distance(&c));
        prop_assert_eq!(a.hamming_distance(&PdqHash::ZERO), a.count_ones());
    }

    #[test]
    fn hex_round_trips(hash in hash_strategy()) {
        let hex = hash.to_hex();
        prop_assert_eq!(hex.len(), 64);
        prop_assert!(hex.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        prop_assert_eq!(hex.parse::<PdqHash>(), Ok(hash));
        prop_assert_eq!(hex.to_uppercase().parse::<PdqHash>(), Ok(hash));
    }

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,70}") {
        if let Ok(hash) = text.parse::<PdqHash>() {
            prop_assert_eq!(hash.to_hex(), text.to_lowercase());
        }
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = hash_bytes(&bytes);
    }
}
