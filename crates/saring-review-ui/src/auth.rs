//! Sign-in, sessions, CSRF and the language cookie.

use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use saring_core::Role;
use saring_store::SessionRecord;
use saring_store::canonical::constant_time_eq;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::i18n::Lang;
use crate::pages::{Nav, SignInPage};
use crate::{SharedUi, UiError, now_ms};

const SESSION_COOKIE: &str = "saring_session";
const SIGN_IN_COOKIE: &str = "saring_sign_in";
const LANG_COOKIE: &str = "saring_lang";
/// Forms are small; anything bigger is refused before parsing.
const FORM_LIMIT: usize = 64 * 1024;

/// The value of cookie `name` in the request's `Cookie` headers.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Strict always, Secure when asked.
fn set_cookie(name: &str, value: &str, path: &str, max_age_s: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!(
        "{name}={value}; Path={path}; Max-Age={max_age_s}; HttpOnly; SameSite=Strict{secure}"
    );
    // Names and paths are ours, values are hex or a language code: always a valid header.
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn random_token() -> Result<String, UiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| UiError::Randomness(e.to_string()))?;
    Ok(hex::encode(bytes))
}

/// The language asked for: `?lang=` first, then the cookie, else Indonesian.
pub(crate) fn language(parts: &Parts) -> Lang {
    query_language(parts.uri.query())
        .or_else(|| cookie(&parts.headers, LANG_COOKIE).and_then(Lang::from_code))
        .unwrap_or_default()
}

fn query_language(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "lang")
        .and_then(|(_, code)| Lang::from_code(code))
}

/// Remembers a `?lang=` choice in a cookie for the pages that follow.
pub(crate) async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = query_language(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let year = 365 * 24 * 60 * 60;
        response.headers_mut().append(
            SET_COOKIE,
            set_cookie(LANG_COOKIE, lang.code(), "/ui", year, false),
        );
    }
    response
}

/// A signed-in viewer of a page, in the language they chose.
#[derive(Debug, Clone)]
pub(crate) struct Viewer {
    pub session: SessionRecord,
    pub lang: Lang,
}

impl Viewer {
    /// Refuses viewers whose role is not one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<(), UiError> {
        if self.session.principal.has_role(roles) {
            Ok(())
        } else {
            Err(UiError::Forbidden)
        }
    }

    /// Whether the viewer reviews cases (reviewers and admins).
    pub fn reviews(&self) -> bool {
        self.session.principal.has_role(REVIEWERS)
    }

    /// Whether the viewer sees the regulator page (regulators and admins).
    pub fn regulates(&self) -> bool {
        self.session.principal.has_role(REGULATORS)
    }

    /// Who the store records as acting: the key, named as the API names it (`api-key:ID`), so
    /// one reviewer is one actor whichever door they use.
    pub fn actor(&self) -> String {
        self.session.principal.actor()
    }

    /// The navigation and forms context every page needs.
    pub fn nav(&self) -> Nav {
        Nav {
            lang: self.lang,
            csrf: self.session.csrf_token.clone(),
            reviews: self.reviews(),
            regulates: self.regulates(),
        }
    }

    /// Where a signed-in viewer starts.
    pub fn home(&self) -> &'static str {
        if self.reviews() {
            "/ui/queue"
        } else {
            "/ui/regulator"
        }
    }
}

/// Roles that review cases.
pub(crate) const REVIEWERS: &[Role] = &[Role::Reviewer, Role::Admin];
/// Roles that see the regulator page.
pub(crate) const REGULATORS: &[Role] = &[Role::Regulator, Role::Admin];
/// Roles that may sign in to the UI at all.
const UI_ROLES: &[Role] = &[Role::Reviewer, Role::Admin, Role::Regulator];

impl FromRequestParts<SharedUi> for Viewer {
    type Rejection = UiError;

    async fn from_request_parts(parts: &mut Parts, ui: &SharedUi) -> Result<Self, UiError> {
        let token = cookie(&parts.headers, SESSION_COOKIE).ok_or(UiError::SignIn)?;
        let session = ui
            .store
            .session(token, now_ms())
            .await?
            .ok_or(UiError::SignIn)?;
        Ok(Viewer {
            session,
            lang: language(parts),
        })
    }
}

/// A POSTed form of a signed-in viewer whose CSRF token matched the session's.
pub(crate) struct CsrfForm<T> {
    pub viewer: Viewer,
    pub form: T,
}

#[derive(Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

async fn form_bytes(body: axum::body::Body) -> Result<axum::body::Bytes, UiError> {
    axum::body::to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|e| UiError::BadForm(e.to_string()))
}

impl<T: DeserializeOwned + Send> FromRequest<SharedUi> for CsrfForm<T> {
    type Rejection = UiError;

    async fn from_request(request: Request, ui: &SharedUi) -> Result<Self, UiError> {
        let (mut parts, body) = request.into_parts();
        let viewer = Viewer::from_request_parts(&mut parts, ui).await?;
        let bytes = form_bytes(body).await?;
        let field: CsrfField =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| UiError::Forbidden)?;
        if !viewer.session.csrf_matches(&field.csrf) {
            return Err(UiError::Forbidden);
        }
        let form = serde_urlencoded::from_bytes(&bytes)
            .map_err(|e: serde_urlencoded::de::Error| UiError::BadForm(e.to_string()))?;
        Ok(CsrfForm { viewer, form })
    }
}

/// The sign-in page. It sets a one-off token in a cookie and in the form (double submit), so
/// another site cannot sign a browser in with the attacker's key.
pub(crate) async fn sign_in_form(
    State(ui): State<SharedUi>,
    parts: Parts,
) -> Result<Response, UiError> {
    render_sign_in(&ui, language(&parts), false)
}

fn render_sign_in(ui: &SharedUi, lang: Lang, refused: bool) -> Result<Response, UiError> {
    let token = random_token()?;
    let page = SignInPage {
        t: lang.texts(),
        lang,
        csrf: token.clone(),
        refused,
    };
    let html = askama::Template::render(&page)?;
    let status = if refused {
        axum::http::StatusCode::UNAUTHORIZED
    } else {
        axum::http::StatusCode::OK
    };
    let mut response = (status, Html(html)).into_response();
    response.headers_mut().append(
        SET_COOKIE,
        set_cookie(
            SIGN_IN_COOKIE,
            &token,
            "/ui/sign-in",
            15 * 60,
            ui.options.secure_cookies,
        ),
    );
    Ok(response)
}

#[derive(Deserialize)]
pub(crate) struct SignInForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    csrf: String,
}

/// Checks the key and opens a session; any refusal reads the same.
pub(crate) async fn sign_in(
    State(ui): State<SharedUi>,
    request: Request,
) -> Result<Response, UiError> {
    let (parts, body) = request.into_parts();
    let lang = language(&parts);
    let expected = cookie(&parts.headers, SIGN_IN_COOKIE).unwrap_or_default();
    let form: SignInForm = serde_urlencoded::from_bytes(&form_bytes(body).await?)
        .map_err(|e| UiError::BadForm(e.to_string()))?;
    if expected.is_empty() || !constant_time_eq(expected.as_bytes(), form.csrf.as_bytes()) {
        return Err(UiError::Forbidden);
    }
    let principal = ui
        .store
        .authenticate_api_key(form.key.trim())
        .await?
        .filter(|principal| principal.has_role(UI_ROLES));
    let Some(principal) = principal else {
        return render_sign_in(&ui, lang, true);
    };
    let now = now_ms();
    ui.store.expire_sessions(now).await?;
    let made = ui
        .store
        .create_session(&principal, ui.options.session_ttl_ms, now)
        .await?;
    let viewer = Viewer {
        session: made.session,
        lang,
    };
    let secure = ui.options.secure_cookies;
    let mut response = Redirect::to(viewer.home()).into_response();
    let headers = response.headers_mut();
    headers.append(
        SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            &made.token,
            "/ui",
            ui.options.session_ttl_ms / 1000,
            secure,
        ),
    );
    headers.append(
        SET_COOKIE,
        set_cookie(SIGN_IN_COOKIE, "", "/ui/sign-in", 0, secure),
    );
    Ok(response)
}

#[derive(Deserialize)]
pub(crate) struct NoFields {}

/// Ends the session and clears its cookie.
pub(crate) async fn sign_out(
    State(ui): State<SharedUi>,
    parts: Parts,
    CsrfForm { .. }: CsrfForm<NoFields>,
) -> Result<Response, UiError> {
    if let Some(token) = cookie(&parts.headers, SESSION_COOKIE) {
        ui.store.delete_session(token).await?;
    }
    let mut response = Redirect::to("/ui/sign-in").into_response();
    response.headers_mut().append(
        SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", "/ui", 0, ui.options.secure_cookies),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.append(
            COOKIE,
            HeaderValue::from_static("saring_lang=en; x_saring_session=evil"),
        );
        headers.append(COOKIE, HeaderValue::from_static("saring_session=abc"));
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&headers, LANG_COOKIE), Some("en"));
        assert_eq!(cookie(&headers, SIGN_IN_COOKIE), None);
    }

    #[test]
    fn session_cookies_are_http_only_strict_and_secure_when_asked() {
        let secure = set_cookie(SESSION_COOKIE, "abc", "/ui", 60, true);
        let text = secure.to_str().expect("ascii");
        assert!(text.contains("HttpOnly"));
        assert!(text.contains("SameSite=Strict"));
        assert!(text.contains("Path=/ui"));
        assert!(text.ends_with("; Secure"));
        let plain = set_cookie(SESSION_COOKIE, "abc", "/ui", 60, false);
        assert!(!plain.to_str().expect("ascii").contains("Secure"));
    }

    #[test]
    fn the_query_language_wins_and_unknown_codes_are_ignored() {
        assert_eq!(query_language(Some("state=open&lang=en")), Some(Lang::En));
        assert_eq!(query_language(Some("lang=xx")), None);
        assert_eq!(query_language(None), None);
    }
}
