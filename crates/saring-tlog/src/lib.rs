//! Transparency-log primitives for saring's audit log, in the manner of Certificate
//! Transparency (RFC 6962 / RFC 9162) and Sigstore Rekor:
//!
//! - [`merkle`]: the Merkle tree over entry leaf hashes, its root at any size, inclusion
//!   (audit path) and consistency proofs, and their verification;
//! - [`checkpoint`]: Ed25519-signed checkpoints (tree size, root hash, time) as C2SP signed
//!   notes, and the signed-note key formats.
//!
//! Everything here is pure: the caller reads the entries, the key files and the random
//! seed, and hands over their bytes.

pub mod checkpoint;
pub mod merkle;

pub use checkpoint::{Checkpoint, CheckpointError, LogSigner, LogVerifier};
pub use merkle::{
    Hash, ProofError, Tree, empty_root, leaf_hash, node_hash, verify_consistency, verify_inclusion,
};
