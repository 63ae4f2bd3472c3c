//! The 256-bit PDQ hash, its hex form and Hamming distance.

use std::fmt;
use std::str::FromStr;

/// Number of hex characters in the text form of a [`PdqHash`].
pub const HEX_LEN: usize = 64;

/// A 256-bit PDQ hash.
///
/// Bit `k` (0..=255) is frequency `(k / 16, k % 16)` of the 16x16 DCT block being above the
/// median. The hex form is the 256-bit number written big-endian, as Meta's tools print it:
/// the first hex digit holds bits 255..252 and the last digit holds bits 3..0.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct PdqHash {
    /// Little-endian 64-bit words: word `k / 64` holds bit `k % 64`.
    words: [u64; 4],
}

impl PdqHash {
    /// The hash with no bit set (what the reference gives for images under 5 px).
    pub const ZERO: PdqHash = PdqHash { words: [0; 4] };

    /// Builds a hash from little-endian 64-bit words (word 0 holds bits 0..=63).
    pub const fn from_words(words: [u64; 4]) -> Self {
        Self { words }
    }

    /// The little-endian 64-bit words (word 0 holds bits 0..=63).
    pub const fn words(&self) -> [u64; 4] {
        self.words
    }

    /// Whether bit `index` (0..=255) is set. Indexes of 256 and above read as unset.
    pub fn bit(&self, index: usize) -> bool {
        self.words
            .get(index / 64)
            .is_some_and(|word| word >> (index % 64) & 1 == 1)
    }

    /// Sets bit `index` (0..=255). Indexes of 256 and above are ignored.
    pub(crate) fn set_bit(&mut self, index: usize) {
        if let Some(word) = self.words.get_mut(index / 64) {
            *word |= 1 << (index % 64);
        }
    }

    /// Number of set bits.
    pub fn count_ones(&self) -> u32 {
        self.words.iter().map(|word| word.count_ones()).sum()
    }

    /// Number of bits that differ between the two hashes (0..=256).
    pub fn hamming_distance(&self, other: &PdqHash) -> u32 {
        self.words
            .iter()
            .zip(other.words.iter())
            .map(|(a, b)| (a ^ b).count_ones())
            .sum()
    }

    /// The 64 lowercase hex characters, as Meta's tools print them.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for word in self.words.iter().rev() {
            write!(f, "{word:016x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PdqHash({self})")
    }
}

/// Why a string is not a PDQ hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseHashError {
    /// The string does not have exactly 64 characters.
    #[error("a PDQ hash has {HEX_LEN} hex characters, this one has {found}")]
    WrongLength {
        /// Number of characters found.
        found: usize,
    },
    /// A character is not a hex digit.
    #[error("character {character:?} at position {position} is not a hex digit")]
    NotHex {
        /// Position of the offending character (0-based, in characters).
        position: usize,
        /// The offending character.
        character: char,
    },
}

impl FromStr for PdqHash {
    type Err = ParseHashError;

    /// Parses 64 hex characters (either case), first character = bits 255..252.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let found = text.chars().count();
        if found != HEX_LEN {
            return Err(ParseHashError::WrongLength { found });
        }
        let mut words = [0u64; 4];
        for (position, character) in text.chars().enumerate() {
            let nibble = character.to_digit(16).ok_or(ParseHashError::NotHex {
                position,
                character,
            })?;
            let bit_of_nibble = 4 * (HEX_LEN - 1 - position);
            words[bit_of_nibble / 64] |= u64::from(nibble) << (bit_of_nibble % 64);
        }
        Ok(Self { words })
    }
}

/// A PDQ hash and the reference quality score of the image it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HashWithQuality {
    /// The 256-bit hash.
    pub hash: PdqHash,
    /// Reference quality, 0..=100: how much gradient the 64x64 downsample has. Meta advises
    /// discarding hashes of quality below 50 (flat or nearly blank images).
    pub quality: u8,
}

/// The eight symmetries of a rectangle, in the order and with the names of the reference
/// tool's `--pdqdih` output. Meta's `flipx` reflects across the horizontal axis (top and
/// bottom swap) and `flipy` across the vertical axis (left and right swap), as the upstream
/// test files `bridge-5-flipx.jpg` and `bridge-6-flipy.jpg` show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dihedral {
    /// The image as it is.
    Original,
    /// Rotated 90 degrees counter-clockwise.
    Rotate90,
    /// Rotated 180 degrees.
    Rotate180,
    /// Rotated 270 degrees counter-clockwise (90 clockwise).
    Rotate270,
    /// Flipped top to bottom (Meta's `flipx`).
    FlipX,
    /// Mirrored left to right (Meta's `flipy`).
    FlipY,
    /// Transposed: mirrored about the diagonal from the top-left corner (Meta's `flipplus`).
    FlipPlus,
    /// Mirrored about the diagonal from the top-right corner (Meta's `flipminus`).
    FlipMinus,
}

impl Dihedral {
    /// All eight, in the reference order (orig, rot90, rot180, rot270, flipx, flipy, flipp, flipm).
    pub const ALL: [Dihedral; 8] = [
        Dihedral::Original,
        Dihedral::Rotate90,
        Dihedral::Rotate180,
        Dihedral::Rotate270,
        Dihedral::FlipX,
        Dihedral::FlipY,
        Dihedral::FlipPlus,
        Dihedral::FlipMinus,
    ];

    /// Position of this symmetry in [`Dihedral::ALL`] and in [`DihedralHashes::hashes`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// The hashes of the eight rotations and mirror images of one image, computed from a single
/// DCT as the reference does (see [`Dihedral`] for the order), and the image's quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DihedralHashes {
    /// Hashes in [`Dihedral::ALL`] order.
    pub hashes: [PdqHash; 8],
    /// Reference quality of the image, shared by all eight.
    pub quality: u8,
}

impl DihedralHashes {
    /// The hash of one symmetry, with the quality.
    pub fn get(&self, dihedral: Dihedral) -> HashWithQuality {
        HashWithQuality {
            hash: self.hashes[dihedral.index()],
            quality: self.quality,
        }
    }

    /// The untransformed hash, with the quality.
    pub fn original(&self) -> HashWithQuality {
        self.get(Dihedral::Original)
    }

    /// All eight as [`HashWithQuality`], in [`Dihedral::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = HashWithQuality> + '_ {
        Dihedral::ALL.iter().map(|&dihedral| self.get(dihedral))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_zero_is_lowest_bit_of_last_hex_digit() {
        let mut hash = PdqHash::ZERO;
        hash.set_bit(0);
        assert_eq!(hash.to_hex(), format!("{}1", "0".repeat(63)));
        let mut high = PdqHash::ZERO;
        high.set_bit(255);
        assert_eq!(high.to_hex(), format!("8{}", "0".repeat(63)));
        assert!(high.bit(255) && !high.bit(254) && !high.bit(256));
    }

    #[test]
    fn parse_errors_name_the_problem() {
        assert_eq!(
            "abc".parse::<PdqHash>(),
            Err(ParseHashError::WrongLength { found: 3 })
        );
        let bad = format!("{}g{}", "0".repeat(10), "0".repeat(53));
        assert_eq!(
            bad.parse::<PdqHash>(),
            Err(ParseHashError::NotHex {
                position: 10,
                character: 'g'
            })
        );
        // 64 bytes but not 64 characters.
        let multibyte = format!("é{}", "0".repeat(62));
        assert_eq!(
            multibyte.parse::<PdqHash>(),
            Err(ParseHashError::WrongLength { found: 63 })
        );
    }

    #[test]
    fn parse_accepts_uppercase() {
        let upper = "F".repeat(64).parse::<PdqHash>().expect("valid hex");
        assert_eq!(upper.count_ones(), 256);
        assert_eq!(upper.hamming_distance(&PdqHash::ZERO), 256);
    }
}
