//! Webhook endpoints and the outbox of events waiting to be delivered to the platforms.
//!
//! Every enforcement action gets its event in the transaction that creates the action
//! ([`enqueue_action_event`]), so an action never exists without its event and a restart
//! loses none. A dispatcher (crate `saring-webhooks`) claims due events, POSTs them and
//! marks each delivered or failed; a failed event is retried after an exponential backoff
//! and becomes a dead letter after [`RetryPolicy::max_attempts`] failures, until someone
//! retries it. Events for a platform without an enabled endpoint stay pending and go out
//! once one is configured. Delivery is at least once: receivers dedupe on the event id.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde_json::{Value, json};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use saring_core::Sanction;

use crate::audit::AuditWriter;
use crate::cases::{ACTION_COLUMNS, CaseRecord, action_from_row, load_case};
use crate::rows::parse_json;
use crate::{Backend, Result, Store, StoreError};

/// The event kind of an enforcement action (also a reinstatement after an appeal).
pub const ENFORCEMENT_ACTION: &str = "enforcement_action";

/// Where a platform receives its events. The signing secret is never read back here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookEndpoint {
    /// The platform (`shopee`, `tokopedia`, ...).
    pub platform: String,
    /// The URL events are POSTed to.
    pub url: String,
    /// Whether events are delivered; a disabled endpoint's events stay pending.
    pub enabled: bool,
    /// Last change (unix ms).
    pub updated_at: i64,
}

/// Where an outbox event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    /// Waiting for (another) delivery attempt.
    Pending,
    /// The platform answered 2xx.
    Delivered,
    /// Failed too often; waits for a manual retry.
    Dead,
}

impl OutboxStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Delivered => "delivered",
            OutboxStatus::Dead => "dead",
        }
    }
}

impl fmt::Display for OutboxStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OutboxStatus {
    type Err = StoreError;

    fn from_str(name: &str) -> Result<Self> {
        match name {
            "pending" => Ok(OutboxStatus::Pending),
            "delivered" => Ok(OutboxStatus::Delivered),
            "dead" => Ok(OutboxStatus::Dead),
            other => Err(StoreError::Corrupt(format!(
                "unknown outbox status {other:?}"
            ))),
        }
    }
}

/// One event in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEvent {
    /// Row id (what `saring webhooks retry` takes).
    pub id: i64,
    /// The id receivers dedupe on; the same on every attempt.
    pub event_id: String,
    /// The platform it goes to.
    pub platform: String,
    /// What happened ([`ENFORCEMENT_ACTION`]).
    pub event_kind: String,
    /// The enforcement action it announces.
    pub action_id: Option<i64>,
    /// The request body, sent byte for byte.
    pub payload_json: String,
    /// Where it stands.
    pub status: OutboxStatus,
    /// Failed attempts since it was created or last retried by hand.
    pub attempts: i64,
    /// When it is due (unix ms); a claim pushes this out by the lease.
    pub next_attempt_at: i64,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// When created (unix ms).
    pub created_at: i64,
    /// When the platform accepted it (unix ms).
    pub delivered_at: Option<i64>,
}

/// An event claimed for delivery, with where to send it and the key to sign it with.
#[derive(Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The event.
    pub event: OutboxEvent,
    /// The platform's endpoint URL.
    pub url: String,
    /// The platform's signing secret (the HMAC key, as the platform was given it).
    pub signing_secret: String,
}

impl fmt::Debug for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delivery")
            .field("event", &self.event)
            .field("url", &self.url)
            .field("signing_secret", &"<redacted>")
            .finish()
    }
}

/// Events per platform and status, as `saring webhooks list` shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// The platform.
    pub platform: String,
    /// Waiting for delivery (including those of a platform without an endpoint).
    pub pending: i64,
    /// Accepted by the platform.
    pub delivered: i64,
    /// Dead letters.
    pub dead: i64,
}

/// When to try a failed event again, and when to give up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Failures after which an event becomes a dead letter.
    pub max_attempts: u32,
    /// Delay after the first failure (ms); it doubles with each further failure.
    pub base_delay_ms: i64,
    /// The longest delay (ms).
    pub max_delay_ms: i64,
}

impl Default for RetryPolicy {
    /// 8 attempts; 1 minute after the first failure, doubling, at most 1 hour apart
    /// (about 2 hours from the first attempt to the dead letter).
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 8,
            base_delay_ms: 60_000,
            max_delay_ms: 3_600_000,
        }
    }
}

impl RetryPolicy {
    /// The delay before the next attempt after `failures` failures (1 = the first):
    /// `base * 2^(failures - 1)`, capped at `max_delay_ms`.
    pub fn delay_after(&self, failures: i64) -> i64 {
        let doublings = u32::try_from(failures.saturating_sub(1).max(0)).unwrap_or(u32::MAX);
        let factor = 1_i64.checked_shl(doublings.min(62)).unwrap_or(i64::MAX);
        self.base_delay_ms
            .saturating_mul(factor)
            .min(self.max_delay_ms)
    }
}

const OUTBOX_COLUMNS: &str = "id, event_id, platform, event_kind, action_id, payload_json, status, \
    attempts, next_attempt_at, last_error, created_at, delivered_at";

fn event_from_row(row: &AnyRow) -> Result<OutboxEvent> {
    Ok(OutboxEvent {
        id: row.try_get("id")?,
        event_id: row.try_get("event_id")?,
        platform: row.try_get("platform")?,
        event_kind: row.try_get("event_kind")?,
        action_id: row.try_get("action_id")?,
        payload_json: row.try_get("payload_json")?,
        status: row.try_get::<String, _>("status")?.parse()?,
        attempts: row.try_get("attempts")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        last_error: row.try_get("last_error")?,
        created_at: row.try_get("created_at")?,
        delivered_at: row.try_get("delivered_at")?,
    })
}

fn endpoint_from_row(row: &AnyRow) -> Result<WebhookEndpoint> {
    Ok(WebhookEndpoint {
        platform: row.try_get("platform")?,
        url: row.try_get("url")?,
        enabled: row.try_get::<i64, _>("enabled")? != 0,
        updated_at: row.try_get("updated_at")?,
    })
}

/// `$first, $first+1, ...`: `count` numbered placeholders.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A fresh event id: `evt_` and 32 random hex digits. Random rather than derived from the
/// action id, so a rebuilt database never reuses an id a receiver has seen.
fn new_event_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(format!("evt_{hex}"))
}

/// Unix ms as RFC 3339 UTC with milliseconds.
fn rfc3339(ms: i64) -> Result<String> {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|time| time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .ok_or_else(|| StoreError::Corrupt(format!("time {ms} ms is out of range")))
}

/// The enforcement action just written to `actions`, as the event a platform receives.
pub(crate) struct ActionEvent<'a> {
    /// The action's id.
    pub action_id: i64,
    /// The case it enforces.
    pub case: &'a CaseRecord,
    /// Which offence of the seller it answers.
    pub offence: i64,
    /// What to do.
    pub sanction: &'a Sanction,
    /// The enforcement policy version that chose it.
    pub enforcement_version: &'a str,
    /// When it was decided (unix ms).
    pub decided_at: i64,
}

/// Writes the outbox event for an action, in the transaction that inserted the action.
/// The payload names the seller and listing by the platform's own ids and the listing URL
/// only: no other seller data leaves the store.
pub(crate) async fn enqueue_action_event(
    tx: &mut Transaction<'static, Any>,
    action: &ActionEvent<'_>,
) -> Result<()> {
    let case = action.case;
    let listing_json: String = sqlx::query("SELECT listing_json FROM decisions WHERE id = $1")
        .bind(case.decision_id)
        .fetch_one(&mut **tx)
        .await?
        .try_get("listing_json")?;
    let listing: Value = parse_json(&listing_json)?;
    let event_id = new_event_id()?;
    let payload = json!({
        "event_id": event_id,
        "event": ENFORCEMENT_ACTION,
        "action_id": action.action_id,
        "case_id": case.id,
        "platform": case.platform,
        "seller_id": case.seller_id,
        "listing_id": case.listing_id,
        "listing_url": listing.get("url"),
        "kind": action.sanction.kind.as_str(),
        "offence": action.offence,
        "detail": action.sanction.detail,
        "legal_basis": action.sanction.legal_basis,
        "enforcement_version": action.enforcement_version,
        "decided_at": rfc3339(action.decided_at)?,
    });
    sqlx::query(
        "INSERT INTO webhook_outbox (event_id, platform, event_kind, action_id, payload_json, \
         status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6) ON CONFLICT (action_id) DO NOTHING",
    )
    .bind(&event_id)
    .bind(&case.platform)
    .bind(ENFORCEMENT_ACTION)
    .bind(action.action_id)
    .bind(serde_json::to_string(&payload)?)
    .bind(action.decided_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Writes the events of pending actions that have none: actions recorded before the
/// outbox existed (migration 20). Runs when a store connects; concurrent runs insert each
/// event once. Returns how many were written.
pub(crate) async fn enqueue_unannounced_actions(store: &Store) -> Result<usize> {
    let mut tx = store.pool.begin().await?;
    let actions = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTION_COLUMNS} FROM actions a WHERE a.status = 'pending' \
         AND NOT EXISTS (SELECT 1 FROM webhook_outbox o WHERE o.action_id = a.id) ORDER BY a.id"
    )))
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(action_from_row)
    .collect::<Result<Vec<_>>>()?;
    for action in &actions {
        let case = load_case(&mut tx, action.case_id).await?;
        let sanction = Sanction {
            kind: action.kind,
            detail: action.detail.clone(),
            legal_basis: action.legal_basis.clone(),
        };
        enqueue_action_event(
            &mut tx,
            &ActionEvent {
                action_id: action.id,
                case: &case,
                offence: action.offence,
                sanction: &sanction,
                enforcement_version: &action.enforcement_version,
                decided_at: action.created_at,
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(actions.len())
}

impl Store {
    /// Sets (or replaces) a platform's endpoint and signing secret, enabled. The audit log
    /// records the URL, never the secret.
    pub async fn set_webhook_endpoint(
        &self,
        platform: &str,
        url: &str,
        signing_secret: &str,
        actor: &str,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        sqlx::query(
            "INSERT INTO webhook_endpoints (platform, url, signing_secret, enabled, updated_at) \
             VALUES ($1, $2, $3, 1, $4) ON CONFLICT (platform) DO UPDATE \
             SET url = $2, signing_secret = $3, enabled = 1, updated_at = $4",
        )
        .bind(platform)
        .bind(url)
        .bind(signing_secret)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit.append(
            now,
            "webhook_endpoint_set",
            &format!("webhook/{platform}"),
            &json!({"url": url, "actor": actor}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Stops deliveries to a platform; its events stay pending until it is set again.
    pub async fn disable_webhook_endpoint(
        &self,
        platform: &str,
        actor: &str,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let changed = sqlx::query(
            "UPDATE webhook_endpoints SET enabled = 0, updated_at = $1 WHERE platform = $2",
        )
        .bind(now)
        .bind(platform)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::NoSuchEndpoint(platform.to_string()));
        }
        audit.append(
            now,
            "webhook_endpoint_disabled",
            &format!("webhook/{platform}"),
            &json!({"actor": actor}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every configured endpoint, by platform.
    pub async fn webhook_endpoints(&self) -> Result<Vec<WebhookEndpoint>> {
        sqlx::query(
            "SELECT platform, url, enabled, updated_at FROM webhook_endpoints ORDER BY platform",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(endpoint_from_row)
        .collect()
    }

    /// Outbox events per platform and status, by platform (platforms without an endpoint
    /// included).
    pub async fn webhook_outbox_counts(&self) -> Result<Vec<OutboxCounts>> {
        let rows = sqlx::query(
            "SELECT platform, status, COUNT(*) AS n FROM webhook_outbox GROUP BY platform, status",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut counts: BTreeMap<String, OutboxCounts> = BTreeMap::new();
        for row in &rows {
            let platform: String = row.try_get("platform")?;
            let n: i64 = row.try_get("n")?;
            let entry = counts
                .entry(platform.clone())
                .or_insert_with(|| OutboxCounts {
                    platform,
                    ..OutboxCounts::default()
                });
            match row.try_get::<String, _>("status")?.parse()? {
                OutboxStatus::Pending => entry.pending = n,
                OutboxStatus::Delivered => entry.delivered = n,
                OutboxStatus::Dead => entry.dead = n,
            }
        }
        Ok(counts.into_values().collect())
    }

    /// Outbox events, oldest first; only those with `status` when given
    /// (`Some(OutboxStatus::Dead)`: the dead letters).
    pub async fn webhook_events(&self, status: Option<OutboxStatus>) -> Result<Vec<OutboxEvent>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {OUTBOX_COLUMNS} FROM webhook_outbox WHERE ($1 = '' OR status = $1) ORDER BY id"
        )))
        .bind(status.map(OutboxStatus::as_str).unwrap_or_default())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(event_from_row)
        .collect()
    }

    /// Claims up to `limit` due events of platforms with an enabled endpoint, oldest due
    /// first, for `lease_ms`: until then no other dispatcher claims them, and if this one
    /// stops before marking them they fall due again (so delivery is at least once). On
    /// PostgreSQL concurrent dispatchers skip each other's rows (`FOR UPDATE SKIP LOCKED`);
    /// SQLite has a single writer. Returned in id order.
    pub async fn claim_webhook_deliveries(
        &self,
        now: i64,
        limit: usize,
        lease_ms: i64,
    ) -> Result<Vec<Delivery>> {
        let skip_locked = match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let mut tx = self.pool.begin().await?;
        let claimed: Vec<i64> = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE webhook_outbox SET next_attempt_at = $1 WHERE id IN (\
             SELECT o.id FROM webhook_outbox o WHERE o.status = 'pending' \
             AND o.next_attempt_at <= $2 AND EXISTS (SELECT 1 FROM webhook_endpoints e \
             WHERE e.platform = o.platform AND e.enabled = 1) \
             ORDER BY o.next_attempt_at, o.id LIMIT $3{skip_locked}) RETURNING id"
        )))
        .bind(now.saturating_add(lease_ms))
        .bind(now)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get("id"))
        .collect::<Result<_, _>>()?;
        if claimed.is_empty() {
            tx.commit().await?;
            return Ok(Vec::new());
        }
        let columns = OUTBOX_COLUMNS
            .split(", ")
            .map(|column| format!("o.{column}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {columns}, e.url, e.signing_secret FROM webhook_outbox o \
             JOIN webhook_endpoints e ON e.platform = o.platform WHERE o.id IN ({}) ORDER BY o.id",
            placeholders(1, claimed.len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in &claimed {
            query = query.bind(*id);
        }
        let deliveries = query
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|row| {
                Ok(Delivery {
                    event: event_from_row(row)?,
                    url: row.try_get("url")?,
                    signing_secret: row.try_get("signing_secret")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        tx.commit().await?;
        Ok(deliveries)
    }

    /// The platform accepted the event: it is delivered, and so is its action.
    pub async fn mark_webhook_delivered(&self, id: i64, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let action_id: Option<i64> = sqlx::query(
            "UPDATE webhook_outbox SET status = 'delivered', delivered_at = $1, last_error = NULL \
             WHERE id = $2 AND status = 'pending' RETURNING action_id",
        )
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.try_get("action_id"))
        .transpose()?
        .flatten();
        if let Some(action_id) = action_id {
            sqlx::query("UPDATE actions SET status = 'delivered' WHERE id = $1")
                .bind(action_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// An attempt failed with `error` (which must hold no secret): the event is due again
    /// after the policy's backoff, or becomes a dead letter (with an audit entry) once it
    /// has failed `max_attempts` times. Returns its status afterwards.
    pub async fn mark_webhook_failed(
        &self,
        id: i64,
        error: &str,
        policy: &RetryPolicy,
        now: i64,
    ) -> Result<OutboxStatus> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "SELECT attempts, status, event_id, platform FROM webhook_outbox WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NoSuchOutboxEvent(id))?;
        let status: OutboxStatus = row.try_get::<String, _>("status")?.parse()?;
        if status != OutboxStatus::Pending {
            // Another dispatcher settled it after this one's lease ran out.
            tx.commit().await?;
            return Ok(status);
        }
        let attempts = row.try_get::<i64, _>("attempts")? + 1;
        let dead = attempts >= i64::from(policy.max_attempts);
        let next_status = if dead {
            OutboxStatus::Dead
        } else {
            OutboxStatus::Pending
        };
        // The audit head is locked before the row is written, as every audited write does.
        let audit = if dead {
            Some(AuditWriter::start(&mut tx).await?)
        } else {
            None
        };
        sqlx::query(
            "UPDATE webhook_outbox SET attempts = $1, status = $2, next_attempt_at = $3, \
             last_error = $4 WHERE id = $5",
        )
        .bind(attempts)
        .bind(next_status.as_str())
        .bind(now.saturating_add(policy.delay_after(attempts)))
        .bind(error)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if let Some(mut audit) = audit {
            audit.append(
                now,
                "webhook_dead_letter",
                &format!("webhook/{}", row.try_get::<String, _>("platform")?),
                &json!({
                    "outbox_id": id,
                    "event_id": row.try_get::<String, _>("event_id")?,
                    "attempts": attempts,
                    "last_error": error,
                }),
            );
            audit.finish(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(next_status)
    }

    /// Puts a dead letter back in the queue, due now, with its attempts reset; `actor` is
    /// recorded in the audit log.
    pub async fn retry_webhook_dead_letter(&self, id: i64, actor: &str, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let row = sqlx::query(
            "UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 \
             WHERE id = $2 AND status = 'dead' RETURNING event_id, platform",
        )
        .bind(now)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            let exists = sqlx::query("SELECT id FROM webhook_outbox WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            return Err(if exists {
                StoreError::NotDead(id)
            } else {
                StoreError::NoSuchOutboxEvent(id)
            });
        };
        audit.append(
            now,
            "webhook_retry",
            &format!("webhook/{}", row.try_get::<String, _>("platform")?),
            &json!({
                "outbox_id": id,
                "event_id": row.try_get::<String, _>("event_id")?,
                "actor": actor,
            }),
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
    fn backoff_doubles_from_the_base_up_to_the_cap() {
        let policy = RetryPolicy {
            max_attempts: 8,
            base_delay_ms: 1_000,
            max_delay_ms: 10_000,
        };
        let delays: Vec<i64> = (1..=6).map(|n| policy.delay_after(n)).collect();
        assert_eq!(delays, [1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
        assert_eq!(policy.delay_after(500), 10_000);
        assert_eq!(policy.delay_after(0), 1_000);
    }

    #[test]
    fn outbox_statuses_round_trip_their_stored_names() {
        for status in [
            OutboxStatus::Pending,
            OutboxStatus::Delivered,
            OutboxStatus::Dead,
        ] {
            assert_eq!(status.as_str().parse::<OutboxStatus>().ok(), Some(status));
        }
        assert!("sent".parse::<OutboxStatus>().is_err());
    }
}
