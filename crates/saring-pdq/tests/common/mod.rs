//! Shared helpers for the integration tests: test-data paths and the reference tables.

#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};

use saring_pdq::PdqHash;

/// Root of the copied ThreatExchange test data.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/threatexchange")
}

/// The project's full shared PDQ test set, if this checkout has it beside the repository
/// (`SARING_PDQ_TESTDATA` overrides the search).
pub fn shared_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SARING_PDQ_TESTDATA") {
        return Some(PathBuf::from(dir));
    }
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/testdata/pdq"))
        .find(|dir| dir.join("expected/cpp-reference-pdq.tsv").is_file())
}

/// One row of `cpp-reference-pdq.tsv` or `cpp-core-fullres-pdq.tsv`.
#[derive(Debug, Clone)]
pub struct ReferenceRow {
    pub path: String,
    pub included: bool,
    pub width: u32,
    pub height: u32,
    pub quality: u8,
    /// In the tool's order: orig, rot90, rot180, rot270, flipx, flipy, flipp, flipm.
    pub hashes: [PdqHash; 8],
}

impl ReferenceRow {
    pub fn is_small(&self) -> bool {
        self.width <= 512 && self.height <= 512
    }
}

pub fn read_table(path: &Path) -> Vec<ReferenceRow> {
    let text = std::fs::read_to_string(path).expect("reference table is readable");
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .expect("table has a header")
        .split('\t')
        .collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|&field| field == name)
            .unwrap_or_else(|| panic!("column {name} in {}", path.display()))
    };
    let (path_at, included_at, width_at, height_at, quality_at, first_hash_at) = (
        column("path"),
        column("included"),
        column("width"),
        column("height"),
        column("quality"),
        column("pdq_hex"),
    );
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            ReferenceRow {
                path: fields[path_at].to_string(),
                included: fields[included_at] == "yes",
                width: fields[width_at].parse().expect("width"),
                height: fields[height_at].parse().expect("height"),
                quality: fields[quality_at].parse().expect("quality"),
                hashes: std::array::from_fn(|k| {
                    fields[first_hash_at + k].parse().expect("hash column")
                }),
            }
        })
        .collect()
}

/// Largest distance between our 8 dihedral hashes and the row's.
pub fn max_distance(ours: &[PdqHash; 8], row: &ReferenceRow) -> u32 {
    ours.iter()
        .zip(row.hashes.iter())
        .map(|(a, b)| a.hamming_distance(b))
        .max()
        .unwrap_or(0)
}
