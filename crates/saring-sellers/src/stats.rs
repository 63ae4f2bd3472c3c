//! Commonness: how many distinct sellers hold each value. The precision core of linking:
//! a value many sellers share (a courier hotline, a mall's address without a unit, a
//! brand's stock photo, a boilerplate sentence) says nothing about who a seller is, so a
//! value held by more than `max_sharing_sellers` sellers never links.

use std::collections::{BTreeSet, HashMap};

use saring_hamming::HammingIndex;

use crate::SellersError;
use crate::fingerprint::SellerFingerprint;
use crate::keyed::KeyedIdentifier;
use crate::photo::PdqHash;

/// Distinct-seller counts per keyed identifier, per text shingle and per photo (photos
/// within the photo radius of each other count as one value).
///
/// Counts change only through [`add`](Self::add) and [`remove`](Self::remove) of whole
/// fingerprints, so an update of a seller is `remove(old)` then `add(new)`.
#[derive(Debug, Clone)]
pub struct ValueStats {
    photo_radius: u32,
    identifiers: HashMap<KeyedIdentifier, u32>,
    shingles: HashMap<u64, u32>,
    /// Every seller's photos, with the seller's key as id.
    photos: HammingIndex,
}

impl ValueStats {
    /// Empty statistics; photos within `photo_radius` bits are one value.
    pub fn new(photo_radius: u32) -> Self {
        Self {
            photo_radius,
            identifiers: HashMap::new(),
            shingles: HashMap::new(),
            photos: HammingIndex::new(),
        }
    }

    /// Counts the values of one seller (each value once, however often the seller uses it).
    pub fn add(&mut self, fingerprint: &SellerFingerprint) -> Result<(), SellersError> {
        for identifier in fingerprint.distinct_identifiers() {
            *self.identifiers.entry(identifier.clone()).or_default() += 1;
        }
        for shingle in seller_shingles(fingerprint) {
            *self.shingles.entry(shingle).or_default() += 1;
        }
        let key = fingerprint.seller.key();
        for photo in &fingerprint.photos {
            self.photos.insert(photo.0, key)?;
        }
        Ok(())
    }

    /// Uncounts the values of a fingerprint given to [`add`](Self::add) before.
    pub fn remove(&mut self, fingerprint: &SellerFingerprint) {
        for identifier in fingerprint.distinct_identifiers() {
            decrement(&mut self.identifiers, identifier);
        }
        for shingle in seller_shingles(fingerprint) {
            decrement(&mut self.shingles, &shingle);
        }
        let key = fingerprint.seller.key();
        for photo in &fingerprint.photos {
            self.photos.remove(&photo.0, key);
        }
    }

    /// Distinct sellers counted with this identifier.
    pub fn identifier_sellers(&self, identifier: &KeyedIdentifier) -> u32 {
        self.identifiers.get(identifier).copied().unwrap_or(0)
    }

    /// Distinct sellers counted with this text shingle.
    pub fn shingle_sellers(&self, shingle: u64) -> u32 {
        self.shingles.get(&shingle).copied().unwrap_or(0)
    }

    /// Distinct sellers with a photo within the photo radius of `photo`, counting the
    /// seller with key `asking` too (whether or not it is counted already).
    pub(crate) fn photo_sellers_with(&self, photo: &PdqHash, asking: u64) -> u32 {
        let holders: BTreeSet<u64> = self
            .photos
            .query(&photo.0, self.photo_radius)
            .into_iter()
            .map(|found| found.id)
            .chain([asking])
            .collect();
        u32::try_from(holders.len()).unwrap_or(u32::MAX)
    }
}

/// The distinct shingles over all texts of a seller.
pub(crate) fn seller_shingles(fingerprint: &SellerFingerprint) -> BTreeSet<u64> {
    fingerprint
        .texts
        .iter()
        .flat_map(|text| text.shingles.iter().copied())
        .collect()
}

fn decrement<K: std::hash::Hash + Eq>(counts: &mut HashMap<K, u32>, key: &K) {
    if let Some(count) = counts.get_mut(key) {
        *count -= 1;
        if *count == 0 {
            counts.remove(key);
        }
    }
}
