//! Cases, reviews, enforcement actions, appeals, evidence and re-listing references.

use serde_json::{Value, json};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use saring_core::{
    CaseAction, CaseState, CaseView, Decision, EnforcementPolicy, Listing, Priority, Sanction,
    SanctionKind, SellerStatus,
};

use crate::api_keys::reviewer_of;
use crate::audit::AuditWriter;
use crate::canonical::{canonical_json, sha256_hex};
use crate::generations::{SharedState, bump};
use crate::record::Event;
use crate::rows::{parse_json, parse_name, parse_state, priority_name};
use crate::webhooks::{ActionEvent, enqueue_action_event};
use crate::{Result, Store, StoreError};

/// A case as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRecord {
    /// Case id.
    pub id: i64,
    /// Platform of the listing.
    pub platform: String,
    /// Listing id.
    pub listing_id: String,
    /// Seller id, when the listing named one.
    pub seller_id: Option<String>,
    /// Stored state (see [`CaseRecord::state_at`] for lapsed claims).
    pub state: CaseState,
    /// Latest screening verdict (`review` or `block`; `allow` after a re-screen).
    pub verdict: String,
    /// Enforcement priority.
    pub priority: Priority,
    /// Latest screening score.
    pub score: f64,
    /// The latest decision on the listing.
    pub decision_id: i64,
    /// When the case opened (unix ms).
    pub opened_at: i64,
    /// Last change (unix ms).
    pub updated_at: i64,
    /// Reviewer holding the claim.
    pub claimed_by: Option<String>,
    /// When the claim lapses (unix ms).
    pub claim_expires_at: Option<i64>,
    /// Reviewer who confirmed the violation.
    pub confirmed_by: Option<String>,
    /// When the case was confirmed or cleared (unix ms).
    pub closed_at: Option<i64>,
}

impl CaseRecord {
    /// What the case rules need.
    pub fn view(&self) -> CaseView {
        CaseView {
            state: self.state,
            claimed_by: self.claimed_by.clone(),
            claim_expires_at: self.claim_expires_at,
            confirmed_by: self.confirmed_by.clone(),
        }
    }

    /// The state at `now`: a lapsed claim reads as open.
    pub fn state_at(&self, now: i64) -> CaseState {
        self.view().effective_state(now)
    }
}

/// One recorded transition of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEventRecord {
    /// What happened: opened, rescreened, claimed, confirmed, cleared, appealed, upheld,
    /// overturned.
    pub event: String,
    /// State before.
    pub from_state: Option<String>,
    /// State after.
    pub to_state: String,
    /// Who.
    pub actor: String,
    /// Why.
    pub reason: String,
    /// When (unix ms).
    pub at: i64,
}

/// The listing as it was when the case was confirmed, with its content hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRecord {
    /// Canonical JSON of the frozen listing, image hashes, decision and reasons.
    pub content_json: String,
    /// SHA-256 of `content_json`, taken when frozen.
    pub sha256: String,
    /// When frozen (unix ms).
    pub frozen_at: i64,
}

impl EvidenceRecord {
    /// Whether the content still matches its hash and is in canonical form.
    pub fn verify(&self) -> bool {
        let canonical = serde_json::from_str::<Value>(&self.content_json)
            .map(|value| canonical_json(&value) == self.content_json)
            .unwrap_or(false);
        canonical && sha256_hex(self.content_json.as_bytes()) == self.sha256
    }
}

/// An enforcement action in the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRecord {
    /// Action id.
    pub id: i64,
    /// The case it enforces.
    pub case_id: i64,
    /// Platform.
    pub platform: String,
    /// Seller, when known.
    pub seller_id: Option<String>,
    /// What to do.
    pub kind: SanctionKind,
    /// Which offence of the seller this answers (1 = first within the window).
    pub offence: i64,
    /// What exactly.
    pub detail: String,
    /// The rules of law it rests on.
    pub legal_basis: Vec<String>,
    /// Version of the enforcement policy that chose it.
    pub enforcement_version: String,
    /// `pending` until its webhook event is delivered to the platform, then `delivered`.
    pub status: String,
    /// When created (unix ms).
    pub created_at: i64,
}

/// A seller's appeal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealRecord {
    /// Appeal id.
    pub id: i64,
    /// The appealed case.
    pub case_id: i64,
    /// Who filed it (the seller).
    pub filed_by: String,
    /// The seller's statement.
    pub statement: String,
    /// When filed (unix ms).
    pub filed_at: i64,
    /// pending, upheld or overturned.
    pub state: String,
    /// The reviewer who decided.
    pub decided_by: Option<String>,
    /// When decided (unix ms).
    pub decided_at: Option<i64>,
    /// Why.
    pub reason: Option<String>,
}

/// A confirmed violation counted against a seller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrikeRecord {
    /// The confirmed case.
    pub case_id: i64,
    /// Platform.
    pub platform: String,
    /// Seller.
    pub seller_id: String,
    /// Priority of the case.
    pub priority: String,
    /// When confirmed (unix ms).
    pub confirmed_at: i64,
    /// When revoked by an overturned appeal; the row is kept.
    pub revoked_at: Option<i64>,
    /// Who revoked it.
    pub revoked_by: Option<String>,
    /// Why.
    pub revoked_reason: Option<String>,
}

/// Everything about one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDetail {
    /// The case.
    pub case: CaseRecord,
    /// The latest decision on the listing.
    pub decision: Decision,
    /// The listing that decision was about (seller contact details removed).
    pub listing: Listing,
    /// Transitions, oldest first.
    pub events: Vec<CaseEventRecord>,
    /// Frozen evidence, once confirmed.
    pub evidence: Option<EvidenceRecord>,
    /// The strike, once confirmed against a known seller.
    pub strike: Option<StrikeRecord>,
    /// Enforcement actions, oldest first.
    pub actions: Vec<ActionRecord>,
    /// Appeals, oldest first.
    pub appeals: Vec<AppealRecord>,
}

/// Which cases to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only cases in this state (lapsed claims count as open).
    pub state: Option<CaseState>,
    /// Only this platform.
    pub platform: Option<String>,
    /// Only this priority.
    pub priority: Option<Priority>,
    /// At most this many.
    pub limit: Option<usize>,
}

/// A reviewer's finding on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    /// The listing violates the ban: enforcement follows.
    Confirm,
    /// No violation.
    Clear,
}

/// The decision on an appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealOutcome {
    /// The confirmation stands.
    Upheld,
    /// The confirmation is reversed: the case is cleared and its strike revoked.
    Overturned,
}

/// A confirmed listing kept so a detector can recognise it when it is listed again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenDownListing {
    /// The confirmed case.
    pub case_id: i64,
    /// Platform.
    pub platform: String,
    /// Listing id.
    pub listing_id: String,
    /// Seller, when known.
    pub seller_id: Option<String>,
    /// Normalised title and description.
    pub normalised_text: String,
    /// PDQ hashes (hex) of its photos.
    pub image_hashes: Vec<String>,
    /// When confirmed (unix ms).
    pub taken_down_at: i64,
}

const CASE_COLUMNS: &str = "id, platform, listing_id, seller_id, state, verdict, priority, score, \
    decision_id, opened_at, updated_at, claimed_by, claim_expires_at, confirmed_by, closed_at";

fn case_from_row(row: &AnyRow) -> Result<CaseRecord> {
    Ok(CaseRecord {
        id: row.try_get("id")?,
        platform: row.try_get("platform")?,
        listing_id: row.try_get("listing_id")?,
        seller_id: row.try_get("seller_id")?,
        state: parse_state(&row.try_get::<String, _>("state")?)?,
        verdict: row.try_get("verdict")?,
        priority: parse_name(row.try_get("priority")?)?,
        score: row.try_get("score")?,
        decision_id: row.try_get("decision_id")?,
        opened_at: row.try_get("opened_at")?,
        updated_at: row.try_get("updated_at")?,
        claimed_by: row.try_get("claimed_by")?,
        claim_expires_at: row.try_get("claim_expires_at")?,
        confirmed_by: row.try_get("confirmed_by")?,
        closed_at: row.try_get("closed_at")?,
    })
}

pub(crate) const ACTION_COLUMNS: &str = "id, case_id, platform, seller_id, kind, offence, detail, \
    legal_basis_json, enforcement_version, status, created_at";

pub(crate) fn action_from_row(row: &AnyRow) -> Result<ActionRecord> {
    Ok(ActionRecord {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        platform: row.try_get("platform")?,
        seller_id: row.try_get("seller_id")?,
        kind: parse_name(row.try_get("kind")?)?,
        offence: row.try_get("offence")?,
        detail: row.try_get("detail")?,
        legal_basis: parse_json(&row.try_get::<String, _>("legal_basis_json")?)?,
        enforcement_version: row.try_get("enforcement_version")?,
        status: row.try_get("status")?,
        created_at: row.try_get("created_at")?,
    })
}

const STRIKE_COLUMNS: &str = "case_id, platform, seller_id, priority, confirmed_at, revoked_at, \
    revoked_by, revoked_reason";

fn strike_from_row(row: &AnyRow) -> Result<StrikeRecord> {
    Ok(StrikeRecord {
        case_id: row.try_get("case_id")?,
        platform: row.try_get("platform")?,
        seller_id: row.try_get("seller_id")?,
        priority: row.try_get("priority")?,
        confirmed_at: row.try_get("confirmed_at")?,
        revoked_at: row.try_get("revoked_at")?,
        revoked_by: row.try_get("revoked_by")?,
        revoked_reason: row.try_get("revoked_reason")?,
    })
}

const APPEAL_COLUMNS: &str =
    "id, case_id, filed_by, statement, filed_at, state, decided_by, decided_at, reason";

fn appeal_from_row(row: &AnyRow) -> Result<AppealRecord> {
    Ok(AppealRecord {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        filed_by: row.try_get("filed_by")?,
        statement: row.try_get("statement")?,
        filed_at: row.try_get("filed_at")?,
        state: row.try_get("state")?,
        decided_by: row.try_get("decided_by")?,
        decided_at: row.try_get("decided_at")?,
        reason: row.try_get("reason")?,
    })
}

pub(crate) async fn load_case(tx: &mut Transaction<'static, Any>, id: i64) -> Result<CaseRecord> {
    let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NoSuchCase(id))?;
    case_from_row(&row)
}

/// The case as its rules see people: the claim holder, the confirming reviewer and `actor`
/// each named as the reviewer they stand for (see [`reviewer_of`]), so that a person is one
/// actor whichever door they use (an API key, the review UI, the CLI's `--reviewer`), and the
/// reviewer who confirmed a case cannot decide its appeal through another door.
async fn as_reviewers(
    tx: &mut Transaction<'static, Any>,
    case: &CaseRecord,
    actor: &str,
) -> Result<(CaseView, String)> {
    let mut view = case.view();
    if let Some(holder) = view.claimed_by.take() {
        view.claimed_by = Some(reviewer_of(tx, &holder).await?);
    }
    if let Some(confirmer) = view.confirmed_by.take() {
        view.confirmed_by = Some(reviewer_of(tx, &confirmer).await?);
    }
    Ok((view, reviewer_of(tx, actor).await?))
}

fn require_reason(reason: &str) -> Result<()> {
    if reason.trim().is_empty() {
        Err(StoreError::NoReason)
    } else {
        Ok(())
    }
}

/// Sets a case's state and writes the transition event and its audit entry.
struct Transition<'a> {
    case: &'a CaseRecord,
    to: CaseState,
    event: &'a str,
    actor: &'a str,
    reason: &'a str,
    now: i64,
}

impl Transition<'_> {
    async fn apply(
        &self,
        tx: &mut Transaction<'static, Any>,
        audit: &mut AuditWriter,
    ) -> Result<()> {
        let from = self.case.state_at(self.now);
        let closes = matches!(self.to, CaseState::Confirmed | CaseState::Cleared);
        sqlx::query(
            "UPDATE cases SET state = $1, updated_at = $2, \
             closed_at = CASE WHEN $3 = 1 THEN $2 ELSE closed_at END, \
             claimed_by = CASE WHEN $1 = 'claimed' THEN claimed_by ELSE NULL END, \
             claim_expires_at = CASE WHEN $1 = 'claimed' THEN claim_expires_at ELSE NULL END \
             WHERE id = $4",
        )
        .bind(self.to.as_str())
        .bind(self.now)
        .bind(i64::from(closes))
        .bind(self.case.id)
        .execute(&mut **tx)
        .await?;
        Event {
            case_id: self.case.id,
            event: self.event,
            from_state: Some(from.as_str()),
            to_state: self.to.as_str(),
            actor: self.actor,
            reason: self.reason,
            decision_id: None,
            at: self.now,
        }
        .insert(tx)
        .await?;
        let payload = json!({
            "event": self.event,
            "from": from.as_str(),
            "to": self.to.as_str(),
            "actor": self.actor,
            "reason": self.reason,
        });
        audit.append(
            self.now,
            "review",
            &format!("case/{}", self.case.id),
            &payload,
        );
        Ok(())
    }
}

impl Store {
    /// Cases matching `filter`, in queue order: wholesale first, then oldest first.
    pub async fn list_cases(&self, filter: &CaseFilter, now: i64) -> Result<Vec<CaseRecord>> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases WHERE ($1 = '' OR platform = $1) \
             AND ($2 = '' OR priority = $2) ORDER BY priority_rank, opened_at, id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(filter.platform.clone().unwrap_or_default())
            .bind(filter.priority.map(priority_name).unwrap_or_default())
            .fetch_all(&self.pool)
            .await?;
        let mut cases = Vec::new();
        for row in &rows {
            let case = case_from_row(row)?;
            if filter.state.is_none_or(|state| case.state_at(now) == state) {
                cases.push(case);
            }
            if filter.limit.is_some_and(|limit| cases.len() >= limit) {
                break;
            }
        }
        Ok(cases)
    }

    /// How many cases wait for a reviewer at `now`: open, or claimed with the claim expired
    /// (what [`CaseRecord::state_at`] calls open), counted by the database.
    pub async fn count_open_cases(&self, now: i64) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM cases WHERE state = 'open'              OR (state = 'claimed' AND claim_expires_at IS NOT NULL AND claim_expires_at <= $1)",
        )
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Everything about one case.
    pub async fn case(&self, id: i64) -> Result<CaseDetail> {
        let mut tx = self.pool.begin().await?;
        let case = load_case(&mut tx, id).await?;
        let decision_row =
            sqlx::query("SELECT decision_json, listing_json FROM decisions WHERE id = $1")
                .bind(case.decision_id)
                .fetch_one(&mut *tx)
                .await?;
        let events = sqlx::query(
            "SELECT event, from_state, to_state, actor, reason, at FROM case_events \
             WHERE case_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| {
            Ok(CaseEventRecord {
                event: row.try_get("event")?,
                from_state: row.try_get("from_state")?,
                to_state: row.try_get("to_state")?,
                actor: row.try_get("actor")?,
                reason: row.try_get("reason")?,
                at: row.try_get("at")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let evidence =
            sqlx::query("SELECT content_json, sha256, frozen_at FROM evidence WHERE case_id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
                .map(|row| -> Result<EvidenceRecord> {
                    Ok(EvidenceRecord {
                        content_json: row.try_get("content_json")?,
                        sha256: row.try_get("sha256")?,
                        frozen_at: row.try_get("frozen_at")?,
                    })
                })
                .transpose()?;
        let strike = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {STRIKE_COLUMNS} FROM strikes WHERE case_id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| strike_from_row(&row))
        .transpose()?;
        let actions = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ACTION_COLUMNS} FROM actions WHERE case_id = $1 ORDER BY id"
        )))
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(action_from_row)
        .collect::<Result<Vec<_>>>()?;
        let appeals = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {APPEAL_COLUMNS} FROM appeals WHERE case_id = $1 ORDER BY id"
        )))
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(appeal_from_row)
        .collect::<Result<Vec<_>>>()?;
        tx.commit().await?;
        Ok(CaseDetail {
            decision: parse_json(&decision_row.try_get::<String, _>("decision_json")?)?,
            listing: parse_json(&decision_row.try_get::<String, _>("listing_json")?)?,
            case,
            events,
            evidence,
            strike,
            actions,
            appeals,
        })
    }

    /// `reviewer` claims the case for `ttl_ms` milliseconds.
    pub async fn claim_case(
        &self,
        id: i64,
        reviewer: &str,
        ttl_ms: i64,
        now: i64,
    ) -> Result<CaseRecord> {
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let case = load_case(&mut tx, id).await?;
        let expires_at = now + ttl_ms;
        let (view, person) = as_reviewers(&mut tx, &case, reviewer).await?;
        let to = view.apply(CaseAction::Claim { expires_at }, &person, now)?;
        sqlx::query("UPDATE cases SET claimed_by = $1, claim_expires_at = $2 WHERE id = $3")
            .bind(reviewer)
            .bind(expires_at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let reason = format!("claimed until {expires_at} (unix ms)");
        Transition {
            case: &case,
            to,
            event: "claimed",
            actor: reviewer,
            reason: &reason,
            now,
        }
        .apply(&mut tx, &mut audit)
        .await?;
        let claimed = load_case(&mut tx, id).await?;
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// `reviewer` confirms or clears the case, giving `reason`. A confirmation freezes the
    /// evidence, keeps the re-listing reference, counts a strike against the seller and
    /// writes the enforcement actions `policy` chooses to the outbox (status `pending`).
    pub async fn decide_case(
        &self,
        id: i64,
        outcome: ReviewOutcome,
        reviewer: &str,
        reason: &str,
        policy: &EnforcementPolicy,
        now: i64,
    ) -> Result<CaseDetail> {
        require_reason(reason)?;
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let case = load_case(&mut tx, id).await?;
        let (action, event) = match outcome {
            ReviewOutcome::Confirm => (CaseAction::Confirm, "confirmed"),
            ReviewOutcome::Clear => (CaseAction::Clear, "cleared"),
        };
        let (view, person) = as_reviewers(&mut tx, &case, reviewer).await?;
        let to = view.apply(action, &person, now)?;
        Transition {
            case: &case,
            to,
            event,
            actor: reviewer,
            reason,
            now,
        }
        .apply(&mut tx, &mut audit)
        .await?;
        if outcome == ReviewOutcome::Confirm {
            sqlx::query("UPDATE cases SET confirmed_by = $1 WHERE id = $2")
                .bind(reviewer)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            enforce(&mut tx, &mut audit, &case, reviewer, policy, now).await?;
            bump(&mut tx, SharedState::Sellers).await?;
        }
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        if outcome == ReviewOutcome::Confirm {
            self.note_change();
        }
        self.case(id).await
    }

    /// The seller appeals a confirmed case; returns the appeal id.
    pub async fn file_appeal(
        &self,
        case_id: i64,
        filed_by: &str,
        statement: &str,
        now: i64,
    ) -> Result<i64> {
        require_reason(statement)?;
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let case = load_case(&mut tx, case_id).await?;
        let to = case.view().apply(CaseAction::Appeal, filed_by, now)?;
        Transition {
            case: &case,
            to,
            event: "appealed",
            actor: filed_by,
            reason: statement,
            now,
        }
        .apply(&mut tx, &mut audit)
        .await?;
        let appeal_id: i64 = sqlx::query(
            "INSERT INTO appeals (case_id, filed_by, statement, filed_at, state) \
             VALUES ($1, $2, $3, $4, 'pending') RETURNING id",
        )
        .bind(case_id)
        .bind(filed_by)
        .bind(statement)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        audit.append(
            now,
            "appeal_filed",
            &format!("appeal/{appeal_id}"),
            &json!({"case_id": case_id, "filed_by": filed_by, "statement": statement}),
        );
        audit.finish(&mut tx).await?;
        tx.commit().await?;
        Ok(appeal_id)
    }

    /// A reviewer other than the one who confirmed decides an appeal: the same person is
    /// refused whichever door either came through (an API key, the review UI, the CLI's name
    /// for a key's owner), the rule holding here rather than in each caller. Overturning clears
    /// the case, marks its strike revoked (the row stays), queues a reinstatement action
    /// and recomputes the seller's standing.
    pub async fn decide_appeal(
        &self,
        appeal_id: i64,
        outcome: AppealOutcome,
        reviewer: &str,
        reason: &str,
        policy: &EnforcementPolicy,
        now: i64,
    ) -> Result<CaseDetail> {
        require_reason(reason)?;
        let mut tx = self.pool.begin().await?;
        let mut audit = AuditWriter::start(&mut tx).await?;
        let appeal = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {APPEAL_COLUMNS} FROM appeals WHERE id = $1"
        )))
        .bind(appeal_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| appeal_from_row(&row))
        .transpose()?
        .ok_or(StoreError::NoSuchAppeal(appeal_id))?;
        if appeal.state != "pending" {
            return Err(StoreError::AppealDecided(appeal_id));
        }
        let case = load_case(&mut tx, appeal.case_id).await?;
        let (action, state) = match outcome {
            AppealOutcome::Upheld => (CaseAction::Uphold, "upheld"),
            AppealOutcome::Overturned => (CaseAction::Overturn, "overturned"),
        };
        let (view, person) = as_reviewers(&mut tx, &case, reviewer).await?;
        let to = view.apply(action, &person, now)?;
        let recorded_reason = match outcome {
            AppealOutcome::Upheld => format!("appeal {appeal_id} upheld: {reason}"),
            AppealOutcome::Overturned => {
                format!("appeal {appeal_id} overturned: {reason}; the case's strike is revoked")
            }
        };
        Transition {
            case: &case,
            to,
            event: state,
            actor: reviewer,
            reason: &recorded_reason,
            now,
        }
        .apply(&mut tx, &mut audit)
        .await?;
        sqlx::query(
            "UPDATE appeals SET state = $1, decided_by = $2, decided_at = $3, reason = $4 WHERE id = $5",
        )
        .bind(state)
        .bind(reviewer)
        .bind(now)
        .bind(reason)
        .bind(appeal_id)
        .execute(&mut *tx)
        .await?;
        audit.append(
            now,
            "appeal_decided",
            &format!("appeal/{appeal_id}"),
            &json!({"case_id": case.id, "outcome": state, "reviewer": reviewer, "reason": reason}),
        );
        if outcome == AppealOutcome::Overturned {
            let revoked = sqlx::query(
                "UPDATE strikes SET revoked_at = $1, revoked_by = $2, revoked_reason = $3 \
                 WHERE case_id = $4 AND revoked_at IS NULL",
            )
            .bind(now)
            .bind(reviewer)
            .bind(&recorded_reason)
            .bind(case.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if revoked > 0 {
                audit.append(
                    now,
                    "strike_revoked",
                    &format!("case/{}", case.id),
                    &json!({"appeal_id": appeal_id, "reviewer": reviewer, "reason": reason}),
                );
            }
            let offence =
                sqlx::query("SELECT MAX(offence) AS offence FROM actions WHERE case_id = $1")
                    .bind(case.id)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get::<Option<i64>, _>("offence")?
                    .unwrap_or(0);
            let reinstatement = policy.reinstatement(reason);
            insert_action(
                &mut tx,
                &mut audit,
                &case,
                offence,
                &reinstatement,
                policy.version(),
                now,
            )
            .await?;
            if let Some(seller_id) = &case.seller_id {
                update_seller_status(&mut tx, &case.platform, seller_id, now).await?;
            }
        }
        audit.finish(&mut tx).await?;
        bump(&mut tx, SharedState::Sellers).await?;
        tx.commit().await?;
        self.note_change();
        self.case(case.id).await
    }

    /// One appeal with the platform of its case.
    pub async fn appeal(&self, id: i64) -> Result<(AppealRecord, String)> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {APPEAL_COLUMNS}, (SELECT platform FROM cases c WHERE c.id = a.case_id) \
             AS platform FROM appeals a WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NoSuchAppeal(id))?;
        Ok((appeal_from_row(&row)?, row.try_get("platform")?))
    }

    /// Appeals in `state` (any when `None`), with the platform of each one's case, oldest
    /// first.
    pub async fn appeals(&self, state: Option<&str>) -> Result<Vec<(AppealRecord, String)>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {APPEAL_COLUMNS}, (SELECT platform FROM cases c WHERE c.id = a.case_id) \
             AS platform FROM appeals a WHERE ($1 = '' OR state = $1) ORDER BY id"
        )))
        .bind(state.unwrap_or_default().to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| Ok((appeal_from_row(row)?, row.try_get("platform")?)))
            .collect()
    }

    /// Actions waiting to be delivered to the platforms, oldest first.
    pub async fn pending_actions(&self) -> Result<Vec<ActionRecord>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ACTION_COLUMNS} FROM actions WHERE status = 'pending' ORDER BY id"
        )))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(action_from_row)
        .collect()
    }

    /// Every strike against a seller, revoked ones included, oldest first.
    pub async fn strikes(&self, platform: &str, seller_id: &str) -> Result<Vec<StrikeRecord>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {STRIKE_COLUMNS} FROM strikes WHERE platform = $1 AND seller_id = $2 ORDER BY confirmed_at, id"
        )))
        .bind(platform)
        .bind(seller_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(strike_from_row)
        .collect()
    }

    /// The sanctions ever imposed on a seller (the outbox rows naming them), oldest first.
    pub async fn seller_sanctions(
        &self,
        platform: &str,
        seller_id: &str,
    ) -> Result<Vec<ActionRecord>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ACTION_COLUMNS} FROM actions WHERE platform = $1 AND seller_id = $2 ORDER BY id"
        )))
        .bind(platform)
        .bind(seller_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(action_from_row)
        .collect()
    }

    /// Listings whose violation stands (confirmed, or under appeal), with what a re-listing
    /// detector compares: normalised text and photo hashes. Overturned cases are left out.
    pub async fn taken_down_listings(&self) -> Result<Vec<TakenDownListing>> {
        sqlx::query(
            "SELECT r.case_id, r.platform, r.listing_id, r.seller_id, r.normalised_text, \
             r.image_hashes_json, r.taken_down_at FROM relisting_refs r \
             JOIN cases c ON c.id = r.case_id WHERE c.state IN ('confirmed', 'appealed') \
             ORDER BY r.case_id",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(TakenDownListing {
                case_id: row.try_get("case_id")?,
                platform: row.try_get("platform")?,
                listing_id: row.try_get("listing_id")?,
                seller_id: row.try_get("seller_id")?,
                normalised_text: row.try_get("normalised_text")?,
                image_hashes: parse_json(&row.try_get::<String, _>("image_hashes_json")?)?,
                taken_down_at: row.try_get("taken_down_at")?,
            })
        })
        .collect()
    }
}

/// What follows a confirmation: frozen evidence, the re-listing reference, the strike, the
/// actions and the seller's standing.
async fn enforce(
    tx: &mut Transaction<'static, Any>,
    audit: &mut AuditWriter,
    case: &CaseRecord,
    reviewer: &str,
    policy: &EnforcementPolicy,
    now: i64,
) -> Result<()> {
    let row = sqlx::query(
        "SELECT listing_version, decision_json, listing_json, image_hashes_json, normalised_text \
         FROM decisions WHERE id = $1",
    )
    .bind(case.decision_id)
    .fetch_one(&mut **tx)
    .await?;
    let decision: Decision = parse_json(&row.try_get::<String, _>("decision_json")?)?;
    let listing: Value = parse_json(&row.try_get::<String, _>("listing_json")?)?;
    let image_hashes_json: String = row.try_get("image_hashes_json")?;
    let image_hashes: Value = parse_json(&image_hashes_json)?;
    let content = canonical_json(&json!({
        "case_id": case.id,
        "platform": case.platform,
        "listing_id": case.listing_id,
        "listing_version": row.try_get::<String, _>("listing_version")?,
        "listing": listing,
        "image_hashes": image_hashes,
        "decision": decision,
        "confirmed_by": reviewer,
        "confirmed_at": now,
    }));
    let sha256 = sha256_hex(content.as_bytes());
    sqlx::query(
        "INSERT INTO evidence (case_id, content_json, sha256, frozen_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(case.id)
    .bind(&content)
    .bind(&sha256)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    audit.append(
        now,
        "evidence_frozen",
        &format!("case/{}", case.id),
        &json!({"sha256": sha256}),
    );
    sqlx::query(
        "INSERT INTO relisting_refs (case_id, platform, listing_id, seller_id, normalised_text, \
         image_hashes_json, taken_down_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(case.id)
    .bind(&case.platform)
    .bind(&case.listing_id)
    .bind(&case.seller_id)
    .bind(row.try_get::<String, _>("normalised_text")?)
    .bind(&image_hashes_json)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let mut earlier = Vec::new();
    if let Some(seller_id) = &case.seller_id {
        earlier = sqlx::query(
            "SELECT confirmed_at FROM strikes WHERE platform = $1 AND seller_id = $2 AND revoked_at IS NULL",
        )
        .bind(&case.platform)
        .bind(seller_id)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|row| row.try_get::<i64, _>("confirmed_at"))
        .collect::<Result<Vec<_>, _>>()?;
        sqlx::query(
            "INSERT INTO strikes (case_id, platform, seller_id, priority, confirmed_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(case.id)
        .bind(&case.platform)
        .bind(seller_id)
        .bind(priority_name(case.priority))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    let enforcement = policy.enforce(case.priority, &earlier, now, &decision.reasons);
    for sanction in &enforcement.sanctions {
        insert_action(
            tx,
            audit,
            case,
            enforcement.offence as i64,
            sanction,
            policy.version(),
            now,
        )
        .await?;
    }
    if let Some(seller_id) = &case.seller_id {
        update_seller_status(tx, &case.platform, seller_id, now).await?;
    }
    Ok(())
}

/// Writes an action to `actions`, its webhook event to the outbox and its audit entry, all
/// in the caller's transaction.
async fn insert_action(
    tx: &mut Transaction<'static, Any>,
    audit: &mut AuditWriter,
    case: &CaseRecord,
    offence: i64,
    sanction: &Sanction,
    version: &str,
    now: i64,
) -> Result<()> {
    let id: i64 = sqlx::query(
        "INSERT INTO actions (case_id, platform, seller_id, kind, offence, detail, legal_basis_json, \
         enforcement_version, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9) RETURNING id",
    )
    .bind(case.id)
    .bind(&case.platform)
    .bind(&case.seller_id)
    .bind(sanction.kind.as_str())
    .bind(offence)
    .bind(&sanction.detail)
    .bind(serde_json::to_string(&sanction.legal_basis)?)
    .bind(version)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?;
    enqueue_action_event(
        tx,
        &ActionEvent {
            action_id: id,
            case,
            offence,
            sanction,
            enforcement_version: version,
            decided_at: now,
        },
    )
    .await?;
    let payload = json!({
        "action_id": id,
        "case_id": case.id,
        "seller": case.seller_id,
        "kind": sanction.kind.as_str(),
        "offence": offence,
        "legal_basis": sanction.legal_basis,
        "enforcement_version": version,
    });
    audit.append(
        now,
        "action",
        &format!("{}/{}", case.platform, case.listing_id),
        &payload,
    );
    Ok(())
}

/// A seller's standing: the most severe sanction of any case whose strike stands.
async fn update_seller_status(
    tx: &mut Transaction<'static, Any>,
    platform: &str,
    seller_id: &str,
    now: i64,
) -> Result<()> {
    let kinds = sqlx::query(
        "SELECT a.kind FROM actions a JOIN strikes s ON s.case_id = a.case_id \
         WHERE s.platform = $1 AND s.seller_id = $2 AND s.revoked_at IS NULL",
    )
    .bind(platform)
    .bind(seller_id)
    .fetch_all(&mut **tx)
    .await?
    .iter()
    .map(|row| parse_name::<SanctionKind>(row.try_get("kind")?))
    .collect::<Result<Vec<_>>>()?;
    let status = SellerStatus::imposed_by(kinds);
    sqlx::query(
        "INSERT INTO sellers (platform, seller_id, status, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (platform, seller_id) DO UPDATE SET status = $3, updated_at = $4",
    )
    .bind(platform)
    .bind(seller_id)
    .bind(status.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
