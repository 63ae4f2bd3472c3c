//! Named settings the store keeps for the deployment (e.g. the seller-linking secret
//! generated on first use).

use sqlx::Row;

use crate::{Result, Store, StoreError};

impl Store {
    /// The value of a setting, if set.
    pub async fn setting(&self, name: &str) -> Result<Option<String>> {
        let row = sqlx::query("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => Some(row.try_get("value")?),
            None => None,
        })
    }

    /// Sets a setting unless it is set already, and returns the value that stands: the
    /// first writer wins, so concurrent first runs agree on one value.
    pub async fn setting_or_insert(&self, name: &str, value: &str, now: i64) -> Result<String> {
        sqlx::query(
            "INSERT INTO settings (name, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(value)
        .bind(now)
        .execute(&self.pool)
        .await?;
        self.setting(name)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("setting {name:?} vanished")))
    }
}
