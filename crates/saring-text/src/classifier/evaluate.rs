//! Evaluation against labels: a listing counts as flagged when it goes to review or is
//! blocked. Precision, recall and F1 are about flagging violations; the false-positive
//! rate is the share of legitimate listings flagged.

use std::collections::BTreeMap;
use std::fmt;

use saring_core::Verdict;

use crate::corpus::Label;

/// Counts of allow, review and block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerdictCounts {
    /// Allowed.
    pub allow: usize,
    /// Sent to review.
    pub review: usize,
    /// Blocked.
    pub block: usize,
}

impl VerdictCounts {
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Allow => self.allow += 1,
            Verdict::Review => self.review += 1,
            Verdict::Block => self.block += 1,
        }
    }

    fn merge(&mut self, other: &VerdictCounts) {
        self.allow += other.allow;
        self.review += other.review;
        self.block += other.block;
    }

    /// All listings counted.
    pub fn total(&self) -> usize {
        self.allow + self.review + self.block
    }

    /// Listings sent to review or blocked.
    pub fn flagged(&self) -> usize {
        self.review + self.block
    }

    /// Share flagged (0 when empty).
    pub fn flagged_rate(&self) -> f64 {
        ratio(self.flagged(), self.total())
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Decisions tallied by label and tactic.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    by_tactic: BTreeMap<(Label, String), VerdictCounts>,
}

impl Evaluation {
    /// An empty tally.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one listing's decision.
    pub fn add(&mut self, label: Label, tactic: &str, verdict: Verdict) {
        self.by_tactic
            .entry((label, tactic.to_string()))
            .or_default()
            .add(verdict);
    }

    /// Counts of all listings with `label`.
    pub fn counts(&self, label: Label) -> VerdictCounts {
        let mut counts = VerdictCounts::default();
        for ((l, _), c) in &self.by_tactic {
            if *l == label {
                counts.merge(c);
            }
        }
        counts
    }

    /// Counts per tactic, violations first, tactics in name order.
    pub fn tactics(&self) -> impl Iterator<Item = (Label, &str, &VerdictCounts)> {
        self.by_tactic
            .iter()
            .map(|((label, tactic), counts)| (*label, tactic.as_str(), counts))
    }

    /// Flagged violations among flagged listings.
    pub fn precision(&self) -> f64 {
        let true_positives = self.counts(Label::Violation).flagged();
        let flagged = true_positives + self.counts(Label::Legitimate).flagged();
        ratio(true_positives, flagged)
    }

    /// Flagged violations among violations.
    pub fn recall(&self) -> f64 {
        self.counts(Label::Violation).flagged_rate()
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Flagged legitimate listings among legitimate listings.
    pub fn false_positive_rate(&self) -> f64 {
        self.counts(Label::Legitimate).flagged_rate()
    }

    /// Legitimate listings blocked.
    pub fn legitimate_blocked(&self) -> usize {
        self.counts(Label::Legitimate).block
    }
}

/// The verdict a bare score gets against two thresholds.
pub fn verdict_at(score: f64, review: f64, block: f64) -> Verdict {
    if score >= block {
        Verdict::Block
    } else if score >= review {
        Verdict::Review
    } else {
        Verdict::Allow
    }
}

impl fmt::Display for Evaluation {
    /// A plain-text report: overall figures, per tactic, and the confusion table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let violations = self.counts(Label::Violation);
        let legitimate = self.counts(Label::Legitimate);
        writeln!(
            f,
            "listings        {} ({} violation, {} legitimate)",
            violations.total() + legitimate.total(),
            violations.total(),
            legitimate.total()
        )?;
        writeln!(f, "precision       {:.4}", self.precision())?;
        writeln!(f, "recall          {:.4}", self.recall())?;
        writeln!(f, "F1              {:.4}", self.f1())?;
        writeln!(
            f,
            "false positives {:.4} ({} of {} legitimate flagged)",
            self.false_positive_rate(),
            legitimate.flagged(),
            legitimate.total()
        )?;
        writeln!(f, "legit blocked   {}", self.legitimate_blocked())?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<11} {:<18} {:>5} {:>6} {:>6} {:>6} {:>8}",
            "label", "tactic", "n", "allow", "review", "block", "flagged"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, label: &str, tactic: &str, c: &VerdictCounts| {
            writeln!(
                f,
                "{:<11} {:<18} {:>5} {:>6} {:>6} {:>6} {:>8.3}",
                label,
                tactic,
                c.total(),
                c.allow,
                c.review,
                c.block,
                c.flagged_rate()
            )
        };
        for (label, tactic, counts) in self.tactics() {
            row(f, label.as_str(), tactic, counts)?;
        }
        writeln!(f)?;
        writeln!(f, "confusion (label x decision)")?;
        row(f, "violation", "all", &violations)?;
        row(f, "legitimate", "all", &legitimate)?;
        writeln!(
            f,
            "(flagged = review or block: recall per violation tactic, false-positive rate per legitimate tactic)"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_follow_from_the_counts() {
        let mut evaluation = Evaluation::new();
        for verdict in [
            Verdict::Block,
            Verdict::Review,
            Verdict::Review,
            Verdict::Allow,
        ] {
            evaluation.add(Label::Violation, "plain", verdict);
        }
        evaluation.add(Label::Legitimate, "innocent_trigger", Verdict::Block);
        for _ in 0..3 {
            evaluation.add(Label::Legitimate, "new_local_umkm", Verdict::Allow);
        }
        assert_eq!(evaluation.recall(), 0.75);
        assert_eq!(evaluation.precision(), 0.75);
        assert_eq!(evaluation.f1(), 0.75);
        assert_eq!(evaluation.false_positive_rate(), 0.25);
        assert_eq!(evaluation.legitimate_blocked(), 1);
        let report = evaluation.to_string();
        assert!(report.contains("recall          0.7500"), "{report}");
        assert!(report.contains("innocent_trigger"), "{report}");
    }

    #[test]
    fn empty_evaluation_has_zero_figures() {
        let evaluation = Evaluation::new();
        assert_eq!(evaluation.f1(), 0.0);
        assert_eq!(evaluation.false_positive_rate(), 0.0);
    }

    #[test]
    fn scores_map_to_verdicts_at_thresholds() {
        assert_eq!(verdict_at(0.49, 0.5, 0.9), Verdict::Allow);
        assert_eq!(verdict_at(0.5, 0.5, 0.9), Verdict::Review);
        assert_eq!(verdict_at(0.95, 0.5, 0.9), Verdict::Block);
    }
}
