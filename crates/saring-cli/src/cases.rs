//! `saring cases` and `saring appeals`: the reviewer's side of the store.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use saring_core::{CaseState, EnforcementPolicy, Platform, Priority};
use saring_store::{AppealOutcome, CaseDetail, CaseFilter, CaseRecord, ReviewOutcome};

use crate::store::{Connected, ReviewerArgs, StoreArgs, now_ms, rfc3339};

/// How long a claim lasts unless `--minutes` says otherwise.
const DEFAULT_CLAIM_MINUTES: i64 = 30;

/// `saring cases ...`
#[derive(clap::Subcommand, Debug)]
pub enum CasesCommand {
    /// List cases in queue order (wholesale first, then oldest first).
    List {
        /// Only cases in this state: open, claimed, confirmed, cleared or appealed.
        #[arg(long)]
        state: Option<CaseState>,
        /// Only this platform.
        #[arg(long)]
        platform: Option<Platform>,
        /// Only this priority: wholesale or retail.
        #[arg(long, value_parser = parse_priority)]
        priority: Option<Priority>,
        /// At most this many.
        #[arg(long)]
        limit: Option<usize>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Show a case: the listing, the decision and its reasons, every transition, the frozen
    /// evidence and its SHA-256 (re-verified), actions and appeals.
    Show {
        /// Case id.
        id: i64,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Claim a case: other reviewers cannot decide it until the claim lapses.
    Claim {
        /// Case id.
        id: i64,
        /// How long the claim lasts.
        #[arg(long, default_value_t = DEFAULT_CLAIM_MINUTES)]
        minutes: i64,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        reviewer: ReviewerArgs,
    },
    /// Confirm the violation (enforcement follows) or clear the listing.
    Decide {
        /// Case id.
        id: i64,
        /// confirm or clear.
        outcome: Finding,
        /// Why (recorded with the decision).
        #[arg(long)]
        reason: String,
        /// Enforcement policy instead of the bundled config/enforcement.toml.
        #[arg(long, value_name = "FILE")]
        enforcement: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        reviewer: ReviewerArgs,
    },
}

/// A reviewer's finding.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum Finding {
    /// The listing violates the ban.
    Confirm,
    /// No violation.
    Clear,
}

/// `saring appeals ...`
#[derive(clap::Subcommand, Debug)]
pub enum AppealsCommand {
    /// File a seller's appeal against a confirmed case; prints the appeal id.
    File {
        /// Case id.
        case: i64,
        /// The seller's statement.
        #[arg(long)]
        statement: String,
        /// Who appeals (the seller id).
        #[arg(long = "by", value_name = "SELLER")]
        filed_by: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Decide an appeal; the reviewer who confirmed the case may not.
    Decide {
        /// Appeal id.
        id: i64,
        /// upheld (the confirmation stands) or overturned (the case is cleared and its
        /// strike revoked).
        outcome: AppealFinding,
        /// Why (recorded with the decision).
        #[arg(long)]
        reason: String,
        /// Enforcement policy instead of the bundled config/enforcement.toml.
        #[arg(long, value_name = "FILE")]
        enforcement: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        reviewer: ReviewerArgs,
    },
}

/// The decision on an appeal.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum AppealFinding {
    /// The confirmation stands.
    Upheld,
    /// The confirmation is reversed.
    Overturned,
}

fn parse_priority(text: &str) -> Result<Priority, String> {
    match text {
        "wholesale" => Ok(Priority::Wholesale),
        "retail" => Ok(Priority::Retail),
        other => Err(format!(
            "unknown priority {other:?} (expected wholesale or retail)"
        )),
    }
}

fn enforcement_policy(path: &Option<PathBuf>) -> anyhow::Result<EnforcementPolicy> {
    let text = match path {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?,
        None => saring_engine::bundled::ENFORCEMENT.to_string(),
    };
    Ok(EnforcementPolicy::from_toml(&text)?)
}

fn priority_name(priority: Priority) -> &'static str {
    match priority {
        Priority::Wholesale => "wholesale",
        Priority::Retail => "retail",
        Priority::None => "none",
    }
}

fn case_line(case: &CaseRecord, now: i64) -> String {
    let holder = match (case.state_at(now), &case.claimed_by) {
        (CaseState::Claimed, Some(reviewer)) => format!(" (by {reviewer})"),
        _ => String::new(),
    };
    format!(
        "{:>6}  {:<9} {:<9}{}  {:<10} {:<24} {:<6} {:.2}  opened {}",
        case.id,
        priority_name(case.priority),
        case.state_at(now).as_str(),
        holder,
        case.platform,
        case.listing_id,
        case.verdict,
        case.score,
        rfc3339(case.opened_at)
    )
}

fn print_detail(detail: &CaseDetail, now: i64) -> anyhow::Result<()> {
    let case = &detail.case;
    outln!("{}", case_line(case, now));
    let listing = &detail.listing;
    outln!("listing   {} {}", listing.platform, listing.id);
    outln!("title     {}", listing.title);
    if !listing.description.is_empty() {
        outln!("text      {}", listing.description);
    }
    if let Some(price) = listing.price {
        outln!("price     Rp {price}");
    }
    if let Some(url) = &listing.url {
        outln!("url       {url}");
    }
    if let Some(seller) = &listing.seller {
        outln!(
            "seller    {}{}",
            seller.id,
            seller
                .name
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        );
    }
    let decision = &detail.decision;
    outln!(
        "decision  {} score {:.2} priority {} ({})",
        decision.decision.as_str(),
        decision.score,
        priority_name(decision.priority),
        decision.model_version
    );
    for reason in &decision.reasons {
        outln!(
            "  reason  [{}] {}: {}",
            reason.kind.as_str(),
            reason.name,
            reason.detail
        );
    }
    for basis in &decision.legal_basis {
        outln!("  law     {basis}");
    }
    outln!("history");
    for event in &detail.events {
        outln!(
            "  {}  {:<10} {} -> {}  by {}: {}",
            rfc3339(event.at),
            event.event,
            event.from_state.as_deref().unwrap_or("-"),
            event.to_state,
            event.actor,
            event.reason
        );
    }
    if let Some(evidence) = &detail.evidence {
        let check = if evidence.verify() {
            "verified"
        } else {
            "MISMATCH: the evidence was altered"
        };
        outln!(
            "evidence  sha256 {} ({check}), frozen {}",
            evidence.sha256,
            rfc3339(evidence.frozen_at)
        );
    }
    if let Some(strike) = &detail.strike {
        match strike.revoked_at {
            Some(at) => outln!(
                "strike    revoked {} by {}: {}",
                rfc3339(at),
                strike.revoked_by.as_deref().unwrap_or("-"),
                strike.revoked_reason.as_deref().unwrap_or("-")
            ),
            None => outln!(
                "strike    counts against {} {}",
                strike.platform,
                strike.seller_id
            ),
        }
    }
    for action in &detail.actions {
        outln!(
            "action    #{} {} (offence {}, {}): {}",
            action.id,
            action.kind,
            action.offence,
            action.status,
            action.detail
        );
        for basis in &action.legal_basis {
            outln!("            law: {basis}");
        }
    }
    for appeal in &detail.appeals {
        outln!(
            "appeal    #{} by {} {}: {:?} -> {}{}",
            appeal.id,
            appeal.filed_by,
            rfc3339(appeal.filed_at),
            appeal.statement,
            appeal.state,
            match (&appeal.decided_by, &appeal.reason) {
                (Some(by), Some(reason)) => format!(" by {by}: {reason}"),
                _ => String::new(),
            }
        );
    }
    Ok(())
}

/// Runs `saring cases ...`.
pub fn run_cases(command: &CasesCommand) -> anyhow::Result<ExitCode> {
    let now = now_ms();
    match command {
        CasesCommand::List {
            state,
            platform,
            priority,
            limit,
            store,
        } => {
            let connected = Connected::open(&store.store)?;
            let filter = CaseFilter {
                state: *state,
                platform: platform.map(|p| p.as_str().to_string()),
                priority: *priority,
                limit: *limit,
            };
            let cases = connected.run(connected.store.list_cases(&filter, now))?;
            for case in &cases {
                outln!("{}", case_line(case, now));
            }
            eprintln!("{} case(s)", cases.len());
            connected.close();
        }
        CasesCommand::Show { id, store } => {
            let connected = Connected::open(&store.store)?;
            let detail = connected.run(connected.store.case(*id))?;
            print_detail(&detail, now)?;
            connected.close();
        }
        CasesCommand::Claim {
            id,
            minutes,
            store,
            reviewer,
        } => {
            let connected = Connected::open(&store.store)?;
            let case = connected.run(connected.store.claim_case(
                *id,
                reviewer.name()?,
                minutes * 60_000,
                now,
            ))?;
            outln!(
                "case {} claimed by {} until {}",
                case.id,
                reviewer.name()?,
                rfc3339(case.claim_expires_at.unwrap_or(now))
            );
            connected.close();
        }
        CasesCommand::Decide {
            id,
            outcome,
            reason,
            enforcement,
            store,
            reviewer,
        } => {
            let policy = enforcement_policy(enforcement)?;
            let connected = Connected::open(&store.store)?;
            let outcome = match outcome {
                Finding::Confirm => ReviewOutcome::Confirm,
                Finding::Clear => ReviewOutcome::Clear,
            };
            let detail = connected.run(connected.store.decide_case(
                *id,
                outcome,
                reviewer.name()?,
                reason,
                &policy,
                now,
            ))?;
            print_detail(&detail, now)?;
            connected.close();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `saring appeals ...`.
pub fn run_appeals(command: &AppealsCommand) -> anyhow::Result<ExitCode> {
    let now = now_ms();
    match command {
        AppealsCommand::File {
            case,
            statement,
            filed_by,
            store,
        } => {
            let connected = Connected::open(&store.store)?;
            let id = connected.run(connected.store.file_appeal(*case, filed_by, statement, now))?;
            outln!("appeal {id} filed against case {case}");
            connected.close();
        }
        AppealsCommand::Decide {
            id,
            outcome,
            reason,
            enforcement,
            store,
            reviewer,
        } => {
            let policy = enforcement_policy(enforcement)?;
            let connected = Connected::open(&store.store)?;
            let outcome = match outcome {
                AppealFinding::Upheld => AppealOutcome::Upheld,
                AppealFinding::Overturned => AppealOutcome::Overturned,
            };
            let detail = connected.run(connected.store.decide_appeal(
                *id,
                outcome,
                reviewer.name()?,
                reason,
                &policy,
                now,
            ))?;
            print_detail(&detail, now)?;
            connected.close();
        }
    }
    Ok(ExitCode::SUCCESS)
}
