//! Takedown requests from regulators: canonical listing URLs, request files, deadlines, and
//! reports of what was done.
//!
//! Pure logic: the store persists requests and actions, the CLI and server read files and
//! serve reports.

pub mod canonical;
pub mod deadline;
pub mod report;
pub mod request;

pub use canonical::{CanonicalUrl, ListingKey, UrlProblem, canonicalise};
pub use deadline::{ActionStatus, DeadlinePolicy};
pub use report::{
    EnforcementCounts, REPORT_STYLE, Report, ReportInput, TakedownFigures, TakedownRecord,
};
pub use request::{Import, RequestFormat, RequestedUrl, TakedownRequest, Urgency, parse};
