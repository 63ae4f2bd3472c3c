//! What the store commands share: the `--store` and `--reviewer` options, a runtime to
//! drive the async store from this synchronous program, the clock, and time formatting.

use std::future::Future;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use saring_store::Store;

/// The store option every store command takes.
#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The store: sqlite://PATH (created if missing) or postgres://USER@HOST/DATABASE.
    #[arg(long, value_name = "URL", env = "SARING_STORE")]
    pub store: String,
}

/// The acting reviewer.
#[derive(clap::Args, Debug, Clone)]
pub struct ReviewerArgs {
    /// Who acts (recorded with every transition).
    #[arg(long, value_name = "NAME", env = "SARING_REVIEWER")]
    pub reviewer: String,
}

impl ReviewerArgs {
    /// The reviewer's name, refused when blank.
    pub fn name(&self) -> anyhow::Result<&str> {
        let name = self.reviewer.trim();
        if name.is_empty() {
            bail!("--reviewer (or SARING_REVIEWER) must name the reviewer");
        }
        Ok(name)
    }
}

/// A single-threaded runtime for the store's async calls, plus the connected store.
pub struct Connected {
    runtime: tokio::runtime::Runtime,
    /// The store.
    pub store: Store,
}

impl Connected {
    /// Connects to `url` (applying migrations).
    pub fn open(url: &str) -> anyhow::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start the store runtime")?;
        let store = runtime
            .block_on(Store::connect(url))
            .with_context(|| format!("cannot open the store {}", redact_url(url)))?;
        Ok(Self { runtime, store })
    }

    /// Runs one store call to completion.
    pub fn run<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }

    /// Closes the store's connections.
    pub fn close(self) {
        self.runtime.block_on(self.store.close());
    }
}

/// The URL without a password, for messages.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Now, as unix milliseconds UTC.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

/// Unix milliseconds as RFC 3339 UTC (`2026-11-24T10:00:00Z`).
pub fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_else(|| format!("{ms} ms"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_unix_milliseconds_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_800_000_000_123), "2027-01-15T08:00:00Z");
    }

    #[test]
    fn passwords_are_left_out_of_messages() {
        assert_eq!(
            redact_url("postgres://u:secret@db/x"),
            "postgres://u:***@db/x"
        );
        assert_eq!(redact_url("sqlite://a.db"), "sqlite://a.db");
    }
}
