//! The append-only, hash-chained audit log.
//!
//! Entry `seq` holds the hash of entry `seq - 1`; its own hash covers its sequence number,
//! time, kind, subject, payload and that previous hash. `audit_head` keeps the last
//! sequence number and hash, so removing entries from the end shows too. Writers take the
//! head row first, which serialises appends across connections.

use serde_json::Value;
use sqlx::{Any, Row, Transaction};

use crate::canonical::{canonical_json, sha256_hex};
use crate::rows::with_values;
use crate::{Result, Store};

/// The previous hash of the first entry.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn entry_hash(seq: i64, at: i64, kind: &str, subject: &str, payload: &str, prev: &str) -> String {
    let text = format!("{seq}\n{at}\n{kind}\n{subject}\n{prev}\n{payload}");
    sha256_hex(text.as_bytes())
}

/// One entry waiting to be written.
struct Entry {
    seq: i64,
    at: i64,
    kind: String,
    subject: String,
    payload: String,
    prev_hash: String,
    hash: String,
}

/// Appends entries inside a caller's transaction; [`AuditWriter::finish`] writes them (in
/// multi-row INSERTs) and moves the head, before the caller commits.
pub(crate) struct AuditWriter {
    seq: i64,
    hash: String,
    pending: Vec<Entry>,
}

impl AuditWriter {
    /// Locks the head row (the first write of the transaction) and reads it.
    pub(crate) async fn start(tx: &mut Transaction<'static, Any>) -> Result<Self> {
        let row = sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut **tx)
            .await?;
        Ok(Self {
            seq: row.try_get("seq")?,
            hash: row.try_get("hash")?,
            pending: Vec::new(),
        })
    }

    /// Appends one entry (written by [`AuditWriter::finish`], in the same transaction).
    pub(crate) fn append(&mut self, at: i64, kind: &str, subject: &str, payload: &Value) {
        let seq = self.seq + 1;
        let payload = canonical_json(payload);
        let hash = entry_hash(seq, at, kind, subject, &payload, &self.hash);
        let prev_hash = std::mem::replace(&mut self.hash, hash.clone());
        self.seq = seq;
        self.pending.push(Entry {
            seq,
            at,
            kind: kind.to_string(),
            subject: subject.to_string(),
            payload,
            prev_hash,
            hash,
        });
    }

    /// Writes the pending entries and the new head; call before committing.
    pub(crate) async fn finish(self, tx: &mut Transaction<'static, Any>) -> Result<()> {
        with_values(
            tx,
            (
                "INSERT INTO audit_log (seq, at, kind, subject, payload_json, prev_hash, hash)",
                "",
            ),
            7,
            &self.pending,
            |insert, entry| {
                insert
                    .bind(entry.seq)
                    .bind(entry.at)
                    .bind(entry.kind.as_str())
                    .bind(entry.subject.as_str())
                    .bind(entry.payload.as_str())
                    .bind(entry.prev_hash.as_str())
                    .bind(entry.hash.as_str())
            },
        )
        .await?;
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(self.seq)
            .bind(&self.hash)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

/// One thing wrong with the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditProblem {
    /// The entry's content does not match its hash: it was edited.
    Edited {
        /// Sequence number of the entry.
        seq: i64,
    },
    /// The entry does not point at the entry before it: an entry was removed or the
    /// entries were reordered.
    BrokenLink {
        /// Sequence number of the entry.
        seq: i64,
    },
    /// Entries with these sequence numbers are missing.
    Missing {
        /// First missing sequence number.
        from: i64,
        /// Last missing sequence number.
        to: i64,
    },
}

impl AuditProblem {
    /// The first sequence number the problem concerns.
    pub fn seq(&self) -> i64 {
        match self {
            AuditProblem::Edited { seq } | AuditProblem::BrokenLink { seq } => *seq,
            AuditProblem::Missing { from, .. } => *from,
        }
    }
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuditProblem::Edited { seq } => {
                write!(f, "entry {seq}: content does not match its hash (edited)")
            }
            AuditProblem::BrokenLink { seq } => write!(
                f,
                "entry {seq}: does not follow the entry before it (an entry was removed or reordered)"
            ),
            AuditProblem::Missing { from, to } if from == to => {
                write!(f, "entry {from}: missing (removed)")
            }
            AuditProblem::Missing { from, to } => {
                write!(f, "entries {from} to {to}: missing (removed)")
            }
        }
    }
}

/// The outcome of checking the whole log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditReport {
    /// Entries read.
    pub entries: i64,
    /// Everything found wrong, in sequence order; empty when the log is intact.
    pub problems: Vec<AuditProblem>,
}

impl AuditReport {
    /// Whether the log is intact.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Walks the audit log in sequence order and reports every edited, removed or
    /// reordered entry.
    pub async fn verify_audit(&self) -> Result<AuditReport> {
        let rows = sqlx::query(
            "SELECT seq, at, kind, subject, payload_json, prev_hash, hash FROM audit_log ORDER BY seq",
        )
        .fetch_all(&self.pool)
        .await?;
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        let head_seq: i64 = head.try_get("seq")?;
        let mut problems = Vec::new();
        let mut expected_seq = 1;
        let mut previous_hash = GENESIS.to_string();
        for row in &rows {
            let seq: i64 = row.try_get("seq")?;
            let prev: String = row.try_get("prev_hash")?;
            let hash: String = row.try_get("hash")?;
            let computed = entry_hash(
                seq,
                row.try_get("at")?,
                &row.try_get::<String, _>("kind")?,
                &row.try_get::<String, _>("subject")?,
                &row.try_get::<String, _>("payload_json")?,
                &prev,
            );
            if seq > expected_seq {
                problems.push(AuditProblem::Missing {
                    from: expected_seq,
                    to: seq - 1,
                });
            }
            if computed != hash {
                problems.push(AuditProblem::Edited { seq });
            } else if prev != previous_hash {
                problems.push(AuditProblem::BrokenLink { seq });
            }
            expected_seq = seq + 1;
            previous_hash = hash;
        }
        if head_seq >= expected_seq {
            problems.push(AuditProblem::Missing {
                from: expected_seq,
                to: head_seq,
            });
        }
        Ok(AuditReport {
            entries: rows.len() as i64,
            problems,
        })
    }

    /// Records the version and content hash of a configuration (`lexicon`, `policy`,
    /// `enforcement`, ...) and writes an audit entry when it differs from the one recorded
    /// last. Returns whether it changed.
    pub async fn record_config(
        &self,
        kind: &str,
        version: &str,
        sha256: &str,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let known = sqlx::query("SELECT version, sha256 FROM config_versions WHERE kind = $1")
            .bind(kind)
            .fetch_optional(&mut *tx)
            .await?;
        let previous = match &known {
            Some(row) => Some((
                row.try_get::<String, _>("version")?,
                row.try_get::<String, _>("sha256")?,
            )),
            None => None,
        };
        if previous
            .as_ref()
            .is_some_and(|(v, h)| v == version && h == sha256)
        {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO config_versions (kind, version, sha256, recorded_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (kind) DO UPDATE SET version = $2, sha256 = $3, recorded_at = $4",
        )
        .bind(kind)
        .bind(version)
        .bind(sha256)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let payload = serde_json::json!({
            "version": version,
            "sha256": sha256,
            "previous_version": previous.as_ref().map(|(v, _)| v),
            "previous_sha256": previous.as_ref().map(|(_, h)| h),
        });
        audit.append(now, "config_changed", kind, &payload);
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(true)
    }
}
