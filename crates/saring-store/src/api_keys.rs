//! API keys: made with a role and platform scope, kept only as a SHA-256 hash, and turned back
//! into a [`Principal`] when a request presents one.
//!
//! A key reads `srg_<id>_<secret>`: the id (12 hex digits) finds the row, the secret (64 hex
//! digits, 256 random bits) is checked against the stored hash in constant time. Keys carry
//! enough entropy that a fast hash is safe; a slow password hash would only slow every request.

use saring_core::{KEY_ACTOR_PREFIX, Principal, Role};
use serde_json::json;
use sqlx::Row;

use crate::audit::AuditWriter;
use crate::canonical::{constant_time_eq, sha256_hex};
use crate::{Result, Store, StoreError};

/// A key as listed for an admin: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiKeyRecord {
    /// Public id of the key.
    pub id: String,
    /// Its role.
    pub role: Role,
    /// Platforms it is scoped to.
    pub platforms: Vec<String>,
    /// Free text saying whose key it is.
    pub label: String,
    /// The reviewer who holds the key, when named: the name they give the CLI as
    /// `--reviewer`. Everything done through the key counts as this person's.
    pub owner: Option<String>,
    /// When it was made (unix ms).
    pub created_at: i64,
    /// When it was revoked (unix ms), if it was.
    pub revoked_at: Option<i64>,
}

/// A newly made key: the secret text is returned this once and never stored.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    /// The full key to hand to its holder.
    pub key: String,
    /// Who the key authenticates as.
    pub principal: Principal,
}

const KEY_PREFIX: &str = "srg_";

pub(crate) fn random_hex(bytes: usize) -> Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Corrupt(format!("no randomness: {e}")))?;
    Ok(hex::encode(buf))
}

/// Splits `srg_<id>_<secret>` into its id; `None` for anything else.
fn key_id(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(KEY_PREFIX)?;
    let (id, secret) = rest.split_once('_')?;
    let well_formed = id.len() == 12
        && secret.len() == 64
        && id
            .bytes()
            .chain(secret.bytes())
            .all(|b| b.is_ascii_hexdigit());
    well_formed.then_some(id)
}

/// An owner's name must read as a person's name the CLI could give as `--reviewer`.
fn check_owner(owner: &str) -> Result<()> {
    let fine = !owner.is_empty()
        && owner.trim() == owner
        && owner.len() <= 200
        && !owner.chars().any(char::is_control)
        && !owner.starts_with(KEY_ACTOR_PREFIX)
        && key_id_of_actor(owner).is_none();
    if fine {
        Ok(())
    } else {
        Err(StoreError::Invalid(format!(
            "key owner {owner:?}: give the reviewer's name (1 to 200 characters, no control \
             characters, no surrounding spaces, not a key id)"
        )))
    }
}

/// The key id an actor name stands for: `api-key:ID`, or a bare `ID` (12 hex digits) as the
/// review UI recorded before the two were made one.
pub(crate) fn key_id_of_actor(actor: &str) -> Option<&str> {
    let id = actor.strip_prefix(KEY_ACTOR_PREFIX).unwrap_or(actor);
    (id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit())).then_some(id)
}

/// The reviewer an actor name stands for, as one name whichever door they came through: the
/// owner of the key an `api-key:ID` (or bare key id) names, else `api-key:ID` for a key
/// without owner; any other name (the CLI's `--reviewer`) is the person's own.
pub(crate) async fn reviewer_of(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    actor: &str,
) -> Result<String> {
    let Some(id) = key_id_of_actor(actor) else {
        return Ok(actor.to_string());
    };
    let row = sqlx::query("SELECT owner FROM api_keys WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    let owner: Option<String> = match row {
        Some(row) => row.try_get("owner")?,
        // Not a key this store made: a name like any other.
        None => return Ok(actor.to_string()),
    };
    Ok(owner.unwrap_or_else(|| format!("{KEY_ACTOR_PREFIX}{id}")))
}

pub(crate) fn parse_platforms(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn key_record(row: &sqlx::any::AnyRow) -> Result<ApiKeyRecord> {
    let role: String = row.try_get("role")?;
    Ok(ApiKeyRecord {
        id: row.try_get("id")?,
        role: role
            .parse()
            .map_err(|e| StoreError::Corrupt(format!("api key role: {e}")))?,
        platforms: parse_platforms(&row.try_get::<String, _>("platforms")?),
        label: row.try_get("label")?,
        owner: row.try_get("owner")?,
        created_at: row.try_get("created_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}

impl Store {
    /// Makes a key with `role`, scoped to `platforms` (required for platform and reviewer
    /// keys, refused for the others), and returns it; only its hash is stored.
    pub async fn create_api_key(
        &self,
        role: Role,
        platforms: &[String],
        label: &str,
        actor: &str,
        now: i64,
    ) -> Result<NewApiKey> {
        self.create_owned_api_key(role, platforms, label, None, actor, now)
            .await
    }

    /// As [`create_api_key`](Self::create_api_key), for the reviewer named `owner` (see
    /// [`ApiKeyRecord::owner`]); `None` makes a key that is a reviewer of its own.
    pub async fn create_owned_api_key(
        &self,
        role: Role,
        platforms: &[String],
        label: &str,
        owner: Option<&str>,
        actor: &str,
        now: i64,
    ) -> Result<NewApiKey> {
        if let Some(owner) = owner {
            check_owner(owner)?;
        }
        if role.needs_platforms() && platforms.is_empty() {
            return Err(StoreError::Invalid(format!(
                "a {role} key needs at least one platform"
            )));
        }
        if !role.needs_platforms() && !platforms.is_empty() {
            return Err(StoreError::Invalid(format!(
                "a {role} key acts across platforms: give no platform"
            )));
        }
        if let Some(bad) = platforms
            .iter()
            .find(|p| p.is_empty() || p.contains(',') || p.trim() != p.as_str())
        {
            return Err(StoreError::Invalid(format!("platform name {bad:?}")));
        }
        let id = random_hex(6)?;
        let key = format!("{KEY_PREFIX}{id}_{}", random_hex(32)?);
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        sqlx::query(
            "INSERT INTO api_keys (id, secret_hash, role, platforms, label, owner, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(sha256_hex(key.as_bytes()))
        .bind(role.as_str())
        .bind(platforms.join(","))
        .bind(label)
        .bind(owner)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit.append(
            now,
            "api_key_created",
            &format!("api_key/{id}"),
            &json!({"actor": actor, "role": role, "platforms": platforms, "label": label, "owner": owner}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(NewApiKey {
            key,
            principal: Principal {
                key_id: id,
                role,
                platforms: platforms.to_vec(),
            },
        })
    }

    /// Who `key` authenticates as; `None` for a malformed, unknown or revoked key (the
    /// caller must not say which).
    pub async fn authenticate_api_key(&self, key: &str) -> Result<Option<Principal>> {
        let Some(id) = key_id(key) else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT id, secret_hash, role, platforms, label, owner, created_at, revoked_at \
             FROM api_keys WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let stored: String = row.try_get("secret_hash")?;
        if !constant_time_eq(stored.as_bytes(), sha256_hex(key.as_bytes()).as_bytes()) {
            return Ok(None);
        }
        let record = key_record(&row)?;
        if record.revoked_at.is_some() {
            return Ok(None);
        }
        Ok(Some(Principal {
            key_id: record.id,
            role: record.role,
            platforms: record.platforms,
        }))
    }

    /// Every key, newest first, without secrets.
    pub async fn api_keys(&self) -> Result<Vec<ApiKeyRecord>> {
        let rows = sqlx::query(
            "SELECT id, role, platforms, label, owner, created_at, revoked_at \
             FROM api_keys ORDER BY created_at DESC, id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(key_record).collect()
    }

    /// Revokes a key: it authenticates no more. Revoking twice is harmless.
    pub async fn revoke_api_key(&self, id: &str, actor: &str, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let found =
            sqlx::query("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if found == 0 {
            return Err(StoreError::Invalid(format!(
                "api key {id:?} does not exist"
            )));
        }
        audit.append(
            now,
            "api_key_revoked",
            &format!("api_key/{id}"),
            &json!({"actor": actor}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_well_formed_keys_yield_an_id() {
        let key = format!("srg_0123456789ab_{}", "f".repeat(64));
        assert_eq!(key_id(&key), Some("0123456789ab"));
        assert_eq!(key_id("srg_0123456789ab_short"), None);
        assert_eq!(key_id(&key.replace("srg_", "key_")), None);
        assert_eq!(
            key_id(&format!("srg_0123456789xz_{}", "f".repeat(64))),
            None
        );
    }

    #[test]
    fn constant_time_eq_compares_whole_inputs() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
