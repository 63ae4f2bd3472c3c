//! Seller records for linking and ban-evasion detection. The store keeps what a linker
//! needs; the linking itself lives elsewhere. Raw identifiers are never stored: the
//! `seller_identifiers` table has no column for them, only keyed hashes.

use serde_json::Value;
use sqlx::Row;

use saring_core::SellerStatus;

use crate::cases::ActionRecord;
use crate::rows::{parse_json, parse_name};
use crate::{Result, Store};

/// A seller's standing and the sanctions behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct SellerRecord {
    /// Platform.
    pub platform: String,
    /// The platform's seller id.
    pub seller_id: String,
    /// Current standing.
    pub status: SellerStatus,
    /// Last change (unix ms).
    pub updated_at: i64,
    /// Every action naming the seller, oldest first.
    pub sanctions: Vec<ActionRecord>,
}

/// A keyed hash of one of a seller's identifiers (phone, e-mail, bank account, device...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SellerIdentifier {
    /// Platform.
    pub platform: String,
    /// Seller id.
    pub seller_id: String,
    /// Which identifier (`phone`, `email`, `bank_account`, `address`, `device_id`, ...).
    pub kind: String,
    /// Keyed hash (e.g. HMAC-SHA-256 hex) of the normalised identifier.
    pub keyed_hash: String,
    /// First seen (unix ms).
    pub first_seen_at: i64,
}

/// A link between two sellers, with the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SellerLink {
    /// Platform of the seller.
    pub platform: String,
    /// The seller.
    pub seller_id: String,
    /// Platform of the linked seller.
    pub linked_platform: String,
    /// The linked seller (typically banned or sanctioned).
    pub linked_seller_id: String,
    /// Why they are linked (shared identifier hashes, fingerprint similarity...).
    pub evidence: Value,
    /// When recorded (unix ms).
    pub created_at: i64,
}

impl Store {
    /// A seller's standing and sanction history; `None` if the store has never seen them.
    pub async fn seller(&self, platform: &str, seller_id: &str) -> Result<Option<SellerRecord>> {
        let Some(row) = sqlx::query(
            "SELECT status, updated_at FROM sellers WHERE platform = $1 AND seller_id = $2",
        )
        .bind(platform)
        .bind(seller_id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        Ok(Some(SellerRecord {
            platform: platform.to_string(),
            seller_id: seller_id.to_string(),
            status: parse_name(row.try_get("status")?)?,
            updated_at: row.try_get("updated_at")?,
            sanctions: self.seller_sanctions(platform, seller_id).await?,
        }))
    }

    /// Sellers with a given status (e.g. every banned seller, for a ban-evasion check).
    pub async fn sellers_with_status(&self, status: SellerStatus) -> Result<Vec<(String, String)>> {
        sqlx::query("SELECT platform, seller_id FROM sellers WHERE status = $1 ORDER BY platform, seller_id")
            .bind(status.as_str())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| Ok((row.try_get("platform")?, row.try_get("seller_id")?)))
            .collect()
    }

    /// Records keyed hashes of a seller's identifiers; known ones are kept as they were.
    pub async fn add_seller_identifiers(
        &self,
        platform: &str,
        seller_id: &str,
        identifiers: &[(String, String)],
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for (kind, keyed_hash) in identifiers {
            sqlx::query(
                "INSERT INTO seller_identifiers (platform, seller_id, kind, keyed_hash, first_seen_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, seller_id, kind, keyed_hash) DO NOTHING",
            )
            .bind(platform)
            .bind(seller_id)
            .bind(kind)
            .bind(keyed_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every seller recorded with this keyed hash (any platform, any kind).
    pub async fn sellers_with_identifier(&self, keyed_hash: &str) -> Result<Vec<SellerIdentifier>> {
        self.identifiers_where("keyed_hash = $1", keyed_hash, None)
            .await
    }

    /// The keyed identifier hashes recorded for a seller.
    pub async fn seller_identifiers(
        &self,
        platform: &str,
        seller_id: &str,
    ) -> Result<Vec<SellerIdentifier>> {
        self.identifiers_where(
            "platform = $1 AND seller_id = $2",
            platform,
            Some(seller_id),
        )
        .await
    }

    async fn identifiers_where(
        &self,
        condition: &'static str,
        first: &str,
        second: Option<&str>,
    ) -> Result<Vec<SellerIdentifier>> {
        let sql = format!(
            "SELECT platform, seller_id, kind, keyed_hash, first_seen_at FROM seller_identifiers \
             WHERE {condition} ORDER BY platform, seller_id, kind, keyed_hash"
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(first.to_string());
        if let Some(second) = second {
            query = query.bind(second.to_string());
        }
        query
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| {
                Ok(SellerIdentifier {
                    platform: row.try_get("platform")?,
                    seller_id: row.try_get("seller_id")?,
                    kind: row.try_get("kind")?,
                    keyed_hash: row.try_get("keyed_hash")?,
                    first_seen_at: row.try_get("first_seen_at")?,
                })
            })
            .collect()
    }

    /// Records a link between two sellers.
    pub async fn add_seller_link(&self, link: &SellerLink) -> Result<()> {
        sqlx::query(
            "INSERT INTO seller_links (platform, seller_id, linked_platform, linked_seller_id, \
             evidence_json, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&link.platform)
        .bind(&link.seller_id)
        .bind(&link.linked_platform)
        .bind(&link.linked_seller_id)
        .bind(serde_json::to_string(&link.evidence)?)
        .bind(link.created_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Links in which the seller appears on either side, oldest first.
    pub async fn seller_links(&self, platform: &str, seller_id: &str) -> Result<Vec<SellerLink>> {
        sqlx::query(
            "SELECT platform, seller_id, linked_platform, linked_seller_id, evidence_json, created_at \
             FROM seller_links WHERE (platform = $1 AND seller_id = $2) \
             OR (linked_platform = $1 AND linked_seller_id = $2) ORDER BY id",
        )
        .bind(platform)
        .bind(seller_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(SellerLink {
                platform: row.try_get("platform")?,
                seller_id: row.try_get("seller_id")?,
                linked_platform: row.try_get("linked_platform")?,
                linked_seller_id: row.try_get("linked_seller_id")?,
                evidence: parse_json(&row.try_get::<String, _>("evidence_json")?)?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
    }

    /// Stores (or replaces) a seller's fingerprint, an opaque JSON value.
    pub async fn upsert_seller_fingerprint(
        &self,
        platform: &str,
        seller_id: &str,
        fingerprint: &Value,
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO seller_fingerprints (platform, seller_id, fingerprint_json, updated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (platform, seller_id) \
             DO UPDATE SET fingerprint_json = $3, updated_at = $4",
        )
        .bind(platform)
        .bind(seller_id)
        .bind(serde_json::to_string(fingerprint)?)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A seller's fingerprint, if stored.
    pub async fn seller_fingerprint(
        &self,
        platform: &str,
        seller_id: &str,
    ) -> Result<Option<Value>> {
        let row = sqlx::query(
            "SELECT fingerprint_json FROM seller_fingerprints WHERE platform = $1 AND seller_id = $2",
        )
        .bind(platform)
        .bind(seller_id)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => Ok(Some(parse_json(
                &row.try_get::<String, _>("fingerprint_json")?,
            )?)),
            None => Ok(None),
        }
    }

    /// Every stored fingerprint as (platform, seller id, fingerprint), for a linker to scan.
    pub async fn seller_fingerprints(&self) -> Result<Vec<(String, String, Value)>> {
        sqlx::query(
            "SELECT platform, seller_id, fingerprint_json FROM seller_fingerprints ORDER BY platform, seller_id",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok((
                row.try_get("platform")?,
                row.try_get("seller_id")?,
                parse_json(&row.try_get::<String, _>("fingerprint_json")?)?,
            ))
        })
        .collect()
    }
}
