//! Hash banks: named lists of PDQ hashes of known violating photos. Reviewers read them and
//! add the photos of cases they confirmed; admins create banks and switch them on or off.
//! A change to what screening matches against rebuilds the screener at once.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use saring_core::Role;
use saring_store::{BankEntryRecord, BankSummary};
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, REVIEWERS};
use crate::error::{ApiError, ApiJson, ApiQuery, ApiResult, ErrorResponses};
use crate::routes::{Page, PageParams, PageQuery};
use crate::state::AppState;

/// Who creates banks and switches them on or off.
const BANK_ADMINS: &[Role] = &[Role::Admin];
/// Most hashes in one request.
pub const MAX_ENTRIES_PER_REQUEST: usize = 10_000;
/// Longest bank name.
const MAX_NAME: usize = 64;

/// A bank and its size.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BankView {
    name: String,
    /// Whether screening matches listing photos against it.
    enabled: bool,
    entries: i64,
    created_at: i64,
}

impl From<BankSummary> for BankView {
    fn from(bank: BankSummary) -> Self {
        Self {
            name: bank.name,
            enabled: bank.enabled,
            entries: bank.entries,
            created_at: bank.created_at,
        }
    }
}

/// Lists the banks.
#[utoipa::path(
    get, path = "/v1/banks", tag = "hash banks", params(PageParams),
    responses(
        (status = 200, description = "A page of banks, by name.", body = Page<BankView>),
        ErrorResponses,
    ),
)]
pub async fn list_banks(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<BankView>>> {
    caller.require(REVIEWERS)?;
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    let banks = state.store().banks().await?;
    Ok(Json(
        page.of(banks.into_iter().map(BankView::from).collect()),
    ))
}

/// Body of `POST /v1/banks`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBank {
    /// Lowercase letters, digits, `-` and `_`; at most 64.
    name: String,
}

/// The bank named `name`, or 404.
async fn existing_bank(state: &AppState, name: &str) -> ApiResult<BankSummary> {
    state
        .store()
        .banks()
        .await?
        .into_iter()
        .find(|bank| bank.name == name)
        .ok_or_else(|| ApiError::not_found("bank"))
}

/// Creates an empty, enabled bank.
#[utoipa::path(
    post, path = "/v1/banks", tag = "hash banks",
    request_body = NewBank,
    responses(
        (status = 201, description = "The bank, created.", body = BankView),
        ErrorResponses,
    ),
)]
pub async fn create_bank(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewBank>,
) -> ApiResult<(StatusCode, Json<BankView>)> {
    caller.require(BANK_ADMINS)?;
    let valid = !body.name.is_empty()
        && body.name.len() <= MAX_NAME
        && body
            .name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !valid {
        return Err(ApiError::invalid_field(
            "name",
            format!("use 1 to {MAX_NAME} lowercase letters, digits, `-` or `_`"),
        ));
    }
    state
        .store()
        .create_bank(&body.name, &caller.actor(), saring_service::now_ms())
        .await?;
    let bank = existing_bank(&state, &body.name).await?;
    Ok((StatusCode::CREATED, Json(bank.into())))
}

/// One hash of a bank.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BankEntryView {
    /// The PDQ hash, 64 hex digits.
    hash: String,
    /// PDQ quality 0..100, when known.
    #[serde(default)]
    quality: Option<i64>,
    /// Where the photo came from.
    #[serde(default)]
    source: Option<String>,
    /// The case that confirmed it.
    #[serde(default)]
    case_id: Option<String>,
    /// Who added it (set by the server).
    #[serde(default)]
    added_by: Option<String>,
    /// When it was added, RFC 3339 (set by the server).
    #[serde(default)]
    added_at: Option<String>,
}

/// The hashes of a bank, in the order they were added.
#[utoipa::path(
    get, path = "/v1/banks/{name}", tag = "hash banks",
    params(("name" = String, Path, description = "Bank name."), PageParams),
    responses(
        (status = 200, description = "A page of the bank's hashes.", body = Page<BankEntryView>),
        ErrorResponses,
    ),
)]
pub async fn bank_entries(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    ApiQuery(query): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<BankEntryView>>> {
    caller.require(REVIEWERS)?;
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    existing_bank(&state, &name).await?;
    let entries = state
        .store()
        .bank_entries(&name)
        .await?
        .into_iter()
        .map(|entry| BankEntryView {
            hash: entry.hash_hex,
            quality: entry.quality,
            source: entry.source,
            case_id: entry.case_id,
            added_by: entry.added_by,
            added_at: entry.added_at,
        })
        .collect();
    Ok(Json(page.of(entries)))
}

/// Body of `POST /v1/banks/{name}/entries`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEntries {
    /// Hashes with where they came from (`added_by` and `added_at` are set by the server).
    entries: Vec<BankEntryView>,
}

/// How many hashes were added.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Added {
    added: usize,
}

/// Adds PDQ hashes (64 hex digits each) to a bank. Every hash is checked before any is
/// added; a bad one is answered with its position.
#[utoipa::path(
    post, path = "/v1/banks/{name}/entries", tag = "hash banks",
    params(("name" = String, Path, description = "Bank name.")),
    request_body = NewEntries,
    responses(
        (status = 201, description = "The hashes were added.", body = Added),
        ErrorResponses,
    ),
)]
pub async fn add_bank_entries(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    ApiJson(body): ApiJson<NewEntries>,
) -> ApiResult<(StatusCode, Json<Added>)> {
    caller.require(REVIEWERS)?;
    let bank = existing_bank(&state, &name).await?;
    if body.entries.is_empty() || body.entries.len() > MAX_ENTRIES_PER_REQUEST {
        return Err(ApiError::invalid_field(
            "entries",
            format!("send 1 to {MAX_ENTRIES_PER_REQUEST} hashes"),
        ));
    }
    let now = saring_service::now_ms();
    let added_at = chrono::DateTime::from_timestamp_millis(now)
        .map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let mut records = Vec::with_capacity(body.entries.len());
    for (index, entry) in body.entries.into_iter().enumerate() {
        let record = BankEntryRecord {
            bank: name.clone(),
            hash_hex: entry.hash.trim().to_ascii_lowercase(),
            quality: entry.quality,
            source: entry.source,
            case_id: entry.case_id,
            added_by: Some(caller.actor()),
            added_at: added_at.clone(),
        };
        if saring_service::bank_entry(&record).is_none() {
            return Err(ApiError::invalid_field(
                &format!("entries[{index}].hash"),
                "expected a PDQ hash of 64 hex digits",
            ));
        }
        records.push(record);
    }
    let added = state
        .store()
        .add_bank_entries(&name, &records, &caller.actor(), now)
        .await?;
    if bank.enabled {
        state.reload_screener().await?;
    }
    Ok((StatusCode::CREATED, Json(Added { added })))
}

/// Body of `POST /v1/banks/{name}/enabled`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BankSwitch {
    /// Whether screening matches against the bank.
    enabled: bool,
}

/// Switches matching against a bank on or off (its hashes are kept).
#[utoipa::path(
    post, path = "/v1/banks/{name}/enabled", tag = "hash banks",
    params(("name" = String, Path, description = "Bank name.")),
    request_body = BankSwitch,
    responses(
        (status = 200, description = "The bank after the change.", body = BankView),
        ErrorResponses,
    ),
)]
pub async fn set_bank_enabled(
    State(state): State<AppState>,
    caller: Caller,
    Path(name): Path<String>,
    ApiJson(body): ApiJson<BankSwitch>,
) -> ApiResult<Json<BankView>> {
    caller.require(BANK_ADMINS)?;
    state
        .store()
        .set_bank_enabled(
            &name,
            body.enabled,
            &caller.actor(),
            saring_service::now_ms(),
        )
        .await?;
    state.reload_screener().await?;
    Ok(Json(existing_bank(&state, &name).await?.into()))
}
