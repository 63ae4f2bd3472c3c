//! What keeps seller text from acting in the UI's origin: the headers every response carries
//! (a Content-Security-Policy without scripts, nosniff, no framing, no referrer) and the only
//! links seller text may become (absolute http and https URLs).

use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The UI's policy: nothing but its own style sheet loads, no script runs, forms post to
/// the UI only, and no other site may frame it.
pub const UI_CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Sets the headers every response of a saring server carries: `csp` as the
/// Content-Security-Policy (unless the response set its own), `nosniff`, no framing and no
/// referrer. Headers the response already has are kept.
pub fn set_security_headers(headers: &mut HeaderMap, csp: &'static str) {
    let wanted = [
        (CONTENT_SECURITY_POLICY, csp),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (X_FRAME_OPTIONS, "DENY"),
        (REFERRER_POLICY, "no-referrer"),
    ];
    for (name, value) in wanted {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
}

/// Middleware: the UI's security headers on every response, errors and redirects included;
/// pages hold personal data, so none is cached.
pub(crate) async fn ui_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    set_security_headers(headers, UI_CONTENT_SECURITY_POLICY);
    if !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The link a seller-given URL may become: the URL as parsed and written out again when it is
/// an absolute `http://` or `https://` URL with a host, written as given (no leading spaces or
/// control characters, no white space anywhere); `None` for anything else (`javascript:`,
/// `data:`, `vbscript:`, relative URLs, entity-encoded tricks), which the page shows as text.
pub fn http_link(text: &str) -> Option<String> {
    if text.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    let (scheme, rest) = text.split_once(':')?;
    let web_scheme = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    if !web_scheme || !rest.starts_with("//") {
        return None;
    }
    let parsed = url::Url::parse(text).ok()?;
    let web = matches!(parsed.scheme(), "http" | "https");
    let has_host = parsed.host_str().is_some_and(|host| !host.is_empty());
    (web && has_host).then(|| parsed.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_urls_become_links() {
        assert_eq!(
            http_link("https://shopee.co.id/p/1?a=b&c=d").as_deref(),
            Some("https://shopee.co.id/p/1?a=b&c=d")
        );
        assert_eq!(
            http_link("HTTP://Tokopedia.com/x").as_deref(),
            Some("http://tokopedia.com/x")
        );
        // Quotes and angle brackets are percent-encoded in what is written out.
        let odd = http_link("https://a.example/\"><b>").expect("a web URL");
        assert!(!odd.contains(['"', '<', '>']), "{odd}");
        for refused in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "\tjavascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "javascript://shopee.co.id/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "//evil.example/x",
            "/ui/queue",
            "https:/relative",
            "http://",
            "http:\\\\evil.example",
            " https://shopee.co.id/p/1",
            "https://shopee.co.id/p/1\u{0}",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(
                http_link(refused),
                None,
                "{refused:?} must not become a link"
            );
        }
    }

    #[test]
    fn headers_are_set_unless_the_response_has_its_own() {
        let mut headers = HeaderMap::new();
        headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));
        set_security_headers(&mut headers, UI_CONTENT_SECURITY_POLICY);
        assert_eq!(headers[CONTENT_SECURITY_POLICY], UI_CONTENT_SECURITY_POLICY);
        assert_eq!(headers[X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[REFERRER_POLICY], "no-referrer");
        assert_eq!(headers[X_FRAME_OPTIONS], "SAMEORIGIN");
    }
}
