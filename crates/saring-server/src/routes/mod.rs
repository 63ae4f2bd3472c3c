//! The router: health, readiness, metrics and the `/v1` API.

pub mod cases;
pub mod screen;
pub mod takedowns;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::{auth, metrics};

/// Largest body of `POST /v1/screen` and the other single-object requests.
pub const BODY_LIMIT: usize = 1024 * 1024;
/// Largest body of `POST /v1/screen/batch`.
pub const BATCH_BODY_LIMIT: usize = 32 * 1024 * 1024;
/// Page size when none is asked for.
pub const DEFAULT_PAGE: usize = 50;
/// Largest page.
pub const MAX_PAGE: usize = 500;

/// A page of a list and the cursor of the next page (`null` on the last).
#[derive(Debug, Serialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page.
    pub next_cursor: Option<String>,
}

/// Where a page starts and how long it is.
#[derive(Debug, Clone, Copy)]
pub struct PageQuery {
    offset: usize,
    limit: usize,
}

impl PageQuery {
    /// From `limit` (1..=500, default 50) and an opaque cursor from an earlier page.
    pub fn new(limit: Option<usize>, cursor: Option<&str>) -> ApiResult<Self> {
        let limit = limit.unwrap_or(DEFAULT_PAGE);
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::invalid_field(
                "limit",
                format!("must be between 1 and {MAX_PAGE}"),
            ));
        }
        let offset = match cursor {
            None => 0,
            Some(cursor) => cursor
                .strip_prefix("o")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| ApiError::invalid_field("cursor", "not a cursor this API gave"))?,
        };
        Ok(Self { offset, limit })
    }

    /// The page of `items` (all matching items, in order).
    pub fn of<T>(self, items: Vec<T>) -> Page<T> {
        let total = items.len();
        let end = self.offset.saturating_add(self.limit).min(total);
        let items: Vec<T> = items
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .collect();
        Page {
            items,
            next_cursor: (end < total).then(|| format!("o{end}")),
        }
    }
}

/// Liveness: the process answers.
async fn healthz() -> &'static str {
    "ok\n"
}

/// Readiness: the store answers and its schema is migrated.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match state.store().setting("schema.ready_probe").await {
        Ok(_) => (StatusCode::OK, "ready\n").into_response(),
        Err(error) => ApiError::unavailable(format!("store not ready: {error}")).into_response(),
    }
}

/// Prometheus metrics.
async fn metrics_text(State(state): State<AppState>) -> impl IntoResponse {
    match state
        .metrics()
        .render(state.store(), saring_service::now_ms())
        .await
    {
        Ok(text) => ([(CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response(),
        Err(error) => ApiError::internal(error).into_response(),
    }
}

/// 404 for any path the API does not have.
async fn no_route() -> ApiError {
    ApiError::not_found("route")
}

/// Every `/v1` route as (method, path template): the contract the OpenAPI document and the
/// access matrix test are checked against.
pub const API_ROUTES: &[(&str, &str)] = &[
    ("POST", "/v1/screen"),
    ("POST", "/v1/screen/batch"),
    ("GET", "/v1/cases"),
    ("GET", "/v1/cases/{id}"),
    ("POST", "/v1/cases/{id}/claim"),
    ("POST", "/v1/cases/{id}/decision"),
    ("GET", "/v1/appeals"),
    ("POST", "/v1/appeals"),
    ("POST", "/v1/appeals/{id}/decision"),
    ("POST", "/v1/takedown-requests"),
    ("GET", "/v1/takedowns"),
    ("GET", "/v1/reports"),
];

/// The `/v1` API (authenticated).
fn api(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/v1/screen", post(screen::screen))
        .route(
            "/v1/screen/batch",
            post(screen::screen_batch).layer(DefaultBodyLimit::max(BATCH_BODY_LIMIT)),
        )
        .route("/v1/cases", get(cases::list_cases))
        .route("/v1/cases/{id}", get(cases::get_case))
        .route("/v1/cases/{id}/claim", post(cases::claim_case))
        .route("/v1/cases/{id}/decision", post(cases::decide_case))
        .route(
            "/v1/appeals",
            get(cases::list_appeals).post(cases::file_appeal),
        )
        .route("/v1/appeals/{id}/decision", post(cases::decide_appeal))
        .route(
            "/v1/takedown-requests",
            post(takedowns::import_requests).layer(DefaultBodyLimit::max(BATCH_BODY_LIMIT)),
        )
        .route("/v1/takedowns", get(takedowns::list_links))
        .route("/v1/reports", get(takedowns::report))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ))
}

/// The whole service.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .merge(api(&state))
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track_latency,
        ))
        .with_state(state)
}
