//! Errors of the hashing front ends.

/// Why an input could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum PdqError {
    /// The luma buffer does not hold `width * height` values.
    #[error("luma buffer holds {actual} values, a {width}x{height} image needs {expected}")]
    LumaSize {
        /// Width given.
        width: usize,
        /// Height given.
        height: usize,
        /// `width * height`.
        expected: u128,
        /// Length of the buffer given.
        actual: usize,
    },
    /// The bytes are not in a format the decoder recognises (JPEG, PNG, WebP or GIF).
    #[error("not a JPEG, PNG, WebP or GIF image (format not recognised)")]
    UnrecognisedFormat,
    /// The bytes are an image format that this crate does not decode.
    #[error("image format {0:?} is not supported (only JPEG, PNG, WebP and GIF are)")]
    UnsupportedFormat(image::ImageFormat),
    /// The image declares more pixels than the decode limit allows.
    #[error("image declares {width}x{height} pixels, more than the limit of {max_pixels}")]
    TooLarge {
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
        /// The limit in force.
        max_pixels: u64,
    },
    /// The decoder failed: truncated or corrupt data, or a decoder limit was hit.
    #[error("could not decode image: {0}")]
    Decode(#[from] image::ImageError),
}
