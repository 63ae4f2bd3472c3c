//! Reading stored text back into domain types, and writing many rows per statement.

use serde::de::DeserializeOwned;
use serde_json::Value;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AssertSqlSafe, Transaction};

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

/// A statement on either database, with its arguments bound.
pub(crate) type AnyQuery = Query<'static, Any, AnyArguments>;

/// Most rows one statement carries: SQLite allows 32,766 parameters, PostgreSQL 65,535.
const ROWS_PER_STATEMENT: usize = 256;

/// Runs `{head} VALUES ($1, ...), (...) {tail}` over `items`, `columns` parameters per
/// item bound by `bind`, in statements of at most [`ROWS_PER_STATEMENT`] rows; returns
/// the rows the statements give back (for a `RETURNING` tail, or `head` = `... IN (` and
/// `tail` = `)`). One round trip per few hundred rows instead of one per row.
pub(crate) async fn with_values<T>(
    tx: &mut Transaction<'static, Any>,
    (head, tail): (&str, &str),
    columns: usize,
    items: &[T],
    bind: impl Fn(AnyQuery, &T) -> AnyQuery,
) -> Result<Vec<AnyRow>> {
    let mut rows = Vec::new();
    for chunk in items.chunks(ROWS_PER_STATEMENT) {
        let mut sql = String::with_capacity(head.len() + tail.len() + chunk.len() * columns * 6);
        sql.push_str(head);
        sql.push_str(" VALUES ");
        for row in 0..chunk.len() {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..columns {
                if column > 0 {
                    sql.push_str(", ");
                }
                sql.push('$');
                sql.push_str(&(row * columns + column + 1).to_string());
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        let query = chunk
            .iter()
            .fold(sqlx::query(AssertSqlSafe(sql)), |query, item| {
                bind(query, item)
            });
        rows.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(rows)
}
