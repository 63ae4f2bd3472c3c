//! Recording screened listings in a store: each batch of decisions, and what the batch
//! taught about its sellers, in one transaction.

use saring_core::{Decision, Listing, Verdict};
use saring_engine::{EngineConfig, bundled};
use saring_images::{BankEntry, FetchLimits, ImageBanks, ImageDetector, ImageFetcher};
use saring_pdq::PdqHash;
use saring_sellers::{DeploymentSecret, SellerLinkDetector};
use saring_store::canonical::sha256_hex;
use saring_store::{BankEntryRecord, PreparedDecision, RecordSummary, Screened, Store};

use crate::linker::{LinkObserver, Observed, SellerLinker};
use crate::{Result, ServiceError, now_ms};

/// A store being recorded into, with the seller link index, and what was recorded so far.
pub struct Recorder {
    store: Store,
    linker: SellerLinker,
    totals: RecordSummary,
}

/// One screened listing made ready to record: its decision, and its seller as seen on it.
pub struct PreparedListing {
    decision: PreparedDecision,
    seller: Option<Observed>,
}

/// A batch of prepared listings.
#[derive(Default)]
pub struct PreparedBatch {
    decisions: Vec<PreparedDecision>,
    /// The seller seen on each listing, in the order of `decisions`.
    sellers: Vec<Option<Observed>>,
}

impl PreparedBatch {
    /// Adds one listing.
    pub fn push(&mut self, prepared: PreparedListing) {
        self.decisions.push(prepared.decision);
        self.sellers.push(prepared.seller);
    }

    /// Listings in the batch.
    pub fn len(&self) -> usize {
        self.decisions.len()
    }

    /// Whether the batch holds no listing.
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
    }
}

/// A stored bank entry as the image detector's; `None` when its hash is unreadable.
pub fn bank_entry(record: &BankEntryRecord) -> Option<BankEntry> {
    let hash: PdqHash = record.hash_hex.parse().ok()?;
    Some(BankEntry {
        bank: record.bank.clone(),
        hash,
        source: record.source.clone(),
        case_id: record.case_id.clone(),
        added_by: record.added_by.clone(),
        added_at: record.added_at.clone(),
    })
}

/// Whether listing photos given as file paths may be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalPhotos {
    /// The operator's own files (the CLI).
    Allowed,
    /// Refused: an HTTP caller must not make the server read its files.
    Refused,
}

/// An image fetcher with the default size and time limits.
pub fn image_fetcher(local: LocalPhotos) -> Result<ImageFetcher> {
    let limits = FetchLimits {
        allow_paths: local == LocalPhotos::Allowed,
        ..FetchLimits::default()
    };
    ImageFetcher::new(limits)
        .map_err(|error| ServiceError::Images(format!("cannot start the image fetcher: {error}")))
}

/// The image detector matching listing photos against `entries`.
pub fn image_detector(entries: Vec<BankEntry>, local: LocalPhotos) -> Result<ImageDetector> {
    let banks = ImageBanks::new(entries)
        .map_err(|error| ServiceError::Images(format!("cannot index the hash banks: {error}")))?;
    Ok(ImageDetector::new(banks, image_fetcher(local)?))
}

/// Makes screened listings ready to record, in parallel and off the writer: the seller as
/// seen on each listing, the decision with its evidence. Make one per run and share it
/// across threads (a clone copies the deployment secret).
#[derive(Clone)]
pub struct ListingPreparer {
    observer: LinkObserver,
}

impl ListingPreparer {
    /// Makes a decision ready to record. A review or block keeps what a re-listing detector
    /// needs: the normalised text and the photos' PDQ hashes (photos that cannot be read are
    /// left out); an allow keeps neither. The seller's fingerprint as seen on the listing is
    /// prepared too.
    pub fn prepare(&self, listing: &Listing, decision: &Decision) -> Result<PreparedListing> {
        let photo_hashes = self.observer.photos().take(listing);
        let seller = self.observer.observe(listing, &photo_hashes, decision);
        let (image_hashes, normalised_text) = if decision.decision == Verdict::Allow {
            (Vec::new(), String::new())
        } else {
            let text = format!("{}\n{}", listing.title, listing.description);
            (
                photo_hashes,
                saring_normalise::normalise(&text).text().to_string(),
            )
        };
        let screened = Screened {
            listing,
            decision,
            image_hashes: &image_hashes,
            normalised_text: &normalised_text,
        };
        Ok(PreparedListing {
            decision: PreparedDecision::new(&screened)?,
            seller,
        })
    }
}

impl Recorder {
    /// Loads the seller link index from `store` with the deployment secret, and records
    /// the configuration in force (an audit entry when the lexicon, policy or model changed
    /// since the last run).
    pub async fn open(
        store: Store,
        secret: DeploymentSecret,
        config: &EngineConfig,
        model_version: &str,
        local: LocalPhotos,
    ) -> Result<Self> {
        let now = now_ms();
        let texts: [(&str, &str, &[u8]); 3] = [
            (
                "lexicon",
                "lexicon@",
                config
                    .lexicon
                    .as_deref()
                    .unwrap_or(bundled::LEXICON)
                    .as_bytes(),
            ),
            (
                "policy",
                "policy@",
                config
                    .policy
                    .as_deref()
                    .unwrap_or(bundled::POLICY)
                    .as_bytes(),
            ),
            (
                "model",
                "classifier@",
                config.model.as_deref().unwrap_or(bundled::MODEL),
            ),
        ];
        for (kind, prefix, content) in texts {
            let version = model_version
                .split('+')
                .find(|part| part.starts_with(prefix))
                .unwrap_or(prefix);
            store
                .record_config(kind, version, &sha256_hex(content), now)
                .await?;
        }
        let linker = SellerLinker::load(&store, secret, image_fetcher(local)?).await?;
        Ok(Self {
            store,
            linker,
            totals: RecordSummary::default(),
        })
    }

    /// The detector linking sellers to sanctioned sellers and listings to listings taken
    /// down, over the store's records as they were when the recorder opened.
    pub fn seller_detector(&self) -> SellerLinkDetector {
        self.linker.detector()
    }

    /// What sees sellers for this recorder, and reloads its link index from the store.
    pub fn link_observer(&self) -> LinkObserver {
        self.linker.observer().clone()
    }

    /// The entries of the store's enabled hash banks, and the stored hashes that could not
    /// be read (bank name, hash text).
    pub async fn enabled_bank_entries(&self) -> Result<(Vec<BankEntry>, Vec<(String, String)>)> {
        let records = self.store.enabled_bank_entries().await?;
        let mut entries = Vec::with_capacity(records.len());
        let mut unreadable = Vec::new();
        for record in &records {
            match bank_entry(record) {
                Some(entry) => entries.push(entry),
                None => unreadable.push((record.bank.clone(), record.hash_hex.clone())),
            }
        }
        Ok((entries, unreadable))
    }

    /// What prepares listings for this recorder, on any thread.
    pub fn preparer(&self) -> ListingPreparer {
        ListingPreparer {
            observer: self.linker.observer().clone(),
        }
    }

    /// Records one batch in one transaction: its decisions, and its sellers' fingerprints,
    /// keyed identifiers and links. Returns what the batch did.
    pub async fn record(&mut self, batch: PreparedBatch) -> Result<RecordSummary> {
        self.record_listings(&batch.decisions, batch.sellers.iter().flatten())
            .await
    }

    /// Records each listing of the batch: all in one transaction when that commits, else
    /// each in a transaction of its own, so that a listing the store refuses fails alone
    /// and never takes the others of its batch down with it. One outcome per listing, in
    /// batch order.
    pub async fn record_isolated(&mut self, batch: PreparedBatch) -> Vec<Result<(), String>> {
        let together = self
            .record_listings(&batch.decisions, batch.sellers.iter().flatten())
            .await;
        match together {
            Ok(_) => vec![Ok(()); batch.len()],
            Err(error) if batch.len() == 1 => vec![Err(error.to_string())],
            Err(_) => {
                let mut outcomes = Vec::with_capacity(batch.len());
                for (decision, seller) in batch.decisions.iter().zip(&batch.sellers) {
                    let alone = self
                        .record_listings(std::slice::from_ref(decision), seller.iter())
                        .await;
                    outcomes.push(alone.map(|_| ()).map_err(|error| error.to_string()));
                }
                outcomes
            }
        }
    }

    /// Records decisions and what they taught about their sellers in one transaction.
    async fn record_listings(
        &mut self,
        decisions: &[PreparedDecision],
        sellers: impl Iterator<Item = &Observed>,
    ) -> Result<RecordSummary> {
        let now = now_ms();
        let updates = self.linker.updates(sellers, now)?;
        let done = self
            .store
            .record_screening(decisions, &updates, now)
            .await?;
        self.totals.recorded += done.recorded;
        self.totals.unchanged += done.unchanged;
        self.totals.cases_opened += done.cases_opened;
        self.totals.cases_updated += done.cases_updated;
        Ok(done)
    }

    /// Describes what was recorded since the recorder opened.
    pub fn report(&self) -> String {
        let totals = &self.totals;
        let (sellers, links) = self.linker.totals();
        format!(
            "  store: {} decisions recorded, {} unchanged (screened before); cases opened {}, updated {}\n  \
             sellers: {sellers} fingerprints updated, {links} links to sanctioned sellers recorded",
            totals.recorded, totals.unchanged, totals.cases_opened, totals.cases_updated
        )
    }
}
