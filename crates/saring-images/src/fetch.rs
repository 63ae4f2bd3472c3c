//! Reading listing photos from where the listing says they are.

use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use base64::Engine;
use saring_core::ImageRef;

/// Why a photo could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The local file could not be read.
    #[error("cannot read {path}: {source}")]
    File {
        /// The path.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The base64 text is not valid.
    #[error("invalid base64 image: {0}")]
    Base64(#[from] base64::DecodeError),
    /// Only http and https URLs are fetched.
    #[error("refusing to fetch {0}: only http and https URLs are fetched")]
    Scheme(String),
    /// Local paths are not allowed in this context (e.g. the HTTP API).
    #[error("local image paths are not allowed here")]
    PathNotAllowed,
    /// The request failed (connection, timeout, status).
    #[error("cannot fetch {url}: {message}")]
    Http {
        /// The URL.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The server did not say the body is an image.
    #[error("{url} is not an image (content-type {content_type:?})")]
    NotAnImage {
        /// The URL.
        url: String,
        /// The content type it sent.
        content_type: String,
    },
    /// The photo is larger than allowed.
    #[error("image is larger than {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
}

/// Limits on reading photos.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    /// Largest photo in bytes.
    pub max_bytes: u64,
    /// Time allowed for one HTTP fetch, connection included.
    pub timeout: Duration,
    /// Whether `path` references may be read (true for the CLI, false for the HTTP API,
    /// where a caller must not make the server read its files).
    pub allow_paths: bool,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            max_bytes: 10 * 1024 * 1024,
            timeout: Duration::from_secs(5),
            allow_paths: true,
        }
    }
}

/// Reads photos from paths, base64 text and http(s) URLs.
pub struct ImageFetcher {
    limits: FetchLimits,
    /// Built on first use: reqwest's blocking client owns a runtime, which may be neither
    /// built nor dropped inside an async context (the HTTP server's), while fetching always
    /// happens on a blocking thread.
    client: OnceLock<Result<reqwest::blocking::Client, String>>,
}

impl Drop for ImageFetcher {
    /// Drops the client on a thread of its own, which is safe in any context.
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

impl ImageFetcher {
    /// A fetcher with `limits`.
    pub fn new(limits: FetchLimits) -> Result<Self, FetchError> {
        Ok(Self {
            limits,
            client: OnceLock::new(),
        })
    }

    fn client(&self, url: &str) -> Result<&reqwest::blocking::Client, FetchError> {
        let timeout = self.limits.timeout;
        self.client
            .get_or_init(|| {
                reqwest::blocking::Client::builder()
                    .timeout(timeout)
                    .connect_timeout(timeout)
                    .redirect(reqwest::redirect::Policy::limited(3))
                    .build()
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|message| FetchError::Http {
                url: url.to_string(),
                message: message.clone(),
            })
    }

    /// The photo's bytes.
    pub fn fetch(&self, image: &ImageRef) -> Result<Vec<u8>, FetchError> {
        let limit = self.limits.max_bytes;
        let bytes = match image {
            ImageRef::Path(path) => {
                if !self.limits.allow_paths {
                    return Err(FetchError::PathNotAllowed);
                }
                let file_error = |source| FetchError::File {
                    path: path.clone(),
                    source,
                };
                let file = std::fs::File::open(PathBuf::from(path)).map_err(file_error)?;
                read_capped(file, limit).map_err(|e| match e {
                    CappedError::Io(source) => file_error(source),
                    CappedError::TooLarge => FetchError::TooLarge { limit },
                })?
            }
            ImageRef::Base64(text) => {
                // 4 base64 characters carry 3 bytes.
                if (text.len() as u64) / 4 * 3 > limit {
                    return Err(FetchError::TooLarge { limit });
                }
                let cleaned: String = text.split_whitespace().collect();
                let payload = cleaned
                    .split_once(";base64,")
                    .map_or(cleaned.as_str(), |(_, data)| data);
                base64::engine::general_purpose::STANDARD.decode(payload)?
            }
            ImageRef::Url(url) => self.fetch_url(url)?,
        };
        Ok(bytes)
    }

    fn fetch_url(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(FetchError::Scheme(url.to_string()));
        }
        let http_error = |message: String| FetchError::Http {
            url: url.to_string(),
            message,
        };
        let response = self
            .client(url)?
            .get(url)
            .send()
            .and_then(reqwest::blocking::Response::error_for_status)
            .map_err(|e| http_error(e.to_string()))?;
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !content_type.starts_with("image/") {
            return Err(FetchError::NotAnImage {
                url: url.to_string(),
                content_type,
            });
        }
        let limit = self.limits.max_bytes;
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge { limit });
        }
        read_capped(response, limit).map_err(|e| match e {
            CappedError::Io(source) => http_error(source.to_string()),
            CappedError::TooLarge => FetchError::TooLarge { limit },
        })
    }
}

enum CappedError {
    Io(std::io::Error),
    TooLarge,
}

/// Reads at most `limit` bytes; more is an error, not a silent cut.
fn read_capped(reader: impl Read, limit: u64) -> Result<Vec<u8>, CappedError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(CappedError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(CappedError::TooLarge);
    }
    Ok(bytes)
}
