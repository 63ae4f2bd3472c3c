//! Meta's PDQ perceptual image hash, written from the published algorithm and checked
//! bit for bit against the outputs of Meta's C++ reference (`pdq-photo-hasher`).
//!
//! PDQ turns an image into 256 bits such that visually similar images (re-compressed,
//! resized, lightly edited) get hashes a small Hamming distance apart. Meta's matching rule:
//! distance **≤ 31** is a match ([`MATCH_MAX_DISTANCE`]), and hashes of quality **< 50** are too
//! flat to trust ([`MIN_MATCH_QUALITY`]).
//!
//! Three entry points, from raw to convenient:
//! - [`hash_luma`]: the algorithm itself on a row-major float luma buffer at any resolution
//!   (what Meta's library call `pdqHash256FromFloatLuma` computes).
//! - [`hash_image`]: what Meta's command-line tool computes for a decoded image: 8-bit RGB or
//!   grey, alpha dropped, nearest-neighbour resize to 512x512 when a side exceeds 512, then
//!   float luma `0.299 R + 0.587 G + 0.114 B`.
//! - [`hash_bytes`]: decodes outside bytes (JPEG, PNG, WebP, GIF) with a size guard, then
//!   [`hash_image`].
//!
//! Each has a `dihedral_hashes_*` twin giving the hashes of the 8 rotations and mirror images
//! ([`Dihedral`]), derived from one DCT as the reference does. [`reupload`] has the helpers
//! for matching re-uploaded copies (border trimming, central crops, a reference hash set).
//!
//! # Fidelity to the reference
//! The PDQ arithmetic repeats the reference's `f32` operations in the same order, so the same
//! pixels give the same 256 bits and quality (checked on all 49 rows of Meta's tool output in
//! the project's test set, and on the 29 full-resolution rows of its library output). What can
//! differ is the decoded pixels: the pure-Rust JPEG decoder is up to 3 levels off libjpeg-turbo
//! on some files, which moved 5 small JPEGs by 2 bits (8 on a nearly blank one). The
//! reference tool also keeps the low byte of 16-bit samples, where this crate scales them.
//!
//! ```
//! let (width, height) = (64, 48);
//! let luma: Vec<f32> = (0..width * height)
//!     .map(|i| ((i % width) * 4 + (i / width) * (i % 7)) as f32)
//!     .collect();
//! let hashed = saring_pdq::hash_luma(width, height, &luma)?;
//! let text = hashed.hash.to_hex();
//! assert_eq!(text.len(), 64);
//! assert_eq!(text.parse::<saring_pdq::PdqHash>()?, hashed.hash);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod core;
mod decode;
mod error;
mod hash;
pub mod reupload;

use image::DynamicImage;

pub use crate::core::MIN_HASHABLE_SIDE;
pub use crate::decode::{
    DEFAULT_MAX_PIXELS, REFERENCE_RESIZE_SIDE, decode_image, decode_image_with_limit,
};
pub use crate::error::PdqError;
pub use crate::hash::{
    Dihedral, DihedralHashes, HEX_LEN, HashWithQuality, ParseHashError, PdqHash,
};

use crate::core::{Spectrum, spectrum_of_luma, spectrum_of_scratch_luma, with_scratch};
use crate::decode::PreResize;

/// Largest Hamming distance that Meta counts as a match between two PDQ hashes.
pub const MATCH_MAX_DISTANCE: u32 = 31;

/// Lowest quality at which Meta trusts a PDQ hash for matching.
pub const MIN_MATCH_QUALITY: u8 = 50;

/// Hashes a `width` x `height` row-major float luma buffer (values nominally 0..=255) at its
/// own resolution, with no pre-resize. Images with a side under [`MIN_HASHABLE_SIDE`] give the
/// zero hash with quality 0, as in the reference.
///
/// # Errors
/// [`PdqError::LumaSize`] if `luma.len() != width * height`.
pub fn hash_luma(width: usize, height: usize, luma: &[f32]) -> Result<HashWithQuality, PdqError> {
    luma_spectrum(width, height, luma).map(|spectrum| single_hash(spectrum.as_ref()))
}

/// The eight dihedral hashes of a luma buffer (see [`hash_luma`]).
///
/// # Errors
/// [`PdqError::LumaSize`] if `luma.len() != width * height`.
pub fn dihedral_hashes_luma(
    width: usize,
    height: usize,
    luma: &[f32],
) -> Result<DihedralHashes, PdqError> {
    luma_spectrum(width, height, luma).map(|spectrum| all_hashes(spectrum.as_ref()))
}

/// Hashes a decoded image exactly as Meta's reference tool does (512x512 nearest-neighbour
/// pre-resize when a side exceeds 512; see the crate documentation).
pub fn hash_image(image: &DynamicImage) -> HashWithQuality {
    single_hash(image_spectrum(image).as_ref())
}

/// The eight dihedral hashes of a decoded image (see [`hash_image`]).
pub fn dihedral_hashes_image(image: &DynamicImage) -> DihedralHashes {
    all_hashes(image_spectrum(image).as_ref())
}

/// Decodes outside bytes with [`decode_image`] (size guard included) and hashes them with
/// [`hash_image`].
///
/// # Errors
/// Unrecognised or unsupported format, more than [`DEFAULT_MAX_PIXELS`] pixels, corrupt data.
pub fn hash_bytes(bytes: &[u8]) -> Result<HashWithQuality, PdqError> {
    decode_image(bytes).map(|image| hash_image(&image))
}

/// Decodes outside bytes with [`decode_image`] and returns the eight dihedral hashes.
///
/// # Errors
/// As [`hash_bytes`].
pub fn dihedral_hashes_bytes(bytes: &[u8]) -> Result<DihedralHashes, PdqError> {
    decode_image(bytes).map(|image| dihedral_hashes_image(&image))
}

fn luma_spectrum(width: usize, height: usize, luma: &[f32]) -> Result<Option<Spectrum>, PdqError> {
    let expected = width as u128 * height as u128;
    if expected != luma.len() as u128 {
        return Err(PdqError::LumaSize {
            width,
            height,
            expected,
            actual: luma.len(),
        });
    }
    Ok(with_scratch(|scratch| {
        spectrum_of_luma(luma, width, height, scratch)
    }))
}

/// The full-resolution float luma of a decoded image, computed as the reference does (8-bit RGB
/// or grey, alpha dropped, `0.299 R + 0.587 G + 0.114 B` in `f32`), as (width, height,
/// row-major values). With [`hash_luma`] this gives what Meta's library (and ports that call
/// it on the whole image, such as python-threatexchange) computes, without the tool's 512 px
/// pre-resize: on large images the two differ by a few bits.
pub fn image_luma(image: &DynamicImage) -> (usize, usize, Vec<f32>) {
    let mut luma = Vec::new();
    let (width, height) = decode::image_luma(image, PreResize::None, &mut luma);
    (width, height, luma)
}

fn image_spectrum(image: &DynamicImage) -> Option<Spectrum> {
    with_scratch(|scratch| {
        let (width, height) = decode::image_luma(image, PreResize::Reference, &mut scratch.luma);
        spectrum_of_scratch_luma(width, height, scratch)
    })
}

fn single_hash(spectrum: Option<&Spectrum>) -> HashWithQuality {
    spectrum.map_or(
        HashWithQuality {
            hash: PdqHash::ZERO,
            quality: 0,
        },
        |spectrum| HashWithQuality {
            hash: spectrum.hash(Dihedral::Original),
            quality: spectrum.quality(),
        },
    )
}

fn all_hashes(spectrum: Option<&Spectrum>) -> DihedralHashes {
    spectrum.map_or(
        DihedralHashes {
            hashes: [PdqHash::ZERO; 8],
            quality: 0,
        },
        |spectrum| DihedralHashes {
            hashes: Dihedral::ALL.map(|dihedral| spectrum.hash(dihedral)),
            quality: spectrum.quality(),
        },
    )
}
