//! The screener the server runs, and how it is built again when an admin activates a
//! lexicon version or changes the hash banks, without a restart.

use std::sync::Arc;

use saring_engine::{EngineConfig, Screener};
use saring_sellers::SellerLinkDetector;
use saring_service::{LocalPhotos, bank_entry, image_detector};
use saring_store::Store;
use saring_text::Lexicon;
use serde::Serialize;

use crate::ServerError;

/// Where the lexicon in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LexiconSource {
    /// A file named when the server started (store activations do not replace it).
    File,
    /// The version activated in the store.
    Store,
    /// The lexicon bundled with saring (nothing activated in the store yet).
    Bundled,
}

/// The lexicon the screener uses now.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LexiconInForce {
    /// The lexicon's `version`.
    pub version: String,
    /// Where it comes from.
    pub source: LexiconSource,
    /// Its text (TOML).
    pub toml: String,
}

/// The lexicon in force: the file named at start (`engine.lexicon`), else the store's
/// active version, else the bundled one.
pub async fn lexicon_in_force(
    engine: &EngineConfig,
    store: &Store,
) -> Result<LexiconInForce, ServerError> {
    let (toml, source) = match &engine.lexicon {
        Some(text) => (text.clone(), LexiconSource::File),
        None => match store.active_lexicon().await? {
            Some(version) => (version.toml, LexiconSource::Store),
            None => (
                saring_engine::bundled::LEXICON.to_string(),
                LexiconSource::Bundled,
            ),
        },
    };
    let version = Lexicon::from_toml(&toml)
        .map_err(saring_engine::EngineError::from)?
        .version()
        .to_string();
    Ok(LexiconInForce {
        version,
        source,
        toml,
    })
}

/// A screener with what it was built from.
pub struct Loaded {
    /// Screens listings.
    pub screener: Screener,
    /// Its lexicon.
    pub lexicon: LexiconInForce,
}

/// What every build of the screener starts from: the engine configuration given at start
/// and the seller-link detector, which is kept across builds.
pub struct ScreenerSource {
    engine: EngineConfig,
    sellers: Arc<SellerLinkDetector>,
}

impl ScreenerSource {
    /// A source over the configuration given at start (`engine.lexicon` set when a file was
    /// named) and the seller-link detector.
    pub fn new(engine: EngineConfig, sellers: SellerLinkDetector) -> Self {
        Self {
            engine,
            sellers: Arc::new(sellers),
        }
    }

    /// Builds the screener from the store as it is now: the lexicon in force, the enabled
    /// hash banks, and the seller-link detector.
    pub async fn load(&self, store: &Store) -> Result<Loaded, ServerError> {
        let lexicon = lexicon_in_force(&self.engine, store).await?;
        let engine = EngineConfig {
            lexicon: Some(lexicon.toml.clone()),
            ..self.engine.clone()
        };
        let mut screener = Screener::from_config(&engine)?;
        let mut entries = Vec::new();
        for record in store.enabled_bank_entries().await? {
            match bank_entry(&record) {
                Some(entry) => entries.push(entry),
                None => eprintln!(
                    "saring serve: warning: bank {} holds an unreadable hash {:?} (skipped)",
                    record.bank, record.hash_hex
                ),
            }
        }
        if !entries.is_empty() {
            screener =
                screener.with_detector(Box::new(image_detector(entries, LocalPhotos::Refused)?));
        }
        screener = screener.with_detector(Box::new(Arc::clone(&self.sellers)));
        Ok(Loaded { screener, lexicon })
    }
}
