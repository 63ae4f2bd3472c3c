//! Matching re-uploaded copies of a known image.
//!
//! A seller re-listing a banned photo often re-compresses, resizes, mirrors or rotates it,
//! screenshots it (adding a uniform frame) or crops it a little. PDQ alone survives
//! re-compression, resizing and small overlays; this module covers the rest:
//! - the **reference side** ([`reference_hashes`]) stores, for each known image and for a few
//!   central crops of it, the hashes of its 8 rotations and mirror images, each border-trimmed
//!   as an upload would be;
//! - the **upload side** ([`upload_hashes`]) hashes the upload as it is and, when it has a
//!   uniform frame, also after trimming the frame;
//! - [`is_match`] applies Meta's rule: distance ≤ [`MATCH_MAX_DISTANCE`] and both qualities ≥
//!   [`MIN_MATCH_QUALITY`]; [`matches_any`] applies it to the two sets.
//!
//! The rotations and mirror images are made on the pixels ([`apply_dihedral`]), not in the DCT
//! domain: PDQ's filter and sampling are not symmetric, so the DCT-domain
//! [`dihedral_hashes_image`](crate::dihedral_hashes_image) of a photo is some bits away from
//! the hash of the same photo actually rotated (measured: 8-18 bits on a 1600 px photo, 26-58
//! on 256 px ones), too far for the matching threshold on small images.

use image::{DynamicImage, GenericImageView, RgbImage};

use crate::{Dihedral, HashWithQuality, MATCH_MAX_DISTANCE, MIN_MATCH_QUALITY, hash_image};

/// Share of each side that [`central_crops`] removes, one crop per entry.
pub const CENTRAL_CROP_MARGINS: [f32; 2] = [0.05, 0.10];

/// Largest difference of a channel from the frame colour that still counts as frame (leaves
/// room for JPEG noise).
const FRAME_CHANNEL_TOLERANCE: u8 = 24;
/// A frame line may have at most one pixel in this many off the frame colour (specks, noise).
const FRAME_OUTLIER_RATIO: usize = 50;
/// Largest mean difference (over a line, of each pixel's largest channel difference) from the
/// frame colour: frames are flat, while even smooth photo content (sky, sea) varies more.
const FRAME_MEAN_TOLERANCE: u64 = 3;
/// JPEG blocks are 8 pixels: ringing from the content edge reaches at most 7 lines into a frame.
const MAX_RINGING_LINES: usize = 7;
/// Largest mean difference from the frame colour for a line of ringing.
const RINGING_MEAN_TOLERANCE: u64 = 12;
/// A frame takes less than this share of a side; a deeper "frame" is a uniform image region.
const MAX_FRAME_SHARE: f32 = 0.45;
/// Trimming passes over the four sides (trimming the sides can make a line of another side flat).
const MAX_TRIM_PASSES: usize = 4;

/// The hashes to store for a known image so that its edited re-uploads match: for the image and
/// each central crop in [`CENTRAL_CROP_MARGINS`], the hashes of its 8 rotations and mirror
/// images ([`apply_dihedral`]) after [`trim_uniform_border`], plus the untrimmed ones where
/// trimming removed something.
pub fn reference_hashes(image: &DynamicImage) -> Vec<HashWithQuality> {
    let mut hashes = Vec::new();
    for variant in std::iter::once(image.clone()).chain(central_crops(image)) {
        let trimmed = trim_uniform_border(&variant);
        let trimmed_differs = trimmed.dimensions() != variant.dimensions();
        for dihedral in Dihedral::ALL {
            hashes.push(hash_image(&apply_dihedral(&trimmed, dihedral)));
            if trimmed_differs {
                hashes.push(hash_image(&apply_dihedral(&variant, dihedral)));
            }
        }
    }
    hashes
}

/// The image rotated or mirrored as `dihedral` says, on the pixels.
pub fn apply_dihedral(image: &DynamicImage, dihedral: Dihedral) -> DynamicImage {
    match dihedral {
        Dihedral::Original => image.clone(),
        // `image` rotates clockwise.
        Dihedral::Rotate90 => image.rotate270(),
        Dihedral::Rotate180 => image.rotate180(),
        Dihedral::Rotate270 => image.rotate90(),
        Dihedral::FlipX => image.flipv(),
        Dihedral::FlipY => image.fliph(),
        Dihedral::FlipPlus => image.rotate90().fliph(),
        Dihedral::FlipMinus => image.rotate90().flipv(),
    }
}

/// The hashes to look up for an uploaded image: its PDQ hash, then, if
/// [`trim_uniform_border`] removes a frame, the hash of the trimmed image. Keeping the
/// untrimmed hash protects unframed photos whose uniform edges (sky, studio background) the
/// trimming would cut differently from the stored copy.
pub fn upload_hashes(image: &DynamicImage) -> Vec<HashWithQuality> {
    let trimmed = trim_uniform_border(image);
    let mut hashes = vec![hash_image(image)];
    if trimmed.dimensions() != image.dimensions() {
        hashes.push(hash_image(&trimmed));
    }
    hashes
}

/// Whether any upload hash matches any reference hash ([`is_match`]).
pub fn matches_any(uploads: &[HashWithQuality], references: &[HashWithQuality]) -> bool {
    uploads.iter().any(|upload| {
        references
            .iter()
            .any(|reference| is_match(upload, reference))
    })
}

/// Meta's matching rule: both hashes of quality at least [`MIN_MATCH_QUALITY`] and at most
/// [`MATCH_MAX_DISTANCE`] bits apart.
pub fn is_match(upload: &HashWithQuality, reference: &HashWithQuality) -> bool {
    upload.quality >= MIN_MATCH_QUALITY
        && reference.quality >= MIN_MATCH_QUALITY
        && upload.hash.hamming_distance(&reference.hash) <= MATCH_MAX_DISTANCE
}

/// The centre of the image with `margin` (0.0..0.5) of the width and height removed on each
/// side. The crop keeps at least one pixel.
pub fn central_crop(image: &DynamicImage, margin: f32) -> DynamicImage {
    let (width, height) = image.dimensions();
    let margin = margin.clamp(0.0, 0.5);
    let cut = |side: u32| ((side as f32 * margin).round() as u32).min(side.saturating_sub(1) / 2);
    let (left, top) = (cut(width), cut(height));
    image.crop_imm(left, top, width - 2 * left, height - 2 * top)
}

/// One [`central_crop`] per margin in [`CENTRAL_CROP_MARGINS`].
pub fn central_crops(image: &DynamicImage) -> impl Iterator<Item = DynamicImage> + '_ {
    CENTRAL_CROP_MARGINS
        .iter()
        .map(move |&margin| central_crop(image, margin))
}

/// Crops away a uniform-colour frame, such as the bars around a screenshot or a letterboxed
/// photo. Each side is trimmed on its own, so the four bars may differ in colour and width,
/// and a side may have several bands (a status bar above a white margin, say). A line belongs to
/// the frame when it is flat (almost all its pixels within a JPEG-noise tolerance of its
/// band's colour, and close to it on average), and up to 7 lines of JPEG ringing next to the
/// content go with the frame. Top and bottom are trimmed first, then left and right, and the passes repeat until nothing
/// changes, so that the result does not depend on which side the frame was widest. A side whose
/// uniform band would reach 45% of the image is left alone (a blank region, not a frame), and an
/// image with no frame is returned unchanged.
pub fn trim_uniform_border(image: &DynamicImage) -> DynamicImage {
    let rgb = image.to_rgb8();
    let (width, height) = rgb.dimensions();
    let (width, height) = (width as usize, height as usize);
    if width < 3 || height < 3 {
        return image.clone();
    }
    let max_rows = (height as f32 * MAX_FRAME_SHARE) as usize;
    let max_columns = (width as f32 * MAX_FRAME_SHARE) as usize;
    let row = |y: usize, x0: usize, x1: usize| Line::new(y * width + x0, 1, x1 - x0);
    let column = |x: usize, y0: usize, y1: usize| Line::new(y0 * width + x, width, y1 - y0);

    let (mut x0, mut y0, mut x1, mut y1) = (0, 0, width, height);
    for _ in 0..MAX_TRIM_PASSES {
        let before = (x0, y0, x1, y1);
        y0 += frame_depth(&rgb, max_rows.saturating_sub(y0), |depth| {
            row(y0 + depth, x0, x1)
        });
        y1 -= frame_depth(&rgb, max_rows.saturating_sub(height - y1), |depth| {
            row(y1 - 1 - depth, x0, x1)
        });
        x0 += frame_depth(&rgb, max_columns.saturating_sub(x0), |depth| {
            column(x0 + depth, y0, y1)
        });
        x1 -= frame_depth(&rgb, max_columns.saturating_sub(width - x1), |depth| {
            column(x1 - 1 - depth, y0, y1)
        });
        if (x0, y0, x1, y1) == before {
            break;
        }
    }
    if (x0, y0, x1, y1) == (0, 0, width, height) {
        return image.clone();
    }
    image.crop_imm(x0 as u32, y0 as u32, (x1 - x0) as u32, (y1 - y0) as u32)
}

/// A run of pixels in a row-major RGB buffer: `count` pixels from index `start`, `step` apart.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    step: usize,
    count: usize,
}

impl Line {
    fn new(start: usize, step: usize, count: usize) -> Self {
        Self { start, step, count }
    }

    fn pixels<'a>(&self, rgb: &'a RgbImage) -> impl Iterator<Item = [u8; 3]> + 'a {
        let raw = rgb.as_raw();
        (0..self.count).map({
            let (start, step) = (self.start, self.step);
            move |k| {
                let at = 3 * (start + k * step);
                [raw[at], raw[at + 1], raw[at + 2]]
            }
        })
    }

    fn mean_colour(&self, rgb: &RgbImage) -> [u8; 3] {
        let mut sums = [0u64; 3];
        for pixel in self.pixels(rgb) {
            for (sum, channel) in sums.iter_mut().zip(pixel) {
                *sum += u64::from(channel);
            }
        }
        let count = self.count.max(1) as u64;
        sums.map(|sum| (sum / count) as u8)
    }

    fn deviation(&self, rgb: &RgbImage, colour: [u8; 3]) -> Deviation {
        let mut deviation = Deviation {
            off_colour: 0,
            total: 0,
            count: self.count,
        };
        for pixel in self.pixels(rgb) {
            let difference = pixel
                .iter()
                .zip(colour)
                .map(|(&channel, reference)| channel.abs_diff(reference))
                .max()
                .unwrap_or(0);
            deviation.off_colour += usize::from(difference > FRAME_CHANNEL_TOLERANCE);
            deviation.total += u64::from(difference);
        }
        deviation
    }
}

/// How far the pixels of a line are from a colour (per pixel, the largest channel difference).
struct Deviation {
    /// Pixels further than [`FRAME_CHANNEL_TOLERANCE`].
    off_colour: usize,
    /// Sum of the differences.
    total: u64,
    /// Pixels in the line.
    count: usize,
}

impl Deviation {
    /// Flat enough to be a frame line of that colour.
    fn is_frame(&self) -> bool {
        self.off_colour * FRAME_OUTLIER_RATIO <= self.count
            && self.total <= FRAME_MEAN_TOLERANCE * self.count as u64
    }

    /// Close enough to be frame disturbed by JPEG ringing from the content edge.
    fn is_ringing(&self) -> bool {
        self.total <= RINGING_MEAN_TOLERANCE * self.count as u64
    }
}

/// How many lines from one edge (line `depth` given by `line_at`) form a frame of flat colour
/// bands, plus up to [`MAX_RINGING_LINES`] lines of JPEG
/// ringing next to the content, or 0 if the frame reaches `max_depth` (uniform content, not a
/// frame).
fn frame_depth(rgb: &RgbImage, max_depth: usize, line_at: impl Fn(usize) -> Line) -> usize {
    if max_depth == 0 {
        return 0;
    }
    let mut band_colour = line_at(0).mean_colour(rgb);
    let mut depth = 0;
    while depth < max_depth {
        let line = line_at(depth);
        if !line.deviation(rgb, band_colour).is_frame() {
            let colour = line.mean_colour(rgb);
            if !line.deviation(rgb, colour).is_frame() {
                break;
            }
            band_colour = colour;
        }
        depth += 1;
    }
    if depth == 0 || depth >= max_depth {
        return 0;
    }
    let ringing = (depth..max_depth.min(depth + MAX_RINGING_LINES))
        .take_while(|&ringing| line_at(ringing).deviation(rgb, band_colour).is_ringing())
        .count();
    depth + ringing
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn framed_gradient(frame: [u32; 4], colour: [u8; 3]) -> DynamicImage {
        let [top, right, bottom, left] = frame;
        let (width, height) = (100 + left + right, 80 + top + bottom);
        DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| {
            let inside = x >= left && x < width - right && y >= top && y < height - bottom;
            if inside {
                Rgb([(x * 2) as u8, (y * 3) as u8, ((x + y) % 256) as u8])
            } else {
                Rgb(colour)
            }
        }))
    }

    #[test]
    fn trims_each_side_of_a_frame() {
        let framed = framed_gradient([7, 3, 11, 20], [250, 250, 250]);
        let trimmed = trim_uniform_border(&framed);
        assert_eq!(trimmed.dimensions(), (100, 80));
        // Pixel (10, 10) of the content sits at (10 + left, 10 + top) in the framed image.
        assert_eq!(trimmed.to_rgb8().get_pixel(10, 10), &Rgb([60, 51, 47]));
    }

    #[test]
    fn leaves_unframed_and_blank_images_alone() {
        let plain = framed_gradient([0, 0, 0, 0], [0, 0, 0]);
        assert_eq!(trim_uniform_border(&plain).dimensions(), (100, 80));
        let blank = DynamicImage::ImageRgb8(RgbImage::from_pixel(50, 40, Rgb([9, 9, 9])));
        assert_eq!(trim_uniform_border(&blank).dimensions(), (50, 40));
    }

    #[test]
    fn trims_a_frame_of_several_colour_bands() {
        let mut framed = framed_gradient([30, 0, 0, 0], [255, 255, 255]).to_rgb8();
        for (_, y, pixel) in framed.enumerate_pixels_mut() {
            if y < 10 {
                *pixel = Rgb([60, 60, 60]);
            }
        }
        let trimmed = trim_uniform_border(&DynamicImage::ImageRgb8(framed.clone()));
        assert_eq!(trimmed.dimensions(), (100, 80));
        for (_, y, pixel) in framed.enumerate_pixels_mut() {
            if y < 4 {
                *pixel = Rgb([200, 0, 0]);
            }
        }
        let trimmed = trim_uniform_border(&DynamicImage::ImageRgb8(framed));
        assert_eq!(trimmed.dimensions(), (100, 80), "red, grey and white bands");
    }

    #[test]
    fn keeps_a_blank_region_wider_than_a_frame() {
        // White top half over content: a blank region, not a frame.
        let image = framed_gradient([90, 0, 0, 0], [255, 255, 255]);
        assert_eq!(trim_uniform_border(&image).dimensions(), (100, 170));
    }

    #[test]
    fn central_crop_removes_margin_on_each_side() {
        let image = framed_gradient([0, 0, 0, 0], [0, 0, 0]);
        assert_eq!(central_crop(&image, 0.05).dimensions(), (90, 72));
        assert_eq!(central_crop(&image, 0.10).dimensions(), (80, 64));
        assert_eq!(central_crop(&image, 0.7).dimensions(), (2, 2));
    }
}
