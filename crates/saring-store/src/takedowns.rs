//! Regulators' takedown requests: import, matching to screened listings, status, and the
//! figures reports are made of.
//!
//! Every requested link becomes an action with a deadline. A link names a listing by its
//! canonical key (`saring_takedowns::canonicalise`); screened listings record their keys
//! in `listing_keys`, so a request matches a listing screened before it, and a listing
//! screened later matches the pending links that name it.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;
use sqlx::{Any, Row, Transaction};

use saring_core::Platform;
use saring_takedowns::{
    ActionStatus, DeadlinePolicy, EnforcementCounts, Import, ReportInput, TakedownRecord,
};

use crate::audit::AuditWriter;
use crate::rows::with_values;
use crate::{Result, Store, StoreError};

/// What importing a request file changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TakedownImportSummary {
    /// Requests imported now.
    pub requests: usize,
    /// Requests skipped because a request with the same id was imported before.
    pub already_imported: Vec<String>,
    /// Links recorded (one action each, unless a duplicate of an earlier request's link).
    pub links: usize,
    /// Links that matched a listing screened before.
    pub matched: usize,
    /// Links naming a listing an earlier request named already.
    pub duplicates_of_earlier_requests: usize,
}

/// One requested link and what became of it, as `saring takedowns list` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TakedownLinkRecord {
    /// Id of the link (its action).
    pub id: i64,
    /// The request it belongs to.
    pub request_id: String,
    /// The issuing agency.
    pub agency: String,
    /// Line of the request file.
    pub line: i64,
    /// The URL as the regulator wrote it.
    pub url: String,
    /// The platform of the URL's host (`other` when none).
    pub platform: String,
    /// The canonical listing key, when the URL names a listing.
    pub canonical: Option<String>,
    /// Why the URL names no listing (short link, not a listing page).
    pub url_problem: Option<String>,
    /// The link of an earlier request that names the same listing.
    pub duplicate_of: Option<i64>,
    /// The matched listing, once screened.
    pub listing_id: Option<String>,
    /// When the order was issued (unix ms).
    pub issued_at: i64,
    /// When it must be carried out (unix ms).
    pub deadline: i64,
    /// pending, taken_down, not_found or disputed.
    pub status: String,
    /// When the status was set (for taken_down: when the listing went down).
    pub status_at: Option<i64>,
    /// Why, for disputed links.
    pub status_reason: Option<String>,
    /// Whether the link is overdue now.
    pub overdue: bool,
}

/// Which counter of [`EnforcementCounts`] a query fills.
type CounterField = fn(&mut EnforcementCounts) -> &mut u64;

fn millis(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

fn time_of(ms: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::Corrupt(format!("time {ms} is out of range")))
}

fn status_of(name: &str, at: Option<i64>, reason: Option<String>) -> Result<ActionStatus> {
    Ok(match (name, at) {
        ("pending", _) => ActionStatus::Pending,
        ("taken_down", Some(at)) => ActionStatus::TakenDown { at: time_of(at)? },
        ("not_found", _) => ActionStatus::NotFound,
        ("disputed", _) => ActionStatus::Disputed {
            reason: reason.unwrap_or_default(),
        },
        _ => {
            return Err(StoreError::Corrupt(format!(
                "takedown status {name:?} (at {at:?})"
            )));
        }
    })
}

/// Notes screened listings' canonical keys (key, platform, listing id) and matches the
/// pending links that name them.
pub(crate) async fn note_listing_keys<'a>(
    tx: &mut Transaction<'static, Any>,
    listings: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    now: i64,
) -> Result<()> {
    let listings: Vec<(&str, &str, &str)> = listings.collect();
    if listings.is_empty() {
        return Ok(());
    }
    with_values(
        tx,
        (
            "INSERT INTO listing_keys (canonical_key, platform, listing_id, first_seen)",
            "ON CONFLICT (canonical_key) DO NOTHING",
        ),
        4,
        &listings,
        |insert, (key, platform, listing_id)| {
            insert
                .bind(*key)
                .bind(*platform)
                .bind(*listing_id)
                .bind(now)
        },
    )
    .await?;
    let keys: Vec<&str> = listings.iter().map(|(key, _, _)| *key).collect();
    let unresolved: HashSet<String> = with_values(
        tx,
        (
            "SELECT canonical_key FROM takedown_links WHERE listing_id IS NULL \
             AND canonical_key IN (",
            ")",
        ),
        1,
        &keys,
        |select, key| select.bind(*key),
    )
    .await?
    .iter()
    .map(|row| row.try_get("canonical_key"))
    .collect::<std::result::Result<_, _>>()?;
    // The first listing seen at a requested link resolves it.
    let mut resolved = HashSet::new();
    for (key, _, listing_id) in listings {
        if unresolved.contains(key) && resolved.insert(key) {
            sqlx::query(
                "UPDATE takedown_links SET listing_id = $1 \
                 WHERE canonical_key = $2 AND listing_id IS NULL",
            )
            .bind(listing_id)
            .bind(key)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

impl Store {
    /// Imports the requests of a file in one transaction, each link an action with its
    /// deadline. A request id imported before is skipped whole (re-importing a file changes
    /// nothing); a link naming a listing an earlier request named is kept, marked as its
    /// duplicate, and shares its action.
    pub async fn import_takedowns(
        &self,
        import: &Import,
        deadlines: &DeadlinePolicy,
        actor: &str,
        now: i64,
    ) -> Result<TakedownImportSummary> {
        let mut summary = TakedownImportSummary::default();
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        for request in &import.requests {
            let inserted = sqlx::query(
                "INSERT INTO takedown_requests \
                 (request_id, agency, issued_at, legal_basis, urgency, imported_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_id) DO NOTHING",
            )
            .bind(&request.request_id)
            .bind(&request.agency)
            .bind(millis(request.issued_at))
            .bind(&request.legal_basis)
            .bind(request.urgency.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 0 {
                summary.already_imported.push(request.request_id.clone());
                continue;
            }
            summary.requests += 1;
            let deadline = millis(deadlines.deadline(request.issued_at, request.urgency));
            for link in &request.urls {
                let (platform, key, problem) = match &link.canonical {
                    Ok(canonical) => (
                        canonical.platform.as_str(),
                        Some(canonical.key.to_string()),
                        None,
                    ),
                    Err(problem) => ("other", None, Some(problem.to_string())),
                };
                let earlier = sqlx::query(
                    "SELECT id, listing_id FROM takedown_links WHERE duplicate_of IS NULL \
                     AND ((canonical_key IS NOT NULL AND canonical_key = $1) \
                          OR (canonical_key IS NULL AND url = $2)) ORDER BY id LIMIT 1",
                )
                .bind(key.clone())
                .bind(link.raw.trim())
                .fetch_optional(&mut *tx)
                .await?;
                let duplicate_of: Option<i64> =
                    earlier.as_ref().map(|row| row.try_get("id")).transpose()?;
                let known: Option<String> = match &key {
                    Some(key) => {
                        sqlx::query("SELECT listing_id FROM listing_keys WHERE canonical_key = $1")
                            .bind(key)
                            .fetch_optional(&mut *tx)
                            .await?
                            .map(|row| row.try_get("listing_id"))
                            .transpose()?
                    }
                    None => None,
                };
                summary.links += 1;
                summary.matched += usize::from(known.is_some());
                summary.duplicates_of_earlier_requests += usize::from(duplicate_of.is_some());
                sqlx::query(
                    "INSERT INTO takedown_links (request_id, line, url, platform, canonical_key, \
                     url_problem, duplicate_of, listing_id, deadline, status) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending')",
                )
                .bind(&request.request_id)
                .bind(i64::try_from(link.line).unwrap_or(i64::MAX))
                .bind(link.raw.trim())
                .bind(platform)
                .bind(key)
                .bind(problem)
                .bind(duplicate_of)
                .bind(known)
                .bind(deadline)
                .execute(&mut *tx)
                .await?;
            }
            audit.append(
                now,
                "takedown_request",
                &request.request_id,
                &json!({
                    "actor": actor,
                    "agency": request.agency,
                    "issued_at": millis(request.issued_at),
                    "legal_basis": request.legal_basis,
                    "urgency": request.urgency.as_str(),
                    "links": request.urls.len(),
                }),
            );
        }
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// Every requested link, in import order, with its status and whether it is overdue at
    /// `now`. A duplicate shows the status of the link it duplicates.
    pub async fn takedown_links(&self, now: i64) -> Result<Vec<TakedownLinkRecord>> {
        let rows = sqlx::query(
            "SELECT l.id, l.request_id, r.agency, l.line, l.url, l.platform, l.canonical_key, \
             l.url_problem, l.duplicate_of, COALESCE(l.listing_id, d.listing_id) AS listing_id, \
             r.issued_at, l.deadline, COALESCE(d.status, l.status) AS status, \
             COALESCE(d.status_at, l.status_at) AS status_at, \
             COALESCE(d.status_reason, l.status_reason) AS status_reason \
             FROM takedown_links l JOIN takedown_requests r ON r.request_id = l.request_id \
             LEFT JOIN takedown_links d ON d.id = l.duplicate_of ORDER BY l.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let status: String = row.try_get("status")?;
                let status_at: Option<i64> = row.try_get("status_at")?;
                let status_reason: Option<String> = row.try_get("status_reason")?;
                let deadline: i64 = row.try_get("deadline")?;
                let overdue = status_of(&status, status_at, status_reason.clone())?
                    .is_overdue(time_of(deadline)?, time_of(now)?);
                Ok(TakedownLinkRecord {
                    id: row.try_get("id")?,
                    request_id: row.try_get("request_id")?,
                    agency: row.try_get("agency")?,
                    line: row.try_get("line")?,
                    url: row.try_get("url")?,
                    platform: row.try_get("platform")?,
                    canonical: row.try_get("canonical_key")?,
                    url_problem: row.try_get("url_problem")?,
                    duplicate_of: row.try_get("duplicate_of")?,
                    listing_id: row.try_get("listing_id")?,
                    issued_at: row.try_get("issued_at")?,
                    deadline,
                    status,
                    status_at,
                    status_reason,
                    overdue,
                })
            })
            .collect()
    }

    /// How many requested links are pending past their deadline at `now` (a duplicate counts
    /// with the status of the link it duplicates), counted by the database.
    pub async fn count_overdue_takedowns(&self, now: i64) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM takedown_links l \
             LEFT JOIN takedown_links d ON d.id = l.duplicate_of \
             WHERE COALESCE(d.status, l.status) = 'pending' AND l.deadline < $1",
        )
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Records what the platform did about a link (a duplicate is updated through the link
    /// it duplicates), with an audit entry.
    pub async fn set_takedown_status(
        &self,
        link_id: i64,
        status: &ActionStatus,
        actor: &str,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let row = sqlx::query(
            "SELECT COALESCE(duplicate_of, id) AS id FROM takedown_links WHERE id = $1",
        )
        .bind(link_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NoSuchTakedown(link_id))?;
        let target: i64 = row.try_get("id")?;
        let (at, reason) = match status {
            ActionStatus::TakenDown { at } => (Some(millis(*at)), None),
            ActionStatus::Disputed { reason } => (Some(now), Some(reason.clone())),
            ActionStatus::Pending | ActionStatus::NotFound => (Some(now), None),
        };
        sqlx::query(
            "UPDATE takedown_links SET status = $1, status_at = $2, status_reason = $3 WHERE id = $4",
        )
        .bind(status.name())
        .bind(at)
        .bind(reason.clone())
        .bind(target)
        .execute(&mut *tx)
        .await?;
        audit.append(
            now,
            "takedown_status",
            &format!("takedown/{target}"),
            &json!({ "actor": actor, "status": status.name(), "at": at, "reason": reason }),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// What a report of the period `[from, to)` is computed from. Aggregates and URLs only:
    /// no seller identity of any kind.
    pub async fn report_input(&self, from: i64, to: i64, top_terms: usize) -> Result<ReportInput> {
        let rows = sqlx::query(
            "SELECT l.platform, r.agency, r.issued_at, l.deadline, l.status, l.status_at, \
             l.status_reason FROM takedown_links l \
             JOIN takedown_requests r ON r.request_id = l.request_id \
             WHERE l.duplicate_of IS NULL AND r.issued_at >= $1 AND r.issued_at < $2 ORDER BY l.id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let takedowns = rows
            .iter()
            .map(|row| {
                let platform: String = row.try_get("platform")?;
                Ok(TakedownRecord {
                    platform: platform.parse().unwrap_or(Platform::Other),
                    agency: row.try_get("agency")?,
                    requested_at: time_of(row.try_get("issued_at")?)?,
                    deadline: time_of(row.try_get("deadline")?)?,
                    status: status_of(
                        &row.try_get::<String, _>("status")?,
                        row.try_get("status_at")?,
                        row.try_get("status_reason")?,
                    )?,
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let mut enforcement: BTreeMap<Platform, EnforcementCounts> = BTreeMap::new();
        let counters: [(&str, CounterField); 6] = [
            (
                "SELECT c.platform, COUNT(*) AS n FROM cases c WHERE c.opened_at >= $1 AND c.opened_at < $2 \
                 AND NOT EXISTS (SELECT 1 FROM takedown_links t WHERE t.platform = c.platform \
                 AND t.listing_id = c.listing_id) GROUP BY c.platform",
                |counts| &mut counts.flagged_proactively,
            ),
            (
                "SELECT l.platform, COUNT(DISTINCT l.listing_id) AS n FROM takedown_links l \
                 JOIN takedown_requests r ON r.request_id = l.request_id \
                 WHERE l.listing_id IS NOT NULL AND r.issued_at >= $1 AND r.issued_at < $2 GROUP BY l.platform",
                |counts| &mut counts.flagged_from_requests,
            ),
            (
                "SELECT c.platform, COUNT(DISTINCT c.id) AS n FROM case_events e JOIN cases c ON c.id = e.case_id \
                 WHERE e.to_state = 'confirmed' AND e.at >= $1 AND e.at < $2 GROUP BY c.platform",
                |counts| &mut counts.confirmed_violations,
            ),
            (
                "SELECT platform, COUNT(*) AS n FROM (SELECT platform, seller_id FROM strikes \
                 WHERE revoked_at IS NULL GROUP BY platform, seller_id \
                 HAVING COUNT(*) >= 2 AND MAX(confirmed_at) >= $1 AND MAX(confirmed_at) < $2) s GROUP BY platform",
                |counts| &mut counts.repeat_offenders,
            ),
            (
                "SELECT platform, COUNT(DISTINCT seller_id) AS n FROM seller_links \
                 WHERE created_at >= $1 AND created_at < $2 GROUP BY platform",
                |counts| &mut counts.re_registrations_caught,
            ),
            (
                "SELECT platform, COUNT(*) AS n FROM actions WHERE kind = 'referral' \
                 AND created_at >= $1 AND created_at < $2 GROUP BY platform",
                |counts| &mut counts.wholesalers_referred,
            ),
        ];
        for (query, field) in counters {
            for row in sqlx::query(query)
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await?
            {
                let platform: String = row.try_get("platform")?;
                let count: i64 = row.try_get("n")?;
                let counts = enforcement
                    .entry(platform.parse().unwrap_or(Platform::Other))
                    .or_default();
                *field(counts) += u64::try_from(count).unwrap_or(0);
            }
        }

        let mut terms: HashMap<String, u64> = HashMap::new();
        for row in sqlx::query(
            "SELECT decision_json FROM decisions WHERE verdict <> 'allow' \
             AND decided_at >= $1 AND decided_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?
        {
            let decision: serde_json::Value =
                crate::rows::parse_json(&row.try_get::<String, _>("decision_json")?)?;
            let lexicon_terms = decision["reasons"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|reason| reason["kind"] == "lexicon")
                .filter_map(|reason| reason["name"].as_str());
            for term in lexicon_terms {
                *terms.entry(term.to_string()).or_insert(0) += 1;
            }
        }
        let mut top: Vec<(String, u64)> = terms.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(top_terms);

        Ok(ReportInput {
            from: time_of(from)?,
            to: time_of(to)?,
            takedowns,
            enforcement,
            top_terms: top,
        })
    }
}
