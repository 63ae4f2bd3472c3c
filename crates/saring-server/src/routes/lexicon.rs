//! The lexicon: the version in force, the history of versions, proposing a version and
//! activating one. Activation rebuilds the screener: the next listing is screened with it.
//!
//! Reviewers and admins read and propose; regulators read (the lexicon holds no personal
//! data, and what is enforced should be open to them); only admins activate.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use saring_core::Role;
use saring_store::LexiconVersionRecord;
use saring_text::Lexicon;
use serde::Deserialize;

use crate::auth::{Caller, REVIEWERS};
use crate::engine::LexiconInForce;
use crate::error::{ApiError, ApiJson, ApiQuery, ApiResult, ErrorResponses};
use crate::routes::{Page, PageParams, PageQuery};
use crate::state::AppState;

/// Who reads the lexicon and its history.
const READERS: &[Role] = &[Role::Reviewer, Role::Regulator, Role::Admin];
/// Who activates a version.
const ACTIVATORS: &[Role] = &[Role::Admin];

/// The lexicon the screener uses now.
#[utoipa::path(
    get, path = "/v1/lexicon", tag = "lexicon",
    responses(
        (status = 200, description = "The lexicon in force, with where it comes from.", body = LexiconInForce),
        ErrorResponses,
    ),
)]
pub async fn active_lexicon(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<LexiconInForce>> {
    caller.require(READERS)?;
    Ok(Json(state.lexicon()))
}

/// Every stored version, newest first.
#[utoipa::path(
    get, path = "/v1/lexicon/versions", tag = "lexicon", params(PageParams),
    responses(
        (status = 200, description = "A page of versions, newest first.", body = Page<LexiconVersionRecord>),
        ErrorResponses,
    ),
)]
pub async fn lexicon_history(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<PageParams>,
) -> ApiResult<Json<Page<LexiconVersionRecord>>> {
    caller.require(READERS)?;
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    let mut versions = state.store().lexicon_history().await?;
    versions.sort_by_key(|version| std::cmp::Reverse(version.proposed_at));
    Ok(Json(page.of(versions)))
}

/// Body of `POST /v1/lexicon/versions`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposedLexicon {
    /// The whole lexicon, in the TOML format of config/lexicon.toml, with a `version` not
    /// used before.
    toml: String,
    /// Why this version is proposed.
    note: String,
}

/// Proposes a lexicon version; it applies once an admin activates it.
#[utoipa::path(
    post, path = "/v1/lexicon/versions", tag = "lexicon",
    request_body = ProposedLexicon,
    responses(
        (status = 201, description = "The version, stored as proposed.", body = LexiconVersionRecord),
        ErrorResponses,
    ),
)]
pub async fn propose_lexicon(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ProposedLexicon>,
) -> ApiResult<(StatusCode, Json<LexiconVersionRecord>)> {
    caller.require(REVIEWERS)?;
    let lexicon = Lexicon::from_toml(&body.toml)
        .map_err(|error| ApiError::invalid_field("toml", error.to_string()))?;
    if body.note.trim().is_empty() {
        return Err(ApiError::invalid_field(
            "note",
            "must say why this version is proposed",
        ));
    }
    let stored = state
        .store()
        .propose_lexicon(
            lexicon.version(),
            &body.toml,
            body.note.trim(),
            &caller.actor(),
            saring_service::now_ms(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// Activates a stored version and screens with it from the next listing on (unless the
/// server was started with a lexicon file, which stays in force).
#[utoipa::path(
    post, path = "/v1/lexicon/versions/{version}/activate", tag = "lexicon",
    params(("version" = String, Path, description = "A stored version.")),
    responses(
        (status = 200, description = "The lexicon in force after activation.", body = LexiconInForce),
        ErrorResponses,
    ),
)]
pub async fn activate_lexicon(
    State(state): State<AppState>,
    caller: Caller,
    Path(version): Path<String>,
) -> ApiResult<Json<LexiconInForce>> {
    caller.require(ACTIVATORS)?;
    state
        .store()
        .activate_lexicon(&version, &caller.actor(), saring_service::now_ms())
        .await?;
    Ok(Json(state.reload_screener().await?))
}
