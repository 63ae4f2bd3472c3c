//! Keyed hashing: identifiers and text shingles leave the crate only as HMAC-SHA256 values
//! under a deployment secret (UU 27/2022 on personal data), so a stored fingerprint reveals
//! nothing without the secret, and a dictionary of all phone numbers cannot reverse it.

use std::fmt;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::identifier::{IdentifierKind, NormalisedIdentifier};

/// Fewest bytes of a deployment secret.
pub const MIN_SECRET_BYTES: usize = 32;

/// Hex digits of a keyed identifier shown to reviewers.
const SHORT_HASH_CHARS: usize = 8;

/// Domain separation: identifier hashes and shingle hashes never collide by construction.
const IDENTIFIER_DOMAIN: &[u8] = b"saring/identifier/v1";
const SHINGLE_DOMAIN: &[u8] = b"saring/shingle/v1";

/// Why a secret was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    /// The secret is shorter than [`MIN_SECRET_BYTES`].
    #[error("a deployment secret needs at least {MIN_SECRET_BYTES} bytes, got {0}")]
    TooShort(usize),
}

/// The deployment's HMAC key. It never prints itself (`Debug` is redacted, there is no
/// `Display` or `Serialize`), and its bytes are wiped when dropped.
#[derive(Clone)]
pub struct DeploymentSecret {
    key: Zeroizing<Vec<u8>>,
}

impl DeploymentSecret {
    /// A secret from raw key bytes (at least [`MIN_SECRET_BYTES`], e.g. 32 random bytes).
    pub fn new(key: Vec<u8>) -> Result<Self, SecretError> {
        let key = Zeroizing::new(key);
        if key.len() < MIN_SECRET_BYTES {
            return Err(SecretError::TooShort(key.len()));
        }
        Ok(Self { key })
    }

    fn mac(&self, domain: &[u8]) -> Hmac<Sha256> {
        // HMAC takes keys of any length: the fallback is unreachable.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key)
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
        mac.update(domain);
        mac.update(&[0]);
        mac
    }

    /// The keyed hash of a normalised identifier.
    pub fn key(&self, identifier: &NormalisedIdentifier) -> KeyedIdentifier {
        let mut mac = self.mac(IDENTIFIER_DOMAIN);
        mac.update(identifier.kind().as_str().as_bytes());
        mac.update(&[0]);
        mac.update(identifier.value().as_bytes());
        KeyedIdentifier {
            kind: identifier.kind(),
            hash_hex: hex::encode(mac.finalize().into_bytes()),
        }
    }

    /// A hasher for the text shingles of one listing (keyed once, cloned per shingle).
    pub(crate) fn shingle_hasher(&self) -> ShingleHasher {
        ShingleHasher {
            mac: self.mac(SHINGLE_DOMAIN),
        }
    }
}

impl fmt::Debug for DeploymentSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeploymentSecret(<redacted>)")
    }
}

/// Keyed 64-bit hashes of text shingles: shingles may quote phone numbers or names, so
/// they are keyed like identifiers (64 bits suffice to count and compare them).
pub(crate) struct ShingleHasher {
    mac: Hmac<Sha256>,
}

impl ShingleHasher {
    pub(crate) fn hash(&self, shingle: &str) -> u64 {
        let mut mac = self.mac.clone();
        mac.update(shingle.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_le_bytes(first)
    }
}

/// An identifier as saring stores it: its kind and the hex HMAC-SHA256 of its canonical
/// form under the deployment secret.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct KeyedIdentifier {
    /// What kind of identifier it is.
    pub kind: IdentifierKind,
    /// 64 lowercase hex digits.
    pub hash_hex: String,
}

impl KeyedIdentifier {
    /// The first hex digits, for reviewers: `ab12cd34…`.
    pub fn short(&self) -> String {
        let end = self.hash_hex.len().min(SHORT_HASH_CHARS);
        format!("{}…", &self.hash_hex[..end])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(byte: u8) -> DeploymentSecret {
        DeploymentSecret::new(vec![byte; MIN_SECRET_BYTES]).expect("long enough")
    }

    #[test]
    fn short_secrets_are_refused_and_debug_is_redacted() {
        assert_eq!(
            DeploymentSecret::new(b"short".to_vec()).err(),
            Some(SecretError::TooShort(5))
        );
        let text = format!("{:?}", secret(7));
        assert_eq!(text, "DeploymentSecret(<redacted>)");
    }

    #[test]
    fn keyed_hash_depends_on_value_kind_and_secret() {
        let phone = NormalisedIdentifier::new(IdentifierKind::Phone, "0812-2233-4455")
            .expect("valid phone");
        let same_phone = NormalisedIdentifier::new(IdentifierKind::Phone, "+62 812 2233 4455")
            .expect("valid phone");
        let keyed = secret(1).key(&phone);
        assert_eq!(keyed, secret(1).key(&same_phone));
        assert_eq!(keyed.hash_hex.len(), 64);
        assert!(!keyed.hash_hex.contains("81222334455"));
        assert_ne!(keyed, secret(2).key(&phone));
        let wallet = NormalisedIdentifier::new(IdentifierKind::BankAccount, "81222334455")
            .expect("valid account");
        assert_ne!(keyed.hash_hex, secret(1).key(&wallet).hash_hex);
        assert_eq!(keyed.short().chars().count(), SHORT_HASH_CHARS + 1);
    }
}
