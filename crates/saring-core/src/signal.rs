//! Signals: what one detector says about one listing, before the policy weighs it.

use serde::{Deserialize, Serialize};

/// Which detector family produced a signal. Families are independent sources of
/// evidence; the policy needs agreement between them before it blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    /// A lexicon term matched in the text.
    Lexicon,
    /// A policy rule over lexicon categories fired.
    Rule,
    /// The trained text classifier.
    Classifier,
    /// A score from the platform's own model, given on the listing.
    External,
    /// A listing photo matched a hash bank entry.
    ImageMatch,
    /// The seller is linked to a banned or sanctioned seller.
    SellerLink,
    /// The listing is a near-duplicate of one taken down before.
    Relisting,
}

impl SignalKind {
    /// The snake_case name used in records and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::Lexicon => "lexicon",
            SignalKind::Rule => "rule",
            SignalKind::Classifier => "classifier",
            SignalKind::External => "external",
            SignalKind::ImageMatch => "image_match",
            SignalKind::SellerLink => "seller_link",
            SignalKind::Relisting => "relisting",
        }
    }

    /// Lexicon matches and the rules built on them come from the same text, so they
    /// count as one source of evidence.
    pub fn family(self) -> SignalKind {
        match self {
            SignalKind::Rule => SignalKind::Lexicon,
            other => other,
        }
    }
}

/// A text field of a listing that spans point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// The listing title.
    Title,
    /// The listing description.
    Description,
}

/// A stretch of what the seller wrote: byte offsets into the original field, and the
/// original text itself so a reviewer can read it without the listing at hand.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Span {
    /// The field the offsets refer to.
    pub field: TextField,
    /// Start byte offset (inclusive) in the original field.
    pub start: usize,
    /// End byte offset (exclusive) in the original field.
    pub end: usize,
    /// The original text between `start` and `end`.
    pub text: String,
}

/// One piece of evidence about a listing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signal {
    /// The detector family.
    pub kind: SignalKind,
    /// What fired: the lexicon term, rule name, model name, external signal name or bank.
    pub name: String,
    /// Lexicon category of the term (e.g. `bulk_bale`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Strength of the evidence in 0..1, before policy weights.
    pub score: f64,
    /// A sentence a reviewer can check.
    pub detail: String,
    /// Where in the seller's text the evidence is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
}
