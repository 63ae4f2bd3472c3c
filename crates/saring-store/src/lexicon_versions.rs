//! Lexicon versions: a reviewer or admin proposes a lexicon (the TOML text of
//! config/lexicon.toml's format, checked by the caller before it gets here), an admin
//! activates one, and the history stays. At most one version is active; activating another
//! retires it in the same transaction, with audit entries.

use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::AuditWriter;
use crate::canonical::sha256_hex;
use crate::generations::{SharedState, bump};
use crate::{Result, Store, StoreError};

/// Where a lexicon version stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LexiconStatus {
    /// Proposed, never activated.
    Proposed,
    /// The one in force.
    Active,
    /// Was active, replaced by a later activation.
    Retired,
}

impl LexiconStatus {
    /// The status as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            LexiconStatus::Proposed => "proposed",
            LexiconStatus::Active => "active",
            LexiconStatus::Retired => "retired",
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "proposed" => Ok(LexiconStatus::Proposed),
            "active" => Ok(LexiconStatus::Active),
            "retired" => Ok(LexiconStatus::Retired),
            other => Err(StoreError::Corrupt(format!("lexicon status {other:?}"))),
        }
    }
}

/// The normalised text of a reviewed case, for learning code words from reviewers' decisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewedCaseText {
    /// Case id.
    pub case_id: i64,
    /// Normalised title and description of the listing as screened.
    pub normalised_text: String,
    /// The violation stands (confirmed or under appeal) rather than cleared.
    pub confirmed: bool,
}

/// One stored lexicon version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LexiconVersionRecord {
    /// The lexicon's own `version` string.
    pub version: String,
    /// The lexicon, as TOML.
    pub toml: String,
    /// SHA-256 of the TOML text.
    pub sha256: String,
    /// Where it stands.
    pub status: LexiconStatus,
    /// Why it was proposed.
    pub note: String,
    /// Who proposed it.
    pub proposed_by: String,
    /// When (unix ms).
    pub proposed_at: i64,
    /// Who activated it, if anyone did.
    pub activated_by: Option<String>,
    /// When it was activated (unix ms).
    pub activated_at: Option<i64>,
}

const COLUMNS: &str =
    "version, toml, sha256, status, note, proposed_by, proposed_at, activated_by, activated_at";

fn version_record(row: &AnyRow) -> Result<LexiconVersionRecord> {
    Ok(LexiconVersionRecord {
        version: row.try_get("version")?,
        toml: row.try_get("toml")?,
        sha256: row.try_get("sha256")?,
        status: LexiconStatus::parse(&row.try_get::<String, _>("status")?)?,
        note: row.try_get("note")?,
        proposed_by: row.try_get("proposed_by")?,
        proposed_at: row.try_get("proposed_at")?,
        activated_by: row.try_get("activated_by")?,
        activated_at: row.try_get("activated_at")?,
    })
}

impl Store {
    /// Stores a proposed lexicon under its version string; a version string is used once.
    pub async fn propose_lexicon(
        &self,
        version: &str,
        toml: &str,
        note: &str,
        actor: &str,
        now: i64,
    ) -> Result<LexiconVersionRecord> {
        if version.trim().is_empty() {
            return Err(StoreError::Invalid("the lexicon has no version".into()));
        }
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let inserted = sqlx::query(
            "INSERT INTO lexicon_versions (version, toml, sha256, status, note, proposed_by, \
             proposed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (version) DO NOTHING",
        )
        .bind(version)
        .bind(toml)
        .bind(sha256_hex(toml.as_bytes()))
        .bind(LexiconStatus::Proposed.as_str())
        .bind(note)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 0 {
            return Err(StoreError::LexiconExists(version.to_string()));
        }
        audit.append(
            now,
            "lexicon_proposed",
            &format!("lexicon/{version}"),
            &json!({"actor": actor, "note": note, "sha256": sha256_hex(toml.as_bytes())}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        self.lexicon_version(version)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("lexicon {version:?} vanished")))
    }

    /// Makes `version` the active lexicon and retires the one active before.
    pub async fn activate_lexicon(&self, version: &str, actor: &str, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM lexicon_versions WHERE version = $1")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
        match status.as_deref().map(LexiconStatus::parse).transpose()? {
            None => return Err(StoreError::NoSuchLexicon(version.to_string())),
            Some(LexiconStatus::Active) => return Ok(()),
            Some(_) => {}
        }
        sqlx::query("UPDATE lexicon_versions SET status = $1 WHERE status = $2")
            .bind(LexiconStatus::Retired.as_str())
            .bind(LexiconStatus::Active.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE lexicon_versions SET status = $1, activated_by = $2, activated_at = $3 \
             WHERE version = $4",
        )
        .bind(LexiconStatus::Active.as_str())
        .bind(actor)
        .bind(now)
        .bind(version)
        .execute(&mut *tx)
        .await?;
        audit.append(
            now,
            "lexicon_activated",
            &format!("lexicon/{version}"),
            &json!({"actor": actor}),
        );
        audit.finish(&mut tx).await?;
        bump(&mut tx, SharedState::Lexicon).await?;
        tx.commit().await?;
        self.note_change();
        Ok(())
    }

    /// One version, if stored.
    pub async fn lexicon_version(&self, version: &str) -> Result<Option<LexiconVersionRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM lexicon_versions WHERE version = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(version)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(version_record).transpose()
    }

    /// The active version, if one was activated.
    pub async fn active_lexicon(&self) -> Result<Option<LexiconVersionRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM lexicon_versions WHERE status = 'active'");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(version_record).transpose()
    }

    /// The texts of the most recent `limit` reviewed cases: confirmed (or under appeal) and
    /// cleared, newest first.
    pub async fn reviewed_case_texts(&self, limit: usize) -> Result<Vec<ReviewedCaseText>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = sqlx::query(
            "SELECT c.id, c.state, d.normalised_text FROM cases c \
             JOIN decisions d ON d.id = c.decision_id \
             WHERE c.state IN ('confirmed', 'appealed', 'cleared') AND d.normalised_text <> '' \
             ORDER BY c.updated_at DESC, c.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ReviewedCaseText {
                    case_id: row.try_get("id")?,
                    normalised_text: row.try_get("normalised_text")?,
                    confirmed: row.try_get::<String, _>("state")? != "cleared",
                })
            })
            .collect()
    }

    /// Every version, newest proposal first.
    pub async fn lexicon_history(&self) -> Result<Vec<LexiconVersionRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM lexicon_versions ORDER BY id DESC");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(version_record).collect()
    }
}
