//! The PostgreSQL schema's versions: applied in order at open and by `swipefix db migrate`, each in one
//! transaction with its row in `swipefix_schema`. A database whose schema is newer than this binary knows is
//! refused: an older swipefix would misread what a newer one wrote.
//! Owns: the migration list and the schema table. Must not touch: records.

use super::pg::Pg;
use crate::store::{StoreError, StoreResult};

/// Every migration, in order; a released one never changes (add the next instead).
const MIGRATIONS: &[(i32, &str)] = &[(1, include_str!("001_initial.sql")), (2, include_str!("002_spent_links.sql"))];

/// The newest schema this binary knows.
pub fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

/// What `migrate` found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub from: i32,
    pub to: i32,
}

/// SQLSTATEs of two processes creating the schema table at the same moment: try again.
const RACES: &[&str] = &["23505", "42P07", "40001"];

/// Brings the database to `latest()`, or refuses one that is newer. Several processes starting at once are
/// serialised by a lock on the schema table; the losers of the table's creation try again.
pub fn migrate(pg: &Pg) -> StoreResult<Migrated> {
    let mut tries = 0;
    loop {
        match pg.run(|pg| async move { apply(&pg).await }) {
            Err(StoreError::Database { reason, .. }) if tries < 5 && RACES.iter().any(|c| reason.contains(c)) => {
                tries += 1;
            }
            other => return other,
        }
    }
}

async fn apply(pg: &Pg) -> StoreResult<Migrated> {
    let mut c = pg.client().await?;
    let fail = |e| pg.fail(e);
    // Up to date already: no DDL and no lock, so bots may run with rights to the data only (an owner runs
    // `swipefix db migrate`).
    if let Some(found) = current(&c).await.map_err(fail)? {
        if found > latest() {
            return Err(StoreError::Schema { url: pg.url.to_string(), found, known: latest() });
        }
        if found == latest() {
            return Ok(Migrated { from: found, to: found });
        }
    }
    c.batch_execute(
        "CREATE TABLE IF NOT EXISTS swipefix_schema (
            version INTEGER PRIMARY KEY,
            applied TIMESTAMPTZ NOT NULL DEFAULT now()
        )",
    )
    .await
    .map_err(fail)?;
    let tx = c.transaction().await.map_err(fail)?;
    tx.batch_execute("LOCK TABLE swipefix_schema IN SHARE ROW EXCLUSIVE MODE").await.map_err(fail)?;
    let row = tx.query_one("SELECT COALESCE(MAX(version), 0) FROM swipefix_schema", &[]).await.map_err(fail)?;
    let from: i32 = row.get(0);
    if from > latest() {
        return Err(StoreError::Schema { url: pg.url.to_string(), found: from, known: latest() });
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > from) {
        tx.batch_execute(sql).await.map_err(fail)?;
        tx.execute("INSERT INTO swipefix_schema (version) VALUES ($1)", &[version]).await.map_err(fail)?;
    }
    tx.commit().await.map_err(fail)?;
    Ok(Migrated { from, to: latest().max(from) })
}

/// The schema's version, or `None` when the database has no swipefix schema yet.
async fn current(c: &tokio_postgres::Client) -> Result<Option<i32>, tokio_postgres::Error> {
    let exists: bool = c.query_one("SELECT to_regclass('swipefix_schema') IS NOT NULL", &[]).await?.get(0);
    if !exists {
        return Ok(None);
    }
    Ok(Some(c.query_one("SELECT COALESCE(MAX(version), 0) FROM swipefix_schema", &[]).await?.get(0)))
}
