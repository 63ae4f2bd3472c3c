//! The Merkle tree of RFC 6962 / RFC 9162 (section 2.1) over leaf hashes, with audit paths
//! (inclusion proofs) and consistency proofs, and the verifiers of both.
//!
//! A leaf hash is `SHA-256(0x00 || entry bytes)`, an inner node `SHA-256(0x01 || left ||
//! right)`; the tree of `n` leaves splits at the largest power of two below `n`. [`Tree`]
//! keeps the hash of every full, aligned subtree (about `2n` hashes in all), so the root of
//! any prefix of the log, and any proof, costs `O(log² n)` hashes once it is built.

use sha2::{Digest, Sha256};

/// A SHA-256 digest: a leaf hash, a node hash or a tree root.
pub type Hash = [u8; 32];

/// The hash of one entry's bytes as a leaf: `SHA-256(0x00 || entry)`.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x00]);
    hasher.update(entry);
    hasher.finalize().into()
}

/// The hash of an inner node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x01]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

/// The root of the empty tree: `SHA-256("")`.
pub fn empty_root() -> Hash {
    Sha256::digest(b"").into()
}

/// Why a proof could not be made or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// The tree asked about is larger than the tree that is there.
    #[error("tree size {size} is larger than the log ({available} entries)")]
    SizeOutOfRange {
        /// The size asked for.
        size: u64,
        /// The leaves there are.
        available: u64,
    },
    /// The leaf index is not inside the tree.
    #[error("leaf index {index} is outside a tree of {size} entries")]
    IndexOutOfRange {
        /// The index asked for.
        index: u64,
        /// The size of the tree.
        size: u64,
    },
    /// A consistency proof from a larger tree to a smaller one.
    #[error("old tree size {old} is larger than new tree size {new}")]
    OldLargerThanNew {
        /// The old size.
        old: u64,
        /// The new size.
        new: u64,
    },
    /// The proof holds more or fewer hashes than the sizes call for.
    #[error("the proof has the wrong number of hashes ({0})")]
    WrongLength(usize),
    /// The proof does not lead to the (new) root it is checked against.
    #[error("the proof does not lead to the root hash")]
    RootMismatch,
    /// A consistency proof does not lead to the old root it is checked against.
    #[error("the proof does not lead to the old root hash")]
    OldRootMismatch,
}

/// The Merkle tree of a list of leaf hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// `levels[0]` holds the leaf hashes; `levels[j][i]` the root of the full subtree over
    /// leaves `i * 2^j .. (i + 1) * 2^j`. A level has no entry for an incomplete subtree.
    levels: Vec<Vec<Hash>>,
}

/// The largest power of two strictly below `width` (`width >= 2`).
fn split_point(width: u64) -> u64 {
    debug_assert!(width >= 2);
    1 << (63 - (width - 1).leading_zeros())
}

impl Tree {
    /// The tree over `leaves` (leaf hashes, see [`leaf_hash`]), in log order.
    pub fn new(leaves: Vec<Hash>) -> Tree {
        let mut levels = vec![leaves];
        while let Some(below) = levels.last().filter(|level| level.len() >= 2) {
            let above = below
                .chunks_exact(2)
                .map(|pair| node_hash(&pair[0], &pair[1]))
                .collect();
            levels.push(above);
        }
        Tree { levels }
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.levels[0].len() as u64
    }

    /// The leaf hash at `index`.
    pub fn leaf(&self, index: u64) -> Option<&Hash> {
        self.levels[0].get(usize::try_from(index).ok()?)
    }

    /// The root of the whole tree.
    pub fn root(&self) -> Hash {
        self.root_at(self.size()).unwrap_or_else(|_| empty_root())
    }

    /// The root of the tree of the first `size` leaves: what the log's root was when it
    /// held `size` entries.
    pub fn root_at(&self, size: u64) -> Result<Hash, ProofError> {
        self.check_size(size)?;
        Ok(if size == 0 {
            empty_root()
        } else {
            self.subtree(0, size)
        })
    }

    /// The audit path of leaf `index` in the tree of the first `size` leaves, from the
    /// leaf's sibling up to the root's children (RFC 6962 `PATH`).
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        self.check_size(size)?;
        if index >= size {
            return Err(ProofError::IndexOutOfRange { index, size });
        }
        let mut proof = Vec::new();
        self.path(index, 0, size, &mut proof);
        Ok(proof)
    }

    /// The proof that the tree of the first `new` leaves extends the tree of the first
    /// `old` leaves (RFC 6962 `PROOF`); empty when `old` is 0 or equals `new`.
    pub fn consistency_proof(&self, old: u64, new: u64) -> Result<Vec<Hash>, ProofError> {
        self.check_size(new)?;
        if old > new {
            return Err(ProofError::OldLargerThanNew { old, new });
        }
        let mut proof = Vec::new();
        if old > 0 {
            self.subproof(old, 0, new, true, &mut proof);
        }
        Ok(proof)
    }

    fn check_size(&self, size: u64) -> Result<(), ProofError> {
        if size > self.size() {
            return Err(ProofError::SizeOutOfRange {
                size,
                available: self.size(),
            });
        }
        Ok(())
    }

    /// The root of the subtree over leaves `start..end` (`start < end <= size`), a node of
    /// some tree of the log: either full and aligned (kept) or computed from its halves.
    fn subtree(&self, start: u64, end: u64) -> Hash {
        let width = end - start;
        if width.is_power_of_two() && start.is_multiple_of(width) {
            let level = width.trailing_zeros() as usize;
            if let Some(hash) = self
                .levels
                .get(level)
                .and_then(|hashes| hashes.get((start >> level) as usize))
            {
                return *hash;
            }
        }
        let split = start + split_point(width);
        node_hash(&self.subtree(start, split), &self.subtree(split, end))
    }

    fn path(&self, index: u64, start: u64, end: u64, proof: &mut Vec<Hash>) {
        if end - start == 1 {
            return;
        }
        let split = start + split_point(end - start);
        if index < split {
            self.path(index, start, split, proof);
            proof.push(self.subtree(split, end));
        } else {
            self.path(index, split, end, proof);
            proof.push(self.subtree(start, split));
        }
    }

    /// RFC 6962 `SUBPROOF(old, D[start:end], whole)`.
    fn subproof(&self, old: u64, start: u64, end: u64, whole: bool, proof: &mut Vec<Hash>) {
        if end - start == old {
            if !whole {
                proof.push(self.subtree(start, end));
            }
            return;
        }
        let split = split_point(end - start);
        if old <= split {
            self.subproof(old, start, start + split, whole, proof);
            proof.push(self.subtree(start + split, end));
        } else {
            self.subproof(old - split, start + split, end, false, proof);
            proof.push(self.subtree(start, start + split));
        }
    }
}

/// Walks a proof path up from leaf `node` of a tree whose last leaf is `last` (the loop
/// of RFC 9162 sections 2.1.3.2 and 2.1.4.2): `step(sibling, sibling_is_left)` for each
/// hash. Fails when the path is longer or shorter than the tree is high.
fn walk_path(
    mut node: u64,
    mut last: u64,
    path: &[Hash],
    length: usize,
    mut step: impl FnMut(&Hash, bool),
) -> Result<(), ProofError> {
    for sibling in path {
        if last == 0 {
            return Err(ProofError::WrongLength(length));
        }
        if node & 1 == 1 || node == last {
            step(sibling, true);
            while node & 1 == 0 && node != 0 {
                node >>= 1;
                last >>= 1;
            }
        } else {
            step(sibling, false);
        }
        node >>= 1;
        last >>= 1;
    }
    if last != 0 {
        return Err(ProofError::WrongLength(length));
    }
    Ok(())
}

/// Checks that `leaf` (a leaf hash) is entry `index` of the tree of `size` entries whose
/// root is `root`, by its audit path (RFC 9162 section 2.1.3.2).
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let mut hash = *leaf;
    walk_path(index, size - 1, proof, proof.len(), |sibling, left| {
        hash = if left {
            node_hash(sibling, &hash)
        } else {
            node_hash(&hash, sibling)
        };
    })?;
    if hash != *root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Checks that the tree of `new_size` entries with root `new_root` extends (keeps as its
/// first entries, unchanged) the tree of `old_size` entries with root `old_root`, by a
/// consistency proof (RFC 9162 section 2.1.4.2).
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if old_size > new_size {
        return Err(ProofError::OldLargerThanNew {
            old: old_size,
            new: new_size,
        });
    }
    if old_size == 0 || old_size == new_size {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength(proof.len()));
        }
        if old_size == 0 && *old_root != empty_root() {
            return Err(ProofError::OldRootMismatch);
        }
        if old_size == new_size && old_root != new_root {
            return Err(ProofError::RootMismatch);
        }
        return Ok(());
    }
    let (first, rest) = match proof.split_first() {
        // The old tree is a full subtree of the new one: its root starts the path.
        Some(_) | None if old_size.is_power_of_two() => (old_root, proof),
        Some((first, rest)) => (first, rest),
        None => return Err(ProofError::WrongLength(0)),
    };
    let (mut node, mut last) = (old_size - 1, new_size - 1);
    while node & 1 == 1 {
        node >>= 1;
        last >>= 1;
    }
    let (mut old_hash, mut new_hash) = (*first, *first);
    walk_path(node, last, rest, proof.len(), |sibling, left| {
        if left {
            old_hash = node_hash(sibling, &old_hash);
            new_hash = node_hash(sibling, &new_hash);
        } else {
            new_hash = node_hash(&new_hash, sibling);
        }
    })?;
    if old_hash != *old_root {
        return Err(ProofError::OldRootMismatch);
    }
    if new_hash != *new_root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hex(hash: &Hash) -> String {
        hash.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    /// RFC 6962's tree definition, written out directly: the reference the tree is
    /// checked against.
    fn reference_root(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let split = split_point(n as u64) as usize;
                node_hash(
                    &reference_root(&leaves[..split]),
                    &reference_root(&leaves[split..]),
                )
            }
        }
    }

    /// Leaves that all differ (so no wrong index can verify by coincidence).
    fn leaves(count: usize, seed: u64) -> Vec<Hash> {
        (0..count)
            .map(|n| leaf_hash(format!("{seed}/{n}").as_bytes()))
            .collect()
    }

    /// The leaves of the test vectors of the Certificate Transparency reference code.
    fn vector_leaves() -> Vec<Hash> {
        let inputs: [&[u8]; 8] = [
            b"",
            b"\x00",
            b"\x10",
            b"\x20\x21",
            b"\x30\x31",
            b"\x40\x41\x42\x43",
            b"\x50\x51\x52\x53\x54\x55\x56\x57",
            b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
        ];
        inputs.iter().map(|input| leaf_hash(input)).collect()
    }

    #[test]
    fn roots_match_the_published_vectors() {
        let expected = [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ];
        let tree = Tree::new(vector_leaves());
        for (size, root) in (1..).zip(expected) {
            assert_eq!(hex(&tree.root_at(size).expect("size")), root, "size {size}");
        }
        assert_eq!(
            hex(&Tree::new(Vec::new()).root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn proofs_match_the_published_vectors() {
        let tree = Tree::new(vector_leaves());
        let path = tree.inclusion_proof(5, 8).expect("proof");
        assert_eq!(
            path.iter().map(hex).collect::<Vec<_>>(),
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        );
        let consistency = tree.consistency_proof(6, 8).expect("proof");
        assert_eq!(
            consistency.iter().map(hex).collect::<Vec<_>>(),
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        );
    }

    #[test]
    fn sizes_outside_the_tree_are_refused() {
        let tree = Tree::new(leaves(5, 1));
        assert_eq!(
            tree.root_at(6),
            Err(ProofError::SizeOutOfRange {
                size: 6,
                available: 5
            })
        );
        assert_eq!(
            tree.inclusion_proof(5, 5),
            Err(ProofError::IndexOutOfRange { index: 5, size: 5 })
        );
        assert_eq!(
            tree.consistency_proof(4, 3),
            Err(ProofError::OldLargerThanNew { old: 4, new: 3 })
        );
        let root = tree.root();
        assert_eq!(
            verify_inclusion(&leaves(1, 1)[0], u64::MAX, 5, &[], &root),
            Err(ProofError::IndexOutOfRange {
                index: u64::MAX,
                size: 5
            })
        );
        // A huge claimed size with a short proof fails; it does not loop or overflow.
        assert!(verify_consistency(3, u64::MAX, &root, &root, &[root; 3]).is_err());
    }

    #[test]
    fn a_tree_is_consistent_with_itself_and_with_the_empty_tree() {
        let tree = Tree::new(leaves(9, 2));
        let root = tree.root();
        assert_eq!(verify_consistency(9, 9, &root, &root, &[]), Ok(()));
        assert_eq!(
            verify_consistency(9, 9, &root, &empty_root(), &[]),
            Err(ProofError::RootMismatch)
        );
        assert_eq!(verify_consistency(0, 9, &empty_root(), &root, &[]), Ok(()));
        assert_eq!(
            verify_consistency(0, 9, &root, &root, &[]),
            Err(ProofError::OldRootMismatch)
        );
        assert_eq!(
            verify_consistency(4, 9, &tree.root_at(4).expect("root"), &root, &[]),
            Err(ProofError::WrongLength(0))
        );
    }

    proptest! {
        #[test]
        fn the_root_of_every_prefix_is_rfc_6962s(count in 0usize..300, seed in any::<u64>()) {
            let leaves = leaves(count, seed);
            let tree = Tree::new(leaves.clone());
            for size in 0..=count {
                prop_assert_eq!(tree.root_at(size as u64)?, reference_root(&leaves[..size]));
            }
        }

        #[test]
        fn consistency_proofs_verify_and_fail_for_any_altered_leaf(
            (old, new) in (1u64..130).prop_flat_map(|new| (0..=new, Just(new))),
            seed in any::<u64>(),
        ) {
            let original = leaves(new as usize, seed);
            let tree = Tree::new(original.clone());
            let (old_root, new_root) = (tree.root_at(old)?, tree.root());
            let proof = tree.consistency_proof(old, new)?;
            prop_assert_eq!(verify_consistency(old, new, &old_root, &new_root, &proof), Ok(()));
            for altered in 0..new as usize {
                let mut changed = original.clone();
                changed[altered] = leaf_hash(b"altered");
                let changed = Tree::new(changed);
                let proof = changed.consistency_proof(old, new)?;
                // A changed tree that keeps the old part extends the old root; one that
                // changed the old part cannot.
                let extends = verify_consistency(old, new, &old_root, &changed.root(), &proof);
                prop_assert_eq!(extends.is_ok(), altered as u64 >= old, "leaf {}", altered);
            }
            for position in 0..proof.len() {
                let mut forged = proof.clone();
                forged[position][0] ^= 1;
                prop_assert!(verify_consistency(old, new, &old_root, &new_root, &forged).is_err());
            }
            if old > 0 && old < new {
                // The proof is not one for other sizes (checked against their roots).
                let before = tree.root_at(old - 1)?;
                prop_assert!(verify_consistency(old - 1, new, &before, &new_root, &proof).is_err());
                if new - 1 > old {
                    let shorter = tree.root_at(new - 1)?;
                    prop_assert!(verify_consistency(old, new - 1, &old_root, &shorter, &proof).is_err());
                }
                prop_assert!(verify_consistency(old, new, &old_root, &new_root, &proof[1..]).is_err());
                let mut longer = proof.clone();
                longer.push(new_root);
                prop_assert!(verify_consistency(old, new, &old_root, &new_root, &longer).is_err());
            }
        }

        #[test]
        fn inclusion_proofs_verify_for_every_index_and_fail_for_a_wrong_leaf_or_index(
            (size, tree_size) in (1u64..100).prop_flat_map(|size| (1..=size, Just(size))),
            seed in any::<u64>(),
        ) {
            // One leaf more than the proofs are made in, to check against the next size.
            let leaves = leaves(tree_size as usize + 1, seed);
            let tree = Tree::new(leaves.clone());
            let root = tree.root_at(size)?;
            for index in 0..size {
                let proof = tree.inclusion_proof(index, size)?;
                let leaf = &leaves[index as usize];
                prop_assert_eq!(verify_inclusion(leaf, index, size, &proof, &root), Ok(()));
                prop_assert!(verify_inclusion(&leaf_hash(b"other"), index, size, &proof, &root).is_err());
                for wrong in (0..size).filter(|&wrong| wrong != index) {
                    prop_assert!(verify_inclusion(leaf, wrong, size, &proof, &root).is_err());
                }
                let next_root = tree.root_at(size + 1)?;
                prop_assert!(verify_inclusion(leaf, index, size + 1, &proof, &next_root).is_err());
                if let Some(last) = proof.len().checked_sub(1) {
                    let mut forged = proof.clone();
                    forged[last][31] ^= 0x80;
                    prop_assert!(verify_inclusion(leaf, index, size, &forged, &root).is_err());
                    prop_assert!(verify_inclusion(leaf, index, size, &proof[..last], &root).is_err());
                }
            }
        }
    }
}
