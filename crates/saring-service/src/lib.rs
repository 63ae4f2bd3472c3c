//! Screen and record against a store: what `saring scan --store` and `saring serve` share.
//!
//! - [`secret`]: the deployment secret keying seller identifiers, checked against the store.
//! - [`linker`]: the seller link index rebuilt from the store, the seller-link detector, and
//!   what a screening run learns about sellers.
//! - [`recorder`]: decisions prepared in parallel and recorded in batches, one transaction
//!   per batch, with the sellers they taught about.
//!
//! The API is async over [`saring_store::Store`]; callers without a runtime drive it with
//! one of their own.

pub mod linker;
pub mod recorder;
pub mod secret;

use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

pub use linker::{LinkObserver, Observed, PhotoHashes, SellerLinker, stored_index};
pub use recorder::{
    ListingPreparer, LocalPhotos, PreparedBatch, PreparedListing, Recorder, bank_entry,
    image_detector, image_fetcher,
};
pub use secret::{SecretSource, deployment_secret};

/// What can go wrong screening and recording against a store.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] saring_store::StoreError),
    /// The deployment secret is missing, unreadable or not the store's.
    #[error("{0}")]
    Secret(String),
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Seller records in the store could not be used.
    #[error("seller records: {0}")]
    Sellers(String),
    /// The image fetcher or hash bank index could not be made.
    #[error("images: {0}")]
    Images(String),
    /// A value could not be turned into JSON or back.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Results of this crate.
pub type Result<T, E = ServiceError> = std::result::Result<T, E>;

/// Now, as unix milliseconds UTC.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
