//! Authentication: `Authorization: Bearer KEY` turned into the key's [`Principal`], and the
//! role and platform checks handlers apply.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use saring_core::{Principal, Role};

use crate::error::ApiError;
use crate::state::AppState;

/// Middleware: authenticates the request or answers 401 with one message for a missing,
/// malformed, unknown or revoked key.
pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let key = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    let principal = match key {
        Some(key) => state.authenticate(key).await,
        None => Ok(None),
    };
    match principal {
        Ok(Some(principal)) => {
            request.extensions_mut().insert(principal);
            next.run(request).await
        }
        Ok(None) => ApiError::unauthenticated().into_response(),
        Err(error) => error.into_response(),
    }
}

/// The authenticated caller, as an extractor.
pub struct Caller(pub Principal);

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .map(Caller)
            .ok_or_else(ApiError::unauthenticated)
    }
}

impl Caller {
    /// 403 unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<&Principal, ApiError> {
        if self.0.has_role(roles) {
            Ok(&self.0)
        } else {
            Err(ApiError::forbidden())
        }
    }

    /// 403 unless the caller has one of `roles` and covers `platform`.
    pub fn require_platform(&self, roles: &[Role], platform: &str) -> Result<&Principal, ApiError> {
        let principal = self.require(roles)?;
        if principal.covers_platform(platform) {
            Ok(principal)
        } else {
            Err(ApiError::forbidden())
        }
    }

    /// 404, as for a missing `what`, unless the caller covers `platform`: a record of a
    /// platform the caller is not granted reads exactly as one that does not exist, so ids
    /// cannot be probed across platforms.
    pub fn sees(&self, platform: &str, what: &str) -> Result<(), ApiError> {
        if self.0.covers_platform(platform) {
            Ok(())
        } else {
            Err(ApiError::not_found(what))
        }
    }

    /// The name recorded as the actor of what this caller does (the same through the review
    /// UI: see [`Principal::actor`]).
    pub fn actor(&self) -> String {
        self.0.actor()
    }
}

/// Who screens: platforms for their own platform, reviewers for theirs, admins.
pub const SCREENERS: &[Role] = &[Role::Platform, Role::Reviewer, Role::Admin];
/// Who reviews cases and decides appeals.
pub const REVIEWERS: &[Role] = &[Role::Reviewer, Role::Admin];
/// Who files appeals: a platform on its seller's behalf, reviewers, admins.
pub const APPELLANTS: &[Role] = &[Role::Platform, Role::Reviewer, Role::Admin];
