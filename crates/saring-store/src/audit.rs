//! The append-only, hash-chained audit log.
//!
//! Entry `seq` holds the hash of entry `seq - 1`; its own hash covers its sequence number,
//! time, kind, subject, payload and that previous hash. `audit_head` keeps the last
//! sequence number and hash, so removing entries from the end shows too. Writers take the
//! head row first, which serialises appends across connections: the log is one sequence.
//!
//! The same bytes the chain hash covers are the entry's leaf in the Merkle tree of the log
//! (`saring_tlog`): signed checkpoints of that tree, kept outside the database, catch what
//! the chain alone cannot (see [`crate::transparency`]).

use saring_tlog::{Hash, Tree, leaf_hash};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::canonical::{canonical_json, sha256_hex};
use crate::rows::with_values;
use crate::transparency::AuditLog;
use crate::{Backend, Result, Store};

/// The previous hash of the first entry.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Entries read per query when the whole log is read.
const PAGE: i64 = 10_000;

/// One entry of the audit log, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEntry {
    /// Sequence number: 1, 2, 3, ... with no gaps.
    pub seq: i64,
    /// When, unix milliseconds UTC.
    pub at: i64,
    /// What happened (`decision`, `case_opened`, `review`, ...).
    pub kind: String,
    /// What it happened to (`case/12`, `shopee/123`, ...).
    pub subject: String,
    /// Details, canonical JSON text.
    pub payload: String,
    /// The hash of the entry before (zeros for the first).
    pub prev_hash: String,
    /// SHA-256 of [`AuditEntry::text`], hex.
    pub hash: String,
}

impl AuditEntry {
    /// The bytes the entry's chain hash and Merkle leaf cover: sequence number, time,
    /// kind, subject, previous hash and payload, one a line, without a final newline.
    pub fn text(&self) -> String {
        let AuditEntry {
            seq,
            at,
            kind,
            subject,
            payload,
            prev_hash,
            ..
        } = self;
        format!("{seq}\n{at}\n{kind}\n{subject}\n{prev_hash}\n{payload}")
    }

    /// The chain hash the entry's content calls for (hex).
    pub fn computed_hash(&self) -> String {
        sha256_hex(self.text().as_bytes())
    }

    /// The entry's leaf in the Merkle tree of the log: `SHA-256(0x00 || text)`.
    pub fn leaf_hash(&self) -> Hash {
        leaf_hash(self.text().as_bytes())
    }

    fn from_row(row: &AnyRow) -> Result<AuditEntry> {
        Ok(AuditEntry {
            seq: row.try_get("seq")?,
            at: row.try_get("at")?,
            kind: row.try_get("kind")?,
            subject: row.try_get("subject")?,
            payload: row.try_get("payload_json")?,
            prev_hash: row.try_get("prev_hash")?,
            hash: row.try_get("hash")?,
        })
    }
}

/// A query of whole entries (the columns [`AuditEntry::from_row`] reads), ending in `$rest`.
macro_rules! select_entries {
    ($rest:literal) => {
        concat!(
            "SELECT seq, at, kind, subject, payload_json, prev_hash, hash FROM audit_log ",
            $rest
        )
    };
}

/// Appends entries inside a caller's transaction; [`AuditWriter::finish`] writes them (in
/// multi-row INSERTs) and moves the head, before the caller commits.
pub(crate) struct AuditWriter {
    seq: i64,
    hash: String,
    pending: Vec<AuditEntry>,
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
        let mut entry = AuditEntry {
            seq: self.seq + 1,
            at,
            kind: kind.to_string(),
            subject: subject.to_string(),
            payload: canonical_json(payload),
            prev_hash: self.hash.clone(),
            hash: String::new(),
        };
        entry.hash = entry.computed_hash();
        self.seq = entry.seq;
        self.hash = entry.hash.clone();
        self.pending.push(entry);
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
    /// `audit_head` (the last sequence number and hash, kept apart) does not match the
    /// last entry: the head was edited or moved back.
    Head {
        /// The sequence number the head holds.
        head_seq: i64,
        /// The last entry's sequence number (0 when the log is empty).
        last_seq: i64,
    },
}

impl AuditProblem {
    /// The first sequence number the problem concerns.
    pub fn seq(&self) -> i64 {
        match self {
            AuditProblem::Edited { seq } | AuditProblem::BrokenLink { seq } => *seq,
            AuditProblem::Missing { from, .. } => *from,
            AuditProblem::Head { head_seq, last_seq } if head_seq < last_seq => head_seq + 1,
            AuditProblem::Head { last_seq, .. } => *last_seq,
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
            AuditProblem::Head { head_seq, last_seq } if head_seq < last_seq => write!(
                f,
                "entry {}: after audit_head, which names entry {head_seq} (the head was moved back)",
                head_seq + 1
            ),
            AuditProblem::Head { last_seq, .. } => write!(
                f,
                "entry {last_seq}: audit_head holds another hash than this last entry (the head was edited)"
            ),
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

/// Walks the entries in sequence order: checks each entry's hash and link, and collects
/// the leaves of the Merkle tree.
struct ChainCheck {
    problems: Vec<AuditProblem>,
    expected_seq: i64,
    previous_hash: String,
    leaves: Vec<Hash>,
    seqs: Vec<i64>,
}

impl ChainCheck {
    fn new() -> ChainCheck {
        ChainCheck {
            problems: Vec::new(),
            expected_seq: 1,
            previous_hash: GENESIS.to_string(),
            leaves: Vec::new(),
            seqs: Vec::new(),
        }
    }

    fn add(&mut self, entry: AuditEntry) {
        let text = entry.text();
        if entry.seq > self.expected_seq {
            self.problems.push(AuditProblem::Missing {
                from: self.expected_seq,
                to: entry.seq - 1,
            });
        }
        if sha256_hex(text.as_bytes()) != entry.hash {
            self.problems.push(AuditProblem::Edited { seq: entry.seq });
        } else if entry.prev_hash != self.previous_hash {
            self.problems
                .push(AuditProblem::BrokenLink { seq: entry.seq });
        }
        self.leaves.push(leaf_hash(text.as_bytes()));
        self.seqs.push(entry.seq);
        self.expected_seq = entry.seq + 1;
        self.previous_hash = entry.hash;
    }

    fn finish(mut self, head_seq: i64, head_hash: &str) -> AuditLog {
        let last_seq = self.expected_seq - 1;
        if head_seq > last_seq {
            self.problems.push(AuditProblem::Missing {
                from: self.expected_seq,
                to: head_seq,
            });
        } else if head_seq < last_seq || head_hash != self.previous_hash {
            self.problems
                .push(AuditProblem::Head { head_seq, last_seq });
        }
        let report = AuditReport {
            entries: self.leaves.len() as i64,
            problems: self.problems,
        };
        AuditLog::new(report, Tree::new(self.leaves), self.seqs)
    }
}

impl Store {
    /// Walks the audit log in sequence order and reports every edited, removed or
    /// reordered entry, and a head that does not match the last entry.
    pub async fn verify_audit(&self) -> Result<AuditReport> {
        Ok(self.read_audit_log().await?.report)
    }

    /// Reads the whole audit log in one snapshot, in pages: checks the hash chain and
    /// builds the Merkle tree of its entries (32 bytes a leaf are kept, not the entries).
    pub async fn read_audit_log(&self) -> Result<AuditLog> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            // Head and entries from one snapshot, whatever writers commit meanwhile.
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                .execute(&mut *tx)
                .await?;
        }
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        let mut chain = ChainCheck::new();
        let mut after = None;
        loop {
            let rows = match after {
                None => sqlx::query(select_entries!("ORDER BY seq LIMIT $1")).bind(PAGE),
                Some(seq) => sqlx::query(select_entries!("WHERE seq > $1 ORDER BY seq LIMIT $2"))
                    .bind(seq)
                    .bind(PAGE),
            }
            .fetch_all(&mut *tx)
            .await?;
            for row in &rows {
                let entry = AuditEntry::from_row(row)?;
                after = Some(entry.seq);
                chain.add(entry);
            }
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        tx.rollback().await?;
        let head_hash: String = head.try_get("hash")?;
        Ok(chain.finish(head.try_get("seq")?, &head_hash))
    }

    /// The entries with these sequence numbers, in sequence order (missing ones are left
    /// out).
    pub async fn audit_entries(&self, seqs: &[i64]) -> Result<Vec<AuditEntry>> {
        let mut entries = Vec::with_capacity(seqs.len());
        for &seq in seqs {
            let row = sqlx::query(select_entries!("WHERE seq = $1"))
                .bind(seq)
                .fetch_optional(&self.pool)
                .await?;
            if let Some(row) = row {
                entries.push(AuditEntry::from_row(&row)?);
            }
        }
        entries.sort_by_key(|entry| entry.seq);
        entries.dedup_by_key(|entry| entry.seq);
        Ok(entries)
    }

    /// A case's history in the audit log, in sequence order: the entries about the case
    /// (`case/ID`), its appeals, and the decisions and actions on its listing.
    pub async fn case_audit_entries(&self, case_id: i64) -> Result<Vec<AuditEntry>> {
        let case = sqlx::query("SELECT platform, listing_id FROM cases WHERE id = $1")
            .bind(case_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(crate::StoreError::NoSuchCase(case_id))?;
        let listing = format!(
            "{}/{}",
            case.try_get::<String, _>("platform")?,
            case.try_get::<String, _>("listing_id")?
        );
        let rows = sqlx::query(select_entries!(
            "\
             WHERE subject = $1 OR subject = $2 OR subject LIKE 'appeal/%' ORDER BY seq"
        ))
        .bind(format!("case/{case_id}"))
        .bind(&listing)
        .fetch_all(&self.pool)
        .await?;
        let mut entries = Vec::new();
        for row in &rows {
            let entry = AuditEntry::from_row(row)?;
            let about_case = !entry.subject.starts_with("appeal/")
                || serde_json::from_str::<Value>(&entry.payload)
                    .is_ok_and(|payload| payload["case_id"] == case_id);
            if about_case {
                entries.push(entry);
            }
        }
        Ok(entries)
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
