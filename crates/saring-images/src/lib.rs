//! Image screening: a listing's photos are read (local path, base64, or an http(s) URL
//! fetched with a timeout, a size cap and a content-type check), hashed with PDQ, and
//! looked up in the enabled hash banks through an exact Hamming-radius index. Every match
//! becomes a signal naming the bank, the distance and the entry's metadata.

mod bank;
mod fetch;
pub mod hash_list;

pub use bank::{BankEntry, BankMatch, ImageBanks};
pub use fetch::{FetchError, FetchLimits, ImageFetcher};

use saring_core::{Detector, Listing, Signal, SignalKind};

/// Most photos of one listing that are examined.
pub const MAX_IMAGES_PER_LISTING: usize = 10;

/// The detector: photos -> PDQ hashes -> bank matches -> signals.
pub struct ImageDetector {
    banks: ImageBanks,
    fetcher: ImageFetcher,
}

impl ImageDetector {
    /// A detector over `banks`, reading photos with `fetcher`.
    pub fn new(banks: ImageBanks, fetcher: ImageFetcher) -> Self {
        Self { banks, fetcher }
    }

    /// Strength of a match: near-identical copies are strong, copies near the match
    /// threshold (31 bits) weaker.
    fn strength(distance: u32) -> f64 {
        let d = f64::from(distance.min(saring_pdq::MATCH_MAX_DISTANCE));
        1.0 - 0.3 * d / f64::from(saring_pdq::MATCH_MAX_DISTANCE)
    }
}

impl Detector for ImageDetector {
    fn name(&self) -> &str {
        "images"
    }

    fn version(&self) -> String {
        format!("images@pdq-{}", self.banks.fingerprint())
    }

    fn detect(&self, listing: &Listing, signals: &mut Vec<Signal>) {
        if self.banks.is_empty() {
            return;
        }
        for (number, image) in listing
            .images
            .iter()
            .take(MAX_IMAGES_PER_LISTING)
            .enumerate()
        {
            // A photo that cannot be read is no evidence either way; the listing is still
            // screened on everything else.
            let Ok(bytes) = self.fetcher.fetch(image) else {
                continue;
            };
            let Ok(decoded) = saring_pdq::decode_image(&bytes) else {
                continue;
            };
            for found in self.banks.lookup(&decoded) {
                let entry = &found.entry;
                signals.push(Signal {
                    kind: SignalKind::ImageMatch,
                    name: entry.bank.clone(),
                    category: None,
                    score: Self::strength(found.distance),
                    detail: format!(
                        "photo {} matches bank \"{}\" entry {} at distance {}{}",
                        number + 1,
                        entry.bank,
                        entry.hash.to_hex(),
                        found.distance,
                        entry.describe()
                    ),
                    spans: Vec::new(),
                });
            }
        }
    }
}
