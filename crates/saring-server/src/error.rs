//! API errors: one type, answered as JSON `{code, message, field}` with its HTTP status.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use saring_core::ListingError;
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

    /// 422: the body is well-formed but a field's value is not acceptable.
    pub fn unprocessable(field: Option<String>, message: impl Into<String>) -> Self {
        let code = if field.is_some() {
            "invalid_field"
        } else {
            "invalid_request"
        };
        Self {
            field,
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
        }
    }

    /// 400: the body is not well-formed JSON.
    pub fn invalid_json(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "invalid_json", message)
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

impl From<ListingError> for ApiError {
    /// Not JSON: 400; JSON that is not a valid listing: 422 naming the field.
    fn from(error: ListingError) -> Self {
        match error {
            ListingError::Syntax(message) => ApiError::invalid_json(message),
            other => ApiError::unprocessable(other.field().map(str::to_string), other.to_string()),
        }
    }
}

/// The field a serde message names: only the name in a `missing field` or `unknown field`
/// message that comes before any other backtick (the text in other backticks, as in
/// `unknown variant`, can be the caller's value).
fn serde_field(message: &str) -> Option<String> {
    let first_tick = message.find('`')?;
    ["missing field `", "unknown field `"]
        .into_iter()
        .find_map(|prefix| {
            let at = message.find(prefix)?;
            (at + prefix.len() == first_tick + 1).then_some(at + prefix.len())
        })
        .and_then(|start| {
            let end = start + message[start..].find('`')?;
            Some(message[start..end].to_string())
        })
}

/// The field of a JSON body's data error: its path, from the error axum keeps.
fn json_error_field(rejection: &JsonRejection) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(error) = cause {
        if let Some(located) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>()
        {
            return saring_core::listing::field_of_serde_error(
                located.path(),
                &located.inner().to_string(),
            );
        }
        cause = error.source();
    }
    None
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        let status = rejection.status();
        let code = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "too_large"
        } else {
            "invalid_request"
        };
        Self::new(status, code, rejection.body_text())
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let status = rejection.status();
        let text = rejection.body_text();
        let (code, field) = match &rejection {
            JsonRejection::JsonDataError(_) => ("invalid_field", json_error_field(&rejection)),
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
        let body = json_body(request, state).await?;
        refuse_nul(&body)?;
        let Json(value) = Json::<T>::from_bytes(&body)?;
        Ok(Self(value))
    }
}

/// The body of a request that says it is JSON (415 otherwise; 413 over the route's limit).
pub async fn json_body<S: Send + Sync>(request: Request, state: &S) -> ApiResult<Bytes> {
    let json = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            let essence = value.split(';').next().unwrap_or_default().trim();
            essence.eq_ignore_ascii_case("application/json")
                || essence.to_ascii_lowercase().ends_with("+json")
        });
    if !json {
        return Err(ApiError::unsupported_media(
            "expected a body with content-type application/json",
        ));
    }
    Ok(Bytes::from_request(request, state).await?)
}

/// 422 naming the field for a JSON body holding a NUL character (`\u0000`) in any string or
/// key: PostgreSQL can keep it neither in text nor in JSON, so no route takes it, whatever
/// the store. Raw NUL bytes cannot occur in JSON text; the escape is found without parsing,
/// and the body is parsed only to name the field.
pub fn refuse_nul(body: &[u8]) -> ApiResult<()> {
    if !has_nul_escape(body) {
        return Ok(());
    }
    let field = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|value| nul_path(&value, String::new()));
    Err(ApiError::unprocessable(
        Some(field.unwrap_or_else(|| "body".to_string())),
        "contains a NUL character (U+0000), which cannot be stored",
    ))
}

/// Whether `\u0000` occurs as an escape (preceded by an even number of backslashes).
fn has_nul_escape(body: &[u8]) -> bool {
    body.windows(6).enumerate().any(|(at, window)| {
        window == b"\\u0000"
            && body[..at]
                .iter()
                .rev()
                .take_while(|byte| **byte == b'\\')
                .count()
                % 2
                == 0
    })
}

/// The dotted path of the first string holding a NUL, or of the object whose key holds one.
fn nul_path(value: &serde_json::Value, path: String) -> Option<String> {
    let root_or = |path: &str| {
        if path.is_empty() {
            "body".to_string()
        } else {
            path.to_string()
        }
    };
    match value {
        serde_json::Value::String(text) => text.contains('\0').then(|| root_or(&path)),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| nul_path(item, format!("{path}[{index}]"))),
        serde_json::Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            if key.contains('\0') {
                return Some(root_or(&path));
            }
            let inner = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            nul_path(item, inner)
        }),
        _ => None,
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
            (
                "422",
                "The body is JSON but a field is missing, of the wrong type or not acceptable \
                 (a NUL character, longer than its cap, a blank id, a score outside 0..1); \
                 `field` names it.",
            ),
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
    fn nul_escapes_are_found_and_named_by_their_path() {
        assert!(
            refuse_nul(br#"{"reason":"a\\u0000"}"#).is_ok(),
            "an escaped backslash"
        );
        assert!(refuse_nul(br#"{"reason":"plain"}"#).is_ok());
        for (body, field) in [
            (&br#"{"reason":"a\u0000b"}"#[..], "reason"),
            (
                br#"{"entries":[{"hash":"x"},{"source":"\\\u0000"}]}"#,
                "entries[1].source",
            ),
            (br#"{"toml":"x","note":{"k\u0000":1}}"#, "note"),
            (br#"["\u0000"]"#, "[0]"),
            (br#"{"broken":"\u0000"#, "body"),
        ] {
            let error = refuse_nul(body).expect_err("NUL refused");
            assert_eq!(
                (error.status, error.field.as_deref()),
                (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }

    #[test]
    fn serde_messages_name_their_field() {
        assert_eq!(
            serde_field("missing field `title` at line 1 column 9").as_deref(),
            Some("title")
        );
        assert_eq!(serde_field("expected value"), None);
        assert_eq!(
            serde_field("unknown variant `missing field `x``, expected `confirm`"),
            None,
            "a value in backticks is never taken for a field"
        );
        assert_eq!(
            serde_field("Failed to deserialize query string: unknown field `limt`").as_deref(),
            Some("limt")
        );
    }
}
