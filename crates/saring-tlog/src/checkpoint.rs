//! Signed checkpoints of the log: tree size, root hash and time, signed with Ed25519, as a
//! short text a regulator can keep, in the C2SP signed-note and checkpoint formats:
//!
//! ```text
//! saring.example/audit          origin: the log's name (the signing key's name)
//! 1024                          tree size: entries covered
//! 5dn...Q=                      root hash of those entries, base64
//! time 2026-12-06T11:00:00.000Z when it was signed (an extension line)
//!
//! — saring.example/audit AbCd...    key id (4 bytes) and Ed25519 signature, base64
//! ```
//!
//! The signature covers every byte of the text above the blank line. Keys are written
//! as signed-note keys: the public key `NAME+KEYID+BASE64(0x01 || key)`, the private key
//! `PRIVATE+KEY+NAME+KEYID+BASE64(0x01 || seed)`, where KEYID is the first four bytes of
//! `SHA-256(NAME || "\n" || 0x01 || public key)` in hex.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::merkle::Hash;

/// The algorithm byte of Ed25519 keys in signed notes.
const ED25519: u8 = 0x01;
/// What starts a signature line: an em dash and a space.
const SIGNATURE_PREFIX: &str = "\u{2014} ";
/// What starts the private key text.
const PRIVATE_PREFIX: &str = "PRIVATE+KEY+";
/// What starts the time extension line.
const TIME_PREFIX: &str = "time ";
/// The longest note read: a checkpoint is a few hundred bytes.
pub const MAX_NOTE_BYTES: usize = 64 * 1024;

/// What is wrong with a key, a note or a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// A key's text is not a signed-note Ed25519 key.
    #[error("key: {0}")]
    BadKey(String),
    /// A log name that cannot name a key (empty, whitespace, `+`).
    #[error("log name {0:?}: must be non-empty, without spaces, control characters or '+'")]
    BadName(String),
    /// The note is not a signed note (layout, size, encoding).
    #[error("signed note: {0}")]
    Malformed(String),
    /// No signature line by this key.
    #[error("not signed by the key {0:?} (no signature line with its name and key id)")]
    NotSigned(String),
    /// A signature by this key that does not verify: the text was changed after signing.
    #[error(
        "the signature of {0:?} does not verify: the checkpoint was altered or signed by another key"
    )]
    BadSignature(String),
    /// The note is signed but its text is not a checkpoint.
    #[error("checkpoint line {line}: {what}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        what: String,
    },
}

fn check_name(name: &str) -> Result<(), CheckpointError> {
    if name.is_empty()
        || name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '+')
    {
        return Err(CheckpointError::BadName(name.to_string()));
    }
    Ok(())
}

fn key_id(name: &str, public: &VerifyingKey) -> u32 {
    let mut hasher = Sha256::new();
    hasher.update(name.as_bytes());
    hasher.update(b"\n");
    hasher.update([ED25519]);
    hasher.update(public.as_bytes());
    let digest = hasher.finalize();
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// Decodes `ALG || 32 bytes` in base64.
fn key_bytes(encoded: &str) -> Result<[u8; 32], CheckpointError> {
    let bytes = STANDARD
        .decode(encoded)
        .map_err(|error| CheckpointError::BadKey(format!("base64: {error}")))?;
    match bytes.split_first() {
        Some((&ED25519, key)) => key
            .try_into()
            .map_err(|_| CheckpointError::BadKey(format!("{} key bytes, expected 32", key.len()))),
        Some((algorithm, _)) => Err(CheckpointError::BadKey(format!(
            "algorithm {algorithm}, expected 1 (Ed25519)"
        ))),
        None => Err(CheckpointError::BadKey("empty key".into())),
    }
}

/// Splits `NAME+KEYID+KEY` and checks the key id.
fn split_key(text: &str) -> Result<(&str, u32, &str), CheckpointError> {
    let mut parts = text.trim_end_matches(['\n', '\r']).splitn(3, '+');
    let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(CheckpointError::BadKey(
            "expected NAME+KEYID+BASE64 (a signed-note key)".into(),
        ));
    };
    check_name(name)?;
    if id.len() != 8 {
        return Err(CheckpointError::BadKey(format!(
            "key id {id:?}: expected 8 hex digits"
        )));
    }
    let id = u32::from_str_radix(id, 16)
        .map_err(|_| CheckpointError::BadKey(format!("key id {id:?}: expected 8 hex digits")))?;
    Ok((name, id, key))
}

/// The public half of a log's key: checks checkpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogVerifier {
    name: String,
    id: u32,
    key: VerifyingKey,
}

impl LogVerifier {
    /// Reads a public key written by [`LogVerifier::to_text`] (`NAME+KEYID+BASE64`).
    pub fn from_text(text: &str) -> Result<LogVerifier, CheckpointError> {
        let (name, id, key) = split_key(text)?;
        let key = VerifyingKey::from_bytes(&key_bytes(key)?)
            .map_err(|_| CheckpointError::BadKey("not an Ed25519 public key".into()))?;
        if key_id(name, &key) != id {
            return Err(CheckpointError::BadKey(format!(
                "key id {id:08x} does not match the key and name"
            )));
        }
        Ok(LogVerifier {
            name: name.to_string(),
            id,
            key,
        })
    }

    /// The public key as text: `NAME+KEYID+BASE64(0x01 || key)`.
    pub fn to_text(&self) -> String {
        let mut bytes = vec![ED25519];
        bytes.extend_from_slice(self.key.as_bytes());
        format!("{}+{:08x}+{}", self.name, self.id, STANDARD.encode(bytes))
    }

    /// The log's name (the checkpoints' origin).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Checks a signed checkpoint note and reads it: the signature of this key must be
    /// there and verify, and the origin must be this key's name.
    pub fn verify(&self, note: &str) -> Result<Checkpoint, CheckpointError> {
        let (text, signatures) = split_note(note)?;
        let mut found = false;
        for line in signatures.lines() {
            let Some(rest) = line.strip_prefix(SIGNATURE_PREFIX) else {
                return Err(CheckpointError::Malformed(format!(
                    "signature line {line:?} does not start with an em dash and a space"
                )));
            };
            let Some((name, encoded)) = rest.split_once(' ') else {
                return Err(CheckpointError::Malformed(format!(
                    "signature line {line:?}: expected NAME SIGNATURE"
                )));
            };
            let bytes = STANDARD.decode(encoded).map_err(|error| {
                CheckpointError::Malformed(format!("signature of {name:?}: base64: {error}"))
            })?;
            if name != self.name || bytes.len() < 4 || bytes[..4] != self.id.to_be_bytes() {
                // Someone else's signature (a witness, say): not ours to check.
                continue;
            }
            found = true;
            let signature = Signature::from_slice(&bytes[4..])
                .map_err(|_| CheckpointError::BadSignature(self.name.clone()))?;
            self.key
                .verify_strict(text.as_bytes(), &signature)
                .map_err(|_| CheckpointError::BadSignature(self.name.clone()))?;
        }
        if !found {
            return Err(CheckpointError::NotSigned(self.name.clone()));
        }
        let checkpoint = Checkpoint::parse(text)?;
        if checkpoint.origin != self.name {
            return Err(CheckpointError::BadLine {
                line: 1,
                what: format!(
                    "origin {:?} is not the log {:?} the key belongs to",
                    checkpoint.origin, self.name
                ),
            });
        }
        Ok(checkpoint)
    }
}

/// Splits a signed note into its text (ending in a newline) and its signature lines.
fn split_note(note: &str) -> Result<(&str, &str), CheckpointError> {
    if note.len() > MAX_NOTE_BYTES {
        return Err(CheckpointError::Malformed(format!(
            "{} bytes, more than the {MAX_NOTE_BYTES} a checkpoint can have",
            note.len()
        )));
    }
    if let Some(bad) = note
        .chars()
        .find(|&c| c != '\n' && (c.is_control() || c == '\u{feff}'))
    {
        return Err(CheckpointError::Malformed(format!(
            "contains the control character {bad:?}"
        )));
    }
    let Some(blank) = note.rfind("\n\n") else {
        return Err(CheckpointError::Malformed(
            "no blank line between the text and the signatures".into(),
        ));
    };
    let (text, signatures) = (&note[..=blank], &note[blank + 2..]);
    if signatures.is_empty() || !signatures.ends_with('\n') {
        return Err(CheckpointError::Malformed(
            "the signatures must follow the blank line, each ending in a newline".into(),
        ));
    }
    Ok((text, signatures))
}

/// A log's private key: signs checkpoints. Keep it outside the database.
pub struct LogSigner {
    name: String,
    key: SigningKey,
}

impl std::fmt::Debug for LogSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogSigner")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl LogSigner {
    /// The key of the log `name` from 32 random bytes (the caller draws them).
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<LogSigner, CheckpointError> {
        check_name(name)?;
        Ok(LogSigner {
            name: name.to_string(),
            key: SigningKey::from_bytes(seed),
        })
    }

    /// Reads a private key written by [`LogSigner::to_text`].
    pub fn from_text(text: &str) -> Result<LogSigner, CheckpointError> {
        let Some(rest) = text.strip_prefix(PRIVATE_PREFIX) else {
            return Err(CheckpointError::BadKey(format!(
                "a private key starts with {PRIVATE_PREFIX}"
            )));
        };
        let (name, id, seed) = split_key(rest)?;
        let signer = LogSigner::from_seed(name, &key_bytes(seed)?)?;
        if signer.verifier().id != id {
            return Err(CheckpointError::BadKey(format!(
                "key id {id:08x} does not match the key and name"
            )));
        }
        Ok(signer)
    }

    /// The private key as text: `PRIVATE+KEY+NAME+KEYID+BASE64(0x01 || seed)`.
    pub fn to_text(&self) -> String {
        let mut bytes = vec![ED25519];
        bytes.extend_from_slice(self.key.as_bytes());
        format!(
            "{PRIVATE_PREFIX}{}+{:08x}+{}",
            self.name,
            self.verifier().id,
            STANDARD.encode(bytes)
        )
    }

    /// The public half.
    pub fn verifier(&self) -> LogVerifier {
        let key = self.key.verifying_key();
        LogVerifier {
            id: key_id(&self.name, &key),
            name: self.name.clone(),
            key,
        }
    }

    /// The log's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The signed note of a checkpoint of this log, of `size` entries with root `root`,
    /// at `time` (unix milliseconds).
    pub fn sign(&self, size: u64, root: &Hash, time: i64) -> Result<String, CheckpointError> {
        let checkpoint = Checkpoint {
            origin: self.name.clone(),
            size,
            root: *root,
            time,
        };
        let text = checkpoint.text()?;
        let signature = self.key.sign(text.as_bytes());
        let mut bytes = self.verifier().id.to_be_bytes().to_vec();
        bytes.extend_from_slice(&signature.to_bytes());
        Ok(format!(
            "{text}\n{SIGNATURE_PREFIX}{} {}\n",
            self.name,
            STANDARD.encode(bytes)
        ))
    }
}

/// What a checkpoint states: the log `origin` held `size` entries whose Merkle root was
/// `root`, at `time`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The log's name.
    pub origin: String,
    /// Entries covered.
    pub size: u64,
    /// Merkle root of those entries.
    pub root: Hash,
    /// When it was signed, unix milliseconds UTC.
    pub time: i64,
}

impl Checkpoint {
    /// The signed text: origin, size, root and time lines, each ending in a newline.
    fn text(&self) -> Result<String, CheckpointError> {
        let time = DateTime::<Utc>::from_timestamp_millis(self.time).ok_or_else(|| {
            CheckpointError::Malformed(format!("time {} ms is out of range", self.time))
        })?;
        Ok(format!(
            "{}\n{}\n{}\n{TIME_PREFIX}{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.root),
            time.to_rfc3339_opts(SecondsFormat::Millis, true)
        ))
    }

    /// The time as RFC 3339 text (UTC).
    pub fn time_text(&self) -> String {
        DateTime::<Utc>::from_timestamp_millis(self.time)
            .map(|time| time.to_rfc3339_opts(SecondsFormat::Millis, true))
            .unwrap_or_else(|| format!("{} ms", self.time))
    }

    /// Reads the signed text (the signature was checked by the caller).
    fn parse(text: &str) -> Result<Checkpoint, CheckpointError> {
        let lines: Vec<&str> = text.lines().collect();
        let bad = |line: usize, what: String| CheckpointError::BadLine { line, what };
        let [origin, size, root, extensions @ ..] = lines.as_slice() else {
            return Err(bad(
                lines.len() + 1,
                "expected origin, tree size and root hash lines".into(),
            ));
        };
        check_name(origin).map_err(|error| bad(1, error.to_string()))?;
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(bad(
                2,
                format!("tree size {size:?} is not a decimal number"),
            ));
        }
        let size = size
            .parse()
            .map_err(|_| bad(2, format!("tree size {size:?} is too large")))?;
        let root: Hash = STANDARD
            .decode(root)
            .ok()
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| bad(3, format!("root hash {root:?} is not 32 bytes in base64")))?;
        let mut time = None;
        for (n, line) in (4..).zip(extensions) {
            if let Some(value) = line.strip_prefix(TIME_PREFIX) {
                let parsed = DateTime::parse_from_rfc3339(value)
                    .map_err(|error| bad(n, format!("time {value:?}: {error}")))?;
                if time.replace(parsed.timestamp_millis()).is_some() {
                    return Err(bad(n, "a second time line".into()));
                }
            }
        }
        let time = time.ok_or_else(|| bad(lines.len(), "no time line".into()))?;
        Ok(Checkpoint {
            origin: origin.to_string(),
            size,
            root,
            time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_800_000_000_000;

    fn signer(name: &str) -> LogSigner {
        LogSigner::from_seed(name, &[7; 32]).expect("signer")
    }

    #[test]
    fn a_signed_checkpoint_verifies_and_reads_back() {
        let signer = signer("saring.example/audit");
        let note = signer.sign(42, &[9; 32], T0).expect("sign");
        let lines: Vec<&str> = note.lines().collect();
        assert_eq!(
            lines[..3],
            [
                "saring.example/audit",
                "42",
                STANDARD.encode([9; 32]).as_str()
            ]
        );
        assert_eq!(lines[3], "time 2027-01-15T08:00:00.000Z");
        assert_eq!(lines[4], "");
        assert!(lines[5].starts_with("\u{2014} saring.example/audit "));
        let checkpoint = signer.verifier().verify(&note).expect("verify");
        assert_eq!(
            checkpoint,
            Checkpoint {
                origin: "saring.example/audit".into(),
                size: 42,
                root: [9; 32],
                time: T0
            }
        );
        assert_eq!(checkpoint.time_text(), "2027-01-15T08:00:00.000Z");
    }

    #[test]
    fn keys_round_trip_through_their_text() {
        let signer = signer("log");
        let private = signer.to_text();
        assert!(private.starts_with("PRIVATE+KEY+log+"), "{private}");
        let again = LogSigner::from_text(&private).expect("private key");
        assert_eq!(again.verifier(), signer.verifier());
        let public = signer.verifier().to_text();
        assert_eq!(
            LogVerifier::from_text(&format!("{public}\n")).expect("public key"),
            signer.verifier()
        );
        assert!(!public.contains("PRIVATE"));
    }

    #[test]
    fn any_change_to_the_signed_text_breaks_the_signature() {
        let signer = signer("log");
        let verifier = signer.verifier();
        let note = signer.sign(10, &[1; 32], T0).expect("sign");
        let changes = [
            note.replacen("\n10\n", "\n11\n", 1),
            note.replacen("log\n", "lag\n", 1),
            note.replacen("time 2027", "time 2028", 1),
            note.replacen(&STANDARD.encode([1; 32]), &STANDARD.encode([2; 32]), 1),
        ];
        for changed in changes {
            assert_ne!(changed, note);
            let error = verifier.verify(&changed).expect_err("altered");
            assert!(
                matches!(
                    error,
                    CheckpointError::BadSignature(_) | CheckpointError::NotSigned(_)
                ),
                "{error}"
            );
        }
    }

    #[test]
    fn another_key_or_another_name_is_not_accepted() {
        let note = signer("log").sign(10, &[1; 32], T0).expect("sign");
        let other = LogSigner::from_seed("log", &[8; 32]).expect("signer");
        assert_eq!(
            other.verifier().verify(&note),
            Err(CheckpointError::NotSigned("log".into()))
        );
        let renamed = signer("other-log");
        assert_eq!(
            renamed.verifier().verify(&note),
            Err(CheckpointError::NotSigned("other-log".into()))
        );
        // The right key's signature over a note whose signature line claims its id but
        // carries another key's signature.
        let forged = other.sign(10, &[1; 32], T0).expect("sign");
        let genuine = signer("log").verifier();
        let own_id_line = note.lines().last().expect("signature").to_string();
        let forged_line = forged.lines().last().expect("signature").to_string();
        let mut forged_bytes = STANDARD
            .decode(forged_line.rsplit(' ').next().expect("base64"))
            .expect("base64");
        let own_bytes = STANDARD
            .decode(own_id_line.rsplit(' ').next().expect("base64"))
            .expect("base64");
        forged_bytes[..4].copy_from_slice(&own_bytes[..4]);
        let relabelled = format!(
            "{}\n\n\u{2014} log {}\n",
            forged.split("\n\n").next().expect("text"),
            STANDARD.encode(forged_bytes)
        );
        assert_eq!(
            genuine.verify(&relabelled),
            Err(CheckpointError::BadSignature("log".into()))
        );
    }

    #[test]
    fn hostile_notes_and_keys_are_refused_with_a_reason() {
        let signer = signer("log");
        let verifier = signer.verifier();
        let note = signer.sign(10, &[1; 32], T0).expect("sign");
        let huge = format!("{note}{}", "x".repeat(MAX_NOTE_BYTES));
        for (hostile, expected) in [
            (String::new(), "no blank line"),
            (note.replace('\n', "\r\n"), "control character"),
            (note.replacen("log\n", "log\0\n", 1), "control character"),
            (huge, "more than"),
            (note.trim_end().to_string(), "ending in a newline"),
            (note.replacen('\u{2014}', "-", 1), "em dash"),
            (format!("{note}\u{2014} log !!!\n"), "base64"),
        ] {
            let error = verifier.verify(&hostile).expect_err("hostile note");
            assert!(error.to_string().contains(expected), "{expected}: {error}");
        }
        for (key, expected) in [
            ("", "NAME+KEYID"),
            ("log+1234+AQ==", "8 hex digits"),
            ("log+zzzzzzzz+AQ==", "8 hex digits"),
            ("log+00000000+AQ==", "32"),
            ("log+00000000+Ag==", "algorithm 2"),
            ("lo g+00000000+AQ==", "without spaces"),
        ] {
            let error = LogVerifier::from_text(key).expect_err("bad key");
            assert!(error.to_string().contains(expected), "{expected}: {error}");
        }
        let public = verifier.to_text();
        let wrong_id = format!("log+00000000+{}", public.rsplit('+').next().expect("key"));
        assert!(LogVerifier::from_text(&wrong_id).is_err());
        assert!(LogSigner::from_text(&public).is_err());
        assert!(LogSigner::from_seed("", &[0; 32]).is_err());
        assert!(LogSigner::from_seed("a+b", &[0; 32]).is_err());
    }

    #[test]
    fn a_signed_note_that_is_not_a_checkpoint_names_the_line() {
        // Sign arbitrary texts with the log's key, as a confused signer might.
        let signer = signer("log");
        let sign_text = |text: &str| {
            let signature = signer.key.sign(text.as_bytes());
            let mut bytes = signer.verifier().id.to_be_bytes().to_vec();
            bytes.extend_from_slice(&signature.to_bytes());
            format!("{text}\n\u{2014} log {}\n", STANDARD.encode(bytes))
        };
        let root = STANDARD.encode([1; 32]);
        for (text, line) in [
            ("log\n".to_string(), 2),
            (format!("log\n012\n{root}\ntime 2027-01-15T08:00:00Z\n"), 2),
            (format!("log\n-1\n{root}\ntime 2027-01-15T08:00:00Z\n"), 2),
            (
                format!("log\n99999999999999999999999\n{root}\ntime 2027-01-15T08:00:00Z\n"),
                2,
            ),
            ("log\n1\nAAAA\ntime 2027-01-15T08:00:00Z\n".to_string(), 3),
            (format!("log\n1\n{root}\n"), 3),
            (format!("log\n1\n{root}\ntime yesterday\n"), 4),
            (format!("other\n1\n{root}\ntime 2027-01-15T08:00:00Z\n"), 1),
        ] {
            match signer.verifier().verify(&sign_text(&text)) {
                Err(CheckpointError::BadLine { line: found, .. }) => {
                    assert_eq!(found, line, "{text:?}")
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }
}
