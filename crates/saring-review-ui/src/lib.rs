//! The review web UI of saring: server-rendered pages under `/ui`, in Indonesian (default) and
//! English, for reviewers (case queue, case pages, appeals) and regulators (takedown status and
//! aggregate figures).
//!
//! Sign-in takes an API key and opens a server-side session (only a hash of its token is
//! stored) held in an `HttpOnly`, `SameSite=Strict` cookie scoped to `/ui`. Every POST carries
//! the session's CSRF token and is refused with 403 without it. Reviewers see the cases of
//! their platforms only; regulators see only the regulator page, which holds no seller data;
//! platform keys cannot sign in. All seller text is escaped by the templates; a seller's URL
//! becomes a link only when it is an absolute http(s) URL, and every response carries a
//! Content-Security-Policy without scripts, nosniff, no framing and no referrer.

mod auth;
mod format;
mod highlight;
mod i18n;
mod pages;
mod security;

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use saring_core::EnforcementPolicy;
use saring_store::{Store, StoreError};

pub use highlight::{Segment, highlight};
pub use i18n::{Lang, Texts};
pub use security::{UI_CONTENT_SECURITY_POLICY, http_link, set_security_headers};

/// How the UI behaves where deployments differ.
#[derive(Debug, Clone)]
pub struct UiOptions {
    /// Mark the session cookie `Secure` (sent over HTTPS only). On by default; turn it off
    /// only for plain-HTTP use on loopback (tests, a local demo).
    pub secure_cookies: bool,
    /// The enforcement policy a confirmation applies (as `saring cases decide` uses).
    pub enforcement: Arc<EnforcementPolicy>,
    /// How long a session lasts after sign-in (ms).
    pub session_ttl_ms: i64,
    /// How long a reviewer's claim on a case lasts (ms).
    pub claim_ttl_ms: i64,
}

impl UiOptions {
    /// Secure cookies, eight-hour sessions and 30-minute claims under `enforcement`.
    pub fn new(enforcement: EnforcementPolicy) -> UiOptions {
        UiOptions {
            secure_cookies: true,
            enforcement: Arc::new(enforcement),
            session_ttl_ms: 8 * 60 * 60 * 1000,
            claim_ttl_ms: 30 * 60 * 1000,
        }
    }
}

/// What every handler shares.
#[derive(Debug)]
struct Ui {
    store: Store,
    options: UiOptions,
}

type SharedUi = Arc<Ui>;

/// The UI's routes, all under `/ui`, ready to be merged into a server's router or served alone.
pub fn router(store: Store, options: UiOptions) -> Router {
    let ui = Arc::new(Ui { store, options });
    Router::new()
        .route("/ui", get(pages::home))
        .route("/ui/", get(pages::home))
        .route("/ui/sign-in", get(auth::sign_in_form).post(auth::sign_in))
        .route("/ui/sign-out", post(auth::sign_out))
        .route("/ui/queue", get(pages::queue))
        .route("/ui/cases/{id}", get(pages::case))
        .route("/ui/cases/{id}/claim", post(pages::claim))
        .route("/ui/cases/{id}/decide", post(pages::decide))
        .route("/ui/appeals", get(pages::appeals))
        .route("/ui/appeals/{id}/decide", post(pages::decide_appeal))
        .route("/ui/regulator", get(pages::regulator))
        .route("/ui/style.css", get(style_sheet))
        .layer(axum::middleware::from_fn(auth::remember_language))
        .layer(axum::middleware::from_fn(security::ui_headers))
        .with_state(ui)
}

/// The UI's style sheet (the pages carry no inline style: see [`UI_CONTENT_SECURITY_POLICY`]).
const STYLE_SHEET: &str = include_str!("../static/ui.css");

/// `/ui/style.css`, readable without a session (it holds nothing private).
async fn style_sheet() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE_SHEET,
    )
        .into_response()
}

/// Why a request gets no page.
#[derive(Debug, thiserror::Error)]
enum UiError {
    /// No live session: go and sign in.
    #[error("not signed in")]
    SignIn,
    /// Signed in, but the role may not see this, or the CSRF token is missing or wrong.
    #[error("forbidden")]
    Forbidden,
    /// No such record, or one of a platform the viewer does not cover (not told apart).
    #[error("not found")]
    NotFound,
    /// The form could not be read.
    #[error("bad form: {0}")]
    BadForm(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The system gave no random bytes for a token.
    #[error("no randomness: {0}")]
    Randomness(String),
    /// A template failed to render.
    #[error("template: {0}")]
    Render(#[from] askama::Error),
}

impl UiError {
    fn status_and_key(&self) -> (StatusCode, &'static str) {
        match self {
            UiError::SignIn => (StatusCode::SEE_OTHER, "signin.title"),
            UiError::Forbidden => (StatusCode::FORBIDDEN, "error.forbidden"),
            UiError::NotFound => (StatusCode::NOT_FOUND, "error.not_found"),
            UiError::BadForm(_) => (StatusCode::BAD_REQUEST, "error.bad_form"),
            UiError::Store(_) | UiError::Randomness(_) | UiError::Render(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "error.internal")
            }
        }
    }
}

impl IntoResponse for UiError {
    fn into_response(self) -> Response {
        if let UiError::SignIn = self {
            return Redirect::to("/ui/sign-in").into_response();
        }
        let (status, key) = self.status_and_key();
        if status.is_server_error() {
            eprintln!("saring review UI: {self}");
        }
        let page = pages::ErrorPage {
            status: status.as_u16(),
            messages: Lang::ALL.map(|lang| lang.texts().get(key)).to_vec(),
        };
        match askama::Template::render(&page) {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => status.into_response(),
        }
    }
}

/// The time now, unix ms.
fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
