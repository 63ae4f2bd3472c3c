//! Sellers: sanctioned sellers, and one seller's standing, strikes, sanctions, keyed
//! identifiers and links to other sellers.
//!
//! Reviewers see the sellers of the platforms they are granted, admins all. Identifiers are
//! shown as the first characters of their keyed hash only; a linked seller on a platform the
//! caller is not granted is shown by platform alone.

use axum::Json;
use axum::extract::{Path, State};
use saring_core::{Platform, SellerStatus};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::auth::{Caller, REVIEWERS};
use crate::error::{ApiError, ApiQuery, ApiResult, ErrorResponses};
use crate::routes::{Page, PageQuery};
use crate::state::AppState;

/// Characters of a keyed identifier hash shown: enough to compare, too few to look up.
const HASH_PREFIX: usize = 8;

/// A seller on a platform.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SellerKey {
    platform: String,
    seller_id: String,
}

/// Filters of `GET /v1/sellers`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SellerQuery {
    /// warned, suspended or banned; default: suspended and banned.
    status: Option<SellerStatus>,
    /// Only this platform.
    platform: Option<Platform>,
    /// Page size, 1 to 500 (default 50).
    limit: Option<usize>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// Lists sanctioned sellers of the caller's platforms.
#[utoipa::path(
    get, path = "/v1/sellers", tag = "sellers", params(SellerQuery),
    responses(
        (status = 200, description = "A page of sellers with the status asked for.", body = Page<SellerKey>),
        ErrorResponses,
    ),
)]
pub async fn list_sellers(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<SellerQuery>,
) -> ApiResult<Json<Page<SellerKey>>> {
    let principal = caller.require(REVIEWERS)?;
    if let Some(platform) = query.platform {
        caller.require_platform(REVIEWERS, platform.as_str())?;
    }
    let page = PageQuery::new(query.limit, query.cursor.as_deref())?;
    let statuses = match query.status {
        Some(SellerStatus::Active) => {
            return Err(ApiError::invalid_field(
                "status",
                "list warned, suspended or banned sellers",
            ));
        }
        Some(status) => vec![status],
        None => vec![SellerStatus::Suspended, SellerStatus::Banned],
    };
    let mut sellers = Vec::new();
    for status in statuses {
        sellers.extend(
            state
                .store()
                .sellers_with_status(status)
                .await?
                .into_iter()
                .filter(|(platform, _)| {
                    principal.covers_platform(platform)
                        && query
                            .platform
                            .is_none_or(|wanted| wanted.as_str() == platform)
                })
                .map(|(platform, seller_id)| SellerKey {
                    platform,
                    seller_id,
                }),
        );
    }
    Ok(Json(page.of(sellers)))
}

/// A confirmed violation counted against the seller.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StrikeView {
    case_id: i64,
    priority: String,
    confirmed_at: i64,
    /// Set when an appeal overturned the confirmation.
    revoked_at: Option<i64>,
}

/// An enforcement action naming the seller.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SanctionView {
    case_id: i64,
    kind: String,
    offence: i64,
    detail: String,
    legal_basis: Vec<String>,
    status: String,
    created_at: i64,
}

/// A keyed hash of one of the seller's identifiers, cut short.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IdentifierView {
    /// phone, email, bank_account, address, device_id, ...
    kind: String,
    /// The first characters of the keyed hash.
    hash_prefix: String,
    first_seen_at: i64,
}

/// A link between this seller and another, with its evidence.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LinkView {
    platform: String,
    /// `null` when the other seller is on a platform the caller is not granted.
    seller_id: Option<String>,
    /// Why they are linked: shared keyed identifiers, reused photos, near-duplicate text.
    #[schema(value_type = Object)]
    evidence: Value,
    created_at: i64,
}

/// A seller as a reviewer sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SellerView {
    platform: String,
    seller_id: String,
    /// Current standing; `active` for a seller never sanctioned.
    status: SellerStatus,
    /// When the standing last changed (unix ms); `null` for a seller never recorded.
    status_since: Option<i64>,
    strikes: Vec<StrikeView>,
    sanctions: Vec<SanctionView>,
    identifiers: Vec<IdentifierView>,
    links: Vec<LinkView>,
}

/// Shows one seller: standing, strikes, sanctions, keyed identifiers and links.
#[utoipa::path(
    get, path = "/v1/sellers/{platform}/{id}", tag = "sellers",
    params(
        ("platform" = Platform, Path, description = "The seller's platform."),
        ("id" = String, Path, description = "The platform's seller id."),
    ),
    responses(
        (status = 200, description = "The seller.", body = SellerView),
        ErrorResponses,
    ),
)]
pub async fn get_seller(
    State(state): State<AppState>,
    caller: Caller,
    Path((platform, seller_id)): Path<(String, String)>,
) -> ApiResult<Json<SellerView>> {
    let principal = caller.require_platform(REVIEWERS, &platform)?;
    let store = state.store();
    let record = store.seller(&platform, &seller_id).await?;
    let identifiers = store.seller_identifiers(&platform, &seller_id).await?;
    if record.is_none() && identifiers.is_empty() {
        return Err(ApiError::not_found("seller"));
    }
    let strikes = store.strikes(&platform, &seller_id).await?;
    let links = store.seller_links(&platform, &seller_id).await?;
    let (status, status_since, sanctions) = match record {
        Some(record) => (record.status, Some(record.updated_at), record.sanctions),
        None => (SellerStatus::Active, None, Vec::new()),
    };
    Ok(Json(SellerView {
        status,
        status_since,
        strikes: strikes
            .into_iter()
            .map(|strike| StrikeView {
                case_id: strike.case_id,
                priority: strike.priority,
                confirmed_at: strike.confirmed_at,
                revoked_at: strike.revoked_at,
            })
            .collect(),
        sanctions: sanctions
            .into_iter()
            .map(|action| SanctionView {
                case_id: action.case_id,
                kind: action.kind.as_str().to_string(),
                offence: action.offence,
                detail: action.detail,
                legal_basis: action.legal_basis,
                status: action.status,
                created_at: action.created_at,
            })
            .collect(),
        identifiers: identifiers
            .into_iter()
            .map(|identifier| IdentifierView {
                hash_prefix: identifier.keyed_hash.chars().take(HASH_PREFIX).collect(),
                kind: identifier.kind,
                first_seen_at: identifier.first_seen_at,
            })
            .collect(),
        links: links
            .into_iter()
            .map(|link| {
                // The other side of the link, whichever side this seller is on.
                let (other_platform, other_id) =
                    if link.platform == platform && link.seller_id == seller_id {
                        (link.linked_platform, link.linked_seller_id)
                    } else {
                        (link.platform, link.seller_id)
                    };
                let visible = principal.covers_platform(&other_platform);
                LinkView {
                    seller_id: visible.then_some(other_id),
                    platform: other_platform,
                    evidence: link.evidence,
                    created_at: link.created_at,
                }
            })
            .collect(),
        platform,
        seller_id,
    }))
}
