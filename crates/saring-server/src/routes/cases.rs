//! Cases and appeals: list, show, claim, decide; file and decide appeals.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use saring_core::{CaseState, Decision, Listing, Priority};
use saring_store::{
    AppealOutcome, AppealRecord, CaseDetail, CaseFilter, CaseRecord, ReviewOutcome,
};
use serde::{Deserialize, Serialize};

use crate::auth::{APPELLANTS, Caller, REVIEWERS};
use crate::error::{ApiError, ApiJson, ApiQuery, ApiResult, ErrorResponses};
use crate::routes::{Page, PageQuery};
use crate::state::AppState;

/// A case as the API shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseView {
    id: i64,
    platform: String,
    listing_id: String,
    seller_id: Option<String>,
    state: String,
    verdict: String,
    priority: Priority,
    score: f64,
    opened_at: i64,
    updated_at: i64,
    claimed_by: Option<String>,
    claim_expires_at: Option<i64>,
}

impl CaseView {
    fn new(case: &CaseRecord, now: i64) -> Self {
        Self {
            id: case.id,
            platform: case.platform.clone(),
            listing_id: case.listing_id.clone(),
            seller_id: case.seller_id.clone(),
            state: case.state_at(now).as_str().to_string(),
            verdict: case.verdict.clone(),
            priority: case.priority,
            score: case.score,
            opened_at: case.opened_at,
            updated_at: case.updated_at,
            claimed_by: case.claimed_by.clone(),
            claim_expires_at: case.claim_expires_at,
        }
    }
}

/// One transition of a case.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventView {
    event: String,
    from_state: Option<String>,
    to_state: String,
    actor: String,
    reason: String,
    at: i64,
}

/// An appeal as the API shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AppealView {
    id: i64,
    case_id: i64,
    platform: String,
    filed_by: String,
    statement: String,
    filed_at: i64,
    state: String,
    decided_by: Option<String>,
    decided_at: Option<i64>,
    reason: Option<String>,
}

impl AppealView {
    fn new(appeal: AppealRecord, platform: String) -> Self {
        Self {
            id: appeal.id,
            case_id: appeal.case_id,
            platform,
            filed_by: appeal.filed_by,
            statement: appeal.statement,
            filed_at: appeal.filed_at,
            state: appeal.state,
            decided_by: appeal.decided_by,
            decided_at: appeal.decided_at,
            reason: appeal.reason,
        }
    }
}

/// Everything about a case: the case, the decision, the listing (contact details removed),
/// its transitions and appeals.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseDetailView {
    case: CaseView,
    decision: Decision,
    listing: Listing,
    events: Vec<EventView>,
    appeals: Vec<AppealView>,
    evidence_sha256: Option<String>,
}

impl CaseDetailView {
    fn new(detail: CaseDetail, now: i64) -> Self {
        let platform = detail.case.platform.clone();
        Self {
            case: CaseView::new(&detail.case, now),
            decision: detail.decision,
            listing: detail.listing,
            events: detail
                .events
                .into_iter()
                .map(|event| EventView {
                    event: event.event,
                    from_state: event.from_state,
                    to_state: event.to_state,
                    actor: event.actor,
                    reason: event.reason,
                    at: event.at,
                })
                .collect(),
            appeals: detail
                .appeals
                .into_iter()
                .map(|appeal| AppealView::new(appeal, platform.clone()))
                .collect(),
            evidence_sha256: detail.evidence.map(|evidence| evidence.sha256),
        }
    }
}

/// Filters of `GET /v1/cases`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CaseQuery {
    state: Option<String>,
    platform: Option<String>,
    priority: Option<Priority>,
    limit: Option<usize>,
    cursor: Option<String>,
}

/// Lists the cases of the caller's platforms in queue order (wholesale first, oldest first).
#[utoipa::path(
    get, path = "/v1/cases", tag = "cases", params(CaseQuery),
    responses(
        (status = 200, description = "A page of cases in queue order.", body = Page<CaseView>),
        ErrorResponses,
    ),
)]
pub async fn list_cases(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<CaseQuery>,
) -> ApiResult<Json<Page<CaseView>>> {
    let principal = caller.require(REVIEWERS)?;
    if let Some(platform) = &query.platform {
        caller.require_platform(REVIEWERS, platform)?;
    }
    let case_state = query
        .state
        .as_deref()
        .map(|text| {
            text.parse::<CaseState>()
                .map_err(|error| ApiError::invalid_field("state", error.to_string()))
        })
        .transpose()?;
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    let now = saring_service::now_ms();
    let filter = CaseFilter {
        state: case_state,
        platform: query.platform.clone(),
        priority: query.priority,
        limit: None,
    };
    let cases: Vec<CaseView> = state
        .store()
        .list_cases(&filter, now)
        .await?
        .iter()
        .filter(|case| principal.covers_platform(&case.platform))
        .map(|case| CaseView::new(case, now))
        .collect();
    Ok(Json(page.of(cases)))
}

/// The case, after checking the caller may see its platform (404 as for a missing case when
/// not).
async fn scoped_case(state: &AppState, caller: &Caller, id: i64) -> ApiResult<CaseDetail> {
    caller.require(REVIEWERS)?;
    let detail = state.store().case(id).await?;
    caller.sees(&detail.case.platform, "case")?;
    Ok(detail)
}

/// Shows one case.
#[utoipa::path(
    get, path = "/v1/cases/{id}", tag = "cases", params(("id" = i64, Path, description = "Case id.")),
    responses(
        (status = 200, description = "The case with its decision, listing, history and appeals.", body = CaseDetailView),
        ErrorResponses,
    ),
)]
pub async fn get_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<CaseDetailView>> {
    let detail = scoped_case(&state, &caller, id).await?;
    Ok(Json(CaseDetailView::new(detail, saring_service::now_ms())))
}

/// Claims a case for the calling reviewer for the configured time.
#[utoipa::path(
    post, path = "/v1/cases/{id}/claim", tag = "cases", params(("id" = i64, Path, description = "Case id.")),
    responses(
        (status = 200, description = "The case, claimed by the caller.", body = CaseView),
        ErrorResponses,
    ),
)]
pub async fn claim_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<CaseView>> {
    scoped_case(&state, &caller, id).await?;
    let now = saring_service::now_ms();
    let case = state
        .store()
        .claim_case(id, &caller.actor(), state.claim_ms(), now)
        .await?;
    Ok(Json(CaseView::new(&case, now)))
}

/// A reviewer's finding.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// The listing violates the ban.
    Confirm,
    /// No violation.
    Clear,
}

/// Body of `POST /v1/cases/{id}/decision`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseDecision {
    outcome: Finding,
    reason: String,
}

fn required_reason(reason: &str, field: &str) -> ApiResult<()> {
    if reason.trim().is_empty() {
        return Err(ApiError::invalid_field(field, "must not be blank"));
    }
    Ok(())
}

/// Confirms or clears a case.
#[utoipa::path(
    post, path = "/v1/cases/{id}/decision", tag = "cases", params(("id" = i64, Path, description = "Case id.")),
    request_body = CaseDecision,
    responses(
        (status = 200, description = "The decided case, with the enforcement action taken.", body = CaseDetailView),
        ErrorResponses,
    ),
)]
pub async fn decide_case(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CaseDecision>,
) -> ApiResult<Json<CaseDetailView>> {
    scoped_case(&state, &caller, id).await?;
    required_reason(&body.reason, "reason")?;
    let outcome = match body.outcome {
        Finding::Confirm => ReviewOutcome::Confirm,
        Finding::Clear => ReviewOutcome::Clear,
    };
    let now = saring_service::now_ms();
    let detail = state
        .store()
        .decide_case(
            id,
            outcome,
            &caller.actor(),
            &body.reason,
            state.enforcement(),
            now,
        )
        .await?;
    Ok(Json(CaseDetailView::new(detail, now)))
}

/// Filters of `GET /v1/appeals`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AppealQuery {
    state: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

/// Lists appeals on cases of the caller's platforms, oldest first.
#[utoipa::path(
    get, path = "/v1/appeals", tag = "appeals", params(AppealQuery),
    responses(
        (status = 200, description = "A page of appeals, oldest first.", body = Page<AppealView>),
        ErrorResponses,
    ),
)]
pub async fn list_appeals(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<AppealQuery>,
) -> ApiResult<Json<Page<AppealView>>> {
    let principal = caller.require(REVIEWERS)?;
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    let appeals = state
        .store()
        .appeals(query.state.as_deref())
        .await?
        .into_iter()
        .filter(|(_, platform)| principal.covers_platform(platform))
        .map(|(appeal, platform)| AppealView::new(appeal, platform))
        .collect();
    Ok(Json(page.of(appeals)))
}

/// Body of `POST /v1/appeals`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAppeal {
    case_id: i64,
    statement: String,
}

/// Files the seller's appeal against a confirmed case.
#[utoipa::path(
    post, path = "/v1/appeals", tag = "appeals",
    request_body = NewAppeal,
    responses(
        (status = 201, description = "The appeal, filed.", body = AppealView),
        ErrorResponses,
    ),
)]
pub async fn file_appeal(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewAppeal>,
) -> ApiResult<(StatusCode, Json<AppealView>)> {
    caller.require(APPELLANTS)?;
    let case = state.store().case(body.case_id).await?;
    caller.sees(&case.case.platform, "case")?;
    required_reason(&body.statement, "statement")?;
    let now = saring_service::now_ms();
    let id = state
        .store()
        .file_appeal(body.case_id, &caller.actor(), &body.statement, now)
        .await?;
    let (appeal, platform) = state.store().appeal(id).await?;
    Ok((StatusCode::CREATED, Json(AppealView::new(appeal, platform))))
}

/// An appeal's outcome.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppealFinding {
    /// The confirmation stands.
    Upheld,
    /// The confirmation is reversed.
    Overturned,
}

/// Body of `POST /v1/appeals/{id}/decision`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppealDecision {
    outcome: AppealFinding,
    reason: String,
}

/// Decides an appeal (by a reviewer other than the one who confirmed).
#[utoipa::path(
    post, path = "/v1/appeals/{id}/decision", tag = "appeals", params(("id" = i64, Path, description = "Appeal id.")),
    request_body = AppealDecision,
    responses(
        (status = 200, description = "The appealed case after the decision.", body = CaseDetailView),
        ErrorResponses,
    ),
)]
pub async fn decide_appeal(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AppealDecision>,
) -> ApiResult<Json<CaseDetailView>> {
    caller.require(REVIEWERS)?;
    let (_, platform) = state.store().appeal(id).await?;
    caller.sees(&platform, "appeal")?;
    required_reason(&body.reason, "reason")?;
    let outcome = match body.outcome {
        AppealFinding::Upheld => AppealOutcome::Upheld,
        AppealFinding::Overturned => AppealOutcome::Overturned,
    };
    let now = saring_service::now_ms();
    let detail = state
        .store()
        .decide_appeal(
            id,
            outcome,
            &caller.actor(),
            &body.reason,
            state.enforcement(),
            now,
        )
        .await?;
    Ok(Json(CaseDetailView::new(detail, now)))
}
