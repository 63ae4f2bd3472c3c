//! Named hash banks of PDQ hashes, enabled or disabled, with their entries.

use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::audit::AuditWriter;
use crate::generations::{SharedState, bump};
use crate::{Result, Store, StoreError};

/// One bank entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankEntryRecord {
    /// Bank name.
    pub bank: String,
    /// The PDQ hash, 64 hex digits.
    pub hash_hex: String,
    /// PDQ quality 0..100, when known.
    pub quality: Option<i64>,
    /// Where the photo came from.
    pub source: Option<String>,
    /// The case that confirmed it.
    pub case_id: Option<String>,
    /// Who added it.
    pub added_by: Option<String>,
    /// When it was added (as given, RFC 3339 expected).
    pub added_at: Option<String>,
}

/// A bank and how many entries it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankSummary {
    /// Bank name.
    pub name: String,
    /// Whether screening matches against it.
    pub enabled: bool,
    /// Number of entries.
    pub entries: i64,
    /// When created (unix ms).
    pub created_at: i64,
}

fn entry_from_row(row: &AnyRow) -> Result<BankEntryRecord> {
    Ok(BankEntryRecord {
        bank: row.try_get("bank")?,
        hash_hex: row.try_get("hash_hex")?,
        quality: row.try_get("quality")?,
        source: row.try_get("source")?,
        case_id: row.try_get("case_id")?,
        added_by: row.try_get("added_by")?,
        added_at: row.try_get("added_at")?,
    })
}

async fn require_bank(tx: &mut Transaction<'static, Any>, name: &str) -> Result<()> {
    let found = sqlx::query("SELECT name FROM hash_banks WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NoSuchBank(name.to_string())),
    }
}

impl Store {
    /// Creates an enabled, empty bank.
    pub async fn create_bank(&self, name: &str, actor: &str, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let created = sqlx::query(
            "INSERT INTO hash_banks (name, enabled, created_at) VALUES ($1, 1, $2) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if created == 0 {
            return Err(StoreError::BankExists(name.to_string()));
        }
        audit.append(
            now,
            "bank_created",
            &format!("bank/{name}"),
            &json!({"actor": actor}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Enables or disables a bank; screening uses enabled banks only.
    pub async fn set_bank_enabled(
        &self,
        name: &str,
        enabled: bool,
        actor: &str,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        require_bank(&mut tx, name).await?;
        sqlx::query("UPDATE hash_banks SET enabled = $1 WHERE name = $2")
            .bind(i64::from(enabled))
            .bind(name)
            .execute(&mut *tx)
            .await?;
        let kind = if enabled {
            "bank_enabled"
        } else {
            "bank_disabled"
        };
        audit.append(now, kind, &format!("bank/{name}"), &json!({"actor": actor}));
        audit.finish(&mut tx).await?;
        bump(&mut tx, SharedState::Banks).await?;
        tx.commit().await?;
        self.note_change();
        Ok(())
    }

    /// Adds entries to the bank `bank` (their own `bank` field is ignored); returns how many.
    pub async fn add_bank_entries(
        &self,
        bank: &str,
        entries: &[BankEntryRecord],
        actor: &str,
        now: i64,
    ) -> Result<usize> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        require_bank(&mut tx, bank).await?;
        for entry in entries {
            sqlx::query(
                "INSERT INTO bank_entries (bank, hash_hex, quality, source, case_id, added_by, added_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(bank)
            .bind(&entry.hash_hex)
            .bind(entry.quality)
            .bind(&entry.source)
            .bind(&entry.case_id)
            .bind(&entry.added_by)
            .bind(&entry.added_at)
            .execute(&mut *tx)
            .await?;
        }
        let hashes: Vec<&str> = entries.iter().map(|e| e.hash_hex.as_str()).collect();
        audit.append(
            now,
            "bank_entries_added",
            &format!("bank/{bank}"),
            &json!({"actor": actor, "hashes": hashes}),
        );
        audit.finish(&mut tx).await?;
        bump(&mut tx, SharedState::Banks).await?;
        tx.commit().await?;
        self.note_change();
        Ok(entries.len())
    }

    /// Every bank with its entry count, by name.
    pub async fn banks(&self) -> Result<Vec<BankSummary>> {
        sqlx::query(
            "SELECT b.name, b.enabled, b.created_at, \
             (SELECT COUNT(*) FROM bank_entries e WHERE e.bank = b.name) AS entries \
             FROM hash_banks b ORDER BY b.name",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(BankSummary {
                name: row.try_get("name")?,
                enabled: row.try_get::<i64, _>("enabled")? != 0,
                entries: row.try_get("entries")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
    }

    /// The entries of one bank, in the order they were added.
    pub async fn bank_entries(&self, bank: &str) -> Result<Vec<BankEntryRecord>> {
        let mut tx = self.pool.begin().await?;
        require_bank(&mut tx, bank).await?;
        let entries = sqlx::query(
            "SELECT bank, hash_hex, quality, source, case_id, added_by, added_at FROM bank_entries \
             WHERE bank = $1 ORDER BY id",
        )
        .bind(bank)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(entry_from_row)
        .collect::<Result<Vec<_>>>()?;
        tx.commit().await?;
        Ok(entries)
    }

    /// The entries of every enabled bank, by bank then order added: what screening loads.
    pub async fn enabled_bank_entries(&self) -> Result<Vec<BankEntryRecord>> {
        sqlx::query(
            "SELECT e.bank, e.hash_hex, e.quality, e.source, e.case_id, e.added_by, e.added_at \
             FROM bank_entries e JOIN hash_banks b ON b.name = e.bank WHERE b.enabled = 1 \
             ORDER BY e.bank, e.id",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(entry_from_row)
        .collect()
    }
}
