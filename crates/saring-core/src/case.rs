//! Cases: what happens after screening flags a listing, as a state machine.
//!
//! A `review` or `block` decision opens a case. A reviewer claims it (the claim expires),
//! then confirms the violation or clears the listing. A seller may appeal a confirmed case;
//! a different reviewer upholds or overturns it. This module holds the rules only; the
//! store records every transition with who, when and why.

use std::fmt;
use std::str::FromStr;

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CaseState {
    /// Waiting for a reviewer.
    Open,
    /// A reviewer holds the case until the claim expires.
    Claimed,
    /// A reviewer confirmed the violation: enforcement follows.
    Confirmed,
    /// A reviewer found no violation.
    Cleared,
    /// The seller appealed a confirmation; a different reviewer decides.
    Appealed,
}

impl CaseState {
    /// Every state, in a stable order.
    pub const ALL: [CaseState; 5] = [
        CaseState::Open,
        CaseState::Claimed,
        CaseState::Confirmed,
        CaseState::Cleared,
        CaseState::Appealed,
    ];

    /// Lowercase name as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::Open => "open",
            CaseState::Claimed => "claimed",
            CaseState::Confirmed => "confirmed",
            CaseState::Cleared => "cleared",
            CaseState::Appealed => "appealed",
        }
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A state name saring does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown case state {0:?} (expected open, claimed, confirmed, cleared or appealed)")]
pub struct UnknownCaseState(pub String);

impl FromStr for CaseState {
    type Err = UnknownCaseState;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CaseState::ALL
            .into_iter()
            .find(|state| state.as_str() == s.trim().to_lowercase())
            .ok_or_else(|| UnknownCaseState(s.to_string()))
    }
}

/// Something a reviewer or seller does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseAction {
    /// A reviewer takes the case until `expires_at` (unix milliseconds).
    Claim {
        /// When the claim lapses.
        expires_at: i64,
    },
    /// The reviewer confirms the violation.
    Confirm,
    /// The reviewer finds no violation.
    Clear,
    /// The seller appeals a confirmed case.
    Appeal,
    /// A reviewer other than the one who confirmed keeps the confirmation.
    Uphold,
    /// A reviewer other than the one who confirmed reverses it: the case is cleared.
    Overturn,
}

impl CaseAction {
    /// Short name for records.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseAction::Claim { .. } => "claim",
            CaseAction::Confirm => "confirm",
            CaseAction::Clear => "clear",
            CaseAction::Appeal => "appeal",
            CaseAction::Uphold => "uphold",
            CaseAction::Overturn => "overturn",
        }
    }
}

/// What the rules need to know about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseView {
    /// The stored state.
    pub state: CaseState,
    /// The reviewer holding the claim, when claimed.
    pub claimed_by: Option<String>,
    /// When the claim lapses (unix milliseconds).
    pub claim_expires_at: Option<i64>,
    /// The reviewer who confirmed the violation, once confirmed.
    pub confirmed_by: Option<String>,
}

/// Why a transition is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The action makes no sense in this state.
    #[error("cannot {action} a case that is {state}")]
    NotAllowed {
        /// The effective state.
        state: CaseState,
        /// The action tried.
        action: &'static str,
    },
    /// Another reviewer holds an unexpired claim.
    #[error("the case is claimed by {reviewer} until {expires_at} (unix ms)")]
    ClaimedByOther {
        /// Who holds it.
        reviewer: String,
        /// When the claim lapses.
        expires_at: i64,
    },
    /// The reviewer who confirmed a case may not decide its appeal.
    #[error("{0} confirmed this case and may not decide its appeal: another reviewer must")]
    SameReviewer(String),
    /// A reviewer name is needed and was empty.
    #[error("a reviewer name is required")]
    NoReviewer,
}

impl CaseView {
    /// The state as of `now`: a claim that has lapsed leaves the case open again.
    pub fn effective_state(&self, now: i64) -> CaseState {
        match (self.state, self.claim_expires_at) {
            (CaseState::Claimed, Some(expires_at)) if expires_at <= now => CaseState::Open,
            (state, _) => state,
        }
    }

    /// The state after `actor` performs `action` at `now`, or why it is refused. For an
    /// appeal the actor is the seller; for everything else a reviewer.
    pub fn apply(
        &self,
        action: CaseAction,
        actor: &str,
        now: i64,
    ) -> Result<CaseState, TransitionError> {
        if actor.trim().is_empty() {
            return Err(TransitionError::NoReviewer);
        }
        let state = self.effective_state(now);
        let refused = || TransitionError::NotAllowed {
            state,
            action: action.as_str(),
        };
        match (state, action) {
            (
                CaseState::Claimed,
                CaseAction::Claim { .. } | CaseAction::Confirm | CaseAction::Clear,
            ) => match &self.claimed_by {
                Some(holder) if holder != actor => Err(TransitionError::ClaimedByOther {
                    reviewer: holder.clone(),
                    expires_at: self.claim_expires_at.unwrap_or(now),
                }),
                _ => Ok(Self::after(action)),
            },
            (
                CaseState::Open,
                CaseAction::Claim { .. } | CaseAction::Confirm | CaseAction::Clear,
            ) => Ok(Self::after(action)),
            (CaseState::Confirmed, CaseAction::Appeal) => Ok(CaseState::Appealed),
            (CaseState::Appealed, CaseAction::Uphold | CaseAction::Overturn) => {
                if self.confirmed_by.as_deref() == Some(actor) {
                    Err(TransitionError::SameReviewer(actor.to_string()))
                } else {
                    Ok(Self::after(action))
                }
            }
            _ => Err(refused()),
        }
    }

    fn after(action: CaseAction) -> CaseState {
        match action {
            CaseAction::Claim { .. } => CaseState::Claimed,
            CaseAction::Confirm | CaseAction::Uphold => CaseState::Confirmed,
            CaseAction::Clear | CaseAction::Overturn => CaseState::Cleared,
            CaseAction::Appeal => CaseState::Appealed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(state: CaseState) -> CaseView {
        CaseView {
            state,
            claimed_by: None,
            claim_expires_at: None,
            confirmed_by: None,
        }
    }

    fn claimed_by(reviewer: &str, expires_at: i64) -> CaseView {
        CaseView {
            claimed_by: Some(reviewer.into()),
            claim_expires_at: Some(expires_at),
            ..view(CaseState::Claimed)
        }
    }

    #[test]
    fn open_case_can_be_claimed_confirmed_or_cleared() {
        let open = view(CaseState::Open);
        let claim = CaseAction::Claim { expires_at: 100 };
        assert_eq!(open.apply(claim, "ana", 0), Ok(CaseState::Claimed));
        assert_eq!(
            open.apply(CaseAction::Confirm, "ana", 0),
            Ok(CaseState::Confirmed)
        );
        assert_eq!(
            open.apply(CaseAction::Clear, "ana", 0),
            Ok(CaseState::Cleared)
        );
        assert!(matches!(
            open.apply(CaseAction::Uphold, "ana", 0),
            Err(TransitionError::NotAllowed { .. })
        ));
    }

    #[test]
    fn a_live_claim_keeps_other_reviewers_out_until_it_expires() {
        let case = claimed_by("ana", 1_000);
        assert_eq!(
            case.apply(CaseAction::Confirm, "budi", 999),
            Err(TransitionError::ClaimedByOther {
                reviewer: "ana".into(),
                expires_at: 1_000
            })
        );
        assert_eq!(
            case.apply(CaseAction::Confirm, "ana", 999),
            Ok(CaseState::Confirmed)
        );
        assert_eq!(case.effective_state(999), CaseState::Claimed);
        assert_eq!(case.effective_state(1_000), CaseState::Open);
        assert_eq!(
            case.apply(CaseAction::Claim { expires_at: 5_000 }, "budi", 1_000),
            Ok(CaseState::Claimed)
        );
    }

    #[test]
    fn appeals_need_a_confirmed_case_and_a_different_reviewer() {
        assert!(
            view(CaseState::Cleared)
                .apply(CaseAction::Appeal, "seller-1", 0)
                .is_err()
        );
        assert_eq!(
            view(CaseState::Confirmed).apply(CaseAction::Appeal, "seller-1", 0),
            Ok(CaseState::Appealed)
        );
        let appealed = CaseView {
            confirmed_by: Some("ana".into()),
            ..view(CaseState::Appealed)
        };
        assert_eq!(
            appealed.apply(CaseAction::Overturn, "ana", 0),
            Err(TransitionError::SameReviewer("ana".into()))
        );
        assert_eq!(
            appealed.apply(CaseAction::Overturn, "budi", 0),
            Ok(CaseState::Cleared)
        );
        assert_eq!(
            appealed.apply(CaseAction::Uphold, "budi", 0),
            Ok(CaseState::Confirmed)
        );
    }

    #[test]
    fn closed_cases_refuse_review_actions_and_an_empty_actor_is_refused() {
        for state in [CaseState::Confirmed, CaseState::Cleared] {
            for action in [
                CaseAction::Claim { expires_at: 9 },
                CaseAction::Confirm,
                CaseAction::Clear,
            ] {
                assert!(
                    view(state).apply(action, "ana", 0).is_err(),
                    "{state} {action:?}"
                );
            }
        }
        assert_eq!(
            view(CaseState::Open).apply(CaseAction::Confirm, " ", 0),
            Err(TransitionError::NoReviewer)
        );
    }

    #[test]
    fn states_round_trip_through_their_names() {
        for state in CaseState::ALL {
            assert_eq!(state.as_str().parse::<CaseState>(), Ok(state));
        }
        assert!("closed".parse::<CaseState>().is_err());
    }
}
