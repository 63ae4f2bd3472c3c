//! The pages: queue, case, appeals, regulator, and the forms that act on cases.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use saring_core::{CaseState, SignalKind, TextField};
use saring_store::{
    AppealOutcome, CaseDetail, CaseFilter, CaseRecord, ReviewOutcome, StoreError,
    TakedownLinkRecord,
};
use serde::Deserialize;

use crate::auth::{CsrfForm, REGULATORS, REVIEWERS, Viewer};
use crate::highlight::{Segment, highlight};
use crate::i18n::{Lang, Texts};
use crate::{SharedUi, UiError, format, now_ms};

/// What the layout needs on every signed-in page.
#[derive(Debug, Clone)]
pub(crate) struct Nav {
    pub lang: Lang,
    pub csrf: String,
    pub reviews: bool,
    pub regulates: bool,
}

/// The error page, in both languages (the error may come before the language is known).
#[derive(Template)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub status: u16,
    pub messages: Vec<&'static str>,
}

/// The sign-in form.
#[derive(Template)]
#[template(path = "sign_in.html")]
pub(crate) struct SignInPage {
    pub t: &'static Texts,
    pub lang: Lang,
    pub csrf: String,
    pub refused: bool,
}

fn render(page: &impl Template) -> Result<Html<String>, UiError> {
    Ok(Html(page.render()?))
}

/// `/ui`: the viewer's start page.
pub(crate) async fn home(viewer: Viewer) -> Redirect {
    Redirect::to(viewer.home())
}

/// A case the viewer may see, or `NotFound` (also for other platforms', so nothing leaks).
async fn visible_case(ui: &SharedUi, viewer: &Viewer, id: i64) -> Result<CaseDetail, UiError> {
    let detail = ui.store.case(id).await.map_err(|e| match e {
        StoreError::NoSuchCase(_) => UiError::NotFound,
        other => UiError::Store(other),
    })?;
    if viewer
        .session
        .principal
        .covers_platform(&detail.case.platform)
    {
        Ok(detail)
    } else {
        Err(UiError::NotFound)
    }
}

// ---------------------------------------------------------------- queue

/// Filters of the queue; empty values mean "any".
#[derive(Debug, Default, Deserialize)]
pub(crate) struct QueueQuery {
    #[serde(default)]
    platform: String,
    #[serde(default)]
    state: String,
}

struct QueueRow {
    id: i64,
    priority_key: &'static str,
    platform: String,
    listing_id: String,
    state: &'static str,
    score: String,
    age: String,
    deadline: Option<String>,
    overdue: bool,
    claimed_by: Option<String>,
}

#[derive(Template)]
#[template(path = "queue.html")]
struct QueuePage {
    t: &'static Texts,
    nav: Nav,
    rows: Vec<QueueRow>,
    platforms: Vec<String>,
    states: Vec<&'static str>,
    platform: String,
    state: String,
}

/// The earliest deadline of a pending takedown link naming each (platform, listing).
fn takedown_deadlines(links: &[TakedownLinkRecord]) -> HashMap<(String, String), i64> {
    let mut deadlines: HashMap<(String, String), i64> = HashMap::new();
    for link in links.iter().filter(|link| link.status == "pending") {
        if let Some(listing_id) = &link.listing_id {
            deadlines
                .entry((link.platform.clone(), listing_id.clone()))
                .and_modify(|d| *d = (*d).min(link.deadline))
                .or_insert(link.deadline);
        }
    }
    deadlines
}

/// Queue order: wholesale first, then the earliest takedown deadline (cases without one after
/// those with one), then the oldest.
fn queue_order(cases: &mut [(CaseRecord, Option<i64>)]) {
    cases.sort_by_key(|(case, deadline)| {
        (
            format::priority_rank(case.priority),
            deadline.unwrap_or(i64::MAX),
            case.opened_at,
            case.id,
        )
    });
}

/// `/ui/queue`: cases of the viewer's platforms in priority order; by default the open and
/// claimed ones.
pub(crate) async fn queue(
    State(ui): State<SharedUi>,
    viewer: Viewer,
    Query(query): Query<QueueQuery>,
) -> Result<Html<String>, UiError> {
    viewer.require(REVIEWERS)?;
    let now = now_ms();
    let state_filter: Option<CaseState> = query.state.parse().ok();
    let all = ui.store.list_cases(&CaseFilter::default(), now).await?;
    let principal = &viewer.session.principal;
    let mut platforms: Vec<String> = all
        .iter()
        .map(|case| case.platform.clone())
        .chain(principal.platforms.iter().cloned())
        .filter(|platform| principal.covers_platform(platform))
        .collect();
    platforms.sort();
    platforms.dedup();
    let deadlines = takedown_deadlines(&ui.store.takedown_links(now).await?);
    let mut cases: Vec<(CaseRecord, Option<i64>)> = all
        .into_iter()
        .filter(|case| principal.covers_platform(&case.platform))
        .filter(|case| query.platform.is_empty() || case.platform == query.platform)
        .filter(|case| match state_filter {
            Some(state) => case.state_at(now) == state,
            None => matches!(case.state_at(now), CaseState::Open | CaseState::Claimed),
        })
        .map(|case| {
            let deadline = deadlines
                .get(&(case.platform.clone(), case.listing_id.clone()))
                .copied();
            (case, deadline)
        })
        .collect();
    queue_order(&mut cases);
    let rows = cases
        .into_iter()
        .map(|(case, deadline)| {
            let state = case.state_at(now);
            QueueRow {
                id: case.id,
                priority_key: format::priority_key(case.priority),
                platform: case.platform,
                listing_id: case.listing_id,
                state: state.as_str(),
                score: format::score(case.score),
                age: format::age(now - case.opened_at),
                deadline: deadline.map(format::time),
                overdue: deadline.is_some_and(|d| d <= now),
                claimed_by: case.claimed_by.filter(|_| state == CaseState::Claimed),
            }
        })
        .collect();
    render(&QueuePage {
        t: viewer.lang.texts(),
        nav: viewer.nav(),
        rows,
        platforms,
        states: CaseState::ALL.iter().map(|s| s.as_str()).collect(),
        platform: query.platform,
        state: state_filter
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
    })
}

// ---------------------------------------------------------------- case

struct ReasonRow {
    kind: &'static str,
    name: String,
    detail: String,
    spans: Vec<String>,
}

struct LinkRow {
    platform: String,
    seller_id: String,
    evidence: String,
}

struct EventRow {
    at: String,
    event: String,
    actor: String,
    reason: String,
}

struct ActionRow {
    case_id: i64,
    kind: &'static str,
    detail: String,
    status: String,
    at: String,
}

struct StrikeRow {
    case_id: i64,
    at: String,
    revoked: bool,
}

struct EarlierCase {
    id: i64,
    state: &'static str,
    opened: String,
}

struct AppealRow {
    id: i64,
    filed_by: String,
    statement: String,
    filed: String,
    state: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    t: &'static Texts,
    nav: Nav,
    id: i64,
    platform: String,
    listing_id: String,
    url: Option<String>,
    url_href: Option<String>,
    price: Option<String>,
    seller_id: Option<String>,
    seller_name: Option<String>,
    state: &'static str,
    priority_key: &'static str,
    verdict: String,
    score: String,
    opened: String,
    claimed_by: Option<String>,
    title: Vec<Segment>,
    description: Vec<Segment>,
    reasons: Vec<ReasonRow>,
    image_matches: Vec<ReasonRow>,
    links: Vec<LinkRow>,
    seller_status: Option<String>,
    strikes: Vec<StrikeRow>,
    sanctions: Vec<ActionRow>,
    earlier_cases: Vec<EarlierCase>,
    legal_basis: Vec<String>,
    events: Vec<EventRow>,
    actions: Vec<ActionRow>,
    appeals: Vec<AppealRow>,
    evidence_sha: Option<String>,
    can_claim: bool,
    can_decide: bool,
    error: Option<String>,
    reason_value: String,
}

fn action_row(action: &saring_store::ActionRecord) -> ActionRow {
    ActionRow {
        case_id: action.case_id,
        kind: action.kind.as_str(),
        detail: action.detail.clone(),
        status: action.status.clone(),
        at: format::time(action.created_at),
    }
}

fn reason_row(reason: &saring_core::Reason) -> ReasonRow {
    ReasonRow {
        kind: reason.kind.as_str(),
        name: reason.name.clone(),
        detail: reason.detail.clone(),
        spans: reason
            .spans
            .iter()
            .map(|span| span.text.clone())
            .filter(|text| !text.is_empty())
            .collect(),
    }
}

/// A form's outcome shown on the case page: an error message and the reason typed so far.
struct FormError {
    message: String,
    reason: String,
}

/// Everything the case page shows, from the store.
async fn case_page(
    ui: &SharedUi,
    viewer: &Viewer,
    id: i64,
    error: Option<FormError>,
) -> Result<CasePage, UiError> {
    let now = now_ms();
    let detail = visible_case(ui, viewer, id).await?;
    let case = &detail.case;
    let decision = &detail.decision;
    let listing = &detail.listing;
    let store = &ui.store;
    let (mut links, mut seller_status, mut strikes, mut sanctions, mut earlier_cases) =
        (Vec::new(), None, Vec::new(), Vec::new(), Vec::new());
    if let Some(seller_id) = &case.seller_id {
        links = store
            .seller_links(&case.platform, seller_id)
            .await?
            .into_iter()
            .map(|link| {
                let this_side = link.platform == case.platform && &link.seller_id == seller_id;
                let (platform, seller) = if this_side {
                    (link.linked_platform, link.linked_seller_id)
                } else {
                    (link.platform, link.seller_id)
                };
                LinkRow {
                    platform,
                    seller_id: seller,
                    evidence: link.evidence.to_string(),
                }
            })
            .collect();
        if let Some(record) = store.seller(&case.platform, seller_id).await? {
            seller_status = Some(record.status.as_str().to_string());
            sanctions = record.sanctions.iter().map(action_row).collect();
        }
        strikes = store
            .strikes(&case.platform, seller_id)
            .await?
            .into_iter()
            .map(|strike| StrikeRow {
                case_id: strike.case_id,
                at: format::time(strike.confirmed_at),
                revoked: strike.revoked_at.is_some(),
            })
            .collect();
        let same_platform = CaseFilter {
            platform: Some(case.platform.clone()),
            ..CaseFilter::default()
        };
        earlier_cases = store
            .list_cases(&same_platform, now)
            .await?
            .into_iter()
            .filter(|other| other.id != case.id && other.seller_id.as_ref() == Some(seller_id))
            .map(|other| EarlierCase {
                id: other.id,
                state: other.state_at(now).as_str(),
                opened: format::time(other.opened_at),
            })
            .collect();
    }
    let state = case.state_at(now);
    let mine = case.claimed_by == Some(viewer.actor());
    let (error, reason_value) = match error {
        Some(FormError { message, reason }) => (Some(message), reason),
        None => (None, String::new()),
    };
    Ok(CasePage {
        t: viewer.lang.texts(),
        nav: viewer.nav(),
        id: case.id,
        platform: case.platform.clone(),
        listing_id: case.listing_id.clone(),
        url: listing.url.clone(),
        url_href: listing.url.as_deref().and_then(crate::http_link),
        price: listing.price.map(|p| format!("Rp {p}")),
        seller_id: case.seller_id.clone(),
        seller_name: listing.seller.as_ref().and_then(|s| s.name.clone()),
        state: state.as_str(),
        priority_key: format::priority_key(case.priority),
        verdict: case.verdict.clone(),
        score: format::score(case.score),
        opened: format::time(case.opened_at),
        claimed_by: case
            .claimed_by
            .clone()
            .filter(|_| state == CaseState::Claimed),
        title: highlight(&listing.title, TextField::Title, &decision.reasons),
        description: highlight(
            &listing.description,
            TextField::Description,
            &decision.reasons,
        ),
        reasons: decision
            .reasons
            .iter()
            .filter(|r| r.kind != SignalKind::ImageMatch)
            .map(reason_row)
            .collect(),
        image_matches: decision
            .reasons
            .iter()
            .filter(|r| r.kind == SignalKind::ImageMatch)
            .map(reason_row)
            .collect(),
        links,
        seller_status,
        strikes,
        sanctions,
        earlier_cases,
        legal_basis: decision.legal_basis.clone(),
        events: detail
            .events
            .iter()
            .map(|e| EventRow {
                at: format::time(e.at),
                event: e.event.clone(),
                actor: e.actor.clone(),
                reason: e.reason.clone(),
            })
            .collect(),
        actions: detail.actions.iter().map(action_row).collect(),
        appeals: detail.appeals.iter().map(appeal_row).collect(),
        evidence_sha: detail.evidence.as_ref().map(|e| e.sha256.clone()),
        can_claim: state == CaseState::Open,
        can_decide: state == CaseState::Open || (state == CaseState::Claimed && mine),
        error,
        reason_value,
    })
}

fn appeal_row(appeal: &saring_store::AppealRecord) -> AppealRow {
    AppealRow {
        id: appeal.id,
        filed_by: appeal.filed_by.clone(),
        statement: appeal.statement.clone(),
        filed: format::time(appeal.filed_at),
        state: appeal.state.clone(),
        reason: appeal.reason.clone().unwrap_or_default(),
    }
}

/// `/ui/cases/{id}`.
pub(crate) async fn case(
    State(ui): State<SharedUi>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> Result<Html<String>, UiError> {
    viewer.require(REVIEWERS)?;
    render(&case_page(&ui, &viewer, id, None).await?)
}

/// Shows a refused transition on the page it came from, in the viewer's language.
fn refusal(t: &Texts, error: StoreError) -> Result<String, UiError> {
    match error {
        StoreError::NoReason => Ok(t.get("case.reason_required").to_string()),
        StoreError::Transition(e) => Ok(format!("{}: {e}", t.get("case.refused"))),
        StoreError::AppealDecided(_) => Ok(t.get("case.closed").to_string()),
        StoreError::NoSuchCase(_) | StoreError::NoSuchAppeal(_) => Err(UiError::NotFound),
        other => Err(UiError::Store(other)),
    }
}

/// `POST /ui/cases/{id}/claim`.
pub(crate) async fn claim(
    State(ui): State<SharedUi>,
    Path(id): Path<i64>,
    CsrfForm { viewer, .. }: CsrfForm<crate::auth::NoFields>,
) -> Result<Response, UiError> {
    viewer.require(REVIEWERS)?;
    visible_case(&ui, &viewer, id).await?;
    let claimed = ui
        .store
        .claim_case(id, &viewer.actor(), ui.options.claim_ttl_ms, now_ms())
        .await;
    match claimed {
        Ok(_) => Ok(Redirect::to(&format!("/ui/cases/{id}")).into_response()),
        Err(error) => {
            let message = refusal(viewer.lang.texts(), error)?;
            show_case_error(&ui, &viewer, id, message, String::new()).await
        }
    }
}

async fn show_case_error(
    ui: &SharedUi,
    viewer: &Viewer,
    id: i64,
    message: String,
    reason: String,
) -> Result<Response, UiError> {
    let page = case_page(ui, viewer, id, Some(FormError { message, reason })).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// The decide form of a case or an appeal.
#[derive(Debug, Deserialize)]
pub(crate) struct DecideForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    reason: String,
}

/// `POST /ui/cases/{id}/decide`: confirm or clear, with a required reason.
pub(crate) async fn decide(
    State(ui): State<SharedUi>,
    Path(id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<DecideForm>,
) -> Result<Response, UiError> {
    viewer.require(REVIEWERS)?;
    visible_case(&ui, &viewer, id).await?;
    let outcome = match form.outcome.as_str() {
        "confirm" => ReviewOutcome::Confirm,
        "clear" => ReviewOutcome::Clear,
        other => return Err(UiError::BadForm(format!("outcome {other:?}"))),
    };
    let decided = ui
        .store
        .decide_case(
            id,
            outcome,
            &viewer.actor(),
            form.reason.trim(),
            &ui.options.enforcement,
            now_ms(),
        )
        .await;
    match decided {
        Ok(_) => Ok(Redirect::to(&format!("/ui/cases/{id}")).into_response()),
        Err(error) => {
            let message = refusal(viewer.lang.texts(), error)?;
            show_case_error(&ui, &viewer, id, message, form.reason).await
        }
    }
}

// ---------------------------------------------------------------- appeals

struct PendingAppeal {
    appeal: AppealRow,
    case_id: i64,
    platform: String,
    listing_id: String,
    confirmed_by: String,
}

#[derive(Template)]
#[template(path = "appeals.html")]
struct AppealsPage {
    t: &'static Texts,
    nav: Nav,
    appeals: Vec<PendingAppeal>,
    error: Option<String>,
}

async fn appeals_page(
    ui: &SharedUi,
    viewer: &Viewer,
    error: Option<String>,
) -> Result<AppealsPage, UiError> {
    let now = now_ms();
    let appealed = CaseFilter {
        state: Some(CaseState::Appealed),
        ..CaseFilter::default()
    };
    let mut appeals = Vec::new();
    for case in ui.store.list_cases(&appealed, now).await? {
        if !viewer.session.principal.covers_platform(&case.platform) {
            continue;
        }
        let detail = ui.store.case(case.id).await?;
        for appeal in detail.appeals.iter().filter(|a| a.state == "pending") {
            appeals.push(PendingAppeal {
                appeal: appeal_row(appeal),
                case_id: case.id,
                platform: case.platform.clone(),
                listing_id: case.listing_id.clone(),
                confirmed_by: case.confirmed_by.clone().unwrap_or_default(),
            });
        }
    }
    Ok(AppealsPage {
        t: viewer.lang.texts(),
        nav: viewer.nav(),
        appeals,
        error,
    })
}

/// `/ui/appeals`: pending appeals of the viewer's platforms.
pub(crate) async fn appeals(
    State(ui): State<SharedUi>,
    viewer: Viewer,
) -> Result<Html<String>, UiError> {
    viewer.require(REVIEWERS)?;
    render(&appeals_page(&ui, &viewer, None).await?)
}

/// `POST /ui/appeals/{id}/decide`: uphold or overturn, with a required reason.
pub(crate) async fn decide_appeal(
    State(ui): State<SharedUi>,
    Path(id): Path<i64>,
    CsrfForm { viewer, form }: CsrfForm<DecideForm>,
) -> Result<Response, UiError> {
    viewer.require(REVIEWERS)?;
    let pending = appeals_page(&ui, &viewer, None).await?;
    if !pending.appeals.iter().any(|a| a.appeal.id == id) {
        return Err(UiError::NotFound);
    }
    let outcome = match form.outcome.as_str() {
        "uphold" => AppealOutcome::Upheld,
        "overturn" => AppealOutcome::Overturned,
        other => return Err(UiError::BadForm(format!("outcome {other:?}"))),
    };
    let decided = ui
        .store
        .decide_appeal(
            id,
            outcome,
            &viewer.actor(),
            form.reason.trim(),
            &ui.options.enforcement,
            now_ms(),
        )
        .await;
    match decided {
        Ok(_) => Ok(Redirect::to("/ui/appeals").into_response()),
        Err(error) => {
            let message = refusal(viewer.lang.texts(), error)?;
            let page = appeals_page(&ui, &viewer, Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}

// ---------------------------------------------------------------- regulator

struct TakedownRow {
    request_id: String,
    agency: String,
    url: String,
    platform: String,
    deadline: String,
    status: String,
    overdue: bool,
}

struct AggregateRow {
    platform: &'static str,
    counts: [u64; 6],
}

#[derive(Template)]
#[template(path = "regulator.html")]
struct RegulatorPage {
    t: &'static Texts,
    nav: Nav,
    takedowns: Vec<TakedownRow>,
    overdue_count: usize,
    counters: [&'static str; 6],
    aggregates: Vec<AggregateRow>,
    top_terms: Vec<(String, u64)>,
}

/// The period the regulator page sums up.
const REPORT_PERIOD_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// `/ui/regulator`: takedown links with status and deadlines, and aggregate figures. Nothing
/// about sellers: no names, contacts, descriptions or ids.
pub(crate) async fn regulator(
    State(ui): State<SharedUi>,
    viewer: Viewer,
) -> Result<Html<String>, UiError> {
    viewer.require(REGULATORS)?;
    let now = now_ms();
    let links = ui.store.takedown_links(now).await?;
    let report = ui
        .store
        .report_input(now - REPORT_PERIOD_MS, now + 1, 10)
        .await?;
    let takedowns: Vec<TakedownRow> = links
        .into_iter()
        .map(|link| TakedownRow {
            request_id: link.request_id,
            agency: link.agency,
            url: link.url,
            platform: link.platform,
            deadline: format::time(link.deadline),
            status: link.status,
            overdue: link.overdue,
        })
        .collect();
    render(&RegulatorPage {
        t: viewer.lang.texts(),
        nav: viewer.nav(),
        overdue_count: takedowns.iter().filter(|t| t.overdue).count(),
        takedowns,
        counters: [
            "regulator.flagged_proactively",
            "regulator.flagged_from_requests",
            "regulator.confirmed_violations",
            "regulator.repeat_offenders",
            "regulator.re_registrations_caught",
            "regulator.wholesalers_referred",
        ],
        aggregates: report
            .enforcement
            .iter()
            .map(|(platform, c)| AggregateRow {
                platform: platform.as_str(),
                counts: [
                    c.flagged_proactively,
                    c.flagged_from_requests,
                    c.confirmed_violations,
                    c.repeat_offenders,
                    c.re_registrations_caught,
                    c.wholesalers_referred,
                ],
            })
            .collect(),
        top_terms: report.top_terms,
    })
}

#[cfg(test)]
mod tests {
    use saring_core::Priority;

    use super::*;

    fn case(id: i64, priority: Priority, opened_at: i64) -> CaseRecord {
        CaseRecord {
            id,
            platform: "shopee".into(),
            listing_id: format!("L{id}"),
            seller_id: None,
            state: CaseState::Open,
            verdict: "review".into(),
            priority,
            score: 0.5,
            decision_id: id,
            opened_at,
            updated_at: opened_at,
            claimed_by: None,
            claim_expires_at: None,
            confirmed_by: None,
            closed_at: None,
        }
    }

    #[test]
    fn the_queue_puts_wholesale_first_then_deadlines_then_age() {
        let mut cases = vec![
            (case(1, Priority::Retail, 10), Some(100)),
            (case(2, Priority::Wholesale, 30), None),
            (case(3, Priority::Wholesale, 20), None),
            (case(4, Priority::Wholesale, 40), Some(500)),
            (case(5, Priority::Retail, 5), None),
        ];
        queue_order(&mut cases);
        let order: Vec<i64> = cases.iter().map(|(c, _)| c.id).collect();
        assert_eq!(order, [4, 3, 2, 1, 5]);
    }
}
