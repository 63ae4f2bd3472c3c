//! Setting up an endpoint: checking its URL and generating its signing secret.

/// Why an endpoint URL is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    /// Not an absolute URL.
    #[error("not a URL: {0}")]
    NotAUrl(String),
    /// Not http or https.
    #[error("the URL must be http or https, not {0}")]
    Scheme(String),
    /// No host to send to.
    #[error("the URL names no host")]
    NoHost,
    /// The operating system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
}

/// Checks that `url` is an absolute http(s) URL with a host, and returns it normalised.
pub fn check_endpoint_url(url: &str) -> Result<String, EndpointError> {
    let parsed =
        reqwest::Url::parse(url.trim()).map_err(|e| EndpointError::NotAUrl(e.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(EndpointError::Scheme(parsed.scheme().to_string()));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(EndpointError::NoHost);
    }
    Ok(parsed.to_string())
}

/// A fresh signing secret: 32 random bytes as 64 hex digits (the HMAC key is this text).
pub fn new_signing_secret() -> Result<String, EndpointError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| EndpointError::Random(e.to_string()))?;
    Ok(hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_must_be_absolute_http_with_a_host() {
        assert_eq!(
            check_endpoint_url(" https://hooks.shopee.example/saring ").as_deref(),
            Ok("https://hooks.shopee.example/saring")
        );
        assert!(check_endpoint_url("http://127.0.0.1:8080/").is_ok());
        assert!(matches!(
            check_endpoint_url("ftp://example.com/"),
            Err(EndpointError::Scheme(_))
        ));
        assert!(matches!(
            check_endpoint_url("/relative/path"),
            Err(EndpointError::NotAUrl(_))
        ));
    }

    #[test]
    fn signing_secrets_are_fresh_64_hex_digits() {
        let first = new_signing_secret().expect("secret");
        let second = new_signing_secret().expect("secret");
        assert_eq!(first.len(), 64);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(first, second);
    }
}
