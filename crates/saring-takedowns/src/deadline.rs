//! Deadlines of takedown actions and their status.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::request::Urgency;

/// How long a platform has to act on an order (Permenkominfo 5/2020 art. 14: 1×24 hours, 4
/// hours when urgent). Configurable because agencies and platforms agree on their own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlinePolicy {
    /// Hours for an ordinary order.
    pub normal_hours: u32,
    /// Hours for an urgent order.
    pub urgent_hours: u32,
}

impl Default for DeadlinePolicy {
    fn default() -> Self {
        Self {
            normal_hours: 24,
            urgent_hours: 4,
        }
    }
}

impl DeadlinePolicy {
    /// When an order issued at `issued_at` must have been carried out.
    pub fn deadline(&self, issued_at: DateTime<Utc>, urgency: Urgency) -> DateTime<Utc> {
        let hours = match urgency {
            Urgency::Normal => self.normal_hours,
            Urgency::Urgent => self.urgent_hours,
        };
        issued_at + Duration::hours(i64::from(hours))
    }
}

/// What became of one requested link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not carried out yet.
    Pending,
    /// The listing was taken down.
    TakenDown {
        /// When.
        at: DateTime<Utc>,
    },
    /// The platform found no such listing.
    NotFound,
    /// The platform disputes the order.
    Disputed {
        /// Why.
        reason: String,
    },
}

impl ActionStatus {
    /// The status name used in files and reports.
    pub fn name(&self) -> &'static str {
        match self {
            ActionStatus::Pending => "pending",
            ActionStatus::TakenDown { .. } => "taken_down",
            ActionStatus::NotFound => "not_found",
            ActionStatus::Disputed { .. } => "disputed",
        }
    }

    /// Whether an action with this status and `deadline` is overdue at `now`: still pending
    /// after its deadline, or taken down late.
    pub fn is_overdue(&self, deadline: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        match self {
            ActionStatus::Pending => now > deadline,
            ActionStatus::TakenDown { at } => *at > deadline,
            ActionStatus::NotFound | ActionStatus::Disputed { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urgent_orders_get_four_hours_and_late_takedowns_are_overdue() {
        let issued = DateTime::parse_from_rfc3339("2026-11-20T08:00:00Z")
            .expect("time")
            .with_timezone(&Utc);
        let policy = DeadlinePolicy::default();
        let normal = policy.deadline(issued, Urgency::Normal);
        let urgent = policy.deadline(issued, Urgency::Urgent);
        assert_eq!((normal - issued).num_hours(), 24);
        assert_eq!((urgent - issued).num_hours(), 4);
        let before = urgent - Duration::minutes(1);
        let after = urgent + Duration::minutes(1);
        assert!(!ActionStatus::Pending.is_overdue(urgent, before));
        assert!(ActionStatus::Pending.is_overdue(urgent, after));
        assert!(ActionStatus::TakenDown { at: after }.is_overdue(urgent, after));
        assert!(!ActionStatus::TakenDown { at: before }.is_overdue(urgent, after));
        assert!(!ActionStatus::NotFound.is_overdue(urgent, after));
    }
}
