//! An in-memory `CaseStore` for tests and benchmarks: the same semantics as sled, nothing on disk. Records
//! are kept as they are (there is no log to outlive an erasure); the keyring is still real, because backups
//! seal with it and erasure destroys its keys.

use super::{
    CaseStore, Keyring, Merchant, StoreError, StoreResult, case_key, merchant_key, parse_reminder_key, reminder_key,
    sort_cases,
};
use crate::engine::Case;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub struct MemoryStore {
    keys: Arc<Keyring>,
    cases: Mutex<BTreeMap<String, Case>>,
    /// owner -> case ids, so one person's cases are found without scanning everyone's.
    owners: Mutex<BTreeMap<String, BTreeSet<String>>>,
    merchants: Mutex<BTreeMap<String, Merchant>>,
    reminders: Mutex<BTreeSet<Vec<u8>>>,
    ids: AtomicU64,
    replied: Mutex<BTreeMap<String, u64>>,
    /// Spent single-use tokens, until they expire.
    spent: Mutex<BTreeMap<String, DateTime<Utc>>>,
}

impl Default for MemoryStore {
    fn default() -> MemoryStore {
        MemoryStore::with_keys(Arc::new(Keyring::in_memory()))
    }
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store sealing its backups with `keys` — shared with another store, a backup of one restores into
    /// the other.
    pub fn with_keys(keys: Arc<Keyring>) -> MemoryStore {
        MemoryStore {
            keys,
            cases: Mutex::default(),
            owners: Mutex::default(),
            merchants: Mutex::default(),
            reminders: Mutex::default(),
            ids: AtomicU64::new(0),
            replied: Mutex::default(),
            spent: Mutex::default(),
        }
    }

    fn index_owner(&self, case: &Case) {
        let mut owners = self.owners.lock().unwrap_or_else(|p| p.into_inner());
        owners.entry(case.owner.clone()).or_default().insert(case.id.clone());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Case>> {
        // A panic elsewhere while holding the lock leaves plain data behind; keep serving it.
        self.cases.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl CaseStore for MemoryStore {
    fn load(&self, id: &str) -> StoreResult<Option<Case>> {
        Ok(self.lock().get(id).cloned())
    }

    fn save(&self, case: &Case) -> StoreResult<u64> {
        let mut map = self.lock();
        let found = map.get(&case.id).map_or(0, |c| c.version);
        if found != case.version {
            return Err(StoreError::Conflict { id: case.id.clone(), expected: case.version, found });
        }
        let mut stored = case.clone();
        stored.version = found + 1;
        if let Some(old) = map.insert(case.id.clone(), stored)
            && old.owner != case.owner
        {
            self.owners.lock().unwrap_or_else(|p| p.into_inner()).entry(old.owner).or_default().remove(&case.id);
        }
        self.index_owner(case);
        Ok(found + 1)
    }

    fn list(&self) -> StoreResult<Vec<Case>> {
        let mut v: Vec<Case> = self.lock().values().cloned().collect();
        sort_cases(&mut v);
        Ok(v)
    }

    fn cases_of(&self, owner: &str) -> StoreResult<Vec<Case>> {
        let map = self.lock();
        let ids = self.owners.lock().unwrap_or_else(|p| p.into_inner()).get(owner).cloned().unwrap_or_default();
        let mut v: Vec<Case> = ids.iter().filter_map(|id| map.get(id)).cloned().collect();
        sort_cases(&mut v);
        Ok(v)
    }

    fn erase(&self, cases: &[String], merchants: &[String]) -> StoreResult<usize> {
        let names: Vec<String> =
            cases.iter().map(|c| case_key(c)).chain(merchants.iter().map(|m| merchant_key(m))).collect();
        self.keys.destroy(&names)?;
        let mut map = self.lock();
        let mut owners = self.owners.lock().unwrap_or_else(|p| p.into_inner());
        let mut n = 0;
        for id in cases {
            if let Some(c) = map.remove(id) {
                n += 1;
                owners.entry(c.owner).or_default().remove(id);
            }
            self.replied.lock().unwrap_or_else(|p| p.into_inner()).remove(id);
        }
        owners.retain(|_, ids| !ids.is_empty());
        self.reminders
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|k| parse_reminder_key(k).is_none_or(|(_, id)| !cases.contains(&id)));
        let mut ms = self.merchants.lock().unwrap_or_else(|p| p.into_inner());
        merchants.iter().for_each(|m| drop(ms.remove(m)));
        Ok(n)
    }

    fn keys(&self) -> &Keyring {
        &self.keys
    }

    fn next_id(&self) -> StoreResult<u64> {
        Ok(self.ids.fetch_add(1, Ordering::SeqCst) + 1)
    }

    fn flush(&self) -> StoreResult<()> {
        Ok(())
    }

    fn save_merchant(&self, m: &Merchant) -> StoreResult<()> {
        self.merchants.lock().unwrap_or_else(|p| p.into_inner()).insert(m.code.clone(), m.clone());
        Ok(())
    }

    fn merchant(&self, code: &str) -> StoreResult<Option<Merchant>> {
        Ok(self.merchants.lock().unwrap_or_else(|p| p.into_inner()).get(code).cloned())
    }

    fn schedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.reminders.lock().unwrap_or_else(|p| p.into_inner()).insert(reminder_key(at, case_id));
        Ok(())
    }

    fn due(&self, now: DateTime<Utc>) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        let upto = reminder_key(now, "\u{10FFFF}");
        let q = self.reminders.lock().unwrap_or_else(|p| p.into_inner());
        Ok(q.iter()
            .take_while(|k| **k <= upto)
            .filter_map(|k| parse_reminder_key(k))
            .filter(|(at, _)| *at <= now)
            .collect())
    }

    fn unschedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.reminders.lock().unwrap_or_else(|p| p.into_inner()).remove(&reminder_key(at, case_id));
        Ok(())
    }

    fn merchant_of(&self, owner: &str) -> StoreResult<Option<Merchant>> {
        Ok(self.merchants.lock().unwrap_or_else(|p| p.into_inner()).values().find(|m| m.owner == owner).cloned())
    }

    fn merchants(&self) -> StoreResult<Vec<Merchant>> {
        Ok(self.merchants.lock().unwrap_or_else(|p| p.into_inner()).values().cloned().collect())
    }

    fn last_id(&self) -> StoreResult<u64> {
        Ok(self.ids.load(Ordering::SeqCst))
    }

    fn reserve_ids(&self, n: u64) -> StoreResult<()> {
        self.ids.fetch_max(n, Ordering::SeqCst);
        Ok(())
    }

    fn mark_replied(&self, case_id: &str, update: u64) -> StoreResult<()> {
        self.replied.lock().unwrap_or_else(|p| p.into_inner()).insert(case_id.to_string(), update);
        Ok(())
    }

    fn replied(&self, case_id: &str) -> StoreResult<Option<u64>> {
        Ok(self.replied.lock().unwrap_or_else(|p| p.into_inner()).get(case_id).copied())
    }

    fn spend(&self, token: &str, until: DateTime<Utc>, now: DateTime<Utc>) -> StoreResult<bool> {
        let mut spent = self.spent.lock().unwrap_or_else(|p| p.into_inner());
        spent.retain(|_, u| *u >= now);
        Ok(spent.insert(token.to_string(), until).is_none())
    }

    fn is_spent(&self, token: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        Ok(self.spent.lock().unwrap_or_else(|p| p.into_inner()).get(token).is_some_and(|u| *u >= now))
    }

    fn restore_case(&self, case: &Case) -> StoreResult<()> {
        let mut map = self.lock();
        if map.contains_key(&case.id) {
            return Err(StoreError::Conflict { id: case.id.clone(), expected: 0, found: case.version });
        }
        map.insert(case.id.clone(), case.clone());
        self.index_owner(case);
        Ok(())
    }
}
