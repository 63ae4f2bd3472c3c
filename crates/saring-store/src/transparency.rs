//! The audit log as a transparency log: its Merkle tree checked against signed
//! checkpoints a regulator kept, and inclusion and consistency proofs that can be checked
//! without the database. Pure: the store reads the log ([`crate::Store::read_audit_log`]).
//!
//! What each check catches, against a checkpoint of `m` entries:
//! - the hash chain (no checkpoint needed) names edited, removed and reordered entries and
//!   an edited or moved `audit_head`, as long as the chain was not recomputed;
//! - the log is shorter than `m`: the last entries were removed (truncation);
//! - the first `m` entries no longer have the checkpoint's root: something covered by the
//!   checkpoint changed. When the chain names an entry at or before `m`, that entry is the
//!   first that differs; when the chain is intact, the log was rewritten with recomputed
//!   hashes, and the difference lies after the largest checkpoint that still matches.

use saring_tlog::{
    Checkpoint, CheckpointError, Hash, LogVerifier, ProofError, Tree, verify_consistency,
    verify_inclusion,
};
use serde::{Deserialize, Serialize};

use crate::audit::{AuditEntry, AuditProblem, AuditReport};

/// The audit log as read at one moment: its chain check and its Merkle tree.
#[derive(Debug, Clone)]
pub struct AuditLog {
    /// What the hash chain check found.
    pub report: AuditReport,
    /// The Merkle tree over the entries, in sequence order.
    pub tree: Tree,
    /// The sequence number of each leaf.
    seqs: Vec<i64>,
}

/// How the log stands against one checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointOutcome {
    /// The log extends the checkpoint: its first entries are those the checkpoint
    /// covers, unchanged; the consistency proof (of this many hashes) verified.
    Extends {
        /// Hashes in the consistency proof from the checkpoint to the log now.
        proof_hashes: usize,
    },
    /// The log has fewer entries than the checkpoint covers: entries were removed.
    Shorter {
        /// Entries in the log now.
        entries: u64,
    },
    /// The entries the checkpoint covers changed.
    Differs(FirstDifference),
}

/// Where the first difference from a checkpoint is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstDifference {
    /// The hash chain names it.
    Entry(AuditProblem),
    /// The chain is intact (the log was rewritten with recomputed hashes): the first
    /// differing entry is one of `from..=to`, after the largest checkpoint that matches.
    Among {
        /// First entry that may differ.
        from: u64,
        /// Last entry that may differ (the checkpoint's size).
        to: u64,
    },
}

/// One checkpoint and how the log stands against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckpointCheck {
    /// The checkpoint (signature verified by the caller).
    pub checkpoint: Checkpoint,
    /// How the log stands.
    pub outcome: CheckpointOutcome,
}

impl CheckpointCheck {
    /// Whether the log extends the checkpoint.
    pub fn is_consistent(&self) -> bool {
        matches!(self.outcome, CheckpointOutcome::Extends { .. })
    }
}

impl std::fmt::Display for CheckpointCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Checkpoint { size, .. } = self.checkpoint;
        let signed = self.checkpoint.time_text();
        match &self.outcome {
            CheckpointOutcome::Extends { proof_hashes } => write!(
                f,
                "checkpoint of {size} entries signed {signed}: the log extends it \
                 (consistency proof of {proof_hashes} hashes verified)"
            ),
            CheckpointOutcome::Shorter { entries } => write!(
                f,
                "checkpoint of {size} entries signed {signed}: the log has only {entries} \
                 entries: entries {} to {size} were removed (truncated)",
                entries + 1
            ),
            CheckpointOutcome::Differs(FirstDifference::Entry(problem)) => write!(
                f,
                "checkpoint of {size} entries signed {signed}: the log differs; first \
                 differing entry: {problem}"
            ),
            CheckpointOutcome::Differs(FirstDifference::Among { from, to }) => write!(
                f,
                "checkpoint of {size} entries signed {signed}: the log differs although its \
                 hash chain is intact (rewritten with recomputed hashes); the first differing \
                 entry is one of entries {from} to {to}"
            ),
        }
    }
}

/// Why a proof could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ProveError {
    /// The log no longer matches the checkpoint the proof was asked against.
    #[error(
        "the log does not extend the checkpoint of {0} entries: run `saring audit verify --checkpoint`"
    )]
    NotConsistent(u64),
    /// The entry is not in the log or not among those the checkpoint covers.
    #[error("entry {seq} is not among the {size} entries the checkpoint covers")]
    NotCovered {
        /// The entry.
        seq: i64,
        /// The checkpoint's size.
        size: u64,
    },
    /// The entry read does not match the tree read before.
    #[error("entry {0} changed while the proof was made")]
    Changed(i64),
    /// A proof of the tree failed.
    #[error(transparent)]
    Proof(#[from] ProofError),
}

impl AuditLog {
    pub(crate) fn new(report: AuditReport, tree: Tree, seqs: Vec<i64>) -> AuditLog {
        AuditLog { report, tree, seqs }
    }

    /// The leaf index of entry `seq`, if it is in the log.
    pub fn position_of(&self, seq: i64) -> Option<u64> {
        self.seqs.binary_search(&seq).ok().map(|index| index as u64)
    }

    /// How the log stands against each checkpoint (in the order given).
    pub fn check(&self, checkpoints: &[Checkpoint]) -> Vec<CheckpointCheck> {
        let size = self.tree.size();
        let root = self.tree.root();
        let mut checks: Vec<CheckpointCheck> = checkpoints
            .iter()
            .map(|checkpoint| {
                let outcome = match self.tree.consistency_proof(checkpoint.size, size) {
                    Err(_) => CheckpointOutcome::Shorter { entries: size },
                    Ok(proof) => {
                        match verify_consistency(
                            checkpoint.size,
                            size,
                            &checkpoint.root,
                            &root,
                            &proof,
                        ) {
                            Ok(()) => CheckpointOutcome::Extends {
                                proof_hashes: proof.len(),
                            },
                            // Placeholder, located below once all checkpoints are known.
                            Err(_) => CheckpointOutcome::Differs(FirstDifference::Among {
                                from: 1,
                                to: checkpoint.size,
                            }),
                        }
                    }
                };
                CheckpointCheck {
                    checkpoint: checkpoint.clone(),
                    outcome,
                }
            })
            .collect();
        let matching: Vec<u64> = checks
            .iter()
            .filter(|check| check.is_consistent())
            .map(|check| check.checkpoint.size)
            .collect();
        for check in &mut checks {
            if let CheckpointOutcome::Differs(difference) = &mut check.outcome {
                *difference = self.first_difference(check.checkpoint.size, &matching);
            }
        }
        checks
    }

    /// Where the log first differs from a checkpoint of `size` entries it does not
    /// extend, given the sizes of the checkpoints it does extend.
    fn first_difference(&self, size: u64, matching: &[u64]) -> FirstDifference {
        // In an intact chain an entry's sequence number is its position.
        let last = i64::try_from(size).unwrap_or(i64::MAX);
        if let Some(problem) = self.report.problems.iter().find(|p| p.seq() <= last) {
            return FirstDifference::Entry(problem.clone());
        }
        let unchanged = matching
            .iter()
            .copied()
            .filter(|&matched| matched < size)
            .max()
            .unwrap_or(0);
        FirstDifference::Among {
            from: unchanged + 1,
            to: size,
        }
    }

    /// The inclusion proof of `entries` (read from the store after this log) in the
    /// checkpoint `note` (signed text of `checkpoint`).
    pub fn prove_inclusion(
        &self,
        note: &str,
        checkpoint: &Checkpoint,
        entries: Vec<AuditEntry>,
    ) -> Result<InclusionProof, ProveError> {
        self.check_extends(checkpoint)?;
        let mut proven = Vec::with_capacity(entries.len());
        for entry in entries {
            let leaf_index = self
                .position_of(entry.seq)
                .filter(|&index| index < checkpoint.size)
                .ok_or(ProveError::NotCovered {
                    seq: entry.seq,
                    size: checkpoint.size,
                })?;
            if self.tree.leaf(leaf_index) != Some(&entry.leaf_hash()) {
                return Err(ProveError::Changed(entry.seq));
            }
            let path = self.tree.inclusion_proof(leaf_index, checkpoint.size)?;
            proven.push(ProvenEntry {
                leaf_index,
                entry,
                audit_path: path.iter().map(hex::encode).collect(),
            });
        }
        Ok(InclusionProof {
            checkpoint: note.to_string(),
            entries: proven,
        })
    }

    /// The proof that the checkpoint `new` extends the checkpoint `old` (each given as
    /// its signed note and what it says).
    pub fn prove_consistency(
        &self,
        (old_note, old): (&str, &Checkpoint),
        (new_note, new): (&str, &Checkpoint),
    ) -> Result<ConsistencyProof, ProveError> {
        self.check_extends(old)?;
        self.check_extends(new)?;
        let path = self.tree.consistency_proof(old.size, new.size)?;
        Ok(ConsistencyProof {
            old_checkpoint: old_note.to_string(),
            checkpoint: new_note.to_string(),
            consistency_path: path.iter().map(hex::encode).collect(),
        })
    }

    fn check_extends(&self, checkpoint: &Checkpoint) -> Result<(), ProveError> {
        match self.tree.root_at(checkpoint.size) {
            Ok(root) if root == checkpoint.root => Ok(()),
            _ => Err(ProveError::NotConsistent(checkpoint.size)),
        }
    }
}

/// One entry and its audit path in a checkpoint's tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvenEntry {
    /// Its position in the log (0-based: entry `seq` is leaf `seq - 1`).
    pub leaf_index: u64,
    /// The entry.
    pub entry: AuditEntry,
    /// Sibling hashes from the leaf up (hex).
    pub audit_path: Vec<String>,
}

/// Entries of the log and the proof that a checkpoint covers them: checkable without the
/// log, with the log's public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InclusionProof {
    /// The signed checkpoint.
    pub checkpoint: String,
    /// The entries and their audit paths.
    pub entries: Vec<ProvenEntry>,
}

/// The proof that a later checkpoint extends an earlier one: checkable without the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyProof {
    /// The earlier signed checkpoint.
    pub old_checkpoint: String,
    /// The later signed checkpoint.
    pub checkpoint: String,
    /// The consistency path (hex).
    pub consistency_path: Vec<String>,
}

/// A proof document as `saring audit prove` writes it (JSON, `"proof": "inclusion"` or
/// `"consistency"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "proof", rename_all = "snake_case")]
pub enum ProofDocument {
    /// Entries are in a checkpoint.
    Inclusion(InclusionProof),
    /// A checkpoint extends another.
    Consistency(ConsistencyProof),
}

/// Why a proof document does not verify.
#[derive(Debug, thiserror::Error)]
pub enum ProofDocumentError {
    /// A checkpoint in it does not verify with the key.
    #[error("checkpoint: {0}")]
    Checkpoint(#[from] CheckpointError),
    /// A hash is not 64 hex digits.
    #[error("{0}: not a SHA-256 hash in hex")]
    BadHash(String),
    /// An entry's fields cannot be the bytes that were hashed.
    #[error("entry {seq}: {what}")]
    BadEntry {
        /// The entry.
        seq: i64,
        /// What is wrong.
        what: String,
    },
    /// A proof does not verify.
    #[error("{what}: {error}")]
    Proof {
        /// What was proven.
        what: String,
        /// Why it fails.
        error: ProofError,
    },
}

/// What a verified proof document shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofSummary {
    /// These entries are in the log the checkpoint covers.
    Inclusion {
        /// The checkpoint.
        checkpoint: Checkpoint,
        /// The entries' sequence numbers.
        seqs: Vec<i64>,
    },
    /// The later checkpoint extends the earlier.
    Consistency {
        /// The earlier checkpoint.
        old: Checkpoint,
        /// The later checkpoint.
        new: Checkpoint,
    },
}

fn parse_hashes(hashes: &[String], what: &str) -> Result<Vec<Hash>, ProofDocumentError> {
    hashes
        .iter()
        .map(|text| {
            hex::decode(text)
                .ok()
                .and_then(|bytes| Hash::try_from(bytes).ok())
                .ok_or_else(|| ProofDocumentError::BadHash(format!("{what}: {text:?}")))
        })
        .collect()
}

impl ProofDocument {
    /// Checks the document with the log's public key alone.
    pub fn verify(&self, verifier: &LogVerifier) -> Result<ProofSummary, ProofDocumentError> {
        match self {
            ProofDocument::Inclusion(proof) => {
                let checkpoint = verifier.verify(&proof.checkpoint)?;
                let mut seqs = Vec::with_capacity(proof.entries.len());
                for proven in &proof.entries {
                    let entry = &proven.entry;
                    check_entry(entry, proven.leaf_index)?;
                    let path = parse_hashes(&proven.audit_path, "audit path")?;
                    verify_inclusion(
                        &entry.leaf_hash(),
                        proven.leaf_index,
                        checkpoint.size,
                        &path,
                        &checkpoint.root,
                    )
                    .map_err(|error| ProofDocumentError::Proof {
                        what: format!("entry {}", entry.seq),
                        error,
                    })?;
                    seqs.push(entry.seq);
                }
                Ok(ProofSummary::Inclusion { checkpoint, seqs })
            }
            ProofDocument::Consistency(proof) => {
                let old = verifier.verify(&proof.old_checkpoint)?;
                let new = verifier.verify(&proof.checkpoint)?;
                let path = parse_hashes(&proof.consistency_path, "consistency path")?;
                verify_consistency(old.size, new.size, &old.root, &new.root, &path).map_err(
                    |error| ProofDocumentError::Proof {
                        what: format!(
                            "checkpoint of {} entries extending the one of {}",
                            new.size, old.size
                        ),
                        error,
                    },
                )?;
                Ok(ProofSummary::Consistency { old, new })
            }
        }
    }
}

/// An entry's fields must be the ones its text splits back into, at its position.
fn check_entry(entry: &AuditEntry, leaf_index: u64) -> Result<(), ProofDocumentError> {
    let bad = |what: &str| ProofDocumentError::BadEntry {
        seq: entry.seq,
        what: what.to_string(),
    };
    // The text is read back from both ends: these fields hold no newline, so the
    // subject (which may) is what lies between.
    if entry.kind.contains('\n') || entry.payload.contains('\n') {
        return Err(bad("kind and payload cannot contain a newline"));
    }
    if entry.prev_hash.len() != 64 || !entry.prev_hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad("prev_hash is not 64 hex digits"));
    }
    if u64::try_from(entry.seq).ok() != leaf_index.checked_add(1) {
        return Err(bad(&format!(
            "sequence number does not match leaf index {leaf_index} (entry n is leaf n - 1)"
        )));
    }
    if entry.computed_hash() != entry.hash {
        return Err(bad("its hash does not match its content"));
    }
    Ok(())
}
