//! Graduated enforcement as policy data (`config/enforcement.toml`).
//!
//! Once a reviewer confirms a violation, the seller's live strikes (confirmed, not revoked,
//! within the window) and the case's priority decide the sanctions: a first retail offence
//! gets a takedown and a warning that explains the rule, a second a suspension, a third a
//! ban; wholesale trade gets a takedown, a ban and a referral to customs and police. Each
//! sanction carries its legal basis. No I/O: the store writes the sanctions to its outbox.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::decision::{Priority, Reason};

/// Milliseconds in a day.
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// One kind of enforcement action for the platform to carry out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SanctionKind {
    /// Remove the listing.
    Takedown,
    /// Tell the seller which rule the listing broke.
    Warning,
    /// Suspend the shop for some days.
    Suspension,
    /// Close the shop.
    Ban,
    /// Report the seller to customs and police.
    Referral,
    /// Undo the case's sanctions after an overturned appeal.
    Reinstatement,
}

impl SanctionKind {
    /// snake_case name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            SanctionKind::Takedown => "takedown",
            SanctionKind::Warning => "warning",
            SanctionKind::Suspension => "suspension",
            SanctionKind::Ban => "ban",
            SanctionKind::Referral => "referral",
            SanctionKind::Reinstatement => "reinstatement",
        }
    }
}

impl fmt::Display for SanctionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A seller's standing on a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SellerStatus {
    /// No sanction in force.
    Active,
    /// Warned once.
    Warned,
    /// Suspended for some days.
    Suspended,
    /// Closed.
    Banned,
}

impl SellerStatus {
    /// Every status, in order of severity.
    pub const ALL: [SellerStatus; 4] = [
        SellerStatus::Active,
        SellerStatus::Warned,
        SellerStatus::Suspended,
        SellerStatus::Banned,
    ];

    /// snake_case name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            SellerStatus::Active => "active",
            SellerStatus::Warned => "warned",
            SellerStatus::Suspended => "suspended",
            SellerStatus::Banned => "banned",
        }
    }

    /// The standing a set of sanctions puts a seller in (the most severe one).
    pub fn imposed_by(kinds: impl IntoIterator<Item = SanctionKind>) -> SellerStatus {
        kinds
            .into_iter()
            .map(|kind| match kind {
                SanctionKind::Ban => SellerStatus::Banned,
                SanctionKind::Suspension => SellerStatus::Suspended,
                SanctionKind::Warning => SellerStatus::Warned,
                _ => SellerStatus::Active,
            })
            .max()
            .unwrap_or(SellerStatus::Active)
    }
}

impl fmt::Display for SellerStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A seller status name saring does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown seller status {0:?} (expected active, warned, suspended or banned)")]
pub struct UnknownSellerStatus(pub String);

impl FromStr for SellerStatus {
    type Err = UnknownSellerStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SellerStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| UnknownSellerStatus(s.to_string()))
    }
}

/// The enforcement file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EnforcementError {
    /// Not valid TOML, or a field is missing or of the wrong type.
    #[error("enforcement file: {0}")]
    Parse(#[from] toml::de::Error),
    /// The values are inconsistent.
    #[error("enforcement file: {0}")]
    Invalid(String),
}

/// The enforcement configuration, as read from TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnforcementConfig {
    /// Version string, recorded with every action.
    pub version: String,
    /// Strikes older than this many days do not count towards the retail ladder.
    pub strike_window_days: u32,
    /// Length of a suspension.
    pub suspension_days: u32,
    /// Sanctions per retail offence: entry 0 for a first offence, and so on; later
    /// offences get the last entry.
    pub retail_ladder: Vec<Vec<SanctionKind>>,
    /// Sanctions for wholesale trade, whatever the history.
    pub wholesale: Vec<SanctionKind>,
    /// Authorities a referral goes to.
    pub referral_to: Vec<String>,
    /// What a warning tells the seller about the rule.
    pub warning_text: String,
    /// Legal basis per sanction kind.
    pub legal_basis: BTreeMap<SanctionKind, Vec<String>>,
}

/// One action for the platform to carry out, with its legal basis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sanction {
    /// What to do.
    pub kind: SanctionKind,
    /// What exactly, in words for the platform (and, for a warning, the seller).
    pub detail: String,
    /// The rules of law it rests on.
    pub legal_basis: Vec<String>,
}

/// The sanctions for one confirmed case.
#[derive(Debug, Clone, PartialEq)]
pub struct Enforcement {
    /// Which offence this is for the seller (1 = first within the window); wholesale
    /// cases count too.
    pub offence: usize,
    /// The actions, in the order the ladder lists them.
    pub sanctions: Vec<Sanction>,
    /// The seller's standing afterwards.
    pub seller_status: SellerStatus,
}

/// A loaded, validated enforcement policy.
#[derive(Debug, Clone)]
pub struct EnforcementPolicy {
    config: EnforcementConfig,
}

impl EnforcementPolicy {
    /// Parses and validates an enforcement policy from TOML text.
    pub fn from_toml(text: &str) -> Result<Self, EnforcementError> {
        Self::new(toml::from_str(text)?)
    }

    /// Validates a configuration: a non-empty ladder, a legal basis for every kind used.
    pub fn new(config: EnforcementConfig) -> Result<Self, EnforcementError> {
        if config.retail_ladder.is_empty() || config.retail_ladder.iter().any(Vec::is_empty) {
            return Err(EnforcementError::Invalid(
                "retail_ladder needs at least one non-empty step".into(),
            ));
        }
        if config.wholesale.is_empty() {
            return Err(EnforcementError::Invalid(
                "wholesale must not be empty".into(),
            ));
        }
        let used = config
            .retail_ladder
            .iter()
            .flatten()
            .chain(&config.wholesale)
            .chain([&SanctionKind::Reinstatement]);
        for kind in used {
            if config.legal_basis.get(kind).is_none_or(Vec::is_empty) {
                return Err(EnforcementError::Invalid(format!(
                    "legal_basis.{kind} is missing: every action needs its legal basis"
                )));
            }
        }
        if config.wholesale.contains(&SanctionKind::Referral) && config.referral_to.is_empty() {
            return Err(EnforcementError::Invalid(
                "referral_to must name at least one authority".into(),
            ));
        }
        Ok(Self { config })
    }

    /// The configuration in force.
    pub fn config(&self) -> &EnforcementConfig {
        &self.config
    }

    /// The policy's version string.
    pub fn version(&self) -> &str {
        &self.config.version
    }

    /// Strikes confirmed at or before this instant are outside the window at `now`.
    pub fn window_start(&self, now: i64) -> i64 {
        now - i64::from(self.config.strike_window_days) * DAY_MS
    }

    /// The sanctions for a newly confirmed case of `priority`, given when the seller's
    /// earlier unrevoked strikes were confirmed (unix ms) and the case's reasons (the
    /// warning names the rules that fired).
    pub fn enforce(
        &self,
        priority: Priority,
        earlier_strikes: &[i64],
        now: i64,
        reasons: &[Reason],
    ) -> Enforcement {
        let window_start = self.window_start(now);
        let live = earlier_strikes
            .iter()
            .filter(|at| **at > window_start)
            .count();
        let offence = live + 1;
        let kinds = match priority {
            Priority::Wholesale => &self.config.wholesale,
            Priority::Retail | Priority::None => {
                let last = self.config.retail_ladder.len() - 1;
                &self.config.retail_ladder[live.min(last)]
            }
        };
        let sanctions: Vec<Sanction> = kinds
            .iter()
            .map(|kind| self.sanction(*kind, reasons))
            .collect();
        let seller_status = SellerStatus::imposed_by(sanctions.iter().map(|s| s.kind));
        Enforcement {
            offence,
            sanctions,
            seller_status,
        }
    }

    /// The action that undoes a case's sanctions after an overturned appeal.
    pub fn reinstatement(&self, reason: &str) -> Sanction {
        Sanction {
            detail: format!(
                "Restore the listing and lift the sanctions of this case: the appeal was upheld for the seller ({reason})."
            ),
            ..self.sanction(SanctionKind::Reinstatement, &[])
        }
    }

    fn sanction(&self, kind: SanctionKind, reasons: &[Reason]) -> Sanction {
        let config = &self.config;
        let detail = match kind {
            SanctionKind::Takedown => "Take the listing down.".to_string(),
            SanctionKind::Warning => {
                let rules: Vec<String> = reasons
                    .iter()
                    .take(3)
                    .map(|r| format!("{} ({})", r.name, r.detail))
                    .collect();
                if rules.is_empty() {
                    config.warning_text.clone()
                } else {
                    format!(
                        "{} What we found: {}.",
                        config.warning_text,
                        rules.join("; ")
                    )
                }
            }
            SanctionKind::Suspension => {
                format!("Suspend the seller for {} days.", config.suspension_days)
            }
            SanctionKind::Ban => {
                "Close the seller's shop and refuse new accounts of the seller.".into()
            }
            SanctionKind::Referral => format!(
                "Refer the seller, with the frozen evidence, to: {}.",
                config.referral_to.join("; ")
            ),
            SanctionKind::Reinstatement => "Restore the listing.".into(),
        };
        Sanction {
            kind,
            detail,
            legal_basis: config.legal_basis.get(&kind).cloned().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signal::SignalKind;

    const CONFIG: &str = include_str!("../../../config/enforcement.toml");

    fn policy() -> EnforcementPolicy {
        EnforcementPolicy::from_toml(CONFIG).expect("bundled enforcement policy is valid")
    }

    fn kinds(enforcement: &Enforcement) -> Vec<SanctionKind> {
        enforcement.sanctions.iter().map(|s| s.kind).collect()
    }

    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn retail_ladder_warns_then_suspends_then_bans() {
        use SanctionKind::*;
        let policy = policy();
        let first = policy.enforce(Priority::Retail, &[], NOW, &[]);
        assert_eq!((first.offence, kinds(&first)), (1, vec![Takedown, Warning]));
        assert_eq!(first.seller_status, SellerStatus::Warned);
        let second = policy.enforce(Priority::Retail, &[NOW - 10 * DAY_MS], NOW, &[]);
        assert_eq!(
            (second.offence, kinds(&second)),
            (2, vec![Takedown, Suspension])
        );
        assert!(second.sanctions[1].detail.contains("7 days"));
        let third = policy.enforce(
            Priority::Retail,
            &[NOW - DAY_MS, NOW - 2 * DAY_MS],
            NOW,
            &[],
        );
        assert_eq!((third.offence, kinds(&third)), (3, vec![Takedown, Ban]));
        assert_eq!(third.seller_status, SellerStatus::Banned);
        let fifth = policy.enforce(Priority::Retail, &[NOW; 4], NOW, &[]);
        assert_eq!(kinds(&fifth), vec![Takedown, Ban]);
    }

    #[test]
    fn strikes_older_than_the_window_do_not_count() {
        let policy = policy();
        let old = NOW - 181 * DAY_MS;
        let inside = NOW - 179 * DAY_MS;
        assert_eq!(
            policy.enforce(Priority::Retail, &[old], NOW, &[]).offence,
            1
        );
        assert_eq!(
            policy
                .enforce(Priority::Retail, &[inside], NOW, &[])
                .offence,
            2
        );
    }

    #[test]
    fn wholesale_is_banned_and_referred_at_once_with_legal_basis() {
        use SanctionKind::*;
        let enforcement = policy().enforce(Priority::Wholesale, &[], NOW, &[]);
        assert_eq!(kinds(&enforcement), vec![Takedown, Ban, Referral]);
        let referral = &enforcement.sanctions[2];
        assert!(
            referral.detail.contains("Bea dan Cukai"),
            "{}",
            referral.detail
        );
        assert!(referral.legal_basis.iter().any(|l| l.contains("art. 111")));
        assert!(
            enforcement
                .sanctions
                .iter()
                .all(|s| !s.legal_basis.is_empty())
        );
    }

    #[test]
    fn the_warning_explains_the_rule_that_fired() {
        let reason = Reason {
            kind: SignalKind::Rule,
            name: "used imported clothing".into(),
            detail: "offers used clothing from abroad".into(),
            spans: Vec::new(),
        };
        let enforcement = policy().enforce(Priority::Retail, &[], NOW, &[reason]);
        let warning = &enforcement.sanctions[1];
        assert!(
            warning.detail.contains("HS 6309.00.00"),
            "{}",
            warning.detail
        );
        assert!(
            warning.detail.contains("used imported clothing"),
            "{}",
            warning.detail
        );
    }

    #[test]
    fn seller_statuses_round_trip_through_their_names() {
        for status in SellerStatus::ALL {
            assert_eq!(status.as_str().parse::<SellerStatus>(), Ok(status));
        }
        assert!("closed".parse::<SellerStatus>().is_err());
        assert_eq!(
            SellerStatus::imposed_by([SanctionKind::Takedown, SanctionKind::Suspension]),
            SellerStatus::Suspended
        );
        assert_eq!(SellerStatus::imposed_by([]), SellerStatus::Active);
    }

    #[test]
    fn a_kind_without_legal_basis_is_refused() {
        let mut config: EnforcementConfig = toml::from_str(CONFIG).expect("parses");
        config.legal_basis.remove(&SanctionKind::Referral);
        let error = EnforcementPolicy::new(config).expect_err("referral has no legal basis");
        assert!(
            error.to_string().contains("legal_basis.referral"),
            "{error}"
        );
        let empty_ladder = CONFIG.replace("retail_ladder = [", "retail_ladder = [[],");
        let error = EnforcementPolicy::from_toml(&empty_ladder).expect_err("empty step");
        assert!(error.to_string().contains("retail_ladder"), "{error}");
    }
}
