//! Prometheus metrics: listings screened, decisions by verdict, open cases, overdue
//! takedown actions and request latency by route and status.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
    TextEncoder,
};
use saring_store::Store;

use crate::ServerError;
use crate::state::AppState;

/// The server's metrics, registered in their own registry.
pub struct Metrics {
    registry: Registry,
    /// Listings screened (single and batch).
    pub listings_screened: IntCounter,
    /// Decisions by verdict.
    pub decisions: IntCounterVec,
    open_cases: IntGauge,
    overdue_actions: IntGauge,
    request_seconds: HistogramVec,
}

fn registered<T: prometheus::core::Collector + Clone + 'static>(
    registry: &Registry,
    metric: prometheus::Result<T>,
) -> Result<T, ServerError> {
    let metric = metric.map_err(ServerError::metrics)?;
    registry
        .register(Box::new(metric.clone()))
        .map_err(ServerError::metrics)?;
    Ok(metric)
}

impl Metrics {
    /// Creates and registers every metric.
    pub fn new() -> Result<Self, ServerError> {
        let registry = Registry::new();
        let buckets = vec![
            0.0005, 0.001, 0.002, 0.004, 0.006, 0.008, 0.010, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5,
            1.0, 2.5,
        ];
        Ok(Self {
            listings_screened: registered(
                &registry,
                IntCounter::new("saring_listings_screened_total", "Listings screened."),
            )?,
            decisions: registered(
                &registry,
                IntCounterVec::new(
                    Opts::new("saring_decisions_total", "Decisions by verdict."),
                    &["verdict"],
                ),
            )?,
            open_cases: registered(
                &registry,
                IntGauge::new("saring_open_cases", "Cases waiting for a reviewer."),
            )?,
            overdue_actions: registered(
                &registry,
                IntGauge::new(
                    "saring_overdue_actions",
                    "Requested takedowns still pending past their deadline.",
                ),
            )?,
            request_seconds: registered(
                &registry,
                HistogramVec::new(
                    HistogramOpts::new(
                        "saring_http_request_duration_seconds",
                        "HTTP request latency by route and status.",
                    )
                    .buckets(buckets),
                    &["method", "route", "status"],
                ),
            )?,
            registry,
        })
    }

    /// Counts one decision.
    pub fn count_decision(&self, verdict: &str) {
        self.listings_screened.inc();
        self.decisions.with_label_values(&[verdict]).inc();
    }

    /// The metrics as Prometheus text, with the store gauges read now.
    pub async fn render(&self, store: &Store, now: i64) -> Result<String, ServerError> {
        self.open_cases.set(store.count_open_cases(now).await?);
        self.overdue_actions
            .set(store.count_overdue_takedowns(now).await?);
        let mut text = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut text)
            .map_err(ServerError::metrics)?;
        String::from_utf8(text).map_err(ServerError::metrics)
    }
}

/// Middleware timing every request by its route template (not its concrete path).
pub async fn track_latency(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let response = next.run(request).await;
    state
        .metrics()
        .request_seconds
        .with_label_values(&[&method, &route, response.status().as_str()])
        .observe(started.elapsed().as_secs_f64());
    response
}
