//! The dispatcher: claims due events from the store's outbox, POSTs them signed, and marks
//! each delivered or failed.

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{CONTENT_TYPE, USER_AGENT};
use saring_store::{Delivery, OutboxStatus, RetryPolicy, Store, StoreError};
use tokio::task::JoinSet;

use crate::signature::{EVENT_ID_HEADER, SIGNATURE_HEADER, signature_header};

/// What can stop a dispatcher.
#[derive(Debug, thiserror::Error)]
pub enum DispatchError {
    /// The store failed (the events stay in the outbox).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The HTTP client could not be built.
    #[error("HTTP client: {0}")]
    Client(String),
    /// A delivery task panicked or was cancelled.
    #[error("delivery task: {0}")]
    Task(String),
}

/// How the dispatcher delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispatcherConfig {
    /// Attempts before a dead letter, and the backoff between them.
    pub retry: RetryPolicy,
    /// The longest a request may take, connecting and reading the answer included.
    pub request_timeout: Duration,
    /// The longest connecting may take.
    pub connect_timeout: Duration,
    /// Events claimed (and sent concurrently) per batch.
    pub batch_size: usize,
    /// How long [`Dispatcher::run`] waits when nothing is due.
    pub poll_interval: Duration,
}

impl Default for DispatcherConfig {
    /// 8 attempts, 1 minute doubling up to 1 hour apart; 10 s per request (5 s to connect);
    /// 32 events per batch; polls every 5 s.
    fn default() -> Self {
        DispatcherConfig {
            retry: RetryPolicy::default(),
            request_timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(5),
            batch_size: 32,
            poll_interval: Duration::from_secs(5),
        }
    }
}

impl DispatcherConfig {
    /// How long a claimed batch is held: its requests run concurrently, each within the
    /// request timeout, so twice that plus a margin covers the batch and its marking. A
    /// dispatcher that dies holding a batch lets it fall due again after this.
    fn lease_ms(&self) -> i64 {
        let lease = self.request_timeout * 2 + Duration::from_secs(30);
        i64::try_from(lease.as_millis()).unwrap_or(i64::MAX)
    }
}

/// What one batch (or a run until idle) did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryCounts {
    /// Accepted by the platform (2xx).
    pub delivered: usize,
    /// Failed, to be tried again after the backoff.
    pub retrying: usize,
    /// Failed for the last allowed time: now dead letters.
    pub dead: usize,
}

impl DeliveryCounts {
    /// Events attempted.
    pub fn attempted(&self) -> usize {
        self.delivered + self.retrying + self.dead
    }

    fn add(&mut self, other: DeliveryCounts) {
        self.delivered += other.delivered;
        self.retrying += other.retrying;
        self.dead += other.dead;
    }
}

/// Delivers the store's outbox to the platforms' endpoints.
#[derive(Debug, Clone)]
pub struct Dispatcher {
    store: Store,
    client: reqwest::Client,
    config: DispatcherConfig,
}

impl Dispatcher {
    /// A dispatcher over `store`'s outbox. Redirects are not followed: a 3xx is a failure.
    pub fn new(store: Store, config: DispatcherConfig) -> Result<Dispatcher, DispatchError> {
        let client = reqwest::Client::builder()
            .timeout(config.request_timeout)
            .connect_timeout(config.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| DispatchError::Client(describe(&e)))?;
        Ok(Dispatcher {
            store,
            client,
            config,
        })
    }

    /// Claims one batch of events due at `now` (unix ms) and delivers them concurrently,
    /// signed with timestamp `now`. Each is marked delivered (2xx) or failed (any other
    /// status, a timeout or a connection error, with the reason recorded).
    pub async fn run_once(&self, now: i64) -> Result<DeliveryCounts, DispatchError> {
        let batch = self
            .store
            .claim_webhook_deliveries(now, self.config.batch_size, self.config.lease_ms())
            .await?;
        let mut tasks = JoinSet::new();
        for delivery in batch {
            let client = self.client.clone();
            let store = self.store.clone();
            let retry = self.config.retry;
            tasks.spawn(async move {
                let outcome = post(&client, &delivery, now).await;
                let id = delivery.event.id;
                let status = match outcome {
                    Ok(()) => {
                        store.mark_webhook_delivered(id, now).await?;
                        OutboxStatus::Delivered
                    }
                    Err(error) => store.mark_webhook_failed(id, &error, &retry, now).await?,
                };
                Ok::<_, StoreError>(status)
            });
        }
        let mut counts = DeliveryCounts::default();
        while let Some(joined) = tasks.join_next().await {
            match joined.map_err(|e| DispatchError::Task(e.to_string()))?? {
                OutboxStatus::Delivered => counts.delivered += 1,
                OutboxStatus::Pending => counts.retrying += 1,
                OutboxStatus::Dead => counts.dead += 1,
            }
        }
        Ok(counts)
    }

    /// Runs batches until none is due (failed events wait for their backoff), then returns
    /// what was done: for a cron job.
    pub async fn run_until_idle(&self) -> Result<DeliveryCounts, DispatchError> {
        let mut total = DeliveryCounts::default();
        loop {
            let counts = self.run_once(now_ms()).await?;
            if counts.attempted() == 0 {
                return Ok(total);
            }
            total.add(counts);
        }
    }

    /// Delivers until `shutdown` completes: a full batch is followed by the next at once,
    /// otherwise it waits the poll interval. The batch in flight when `shutdown` completes
    /// is finished first. A store error ends the loop (the events stay in the outbox).
    pub async fn run(&self, shutdown: impl Future<Output = ()>) -> Result<(), DispatchError> {
        tokio::pin!(shutdown);
        loop {
            let counts = self.run_once(now_ms()).await?;
            let pause = if counts.attempted() >= self.config.batch_size {
                Duration::ZERO
            } else {
                self.config.poll_interval
            };
            tokio::select! {
                biased;
                () = &mut shutdown => return Ok(()),
                () = tokio::time::sleep(pause) => {}
            }
        }
    }
}

/// The longest part of a failing response's body kept in the recorded error.
const ERROR_BODY_CHARS: usize = 200;

/// POSTs one event; `Err` holds why it failed, without the URL or the secret.
async fn post(client: &reqwest::Client, delivery: &Delivery, now: i64) -> Result<(), String> {
    let body = delivery.event.payload_json.clone().into_bytes();
    let signature = signature_header(
        delivery.signing_secret.as_bytes(),
        now.div_euclid(1000),
        &body,
    );
    let response = client
        .post(&delivery.url)
        .header(CONTENT_TYPE, "application/json")
        .header(
            USER_AGENT,
            concat!("saring-webhooks/", env!("CARGO_PKG_VERSION")),
        )
        .header(SIGNATURE_HEADER, signature)
        .header(EVENT_ID_HEADER, &delivery.event.event_id)
        .body(body)
        .send()
        .await
        .map_err(|e| describe(&e))?;
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let text = response.text().await.unwrap_or_default();
    let excerpt: String = text.trim().chars().take(ERROR_BODY_CHARS).collect();
    Err(if excerpt.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status}: {excerpt}")
    })
}

/// A transport error in words, with its causes and without the URL (which may carry a
/// token).
fn describe(error: &reqwest::Error) -> String {
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "connection failed"
    } else if error.is_builder() {
        "invalid request"
    } else {
        "request failed"
    };
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    if causes.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}: {}", causes.join(": "))
    }
}

/// Now, as unix milliseconds UTC.
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
