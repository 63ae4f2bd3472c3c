//! Text and photo near-duplicate lookup over a set of owners (sanctioned sellers, listings
//! taken down): LSH over MinHash signatures for text candidates, confirmed by the Jaccard
//! similarity of the shingles that are still distinctive; an exact Hamming-radius index
//! for photos.

use std::collections::HashMap;

use saring_hamming::HammingIndex;

use crate::SellersError;
use crate::photo::PdqHash;
use crate::text::{LshIndex, MinHashSignature, jaccard};

/// Thresholds of a near-duplicate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NearDuplicateRule {
    pub(crate) photo_max_distance: u32,
    pub(crate) text_min_jaccard: f64,
    pub(crate) text_min_shared_shingles: usize,
}

/// A text found near a query text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextMatch {
    pub(crate) owner: usize,
    /// The query's listing.
    pub(crate) query_listing: String,
    /// The owner's listing.
    pub(crate) owner_listing: String,
    pub(crate) similarity: f64,
    pub(crate) shared_shingles: usize,
}

/// A photo found near a query photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhotoMatch {
    pub(crate) owner: usize,
    pub(crate) distance: u32,
}

#[derive(Debug, Clone)]
struct IndexedText {
    owner: usize,
    listing_id: String,
    shingles: Vec<u64>,
    live: bool,
}

/// The index. Owners are numbers chosen by the caller.
#[derive(Debug, Clone, Default)]
pub(crate) struct NearDuplicateIndex {
    texts: Vec<IndexedText>,
    texts_of_owner: HashMap<usize, Vec<usize>>,
    photos_of_owner: HashMap<usize, Vec<PdqHash>>,
    lsh: LshIndex,
    photos: HammingIndex,
}

impl NearDuplicateIndex {
    /// Adds an owner's texts (listing id, shingles) and photos. Texts are filed in the LSH
    /// under the signature of their shingles that are `distinctive` now.
    pub(crate) fn insert<'a>(
        &mut self,
        owner: usize,
        texts: impl IntoIterator<Item = (&'a str, &'a [u64])>,
        photos: &[PdqHash],
        distinctive: &dyn Fn(u64) -> bool,
    ) -> Result<(), SellersError> {
        for (listing_id, shingles) in texts {
            let slot = self.texts.len();
            self.texts.push(IndexedText {
                owner,
                listing_id: listing_id.to_string(),
                shingles: shingles.to_vec(),
                live: true,
            });
            self.file_text(slot, distinctive);
            self.texts_of_owner.entry(owner).or_default().push(slot);
        }
        for photo in photos {
            self.photos.insert(photo.0, owner as u64)?;
        }
        self.photos_of_owner
            .entry(owner)
            .or_default()
            .extend_from_slice(photos);
        Ok(())
    }

    fn file_text(&mut self, slot: usize, distinctive: &dyn Fn(u64) -> bool) {
        let kept = filtered(&self.texts[slot].shingles, distinctive);
        if let Some(signature) = MinHashSignature::of(&kept) {
            self.lsh.insert(&signature, slot);
        }
    }

    /// Removes everything of an owner.
    pub(crate) fn remove(&mut self, owner: usize) {
        for slot in self.texts_of_owner.remove(&owner).unwrap_or_default() {
            self.texts[slot].live = false;
        }
        for photo in self.photos_of_owner.remove(&owner).unwrap_or_default() {
            self.photos.remove(&photo.0, owner as u64);
        }
    }

    /// Re-files every live text under the signature of its currently distinctive shingles
    /// (after the statistics changed, e.g. a bulk load), dropping removed texts.
    pub(crate) fn refile_texts(&mut self, distinctive: &dyn Fn(u64) -> bool) {
        self.lsh = LshIndex::default();
        let live: Vec<IndexedText> = self.texts.drain(..).filter(|text| text.live).collect();
        self.texts = live;
        self.texts_of_owner.clear();
        for slot in 0..self.texts.len() {
            self.file_text(slot, distinctive);
            let owner = self.texts[slot].owner;
            self.texts_of_owner.entry(owner).or_default().push(slot);
        }
    }

    /// Indexed texts near the query text: at least `text_min_shared_shingles` distinctive
    /// shingles in common and a Jaccard similarity of distinctive shingles of at least
    /// `text_min_jaccard`.
    pub(crate) fn texts_near(
        &self,
        query_listing: &str,
        query_shingles: &[u64],
        rule: &NearDuplicateRule,
        distinctive: &dyn Fn(u64) -> bool,
    ) -> Vec<TextMatch> {
        let query = filtered(query_shingles, distinctive);
        if query.len() < rule.text_min_shared_shingles {
            return Vec::new();
        }
        let Some(signature) = MinHashSignature::of(&query) else {
            return Vec::new();
        };
        self.lsh
            .candidates(&signature)
            .into_iter()
            .filter_map(|slot| {
                let text = &self.texts[slot];
                if !text.live {
                    return None;
                }
                let candidate = filtered(&text.shingles, distinctive);
                let (similarity, shared) = jaccard(&query, &candidate);
                (similarity >= rule.text_min_jaccard && shared >= rule.text_min_shared_shingles)
                    .then(|| TextMatch {
                        owner: text.owner,
                        query_listing: query_listing.to_string(),
                        owner_listing: text.listing_id.clone(),
                        similarity,
                        shared_shingles: shared,
                    })
            })
            .collect()
    }

    /// Owners with a photo within the photo radius of `photo`, each once at its least
    /// distance.
    pub(crate) fn photos_near(&self, photo: &PdqHash, rule: &NearDuplicateRule) -> Vec<PhotoMatch> {
        let mut matches: Vec<PhotoMatch> = Vec::new();
        // Sorted by distance: the first match of an owner is its closest.
        for found in self.photos.query(&photo.0, rule.photo_max_distance) {
            let owner = usize::try_from(found.id).unwrap_or(usize::MAX);
            if !matches.iter().any(|m| m.owner == owner) {
                matches.push(PhotoMatch {
                    owner,
                    distance: found.distance,
                });
            }
        }
        matches
    }
}

fn filtered(shingles: &[u64], distinctive: &dyn Fn(u64) -> bool) -> Vec<u64> {
    shingles
        .iter()
        .copied()
        .filter(|shingle| distinctive(*shingle))
        .collect()
}
