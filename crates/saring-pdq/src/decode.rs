//! Decoding outside bytes with a size guard, and the reference tool's luma front end.

use std::io::Cursor;
use std::sync::LazyLock;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::error::PdqError;

/// Default decode limit: 40 megapixels (e.g. 7744 x 5165), above any real listing photo.
pub const DEFAULT_MAX_PIXELS: u64 = 40_000_000;

/// Side of the reference tool's pre-resize: images with a side above it are resized to
/// exactly this many pixels square before hashing.
pub const REFERENCE_RESIZE_SIDE: u32 = 512;

const SUPPORTED_FORMATS: [ImageFormat; 4] = [
    ImageFormat::Jpeg,
    ImageFormat::Png,
    ImageFormat::WebP,
    ImageFormat::Gif,
];

/// Decodes a JPEG, PNG, WebP or GIF (first frame) held in memory, refusing images that declare
/// more than [`DEFAULT_MAX_PIXELS`] pixels before any pixel buffer is allocated.
/// EXIF orientation is not applied (the reference ignores it too).
pub fn decode_image(bytes: &[u8]) -> Result<DynamicImage, PdqError> {
    decode_image_with_limit(bytes, DEFAULT_MAX_PIXELS)
}

/// [`decode_image`] with a caller-chosen pixel limit (width x height).
pub fn decode_image_with_limit(bytes: &[u8], max_pixels: u64) -> Result<DynamicImage, PdqError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| PdqError::Decode(image::ImageError::IoError(error)))?;
    let format = reader.format().ok_or(PdqError::UnrecognisedFormat)?;
    if !SUPPORTED_FORMATS.contains(&format) {
        return Err(PdqError::UnsupportedFormat(format));
    }
    let side_limit = u32::try_from(max_pixels).unwrap_or(u32::MAX);
    let mut limits = Limits::default();
    limits.max_image_width = Some(side_limit);
    limits.max_image_height = Some(side_limit);
    reader.limits(limits);
    let decoder = reader.into_decoder()?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(PdqError::TooLarge {
            width,
            height,
            max_pixels,
        });
    }
    Ok(DynamicImage::from_decoder(decoder)?)
}

/// Float luma weights of the reference (ITU-R BT.601), as `f32` products of each 8-bit value,
/// so that `R[r] + G[g] + B[b]` is exactly the reference's float expression.
struct LumaTables {
    red: [f32; 256],
    green: [f32; 256],
    blue: [f32; 256],
}

static LUMA_TABLES: LazyLock<LumaTables> = LazyLock::new(|| {
    let table = |weight: f32| std::array::from_fn(|value| weight * value as f32);
    LumaTables {
        red: table(0.299),
        green: table(0.587),
        blue: table(0.114),
    }
});

/// Pixel source for the luma front end: 8-bit samples, interleaved channels.
struct Samples<'a> {
    raw: &'a [u8],
    width: usize,
    channels: usize,
    /// Grey images give luma = the grey value; colour images the weighted sum of R, G, B.
    grey: bool,
}

/// Whether [`image_luma`] applies the reference tool's 512x512 pre-resize.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PreResize {
    /// Resize to 512x512 when a side exceeds 512 (the command-line tool).
    Reference,
    /// Keep every pixel (the library call on full-resolution luma).
    None,
}

/// Fills `luma` the way the reference does and returns its (width, height): 8-bit RGB or
/// grey (alpha dropped; other sample types converted to 8 bits), then, with
/// [`PreResize::Reference`] and a side above 512, nearest-neighbour resize to exactly 512x512
/// (`source = floor(target * side / 512)`), then float luma.
pub(crate) fn image_luma(
    image: &DynamicImage,
    pre_resize: PreResize,
    luma: &mut Vec<f32>,
) -> (usize, usize) {
    let converted;
    let samples = match image {
        DynamicImage::ImageLuma8(grey) => Samples::new(grey.as_raw(), grey.width(), 1, true),
        DynamicImage::ImageLumaA8(grey) => Samples::new(grey.as_raw(), grey.width(), 2, true),
        DynamicImage::ImageRgb8(rgb) => Samples::new(rgb.as_raw(), rgb.width(), 3, false),
        DynamicImage::ImageRgba8(rgba) => Samples::new(rgba.as_raw(), rgba.width(), 4, false),
        DynamicImage::ImageLuma16(_) | DynamicImage::ImageLumaA16(_) => {
            converted = DynamicImage::ImageLuma8(image.to_luma8());
            return image_luma(&converted, pre_resize, luma);
        }
        _ => {
            converted = DynamicImage::ImageRgb8(image.to_rgb8());
            return image_luma(&converted, pre_resize, luma);
        }
    };
    let (width, height) = (image.width(), image.height());
    let resize = pre_resize == PreResize::Reference
        && (width > REFERENCE_RESIZE_SIDE || height > REFERENCE_RESIZE_SIDE);
    let (out_width, out_height) = if resize {
        (REFERENCE_RESIZE_SIDE, REFERENCE_RESIZE_SIDE)
    } else {
        (width, height)
    };
    let rows = nearest_sources(height, out_height);
    let columns = if resize {
        Columns::Nearest(nearest_sources(width, out_width))
    } else {
        Columns::All
    };
    luma.clear();
    luma.reserve(out_width as usize * rows.len());
    for &row in &rows {
        samples.push_row_luma(row, &columns, luma);
    }
    (out_width as usize, rows.len())
}

/// Which source columns a row of luma reads.
enum Columns {
    /// Every column, in order.
    All,
    /// The source column of each target column of a resize.
    Nearest(Vec<usize>),
}

/// Source index of each target position when resizing a side of `from` pixels to `to`.
fn nearest_sources(from: u32, to: u32) -> Vec<usize> {
    (0..u64::from(to))
        .map(|target| (target * u64::from(from) / u64::from(to)) as usize)
        .collect()
}

impl<'a> Samples<'a> {
    fn new(raw: &'a [u8], width: u32, channels: usize, grey: bool) -> Self {
        Self {
            raw,
            width: width as usize,
            channels,
            grey,
        }
    }

    fn push_row_luma(&self, row: usize, columns: &Columns, luma: &mut Vec<f32>) {
        let stride = self.width * self.channels;
        let row_samples = &self.raw[row * stride..(row + 1) * stride];
        let tables = &*LUMA_TABLES;
        let colour = |pixel: &[u8]| {
            tables.red[usize::from(pixel[0])]
                + tables.green[usize::from(pixel[1])]
                + tables.blue[usize::from(pixel[2])]
        };
        match (columns, self.grey) {
            (Columns::All, true) => luma.extend(
                row_samples
                    .chunks_exact(self.channels)
                    .map(|pixel| f32::from(pixel[0])),
            ),
            (Columns::All, false) => {
                luma.extend(row_samples.chunks_exact(self.channels).map(colour))
            }
            (Columns::Nearest(sources), grey) => luma.extend(sources.iter().map(|&column| {
                let pixel = &row_samples[column * self.channels..(column + 1) * self.channels];
                if grey {
                    f32::from(pixel[0])
                } else {
                    colour(pixel)
                }
            })),
        }
    }
}
