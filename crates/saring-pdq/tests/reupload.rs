//! Issue 6 point 5: do edited re-uploads of a known photo match it, and do unrelated photos
//! stay unmatched? Edited copies are made here from Meta's test photos (tests/data/README.md).
//! Run with `--nocapture` to see the table.

mod common;

use std::io::Cursor;

use common::data_dir;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, GenericImageView, Rgb, RgbImage};
use saring_pdq::reupload::{matches_any, reference_hashes, upload_hashes};
use saring_pdq::{HashWithQuality, decode_image};

const ORIGINALS: [&str; 6] = [
    "data/reg-test-input/labelme-subset/q0122.jpg",
    "data/reg-test-input/labelme-subset/q0291.jpg",
    "data/reg-test-input/labelme-subset/q0746.jpg",
    "data/reg-test-input/labelme-subset/q1050.jpg",
    "data/reg-test-input/labelme-subset/q2821.jpg",
    "data/reg-test-input/dih/bridge-1-original.jpg",
];

/// Photos unrelated to every original (the noise images and the nearly blank ones included, as
/// uploads of that kind happen too).
const UNRELATED: [&str; 7] = [
    "data/reg-test-input/pen-and-coaster.png",
    "data/reg-test-input/labelme-subset/q0003.jpg",
    "data/reg-test-input/labelme-subset/q0004.jpg",
    "data/misc-images/small.jpg",
    "data/misc-images/wee.jpg",
    "python-threatexchange-resources/LA.png",
    "python-threatexchange-resources/rgb.jpeg",
];

type Edit = fn(&DynamicImage) -> DynamicImage;

/// Edits counted in the pass rate.
const EDITS: [(&str, Edit); 12] = [
    ("unchanged", |image| image.clone()),
    ("jpeg q50", |image| recompress(image, 50)),
    ("resized 50%", |image| {
        let (width, height) = image.dimensions();
        image.resize_exact(width / 2, height / 2, FilterType::Triangle)
    }),
    ("shop-name label, 50% opacity", watermark),
    ("rotated 90", |image| image.rotate90()),
    ("rotated 180", |image| image.rotate180()),
    ("rotated 270", |image| image.rotate270()),
    ("mirrored", |image| image.fliph()),
    ("framed (screenshot)", frame),
    ("cropped 5%/side", |image| {
        saring_pdq::reupload::central_crop(image, 0.05)
    }),
    ("mirrored + jpeg q50", |image| {
        recompress(&image.fliph(), 50)
    }),
    ("rotated 90 + jpeg q50", |image| {
        recompress(&image.rotate90(), 50)
    }),
];

/// Edits reported in the table but not counted in the pass rate.
const STRESS_EDITS: [(&str, Edit); 1] = [("shop-name label, opaque (not counted)", opaque_label)];

fn load(path: &str) -> DynamicImage {
    let bytes = std::fs::read(data_dir().join(path)).expect("test photo is readable");
    decode_image(&bytes).expect("test photo decodes")
}

fn recompress(image: &DynamicImage, quality: u8) -> DynamicImage {
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(Cursor::new(&mut jpeg), quality)
        .encode_image(&image.to_rgb8())
        .expect("JPEG encodes");
    decode_image(&jpeg).expect("re-compressed JPEG decodes")
}

/// A shop-name label in the lower-right corner, blended at 50% opacity: a dark box (45% of the
/// width, a tenth of the height) with white letter-like blocks.
fn watermark(image: &DynamicImage) -> DynamicImage {
    label(image, 0.5)
}

/// The same label fully opaque: a stress case, reported but not counted in the pass rate
/// (PDQ moves 24-44 bits, and 100 on the smooth sea photo).
fn opaque_label(image: &DynamicImage) -> DynamicImage {
    label(image, 1.0)
}

fn label(image: &DynamicImage, opacity: f32) -> DynamicImage {
    let mut rgb = image.to_rgb8();
    let (width, height) = rgb.dimensions();
    let (box_left, box_top) = (
        width - width * 45 / 100 - width / 40,
        height - height / 10 - height / 40,
    );
    let (box_right, box_bottom) = (width - width / 40, height - height / 40);
    let letter = ((box_bottom - box_top) / 2).max(2);
    for (x, y, pixel) in rgb.enumerate_pixels_mut() {
        if x < box_left || x >= box_right || y < box_top || y >= box_bottom {
            continue;
        }
        let (dx, dy) = (x - box_left, y - box_top);
        let in_letter_row = dy >= letter / 2 && dy < letter / 2 + letter;
        let in_letter = in_letter_row && dx >= letter / 2 && (dx / (letter / 2).max(1)) % 3 != 2;
        let colour = if in_letter {
            [245.0, 245.0, 245.0]
        } else {
            [30.0, 30.0, 40.0]
        };
        let blend = |k: usize| {
            (f32::from(pixel.0[k]) * (1.0 - opacity) + colour[k] * opacity).round() as u8
        };
        *pixel = Rgb([blend(0), blend(1), blend(2)]);
    }
    DynamicImage::ImageRgb8(rgb)
}

/// A phone screenshot of the photo: grey status bar on top, white bars on the sides and below,
/// saved as JPEG.
fn frame(image: &DynamicImage) -> DynamicImage {
    let (width, height) = image.dimensions();
    let (side, top, bottom) = (width / 8, height / 5, height / 4);
    let mut canvas = RgbImage::from_pixel(width + 2 * side, height + top + bottom, Rgb([255; 3]));
    for (x, y, pixel) in canvas.enumerate_pixels_mut() {
        if y < top / 3 {
            *pixel = Rgb([60, 60, 60]);
        } else if x >= side && x < side + width && y >= top && y < top + height {
            *pixel = image.get_pixel(x - side, y - top).0[..3]
                .try_into()
                .map(Rgb)
                .expect("three channels");
        }
    }
    recompress(&DynamicImage::ImageRgb8(canvas), 85)
}

fn min_distance(uploads: &[HashWithQuality], bank: &[HashWithQuality]) -> u32 {
    uploads
        .iter()
        .flat_map(|upload| {
            bank.iter()
                .map(|reference| upload.hash.hamming_distance(&reference.hash))
        })
        .min()
        .unwrap_or(256)
}

#[test]
fn edited_reuploads_match_and_unrelated_photos_do_not() {
    let originals: Vec<DynamicImage> = ORIGINALS.iter().map(|path| load(path)).collect();
    let banks: Vec<Vec<HashWithQuality>> = originals.iter().map(reference_hashes).collect();
    let all_edits = EDITS
        .iter()
        .map(|edit| (edit, true))
        .chain(STRESS_EDITS.iter().map(|edit| (edit, false)));

    let mut table = vec![
        "| edit | matched | worst distance to own original |".to_string(),
        "|---|---|---|".to_string(),
    ];
    let (mut matched_total, mut tried_total) = (0, 0);
    let (mut false_matches, mut unrelated_pairs) = (0, 0);
    let mut closest_unrelated = u32::MAX;
    let mut check_unrelated = |name: &str, what: &str, upload: &[HashWithQuality], index: usize| {
        unrelated_pairs += 1;
        closest_unrelated = closest_unrelated.min(min_distance(upload, &banks[index]));
        if matches_any(upload, &banks[index]) {
            false_matches += 1;
            println!("FALSE MATCH: {name} of {what} vs {}", ORIGINALS[index]);
        }
    };
    for (&(name, edit), counted) in all_edits {
        let (mut matched, mut worst) = (0, 0);
        for (index, original) in originals.iter().enumerate() {
            let upload = upload_hashes(&edit(original));
            let distance = min_distance(&upload, &banks[index]);
            worst = worst.max(distance);
            if matches_any(&upload, &banks[index]) {
                matched += 1;
            } else {
                println!(
                    "not matched: {name} of {} (distance {distance})",
                    ORIGINALS[index]
                );
            }
            for other in (0..banks.len()).filter(|&other| other != index) {
                check_unrelated(name, ORIGINALS[index], &upload, other);
            }
        }
        for path in UNRELATED {
            let upload = upload_hashes(&edit(&load(path)));
            for index in 0..banks.len() {
                check_unrelated(name, path, &upload, index);
            }
        }
        table.push(format!(
            "| {name} | {matched}/{} | {worst} |",
            originals.len()
        ));
        if counted {
            matched_total += matched;
            tried_total += originals.len();
        }
    }

    let share = matched_total as f64 / tried_total as f64;
    println!("\n{}", table.join("\n"));
    println!(
        "\nmatched {matched_total}/{tried_total} = {:.1}% (counted edits); false matches: \
         {false_matches} of {unrelated_pairs} unrelated (upload, original) pairs, closest \
         unrelated distance {closest_unrelated}",
        100.0 * share
    );
    assert!(share >= 0.95, "matched share {share}");
    assert_eq!(false_matches, 0);
}

/// Upstream's letterboxed copy of the bridge photo (black bars, different JPEG encoding) is a
/// real-world framed re-upload.
#[test]
fn letterboxed_copy_matches_its_original_only_after_trimming() {
    let original = load("data/reg-test-input/dih/bridge-1-original.jpg");
    let letterboxed = load("python-threatexchange-resources/letterboxed_sample-b.jpg");
    let bank = reference_hashes(&original);
    let uploads = upload_hashes(&letterboxed);
    let untrimmed = min_distance(&uploads[..1], &bank);
    let trimmed = min_distance(&uploads[1..], &bank);
    println!("letterboxed bridge: distance {untrimmed} untrimmed, {trimmed} trimmed");
    assert!(
        untrimmed > 31,
        "the bars alone break the match ({untrimmed})"
    );
    assert!(trimmed <= 31, "trimmed copy matches ({trimmed})");
    assert!(matches_any(&uploads, &bank));
}
