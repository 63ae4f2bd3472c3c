//! The saring store: decisions, cases, enforcement actions and their webhook outbox, appeals,
//! frozen evidence, hash banks, seller records, settings and a hash-chained audit log (with
//! a Merkle tree checked against signed checkpoints, [`transparency`]), on SQLite (one file,
//! WAL) or PostgreSQL, chosen by URL (`sqlite://PATH` or `postgres://...`).
//!
//! One implementation serves both through sqlx's `Any` driver: every query is written in
//! SQL both databases accept (`$N` parameters, `ON CONFLICT`, `RETURNING`); only the DDL
//! differs, in `migrations/sqlite` and `migrations/postgres`. Times are unix milliseconds
//! UTC and are always passed in (`now`), so callers and tests control the clock. Every
//! write runs in one transaction together with its audit entries.

mod api_keys;
mod audit;
mod banks;
pub mod canonical;
mod cases;
mod generations;
mod lexicon_versions;
mod record;
mod rows;
mod sellers;
mod sessions;
mod settings;
mod takedowns;
pub mod transparency;
mod webhooks;

use std::borrow::Cow;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Row, SqlStr};

pub use api_keys::{ApiKeyRecord, NewApiKey};
pub use audit::{AuditEntry, AuditProblem, AuditReport};
pub use banks::{BankEntryRecord, BankSummary};
pub use cases::{
    ActionRecord, AppealOutcome, AppealRecord, CaseDetail, CaseEventRecord, CaseFilter, CaseRecord,
    EvidenceRecord, ReviewOutcome, StrikeRecord, TakenDownListing,
};
pub use generations::{Generations, SharedState};
pub use lexicon_versions::{LexiconStatus, LexiconVersionRecord, ReviewedCaseText};
pub use record::{PreparedDecision, RecordSummary, Screened};
pub use sellers::{SellerIdentifier, SellerLink, SellerRecord, SellerUpdate};
pub use sessions::{NewSession, SessionRecord};
pub use takedowns::{TakedownImportSummary, TakedownLinkRecord};
pub use webhooks::{
    Delivery, ENFORCEMENT_ACTION, OutboxCounts, OutboxEvent, OutboxStatus, RetryPolicy,
    WebhookEndpoint,
};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names no supported database.
    #[error("store URL {0:?}: expected sqlite://PATH or postgres://USER@HOST/DATABASE")]
    BadUrl(String),
    /// The database refused or failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("database migrations: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// No case with this id.
    #[error("case {0} does not exist")]
    NoSuchCase(i64),
    /// No appeal with this id.
    #[error("appeal {0} does not exist")]
    NoSuchAppeal(i64),
    /// The appeal was decided already.
    #[error("appeal {0} was decided already")]
    AppealDecided(i64),
    /// No requested link with this id.
    #[error("takedown link {0} does not exist")]
    NoSuchTakedown(i64),
    /// No bank with this name.
    #[error("hash bank {0:?} does not exist")]
    NoSuchBank(String),
    /// A bank with this name exists.
    #[error("hash bank {0:?} exists already")]
    BankExists(String),
    /// No stored lexicon version with this name.
    #[error("lexicon version {0:?} does not exist")]
    NoSuchLexicon(String),
    /// A lexicon version with this name is stored already.
    #[error("lexicon version {0:?} exists already: bump `version`")]
    LexiconExists(String),
    /// The case rules refuse the transition.
    #[error(transparent)]
    Transition(#[from] saring_core::TransitionError),
    /// A decision needs a reason.
    #[error("a reason is required")]
    NoReason,
    /// A caller's value is refused, with what is wrong with it.
    #[error("{0}")]
    Invalid(String),
    /// A stored value cannot be read back.
    #[error("stored record is unreadable: {0}")]
    Corrupt(String),
    /// No webhook outbox event with this id.
    #[error("webhook event {0} does not exist")]
    NoSuchOutboxEvent(i64),
    /// Only dead letters can be retried.
    #[error("webhook event {0} is not a dead letter")]
    NotDead(i64),
    /// No webhook endpoint for this platform.
    #[error("no webhook endpoint for platform {0:?}")]
    NoSuchEndpoint(String),
    /// The operating system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
    /// A value could not be serialised.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result of store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database behind a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite, one file in WAL mode.
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

impl FromStr for Backend {
    type Err = StoreError;

    fn from_str(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::BadUrl(url.to_string()))
        }
    }
}

/// Migration steps per backend: (version, description, SQLite DDL, PostgreSQL DDL).
const MIGRATIONS: [(i64, &str, &str, &str); 9] = [
    (
        1,
        "store",
        include_str!("../migrations/sqlite/0001_store.sql"),
        include_str!("../migrations/postgres/0001_store.sql"),
    ),
    (
        2,
        "settings",
        include_str!("../migrations/sqlite/0002_settings.sql"),
        include_str!("../migrations/postgres/0002_settings.sql"),
    ),
    (
        10,
        "takedowns",
        include_str!("../migrations/sqlite/0010_takedowns.sql"),
        include_str!("../migrations/postgres/0010_takedowns.sql"),
    ),
    (
        20,
        "webhooks",
        include_str!("../migrations/sqlite/0020_webhooks.sql"),
        include_str!("../migrations/postgres/0020_webhooks.sql"),
    ),
    (
        30,
        "api keys",
        include_str!("../migrations/sqlite/0030_api_keys.sql"),
        include_str!("../migrations/postgres/0030_api_keys.sql"),
    ),
    (
        40,
        "sessions",
        include_str!("../migrations/sqlite/0040_sessions.sql"),
        include_str!("../migrations/postgres/0040_sessions.sql"),
    ),
    (
        50,
        "lexicon versions",
        include_str!("../migrations/sqlite/0050_lexicon_versions.sql"),
        include_str!("../migrations/postgres/0050_lexicon_versions.sql"),
    ),
    (
        61,
        "key owners",
        include_str!("../migrations/sqlite/0061_key_owners.sql"),
        include_str!("../migrations/postgres/0061_key_owners.sql"),
    ),
    (
        62,
        "state generations",
        include_str!("../migrations/sqlite/0062_state_generations.sql"),
        include_str!("../migrations/postgres/0062_state_generations.sql"),
    ),
];

/// Pool options for `backend`. SQLite connections run WAL with `synchronous = NORMAL`:
/// commits are not synced one by one, checkpoints are. The database cannot be corrupted and a
/// crash of the process loses nothing; a power cut or OS crash may lose the last commits.
/// Once `background_checkpoints` is set, connections opened from then on (a pool replaces
/// connections now and then) leave checkpoints to [`Store::checkpoint`] too.
fn pool_options(
    backend: Backend,
    connections: u32,
    background_checkpoints: Arc<AtomicBool>,
) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(connections)
        .after_connect(move |connection, _| {
            let background = background_checkpoints.load(Ordering::Relaxed);
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    sqlx::query("PRAGMA synchronous = NORMAL")
                        .execute(&mut *connection)
                        .await?;
                    if background {
                        sqlx::query(NO_AUTOMATIC_CHECKPOINTS)
                            .execute(&mut *connection)
                            .await?;
                    }
                }
                Ok(())
            })
        })
}

/// Turns SQLite's automatic checkpoints at commit off.
const NO_AUTOMATIC_CHECKPOINTS: &str = "PRAGMA wal_autocheckpoint = 0";

/// What a checkpoint found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint {
    /// Frames (pages) in the write-ahead log when the checkpoint began.
    pub log_frames: i64,
    /// Whether the log was long enough to be restarted.
    pub restarted: bool,
}

/// A connected, migrated store.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite: a connection of its own for checkpoints.
    checkpoints: Option<AnyPool>,
    /// Whether checkpoints were taken off the writer's connections.
    background_checkpoints: Arc<AtomicBool>,
    /// Changes to shared parts committed through this store and its clones (see
    /// [`Store::local_changes`]).
    local_changes: Arc<AtomicU64>,
}

impl Store {
    /// Connects to `url` (`sqlite://PATH`, created if missing, or `postgres://...`) and
    /// applies any pending migrations. On PostgreSQL a `?options=-c search_path=SCHEMA`
    /// parameter selects the schema.
    pub async fn connect(url: &str) -> Result<Store> {
        install_default_drivers();
        let backend: Backend = url.parse()?;
        let (url, connections) = match backend {
            // One connection: SQLite has one writer anyway, and a single connection never
            // meets a lock held by another connection of the same process.
            Backend::Sqlite if url.contains("mode=") => (url.to_string(), 1),
            Backend::Sqlite => {
                let separator = if url.contains('?') { '&' } else { '?' };
                (format!("{url}{separator}mode=rwc"), 1)
            }
            Backend::Postgres => (url.to_string(), 4),
        };
        let background_checkpoints = Arc::new(AtomicBool::new(false));
        let pool = pool_options(backend, connections, background_checkpoints.clone())
            .connect(&url)
            .await?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let checkpoints = match backend {
            Backend::Sqlite => Some(
                pool_options(backend, 1, Arc::default())
                    .connect(&url)
                    .await?,
            ),
            Backend::Postgres => None,
        };
        let store = Store {
            pool,
            backend,
            checkpoints,
            background_checkpoints,
            local_changes: Arc::default(),
        };
        store.migrate().await?;
        webhooks::enqueue_unannounced_actions(&store).await?;
        Ok(store)
    }

    /// SQLite: stops the writer from checkpointing at its commits, where a checkpoint
    /// (copying the write-ahead log into the database file, then syncing it) stalls every
    /// commit queued behind it. The caller then calls [`Store::checkpoint`] every fraction
    /// of a second instead. PostgreSQL: nothing to do.
    pub async fn checkpoint_in_background(&self) -> Result<()> {
        if self.checkpoints.is_some() {
            self.background_checkpoints.store(true, Ordering::Relaxed);
            sqlx::query(NO_AUTOMATIC_CHECKPOINTS)
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// SQLite: from a connection of its own, copies the write-ahead log into the database
    /// file without waiting for or blocking the writer (a passive checkpoint). A log that
    /// the writer keeps appending to is never copied whole, so it is never started afresh:
    /// once it holds more than `restart_above` frames (pages), the rest is copied and the
    /// log restarted between two of the writer's transactions (the writer waits meanwhile).
    /// PostgreSQL: nothing to do, `None`.
    pub async fn checkpoint(&self, restart_above: i64) -> Result<Option<Checkpoint>> {
        let Some(checkpoints) = &self.checkpoints else {
            return Ok(None);
        };
        let passive = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(checkpoints)
            .await?;
        let log_frames: i64 = passive.try_get(1)?;
        let restarted = log_frames > restart_above;
        if restarted {
            // On the writer's own connection: taken between two of its transactions, with
            // no writer to wait for (a busy wait would sleep in steps of up to 100 ms).
            sqlx::query("PRAGMA wal_checkpoint(RESTART)")
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(Checkpoint {
            log_frames,
            restarted,
        }))
    }

    async fn migrate(&self) -> Result<()> {
        let migrations = MIGRATIONS
            .iter()
            .map(|&(version, description, sqlite, postgres)| {
                let schema = match self.backend {
                    Backend::Sqlite => sqlite,
                    Backend::Postgres => postgres,
                };
                Migration::new(
                    version,
                    Cow::Borrowed(description),
                    MigrationType::Simple,
                    SqlStr::from_static(schema),
                    false,
                )
            })
            .collect();
        let mut migrator = Migrator::with_migrations(migrations);
        // Parallel tests migrate separate PostgreSQL schemas of one database; the
        // database-wide lock is not needed for that.
        migrator.set_locking(self.backend == Backend::Sqlite);
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// Which database this store uses.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The connection pool, for callers that need raw SQL (tests that tamper with rows).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Closes every connection; pending writes have been committed by then.
    pub async fn close(&self) {
        if let Some(checkpoints) = &self.checkpoints {
            checkpoints.close().await;
        }
        self.pool.close().await;
    }
}
