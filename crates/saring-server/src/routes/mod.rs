//! The router: health, readiness, metrics and the `/v1` API.

pub mod banks;
pub mod cases;
pub mod lexicon;
pub mod screen;
pub mod sellers;
pub mod takedowns;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ServerError;
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
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page.
    pub next_cursor: Option<String>,
}

/// Paging of a list: `limit` and the `cursor` of the previous page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageParams {
    /// Page size, 1 to 500 (default 50).
    pub limit: Option<usize>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
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

/// The API's Content-Security-Policy: its answers are data, never pages to run or frame.
pub const API_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";

/// Middleware: the security headers on every answer of the API (see
/// [`saring_review_ui::set_security_headers`]); a route that serves a page sets its own policy.
async fn api_headers(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    saring_review_ui::set_security_headers(response.headers_mut(), API_CONTENT_SECURITY_POLICY);
    response
}

/// 422 for a request whose path or query string holds an encoded NUL (`%00`): no store can
/// keep it, and a route must not learn of it from a database error. The field is `path`, or
/// the query parameter's name.
pub async fn refuse_nul_in_uri(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let is_nul = |text: &str| text.to_ascii_lowercase().contains("%00");
    let field = if is_nul(uri.path()) {
        Some("path".to_string())
    } else {
        uri.query().filter(|query| is_nul(query)).map(|query| {
            query
                .split('&')
                .find(|pair| is_nul(pair))
                .and_then(|pair| pair.split('=').next())
                .filter(|name| !is_nul(name))
                .unwrap_or("query")
                .to_string()
        })
    };
    match field {
        Some(field) => ApiError::unprocessable(
            Some(field),
            "contains a NUL character (U+0000), which cannot be stored",
        )
        .into_response(),
        None => next.run(request).await,
    }
}

/// 404 for any path the API does not have.
async fn no_route() -> ApiError {
    ApiError::not_found("route")
}

/// The OpenAPI document's frame: what the API is and how it authenticates.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "saring API",
        description = "Screening of marketplace listings for illegally imported used clothing \
            (HS 6309.00.00), review cases and appeals, seller links, the lexicon, hash banks, \
            regulators' takedown requests and reports. Every route takes `Authorization: \
            Bearer KEY`; what a key may do depends on its role and platforms."
    ),
    modifiers(&BearerKeys),
    security(("api_key" = [])),
    components(schemas(ApiError))
)]
struct ApiDoc;

/// Declares the bearer-key security scheme.
struct BearerKeys;

impl utoipa::Modify for BearerKeys {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API key from `saring keys create`."))
                    .build(),
            ),
        );
    }
}

/// The `/v1` routes, with the OpenAPI document they make (authentication is layered on by
/// [`router`]).
fn api() -> OpenApiRouter<AppState> {
    // Routes that take whole files: a larger body limit.
    let large_bodies = OpenApiRouter::new()
        .routes(routes!(screen::screen_batch))
        .routes(routes!(takedowns::import_requests))
        .layer(DefaultBodyLimit::max(BATCH_BODY_LIMIT));
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(screen::screen))
        .routes(routes!(cases::list_cases))
        .routes(routes!(cases::get_case))
        .routes(routes!(cases::claim_case))
        .routes(routes!(cases::decide_case))
        .routes(routes!(cases::list_appeals, cases::file_appeal))
        .routes(routes!(cases::decide_appeal))
        .routes(routes!(sellers::list_sellers))
        .routes(routes!(sellers::get_seller))
        .routes(routes!(lexicon::active_lexicon))
        .routes(routes!(lexicon::lexicon_history, lexicon::propose_lexicon))
        .routes(routes!(lexicon::activate_lexicon))
        .routes(routes!(banks::list_banks, banks::create_bank))
        .routes(routes!(banks::bank_entries, banks::add_bank_entries))
        .routes(routes!(banks::set_bank_enabled))
        .routes(routes!(takedowns::list_links))
        .routes(routes!(takedowns::report))
        .merge(large_bodies)
}

/// The OpenAPI 3 document of the `/v1` API, as served at `/v1/openapi.json` (what
/// `saring docs` writes to docs/openapi.json).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().split_for_parts().1
}

/// `GET /v1/openapi.json` (no key needed: the document holds no data).
async fn openapi_json(State(document): State<Arc<String>>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json")],
        document.as_str().to_owned(),
    )
}

/// The whole service.
pub fn router(state: AppState) -> Result<Router, ServerError> {
    let (api, document) = api()
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::authenticate,
        ))
        .split_for_parts();
    let document = Arc::new(document.to_json().map_err(ServerError::openapi)?);
    let openapi_route = Router::new()
        .route("/v1/openapi.json", get(openapi_json))
        .with_state(document);
    Ok(Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .merge(api)
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track_latency,
        ))
        .with_state(state)
        .merge(openapi_route)
        .layer(axum::middleware::from_fn(api_headers)))
}
