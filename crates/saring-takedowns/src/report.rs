//! Reports of what was done about requested links and flagged listings, for a period.
//!
//! The store gathers the records; this module computes the figures and renders them as JSON,
//! CSV and a self-contained HTML page with SVG charts. Reports hold aggregates and listing
//! URLs only: no seller name, contact or identifier ever enters a [`ReportInput`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use saring_core::Platform;
use serde::Serialize;

use crate::deadline::ActionStatus;

/// One requested link and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakedownRecord {
    /// The platform of the link.
    pub platform: Platform,
    /// The agency that asked.
    pub agency: String,
    /// When the order was issued.
    pub requested_at: DateTime<Utc>,
    /// When it had to be carried out.
    pub deadline: DateTime<Utc>,
    /// What was done.
    pub status: ActionStatus,
}

/// Counts of enforcement outside takedown requests, per platform, for the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnforcementCounts {
    /// Listings saring flagged (review or block) on its own.
    pub flagged_proactively: u64,
    /// Listings flagged because a request named them.
    pub flagged_from_requests: u64,
    /// Cases confirmed as violations.
    pub confirmed_violations: u64,
    /// Sellers with more than one confirmed violation.
    pub repeat_offenders: u64,
    /// New accounts linked to banned sellers.
    pub re_registrations_caught: u64,
    /// Wholesalers referred to customs and police.
    pub wholesalers_referred: u64,
}

/// Everything a report is computed from.
#[derive(Debug, Clone)]
pub struct ReportInput {
    /// First instant of the period (inclusive).
    pub from: DateTime<Utc>,
    /// End of the period (exclusive); also "now" for overdue counts.
    pub to: DateTime<Utc>,
    /// Requested links issued in the period.
    pub takedowns: Vec<TakedownRecord>,
    /// Enforcement counts by platform.
    pub enforcement: BTreeMap<Platform, EnforcementCounts>,
    /// Matched lexicon terms with their counts over flagged listings.
    pub top_terms: Vec<(String, u64)>,
}

/// Takedown figures for one scope (all, a platform, an agency).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TakedownFigures {
    /// Links requested.
    pub requested: u64,
    /// Links taken down.
    pub taken_down: u64,
    /// Links the platform did not find.
    pub not_found: u64,
    /// Links disputed.
    pub disputed: u64,
    /// Links still pending.
    pub pending: u64,
    /// Links overdue (pending past the deadline, or taken down late).
    pub overdue: u64,
    /// Median hours from order to takedown.
    pub median_hours: Option<f64>,
    /// 95th percentile of hours from order to takedown.
    pub p95_hours: Option<f64>,
}

/// A computed report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// First instant of the period.
    pub from: DateTime<Utc>,
    /// End of the period.
    pub to: DateTime<Utc>,
    /// Figures over every request.
    pub total: TakedownFigures,
    /// Figures by platform.
    pub by_platform: BTreeMap<String, TakedownFigures>,
    /// Figures by agency.
    pub by_agency: BTreeMap<String, TakedownFigures>,
    /// Enforcement counts by platform.
    pub enforcement: BTreeMap<String, EnforcementCounts>,
    /// Takedowns per ISO week (Monday of the week, count).
    pub takedowns_per_week: Vec<(NaiveDate, u64)>,
    /// Time-to-takedown distribution: (bucket label, count).
    pub time_to_takedown: Vec<(String, u64)>,
    /// Most matched terms.
    pub top_terms: Vec<(String, u64)>,
}

/// The HTML report's only style, inline so the page stands alone as a file. A server that
/// sends the page names this text's hash in its Content-Security-Policy (`style-src
/// 'sha256-...'`), so no other inline style or script runs.
pub const REPORT_STYLE: &str = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#222}\
    table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}\
    th:first-child,td:first-child{text-align:left}.overdue{color:#b00020;font-weight:bold}";

/// Upper bounds (hours) of the time-to-takedown buckets; the last bucket is open.
const HOUR_BUCKETS: [(i64, &str); 6] = [
    (1, "< 1 h"),
    (4, "1–4 h"),
    (12, "4–12 h"),
    (24, "12–24 h"),
    (72, "1–3 days"),
    (i64::MAX, "> 3 days"),
];

impl Report {
    /// Computes the report.
    pub fn compute(input: &ReportInput) -> Self {
        let in_period: Vec<&TakedownRecord> = input
            .takedowns
            .iter()
            .filter(|record| input.from <= record.requested_at && record.requested_at < input.to)
            .collect();
        let figures = |select: &dyn Fn(&TakedownRecord) -> bool| {
            figures_of(
                in_period.iter().copied().filter(|record| select(record)),
                input.to,
            )
        };
        let mut by_platform = BTreeMap::new();
        let mut by_agency = BTreeMap::new();
        for record in &in_period {
            by_platform
                .entry(record.platform.as_str().to_string())
                .or_insert_with(|| figures(&|other| other.platform == record.platform));
            by_agency
                .entry(record.agency.clone())
                .or_insert_with(|| figures(&|other| other.agency == record.agency));
        }
        let mut weeks: BTreeMap<NaiveDate, u64> = BTreeMap::new();
        let mut buckets = vec![0u64; HOUR_BUCKETS.len()];
        for (record, at) in taken_down(&in_period) {
            let day = at.date_naive();
            let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
            *weeks.entry(monday).or_insert(0) += 1;
            let hours = (at - record.requested_at).num_minutes() as f64 / 60.0;
            let bucket = HOUR_BUCKETS
                .iter()
                .position(|&(bound, _)| hours < bound as f64)
                .unwrap_or(HOUR_BUCKETS.len() - 1);
            buckets[bucket] += 1;
        }
        Report {
            from: input.from,
            to: input.to,
            total: figures(&|_| true),
            by_platform,
            by_agency,
            enforcement: input
                .enforcement
                .iter()
                .map(|(platform, counts)| (platform.as_str().to_string(), counts.clone()))
                .collect(),
            takedowns_per_week: weeks.into_iter().collect(),
            time_to_takedown: HOUR_BUCKETS
                .iter()
                .zip(buckets)
                .map(|(&(_, label), count)| (label.to_string(), count))
                .collect(),
            top_terms: input.top_terms.clone(),
        }
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|error| {
            // Serialising plain maps and numbers cannot fail; say so if it ever does.
            format!("{{\"error\": \"report could not be serialised: {error}\"}}")
        })
    }

    /// The takedown figures as CSV: one row per scope (total, platform, agency).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "scope,name,requested,taken_down,not_found,disputed,pending,overdue,median_hours,p95_hours\n",
        );
        let rows = std::iter::once(("total", "all", &self.total))
            .chain(
                self.by_platform
                    .iter()
                    .map(|(name, figures)| ("platform", name.as_str(), figures)),
            )
            .chain(
                self.by_agency
                    .iter()
                    .map(|(name, figures)| ("agency", name.as_str(), figures)),
            );
        for (scope, name, f) in rows {
            let hours = |value: Option<f64>| value.map_or(String::new(), |h| format!("{h:.2}"));
            let _ = writeln!(
                out,
                "{scope},{},{},{},{},{},{},{},{},{}",
                csv_field(name),
                f.requested,
                f.taken_down,
                f.not_found,
                f.disputed,
                f.pending,
                f.overdue,
                hours(f.median_hours),
                hours(f.p95_hours)
            );
        }
        out
    }

    /// A self-contained HTML page (no scripts, no external files) with SVG charts.
    pub fn to_html(&self) -> String {
        let mut page = String::new();
        let period = format!(
            "{} – {}",
            self.from.format("%Y-%m-%d"),
            self.to.format("%Y-%m-%d")
        );
        let _ = write!(
            page,
            "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>saring — laporan takedown {period}</title>\
             <style>{REPORT_STYLE}</style></head><body>\
             <h1>Laporan penurunan tautan / Takedown report</h1><p>Periode / period: {period}</p>"
        );
        page.push_str("<h2>Ringkasan / Summary</h2>");
        page.push_str(&figures_table([("Semua / all", &self.total)]));
        page.push_str("<h2>Per platform</h2>");
        page.push_str(&figures_table(
            self.by_platform.iter().map(|(n, f)| (n.as_str(), f)),
        ));
        page.push_str("<h2>Per instansi / By agency</h2>");
        page.push_str(&figures_table(
            self.by_agency.iter().map(|(n, f)| (n.as_str(), f)),
        ));
        page.push_str("<h2>Takedown per minggu / per week</h2>");
        page.push_str(&bar_chart(
            &self
                .takedowns_per_week
                .iter()
                .map(|(week, count)| (week.format("%Y-%m-%d").to_string(), *count))
                .collect::<Vec<_>>(),
        ));
        page.push_str("<h2>Waktu sampai takedown / Time to takedown</h2>");
        page.push_str(&bar_chart(&self.time_to_takedown));
        page.push_str("<h2>Penegakan / Enforcement</h2><table><tr><th>platform</th><th>proaktif</th><th>dari permintaan</th><th>pelanggaran terkonfirmasi</th><th>pelanggar berulang</th><th>akun baru tertaut</th><th>grosir dirujuk</th></tr>");
        for (platform, c) in &self.enforcement {
            let _ = write!(
                page,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(platform),
                c.flagged_proactively,
                c.flagged_from_requests,
                c.confirmed_violations,
                c.repeat_offenders,
                c.re_registrations_caught,
                c.wholesalers_referred
            );
        }
        page.push_str("</table><h2>Kata yang paling sering cocok / Top matched terms</h2>");
        page.push_str(&bar_chart(&self.top_terms));
        page.push_str("</body></html>\n");
        page
    }
}

fn taken_down<'a>(
    records: &'a [&'a TakedownRecord],
) -> impl Iterator<Item = (&'a TakedownRecord, DateTime<Utc>)> + 'a {
    records.iter().filter_map(|record| match record.status {
        ActionStatus::TakenDown { at } => Some((*record, at)),
        _ => None,
    })
}

fn figures_of<'a>(
    records: impl Iterator<Item = &'a TakedownRecord>,
    now: DateTime<Utc>,
) -> TakedownFigures {
    let mut figures = TakedownFigures::default();
    let mut hours = Vec::new();
    for record in records {
        figures.requested += 1;
        match &record.status {
            ActionStatus::Pending => figures.pending += 1,
            ActionStatus::TakenDown { at } => {
                figures.taken_down += 1;
                hours.push((*at - record.requested_at).num_seconds() as f64 / 3600.0);
            }
            ActionStatus::NotFound => figures.not_found += 1,
            ActionStatus::Disputed { .. } => figures.disputed += 1,
        }
        if record.status.is_overdue(record.deadline, now) {
            figures.overdue += 1;
        }
    }
    hours.sort_by(f64::total_cmp);
    figures.median_hours = percentile(&hours, 0.5);
    figures.p95_hours = percentile(&hours, 0.95);
    figures
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], fraction: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (fraction * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

fn figures_table<'a>(rows: impl IntoIterator<Item = (&'a str, &'a TakedownFigures)>) -> String {
    let mut table = String::from(
        "<table><tr><th></th><th>diminta / requested</th><th>diturunkan / taken down</th><th>tidak ditemukan</th><th>disengketakan</th><th>menunggu / pending</th><th>terlambat / overdue</th><th>median (jam)</th><th>p95 (jam)</th></tr>",
    );
    for (name, f) in rows {
        let hours = |value: Option<f64>| value.map_or("–".to_string(), |h| format!("{h:.1}"));
        let _ = write!(
            table,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{}>{}</td><td>{}</td><td>{}</td></tr>",
            escape(name),
            f.requested,
            f.taken_down,
            f.not_found,
            f.disputed,
            f.pending,
            if f.overdue > 0 {
                " class=\"overdue\""
            } else {
                ""
            },
            f.overdue,
            hours(f.median_hours),
            hours(f.p95_hours)
        );
    }
    table.push_str("</table>");
    table
}

/// A horizontal bar chart as inline SVG.
fn bar_chart(bars: &[(String, u64)]) -> String {
    if bars.is_empty() {
        return "<p>–</p>".to_string();
    }
    const ROW: usize = 22;
    const LABEL: usize = 160;
    const WIDTH: usize = 420;
    let max = bars
        .iter()
        .map(|(_, count)| *count)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{}\" font-size=\"12\">",
        LABEL + WIDTH + 60,
        bars.len() * ROW + 4
    );
    for (index, (label, count)) in bars.iter().enumerate() {
        let y = index * ROW;
        let width = (*count as f64 / max as f64 * WIDTH as f64).round() as usize;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\">{}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"{}\" fill=\"#2f6f9f\"><title>{}: {count}</title></rect><text x=\"{}\" y=\"{}\">{count}</text>",
            y + 15,
            escape(label),
            y + 3,
            ROW - 6,
            escape(label),
            LABEL + width + 6,
            y + 15
        );
    }
    svg.push_str("</svg>");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .expect("time")
            .with_timezone(&Utc)
    }

    fn record(platform: Platform, agency: &str, hours: Option<i64>) -> TakedownRecord {
        let requested_at = at("2026-11-02T00:00:00Z");
        TakedownRecord {
            platform,
            agency: agency.to_string(),
            requested_at,
            deadline: requested_at + Duration::hours(24),
            status: match hours {
                Some(h) => ActionStatus::TakenDown {
                    at: requested_at + Duration::hours(h),
                },
                None => ActionStatus::Pending,
            },
        }
    }

    #[test]
    fn figures_count_statuses_percentiles_and_overdue() {
        let mut takedowns: Vec<_> = (1..=20)
            .map(|h| record(Platform::Shopee, "Kemendag", Some(h)))
            .collect();
        takedowns.push(record(Platform::Shopee, "Kemendag", Some(30)));
        takedowns.push(record(Platform::Tokopedia, "Komdigi", None));
        let input = ReportInput {
            from: at("2026-11-01T00:00:00Z"),
            to: at("2026-12-01T00:00:00Z"),
            takedowns,
            enforcement: BTreeMap::new(),
            top_terms: vec![("karungan".into(), 7)],
        };
        let report = Report::compute(&input);
        assert_eq!(report.total.requested, 22);
        assert_eq!(report.total.taken_down, 21);
        assert_eq!(report.total.pending, 1);
        // One late takedown (30 h) and one pending past its deadline.
        assert_eq!(report.total.overdue, 2);
        assert_eq!(report.total.median_hours, Some(11.0));
        assert_eq!(report.total.p95_hours, Some(20.0));
        assert_eq!(report.by_platform["tokopedia"].pending, 1);
        assert_eq!(report.by_agency["Kemendag"].taken_down, 21);
        let histogram: u64 = report.time_to_takedown.iter().map(|(_, c)| c).sum();
        assert_eq!(histogram, 21);
        assert!(
            report
                .to_csv()
                .contains("platform,shopee,21,21,0,0,0,1,11.00,20.00")
        );
        let html = report.to_html();
        assert!(html.contains("<svg") && html.contains("karungan"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn records_outside_the_period_are_left_out() {
        let input = ReportInput {
            from: at("2026-12-01T00:00:00Z"),
            to: at("2027-01-01T00:00:00Z"),
            takedowns: vec![record(Platform::Lazada, "Kemendag", Some(2))],
            enforcement: BTreeMap::new(),
            top_terms: Vec::new(),
        };
        let report = Report::compute(&input);
        assert_eq!(report.total.requested, 0);
        assert_eq!(report.total.median_hours, None);
    }
}
