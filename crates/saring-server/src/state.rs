//! What every handler shares: the store, the screener, the group-commit writer, metrics and
//! the key cache.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use saring_core::{Decision, EnforcementPolicy, Listing, Principal};
use saring_service::{ListingPreparer, PreparedListing};
use saring_store::Store;
use tokio::sync::{mpsc, oneshot};

use crate::engine::{LexiconInForce, Loaded, ScreenerSource};
use crate::error::ApiError;
use crate::metrics::Metrics;
use crate::writer::WriteJob;

/// The writer's answer for one listing: its decision once committed, or why not.
pub type Committed = oneshot::Receiver<Result<Decision, String>>;

/// How long an authenticated key is trusted without asking the store again: a revoked key
/// stops working within this time.
pub const KEY_CACHE_TTL: Duration = Duration::from_secs(5);

/// A listing screened and made ready to record.
pub struct Screened {
    /// Its decision.
    pub decision: Decision,
    /// What the writer records (the decision with its evidence, the seller as seen on the
    /// listing), or why it could not be made.
    pub prepared: Result<PreparedListing, String>,
}

/// Most listings without photos screened on the request's own task.
const SCREEN_IN_PLACE_MAX: usize = 4;

/// Shared state of the server.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Shared>,
}

struct Shared {
    store: Store,
    loaded: RwLock<Arc<Loaded>>,
    screeners: ScreenerSource,
    enforcement: EnforcementPolicy,
    preparer: Arc<ListingPreparer>,
    writer: mpsc::Sender<WriteJob>,
    metrics: Metrics,
    keys: Mutex<HashMap<String, (Principal, Instant)>>,
    /// Held while the screener is being built again from the store.
    reloading: tokio::sync::Mutex<()>,
    /// The store's count of this process's changes when the screener was last checked.
    seen_changes: AtomicU64,
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
    /// State over a connected store, a screener built from it (and how to build it
    /// again), what prepares listings for the writer and the writer's queue, and metrics.
    pub fn new(
        store: Store,
        (screeners, loaded): (ScreenerSource, Loaded),
        (preparer, writer): (ListingPreparer, mpsc::Sender<WriteJob>),
        metrics: Metrics,
        policies: Policies,
    ) -> Self {
        Self {
            inner: Arc::new(Shared {
                store,
                loaded: RwLock::new(Arc::new(loaded)),
                screeners,
                enforcement: policies.enforcement,
                preparer: Arc::new(preparer),
                writer,
                metrics,
                keys: Mutex::new(HashMap::new()),
                reloading: tokio::sync::Mutex::new(()),
                seen_changes: AtomicU64::new(0),
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

    /// The screener in force and what it was built from.
    fn loaded(&self) -> Arc<Loaded> {
        Arc::clone(
            &self
                .inner
                .loaded
                .read()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    /// The lexicon the screener uses now.
    pub fn lexicon(&self) -> LexiconInForce {
        self.loaded().lexicon.clone()
    }

    /// The screener after a change this server made to the store (activating a lexicon,
    /// changing hash banks): built again from the store, and the lexicon it uses now.
    pub async fn reload_screener(&self) -> Result<LexiconInForce, ApiError> {
        self.follow_store().await?;
        Ok(self.lexicon())
    }

    /// Brings what the server holds in memory up to the store: when the generations of the
    /// seller sanctions, hash banks or lexicon moved since the screener was built, loads the
    /// link index again (sellers) and builds the screener again. Cheap when nothing moved
    /// (one small query).
    pub async fn follow_store(&self) -> Result<(), ApiError> {
        let store = &self.inner.store;
        let _reloading = self.inner.reloading.lock().await;
        // Read before the generations: every change it counts is in what they say.
        let changes = store.local_changes();
        let now = store.generations().await?;
        let held = self.loaded().generations;
        if now != held {
            let screeners = &self.inner.screeners;
            if now.sellers != held.sellers {
                screeners
                    .reload_links(store)
                    .await
                    .map_err(ApiError::internal)?;
            }
            let fresh = screeners
                .load(store, now)
                .await
                .map_err(ApiError::internal)?;
            *self
                .inner
                .loaded
                .write()
                .unwrap_or_else(PoisonError::into_inner) = Arc::new(fresh);
        }
        self.inner.seen_changes.store(changes, Ordering::Release);
        Ok(())
    }

    /// Follows the store first when this process changed it since the last look, so a
    /// change made through this server (a ban, a bank, a lexicon) applies to the very next
    /// listing; changes by other processes arrive with [`crate::FOLLOW_STORE_EVERY`].
    async fn follow_own_changes(&self) -> Result<(), ApiError> {
        let seen = self.inner.seen_changes.load(Ordering::Acquire);
        if self.inner.store.local_changes() != seen {
            self.follow_store().await?;
        }
        Ok(())
    }

    /// Screens listings and makes them ready to record. A few listings without photos take
    /// tens of microseconds and are screened in place; photos (which may wait on the
    /// network) and batches go to the blocking pool.
    pub async fn screen(&self, listings: Vec<Listing>) -> Result<Vec<Screened>, ApiError> {
        self.follow_own_changes().await?;
        let in_place = listings.len() <= SCREEN_IN_PLACE_MAX
            && listings.iter().all(|listing| listing.images.is_empty());
        let loaded = self.loaded();
        let preparer = Arc::clone(&self.inner.preparer);
        let screen_all = move || {
            listings
                .iter()
                .map(|listing| {
                    let decision = loaded.screener.screen(listing);
                    let prepared = preparer
                        .prepare(listing, &decision)
                        .map_err(|error| error.to_string());
                    Screened { decision, prepared }
                })
                .collect()
        };
        if in_place {
            Ok(screen_all())
        } else {
            tokio::task::spawn_blocking(screen_all)
                .await
                .map_err(ApiError::internal)
        }
    }

    /// Hands a screened listing to the writer; the receiver learns when it is committed.
    pub async fn enqueue(&self, screened: Screened) -> Result<Committed, ApiError> {
        let (done, committed) = oneshot::channel();
        match screened.prepared {
            Ok(prepared) => self
                .inner
                .writer
                .send(WriteJob {
                    prepared,
                    decision: screened.decision,
                    done,
                })
                .await
                .map_err(|_| ApiError::unavailable("the server is shutting down"))?,
            Err(error) => {
                // Nothing to record: the receiver learns why at once.
                let _ = done.send(Err(error));
            }
        }
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
    pub async fn record(&self, screened: Screened) -> Result<Decision, ApiError> {
        let committed = self.enqueue(screened).await?;
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
