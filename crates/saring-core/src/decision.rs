//! The outcome of screening one listing.

use serde::{Deserialize, Serialize};

use crate::listing::Platform;
use crate::signal::{SignalKind, Span};

/// What should happen to a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No evidence of a violation.
    Allow,
    /// Possible violation: a human decides before anything happens to the seller.
    Review,
    /// Near-certain violation: take the listing down.
    Block,
}

impl Verdict {
    /// Lowercase name as used in records.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Allow => "allow",
            Verdict::Review => "review",
            Verdict::Block => "block",
        }
    }
}

/// Enforcement order: wholesalers and distributors come before single retail items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Bales, sacks, sales by weight or by the hundred, distributor language.
    Wholesale,
    /// A single item or a small lot.
    Retail,
    /// Nothing to enforce (the listing is allowed).
    None,
}

/// One reason behind a decision, in a form a reviewer can check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    /// The kind of evidence.
    pub kind: SignalKind,
    /// What fired: term, rule, model, platform signal or bank name.
    pub name: String,
    /// What fired and how strongly.
    pub detail: String,
    /// Where in the seller's text.
    pub spans: Vec<Span>,
}

/// The decision for one listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    /// Listing id.
    pub id: String,
    /// Listing platform.
    pub platform: Platform,
    /// allow, review or block.
    pub decision: Verdict,
    /// Combined evidence in 0..1.
    pub score: f64,
    /// Enforcement priority.
    pub priority: Priority,
    /// The evidence, strongest first.
    pub reasons: Vec<Reason>,
    /// The rules of law a review or block rests on; empty for allow.
    pub legal_basis: Vec<String>,
    /// Versions of the lexicon, models and policy that made the decision.
    pub model_version: String,
}
