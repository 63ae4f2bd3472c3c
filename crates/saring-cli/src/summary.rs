//! The end-of-run summary of `saring scan`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;
use std::time::Duration;

use saring_core::{Decision, Platform, Verdict};
use saring_io::{Format, Position};

/// How many reasons the summary lists.
const TOP_REASONS: usize = 10;

/// Counts gathered during a scan.
#[derive(Debug, Default)]
pub struct Summary {
    decided: u64,
    rejected: u64,
    by_verdict: BTreeMap<Verdict, u64>,
    by_platform: BTreeMap<Platform, BTreeMap<Verdict, u64>>,
    by_reason: BTreeMap<String, u64>,
    unknown_fields: BTreeMap<String, (u64, Position)>,
    elapsed: Duration,
    bytes: u64,
}

impl Summary {
    /// Counts one decision and the unknown fields of its record.
    pub fn count_decision(
        &mut self,
        decision: &Decision,
        unknown_fields: &[String],
        position: &Position,
    ) {
        self.decided += 1;
        *self.by_verdict.entry(decision.decision).or_default() += 1;
        *self
            .by_platform
            .entry(decision.platform)
            .or_default()
            .entry(decision.decision)
            .or_default() += 1;
        if decision.decision != Verdict::Allow {
            for reason in &decision.reasons {
                *self
                    .by_reason
                    .entry(format!("{} \"{}\"", reason.kind.as_str(), reason.name))
                    .or_default() += 1;
            }
        }
        for field in unknown_fields {
            let entry = self
                .unknown_fields
                .entry(field.clone())
                .or_insert((0, *position));
            if entry.0 == 0 {
                eprintln!(
                    "saring: warning: unknown field `{field}` ignored (first seen at {})",
                    where_(position)
                );
            }
            entry.0 += 1;
        }
    }

    /// Counts one rejected record.
    pub fn count_rejection(&mut self) {
        self.rejected += 1;
    }

    /// Records timing at the end of the run.
    pub fn finish(&mut self, elapsed: Duration, bytes: u64) {
        self.elapsed = elapsed;
        self.bytes = bytes;
    }

    /// Records read.
    pub fn input(&self) -> u64 {
        self.decided + self.rejected
    }

    /// Records rejected.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// The summary text for stderr.
    pub fn report(&self, input: &str, format: Format, out: Option<&Path>, errors: &Path) -> String {
        let seconds = self.elapsed.as_secs_f64().max(1e-9);
        let mut text = String::new();
        let out = out.map_or("stdout".to_string(), |p| p.display().to_string());
        // Writing to a String cannot fail.
        let _ = writeln!(
            text,
            "saring scan: {input} ({format}) -> {out}\n  input {} = decisions {} + rejected {}",
            self.input(),
            self.decided,
            self.rejected
        );
        if self.rejected > 0 {
            let _ = writeln!(
                text,
                "  rejected records with line numbers and reasons: {}",
                errors.display()
            );
        }
        let _ = writeln!(text, "  decisions: {}", verdicts(&self.by_verdict));
        let platforms: Vec<String> = self
            .by_platform
            .iter()
            .map(|(p, v)| format!("{p} {} ({})", v.values().sum::<u64>(), verdicts(v)))
            .collect();
        let _ = writeln!(text, "  by platform: {}", platforms.join("; "));
        let mut reasons: Vec<(&String, &u64)> = self.by_reason.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if !reasons.is_empty() {
            let _ = writeln!(text, "  top reasons (review and block):");
            for (reason, count) in reasons.into_iter().take(TOP_REASONS) {
                let _ = writeln!(text, "    {count:>8}  {reason}");
            }
        }
        if !self.unknown_fields.is_empty() {
            let fields: Vec<String> = self
                .unknown_fields
                .iter()
                .map(|(f, (n, _))| format!("{f} ({n})"))
                .collect();
            let _ = writeln!(text, "  unknown fields ignored: {}", fields.join(", "));
        }
        let _ = writeln!(
            text,
            "  {:.2} s, {:.0} listings/s, {:.1} MB/s",
            seconds,
            self.input() as f64 / seconds,
            self.bytes as f64 / 1e6 / seconds
        );
        text
    }
}

fn verdicts(counts: &BTreeMap<Verdict, u64>) -> String {
    [Verdict::Block, Verdict::Review, Verdict::Allow]
        .iter()
        .map(|v| format!("{} {}", v.as_str(), counts.get(v).copied().unwrap_or(0)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn where_(position: &Position) -> String {
    match position.line {
        Some(line) => format!("line {line}"),
        None => format!("row {}", position.row),
    }
}
