//! Hash banks held in memory for matching.

use std::collections::BTreeMap;

use saring_hamming::HammingIndex;
use saring_pdq::{HashWithQuality, MATCH_MAX_DISTANCE, MIN_MATCH_QUALITY, PdqHash};

/// One hash of a bank, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankEntry {
    /// Bank name (e.g. `known-bales`).
    pub bank: String,
    /// The PDQ hash.
    pub hash: PdqHash,
    /// Where the photo came from (platform, regulator, hash list).
    pub source: Option<String>,
    /// The case that confirmed it, if any.
    pub case_id: Option<String>,
    /// Who added it.
    pub added_by: Option<String>,
    /// When it was added.
    pub added_at: Option<String>,
}

impl BankEntry {
    /// The entries to store for a bank photo added as an image: the hashes of its
    /// rotations, mirror images and central crops (made on the pixels, see
    /// [`saring_pdq::reupload::reference_hashes`]), each carrying `template`'s bank and
    /// metadata. Hashes below Meta's quality floor are left out: they would match noise.
    pub fn for_image(template: &BankEntry, image: &image::DynamicImage) -> Vec<BankEntry> {
        let mut hashes: Vec<PdqHash> = saring_pdq::reupload::reference_hashes(image)
            .into_iter()
            .filter(|h| h.quality >= MIN_MATCH_QUALITY)
            .map(|h| h.hash)
            .collect();
        hashes.sort();
        hashes.dedup();
        hashes
            .into_iter()
            .map(|hash| BankEntry {
                hash,
                ..template.clone()
            })
            .collect()
    }

    /// Entries that differ only in their hash describe the same bank photo.
    fn photo_key(
        &self,
    ) -> (
        &str,
        &Option<String>,
        &Option<String>,
        &Option<String>,
        &Option<String>,
    ) {
        (
            &self.bank,
            &self.source,
            &self.case_id,
            &self.added_by,
            &self.added_at,
        )
    }

    /// Metadata for a reviewer, as `" (source X, case Y, ...)"`, or empty.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            ("source", &self.source),
            ("case", &self.case_id),
            ("added by", &self.added_by),
            ("added", &self.added_at),
        ]
        .into_iter()
        .filter_map(|(label, value)| value.as_ref().map(|v| format!("{label} {v}")))
        .collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(", "))
        }
    }
}

/// A match of a photo against a bank entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankMatch {
    /// The entry matched.
    pub entry: BankEntry,
    /// Smallest Hamming distance over the photo's query hashes.
    pub distance: u32,
}

/// The enabled banks' entries and an exact Hamming index over them.
pub struct ImageBanks {
    entries: Vec<BankEntry>,
    index: HammingIndex,
}

impl ImageBanks {
    /// Indexes `entries` (ids are positions in the list).
    pub fn new(entries: Vec<BankEntry>) -> Result<Self, saring_hamming::IndexError> {
        let index = HammingIndex::from_entries(
            entries
                .iter()
                .enumerate()
                .map(|(id, entry)| (entry.hash.words(), id as u64)),
        )?;
        Ok(Self { entries, index })
    }

    /// Whether there is nothing to match against.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A short stable fingerprint of the banks' content, for `model_version`.
    pub fn fingerprint(&self) -> String {
        let mut combined = [0u64; 4];
        for entry in &self.entries {
            for (word, bits) in combined.iter_mut().zip(entry.hash.words()) {
                *word = word.rotate_left(7) ^ bits;
            }
        }
        format!(
            "{}x{:016x}",
            self.entries.len(),
            combined[0] ^ combined[1] ^ combined[2] ^ combined[3]
        )
    }

    /// The hashes a photo is looked up by: as uploaded and with a uniform frame trimmed
    /// ([`saring_pdq::reupload::upload_hashes`]), plus the 8 rotations and mirror images of
    /// the upload computed cheaply in the DCT domain, which catch rotated copies of large
    /// photos known only by one hash (e.g. from a shared hash list). Photos added as images
    /// carry their pixel-rotated hashes in the bank already ([`BankEntry::for_image`]).
    pub fn query_hashes(image: &image::DynamicImage) -> Vec<HashWithQuality> {
        let mut queries = saring_pdq::reupload::upload_hashes(image);
        queries.extend(saring_pdq::dihedral_hashes_image(image).iter().skip(1));
        queries
    }

    /// Bank photos within the match distance of the photo (quality rules applied), with the
    /// best distance per bank photo, ordered by distance then bank.
    pub fn lookup(&self, image: &image::DynamicImage) -> Vec<BankMatch> {
        let mut best: BTreeMap<u64, u32> = BTreeMap::new();
        for query in Self::query_hashes(image) {
            if query.quality < MIN_MATCH_QUALITY {
                continue;
            }
            for found in self.index.query(&query.hash.words(), MATCH_MAX_DISTANCE) {
                let slot = best.entry(found.id).or_insert(found.distance);
                *slot = (*slot).min(found.distance);
            }
        }
        let mut per_photo: BTreeMap<_, BankMatch> = BTreeMap::new();
        for (id, distance) in best {
            let Some(entry) = usize::try_from(id).ok().and_then(|i| self.entries.get(i)) else {
                continue;
            };
            let candidate = BankMatch {
                entry: entry.clone(),
                distance,
            };
            per_photo
                .entry(entry.photo_key())
                .and_modify(|kept: &mut BankMatch| {
                    if distance < kept.distance {
                        *kept = candidate.clone();
                    }
                })
                .or_insert(candidate);
        }
        let mut matches: Vec<BankMatch> = per_photo.into_values().collect();
        matches.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(a.entry.bank.cmp(&b.entry.bank))
        });
        matches
    }
}
