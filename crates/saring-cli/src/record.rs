//! `saring scan --store`: records each chunk of decisions in one store transaction, and
//! what the chunk taught about its sellers in another.

use anyhow::Context;
use saring_core::{Decision, Listing, Verdict};
use saring_engine::{EngineConfig, bundled};
use saring_images::{BankEntry, FetchLimits, ImageFetcher};
use saring_sellers::SellerLinkDetector;
use saring_store::canonical::sha256_hex;
use saring_store::{PreparedDecision, RecordSummary, Screened};

use crate::banks::bank_entry;
use crate::sellers::{Observed, SecretArgs, SellerLinker, deployment_secret};
use crate::store::{Connected, now_ms};

/// The scan's connection to the store and what it recorded so far.
pub struct Recorder {
    connected: Connected,
    linker: SellerLinker,
    totals: RecordSummary,
}

/// One screened listing made ready to record: its decision, and its seller as seen on it.
pub struct PreparedListing {
    decision: PreparedDecision,
    seller: Option<Observed>,
}

/// A chunk of prepared listings.
#[derive(Default)]
pub struct PreparedBatch {
    decisions: Vec<PreparedDecision>,
    sellers: Vec<Observed>,
}

impl PreparedBatch {
    /// Adds one listing.
    pub fn push(&mut self, prepared: PreparedListing) {
        self.decisions.push(prepared.decision);
        self.sellers.extend(prepared.seller);
    }
}

impl Recorder {
    /// Opens the store, loads the seller link index with the deployment secret, and
    /// records the configuration in force (an audit entry when the lexicon, policy or model
    /// changed since the last run).
    pub fn open(
        url: &str,
        secret: &SecretArgs,
        config: &EngineConfig,
        model_version: &str,
    ) -> anyhow::Result<Self> {
        let connected = Connected::open(url)?;
        let now = now_ms();
        let secret = deployment_secret(secret, &connected, now)?;
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
            connected.run(connected.store.record_config(
                kind,
                version,
                &sha256_hex(content),
                now,
            ))?;
        }
        let fetcher =
            ImageFetcher::new(FetchLimits::default()).context("cannot start the image fetcher")?;
        let linker = SellerLinker::load(&connected, secret, fetcher)
            .context("cannot load the seller link index from the store")?;
        Ok(Self {
            connected,
            linker,
            totals: RecordSummary::default(),
        })
    }

    /// The detector linking sellers to sanctioned sellers and listings to listings taken
    /// down, over the store's records as they were when the scan began.
    pub fn seller_detector(&self) -> SellerLinkDetector {
        self.linker.detector()
    }

    /// The entries of the store's enabled hash banks.
    pub fn enabled_bank_entries(&self) -> anyhow::Result<Vec<BankEntry>> {
        let records = self
            .connected
            .run(self.connected.store.enabled_bank_entries())?;
        let mut entries = Vec::with_capacity(records.len());
        for record in &records {
            match bank_entry(record) {
                Some(entry) => entries.push(entry),
                None => eprintln!(
                    "saring: warning: bank {} holds an unreadable hash {:?} (skipped)",
                    record.bank, record.hash_hex
                ),
            }
        }
        Ok(entries)
    }

    /// Makes a decision ready to record (run in parallel by the scan). A review or block
    /// keeps what a re-listing detector needs: the normalised text and the photos' PDQ
    /// hashes (photos that cannot be read are left out); an allow keeps neither. The
    /// seller's fingerprint as seen on the listing is prepared too.
    pub fn prepare(
        &self,
        listing: &Listing,
        decision: &Decision,
    ) -> anyhow::Result<PreparedListing> {
        let photo_hashes = self.linker.photos().take(listing);
        let seller = self.linker.observe(listing, &photo_hashes, decision);
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

    /// Records one chunk: its decisions in one transaction, then its sellers'
    /// fingerprints, keyed identifiers and links in another.
    pub fn record(&mut self, batch: PreparedBatch) -> anyhow::Result<()> {
        let now = now_ms();
        let done = self
            .connected
            .run(self.connected.store.record_decisions(&batch.decisions, now))
            .context("cannot record decisions in the store")?;
        let updates = self.linker.updates(batch.sellers, now)?;
        self.connected
            .run(self.connected.store.update_sellers(&updates, now))
            .context("cannot record sellers in the store")?;
        self.totals.recorded += done.recorded;
        self.totals.unchanged += done.unchanged;
        self.totals.cases_opened += done.cases_opened;
        self.totals.cases_updated += done.cases_updated;
        Ok(())
    }

    /// Closes the store and describes what was recorded.
    pub fn finish(self) -> String {
        let totals = self.totals;
        let (sellers, links) = self.linker.totals();
        self.connected.close();
        format!(
            "  store: {} decisions recorded, {} unchanged (screened before); cases opened {}, updated {}\n  \
             sellers: {sellers} fingerprints updated, {links} links to sanctioned sellers recorded",
            totals.recorded, totals.unchanged, totals.cases_opened, totals.cases_updated
        )
    }
}
