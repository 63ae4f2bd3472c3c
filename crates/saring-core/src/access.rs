//! Who may do what: the role an API key carries and the platforms it is scoped to.
//!
//! A platform key screens listings and receives actions for its own platform only; a reviewer
//! reviews the cases of the platforms it is granted; a regulator submits takedown requests and
//! reads reports across platforms but never sees seller personal data; an admin may do all.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The role of an API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A marketplace: screens its listings and receives enforcement actions for itself.
    Platform,
    /// A trust-and-safety reviewer for the platforms granted to the key.
    Reviewer,
    /// A regulator: takedown requests and aggregate reports, no seller personal data.
    Regulator,
    /// Operates the deployment: everything.
    Admin,
}

impl Role {
    /// Every role, in a stable order.
    pub const ALL: [Role; 4] = [Role::Platform, Role::Reviewer, Role::Regulator, Role::Admin];

    /// The role's name as written in keys, configuration and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Platform => "platform",
            Role::Reviewer => "reviewer",
            Role::Regulator => "regulator",
            Role::Admin => "admin",
        }
    }

    /// Whether keys of this role must name the platforms they act for.
    pub fn needs_platforms(self) -> bool {
        matches!(self, Role::Platform | Role::Reviewer)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is not one of platform, reviewer, regulator, admin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}: expected platform, reviewer, regulator or admin")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.as_str() == name)
            .ok_or_else(|| UnknownRole(name.to_string()))
    }
}

/// How what is done through an API key is recorded: `api-key:` and the key's id, whichever
/// door (the API, the review UI) the key came through.
pub const KEY_ACTOR_PREFIX: &str = "api-key:";

/// The authenticated caller: which key, its role and the platforms it is scoped to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    /// The key's public id (never the secret).
    pub key_id: String,
    /// What the key may do.
    pub role: Role,
    /// Platforms a platform or reviewer key acts for; empty for regulators and admins.
    pub platforms: Vec<String>,
}

impl Principal {
    /// Whether the caller may see or act on records of `platform`.
    pub fn covers_platform(&self, platform: &str) -> bool {
        match self.role {
            Role::Admin | Role::Regulator => true,
            Role::Platform | Role::Reviewer => self.platforms.iter().any(|p| p == platform),
        }
    }

    /// Whether the caller may see seller personal data (names, contacts, descriptions).
    /// Regulators see aggregates and listing URLs only.
    pub fn sees_seller_data(&self) -> bool {
        self.role != Role::Regulator
    }

    /// Whether the caller has one of `roles`.
    pub fn has_role(&self, roles: &[Role]) -> bool {
        roles.contains(&self.role)
    }

    /// The actor name recorded for what the caller does: `api-key:ID` through the API and the
    /// review UI alike (the store maps it to the key's owner where one is named).
    pub fn actor(&self) -> String {
        format!("{KEY_ACTOR_PREFIX}{}", self.key_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(role: Role, platforms: &[&str]) -> Principal {
        Principal {
            key_id: "k1".into(),
            role,
            platforms: platforms.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn platform_scope_is_enforced_for_platform_and_reviewer_keys() {
        let shop = principal(Role::Platform, &["shopee"]);
        assert!(shop.covers_platform("shopee"));
        assert!(!shop.covers_platform("tokopedia"));
        let reviewer = principal(Role::Reviewer, &["shopee", "lazada"]);
        assert!(reviewer.covers_platform("lazada"));
        assert!(!reviewer.covers_platform("blibli"));
        assert!(principal(Role::Admin, &[]).covers_platform("blibli"));
    }

    #[test]
    fn regulators_never_see_seller_data() {
        assert!(!principal(Role::Regulator, &[]).sees_seller_data());
        assert!(principal(Role::Reviewer, &["shopee"]).sees_seller_data());
    }
}
