//! Regulators' takedown requests, what became of each requested link, and reports.
//!
//! Regulators (and admins) submit requests and read reports across platforms; platforms and
//! reviewers read the requested links of their own platforms, which they must act on.
//! Nothing here carries seller personal data: links, listing ids and aggregates only.

use std::sync::LazyLock;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use saring_core::Role;
use saring_store::TakedownLinkRecord;
use saring_takedowns::{DeadlinePolicy, REPORT_STYLE, Report, RequestFormat};
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::error::{ApiError, ApiQuery, ApiResult, ErrorResponses};
use crate::routes::{Page, PageParams, PageQuery};
use crate::state::AppState;

/// Who submits takedown requests and reads reports.
pub const REGULATORS: &[Role] = &[Role::Regulator, Role::Admin];
/// Who reads requested links: everyone, each within their platforms.
pub const LINK_READERS: &[Role] = &[Role::Platform, Role::Reviewer, Role::Regulator, Role::Admin];
/// A report covers this many days unless `from` says otherwise.
const DEFAULT_REPORT_DAYS: i64 = 30;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A row of the request that could not be read.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RowErrorView {
    line: u64,
    reason: String,
}

/// A URL repeated within one request.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DuplicateView {
    request_id: String,
    line: u64,
    first_line: u64,
    url: String,
}

/// What an import did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ImportView {
    requests: usize,
    already_imported: Vec<String>,
    links: usize,
    matched: usize,
    duplicates_of_earlier_requests: usize,
    row_errors: Vec<RowErrorView>,
    duplicates: Vec<DuplicateView>,
}

/// The request format named by the body's content type.
pub fn request_format(headers: &HeaderMap) -> ApiResult<RequestFormat> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("text/csv") {
        Ok(RequestFormat::Csv)
    } else if content_type.starts_with("application/json")
        || content_type.starts_with("application/x-ndjson")
    {
        Ok(RequestFormat::Json)
    } else {
        Err(ApiError::unsupported_media(
            "send text/csv or application/json (or application/x-ndjson)",
        ))
    }
}

/// Imports a takedown request file (CSV or JSON, as `saring takedowns import` reads):
/// unreadable rows are reported by line and the rest accepted; each link gets a deadline of
/// 24 hours, 4 when urgent.
#[utoipa::path(
    post, path = "/v1/takedown-requests", tag = "takedowns",
    request_body(
        description = "A takedown request file as `saring takedowns import` reads it: CSV with \
            columns request_id, agency, issued_at, legal_basis, urgency, url; or JSON, one \
            request object (request_id, agency, issued_at, legal_basis, urgency, urls) or an \
            array of them.",
        content((String = "text/csv"), (Object = "application/json")),
    ),
    responses(
        (status = 201, description = "New requests were imported.", body = ImportView),
        (status = 200, description = "Nothing new: every request was imported before.", body = ImportView),
        ErrorResponses,
    ),
)]
pub async fn import_requests(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<ImportView>)> {
    caller.require(REGULATORS)?;
    let format = request_format(&headers)?;
    let parsed = saring_takedowns::parse(&body, format)
        .map_err(|error| ApiError::invalid_field("body", error.to_string()))?;
    let summary = state
        .store()
        .import_takedowns(
            &parsed,
            &DeadlinePolicy::default(),
            &caller.actor(),
            saring_service::now_ms(),
        )
        .await?;
    let status = if summary.requests > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let view = ImportView {
        requests: summary.requests,
        already_imported: summary.already_imported,
        links: summary.links,
        matched: summary.matched,
        duplicates_of_earlier_requests: summary.duplicates_of_earlier_requests,
        row_errors: parsed
            .errors
            .into_iter()
            .map(|error| RowErrorView {
                line: error.line,
                reason: error.reason,
            })
            .collect(),
        duplicates: parsed
            .duplicates
            .into_iter()
            .map(|duplicate| DuplicateView {
                request_id: duplicate.request_id,
                line: duplicate.line,
                first_line: duplicate.first_line,
                url: duplicate.raw,
            })
            .collect(),
    };
    Ok((status, Json(view)))
}

/// Every requested link the caller may see, with its canonical form, matched listing,
/// deadline and status.
#[utoipa::path(
    get, path = "/v1/takedowns", tag = "takedowns", params(PageParams),
    responses(
        (status = 200, description = "A page of requested links within the caller's platforms.", body = Page<TakedownLinkRecord>),
        ErrorResponses,
    ),
)]
pub async fn list_links(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<TakedownLinkRecord>>> {
    let principal = caller.require(LINK_READERS)?;
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    let links: Vec<TakedownLinkRecord> = state
        .store()
        .takedown_links(saring_service::now_ms())
        .await?
        .into_iter()
        .filter(|link| principal.covers_platform(&link.platform))
        .collect();
    Ok(Json(page.of(links)))
}

/// Period and format of `GET /v1/reports`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// First day (YYYY-MM-DD, UTC); default: 30 days before `to`.
    from: Option<String>,
    /// Day after the last (YYYY-MM-DD, UTC); default: now.
    to: Option<String>,
    /// json (default), csv or html.
    format: Option<String>,
}

fn day(text: &str, field: &str) -> ApiResult<i64> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|time| time.and_utc().timestamp_millis())
        .ok_or_else(|| ApiError::invalid_field(field, "expected a YYYY-MM-DD date"))
}

/// The report for a period, by platform and by agency, as `saring report` writes it.
#[utoipa::path(
    get, path = "/v1/reports", tag = "takedowns", params(ReportQuery),
    responses(
        (status = 200, description = "What was requested and done, by platform and agency.",
            content((Object = "application/json"), (String = "text/csv"), (String = "text/html"))),
        ErrorResponses,
    ),
)]
pub async fn report(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ReportQuery>,
) -> ApiResult<Response> {
    caller.require(REGULATORS)?;
    let to = match &query.to {
        Some(text) => day(text, "to")?,
        None => saring_service::now_ms(),
    };
    let from = match &query.from {
        Some(text) => day(text, "from")?,
        None => to - DEFAULT_REPORT_DAYS * DAY_MS,
    };
    if from >= to {
        return Err(ApiError::invalid_field("from", "must come before `to`"));
    }
    let (content_type, render): (&str, fn(&Report) -> String) =
        match query.format.as_deref().unwrap_or("json") {
            "json" => ("application/json", Report::to_json),
            "csv" => ("text/csv; charset=utf-8", Report::to_csv),
            "html" => ("text/html; charset=utf-8", Report::to_html),
            _ => {
                return Err(ApiError::invalid_field(
                    "format",
                    "expected json, csv or html",
                ));
            }
        };
    let input = state.store().report_input(from, to, 20).await?;
    let text = render(&Report::compute(&input));
    Ok((
        [
            (CONTENT_TYPE, content_type),
            (
                CONTENT_SECURITY_POLICY,
                REPORT_CONTENT_SECURITY_POLICY.as_str(),
            ),
        ],
        text,
    )
        .into_response())
}

/// The report's policy: nothing loads, no script runs, only the report's own inline style
/// (named by its hash) applies.
static REPORT_CONTENT_SECURITY_POLICY: LazyLock<String> = LazyLock::new(|| {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = sha2::Sha256::digest(REPORT_STYLE.as_bytes());
    let hash = base64::engine::general_purpose::STANDARD.encode(hash);
    format!("default-src 'none'; style-src 'sha256-{hash}'; frame-ancestors 'none'")
});
