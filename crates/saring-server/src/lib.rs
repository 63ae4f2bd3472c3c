//! The saring HTTP API (`saring serve`): screening, cases and appeals under `/v1`, with API
//! keys carrying roles and platform scopes; `/healthz`, `/readyz` and Prometheus `/metrics`;
//! the review web UI under `/ui`; and the webhook dispatcher delivering enforcement actions
//! to platforms from the store's outbox.
//!
//! Decisions are recorded by one writer task that commits whatever has queued in one
//! transaction (group commit): see [`writer`].

pub mod auth;
pub mod config;
pub mod engine;
pub mod error;
pub mod metrics;
pub mod routes;
pub mod state;
pub mod writer;

use std::future::Future;
use std::net::SocketAddr;

use saring_core::EnforcementPolicy;
use saring_engine::{EngineConfig, Screener};
use saring_review_ui::UiOptions;
use saring_service::{LocalPhotos, Recorder, SecretSource, deployment_secret, now_ms};
use saring_store::{Backend, Store};
use saring_webhooks::{Dispatcher, DispatcherConfig};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

pub use config::{ServerConfig, Settings};
pub use engine::{LexiconInForce, LexiconSource, ScreenerSource};
pub use routes::router;
pub use state::{AppState, Policies};

/// What can stop the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The configuration is unusable.
    #[error("configuration: {0}")]
    Config(String),
    /// The store could not be opened or failed.
    #[error(transparent)]
    Store(#[from] saring_store::StoreError),
    /// The screening pipeline could not be set up.
    #[error(transparent)]
    Service(#[from] saring_service::ServiceError),
    /// The engine's configuration is unusable.
    #[error(transparent)]
    Engine(#[from] saring_engine::EngineError),
    /// The enforcement policy is unusable.
    #[error("enforcement policy: {0}")]
    Enforcement(String),
    /// Metrics could not be registered or encoded.
    #[error("metrics: {0}")]
    Metrics(String),
    /// The OpenAPI document could not be written.
    #[error("OpenAPI document: {0}")]
    OpenApi(String),
    /// The webhook dispatcher could not start.
    #[error(transparent)]
    Webhooks(#[from] saring_webhooks::DispatchError),
    /// Listening or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl ServerError {
    /// A metrics error from any displayable cause.
    pub fn metrics(error: impl std::fmt::Display) -> Self {
        Self::Metrics(error.to_string())
    }

    /// An OpenAPI error from any displayable cause.
    pub fn openapi(error: impl std::fmt::Display) -> Self {
        Self::OpenApi(error.to_string())
    }
}

/// A server set up over its store: the router's state and the writer task.
pub struct Server {
    state: AppState,
    store: Store,
    writer: JoinHandle<()>,
    ui: UiOptions,
    dispatcher: Dispatcher,
}

/// What the engine and enforcement run with.
#[derive(Debug, Clone, Default)]
pub struct EngineSetup {
    /// Lexicon, policy and model (bundled ones where `None`).
    pub engine: EngineConfig,
    /// Enforcement policy text (the bundled one where `None`).
    pub enforcement: Option<String>,
}

impl Server {
    /// Opens the store (migrating it), resolves the deployment secret, loads the seller link
    /// index and the store's enabled hash banks, and starts the writer.
    pub async fn open(config: &ServerConfig, setup: &EngineSetup) -> Result<Self, ServerError> {
        let store = Store::connect(&config.store).await?;
        let source = SecretSource::from_file_or_env(config.secret_file.clone());
        let secret = deployment_secret(&source, &store, now_ms()).await?;
        // Everything loaded below is at least as fresh as these generations.
        let generations = store.generations().await?;
        let lexicon = engine::lexicon_in_force(&setup.engine, &store).await?;
        let engine = EngineConfig {
            lexicon: Some(lexicon.toml),
            ..setup.engine.clone()
        };
        // The recorder notes the configuration in force, by the versions a build gives.
        let versions = Screener::from_config(&engine)?;
        let recorder = Recorder::open(
            store.clone(),
            secret,
            &engine,
            versions.model_version(),
            LocalPhotos::Refused,
        )
        .await?;
        let screeners = ScreenerSource::new(setup.engine.clone(), recorder.link_observer());
        let loaded = screeners.load(&store, generations).await?;
        let enforcement_text = setup
            .enforcement
            .as_deref()
            .unwrap_or(saring_engine::bundled::ENFORCEMENT);
        let enforcement = EnforcementPolicy::from_toml(enforcement_text)
            .map_err(|error| ServerError::Enforcement(error.to_string()))?;
        let mut ui = UiOptions::new(enforcement.clone());
        // Secure cookies travel over HTTPS only; on loopback the UI is plain HTTP.
        ui.secure_cookies = !config.listen.ip().is_loopback();
        ui.claim_ttl_ms = config.claim_minutes.saturating_mul(60_000);
        let dispatcher = Dispatcher::new(store.clone(), DispatcherConfig::default())?;
        let (jobs, queue) = mpsc::channel(writer::QUEUE);
        let preparer = recorder.preparer();
        let writer = tokio::spawn(writer::run(recorder, queue, config.commit_max));
        let state = AppState::new(
            store.clone(),
            (screeners, loaded),
            (preparer, jobs),
            metrics::Metrics::new()?,
            Policies {
                enforcement,
                batch_max_items: config.batch_max_items,
                claim_ms: config.claim_minutes.saturating_mul(60_000),
            },
        );
        Ok(Self {
            state,
            store,
            writer,
            ui,
            dispatcher,
        })
    }

    /// Serves on `listener` until `shutdown` completes, then stops accepting, lets in-flight
    /// requests finish, drains the writer and closes the store.
    pub async fn run(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServerError> {
        let Self {
            state,
            store,
            writer,
            ui,
            dispatcher,
        } = self;
        let (stop_delivery, stopping) = tokio::sync::watch::channel(false);
        let delivering = tokio::spawn(deliver_webhooks(dispatcher, stopping.clone()));
        let following = tokio::spawn(follow_store(state.clone(), stopping.clone()));
        let checkpointing = tokio::spawn(checkpoint_often(store.clone(), stopping));
        let app = router(state)?
            .merge(saring_review_ui::router(store.clone(), ui))
            .layer(axum::middleware::from_fn(routes::refuse_nul_in_uri));
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        let _ = stop_delivery.send(true);
        let _ = delivering.await;
        let _ = following.await;
        let _ = checkpointing.await;
        // Every sender went with the router: the writer commits what is queued and stops.
        let drained = writer.await;
        store.close().await;
        served?;
        drained.map_err(|error| ServerError::Io(std::io::Error::other(error)))
    }
}

/// Delivers webhook events until `stopping` turns true. A store error pauses delivery for
/// [`WEBHOOK_RETRY_PAUSE`] and delivery resumes: events wait in the outbox meanwhile.
async fn deliver_webhooks(dispatcher: Dispatcher, stopping: tokio::sync::watch::Receiver<bool>) {
    let stopped = |mut stopping: tokio::sync::watch::Receiver<bool>| async move {
        let _ = stopping.wait_for(|stop| *stop).await;
    };
    loop {
        let Err(error) = dispatcher.run(stopped(stopping.clone())).await else {
            return;
        };
        eprintln!("saring serve: webhook delivery paused: {error}");
        tokio::select! {
            () = stopped(stopping.clone()) => return,
            () = tokio::time::sleep(WEBHOOK_RETRY_PAUSE) => {}
        }
    }
}

/// Reloads what the store changed (sanctions, listings taken down, hash banks, the lexicon
/// in force) every [`FOLLOW_STORE_EVERY`] until `stopping` turns true, so that changes made
/// by other processes sharing the store reach this server within seconds. Changes made
/// through this server reach it at once (see [`AppState::follow_store`]).
async fn follow_store(state: AppState, mut stopping: tokio::sync::watch::Receiver<bool>) {
    let mut ticks = tokio::time::interval(FOLLOW_STORE_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stopping.wait_for(|stop| *stop) => return,
            _ = ticks.tick() => {}
        }
        if let Err(error) = state.follow_store().await {
            eprintln!("saring serve: cannot follow the store's changes: {error:?}");
        }
    }
}

/// How often the server looks for changes other processes made to the store.
pub const FOLLOW_STORE_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Checkpoints a SQLite store (PostgreSQL needs none) every [`CHECKPOINT_EVERY`] until
/// `stopping` turns true, so that the writer's commits do not stall on checkpoints of their
/// own (see [`Store::checkpoint_in_background`]).
async fn checkpoint_often(store: Store, mut stopping: tokio::sync::watch::Receiver<bool>) {
    if store.backend() != Backend::Sqlite {
        return;
    }
    if let Err(error) = store.checkpoint_in_background().await {
        eprintln!("saring serve: checkpoints stay with the writer: {error}");
        return;
    }
    let mut ticks = tokio::time::interval(CHECKPOINT_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stopping.wait_for(|stop| *stop) => return,
            _ = ticks.tick() => {}
        }
        if let Err(error) = store.checkpoint(WAL_RESTART_FRAMES).await {
            eprintln!("saring serve: checkpoint: {error}");
        }
    }
}

/// How often the server checkpoints the store.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// Write-ahead log length (4 KiB pages) above which a checkpoint restarts it: 256 MiB.
const WAL_RESTART_FRAMES: i64 = 65_536;

/// How long webhook delivery pauses after a store error.
const WEBHOOK_RETRY_PAUSE: std::time::Duration = std::time::Duration::from_secs(30);

/// Binds `address` (port 0 picks a free one) and says where it listens.
pub async fn bind(address: SocketAddr) -> Result<(TcpListener, SocketAddr), ServerError> {
    let listener = TcpListener::bind(address).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        // Without a handler the default (terminate) stays; waiting forever is then right.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
