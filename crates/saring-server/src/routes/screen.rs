//! `POST /v1/screen` and `POST /v1/screen/batch`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use saring_core::{Decision, ImageRef, Listing};
use serde::Serialize;
use serde_json::Value;

use crate::auth::{Caller, SCREENERS};
use crate::error::{ApiError, ApiResult, ErrorResponses, json_body};
use crate::state::AppState;

/// Screens one listing, records the decision (opening a case for a review or block) and
/// answers the decision once it is committed.
#[utoipa::path(
    post, path = "/v1/screen", tag = "screening",
    request_body = Listing,
    responses(
        (status = 200, description = "The decision, recorded.", body = Decision),
        ErrorResponses,
    ),
)]
pub async fn screen(
    State(state): State<AppState>,
    caller: Caller,
    ListingBody(listing): ListingBody,
) -> ApiResult<Json<Decision>> {
    caller.require_platform(SCREENERS, listing.platform.as_str())?;
    refuse_local_photos(&listing)?;
    let screened = state
        .screen(vec![listing])
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("the screener returned no decision"))?;
    Ok(Json(state.record(screened).await?))
}

/// A listing sent as a JSON body, validated as `saring scan` validates its records: a body
/// that is not JSON is a 400, a listing that is not valid a 422 naming the field.
pub struct ListingBody(pub Listing);

impl<S: Send + Sync> FromRequest<S> for ListingBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = json_body(request, state).await?;
        let text = std::str::from_utf8(&body)
            .map_err(|_| ApiError::invalid_json("the body is not UTF-8"))?;
        Ok(Self(Listing::from_json(text)?.listing))
    }
}

/// 400 for a photo given as a file path: a caller must not make the server read its files.
fn refuse_local_photos(listing: &Listing) -> ApiResult<()> {
    match listing
        .images
        .iter()
        .position(|image| matches!(image, ImageRef::Path(_)))
    {
        Some(index) => Err(ApiError::invalid_field(
            &format!("images[{index}].path"),
            "the API reads no server files: send the photo as url or base64",
        )),
        None => Ok(()),
    }
}

/// One item of a batch's answer: its decision, or why it was refused.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchItem {
    /// Position in the request, from 0.
    pub index: usize,
    /// The decision, when screened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Why the item was not screened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

/// The answer to a batch: one item per listing, in request order.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchResponse {
    /// Items in request order.
    pub results: Vec<BatchItem>,
}

/// The batch's items: a JSON array, or JSON Lines when the content type says so.
pub fn batch_values(
    headers: &HeaderMap,
    body: &[u8],
    max: usize,
) -> ApiResult<Vec<Result<Value, ApiError>>> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let values: Vec<Result<Value, ApiError>> = if content_type.starts_with("application/x-ndjson")
        || content_type.starts_with("application/jsonl")
    {
        let text = std::str::from_utf8(body)
            .map_err(|_| ApiError::invalid_field("body", "JSON Lines must be UTF-8"))?;
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                serde_json::from_str(line).map_err(|error| {
                    ApiError::invalid_field("body", format!("invalid JSON: {error}"))
                })
            })
            .collect()
    } else if content_type.starts_with("application/json") {
        serde_json::from_slice::<Vec<Value>>(body)
            .map_err(|error| {
                ApiError::invalid_field(
                    "body",
                    format!("expected a JSON array of listings: {error}"),
                )
            })?
            .into_iter()
            .map(Ok)
            .collect()
    } else {
        return Err(ApiError::invalid_field(
            "content-type",
            "send application/json (an array) or application/x-ndjson (JSON Lines)",
        ));
    };
    if values.len() > max {
        return Err(ApiError::invalid_field(
            "body",
            format!("at most {max} listings per batch"),
        ));
    }
    Ok(values)
}

/// Screens up to the batch limit of listings; items that do not parse or that the key may
/// not screen are answered with an error each, the others with their decisions.
#[utoipa::path(
    post, path = "/v1/screen/batch", tag = "screening",
    request_body(
        description = "Listings as a JSON array, or as JSON Lines (one listing per line).",
        content(
            (Vec<Listing> = "application/json"),
            (String = "application/x-ndjson"),
        ),
    ),
    responses(
        (status = 200, description = "One item per listing, in request order.", body = BatchResponse),
        ErrorResponses,
    ),
)]
pub async fn screen_batch(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<BatchResponse>> {
    caller.require(SCREENERS)?;
    let values = batch_values(&headers, &body, state.batch_max_items())?;
    let mut results: Vec<BatchItem> = Vec::with_capacity(values.len());
    let mut accepted = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        let listing = value.and_then(|value| Ok(Listing::from_value(value)?.listing));
        let listing = listing.and_then(|listing| {
            caller.require_platform(SCREENERS, listing.platform.as_str())?;
            refuse_local_photos(&listing)?;
            Ok(listing)
        });
        match listing {
            Ok(listing) => accepted.push((index, listing)),
            Err(error) => results.push(BatchItem {
                index,
                decision: None,
                error: Some(error),
            }),
        }
    }
    let (indexes, listings): (Vec<usize>, Vec<Listing>) = accepted.into_iter().unzip();
    let screened = state.screen(listings).await?;
    let mut waiting = Vec::with_capacity(screened.len());
    for screened in screened {
        waiting.push(state.enqueue(screened).await?);
    }
    for (index, committed) in indexes.into_iter().zip(waiting) {
        let (decision, error) = match state.committed(committed).await {
            Ok(decision) => (Some(decision), None),
            Err(error) => (None, Some(error)),
        };
        results.push(BatchItem {
            index,
            decision,
            error,
        });
    }
    results.sort_by_key(|item| item.index);
    Ok(Json(BatchResponse { results }))
}
