//! `saring takedowns` (regulators' requests: import, list, mark) and `saring report`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::{DateTime, NaiveDate, Utc};
use saring_store::TakedownLinkRecord;
use saring_takedowns::{ActionStatus, DeadlinePolicy, Report, RequestFormat};

use crate::store::{Connected, StoreArgs, now_ms, rfc3339};

/// `saring takedowns ...`
#[derive(clap::Subcommand, Debug)]
pub enum TakedownsCommand {
    /// Import a takedown request file (CSV with columns request_id, agency, issued_at,
    /// legal_basis, urgency, url; or JSON). Malformed rows are reported by line and the rest
    /// imported (exit code 2 then); a request imported before is skipped.
    Import {
        /// The request file (.csv or .json/.jsonl).
        file: PathBuf,
        /// The file's format, when its extension does not say.
        #[arg(long, value_enum)]
        format: Option<RequestFileFormat>,
        /// Hours a platform has to act on an ordinary order.
        #[arg(long, default_value_t = 24)]
        normal_hours: u32,
        /// Hours a platform has to act on an urgent order.
        #[arg(long, default_value_t = 4)]
        urgent_hours: u32,
        /// Who imports (recorded in the audit log).
        #[arg(
            long,
            value_name = "NAME",
            env = "SARING_REVIEWER",
            default_value = "saring"
        )]
        actor: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Every requested URL with its canonical form, matched listing, status and deadline.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Record what the platform did about a requested link.
    Mark {
        /// The link's id (first column of `saring takedowns list`).
        id: i64,
        /// What was done.
        #[arg(long, value_enum)]
        status: MarkStatus,
        /// When the listing went down (RFC 3339; default now).
        #[arg(long)]
        at: Option<String>,
        /// Why the order is disputed (required with --status disputed).
        #[arg(long)]
        reason: Option<String>,
        /// Who reports it (recorded in the audit log).
        #[arg(
            long,
            value_name = "NAME",
            env = "SARING_REVIEWER",
            default_value = "saring"
        )]
        actor: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// Formats of request files.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum RequestFileFormat {
    /// One row per URL.
    Csv,
    /// A request object, an array of them, or one per line.
    Json,
}

/// Formats of `takedowns list`.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    /// Aligned columns for a terminal.
    Table,
    /// A JSON array.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Outcomes a platform reports.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum MarkStatus {
    /// The listing was taken down.
    TakenDown,
    /// No such listing on the platform.
    NotFound,
    /// The platform disputes the order.
    Disputed,
}

/// `saring report`
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// First day of the period (YYYY-MM-DD, inclusive; default 30 days before --to).
    #[arg(long)]
    from: Option<String>,
    /// Day after the period (YYYY-MM-DD, exclusive; default now).
    #[arg(long)]
    to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// Output file (default standard output).
    #[arg(long)]
    out: Option<PathBuf>,
    /// How many matched terms to list.
    #[arg(long, default_value_t = 15)]
    top_terms: usize,
    #[command(flatten)]
    store: StoreArgs,
}

/// Formats of `saring report`.
#[derive(clap::ValueEnum, Debug, Clone, Copy)]
pub enum ReportFormat {
    /// A self-contained page with SVG charts.
    Html,
    /// Figures by platform and agency.
    Csv,
    /// Every figure.
    Json,
}

/// Runs `saring takedowns ...`.
pub fn run(command: &TakedownsCommand) -> anyhow::Result<ExitCode> {
    match command {
        TakedownsCommand::Import {
            file,
            format,
            normal_hours,
            urgent_hours,
            actor,
            store,
        } => import(
            file,
            *format,
            &DeadlinePolicy {
                normal_hours: *normal_hours,
                urgent_hours: *urgent_hours,
            },
            actor,
            store,
        ),
        TakedownsCommand::List { format, store } => {
            let connected = Connected::open(&store.store)?;
            let links = connected.run(connected.store.takedown_links(now_ms()))?;
            connected.close();
            print_links(&links, *format)?;
            Ok(ExitCode::SUCCESS)
        }
        TakedownsCommand::Mark {
            id,
            status,
            at,
            reason,
            actor,
            store,
        } => {
            let now = now_ms();
            let status = match status {
                MarkStatus::TakenDown => ActionStatus::TakenDown {
                    at: match at {
                        Some(text) => DateTime::parse_from_rfc3339(text)
                            .with_context(|| format!("--at {text:?} is not an RFC 3339 time"))?
                            .with_timezone(&Utc),
                        None => DateTime::from_timestamp_millis(now).unwrap_or_default(),
                    },
                },
                MarkStatus::NotFound => ActionStatus::NotFound,
                MarkStatus::Disputed => match reason.as_deref().map(str::trim) {
                    Some(reason) if !reason.is_empty() => ActionStatus::Disputed {
                        reason: reason.to_string(),
                    },
                    _ => bail!("--status disputed needs --reason"),
                },
            };
            let connected = Connected::open(&store.store)?;
            connected.run(
                connected
                    .store
                    .set_takedown_status(*id, &status, actor, now),
            )?;
            connected.close();
            eprintln!("takedown link {id}: {}", status.name());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn import(
    file: &PathBuf,
    format: Option<RequestFileFormat>,
    deadlines: &DeadlinePolicy,
    actor: &str,
    store: &StoreArgs,
) -> anyhow::Result<ExitCode> {
    let format = match format {
        Some(RequestFileFormat::Csv) => RequestFormat::Csv,
        Some(RequestFileFormat::Json) => RequestFormat::Json,
        None => match file.extension().and_then(|e| e.to_str()) {
            Some("csv") => RequestFormat::Csv,
            Some("json" | "jsonl" | "ndjson") => RequestFormat::Json,
            _ => bail!(
                "cannot tell the format of {} from its extension: use --format csv|json",
                file.display()
            ),
        },
    };
    let data = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let parsed = saring_takedowns::parse(&data, format)
        .with_context(|| format!("{} is not a takedown request file", file.display()))?;
    let connected = Connected::open(&store.store)?;
    let summary = connected.run(connected.store.import_takedowns(
        &parsed,
        deadlines,
        actor,
        now_ms(),
    ))?;
    connected.close();
    for error in &parsed.errors {
        eprintln!("{}:{}: {}", file.display(), error.line, error.reason);
    }
    for duplicate in &parsed.duplicates {
        eprintln!(
            "{}:{}: duplicate of line {} in request {}: {}",
            file.display(),
            duplicate.line,
            duplicate.first_line,
            duplicate.request_id,
            duplicate.raw
        );
    }
    for request in &summary.already_imported {
        eprintln!("request {request} was imported before: skipped");
    }
    let outcomes = saring_takedowns::request::url_outcomes(&parsed);
    eprintln!(
        "imported {} request(s), {} link(s): {} matched a screened listing, {} pending; \
         {} short link(s), {} not a listing page; {} duplicate(s) within a request, {} of an \
         earlier request; {} malformed row(s)",
        summary.requests,
        summary.links,
        summary.matched,
        summary.links - summary.matched,
        outcomes.get("short link").copied().unwrap_or(0),
        outcomes.get("not a listing page").copied().unwrap_or(0),
        parsed.duplicates.len(),
        summary.duplicates_of_earlier_requests,
        parsed.errors.len()
    );
    Ok(if parsed.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn print_links(links: &[TakedownLinkRecord], format: ListFormat) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, links)?;
            writeln!(out)?;
        }
        ListFormat::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record([
                "id",
                "request_id",
                "agency",
                "url",
                "canonical",
                "listing_id",
                "status",
                "deadline",
                "overdue",
            ])?;
            for link in links {
                writer.write_record([
                    link.id.to_string(),
                    link.request_id.clone(),
                    link.agency.clone(),
                    link.url.clone(),
                    canonical_or_problem(link),
                    link.listing_id.clone().unwrap_or_default(),
                    link.status.clone(),
                    rfc3339(link.deadline),
                    link.overdue.to_string(),
                ])?;
            }
            writer.flush()?;
        }
        ListFormat::Table => {
            writeln!(
                out,
                "{:>6}  {:<16} {:<11} {:<28} {:<14} {:<21} {:<8} URL",
                "ID", "REQUEST", "STATUS", "CANONICAL", "LISTING", "DEADLINE", "OVERDUE"
            )?;
            for link in links {
                writeln!(
                    out,
                    "{:>6}  {:<16} {:<11} {:<28} {:<14} {:<21} {:<8} {}",
                    link.id,
                    link.request_id,
                    link.status,
                    canonical_or_problem(link),
                    link.listing_id.as_deref().unwrap_or("-"),
                    rfc3339(link.deadline),
                    if link.overdue { "OVERDUE" } else { "" },
                    link.url
                )?;
            }
        }
    }
    Ok(())
}

fn canonical_or_problem(link: &TakedownLinkRecord) -> String {
    match (&link.canonical, &link.url_problem, link.duplicate_of) {
        (Some(key), _, Some(first)) => format!("{key} (dup of {first})"),
        (Some(key), _, None) => key.clone(),
        (None, Some(problem), _) => problem.clone(),
        (None, None, _) => "-".to_string(),
    }
}

fn day(text: &str, name: &str) -> anyhow::Result<i64> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|time| time.and_utc().timestamp_millis())
        .with_context(|| format!("{name} {text:?} is not a YYYY-MM-DD date"))
}

/// Runs `saring report`.
pub fn report(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let to = match &args.to {
        Some(text) => day(text, "--to")?,
        None => now_ms(),
    };
    let from = match &args.from {
        Some(text) => day(text, "--from")?,
        None => to - 30 * 24 * 3_600_000,
    };
    if from >= to {
        bail!("--from must come before --to");
    }
    let connected = Connected::open(&args.store.store)?;
    let input = connected.run(connected.store.report_input(from, to, args.top_terms))?;
    connected.close();
    let report = Report::compute(&input);
    let text = match args.format {
        ReportFormat::Html => report.to_html(),
        ReportFormat::Csv => report.to_csv(),
        ReportFormat::Json => report.to_json(),
    };
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
