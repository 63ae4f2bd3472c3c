//! What every handler shares: the store, the screener, the group-commit writer, metrics and
//! the key cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use saring_core::{Decision, EnforcementPolicy, Listing, Principal};
use saring_engine::Screener;
use saring_store::Store;
use tokio::sync::{mpsc, oneshot};

use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::writer::WriteJob;

/// The writer's answer for one listing: its decision once committed, or why not.
pub type Committed = oneshot::Receiver<Result<Decision, String>>;

/// How long an authenticated key is trusted without asking the store again: a revoked key
/// stops working within this time.
pub const KEY_CACHE_TTL: Duration = Duration::from_secs(5);

/// Shared state of the server.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
}

struct Shared {
    store: Store,
    screener: Screener,
    enforcement: EnforcementPolicy,
    writer: mpsc::Sender<WriteJob>,
    metrics: Metrics,
    keys: Mutex<HashMap<String, (Principal, Instant)>>,
    batch_max_items: usize,
    claim_ms: i64,
}

/// Limits and policies the handlers apply.
pub struct Policies {
    /// Enforcement policy for confirmed cases and appeals.
    pub enforcement: EnforcementPolicy,
    /// Most listings in one batch request.
    pub batch_max_items: usize,
    /// How long a claim lasts (ms).
    pub claim_ms: i64,
}

impl AppState {
    /// State over a connected store, a screener wired to it, the writer's queue and metrics.
    pub fn new(
        store: Store,
        screener: Screener,
        writer: mpsc::Sender<WriteJob>,
        metrics: Metrics,
        policies: Policies,
    ) -> Self {
        Self {
            inner: Arc::new(Shared {
                store,
                screener,
                enforcement: policies.enforcement,
                writer,
                metrics,
                keys: Mutex::new(HashMap::new()),
                batch_max_items: policies.batch_max_items,
                claim_ms: policies.claim_ms,
            }),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The enforcement policy.
    pub fn enforcement(&self) -> &EnforcementPolicy {
        &self.inner.enforcement
    }

    /// Most listings in one batch request.
    pub fn batch_max_items(&self) -> usize {
        self.inner.batch_max_items
    }

    /// How long a claim lasts (ms).
    pub fn claim_ms(&self) -> i64 {
        self.inner.claim_ms
    }

    /// Screens listings on the blocking pool (the engine is CPU-bound and may read photos).
    pub async fn screen(
        &self,
        listings: Vec<Listing>,
    ) -> Result<Vec<(Listing, Decision)>, ApiError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            listings
                .into_iter()
                .map(|listing| {
                    let decision = state.inner.screener.screen(&listing);
                    (listing, decision)
                })
                .collect()
        })
        .await
        .map_err(ApiError::internal)
    }

    /// Hands a screened listing to the writer; the receiver learns when it is committed.
    pub async fn enqueue(
        &self,
        listing: Listing,
        decision: Decision,
    ) -> Result<Committed, ApiError> {
        let (done, committed) = oneshot::channel();
        self.inner
            .writer
            .send(WriteJob {
                listing,
                decision,
                done,
            })
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        Ok(committed)
    }

    /// Waits until an enqueued listing's batch is committed and counts its decision.
    pub async fn committed(&self, committed: Committed) -> Result<Decision, ApiError> {
        let decision = committed
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?
            .map_err(ApiError::internal)?;
        self.inner
            .metrics
            .count_decision(decision.decision.as_str());
        Ok(decision)
    }

    /// Hands a screened listing to the writer and waits until its batch is committed.
    pub async fn record(&self, listing: Listing, decision: Decision) -> Result<Decision, ApiError> {
        let committed = self.enqueue(listing, decision).await?;
        self.committed(committed).await
    }

    /// The principal of `key`, from the cache or the store; `None` for any key that does
    /// not authenticate.
    pub async fn authenticate(&self, key: &str) -> Result<Option<Principal>, ApiError> {
        let cached = self
            .inner
            .keys
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .filter(|(_, at)| at.elapsed() < KEY_CACHE_TTL)
            .map(|(principal, _)| principal.clone());
        if cached.is_some() {
            return Ok(cached);
        }
        let principal = self.inner.store.authenticate_api_key(key).await?;
        let mut keys = self
            .inner
            .keys
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        keys.retain(|_, (_, at)| at.elapsed() < KEY_CACHE_TTL);
        if let Some(principal) = &principal {
            keys.insert(key.to_string(), (principal.clone(), Instant::now()));
        }
        Ok(principal)
    }
}
