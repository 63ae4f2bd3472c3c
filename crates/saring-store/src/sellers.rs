//! Seller records for linking and ban-evasion detection. The store keeps what a linker
//! needs; the linking itself lives elsewhere. Raw identifiers are never stored: the
//! `seller_identifiers` table has no column for them, only keyed hashes.

use std::collections::HashMap;

use serde_json::Value;
use sqlx::{Any, Row, Transaction};

use saring_core::SellerStatus;

use crate::cases::ActionRecord;
use crate::rows::{parse_json, parse_name, with_values};
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

/// What one scan learnt about a seller, saved in one go by [`Store::update_sellers`].
#[derive(Debug, Clone, PartialEq)]
pub struct SellerUpdate {
    /// Platform.
    pub platform: String,
    /// The platform's seller id.
    pub seller_id: String,
    /// The seller's fingerprint (opaque JSON), replacing the stored one.
    pub fingerprint: Value,
    /// (kind, keyed hash) of identifiers seen; known ones are kept as they were.
    pub identifiers: Vec<(String, String)>,
    /// Links found from this seller: one row per pair of sellers, whose evidence is
    /// replaced when the pair is linked again.
    pub links: Vec<SellerLink>,
}

impl Store {
    /// Saves what a scan learnt about sellers in one transaction: fingerprints, keyed
    /// identifiers and links; sellers not yet known are recorded as active.
    pub async fn update_sellers(&self, updates: &[SellerUpdate], now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        update_sellers_in(&mut tx, updates, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The platforms on which the store knows a seller with this id (status or fingerprint).
    pub async fn seller_platforms(&self, seller_id: &str) -> Result<Vec<String>> {
        sqlx::query(
            "SELECT platform FROM sellers WHERE seller_id = $1 UNION \
             SELECT platform FROM seller_fingerprints WHERE seller_id = $1 ORDER BY platform",
        )
        .bind(seller_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| Ok(row.try_get("platform")?))
        .collect()
    }

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
        let identifiers: Vec<KeyedIdentifier<'_>> = identifiers
            .iter()
            .map(|(kind, keyed_hash)| (platform, seller_id, kind.as_str(), keyed_hash.as_str()))
            .collect();
        let mut tx = self.pool.begin().await?;
        insert_identifiers(&mut tx, &identifiers, now).await?;
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
        insert_link(&self.pool, link, &serde_json::to_string(&link.evidence)?).await?;
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
        let mut tx = self.pool.begin().await?;
        upsert_fingerprint(&mut tx, platform, seller_id, fingerprint, now).await?;
        tx.commit().await?;
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

/// Saves sellers' fingerprints, keyed identifiers and links inside the caller's transaction,
/// a few statements for the whole batch. A seller updated twice keeps the later fingerprint.
pub(crate) async fn update_sellers_in(
    tx: &mut Transaction<'static, Any>,
    updates: &[SellerUpdate],
    now: i64,
) -> Result<()> {
    if updates.is_empty() {
        return Ok(());
    }
    let sellers: Vec<(&str, &str)> = updates
        .iter()
        .map(|update| (update.platform.as_str(), update.seller_id.as_str()))
        .collect();
    insert_active_sellers(tx, &sellers, now).await?;
    let mut latest: HashMap<(&str, &str), String> = HashMap::with_capacity(updates.len());
    for update in updates {
        let fingerprint = serde_json::to_string(&update.fingerprint)?;
        latest.insert((&update.platform, &update.seller_id), fingerprint);
    }
    let fingerprints: Vec<_> = latest.into_iter().collect();
    with_values(
        tx,
        (
            "INSERT INTO seller_fingerprints (platform, seller_id, fingerprint_json, updated_at)",
            "ON CONFLICT (platform, seller_id) DO UPDATE \
             SET fingerprint_json = excluded.fingerprint_json, updated_at = excluded.updated_at",
        ),
        4,
        &fingerprints,
        |upsert, ((platform, seller_id), fingerprint)| {
            upsert
                .bind(*platform)
                .bind(*seller_id)
                .bind(fingerprint.as_str())
                .bind(now)
        },
    )
    .await?;
    let identifiers: Vec<KeyedIdentifier<'_>> = updates
        .iter()
        .flat_map(|update| {
            update.identifiers.iter().map(|(kind, keyed_hash)| {
                (
                    update.platform.as_str(),
                    update.seller_id.as_str(),
                    kind.as_str(),
                    keyed_hash.as_str(),
                )
            })
        })
        .collect();
    insert_identifiers(tx, &identifiers, now).await?;
    for link in updates.iter().flat_map(|update| &update.links) {
        upsert_link(tx, link).await?;
    }
    Ok(())
}

/// Records sellers (platform, seller id) as active unless already known.
pub(crate) async fn insert_active_sellers(
    tx: &mut Transaction<'static, Any>,
    sellers: &[(&str, &str)],
    now: i64,
) -> Result<()> {
    with_values(
        tx,
        (
            "INSERT INTO sellers (platform, seller_id, status, updated_at)",
            "ON CONFLICT (platform, seller_id) DO NOTHING",
        ),
        4,
        sellers,
        |insert, (platform, seller_id)| {
            insert
                .bind(*platform)
                .bind(*seller_id)
                .bind("active")
                .bind(now)
        },
    )
    .await?;
    Ok(())
}

/// Inserts a link row with its evidence (JSON text).
async fn insert_link<'e>(
    executor: impl sqlx::Executor<'e, Database = Any>,
    link: &SellerLink,
    evidence: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO seller_links (platform, seller_id, linked_platform, linked_seller_id, \
         evidence_json, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&link.platform)
    .bind(&link.seller_id)
    .bind(&link.linked_platform)
    .bind(&link.linked_seller_id)
    .bind(evidence)
    .bind(link.created_at)
    .execute(executor)
    .await?;
    Ok(())
}

/// Records a link between two sellers, replacing the evidence of an earlier link of the pair.
async fn upsert_link(tx: &mut Transaction<'static, Any>, link: &SellerLink) -> Result<()> {
    let evidence = serde_json::to_string(&link.evidence)?;
    let replaced = sqlx::query(
        "UPDATE seller_links SET evidence_json = $1 WHERE platform = $2 AND seller_id = $3 \
         AND linked_platform = $4 AND linked_seller_id = $5",
    )
    .bind(&evidence)
    .bind(&link.platform)
    .bind(&link.seller_id)
    .bind(&link.linked_platform)
    .bind(&link.linked_seller_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if replaced == 0 {
        insert_link(&mut **tx, link, &evidence).await?;
    }
    Ok(())
}

/// A seller's keyed identifier: platform, seller id, kind, keyed hash.
type KeyedIdentifier<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Records keyed identifiers; known ones are kept as they were.
async fn insert_identifiers(
    tx: &mut Transaction<'static, Any>,
    identifiers: &[KeyedIdentifier<'_>],
    now: i64,
) -> Result<()> {
    with_values(
        tx,
        (
            "INSERT INTO seller_identifiers (platform, seller_id, kind, keyed_hash, first_seen_at)",
            "ON CONFLICT (platform, seller_id, kind, keyed_hash) DO NOTHING",
        ),
        5,
        identifiers,
        |insert, (platform, seller_id, kind, keyed_hash)| {
            insert
                .bind(*platform)
                .bind(*seller_id)
                .bind(*kind)
                .bind(*keyed_hash)
                .bind(now)
        },
    )
    .await?;
    Ok(())
}

async fn upsert_fingerprint(
    tx: &mut Transaction<'static, Any>,
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
    .execute(&mut **tx)
    .await?;
    Ok(())
}
