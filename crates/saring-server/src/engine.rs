//! The screener the server runs, and how it is built again, without a restart, when the
//! store's lexicon in force, hash banks or seller sanctions change.

use saring_engine::{EngineConfig, Screener};
use saring_service::{LinkObserver, LocalPhotos, bank_entry, image_detector};
use saring_store::{Generations, Store};
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
    /// The store's generations it is at least as fresh as (read before anything was loaded).
    pub generations: Generations,
}

/// What every build of the screener starts from: the engine configuration given at start
/// and the seller link index (shared with the writer, reloaded in place).
pub struct ScreenerSource {
    engine: EngineConfig,
    links: LinkObserver,
}

impl ScreenerSource {
    /// A source over the configuration given at start (`engine.lexicon` set when a file was
    /// named) and the seller link index.
    pub fn new(engine: EngineConfig, links: LinkObserver) -> Self {
        Self { engine, links }
    }

    /// Loads the seller link index again from the store (for every user of it); the next
    /// [`load`](Self::load) builds a detector over it.
    pub async fn reload_links(&self, store: &Store) -> Result<(), ServerError> {
        Ok(self.links.reload(store).await?)
    }

    /// Builds the screener from the store as it is now: the lexicon in force, the enabled
    /// hash banks, and a seller-link detector over the link index in force. `generations`
    /// were read before anything it is built from was loaded (the link index included).
    pub async fn load(
        &self,
        store: &Store,
        generations: Generations,
    ) -> Result<Loaded, ServerError> {
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
        screener = screener.with_detector(Box::new(self.links.detector()));
        Ok(Loaded {
            screener,
            lexicon,
            generations,
        })
    }
}
