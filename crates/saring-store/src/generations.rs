//! Generations of what running servers keep in memory: the seller link index (sanctions and
//! listings taken down), the hash banks, the lexicon in force.
//!
//! Every store function that changes one of them bumps its generation in the same
//! transaction, so a reader that sees a generation has everything committed with it. A
//! process that holds copies compares [`Store::generations`] with the ones it loaded and
//! reloads what moved: at once after a change made through a clone of the same [`Store`]
//! ([`Store::local_changes`] counts them without a query), and by polling for changes made
//! by other processes sharing the database. A push from the database (PostgreSQL
//! `LISTEN/NOTIFY`) can later wake the same reload: [`bump`] is the one place changes pass.

use std::sync::atomic::Ordering;

use sqlx::{Any, Row, Transaction};

use crate::{Result, Store, StoreError};

/// A part of the store that running servers copy into memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedState {
    /// Seller sanctions and listings taken down: what the seller link index holds.
    Sellers,
    /// Hash banks and their entries.
    Banks,
    /// The active lexicon version.
    Lexicon,
}

impl SharedState {
    fn name(self) -> &'static str {
        match self {
            SharedState::Sellers => "sellers",
            SharedState::Banks => "banks",
            SharedState::Lexicon => "lexicon",
        }
    }
}

/// The generation of each shared part; a part whose generation moved has changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Generations {
    /// Of seller sanctions and listings taken down.
    pub sellers: i64,
    /// Of the hash banks.
    pub banks: i64,
    /// Of the active lexicon.
    pub lexicon: i64,
}

/// Bumps `what`'s generation inside the transaction that changes it. The caller calls
/// [`Store::note_change`] once the transaction has committed.
pub(crate) async fn bump(tx: &mut Transaction<'static, Any>, what: SharedState) -> Result<()> {
    let bumped =
        sqlx::query("UPDATE state_generations SET generation = generation + 1 WHERE name = $1")
            .bind(what.name())
            .execute(&mut **tx)
            .await?
            .rows_affected();
    if bumped != 1 {
        return Err(StoreError::Corrupt(format!(
            "state_generations has no row {:?}",
            what.name()
        )));
    }
    Ok(())
}

impl Store {
    /// The generations as committed now.
    pub async fn generations(&self) -> Result<Generations> {
        let mut generations = Generations::default();
        for row in sqlx::query("SELECT name, generation FROM state_generations")
            .fetch_all(&self.pool)
            .await?
        {
            let generation: i64 = row.try_get("generation")?;
            match row.try_get::<String, _>("name")?.as_str() {
                "sellers" => generations.sellers = generation,
                "banks" => generations.banks = generation,
                "lexicon" => generations.lexicon = generation,
                _ => {}
            }
        }
        Ok(generations)
    }

    /// How many changes to shared parts were committed through this store and its clones
    /// (this process): when it moves, [`Store::generations`] has moved too. Read it before
    /// reading the generations.
    pub fn local_changes(&self) -> u64 {
        self.local_changes.load(Ordering::Acquire)
    }

    /// Counts a committed change to a shared part (after the commit, never before).
    pub(crate) fn note_change(&self) {
        self.local_changes.fetch_add(1, Ordering::AcqRel);
    }
}
