//! The pure core of saring: what a listing is, what detectors say about it (signals),
//! and how the policy turns those signals into an allow / review / block decision with
//! reasons a reviewer can check. Nothing in this crate performs I/O.
//!
//! Data flows one way: listing -> normalise -> signals -> policy -> decision.

pub mod access;
pub mod case;
pub mod decimal;
pub mod decision;
pub mod detector;
pub mod enforcement;
pub mod listing;
#[cfg(feature = "openapi")]
mod openapi;
pub mod policy;
pub mod signal;

pub use access::{KEY_ACTOR_PREFIX, Principal, Role, UnknownRole};
pub use case::{CaseAction, CaseState, CaseView, TransitionError};
pub use decision::{Decision, Priority, Reason, Verdict};
pub use detector::Detector;
pub use enforcement::{
    Enforcement, EnforcementConfig, EnforcementError, EnforcementPolicy, Sanction, SanctionKind,
    SellerStatus,
};
pub use listing::{ImageRef, Listing, ListingError, Platform, Seller};
pub use policy::{Policy, PolicyConfig, PolicyError};
pub use signal::{Signal, SignalKind, Span, TextField};
