//! The networked store: cases in PostgreSQL, so several bot processes and the CLI share them while the bot
//! runs. The same records as sled — each case and merchant sealed with its own key, owners indexed by a keyed
//! hash — in tables of their own (`postgres/001_initial.sql`). A save is `UPDATE … WHERE id = $1 AND version =
//! $2`: a stale save changes no row and is a `Conflict`. Case numbers come from a sequence; follow-ups are
//! claimed with `FOR UPDATE SKIP LOCKED` under a lease, so with N processes each fires once.
//! Must not touch: the engine, channels; how records are sealed (`keys`).

mod pg;
mod schema;
mod vault;

pub use pg::redacted;
pub use schema::{Migrated, latest as latest_schema};

use super::keys::{Keyring, MasterKey};
use super::{CaseStore, Merchant, StoreError, StoreResult, case_key, merchant_key, sort_cases};
use crate::engine::Case;
use chrono::{DateTime, Utc};
use pg::{Pg, params};
use std::sync::Arc;

const CASE: &[u8] = b"case";
const MERCHANT: &[u8] = b"merchant";
/// How many due follow-ups one claim takes.
const CLAIM_BATCH: i64 = 500;

pub struct PgStore {
    pg: Pg,
    keys: Arc<Keyring>,
    /// Taken out on drop and shut down without waiting: a store dropped inside an async context (a test's
    /// runtime) must not block it.
    runtime: Option<tokio::runtime::Runtime>,
    migrated: Migrated,
}

impl Drop for PgStore {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

impl PgStore {
    /// Connects to `url` (`postgres://…`), brings its schema up to date (refusing a newer one), and checks
    /// that its records are sealed under `master`.
    pub fn open(url: &str, master: &MasterKey) -> StoreResult<PgStore> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("swipefix-pg")
            .enable_all()
            .build()
            .map_err(|e| StoreError::Database { url: redacted(url), reason: format!("cannot start a runtime: {e}") })?;
        let pg = Pg::new(url, &runtime)?;
        let migrated = schema::migrate(&pg)?;
        check_master(&pg, master)?;
        let keys = Arc::new(Keyring::with_vault(master, Box::new(vault::PgVault::new(pg.clone(), master)))?);
        Ok(PgStore { pg, keys, runtime: Some(runtime), migrated })
    }

    /// The schema versions found and left at open.
    pub fn migrated(&self) -> &Migrated {
        &self.migrated
    }

    /// The database's address, password hidden.
    pub fn url(&self) -> &str {
        &self.pg.url
    }

    /// The keyring, to share (tests, copies).
    pub fn keyring(&self) -> Arc<Keyring> {
        self.keys.clone()
    }

    /// Best effort, after an erasure: reclaims the deleted key rows' space soon. A role that does not own the
    /// table only gets a warning from PostgreSQL, and databases without VACUUM refuse it; both are logged.
    fn vacuum_keys(&self) {
        if let Err(e) = self.pg.run(|pg| async move {
            let c = pg.client().await?;
            c.batch_execute("VACUUM swipefix_keys").await.map_err(|e| pg.fail(e))
        }) {
            tracing::info!(error = %e, "VACUUM of the key table did not run");
        }
    }

    fn seal_case(&self, case: &Case) -> StoreResult<Vec<u8>> {
        let json = serde_json::to_vec(case).map_err(|e| StoreError::Backend(e.to_string()))?;
        Ok(self.keys.seal(&case_key(&case.id), CASE, &json)?)
    }

    /// A case row (`version`, `data`); `None` when its key was destroyed (an erasure cut off).
    fn open_case(&self, id: &str, version: i64, data: &[u8]) -> StoreResult<Option<Case>> {
        let bad = |reason: String| StoreError::BadRecord { id: id.to_string(), reason };
        let Some(json) = self.keys.open_sealed(CASE, data).map_err(|e| bad(e.to_string()))? else {
            return Ok(None);
        };
        let mut c = super::case_codec::decode(&json).map_err(bad)?;
        c.version = version as u64;
        Ok(Some(c))
    }

    fn cases(&self, rows: Vec<tokio_postgres::Row>) -> StoreResult<Vec<Case>> {
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.extend(self.open_case(r.get(0), r.get(1), r.get(2))?);
        }
        sort_cases(&mut out);
        Ok(out)
    }

    fn open_merchant(&self, code: &str, data: &[u8]) -> StoreResult<Option<Merchant>> {
        let bad = |reason: String| StoreError::BadRecord { id: code.to_string(), reason };
        match self.keys.open_sealed(MERCHANT, data).map_err(|e| bad(e.to_string()))? {
            Some(json) => serde_json::from_slice(&json).map(Some).map_err(|e| bad(e.to_string())),
            None => Ok(None),
        }
    }

    fn merchant_rows(&self, rows: Vec<tokio_postgres::Row>) -> StoreResult<Vec<Merchant>> {
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            out.extend(self.open_merchant(r.get(0), r.get(1))?);
        }
        Ok(out)
    }

    /// Stores `case` as new, at `version`; 0 rows changed when its id is taken.
    fn insert(&self, case: &Case, version: i64) -> StoreResult<u64> {
        let data = self.seal_case(case)?;
        let person = self.keys.person(&case.owner).0.to_vec();
        self.pg.execute(
            "INSERT INTO swipefix_cases (id, person, version, data) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO NOTHING",
            params![case.id.clone(), person, version, data],
        )
    }

    /// The version stored for `id` (0: none), for a conflict's message.
    fn stored_version(&self, id: &str) -> StoreResult<u64> {
        let rows = self.pg.query("SELECT version FROM swipefix_cases WHERE id = $1", params![id.to_string()])?;
        Ok(rows.first().map_or(0, |r| r.get::<_, i64>(0) as u64))
    }

    fn conflict(&self, case: &Case) -> StoreResult<u64> {
        Err(StoreError::Conflict { id: case.id.clone(), expected: case.version, found: self.stored_version(&case.id)? })
    }
}

/// The first process writes the master key's fingerprint; every later one must have the same key, or it would
/// seal new records under keys no other process can open.
fn check_master(pg: &Pg, master: &MasterKey) -> StoreResult<()> {
    let mine = master.fingerprint();
    pg.execute(
        "INSERT INTO swipefix_meta (name, value) VALUES ('keys', $1) ON CONFLICT (name) DO NOTHING",
        params![mine.clone()],
    )?;
    let rows = pg.query("SELECT value FROM swipefix_meta WHERE name = 'keys'", params![])?;
    let theirs: String = rows.first().map(|r| r.get(0)).unwrap_or_default();
    if theirs != mine {
        return Err(StoreError::Database {
            url: pg.url.to_string(),
            reason: format!(
                "its records are sealed under master key {theirs}, and this process has {mine}: set {} to the key \
                 the other processes use",
                super::keys::MASTER_ENV
            ),
        });
    }
    Ok(())
}

/// Follow-up rows as the queue hands them out, earliest first (then by case id, as sled orders them).
fn queue(rows: Vec<tokio_postgres::Row>) -> Vec<(DateTime<Utc>, String)> {
    let mut out: Vec<_> =
        rows.iter().filter_map(|r| Some((DateTime::from_timestamp_millis(r.get(0))?, r.get::<_, String>(1)))).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.as_bytes().cmp(b.1.as_bytes())));
    out
}

impl CaseStore for PgStore {
    fn load(&self, id: &str) -> StoreResult<Option<Case>> {
        let rows =
            self.pg.query("SELECT id, version, data FROM swipefix_cases WHERE id = $1", params![id.to_string()])?;
        Ok(self.cases(rows)?.pop())
    }

    fn save(&self, case: &Case) -> StoreResult<u64> {
        let version = case.version as i64 + 1;
        let changed = if case.version == 0 {
            self.insert(case, version)?
        } else {
            let data = self.seal_case(case)?;
            let person = self.keys.person(&case.owner).0.to_vec();
            // The owner is written on every save: a case can change hands (a customer joining a shop's case).
            self.pg.execute(
                "UPDATE swipefix_cases SET person = $3, version = $4, data = $5 WHERE id = $1 AND version = $2",
                params![case.id.clone(), case.version as i64, person, version, data],
            )?
        };
        if changed == 1 { Ok(version as u64) } else { self.conflict(case) }
    }

    fn list(&self) -> StoreResult<Vec<Case>> {
        self.cases(self.pg.query("SELECT id, version, data FROM swipefix_cases", params![])?)
    }

    fn cases_of(&self, owner: &str) -> StoreResult<Vec<Case>> {
        let person = self.keys.person(owner).0.to_vec();
        let rows = self.pg.query("SELECT id, version, data FROM swipefix_cases WHERE person = $1", params![person])?;
        // A keyed hash could collide; the owner inside the record decides.
        Ok(self.cases(rows)?.into_iter().filter(|c| c.owner == owner).collect())
    }

    fn erase(&self, cases: &[String], merchants: &[String]) -> StoreResult<usize> {
        let names: Vec<String> =
            cases.iter().map(|c| case_key(c)).chain(merchants.iter().map(|m| merchant_key(m))).collect();
        // The keys first: from then on every copy of these records is ciphertext without a key.
        self.keys.destroy(&names)?;
        let (cases, merchants) = (cases.to_vec(), merchants.to_vec());
        self.pg
            .run(move |pg| async move {
                let mut c = pg.client().await?;
                let tx = c.transaction().await.map_err(|e| pg.fail(e))?;
                let n = tx.execute("DELETE FROM swipefix_cases WHERE id = ANY($1)", &[&cases]).await;
                let n = n.map_err(|e| pg.fail(e))?;
                for sql in [
                    "DELETE FROM swipefix_replied WHERE case_id = ANY($1)",
                    "DELETE FROM swipefix_reminders WHERE case_id = ANY($1)",
                ] {
                    tx.execute(sql, &[&cases]).await.map_err(|e| pg.fail(e))?;
                }
                tx.execute("DELETE FROM swipefix_merchants WHERE code = ANY($1)", &[&merchants])
                    .await
                    .map_err(|e| pg.fail(e))?;
                tx.commit().await.map_err(|e| pg.fail(e))?;
                Ok(n as usize)
            })
            .inspect(|_| self.vacuum_keys())
    }

    fn keys(&self) -> &Keyring {
        &self.keys
    }

    fn next_id(&self) -> StoreResult<u64> {
        let rows = self.pg.query("SELECT nextval('swipefix_case_numbers')", params![])?;
        Ok(rows.first().map_or(0, |r| r.get::<_, i64>(0) as u64))
    }

    /// Every statement is committed (and, with PostgreSQL's default `synchronous_commit`, on disk) when it
    /// returns: nothing is left to flush.
    fn flush(&self) -> StoreResult<()> {
        Ok(())
    }

    fn save_merchant(&self, m: &Merchant) -> StoreResult<()> {
        let json = serde_json::to_vec(m).map_err(|e| StoreError::Backend(e.to_string()))?;
        let data = self.keys.seal(&merchant_key(&m.code), MERCHANT, &json)?;
        let person = self.keys.person(&m.owner).0.to_vec();
        self.pg.execute(
            "INSERT INTO swipefix_merchants (code, person, data) VALUES ($1, $2, $3) \
             ON CONFLICT (code) DO UPDATE SET person = EXCLUDED.person, data = EXCLUDED.data",
            params![m.code.clone(), person, data],
        )?;
        Ok(())
    }

    fn merchant(&self, code: &str) -> StoreResult<Option<Merchant>> {
        let rows =
            self.pg.query("SELECT code, data FROM swipefix_merchants WHERE code = $1", params![code.to_string()])?;
        Ok(self.merchant_rows(rows)?.pop())
    }

    fn merchant_of(&self, owner: &str) -> StoreResult<Option<Merchant>> {
        let person = self.keys.person(owner).0.to_vec();
        let rows = self.pg.query("SELECT code, data FROM swipefix_merchants WHERE person = $1", params![person])?;
        Ok(self.merchant_rows(rows)?.into_iter().find(|m| m.owner == owner))
    }

    fn schedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.pg.execute(
            "INSERT INTO swipefix_reminders (at_ms, case_id) VALUES ($1, $2) ON CONFLICT (at_ms, case_id) DO NOTHING",
            params![at.timestamp_millis(), case_id.to_string()],
        )?;
        Ok(())
    }

    fn due(&self, now: DateTime<Utc>) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        let rows = self.pg.query(
            "SELECT at_ms, case_id FROM swipefix_reminders WHERE at_ms <= $1",
            params![now.timestamp_millis()],
        )?;
        Ok(queue(rows))
    }

    fn claim_due(&self, now: DateTime<Utc>, lease: chrono::Duration) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        let (now, until) = (now.timestamp_millis(), (now + lease).timestamp_millis());
        // Rows another process is claiming right now are skipped, not waited for; a claim whose process died
        // is taken again once its lease has run out.
        let rows = self.pg.query(
            "UPDATE swipefix_reminders AS r SET claimed_until_ms = $2 \
             FROM (SELECT at_ms, case_id FROM swipefix_reminders \
                   WHERE at_ms <= $1 AND (claimed_until_ms IS NULL OR claimed_until_ms <= $1) \
                   ORDER BY at_ms LIMIT $3 FOR UPDATE SKIP LOCKED) AS due \
             WHERE r.at_ms = due.at_ms AND r.case_id = due.case_id \
             RETURNING r.at_ms, r.case_id",
            params![now, until, CLAIM_BATCH],
        )?;
        Ok(queue(rows))
    }

    fn release(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.pg.execute(
            "UPDATE swipefix_reminders SET claimed_until_ms = NULL WHERE at_ms = $1 AND case_id = $2",
            params![at.timestamp_millis(), case_id.to_string()],
        )?;
        Ok(())
    }

    fn unschedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.pg.execute(
            "DELETE FROM swipefix_reminders WHERE at_ms = $1 AND case_id = $2",
            params![at.timestamp_millis(), case_id.to_string()],
        )?;
        Ok(())
    }

    fn merchants(&self) -> StoreResult<Vec<Merchant>> {
        let mut out = self.merchant_rows(self.pg.query("SELECT code, data FROM swipefix_merchants", params![])?)?;
        out.sort_by(|a, b| a.code.cmp(&b.code));
        Ok(out)
    }

    fn last_id(&self) -> StoreResult<u64> {
        let rows = self
            .pg
            .query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM swipefix_case_numbers", params![])?;
        Ok(rows.first().map_or(0, |r| r.get::<_, i64>(0) as u64))
    }

    fn reserve_ids(&self, n: u64) -> StoreResult<()> {
        // One statement: never below what the sequence has handed out by then.
        self.pg.query(
            "SELECT setval('swipefix_case_numbers', $1, true) FROM swipefix_case_numbers \
             WHERE $1 > CASE WHEN is_called THEN last_value ELSE 0 END",
            params![n as i64],
        )?;
        Ok(())
    }

    fn restore_case(&self, case: &Case) -> StoreResult<()> {
        if self.insert(case, case.version as i64)? == 1 {
            Ok(())
        } else {
            Err(StoreError::Conflict { id: case.id.clone(), expected: 0, found: self.stored_version(&case.id)? })
        }
    }

    fn mark_replied(&self, case_id: &str, update: u64) -> StoreResult<()> {
        // Processes note out of order; the note only moves forward.
        self.pg.execute(
            "INSERT INTO swipefix_replied (case_id, update_id) VALUES ($1, $2) ON CONFLICT (case_id) \
             DO UPDATE SET update_id = GREATEST(swipefix_replied.update_id, EXCLUDED.update_id)",
            params![case_id.to_string(), update as i64],
        )?;
        Ok(())
    }

    fn replied(&self, case_id: &str) -> StoreResult<Option<u64>> {
        let rows =
            self.pg.query("SELECT update_id FROM swipefix_replied WHERE case_id = $1", params![case_id.to_string()])?;
        Ok(rows.first().map(|r| r.get::<_, i64>(0) as u64))
    }

    fn spend(&self, token: &str, until: DateTime<Utc>, now: DateTime<Utc>) -> StoreResult<bool> {
        self.pg.execute("DELETE FROM swipefix_spent_links WHERE until_ms < $1", params![now.timestamp_millis()])?;
        // One statement decides: of two processes spending the same token at once, one inserts the row.
        let inserted = self.pg.execute(
            "INSERT INTO swipefix_spent_links (nonce, until_ms) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING",
            params![token.to_string(), until.timestamp_millis()],
        )?;
        Ok(inserted == 1)
    }

    fn is_spent(&self, token: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        let rows = self.pg.query(
            "SELECT 1 FROM swipefix_spent_links WHERE nonce = $1 AND until_ms >= $2",
            params![token.to_string(), now.timestamp_millis()],
        )?;
        Ok(!rows.is_empty())
    }
}
