//! Reading stored text back into domain types.

use serde::de::DeserializeOwned;
use serde_json::Value;

use saring_core::{CaseState, Priority};

use crate::{Result, StoreError};

/// A snake_case enum name as stored (`retail`, `block`, ...) back into its type.
pub(crate) fn parse_name<T: DeserializeOwned>(name: String) -> Result<T> {
    serde_json::from_value(Value::String(name.clone()))
        .map_err(|_| StoreError::Corrupt(format!("unknown value {name:?}")))
}

/// A stored case state.
pub(crate) fn parse_state(name: &str) -> Result<CaseState> {
    name.parse()
        .map_err(|e: saring_core::case::UnknownCaseState| StoreError::Corrupt(e.to_string()))
}

/// Stored JSON text back into a value.
pub(crate) fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("stored JSON: {e}")))
}

/// Queue order: wholesale first.
pub(crate) fn priority_rank(priority: Priority) -> i64 {
    match priority {
        Priority::Wholesale => 0,
        Priority::Retail => 1,
        Priority::None => 2,
    }
}

/// The stored name of a priority.
pub(crate) fn priority_name(priority: Priority) -> &'static str {
    match priority {
        Priority::Wholesale => "wholesale",
        Priority::Retail => "retail",
        Priority::None => "none",
    }
}
