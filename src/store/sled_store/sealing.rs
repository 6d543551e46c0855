//! The sled store's erasure and the sealing of records written before sealing existed.
//! Owns: which trees an erasure touches, and the one-time migration at open.
//! Must not touch: how records are sealed (`keys`) or encoded (the parent module).

use super::super::keys::{ID_LEN, Keyring};
use super::{FORMAT_JSON, FORMAT_SEALED, SledStore, owner_key};
use crate::store::{StoreResult, case_key, merchant_key, parse_reminder_key};
use std::collections::BTreeSet;

/// The owner index's tree before owners were hashed: raw `owner\0case id` keys.
const LEGACY_INDEX: &[u8] = b"owners";

impl SledStore {
    /// Erases cases and merchants: first their keys (one durable rewrite of the key file — from then on, every
    /// copy of their records, in sled's log or in a backup, is ciphertext without a key), then the records,
    /// the index entries that point at them, their queued follow-ups and reply notes.
    pub(super) fn erase_records(&self, cases: &[String], merchants: &[String]) -> StoreResult<usize> {
        let names: Vec<String> =
            cases.iter().map(|c| case_key(c)).chain(merchants.iter().map(|m| merchant_key(m))).collect();
        self.keys.destroy(&names)?;
        let ids: BTreeSet<&[u8]> = cases.iter().map(|c| c.as_bytes()).collect();
        let mut n = 0;
        for id in &ids {
            if self.cases.remove(id).map_err(|e| self.err(e))?.is_some() {
                n += 1;
            }
            self.replied.remove(id).map_err(|e| self.err(e))?;
        }
        // Every index entry of these cases, also one left by an earlier owner (a merchant's pending case).
        for k in self.people.iter().keys() {
            let k = k.map_err(|e| self.err(e))?;
            if k.len() > ID_LEN && ids.contains(&k[ID_LEN..]) {
                self.people.remove(&k).map_err(|e| self.err(e))?;
            }
        }
        for k in self.reminders.iter().keys() {
            let k = k.map_err(|e| self.err(e))?;
            if parse_reminder_key(&k).is_some_and(|(_, id)| ids.contains(id.as_bytes())) {
                self.reminders.remove(&k).map_err(|e| self.err(e))?;
            }
        }
        for code in merchants {
            self.merchants.remove(code.as_bytes()).map_err(|e| self.err(e))?;
        }
        self.wrote();
        Ok(n)
    }

    /// At open: seals plaintext records (a database from before sealing), moves the owner index to hashed
    /// owners, and removes records whose key is gone (an erasure cut off by a crash after the key went).
    /// Durable before the store is used, so an old record is never left in plaintext by a later crash.
    pub(super) fn seal_old_records(&self) -> StoreResult<()> {
        let legacy = self.db.tree_names().iter().any(|n| n.as_ref() == LEGACY_INDEX);
        let mut changed = self.seal_old_cases(legacy)? + self.seal_old_merchants()?;
        if legacy {
            self.db.drop_tree(LEGACY_INDEX).map_err(|e| self.err(e))?;
            changed += 1;
        }
        if changed > 0 {
            self.wrote();
            crate::store::CaseStore::flush(self)?;
        }
        Ok(())
    }

    /// Seals every plaintext case; with `reindex`, writes every case's hashed index entry. Returns the changes.
    fn seal_old_cases(&self, reindex: bool) -> StoreResult<usize> {
        let mut changed = 0;
        for kv in self.cases.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            if v.first() == Some(&FORMAT_SEALED) && !reindex {
                if sealed_key_gone(&self.keys, v.get(9..)) {
                    self.cases.remove(&k).map_err(|e| self.err(e))?;
                    changed += 1;
                }
                continue;
            }
            let Some(case) = self.decode(&k, &v)? else {
                self.cases.remove(&k).map_err(|e| self.err(e))?;
                changed += 1;
                continue;
            };
            self.people
                .insert(owner_key(self.keys.person(&case.owner), &case.id), &[] as &[u8])
                .map_err(|e| self.err(e))?;
            if v.first() == Some(&FORMAT_JSON) {
                self.cases.insert(&k, self.encode(&case, case.version)?).map_err(|e| self.err(e))?;
            }
            changed += 1;
        }
        Ok(changed)
    }

    /// Seals every plaintext merchant registration and drops those whose key is gone. Returns the changes.
    fn seal_old_merchants(&self) -> StoreResult<usize> {
        let mut changed = 0;
        for kv in self.merchants.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            if v.first() == Some(&FORMAT_SEALED) {
                if sealed_key_gone(&self.keys, v.get(1 + ID_LEN..)) {
                    self.merchants.remove(&k).map_err(|e| self.err(e))?;
                    changed += 1;
                }
                continue;
            }
            if let Some(m) = self.decode_merchant(&k, &v)? {
                self.merchants.insert(&k, self.encode_merchant(&m)?).map_err(|e| self.err(e))?;
                changed += 1;
            }
        }
        Ok(changed)
    }
}

/// Whether a sealed record's key no longer exists.
fn sealed_key_gone(keys: &Keyring, sealed: Option<&[u8]>) -> bool {
    sealed.and_then(Keyring::sealed_with).is_some_and(|id| !keys.has(id))
}
