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

#[cfg(test)]
mod tests {
    use super::super::{FORMAT_JSON, SledStore};
    use crate::store::{CaseStore, Merchant};

    /// A database from before sealing: plaintext cases (schema 3) behind the version header, the raw owner
    /// index, a plaintext merchant. Opened, it is sealed and reindexed, and nothing is lost.
    #[test]
    fn plaintext_records_of_an_older_database_are_sealed_at_open_and_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let case = serde_json::json!({
            "schema": 3, "id": "SF-261125-0001", "owner": "tg:424242", "role": null, "locale": "en-US",
            "jurisdiction": "cn", "node": "amount", "answers": {"shop": {"type": "text", "value": "Old Shop"}},
            "created": at, "updated": at,
        });
        let m = Merchant {
            code: "m_old".into(),
            owner: "tg:424242".into(),
            shop: "Old Shop".into(),
            terminals: vec![],
            review: Default::default(),
            locale: None,
            created: at,
        };
        {
            let db = sled::open(dir.path()).unwrap();
            let mut record = vec![FORMAT_JSON];
            record.extend_from_slice(&7u64.to_be_bytes());
            record.extend_from_slice(&serde_json::to_vec(&case).unwrap());
            db.open_tree("cases").unwrap().insert("SF-261125-0001", record).unwrap();
            db.open_tree("owners").unwrap().insert(b"tg:424242\0SF-261125-0001", &[] as &[u8]).unwrap();
            db.open_tree("merchants").unwrap().insert("m_old", serde_json::to_vec(&m).unwrap()).unwrap();
            db.flush().unwrap();
        }
        let store = SledStore::open(dir.path()).unwrap();
        let c = store.load("SF-261125-0001").unwrap().expect("the old case loads");
        assert_eq!((c.version, c.node.as_str()), (7, "amount"));
        assert_eq!(store.cases_of("tg:424242").unwrap(), vec![c.clone()], "found through the hashed index");
        assert_eq!(store.merchant_of("tg:424242").unwrap(), Some(m.clone()));
        let raw = store.cases.get("SF-261125-0001").unwrap().unwrap();
        assert_eq!(raw[0], super::FORMAT_SEALED, "sealed at open");
        assert!(!raw.windows(8).any(|w| w == b"Old Shop"));
        assert!(!store.db.tree_names().iter().any(|n| n.as_ref() == super::LEGACY_INDEX), "the raw index is gone");
        let mut c2 = c.clone();
        c2.node = "time".into();
        assert_eq!(store.save(&c2).unwrap(), 8, "and it goes on from its version");
    }
}
