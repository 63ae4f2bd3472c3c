//! Recording screening decisions and opening or updating cases.

use std::collections::{HashMap, HashSet};

use serde_json::json;
use sqlx::{Any, Row, Transaction};

use saring_core::{Decision, Listing, Priority, Verdict};

use crate::audit::AuditWriter;
use crate::canonical::{canonical_of, listing_version, redacted};
use crate::rows::{priority_name, priority_rank, with_values};
use crate::sellers::{SellerUpdate, insert_active_sellers, update_sellers_in};
use crate::takedowns::note_listing_keys;
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
        self.record_screening(batch, &[], now).await
    }

    /// Records a batch of decisions as [`Store::record_decisions`] does and what the batch
    /// taught about its sellers as [`Store::update_sellers`] does, in one transaction (one
    /// commit per batch).
    pub async fn record_screening(
        &self,
        batch: &[PreparedDecision],
        sellers: &[SellerUpdate],
        now: i64,
    ) -> Result<RecordSummary> {
        let mut tx = self.pool.begin().await?;
        let summary = record_decisions_in(&mut tx, batch, now).await?;
        update_sellers_in(&mut tx, sellers, now).await?;
        tx.commit().await?;
        Ok(summary)
    }
}

/// Where a listing is, by platform and listing id.
type ListingKey<'a> = (&'a str, &'a str);

/// What recording a new decision does to the listing's cases.
enum CaseChange {
    /// Nothing: an allow for a listing without a pending case.
    None,
    /// Opens a case (the first review or block of the listing without a pending case).
    Open,
    /// Updates the listing's pending case, or the case the batch opened for it.
    Rescreen,
}

/// Records decisions, opens and updates cases, inside the caller's transaction. Works on
/// the whole batch at once (a few statements per batch, not per listing) with the effect of
/// recording the listings one after another.
async fn record_decisions_in(
    tx: &mut Transaction<'static, Any>,
    batch: &[PreparedDecision],
    now: i64,
) -> Result<RecordSummary> {
    let mut audit = AuditWriter::start(tx).await?;
    let recorded = insert_decisions(tx, batch, now).await?;
    note_listing_keys(
        tx,
        recorded.iter().filter_map(|(item, _)| {
            Some((
                item.listing_key.as_deref()?,
                item.platform.as_str(),
                item.listing_id.as_str(),
            ))
        }),
        now,
    )
    .await?;
    let mut pending = pending_cases(tx, &recorded).await?;
    let mut opened: HashSet<ListingKey<'_>> = HashSet::new();
    let changes: Vec<CaseChange> = recorded
        .iter()
        .map(|(item, _)| {
            let key = (item.platform.as_str(), item.listing_id.as_str());
            if pending.contains_key(&key) || opened.contains(&key) {
                CaseChange::Rescreen
            } else if item.verdict != Verdict::Allow {
                opened.insert(key);
                CaseChange::Open
            } else {
                CaseChange::None
            }
        })
        .collect();
    let openings: Vec<&(&PreparedDecision, i64)> = recorded
        .iter()
        .zip(&changes)
        .filter(|(_, change)| matches!(change, CaseChange::Open))
        .map(|(recorded, _)| recorded)
        .collect();
    for (id, key) in open_cases(tx, &openings, now).await? {
        pending.insert(key, (id, "open".to_string()));
    }
    let mut summary = RecordSummary {
        recorded: recorded.len(),
        unchanged: batch.len() - recorded.len(),
        ..RecordSummary::default()
    };
    let mut events = Vec::with_capacity(openings.len());
    for ((item, decision_id), change) in recorded.iter().zip(&changes) {
        let decision_id = *decision_id;
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
        let key = (item.platform.as_str(), item.listing_id.as_str());
        let Some((case_id, state)) = pending.get(&key) else {
            continue;
        };
        let case_id = *case_id;
        match change {
            CaseChange::None => {}
            CaseChange::Open => {
                let reason = format!(
                    "screening decided {} (score {:.2}, priority {})",
                    item.verdict.as_str(),
                    item.score,
                    priority_name(item.priority)
                );
                audit.append(
                    now,
                    "case_opened",
                    &format!("case/{case_id}"),
                    &json!({"decision_id": decision_id, "listing": subject, "reason": reason}),
                );
                events.push((case_id, "opened", None, state.clone(), reason, decision_id));
                summary.cases_opened += 1;
            }
            CaseChange::Rescreen => {
                sqlx::query(
                    "UPDATE cases SET verdict = $1, priority = $2, priority_rank = $3, score = $4, \
                     decision_id = $5, seller_id = $6, updated_at = $7 WHERE id = $8",
                )
                .bind(item.verdict.as_str())
                .bind(priority_name(item.priority))
                .bind(priority_rank(item.priority))
                .bind(item.score)
                .bind(decision_id)
                .bind(&item.seller_id)
                .bind(now)
                .bind(case_id)
                .execute(&mut **tx)
                .await?;
                let reason = format!(
                    "listing changed and was screened again: {} (score {:.2})",
                    item.verdict.as_str(),
                    item.score
                );
                audit.append(
                    now,
                    "case_updated",
                    &format!("case/{case_id}"),
                    &json!({"decision_id": decision_id, "reason": reason}),
                );
                let from = Some(state.clone());
                events.push((
                    case_id,
                    "rescreened",
                    from,
                    state.clone(),
                    reason,
                    decision_id,
                ));
                summary.cases_updated += 1;
            }
        }
    }
    let events: Vec<Event<'_>> = events
        .iter()
        .map(|(case_id, event, from, to, reason, decision_id)| Event {
            case_id: *case_id,
            event,
            from_state: from.as_deref(),
            to_state: to,
            actor: SCREENER,
            reason,
            decision_id: Some(*decision_id),
            at: now,
        })
        .collect();
    Event::insert_all(tx, &events).await?;
    audit.finish(tx).await?;
    Ok(summary)
}

/// Inserts the batch's decisions, leaving out listing versions recorded before (or earlier
/// in the batch); the new ones with their ids, in batch order.
async fn insert_decisions<'b>(
    tx: &mut Transaction<'static, Any>,
    batch: &'b [PreparedDecision],
    now: i64,
) -> Result<Vec<(&'b PreparedDecision, i64)>> {
    let rows = with_values(
        tx,
        (
            "INSERT INTO decisions (platform, listing_id, listing_version, seller_id, verdict, \
             priority, score, model_version, decision_json, listing_json, image_hashes_json, \
             normalised_text, decided_at)",
            "ON CONFLICT (platform, listing_id, listing_version) DO NOTHING \
             RETURNING id, platform, listing_id, listing_version",
        ),
        13,
        batch,
        |insert, item| {
            insert
                .bind(item.platform.as_str())
                .bind(item.listing_id.as_str())
                .bind(item.listing_version.as_str())
                .bind(item.seller_id.as_deref())
                .bind(item.verdict.as_str())
                .bind(priority_name(item.priority))
                .bind(item.score)
                .bind(item.model_version.as_str())
                .bind(item.decision_json.as_str())
                .bind(item.listing_json.as_str())
                .bind(item.image_hashes_json.as_str())
                .bind(item.normalised_text.as_str())
                .bind(now)
        },
    )
    .await?;
    let mut ids: HashMap<(String, String, String), i64> = HashMap::with_capacity(rows.len());
    for row in rows {
        let key = (
            row.try_get("platform")?,
            row.try_get("listing_id")?,
            row.try_get("listing_version")?,
        );
        ids.insert(key, row.try_get("id")?);
    }
    Ok(batch
        .iter()
        .filter_map(|item| {
            let key = (
                item.platform.clone(),
                item.listing_id.clone(),
                item.listing_version.clone(),
            );
            ids.remove(&key).map(|id| (item, id))
        })
        .collect())
}

/// The pending (open or claimed) cases of the recorded listings: id and state by listing.
async fn pending_cases<'b>(
    tx: &mut Transaction<'static, Any>,
    recorded: &[(&'b PreparedDecision, i64)],
) -> Result<HashMap<ListingKey<'b>, (i64, String)>> {
    let keys: HashSet<ListingKey<'b>> = recorded
        .iter()
        .map(|(item, _)| (item.platform.as_str(), item.listing_id.as_str()))
        .collect();
    // Joined from a VALUES list, so that each listing is looked up in the pending-case index.
    let wanted: Vec<ListingKey<'b>> = keys.iter().copied().collect();
    let rows = with_values(
        tx,
        (
            "SELECT cases.id, cases.state, cases.platform, cases.listing_id FROM (",
            ") AS wanted JOIN cases ON cases.platform = wanted.column1 \
             AND cases.listing_id = wanted.column2 WHERE cases.state IN ('open', 'claimed')",
        ),
        2,
        &wanted,
        |select, (platform, listing_id)| select.bind(*platform).bind(*listing_id),
    )
    .await?;
    let by_owned = owned_keys(keys.into_iter());
    let mut pending = HashMap::with_capacity(rows.len());
    for row in rows {
        let key = (row.try_get("platform")?, row.try_get("listing_id")?);
        if let Some(key) = by_owned.get(&key) {
            pending.insert(*key, (row.try_get("id")?, row.try_get("state")?));
        }
    }
    Ok(pending)
}

/// Listing keys by owned copies of themselves, to find a row's listing among them.
fn owned_keys<'b>(
    keys: impl Iterator<Item = ListingKey<'b>>,
) -> HashMap<(String, String), ListingKey<'b>> {
    keys.map(|key @ (platform, listing_id)| ((platform.to_string(), listing_id.to_string()), key))
        .collect()
}

/// Opens one case per listing in `openings` and records their sellers as active if new;
/// the new case ids by listing.
async fn open_cases<'b>(
    tx: &mut Transaction<'static, Any>,
    openings: &[&(&'b PreparedDecision, i64)],
    now: i64,
) -> Result<Vec<(i64, ListingKey<'b>)>> {
    let rows = with_values(
        tx,
        (
            "INSERT INTO cases (platform, listing_id, seller_id, state, verdict, priority, \
             priority_rank, score, decision_id, opened_at, updated_at)",
            "RETURNING id, platform, listing_id",
        ),
        11,
        openings,
        |insert, (item, decision_id)| {
            insert
                .bind(item.platform.as_str())
                .bind(item.listing_id.as_str())
                .bind(item.seller_id.as_deref())
                .bind("open")
                .bind(item.verdict.as_str())
                .bind(priority_name(item.priority))
                .bind(priority_rank(item.priority))
                .bind(item.score)
                .bind(*decision_id)
                .bind(now)
                .bind(now)
        },
    )
    .await?;
    let by_owned = owned_keys(
        openings
            .iter()
            .map(|(item, _)| (item.platform.as_str(), item.listing_id.as_str())),
    );
    let mut opened = Vec::with_capacity(rows.len());
    for row in rows {
        let key = (row.try_get("platform")?, row.try_get("listing_id")?);
        if let Some(key) = by_owned.get(&key) {
            opened.push((row.try_get("id")?, *key));
        }
    }
    let sellers: Vec<(&str, &str)> = openings
        .iter()
        .filter_map(|(item, _)| Some((item.platform.as_str(), item.seller_id.as_deref()?)))
        .collect();
    insert_active_sellers(tx, &sellers, now).await?;
    Ok(opened)
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
        Event::insert_all(tx, std::slice::from_ref(self)).await
    }

    /// Writes the events, a few hundred per statement.
    pub(crate) async fn insert_all(
        tx: &mut Transaction<'static, Any>,
        events: &[Event<'_>],
    ) -> Result<()> {
        with_values(
            tx,
            (
                "INSERT INTO case_events (case_id, event, from_state, to_state, actor, reason, \
                 decision_id, at)",
                "",
            ),
            8,
            events,
            |insert, event| {
                insert
                    .bind(event.case_id)
                    .bind(event.event)
                    .bind(event.from_state)
                    .bind(event.to_state)
                    .bind(event.actor)
                    .bind(event.reason)
                    .bind(event.decision_id)
                    .bind(event.at)
            },
        )
        .await?;
        Ok(())
    }
}
