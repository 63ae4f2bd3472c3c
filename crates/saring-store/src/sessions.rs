//! Review UI sessions: made at sign-in with an API key, found again by the token in the
//! browser's cookie, each with its own CSRF token.
//!
//! Only a SHA-256 hash of the session token is stored (the token carries 256 random bits, so
//! a fast hash is safe). A session of a revoked key is not found, whatever its expiry.

use saring_core::{Principal, Role};
use sqlx::Row;

use crate::api_keys::{parse_platforms, random_hex};
use crate::canonical::{constant_time_eq, sha256_hex};
use crate::{Result, Store, StoreError};

/// A live session: who signed in and the CSRF token their forms must carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Who signed in, as their API key said at sign-in.
    pub principal: Principal,
    /// The token every form of this session carries.
    pub csrf_token: String,
    /// When the session began (unix ms).
    pub created_at: i64,
    /// When it ends (unix ms).
    pub expires_at: i64,
}

impl SessionRecord {
    /// Whether `token` is this session's CSRF token (compared in constant time).
    pub fn csrf_matches(&self, token: &str) -> bool {
        constant_time_eq(self.csrf_token.as_bytes(), token.as_bytes())
    }
}

/// A session just made: the token for the cookie is returned this once and never stored.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The secret session token to set in the cookie.
    pub token: String,
    /// The session.
    pub session: SessionRecord,
}

impl Store {
    /// Starts a session for `principal` lasting `ttl_ms`.
    pub async fn create_session(
        &self,
        principal: &Principal,
        ttl_ms: i64,
        now: i64,
    ) -> Result<NewSession> {
        if ttl_ms <= 0 {
            return Err(StoreError::Invalid(format!(
                "session lifetime {ttl_ms} ms: must be positive"
            )));
        }
        let token = random_hex(32)?;
        let session = SessionRecord {
            principal: principal.clone(),
            csrf_token: random_hex(32)?,
            created_at: now,
            expires_at: now.saturating_add(ttl_ms),
        };
        sqlx::query(
            "INSERT INTO sessions (token_hash, key_id, role, platforms, csrf_token, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(sha256_hex(token.as_bytes()))
        .bind(&principal.key_id)
        .bind(principal.role.as_str())
        .bind(principal.platforms.join(","))
        .bind(&session.csrf_token)
        .bind(session.created_at)
        .bind(session.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(NewSession { token, session })
    }

    /// The session `token` opens at `now`; `None` when unknown, expired or its key revoked.
    pub async fn session(&self, token: &str, now: i64) -> Result<Option<SessionRecord>> {
        let row = sqlx::query(
            "SELECT s.key_id, s.role, s.platforms, s.csrf_token, s.created_at, s.expires_at \
             FROM sessions s JOIN api_keys k ON k.id = s.key_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND k.revoked_at IS NULL",
        )
        .bind(sha256_hex(token.as_bytes()))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let role: String = row.try_get("role")?;
        let role: Role = role
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("session role: {e}")))?;
        Ok(Some(SessionRecord {
            principal: Principal {
                key_id: row.try_get("key_id")?,
                role,
                platforms: parse_platforms(&row.try_get::<String, _>("platforms")?),
            },
            csrf_token: row.try_get("csrf_token")?,
            created_at: row.try_get("created_at")?,
            expires_at: row.try_get("expires_at")?,
        }))
    }

    /// Ends the session `token` opens (signing out); ending an unknown one is harmless.
    pub async fn delete_session(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(sha256_hex(token.as_bytes()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes every session expired at `now`; returns how many.
    pub async fn expire_sessions(&self, now: i64) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
