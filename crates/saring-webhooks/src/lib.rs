//! Signed webhooks: saring POSTs every enforcement action (takedown, warning, suspension,
//! ban, referral, reinstatement) to the platform's configured URL.
//!
//! # Delivery
//!
//! The store writes each action's event to an outbox in the transaction that creates the
//! action, so a restart loses nothing. A [`Dispatcher`] claims due events in batches, POSTs
//! each (`Content-Type: application/json`, the body is the event as stored) and marks it:
//!
//! - a 2xx answer: delivered;
//! - any other status (redirects are not followed), a timeout or a connection error: failed,
//!   with the reason recorded (no URL, no secret), and tried again after an exponential
//!   backoff ([`saring_store::RetryPolicy`]: 1 minute doubling up to 1 hour by default);
//! - the Nth failure (8 by default): a dead letter, listed by `saring webhooks dead` until
//!   `saring webhooks retry ID` queues it again.
//!
//! Delivery is **at least once**, in no guaranteed order: a receiver must dedupe on the
//! event id (`Saring-Event-Id`, also `event_id` in the body), which stays the same on every
//! attempt.
//!
//! # Signature
//!
//! Every request carries
//!
//! ```text
//! Saring-Event-Id: evt_4f0c...
//! Saring-Signature: t=1764750000,v1=5d2b...
//! ```
//!
//! where `t` is the send time in unix seconds and `v1` the lower-case hex HMAC-SHA256 of
//! `"<t>.<raw body>"` keyed with the endpoint's signing secret (the string `saring webhooks
//! set` printed, as bytes). A receiver recomputes it over the raw body, compares in constant
//! time and refuses timestamps more than 5 minutes from its clock; [`verify`] does all
//! three:
//!
//! ```
//! use saring_webhooks::{DEFAULT_TOLERANCE_SECONDS, signature_header, verify};
//!
//! let secret = b"the secret saring printed";
//! let body = br#"{"event_id":"evt_1","kind":"takedown"}"#;
//! let header = signature_header(secret, 1_764_750_000, body);
//! assert!(verify(secret, &header, body, 1_764_750_030, DEFAULT_TOLERANCE_SECONDS).is_ok());
//! assert!(verify(secret, &header, b"{}", 1_764_750_030, DEFAULT_TOLERANCE_SECONDS).is_err());
//! ```

mod dispatcher;
mod endpoint;
mod signature;

pub use dispatcher::{DeliveryCounts, DispatchError, Dispatcher, DispatcherConfig};
pub use endpoint::{EndpointError, check_endpoint_url, new_signing_secret};
pub use signature::{
    DEFAULT_TOLERANCE_SECONDS, EVENT_ID_HEADER, SIGNATURE_HEADER, VerifyError, signature_header,
    verify,
};
