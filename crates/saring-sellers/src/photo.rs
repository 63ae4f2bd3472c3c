//! PDQ photo hashes as the caller gives them (64 hex digits), compared by Hamming distance.

use std::fmt;
use std::str::FromStr;

use saring_hamming::{Hash256, hamming_distance};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Hex digits of a PDQ hash.
pub const PDQ_HEX_LEN: usize = 64;
/// Fewest bits set in an informative PDQ hash. PDQ thresholds at the median, so real
/// photos set about half of the 256 bits; flat or blank images give degenerate hashes that
/// match each other and link nobody.
pub const MIN_PDQ_ONES: u32 = 64;
/// Most bits set in an informative PDQ hash.
pub const MAX_PDQ_ONES: u32 = 192;

/// A 256-bit PDQ hash of a listing photo.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PdqHash(pub Hash256);

/// Why a PDQ hex string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a PDQ hash is {PDQ_HEX_LEN} hex digits, got {0:?}")]
pub struct PdqHexError(pub String);

impl PdqHash {
    /// Bits in which two hashes differ.
    pub fn distance(&self, other: &PdqHash) -> u32 {
        hamming_distance(&self.0, &other.0)
    }

    /// Whether the hash has a plausible share of bits set (see [`MIN_PDQ_ONES`]).
    pub fn is_informative(&self) -> bool {
        let ones: u32 = self.0.iter().map(|word| word.count_ones()).sum();
        (MIN_PDQ_ONES..=MAX_PDQ_ONES).contains(&ones)
    }

    /// 64 lowercase hex digits, first word first, each word big-endian.
    pub fn to_hex(&self) -> String {
        let bytes: Vec<u8> = self.0.iter().flat_map(|word| word.to_be_bytes()).collect();
        hex::encode(bytes)
    }
}

impl FromStr for PdqHash {
    type Err = PdqHexError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || PdqHexError(text.to_string());
        let text_trimmed = text.trim();
        let all_hex = text_trimmed.bytes().all(|byte| byte.is_ascii_hexdigit());
        if text_trimmed.len() != PDQ_HEX_LEN || !all_hex {
            return Err(refuse());
        }
        let mut words = [0u64; 4];
        for (word, chunk) in words.iter_mut().zip(text_trimmed.as_bytes().chunks(16)) {
            *word = chunk.iter().fold(0u64, |value, byte| {
                let digit = char::from(*byte).to_digit(16).unwrap_or_default();
                (value << 4) | u64::from(digit)
            });
        }
        Ok(PdqHash(words))
    }
}

impl fmt::Debug for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PdqHash({})", self.to_hex())
    }
}

impl Serialize for PdqHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for PdqHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_bad_hex_is_refused() {
        let hex = "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff";
        let hash: PdqHash = hex.parse().expect("valid hex");
        assert_eq!(hash.to_hex(), hex);
        assert!(hash.is_informative());
        assert!("abc".parse::<PdqHash>().is_err());
        assert!(hex.replace('f', "g").parse::<PdqHash>().is_err());
        assert!(!PdqHash([0; 4]).is_informative());
        let mut flipped = hash;
        flipped.0[2] ^= 0b1011;
        assert_eq!(hash.distance(&flipped), 3);
    }
}
