//! The trained model and its file format.
//!
//! A model is a logistic regression over hashed features: one weight per bucket and a
//! bias. The file stores only the buckets whose weight is not zero. Layout, all numbers
//! little-endian:
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `SARINGTC` |
//! | 2 | format version ([`FORMAT_VERSION`]) |
//! | 2 | feature scheme ([`FEATURE_SCHEME`]) |
//! | 5 | bucket bits, shortest and longest character n-gram, longest word n-gram, flags (1 = title namespace, 2 = fold digits) |
//! | 1 + n | model version: length, then UTF-8 |
//! | 4 | bias (f32) |
//! | 4 | number of non-zero weights |
//! | per weight | gap to the previous bucket (LEB128, at most 5 bytes), weight (f32) |
//! | 8 | xxh3-64 of everything before |
//!
//! Reading checks every length, range and the checksum: a damaged or foreign file is a
//! [`ModelError`], never a panic.

use xxhash_rust::xxh3::xxh3_64;

use super::features::{FEATURE_SCHEME, FeatureSettings};

/// The first bytes of every model file.
pub const MAGIC: &[u8; 8] = b"SARINGTC";
/// The version of the file layout this code reads and writes.
pub const FORMAT_VERSION: u16 = 1;
/// Longest model version string.
pub const MAX_VERSION_LEN: usize = 64;

const FLAG_TITLE_NAMESPACE: u8 = 1;
const FLAG_FOLD_DIGITS: u8 = 2;

/// Why a model file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The file does not start with the model magic: not a saring text model.
    #[error("not a saring text classifier model (bad magic bytes)")]
    NotAModel,
    /// The file ends before the part named.
    #[error("model file is truncated: it ends inside the {0}")]
    Truncated(&'static str),
    /// The file layout is of another version.
    #[error("model file format {found} is not supported (this build reads format {supported})")]
    UnsupportedFormat {
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        supported: u16,
    },
    /// The model was built with another feature scheme: its buckets mean other things.
    #[error(
        "model was built with feature scheme {found}, this build computes scheme {supported}: retrain it"
    )]
    FeatureScheme {
        /// Scheme in the file.
        found: u16,
        /// Scheme this build computes.
        supported: u16,
    },
    /// The feature settings cannot be used.
    #[error("model feature settings: {0}")]
    Settings(String),
    /// The model version string is empty, too long, or not UTF-8.
    #[error("model version string is empty, longer than {MAX_VERSION_LEN} bytes or not UTF-8")]
    Version,
    /// A weight points outside the buckets.
    #[error("model weight for bucket {bucket} is outside the {buckets} buckets")]
    BucketOutOfRange {
        /// The bucket.
        bucket: u64,
        /// Number of buckets.
        buckets: usize,
    },
    /// A weight or the bias is not a finite number.
    #[error("model holds a weight that is not a finite number")]
    NotFinite,
    /// The file's content does not match its checksum.
    #[error("model file is corrupt (checksum mismatch)")]
    Checksum,
    /// Bytes follow the checksum.
    #[error("model file has {0} unexpected bytes after its end")]
    TrailingBytes(usize),
}

/// A trained text classifier model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    version: String,
    settings: FeatureSettings,
    bias: f32,
    weights: Vec<f32>,
}

impl Model {
    /// A model from its parts; `weights` must have one entry per bucket.
    pub fn new(
        version: String,
        settings: FeatureSettings,
        bias: f32,
        weights: Vec<f32>,
    ) -> Result<Self, ModelError> {
        if let Some(problem) = settings.problem() {
            return Err(ModelError::Settings(problem));
        }
        if version.is_empty() || version.len() > MAX_VERSION_LEN {
            return Err(ModelError::Version);
        }
        if weights.len() != settings.buckets() {
            return Err(ModelError::Settings(format!(
                "{} weights for {} buckets",
                weights.len(),
                settings.buckets()
            )));
        }
        if !bias.is_finite() || weights.iter().any(|w| !w.is_finite()) {
            return Err(ModelError::NotFinite);
        }
        Ok(Model {
            version,
            settings,
            bias,
            weights,
        })
    }

    /// The model version, e.g. `text-2026.11.23-1`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The feature settings the model was trained with.
    pub fn settings(&self) -> &FeatureSettings {
        &self.settings
    }

    /// The bias (the score of a listing with no features).
    pub fn bias(&self) -> f32 {
        self.bias
    }

    /// One weight per bucket.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// Number of buckets with a non-zero weight.
    pub fn non_zero(&self) -> usize {
        self.weights.iter().filter(|w| **w != 0.0).count()
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let s = &self.settings;
        let mut out = Vec::with_capacity(64 + self.non_zero() * 6);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_SCHEME.to_le_bytes());
        let mut flags = 0;
        if s.title_namespace {
            flags |= FLAG_TITLE_NAMESPACE;
        }
        if s.fold_digits {
            flags |= FLAG_FOLD_DIGITS;
        }
        out.extend_from_slice(&[s.bucket_bits, s.char_min, s.char_max, s.word_ngrams, flags]);
        // `new` bounds the version to MAX_VERSION_LEN bytes, so the length fits in a byte.
        out.push(self.version.len() as u8);
        out.extend_from_slice(self.version.as_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&(self.non_zero() as u32).to_le_bytes());
        let mut next_bucket = 0usize;
        for (bucket, weight) in self.weights.iter().enumerate() {
            if *weight != 0.0 {
                write_leb128(&mut out, (bucket - next_bucket) as u32);
                out.extend_from_slice(&weight.to_le_bytes());
                next_bucket = bucket + 1;
            }
        }
        let checksum = xxh3_64(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Reads a model from its file format, checking everything.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len(), "magic") != Ok(MAGIC.as_slice()) {
            return Err(ModelError::NotAModel);
        }
        let format = reader.u16("format version")?;
        if format != FORMAT_VERSION {
            return Err(ModelError::UnsupportedFormat {
                found: format,
                supported: FORMAT_VERSION,
            });
        }
        let scheme = reader.u16("feature scheme")?;
        if scheme != FEATURE_SCHEME {
            return Err(ModelError::FeatureScheme {
                found: scheme,
                supported: FEATURE_SCHEME,
            });
        }
        let raw = reader.take(5, "feature settings")?;
        let flags = raw[4];
        if flags & !(FLAG_TITLE_NAMESPACE | FLAG_FOLD_DIGITS) != 0 {
            return Err(ModelError::Settings(format!("unknown flags {flags:#04x}")));
        }
        let settings = FeatureSettings {
            bucket_bits: raw[0],
            char_min: raw[1],
            char_max: raw[2],
            word_ngrams: raw[3],
            title_namespace: flags & FLAG_TITLE_NAMESPACE != 0,
            fold_digits: flags & FLAG_FOLD_DIGITS != 0,
        };
        if let Some(problem) = settings.problem() {
            return Err(ModelError::Settings(problem));
        }
        let version_len = usize::from(reader.take(1, "model version")?[0]);
        let version = std::str::from_utf8(reader.take(version_len, "model version")?)
            .map_err(|_| ModelError::Version)?
            .to_string();
        let bias = reader.f32("bias")?;
        let count = reader.u32("weight count")?;
        let buckets = settings.buckets();
        if count as usize > buckets {
            return Err(ModelError::Settings(format!(
                "{count} weights for {buckets} buckets"
            )));
        }
        let mut weights = vec![0.0f32; buckets];
        let mut next_bucket = 0u64;
        for _ in 0..count {
            let bucket = next_bucket + u64::from(reader.leb128()?);
            let weight = reader.f32("weights")?;
            let slot = usize::try_from(bucket)
                .ok()
                .and_then(|b| weights.get_mut(b))
                .ok_or(ModelError::BucketOutOfRange { bucket, buckets })?;
            *slot = weight;
            next_bucket = bucket + 1;
        }
        let body_end = reader.at;
        let checksum = u64::from_le_bytes(reader.array("checksum")?);
        if checksum != xxh3_64(&bytes[..body_end]) {
            return Err(ModelError::Checksum);
        }
        if reader.at != bytes.len() {
            return Err(ModelError::TrailingBytes(bytes.len() - reader.at));
        }
        Model::new(version, settings, bias, weights)
    }
}

fn write_leb128(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Reads a byte slice front to back, naming what it was reading when the bytes ran out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(ModelError::Truncated(what))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], ModelError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    fn u16(&mut self, what: &'static str) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        let value = f32::from_le_bytes(self.array(what)?);
        if value.is_finite() {
            Ok(value)
        } else {
            Err(ModelError::NotFinite)
        }
    }

    /// An unsigned LEB128 number of at most 5 bytes that fits in 32 bits.
    fn leb128(&mut self) -> Result<u32, ModelError> {
        let mut value = 0u64;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1, "weights")?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| ModelError::BucketOutOfRange {
                    bucket: value,
                    buckets: 0,
                });
            }
        }
        Err(ModelError::BucketOutOfRange {
            bucket: value,
            buckets: 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small_model() -> Model {
        let settings = FeatureSettings {
            bucket_bits: 16,
            ..FeatureSettings::default()
        };
        let mut weights = vec![0.0; settings.buckets()];
        weights[0] = 0.5;
        weights[1] = -1.25;
        weights[300] = 2.0;
        weights[65_535] = -0.001;
        Model::new("text-test-1".into(), settings, -0.75, weights).expect("valid model")
    }

    #[test]
    fn round_trips_through_bytes() {
        let model = small_model();
        let bytes = model.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(model.clone()));
        assert_eq!(model.non_zero(), 4);
    }

    #[test]
    fn every_truncation_is_a_typed_error() {
        let bytes = small_model().to_bytes();
        for len in 0..bytes.len() {
            let error = Model::from_bytes(&bytes[..len]).expect_err("truncated file is refused");
            assert!(
                matches!(error, ModelError::Truncated(_) | ModelError::NotAModel),
                "length {len}: {error}"
            );
        }
    }

    #[test]
    fn any_flipped_byte_is_refused() {
        let bytes = small_model().to_bytes();
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assert!(Model::from_bytes(&damaged).is_err(), "byte {at} flipped");
        }
    }

    #[test]
    fn other_schemes_formats_and_settings_are_refused_by_name() {
        let bytes = small_model().to_bytes();
        let patched = |at: usize, value: u8| {
            let mut copy = bytes.clone();
            copy[at] = value;
            Model::from_bytes(&copy)
        };
        assert_eq!(
            patched(8, 9),
            Err(ModelError::UnsupportedFormat {
                found: 9,
                supported: FORMAT_VERSION
            })
        );
        assert!(matches!(
            patched(10, 99),
            Err(ModelError::FeatureScheme { found: 99, .. })
        ));
        assert!(matches!(patched(12, 40), Err(ModelError::Settings(_))));
        assert!(matches!(patched(16, 0x80), Err(ModelError::Settings(_))));
        assert_eq!(patched(0, b'X'), Err(ModelError::NotAModel));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            Model::from_bytes(&longer),
            Err(ModelError::TrailingBytes(1))
        );
    }

    #[test]
    fn invalid_parts_are_refused() {
        let settings = FeatureSettings {
            bucket_bits: 16,
            ..FeatureSettings::default()
        };
        let weights = || vec![0.0; settings.buckets()];
        assert_eq!(
            Model::new(String::new(), settings, 0.0, weights()),
            Err(ModelError::Version)
        );
        assert_eq!(
            Model::new("v".into(), settings, f32::NAN, weights()),
            Err(ModelError::NotFinite)
        );
        assert!(matches!(
            Model::new("v".into(), settings, 0.0, vec![0.0; 3]),
            Err(ModelError::Settings(_))
        ));
    }

    #[test]
    fn leb128_round_trips_large_gaps() {
        for value in [0u32, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            let mut out = Vec::new();
            write_leb128(&mut out, value);
            let mut reader = Reader { bytes: &out, at: 0 };
            assert_eq!(reader.leb128(), Ok(value));
            assert_eq!(reader.at, out.len());
        }
    }
}
