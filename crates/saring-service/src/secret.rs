//! The deployment secret keying seller identifiers.
//!
//! It comes from a file or `SARING_SECRET`; without either, one is generated on first use
//! and kept in the store's `settings` table. Either way the store keeps a check value (the
//! keyed hash of a fixed marker), so a later run with another secret, whose hashes could
//! never match the stored ones, is refused. The secret itself is never printed.

use std::ffi::OsString;
use std::path::PathBuf;

use saring_sellers::{DeploymentSecret, IdentifierKind, NormalisedIdentifier};
use saring_store::Store;

use crate::{Result, ServiceError};

/// Environment variable holding the deployment secret (hex, or raw bytes).
pub const SECRET_ENV: &str = "SARING_SECRET";
/// Setting holding the secret generated when none is given.
const GENERATED_SECRET_SETTING: &str = "seller_linking.generated_secret";
/// Setting holding the keyed hash of [`SECRET_CHECK_MARKER`] under the secret in use.
const SECRET_CHECK_SETTING: &str = "seller_linking.secret_check";
/// A fixed device id whose keyed hash identifies the secret without revealing it.
const SECRET_CHECK_MARKER: &str = "saring-secret-check-v1";
/// Bytes of a generated secret.
const GENERATED_SECRET_BYTES: usize = 32;

/// Where the deployment secret comes from: a file, or the environment.
#[derive(Debug, Clone, Default)]
pub struct SecretSource {
    /// File holding the secret.
    pub file: Option<PathBuf>,
    /// The value of `SARING_SECRET`, if set.
    pub env: Option<OsString>,
}

impl SecretSource {
    /// The file given (if any) and `SARING_SECRET` from this process's environment.
    pub fn from_file_or_env(file: Option<PathBuf>) -> Self {
        Self {
            file,
            env: std::env::var_os(SECRET_ENV),
        }
    }
}

/// A secret from hex text (64 or more hex digits) or, failing that, the raw bytes.
fn parse_secret(bytes: Vec<u8>) -> Result<DeploymentSecret> {
    let text = String::from_utf8_lossy(&bytes);
    let key = hex::decode(text.trim()).unwrap_or(bytes);
    DeploymentSecret::new(key).map_err(|error| {
        ServiceError::Secret(format!("the deployment secret is unusable: {error}"))
    })
}

/// The keyed hash that identifies `secret` (never the secret itself).
fn secret_check(secret: &DeploymentSecret) -> Result<String> {
    let marker = NormalisedIdentifier::new(IdentifierKind::DeviceId, SECRET_CHECK_MARKER)
        .ok_or_else(|| ServiceError::Secret("the secret check marker does not normalise".into()))?;
    Ok(secret.key(&marker).hash_hex)
}

/// The deployment secret: the file, `SARING_SECRET`, or the one kept in the store
/// (generated on first use). Refused when it is not the secret the store was used with.
pub async fn deployment_secret(
    source: &SecretSource,
    store: &Store,
    now: i64,
) -> Result<DeploymentSecret> {
    let secret = match (&source.file, &source.env) {
        (Some(_), Some(_)) => {
            return Err(ServiceError::Secret(format!(
                "give --secret-file or {SECRET_ENV}, not both"
            )));
        }
        (Some(path), None) => {
            parse_secret(std::fs::read(path).map_err(|source| ServiceError::Read {
                path: path.clone(),
                source,
            })?)?
        }
        (None, Some(value)) => parse_secret(value.clone().into_encoded_bytes())
            .map_err(|error| ServiceError::Secret(format!("{SECRET_ENV}: {error}")))?,
        (None, None) => {
            let mut fresh = [0u8; GENERATED_SECRET_BYTES];
            getrandom::fill(&mut fresh).map_err(|error| {
                ServiceError::Secret(format!("cannot generate a secret: {error}"))
            })?;
            let kept = store
                .setting_or_insert(GENERATED_SECRET_SETTING, &hex::encode(fresh), now)
                .await?;
            parse_secret(kept.into_bytes()).map_err(|error| {
                ServiceError::Secret(format!("the secret kept in the store: {error}"))
            })?
        }
    };
    let check = secret_check(&secret)?;
    let expected = store
        .setting_or_insert(SECRET_CHECK_SETTING, &check, now)
        .await?;
    if expected != check {
        return Err(ServiceError::Secret(format!(
            "the deployment secret differs from the one this store's seller records were made \
             with; use that secret (--secret-file or {SECRET_ENV})"
        )));
    }
    Ok(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_read_as_hex_or_raw_bytes_and_short_ones_refused() {
        let hex = "ab".repeat(32);
        let from_hex = parse_secret(format!("{hex}\n").into_bytes()).expect("hex secret");
        let raw = parse_secret(vec![0xab; 32]).expect("raw secret");
        let check = |secret: &DeploymentSecret| secret_check(secret).expect("check");
        assert_eq!(check(&from_hex), check(&raw), "hex decodes to the same key");
        let text = parse_secret(b"a passphrase that is long enough, surely".to_vec());
        assert!(text.is_ok());
        assert!(parse_secret(b"short".to_vec()).is_err());
        assert!(
            parse_secret("ab".repeat(16).into_bytes()).is_err(),
            "16 bytes of hex"
        );
    }
}
