//! Recording screening decisions and opening or updating cases.

use serde_json::json;
use sqlx::{Any, Row, Transaction};

use saring_core::{Decision, Listing, Priority, Verdict};

use crate::audit::AuditWriter;
use crate::canonical::{canonical_of, listing_version, redacted};
use crate::rows::{priority_name, priority_rank};
use crate::takedowns::note_listing_key;
use crate::{Result, Store};

/// Who opens and updates cases from screening, in case events.
const SCREENER: &str = "saring scan";

/// One screened listing to record.
#[derive(Debug, Clone, Copy)]
pub struct Screened<'a> {
    /// The listing as the platform sent it (seller contact details are dropped on storing).
    pub listing: &'a Listing,
    /// The decision.
    pub decision: &'a Decision,
    /// PDQ hashes (hex) of the listing's photos, kept to recognise re-listings.
    pub image_hashes: &'a [String],
    /// The normalised title and description, kept to recognise re-listings.
    pub normalised_text: &'a str,
}

/// A screened listing made ready to record: versioned, redacted and serialised. Building
/// it is pure CPU work, so callers do it in parallel; recording is then only writes.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedDecision {
    platform: String,
    listing_id: String,
    listing_version: String,
    seller_id: Option<String>,
    verdict: Verdict,
    priority: Priority,
    score: f64,
    model_version: String,
    reasons: Vec<String>,
    decision_json: String,
    listing_json: String,
    image_hashes_json: String,
    normalised_text: String,
    listing_key: Option<String>,
}

impl PreparedDecision {
    /// Versions (SHA-256 of the listing's canonical JSON), redacts and serialises `item`.
    pub fn new(item: &Screened<'_>) -> Result<Self> {
        let decision = item.decision;
        Ok(Self {
            platform: decision.platform.as_str().to_string(),
            listing_id: decision.id.clone(),
            listing_version: listing_version(item.listing)?,
            seller_id: item.listing.seller.as_ref().map(|s| s.id.clone()),
            verdict: decision.decision,
            priority: decision.priority,
            score: decision.score,
            model_version: decision.model_version.clone(),
            reasons: decision.reasons.iter().map(|r| r.name.clone()).collect(),
            decision_json: canonical_of(decision)?,
            listing_json: canonical_of(&redacted(item.listing))?,
            image_hashes_json: canonical_of(&item.image_hashes)?,
            normalised_text: item.normalised_text.to_string(),
            listing_key: item
                .listing
                .url
                .as_deref()
                .and_then(|url| saring_takedowns::canonicalise(url).ok())
                .map(|canonical| canonical.key.to_string()),
        })
    }
}

/// What one batch changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordSummary {
    /// New decisions recorded.
    pub recorded: usize,
    /// Listing versions screened before: nothing recorded.
    pub unchanged: usize,
    /// Cases opened.
    pub cases_opened: usize,
    /// Pending cases updated by a re-screen.
    pub cases_updated: usize,
}

impl Store {
    /// Records a batch of decisions in one transaction. A listing version (SHA-256 of the
    /// listing's canonical JSON) seen before records nothing: no decision row, no audit
    /// entry, no case change. A new version is recorded with an audit entry; a `review` or
    /// `block` opens a case unless the listing has a pending (open or claimed) case, which
    /// is updated instead, with an event saying so.
    pub async fn record_decisions(
        &self,
        batch: &[PreparedDecision],
        now: i64,
    ) -> Result<RecordSummary> {
        let mut summary = RecordSummary::default();
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        for item in batch {
            let Some(decision_id) = insert_decision(&mut tx, item, now).await? else {
                summary.unchanged += 1;
                continue;
            };
            summary.recorded += 1;
            if let Some(key) = &item.listing_key {
                note_listing_key(&mut tx, key, &item.platform, &item.listing_id, now).await?;
            }
            let subject = format!("{}/{}", item.platform, item.listing_id);
            let payload = json!({
                "decision_id": decision_id,
                "decision": item.verdict.as_str(),
                "priority": priority_name(item.priority),
                "score": item.score,
                "model_version": item.model_version,
                "reasons": item.reasons,
            });
            audit.append(now, "decision", &subject, &payload);
            let pending = sqlx::query(
                "SELECT id, state FROM cases WHERE platform = $1 AND listing_id = $2 \
                 AND state IN ('open', 'claimed')",
            )
            .bind(&item.platform)
            .bind(&item.listing_id)
            .fetch_optional(&mut *tx)
            .await?;
            let seller_id = &item.seller_id;
            if let Some(case) = pending {
                let case_id: i64 = case.try_get("id")?;
                let state: String = case.try_get("state")?;
                sqlx::query(
                    "UPDATE cases SET verdict = $1, priority = $2, priority_rank = $3, score = $4, \
                     decision_id = $5, seller_id = $6, updated_at = $7 WHERE id = $8",
                )
                .bind(item.verdict.as_str())
                .bind(priority_name(item.priority))
                .bind(priority_rank(item.priority))
                .bind(item.score)
                .bind(decision_id)
                .bind(seller_id)
                .bind(now)
                .bind(case_id)
                .execute(&mut *tx)
                .await?;
                let reason = format!(
                    "listing changed and was screened again: {} (score {:.2})",
                    item.verdict.as_str(),
                    item.score
                );
                Event {
                    case_id,
                    event: "rescreened",
                    from_state: Some(&state),
                    to_state: &state,
                    actor: SCREENER,
                    reason: &reason,
                    decision_id: Some(decision_id),
                    at: now,
                }
                .insert(&mut tx)
                .await?;
                audit.append(
                    now,
                    "case_updated",
                    &format!("case/{case_id}"),
                    &json!({"decision_id": decision_id, "reason": reason}),
                );
                summary.cases_updated += 1;
            } else if item.verdict != Verdict::Allow {
                let case_id: i64 = sqlx::query(
                    "INSERT INTO cases (platform, listing_id, seller_id, state, verdict, priority, \
                     priority_rank, score, decision_id, opened_at, updated_at) \
                     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $9) RETURNING id",
                )
                .bind(&item.platform)
                .bind(&item.listing_id)
                .bind(seller_id)
                .bind(item.verdict.as_str())
                .bind(priority_name(item.priority))
                .bind(priority_rank(item.priority))
                .bind(item.score)
                .bind(decision_id)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
                let reason = format!(
                    "screening decided {} (score {:.2}, priority {})",
                    item.verdict.as_str(),
                    item.score,
                    priority_name(item.priority)
                );
                Event {
                    case_id,
                    event: "opened",
                    from_state: None,
                    to_state: "open",
                    actor: SCREENER,
                    reason: &reason,
                    decision_id: Some(decision_id),
                    at: now,
                }
                .insert(&mut tx)
                .await?;
                audit.append(
                    now,
                    "case_opened",
                    &format!("case/{case_id}"),
                    &json!({"decision_id": decision_id, "listing": subject, "reason": reason}),
                );
                if let Some(seller) = seller_id {
                    sqlx::query(
                        "INSERT INTO sellers (platform, seller_id, status, updated_at) \
                         VALUES ($1, $2, 'active', $3) ON CONFLICT (platform, seller_id) DO NOTHING",
                    )
                    .bind(&item.platform)
                    .bind(seller)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                summary.cases_opened += 1;
            }
        }
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(summary)
    }
}

/// Inserts the decision unless this listing version was recorded before; its id if new.
async fn insert_decision(
    tx: &mut Transaction<'static, Any>,
    item: &PreparedDecision,
    now: i64,
) -> Result<Option<i64>> {
    let row = sqlx::query(
        "INSERT INTO decisions (platform, listing_id, listing_version, seller_id, verdict, priority, \
         score, model_version, decision_json, listing_json, image_hashes_json, normalised_text, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (platform, listing_id, listing_version) DO NOTHING RETURNING id",
    )
    .bind(&item.platform)
    .bind(&item.listing_id)
    .bind(&item.listing_version)
    .bind(&item.seller_id)
    .bind(item.verdict.as_str())
    .bind(priority_name(item.priority))
    .bind(item.score)
    .bind(&item.model_version)
    .bind(&item.decision_json)
    .bind(&item.listing_json)
    .bind(&item.image_hashes_json)
    .bind(&item.normalised_text)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(match row {
        Some(row) => Some(row.try_get("id")?),
        None => None,
    })
}

/// A case transition as recorded: who, when, why.
pub(crate) struct Event<'a> {
    /// The case.
    pub(crate) case_id: i64,
    /// What happened (`opened`, `claimed`, `confirmed`, ...).
    pub(crate) event: &'a str,
    /// State before, none when the case opens.
    pub(crate) from_state: Option<&'a str>,
    /// State after.
    pub(crate) to_state: &'a str,
    /// Reviewer, seller or `saring scan`.
    pub(crate) actor: &'a str,
    /// Why.
    pub(crate) reason: &'a str,
    /// The decision behind it, for openings and re-screens.
    pub(crate) decision_id: Option<i64>,
    /// When.
    pub(crate) at: i64,
}

impl Event<'_> {
    /// Writes the event.
    pub(crate) async fn insert(&self, tx: &mut Transaction<'static, Any>) -> Result<()> {
        sqlx::query(
            "INSERT INTO case_events (case_id, event, from_state, to_state, actor, reason, decision_id, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(self.case_id)
        .bind(self.event)
        .bind(self.from_state)
        .bind(self.to_state)
        .bind(self.actor)
        .bind(self.reason)
        .bind(self.decision_id)
        .bind(self.at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}
