//! The policy: turns signals into an allow / review / block decision.
//!
//! Its numbers live in a TOML file (`config/policy.toml`), not in code. The principle:
//! block only on near-certain evidence, send anything uncertain that could hurt a seller
//! to a human, and put wholesalers first.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::decimal::push_two_decimals;
use crate::decision::{Decision, Priority, Reason, Verdict};
use crate::listing::Listing;
use crate::signal::{Signal, SignalKind, Span};

/// The policy file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// Not valid TOML, or a field is missing or of the wrong type.
    #[error("policy file: {0}")]
    Parse(#[from] toml::de::Error),
    /// The values are inconsistent.
    #[error("policy file: {0}")]
    Invalid(String),
}

/// Score thresholds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// Combined score at or above which a listing goes to human review.
    pub review: f64,
    /// Combined score at or above which a listing may be blocked.
    pub block: f64,
    /// How many independent evidence families (text, classifier, image, seller,
    /// external) must each reach `family_agreement` before a block, unless a rule
    /// marked `certain` fired.
    pub block_min_families: usize,
    /// Evidence strength at which a family counts as agreeing.
    pub family_agreement: f64,
}

/// A rule over lexicon categories: fires when every group has at least one category
/// present among the listing's lexicon matches.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Name shown to reviewers.
    pub name: String,
    /// Groups of categories; each group needs one of its categories present.
    pub require: Vec<Vec<String>>,
    /// Categories that stop the rule (e.g. `new_condition`: "baju import baru").
    #[serde(default)]
    pub unless: Vec<String>,
    /// Evidence strength when the rule fires.
    pub score: f64,
    /// A certain rule may block on its own (e.g. a bale of used imported clothing).
    #[serde(default)]
    pub certain: bool,
    /// A sentence for the reviewer saying why the combination matters.
    pub explanation: String,
}

/// The policy configuration, as read from TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyConfig {
    /// Version string, part of every decision's `model_version`.
    pub version: String,
    /// Score thresholds.
    pub thresholds: Thresholds,
    /// Weight per signal kind (`lexicon`, `classifier`, ...); missing kinds weigh 1.
    #[serde(default)]
    pub kind_weights: BTreeMap<String, f64>,
    /// Weight per external signal name (e.g. `vision.bale`); unlisted external
    /// signals weigh `external_default_weight`.
    #[serde(default)]
    pub external_weights: BTreeMap<String, f64>,
    /// Weight for external signals not listed in `external_weights`.
    #[serde(default)]
    pub external_default_weight: f64,
    /// External signals whose evidence means bulk trade (e.g. `vision.bale`).
    #[serde(default)]
    pub wholesale_external: Vec<String>,
    /// Lexicon categories that mean bulk trade.
    pub wholesale_categories: Vec<String>,
    /// Legal basis attached to every review or block.
    pub legal_basis: Vec<String>,
    /// Extra legal basis for wholesale (import, distribution) cases.
    #[serde(default)]
    pub wholesale_legal_basis: Vec<String>,
    /// Category rules.
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A loaded, validated policy.
#[derive(Debug, Clone)]
pub struct Policy {
    config: PolicyConfig,
    /// `kind_weights` resolved for every signal kind, indexed by [`kind_index`].
    kind_weights: [f64; SIGNAL_KINDS.len()],
}

/// Every signal kind, in declaration order.
const SIGNAL_KINDS: [SignalKind; 7] = [
    SignalKind::Lexicon,
    SignalKind::Rule,
    SignalKind::Classifier,
    SignalKind::External,
    SignalKind::ImageMatch,
    SignalKind::SellerLink,
    SignalKind::Relisting,
];

/// The position of `kind` in [`SIGNAL_KINDS`].
fn kind_index(kind: SignalKind) -> usize {
    kind as usize
}

/// A signal (by its index among the listing's signals) with its weighted strength.
struct Evidence {
    signal: usize,
    strength: f64,
}

impl Policy {
    /// Parses and validates a policy from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, PolicyError> {
        let config: PolicyConfig = toml::from_str(text)?;
        Self::new(config)
    }

    /// Validates a policy configuration.
    pub fn new(config: PolicyConfig) -> Result<Self, PolicyError> {
        let t = &config.thresholds;
        let unit = |x: f64| x.is_finite() && (0.0..=1.0).contains(&x);
        if !(unit(t.review) && unit(t.block) && unit(t.family_agreement)) {
            return Err(PolicyError::Invalid("thresholds must lie in 0..1".into()));
        }
        if t.review > t.block {
            return Err(PolicyError::Invalid(
                "thresholds.review must not exceed thresholds.block".into(),
            ));
        }
        if t.block_min_families == 0 {
            return Err(PolicyError::Invalid(
                "thresholds.block_min_families must be at least 1".into(),
            ));
        }
        for rule in &config.rules {
            if !unit(rule.score)
                || rule.require.is_empty()
                || rule.require.iter().any(Vec::is_empty)
            {
                return Err(PolicyError::Invalid(format!(
                    "rule {:?} needs a score in 0..1 and non-empty category groups",
                    rule.name
                )));
            }
        }
        let weights = config
            .kind_weights
            .values()
            .chain(config.external_weights.values())
            .chain([&config.external_default_weight]);
        if weights.into_iter().any(|w| !w.is_finite() || *w < 0.0) {
            return Err(PolicyError::Invalid(
                "weights must be finite and non-negative".into(),
            ));
        }
        let kind_weights = SIGNAL_KINDS.map(|kind| {
            config
                .kind_weights
                .get(kind.as_str())
                .copied()
                .unwrap_or(1.0)
        });
        Ok(Policy {
            config,
            kind_weights,
        })
    }

    /// The policy's version string.
    pub fn version(&self) -> &str {
        &self.config.version
    }

    /// The configuration in force.
    pub fn config(&self) -> &PolicyConfig {
        &self.config
    }

    /// Signals for the external scores a platform attached to the listing.
    pub fn external_signals(listing: &Listing) -> impl Iterator<Item = Signal> + '_ {
        listing.signals.iter().map(|(name, score)| Signal {
            kind: SignalKind::External,
            name: name.clone(),
            category: None,
            score: *score,
            detail: format!("platform model {name} scored {score:.2}"),
            spans: Vec::new(),
        })
    }

    /// Rule signals for the category combinations present among `signals`.
    pub fn rule_signals(&self, signals: &[Signal]) -> Vec<Signal> {
        // A listing has a handful of categories: a short list beats a tree.
        let mut present: Vec<&str> = signals
            .iter()
            .filter(|s| s.kind == SignalKind::Lexicon)
            .filter_map(|s| s.category.as_deref())
            .collect();
        present.sort_unstable();
        present.dedup();
        self.config
            .rules
            .iter()
            .filter(|rule| {
                let required = rule
                    .require
                    .iter()
                    .all(|group| group.iter().any(|c| present.contains(&c.as_str())));
                let vetoed = rule.unless.iter().any(|c| present.contains(&c.as_str()));
                required && !vetoed
            })
            .map(|rule| {
                // The spans of the signals the rule required, in order, each once.
                let mut spans: Vec<Span> = signals
                    .iter()
                    .filter(|s| {
                        s.category
                            .as_ref()
                            .is_some_and(|c| rule.require.iter().flatten().any(|r| r == c))
                    })
                    .flat_map(|s| s.spans.iter().cloned())
                    .collect();
                spans.sort_unstable();
                spans.dedup();
                Signal {
                    kind: SignalKind::Rule,
                    name: rule.name.clone(),
                    category: None,
                    score: rule.score,
                    detail: rule.explanation.clone(),
                    spans,
                }
            })
            .collect()
    }

    fn weight(&self, signal: &Signal) -> f64 {
        if signal.kind == SignalKind::External {
            return self
                .config
                .external_weights
                .get(&signal.name)
                .copied()
                .unwrap_or(self.config.external_default_weight);
        }
        self.kind_weights[kind_index(signal.kind)]
    }

    fn is_certain(&self, signal: &Signal) -> bool {
        signal.kind == SignalKind::Rule
            && self
                .config
                .rules
                .iter()
                .any(|r| r.certain && r.name == signal.name)
    }

    fn is_wholesale(&self, signal: &Signal) -> bool {
        let category_says = signal
            .category
            .as_ref()
            .is_some_and(|c| self.config.wholesale_categories.contains(c));
        let external_says = signal.kind == SignalKind::External
            && self.config.wholesale_external.contains(&signal.name);
        category_says || external_says
    }

    /// Decides on a listing from all detector signals (rule and external signals are
    /// derived here, so callers pass detector output only).
    pub fn decide(
        &self,
        listing: &Listing,
        detector_signals: Vec<Signal>,
        model_version: &str,
    ) -> Decision {
        let mut signals = detector_signals;
        signals.extend(Self::external_signals(listing));
        let rules = self.rule_signals(&signals);
        signals.extend(rules);

        let mut evidence: Vec<Evidence> = signals
            .iter()
            .enumerate()
            .map(|(index, signal)| Evidence {
                signal: index,
                strength: (signal.score * self.weight(signal)).clamp(0.0, 1.0),
            })
            .filter(|e| e.strength > 0.0)
            .collect();
        evidence.sort_by(|a, b| {
            let (first, second) = (&signals[a.signal], &signals[b.signal]);
            b.strength
                .total_cmp(&a.strength)
                .then(first.kind.cmp(&second.kind))
                .then(first.name.cmp(&second.name))
        });

        // Independent pieces of evidence combine like independent chances (noisy-OR).
        let score = 1.0 - evidence.iter().map(|e| 1.0 - e.strength).product::<f64>();
        let t = &self.config.thresholds;
        // One bit per family (a kind's position in SIGNAL_KINDS).
        let agreeing_families = evidence
            .iter()
            .filter(|e| e.strength >= t.family_agreement)
            .fold(0u32, |families, e| {
                families | 1 << kind_index(signals[e.signal].kind.family())
            });
        let certain = evidence.iter().any(|e| self.is_certain(&signals[e.signal]));
        let verdict = if score >= t.block
            && (certain || agreeing_families.count_ones() as usize >= t.block_min_families)
        {
            Verdict::Block
        } else if score >= t.review {
            Verdict::Review
        } else {
            Verdict::Allow
        };

        let wholesale = evidence
            .iter()
            .any(|e| self.is_wholesale(&signals[e.signal]));
        let (priority, legal_basis) = match (verdict, wholesale) {
            (Verdict::Allow, _) => (Priority::None, Vec::new()),
            (_, false) => (Priority::Retail, self.config.legal_basis.clone()),
            (_, true) => {
                let mut basis = self.config.legal_basis.clone();
                basis.extend(self.config.wholesale_legal_basis.iter().cloned());
                (Priority::Wholesale, basis)
            }
        };
        // Each signal is evidence at most once: its strings move into the reason.
        let reasons = evidence
            .iter()
            .map(|e| {
                let signal = &mut signals[e.signal];
                let mut detail = std::mem::take(&mut signal.detail);
                detail.push_str(" (strength ");
                push_two_decimals(&mut detail, e.strength);
                detail.push(')');
                Reason {
                    kind: signal.kind,
                    name: std::mem::take(&mut signal.name),
                    detail,
                    spans: std::mem::take(&mut signal.spans),
                }
            })
            .collect();
        Decision {
            id: listing.id.clone(),
            platform: listing.platform,
            decision: verdict,
            score: round4(score),
            priority,
            reasons,
            legal_basis,
            model_version: model_version.to_string(),
        }
    }
}

/// Rounds to 4 decimals so that records stay short and stable across platforms.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::Platform;

    const POLICY: &str = r#"
version = "test-1"
wholesale_categories = ["bulk_bale"]
legal_basis = ["law A"]
wholesale_legal_basis = ["law B"]
kind_weights = { lexicon = 1.0 }
external_weights = { "vision.bale" = 0.9 }
wholesale_external = ["vision.bale"]

[thresholds]
review = 0.5
block = 0.9
block_min_families = 2
family_agreement = 0.6

[[rules]]
name = "bale of used clothing"
require = [["bulk_bale"], ["used_condition"]]
score = 0.95
certain = true
explanation = "bale + used"
"#;

    fn listing() -> Listing {
        Listing {
            id: "1".into(),
            platform: Platform::Shopee,
            url: None,
            title: "t".into(),
            description: String::new(),
            price: None,
            category: None,
            seller: None,
            images: vec![],
            created_at: None,
            signals: BTreeMap::new(),
        }
    }

    fn term(category: &str, score: f64) -> Signal {
        Signal {
            kind: SignalKind::Lexicon,
            name: category.into(),
            category: Some(category.into()),
            score,
            detail: category.into(),
            spans: vec![],
        }
    }

    fn policy() -> Policy {
        Policy::from_toml(POLICY).expect("test policy is valid")
    }

    #[test]
    fn a_rule_points_at_the_spans_of_the_signals_it_required_in_order_each_once() {
        let span = |start: usize, text: &str| Span {
            field: crate::signal::TextField::Description,
            start,
            end: start + text.len(),
            text: text.into(),
        };
        let mut bale = term("bulk_bale", 0.5);
        bale.spans = vec![span(20, "karungan"), span(0, "bal")];
        let mut used = term("used_condition", 0.4);
        // "bal bekas" written twice over: the same span found for both terms.
        used.spans = vec![span(10, "bekas"), span(0, "bal")];
        let mut other = term("origin", 0.3);
        other.spans = vec![span(40, "korea")];
        let rules = policy().rule_signals(&[bale, other, used]);
        assert_eq!(rules.len(), 1);
        assert_eq!(
            rules[0].spans,
            vec![span(0, "bal"), span(10, "bekas"), span(20, "karungan")]
        );
    }

    #[test]
    fn nothing_found_is_allowed_without_legal_basis() {
        let d = policy().decide(&listing(), vec![], "v");
        assert_eq!(d.decision, Verdict::Allow);
        assert_eq!(d.priority, Priority::None);
        assert!(d.legal_basis.is_empty() && d.reasons.is_empty());
        assert_eq!(d.score, 0.0);
    }

    #[test]
    fn one_strong_family_without_certain_rule_goes_to_review_not_block() {
        let d = policy().decide(&listing(), vec![term("used_condition", 0.95)], "v");
        assert_eq!(d.decision, Verdict::Review);
        assert_eq!(d.priority, Priority::Retail);
        assert_eq!(d.legal_basis, vec!["law A"]);
    }

    #[test]
    fn certain_rule_blocks_and_marks_wholesale() {
        let d = policy().decide(
            &listing(),
            vec![term("bulk_bale", 0.5), term("used_condition", 0.4)],
            "v",
        );
        assert_eq!(d.decision, Verdict::Block);
        assert_eq!(d.priority, Priority::Wholesale);
        assert_eq!(d.legal_basis, vec!["law A", "law B"]);
        assert_eq!(
            d.reasons[0].kind,
            SignalKind::Rule,
            "strongest reason first"
        );
    }

    #[test]
    fn an_unless_category_vetoes_the_rule() {
        let text = POLICY.replace(
            "certain = true",
            "certain = true\nunless = [\"new_condition\"]",
        );
        let policy = Policy::from_toml(&text).expect("valid");
        let fired = policy.rule_signals(&[term("bulk_bale", 0.5), term("used_condition", 0.4)]);
        assert_eq!(fired.len(), 1);
        let vetoed = policy.rule_signals(&[
            term("bulk_bale", 0.5),
            term("used_condition", 0.4),
            term("new_condition", 0.0),
        ]);
        assert!(vetoed.is_empty());
    }

    #[test]
    fn two_agreeing_families_can_block() {
        let mut l = listing();
        l.signals.insert("vision.bale".into(), 1.0);
        let d = policy().decide(&l, vec![term("used_condition", 0.9)], "v");
        assert_eq!(d.decision, Verdict::Block);
        assert_eq!(
            d.priority,
            Priority::Wholesale,
            "vision.bale is wholesale evidence"
        );
    }

    #[test]
    fn every_signal_kind_has_its_own_weight() {
        for (index, kind) in SIGNAL_KINDS.into_iter().enumerate() {
            assert_eq!(kind_index(kind), index, "{kind:?}");
        }
        let policy = policy();
        assert_eq!(policy.weight(&term("used_condition", 0.5)), 1.0);
        let mut classifier = term("x", 0.5);
        classifier.kind = SignalKind::Classifier;
        assert_eq!(policy.weight(&classifier), 1.0, "unlisted kinds weigh 1");
    }

    #[test]
    fn reasons_carry_what_the_signals_said_and_their_strength() {
        let mut signal = term("used_condition", 0.95);
        signal.detail = "term \"bekas\"".into();
        signal.spans = vec![crate::signal::Span {
            field: crate::signal::TextField::Title,
            start: 0,
            end: 5,
            text: "bekas".into(),
        }];
        let d = policy().decide(&listing(), vec![signal.clone()], "v");
        assert_eq!(d.reasons.len(), 1);
        assert_eq!(d.reasons[0].name, signal.name);
        assert_eq!(d.reasons[0].detail, "term \"bekas\" (strength 0.95)");
        assert_eq!(d.reasons[0].spans, signal.spans);
    }

    #[test]
    fn invalid_policies_are_refused() {
        let swapped = POLICY.replace("review = 0.5", "review = 0.95");
        assert!(Policy::from_toml(&swapped).is_err());
        let unknown = format!("{POLICY}\nsurprise = 1\n");
        assert!(Policy::from_toml(&unknown).is_err());
    }
}
