//! Server configuration: a TOML file, then `SARING_*` environment variables, then
//! command-line flags, each overriding the one before.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::ServerError;

/// Default listening address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// Default store: SQLite beside the working directory, as `saring scan` uses.
pub const DEFAULT_STORE: &str = "sqlite://saring.db";

/// Settings as read from one source; unset fields leave the earlier source's value.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Address to listen on (`SARING_LISTEN`).
    pub listen: Option<SocketAddr>,
    /// Store URL (`SARING_STORE`).
    pub store: Option<String>,
    /// File holding the deployment secret (`SARING_SECRET_FILE`; or `SARING_SECRET`).
    pub secret_file: Option<PathBuf>,
    /// Most listings one `POST /v1/screen/batch` may carry (`SARING_BATCH_MAX_ITEMS`).
    pub batch_max_items: Option<usize>,
    /// Most decisions recorded in one store transaction (`SARING_COMMIT_MAX`).
    pub commit_max: Option<usize>,
    /// Minutes a reviewer's claim lasts (`SARING_CLAIM_MINUTES`).
    pub claim_minutes: Option<i64>,
}

impl Settings {
    /// Reads a TOML file.
    pub fn from_file(path: &Path) -> Result<Self, ServerError> {
        let text = std::fs::read_to_string(path).map_err(|source| {
            ServerError::Config(format!("cannot read {}: {source}", path.display()))
        })?;
        toml::from_str(&text)
            .map_err(|error| ServerError::Config(format!("{}: {error}", path.display())))
    }

    /// Reads `SARING_*` variables through `lookup` (the process environment in production).
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ServerError> {
        fn parsed<T: std::str::FromStr>(
            lookup: &impl Fn(&str) -> Option<String>,
            name: &str,
        ) -> Result<Option<T>, ServerError>
        where
            T::Err: std::fmt::Display,
        {
            lookup(name)
                .map(|value| {
                    value
                        .parse()
                        .map_err(|error| ServerError::Config(format!("{name}={value:?}: {error}")))
                })
                .transpose()
        }
        Ok(Self {
            listen: parsed(&lookup, "SARING_LISTEN")?,
            store: lookup("SARING_STORE"),
            secret_file: lookup("SARING_SECRET_FILE").map(PathBuf::from),
            batch_max_items: parsed(&lookup, "SARING_BATCH_MAX_ITEMS")?,
            commit_max: parsed(&lookup, "SARING_COMMIT_MAX")?,
            claim_minutes: parsed(&lookup, "SARING_CLAIM_MINUTES")?,
        })
    }

    /// These settings with `over`'s set fields taking precedence.
    pub fn overridden_by(self, over: Settings) -> Settings {
        Settings {
            listen: over.listen.or(self.listen),
            store: over.store.or(self.store),
            secret_file: over.secret_file.or(self.secret_file),
            batch_max_items: over.batch_max_items.or(self.batch_max_items),
            commit_max: over.commit_max.or(self.commit_max),
            claim_minutes: over.claim_minutes.or(self.claim_minutes),
        }
    }
}

/// The configuration the server runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerConfig {
    /// Address to listen on.
    pub listen: SocketAddr,
    /// Store URL.
    pub store: String,
    /// File holding the deployment secret (else `SARING_SECRET`, else kept in the store).
    pub secret_file: Option<PathBuf>,
    /// Most listings in one batch request.
    pub batch_max_items: usize,
    /// Most decisions recorded in one store transaction.
    pub commit_max: usize,
    /// Minutes a reviewer's claim lasts.
    pub claim_minutes: i64,
}

impl ServerConfig {
    /// The file's settings (if any), overridden by the environment, overridden by `flags`,
    /// with defaults for what none sets.
    pub fn resolve(
        file: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
        flags: Settings,
    ) -> Result<Self, ServerError> {
        let from_file = file
            .map(Settings::from_file)
            .transpose()?
            .unwrap_or_default();
        let settings = from_file
            .overridden_by(Settings::from_env(env)?)
            .overridden_by(flags);
        let listen = match settings.listen {
            Some(listen) => listen,
            None => DEFAULT_LISTEN
                .parse()
                .map_err(|error| ServerError::Config(format!("default listen address: {error}")))?,
        };
        Ok(Self {
            listen,
            store: settings.store.unwrap_or_else(|| DEFAULT_STORE.to_string()),
            secret_file: settings.secret_file,
            batch_max_items: settings.batch_max_items.unwrap_or(1000).max(1),
            commit_max: settings.commit_max.unwrap_or(256).max(1),
            claim_minutes: settings.claim_minutes.unwrap_or(30).max(1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_environment_which_wins_over_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("saring.toml");
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:9000\"\nstore = \"sqlite://file.db\"\ncommit_max = 7\n",
        )
        .expect("write config");
        let env = |name: &str| match name {
            "SARING_STORE" => Some("sqlite://env.db".to_string()),
            "SARING_CLAIM_MINUTES" => Some("5".to_string()),
            _ => None,
        };
        let flags = Settings {
            claim_minutes: Some(9),
            ..Settings::default()
        };
        let config = ServerConfig::resolve(Some(&file), env, flags).expect("config");
        assert_eq!(config.listen.port(), 9000, "from the file");
        assert_eq!(config.store, "sqlite://env.db", "environment over file");
        assert_eq!(config.commit_max, 7);
        assert_eq!(config.claim_minutes, 9, "flag over environment");
        let defaults =
            ServerConfig::resolve(None, |_| None, Settings::default()).expect("defaults");
        assert_eq!(defaults.store, DEFAULT_STORE);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "lisen = \"x\"\n").expect("write config");
        assert!(Settings::from_file(&file).is_err());
        let env = |name: &str| (name == "SARING_LISTEN").then(|| "nowhere".to_string());
        assert!(Settings::from_env(env).is_err());
    }
}
