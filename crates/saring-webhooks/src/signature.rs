//! Signing webhook requests, and verifying them on the receiving side.
//!
//! The header is `Saring-Signature: t=<unix seconds>,v1=<hex>` where `<hex>` is the
//! lower-case hex HMAC-SHA256, keyed with the endpoint's signing secret (its bytes, exactly
//! as `saring webhooks set` printed it), of the timestamp, a full stop and the raw body:
//! `"<t>.<body>"`. Covering the timestamp lets a receiver refuse replays of old requests.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The request header carrying the timestamp and signature.
pub const SIGNATURE_HEADER: &str = "Saring-Signature";

/// The request header carrying the event id receivers dedupe on.
pub const EVENT_ID_HEADER: &str = "Saring-Event-Id";

/// How far (seconds) a request's timestamp may be from the receiver's clock by default.
pub const DEFAULT_TOLERANCE_SECONDS: i64 = 300;

/// Why a request's signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The header is not `t=<seconds>,v1=<hex>`.
    #[error("malformed {SIGNATURE_HEADER} header: {0}")]
    Malformed(&'static str),
    /// The timestamp is outside the tolerance window (a replay, or a clock far off).
    #[error("signature timestamp {timestamp} is more than {tolerance} s from now ({now})")]
    Stale {
        /// The request's timestamp (unix seconds).
        timestamp: i64,
        /// The receiver's clock (unix seconds).
        now: i64,
        /// The window allowed (seconds).
        tolerance: i64,
    },
    /// No signature matches the body under this secret.
    #[error("signature does not match")]
    Mismatch,
}

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], timestamp: i64, body: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length (longer ones are hashed), so this cannot fail.
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(secret)
        .expect("HMAC-SHA256 accepts keys of any length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The `Saring-Signature` header value for `body` sent at `timestamp` (unix seconds).
pub fn signature_header(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let digest = mac(secret, timestamp, body).finalize().into_bytes();
    format!("t={timestamp},v1={}", hex::encode(digest))
}

/// A parsed `Saring-Signature` header.
struct SignatureHeader {
    timestamp: i64,
    signatures: Vec<Vec<u8>>,
}

fn parse(header: &str) -> Result<SignatureHeader, VerifyError> {
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        let (key, value) = part
            .trim()
            .split_once('=')
            .ok_or(VerifyError::Malformed("expected key=value pairs"))?;
        match key {
            "t" => {
                let seconds = value
                    .parse::<i64>()
                    .map_err(|_| VerifyError::Malformed("t is not a number of seconds"))?;
                if timestamp.replace(seconds).is_some() {
                    return Err(VerifyError::Malformed("more than one t"));
                }
            }
            "v1" => signatures
                .push(hex::decode(value).map_err(|_| VerifyError::Malformed("v1 is not hex"))?),
            // Other schemes (a future v2) are skipped, so receivers keep working.
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(VerifyError::Malformed("no t"))?;
    if signatures.is_empty() {
        return Err(VerifyError::Malformed("no v1 signature"));
    }
    Ok(SignatureHeader {
        timestamp,
        signatures,
    })
}

/// Checks a request as a receiver: `header` is the `Saring-Signature` value, `body` the raw
/// request body (before any JSON parsing), `now` the receiver's clock in unix seconds. The
/// timestamp must be within `tolerance_seconds` of `now` (see [`DEFAULT_TOLERANCE_SECONDS`])
/// and one `v1` signature must match; the comparison takes constant time. Several `v1`
/// values are allowed, so a sender can sign with an old and a new secret while rotating.
pub fn verify(
    secret: &[u8],
    header: &str,
    body: &[u8],
    now: i64,
    tolerance_seconds: i64,
) -> Result<(), VerifyError> {
    let parsed = parse(header)?;
    if parsed.timestamp.abs_diff(now) > tolerance_seconds.unsigned_abs() {
        return Err(VerifyError::Stale {
            timestamp: parsed.timestamp,
            now,
            tolerance: tolerance_seconds,
        });
    }
    let expected = mac(secret, parsed.timestamp, body);
    if parsed
        .signatures
        .iter()
        .any(|signature| expected.clone().verify_slice(signature).is_ok())
    {
        Ok(())
    } else {
        Err(VerifyError::Mismatch)
    }
}
