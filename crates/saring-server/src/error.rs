//! API errors: one type, answered as JSON `{code, message, field}` with its HTTP status.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use saring_store::StoreError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};

/// An error answered to an API client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ApiError {
    /// HTTP status.
    #[serde(skip)]
    pub status: StatusCode,
    /// Stable machine-readable code, e.g. `unauthenticated`, `forbidden`, `invalid_field`.
    #[schema(value_type = String)]
    pub code: &'static str,
    /// What went wrong, for a person.
    pub message: String,
    /// The request field at fault, when the error is about one.
    pub field: Option<String>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    /// 401: no key, or one that is unknown, revoked or malformed (one message for all).
    pub fn unauthenticated() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "a valid API key is required: Authorization: Bearer KEY",
        )
    }

    /// 403: the key's role or platforms do not allow this. Says nothing about the resource.
    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this key is not allowed to do this",
        )
    }

    /// 404: no such resource (also answered for resources outside the key's platforms).
    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such {what}"),
        )
    }

    /// 400 about one field.
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: Some(field.to_string()),
            ..Self::new(StatusCode::BAD_REQUEST, "invalid_field", message)
        }
    }

    /// 415: the body is in a format this route does not take.
    pub fn unsupported_media(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            message,
        )
    }

    /// 409: the resource's state refuses the change.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    /// 500: logged server-side; the client learns nothing of the cause.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        eprintln!("saring serve: internal error: {cause}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "internal error",
        )
    }

    /// 503: the store cannot take the request now.
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(&self)).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NoSuchCase(_) => ApiError::not_found("case"),
            StoreError::NoSuchAppeal(_) => ApiError::not_found("appeal"),
            StoreError::NoSuchBank(_) => ApiError::not_found("bank"),
            StoreError::NoSuchLexicon(_) => ApiError::not_found("lexicon version"),
            StoreError::BankExists(_) | StoreError::LexiconExists(_) => {
                ApiError::conflict(error.to_string())
            }
            StoreError::AppealDecided(_) | StoreError::Transition(_) => {
                ApiError::conflict(error.to_string())
            }
            StoreError::Database(_) | StoreError::Migrate(_) => ApiError::internal(error),
            other => ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                other.to_string(),
            ),
        }
    }
}

/// The field a serde error names (`missing field `x``, `unknown field `x``), if any.
fn serde_field(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let end = start + message[start..].find('`')?;
    Some(message[start..end].to_string())
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let status = rejection.status();
        let text = rejection.body_text();
        let (code, field) = match &rejection {
            JsonRejection::JsonDataError(_) => ("invalid_field", serde_field(&text)),
            JsonRejection::JsonSyntaxError(_) => ("invalid_json", None),
            JsonRejection::MissingJsonContentType(_) => ("unsupported_media_type", None),
            _ if status == StatusCode::PAYLOAD_TOO_LARGE => ("too_large", None),
            _ => ("invalid_request", None),
        };
        Self {
            status,
            code,
            message: text,
            field,
        }
    }
}

/// A JSON body whose rejections are [`ApiError`]s.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(value) = Json::<T>::from_request(request, state).await?;
        Ok(Self(value))
    }
}

/// A query string whose rejections are [`ApiError`]s.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Self(value))
            .map_err(|rejection: QueryRejection| {
                let text = rejection.body_text();
                ApiError {
                    field: serde_field(&text),
                    ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", text)
                }
            })
    }
}

/// Results of handlers.
pub type ApiResult<T> = Result<T, ApiError>;

/// The error answers every `/v1` route may give, for the OpenAPI document.
pub struct ErrorResponses;

impl utoipa::IntoResponses for ErrorResponses {
    fn responses() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
        [
            ("400", "A field or the body is invalid; `field` names it."),
            ("401", "No key, or one that is unknown or revoked."),
            ("403", "The key's role or platforms do not allow this."),
            ("404", "No such resource."),
            ("409", "The resource's state refuses the change."),
            ("413", "The body is larger than the route takes."),
            ("415", "The body is in a format the route does not take."),
            ("500", "Internal error (logged; no details are given)."),
        ]
        .into_iter()
        .map(|(status, description)| {
            let response = ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ApiError")))
                        .build(),
                )
                .build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_name_their_field() {
        assert_eq!(
            serde_field("missing field `title` at line 1 column 9").as_deref(),
            Some("title")
        );
        assert_eq!(serde_field("expected value"), None);
    }
}
