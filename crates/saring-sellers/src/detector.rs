//! The detector: a listing's seller linked to a banned seller, or a listing that is a
//! near-duplicate of one taken down, becomes a signal for the policy.

use std::sync::Arc;

use saring_core::{Detector, Listing, Signal, SignalKind};

use crate::fingerprint::{ListingSketch, SellerFingerprint};
use crate::index::{LinkEvidence, LinkIndex};
use crate::keyed::DeploymentSecret;
use crate::photo::PdqHash;

/// Name of the signal for a seller linked to a banned or sanctioned seller.
pub const LINK_SIGNAL_NAME: &str = "linked_to_banned_seller";
/// Name of the signal for a near-duplicate of a listing taken down.
pub const RELISTING_SIGNAL_NAME: &str = "relisting_of_taken_down_listing";
/// Strength of both signals: above the policy's review threshold (0.5) and below its
/// family agreement (0.7), so a link sends a listing to review but never counts towards a
/// block: a false link must not punish an innocent seller.
pub const SIGNAL_SCORE: f64 = 0.6;

/// Gives the PDQ hashes of a listing's photos (computed and cached by the caller).
pub type PhotoHashes = dyn Fn(&Listing) -> Vec<PdqHash> + Send + Sync;

/// Emits `seller_link` and `relisting` signals from a snapshot of a [`LinkIndex`].
pub struct SellerLinkDetector {
    index: Arc<LinkIndex>,
    secret: DeploymentSecret,
    photo_hashes: Option<Box<PhotoHashes>>,
}

impl SellerLinkDetector {
    /// A detector over `index`, keying identifiers with `secret` (the one the index was
    /// built with). Without [`with_photo_hashes`](Self::with_photo_hashes) photos are not
    /// compared.
    pub fn new(index: Arc<LinkIndex>, secret: DeploymentSecret) -> Self {
        Self {
            index,
            secret,
            photo_hashes: None,
        }
    }

    /// Uses `photo_hashes` to get the PDQ hashes of a listing's photos.
    pub fn with_photo_hashes(
        mut self,
        photo_hashes: impl Fn(&Listing) -> Vec<PdqHash> + Send + Sync + 'static,
    ) -> Self {
        self.photo_hashes = Some(Box::new(photo_hashes));
        self
    }

    /// The seller's fingerprint: what the index knows about it, with this listing added.
    fn seller_fingerprint(
        &self,
        listing: &Listing,
        photos: &[PdqHash],
    ) -> Option<SellerFingerprint> {
        let seen = SellerFingerprint::from_listing(listing, photos, &self.secret).ok()?;
        match self.index.get(&seen.seller) {
            Some((stored, _)) => {
                let mut merged = stored.clone();
                merged.merge(seen).ok()?;
                Some(merged)
            }
            None => Some(seen),
        }
    }
}

fn joined(evidence: &[LinkEvidence]) -> String {
    evidence
        .iter()
        .map(|e| e.detail.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

impl Detector for SellerLinkDetector {
    fn name(&self) -> &str {
        "sellers"
    }

    fn version(&self) -> String {
        let config = self.index.config();
        format!(
            "sellers@k{}-d{}-j{}",
            config.max_sharing_sellers, config.photo_max_distance, config.text_min_jaccard
        )
    }

    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>) {
        let photos = self
            .photo_hashes
            .as_ref()
            .map(|hashes| hashes(listing))
            .unwrap_or_default();
        if let Some(fingerprint) = self.seller_fingerprint(listing, &photos) {
            for link in self.index.links_for(&fingerprint) {
                signals.push(Signal {
                    kind: SignalKind::SellerLink,
                    name: LINK_SIGNAL_NAME.to_string(),
                    category: None,
                    score: SIGNAL_SCORE,
                    detail: format!(
                        "linked to banned seller {}: {}",
                        link.target,
                        joined(&link.evidence)
                    ),
                    spans: Vec::new(),
                });
            }
        }
        let sketch = ListingSketch::from_listing(listing, &photos, &self.secret);
        for relisting in self.index.relistings_for(&sketch) {
            signals.push(Signal {
                kind: SignalKind::Relisting,
                name: RELISTING_SIGNAL_NAME.to_string(),
                category: None,
                score: SIGNAL_SCORE,
                detail: format!(
                    "near-duplicate of listing {} taken down: {}",
                    relisting.taken_down,
                    joined(&relisting.evidence)
                ),
                spans: Vec::new(),
            });
        }
    }
}
