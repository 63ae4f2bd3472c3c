//! `saring scan --store`: records each chunk of decisions in one store transaction.

use anyhow::Context;
use saring_core::{Decision, Listing, Verdict};
use saring_engine::{EngineConfig, bundled};
use saring_images::{BankEntry, FetchLimits, ImageFetcher, MAX_IMAGES_PER_LISTING};
use saring_store::canonical::sha256_hex;
use saring_store::{PreparedDecision, RecordSummary, Screened};

use crate::banks::bank_entry;
use crate::store::{Connected, now_ms};

/// The scan's connection to the store and what it recorded so far.
pub struct Recorder {
    connected: Connected,
    fetcher: ImageFetcher,
    totals: RecordSummary,
}

impl Recorder {
    /// Opens the store and records the configuration in force (an audit entry when the
    /// lexicon, policy or model changed since the last run).
    pub fn open(url: &str, config: &EngineConfig, model_version: &str) -> anyhow::Result<Self> {
        let connected = Connected::open(url)?;
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
            connected.run(connected.store.record_config(
                kind,
                version,
                &sha256_hex(content),
                now,
            ))?;
        }
        let fetcher =
            ImageFetcher::new(FetchLimits::default()).context("cannot start the image fetcher")?;
        Ok(Self {
            connected,
            fetcher,
            totals: RecordSummary::default(),
        })
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
    /// hashes (photos that cannot be read are left out); an allow keeps neither.
    pub fn prepare(
        &self,
        listing: &Listing,
        decision: &Decision,
    ) -> anyhow::Result<PreparedDecision> {
        let (image_hashes, normalised_text) = if decision.decision == Verdict::Allow {
            (Vec::new(), String::new())
        } else {
            let text = format!("{}\n{}", listing.title, listing.description);
            let hashes = listing
                .images
                .iter()
                .take(MAX_IMAGES_PER_LISTING)
                .filter_map(|image| self.fetcher.fetch(image).ok())
                .filter_map(|bytes| saring_pdq::hash_bytes(&bytes).ok())
                .map(|hashed| hashed.hash.to_hex())
                .collect();
            (
                hashes,
                saring_normalise::normalise(&text).text().to_string(),
            )
        };
        let screened = Screened {
            listing,
            decision,
            image_hashes: &image_hashes,
            normalised_text: &normalised_text,
        };
        Ok(PreparedDecision::new(&screened)?)
    }

    /// Records one chunk in one transaction.
    pub fn record(&mut self, batch: &[PreparedDecision]) -> anyhow::Result<()> {
        let done = self
            .connected
            .run(self.connected.store.record_decisions(batch, now_ms()))
            .context("cannot record decisions in the store")?;
        self.totals.recorded += done.recorded;
        self.totals.unchanged += done.unchanged;
        self.totals.cases_opened += done.cases_opened;
        self.totals.cases_updated += done.cases_updated;
        Ok(())
    }

    /// Closes the store and describes what was recorded.
    pub fn finish(self) -> String {
        let totals = self.totals;
        self.connected.close();
        format!(
            "  store: {} decisions recorded, {} unchanged (screened before); cases opened {}, updated {}",
            totals.recorded, totals.unchanged, totals.cases_opened, totals.cases_updated
        )
    }
}
