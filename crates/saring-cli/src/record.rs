//! `saring scan --store`: the shared recorder of saring-service driven from this
//! synchronous program, one store transaction per chunk of decisions.

use anyhow::Context;
use saring_engine::EngineConfig;
use saring_images::BankEntry;
use saring_sellers::SellerLinkDetector;
use saring_service::{PreparedBatch, deployment_secret};

use crate::sellers::SecretArgs;
use crate::store::{Connected, now_ms};

/// The scan's connection to the store and the recorder over it.
pub struct Recorder {
    connected: Connected,
    inner: saring_service::Recorder,
}

impl Recorder {
    /// Opens the store, resolves the deployment secret, loads the seller link index and
    /// records the configuration in force.
    pub fn open(
        url: &str,
        secret: &SecretArgs,
        config: &EngineConfig,
        model_version: &str,
    ) -> anyhow::Result<Self> {
        let connected = Connected::open(url)?;
        let secret = connected.run(deployment_secret(
            &secret.source(),
            &connected.store,
            now_ms(),
        ))?;
        let inner = connected
            .run(saring_service::Recorder::open(
                connected.store.clone(),
                secret,
                config,
                model_version,
                saring_service::LocalPhotos::Allowed,
            ))
            .context("cannot load the seller link index from the store")?;
        Ok(Self { connected, inner })
    }

    /// The detector linking sellers to sanctioned sellers and listings to listings taken
    /// down, over the store's records as they were when the scan began.
    pub fn seller_detector(&self) -> SellerLinkDetector {
        self.inner.seller_detector()
    }

    /// The entries of the store's enabled hash banks; unreadable ones are reported and
    /// skipped.
    pub fn enabled_bank_entries(&self) -> anyhow::Result<Vec<BankEntry>> {
        let (entries, unreadable) = self.connected.run(self.inner.enabled_bank_entries())?;
        for (bank, hash) in unreadable {
            eprintln!("saring: warning: bank {bank} holds an unreadable hash {hash:?} (skipped)");
        }
        Ok(entries)
    }

    /// What prepares decisions in parallel.
    pub fn preparer(&self) -> saring_service::ListingPreparer {
        self.inner.preparer()
    }

    /// Records one chunk.
    pub fn record(&mut self, batch: PreparedBatch) -> anyhow::Result<()> {
        self.connected
            .run(self.inner.record(batch))
            .context("cannot record decisions in the store")?;
        Ok(())
    }

    /// Closes the store and describes what was recorded.
    pub fn finish(self) -> String {
        let report = self.inner.report();
        self.connected.close();
        report
    }
}
