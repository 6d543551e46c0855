//! The embedded default: cases in sled (`=0.34.7`), as JSON behind a version header, with an owner index.
//! A save checks the version and swaps the record atomically (compare-and-swap), so a stale save is a conflict.

use super::{CaseStore, Merchant, StoreError, StoreResult, parse_reminder_key, reminder_key, sort_cases};
use crate::engine::Case;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};

/// sled's default cache is 1 GiB; a help-desk bot needs a small fraction of that.
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    cases: sled::Tree,
    owners: sled::Tree,
    merchants: sled::Tree,
    reminders: sled::Tree,
}

/// A stored case is `FORMAT_JSON`, its version as 8 big-endian bytes, then the case as JSON: the version can
/// be checked without parsing the case, and the format byte leaves room for another encoding later.
const FORMAT_JSON: u8 = b'J';

fn encode(case: &Case) -> StoreResult<Vec<u8>> {
    let mut bytes = Vec::with_capacity(1024);
    bytes.push(FORMAT_JSON);
    bytes.extend_from_slice(&case.version.to_be_bytes());
    serde_json::to_writer(&mut bytes, case).map_err(|e| StoreError::Backend(e.to_string()))?;
    Ok(bytes)
}

fn record_version(bytes: &[u8]) -> Option<u64> {
    match bytes.split_first() {
        Some((&FORMAT_JSON, rest)) if rest.len() >= 8 => Some(u64::from_be_bytes(rest[..8].try_into().ok()?)),
        _ => None,
    }
}

fn owner_key(owner: &str, id: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(owner.len() + id.len() + 1);
    k.extend_from_slice(owner.as_bytes());
    k.push(0);
    k.extend_from_slice(id.as_bytes());
    k
}

fn owner_prefix(owner: &str) -> Vec<u8> {
    let mut k = owner.as_bytes().to_vec();
    k.push(0);
    k
}

impl SledStore {
    /// Opens (or creates) the database in `dir`. A locked or damaged database is a clear error, not a panic.
    pub fn open(dir: &Path) -> StoreResult<SledStore> {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return Err(StoreError::Open { path: dir.into(), reason: e.to_string() });
        }
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(CACHE_BYTES)
            .flush_every_ms(Some(500))
            .open()
            .map_err(|e| open_error(dir, e))?;
        let cases = db.open_tree("cases").map_err(|e| open_error(dir, e))?;
        let owners = db.open_tree("owners").map_err(|e| open_error(dir, e))?;
        let merchants = db.open_tree("merchants").map_err(|e| open_error(dir, e))?;
        let reminders = db.open_tree("reminders").map_err(|e| open_error(dir, e))?;
        Ok(SledStore { path: dir.into(), db, cases, owners, merchants, reminders })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn decode(&self, id: &[u8], bytes: &[u8]) -> StoreResult<Case> {
        let bad = |reason: String| StoreError::BadRecord { id: String::from_utf8_lossy(id).into_owned(), reason };
        match bytes.split_first() {
            Some((&FORMAT_JSON, rest)) if rest.len() >= 8 => {
                serde_json::from_slice(&rest[8..]).map_err(|e| bad(e.to_string()))
            }
            _ => Err(bad("unknown record format".into())),
        }
    }

    fn err(&self, e: sled::Error) -> StoreError {
        match e {
            sled::Error::Corruption { .. } => StoreError::Corrupt { path: self.path.clone(), reason: e.to_string() },
            other => StoreError::Backend(other.to_string()),
        }
    }
}

fn open_error(dir: &Path, e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) if io.kind() == std::io::ErrorKind::WouldBlock || io.to_string().contains("lock") => {
            StoreError::Locked { path: dir.into() }
        }
        sled::Error::Corruption { .. } => StoreError::Corrupt { path: dir.into(), reason: e.to_string() },
        sled::Error::Unsupported(s) => StoreError::Corrupt { path: dir.into(), reason: s },
        sled::Error::ReportableBug(s) => StoreError::Corrupt { path: dir.into(), reason: s },
        other => StoreError::Open { path: dir.into(), reason: other.to_string() },
    }
}

impl CaseStore for SledStore {
    fn load(&self, id: &str) -> StoreResult<Option<Case>> {
        match self.cases.get(id.as_bytes()).map_err(|e| self.err(e))? {
            Some(b) => Ok(Some(self.decode(id.as_bytes(), &b)?)),
            None => Ok(None),
        }
    }

    fn save(&self, case: &Case) -> StoreResult<u64> {
        let mut stored = case.clone();
        stored.version = case.version + 1;
        let bytes = encode(&stored)?;
        // The index entry goes first: a crash in between leaves an entry pointing at nothing (or at a case now
        // owned by someone else), which `cases_of` skips, never a case its owner cannot find. Written on every
        // save because a case can change hands (a customer joining a case a merchant opened).
        let okey = owner_key(&case.owner, &case.id);
        // A read is far cheaper than a write: only a new case or a new owner writes the index.
        if !self.owners.contains_key(&okey).map_err(|e| self.err(e))? {
            self.owners.insert(okey, &[] as &[u8]).map_err(|e| self.err(e))?;
        }
        let old = self.cases.get(case.id.as_bytes()).map_err(|e| self.err(e))?;
        let found = match &old {
            None => 0,
            Some(o) => record_version(o).ok_or_else(|| StoreError::BadRecord {
                id: case.id.clone(),
                reason: "the record has no version header".into(),
            })?,
        };
        if found != case.version {
            return Err(StoreError::Conflict { id: case.id.clone(), expected: case.version, found });
        }
        // Compare-and-swap on the exact bytes read: another writer in between makes this a conflict.
        match self.cases.compare_and_swap(case.id.as_bytes(), old, Some(bytes)).map_err(|e| self.err(e))? {
            Ok(()) => Ok(stored.version),
            Err(cas) => Err(StoreError::Conflict {
                id: case.id.clone(),
                expected: case.version,
                found: cas.current.as_deref().and_then(record_version).unwrap_or(0),
            }),
        }
    }

    fn list(&self) -> StoreResult<Vec<Case>> {
        let mut out = Vec::new();
        for kv in self.cases.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            out.push(self.decode(&k, &v)?);
        }
        sort_cases(&mut out);
        Ok(out)
    }

    fn cases_of(&self, owner: &str) -> StoreResult<Vec<Case>> {
        let prefix = owner_prefix(owner);
        let mut out = Vec::new();
        for kv in self.owners.scan_prefix(&prefix) {
            let (k, _) = kv.map_err(|e| self.err(e))?;
            let id = &k[prefix.len()..];
            if let Some(v) = self.cases.get(id).map_err(|e| self.err(e))? {
                let c = self.decode(id, &v)?;
                if c.owner == owner {
                    out.push(c);
                }
            }
        }
        sort_cases(&mut out);
        Ok(out)
    }

    fn delete_user(&self, owner: &str) -> StoreResult<usize> {
        let prefix = owner_prefix(owner);
        let keys: Vec<sled::IVec> =
            self.owners.scan_prefix(&prefix).keys().collect::<Result<_, _>>().map_err(|e| self.err(e))?;
        let mut n = 0;
        for k in keys {
            let id = &k[prefix.len()..];
            if self.cases.remove(id).map_err(|e| self.err(e))?.is_some() {
                n += 1;
            }
            self.owners.remove(&k).map_err(|e| self.err(e))?;
        }
        if let Some(m) = self.merchant_of(owner)? {
            self.merchants.remove(m.code.as_bytes()).map_err(|e| self.err(e))?;
        }
        self.flush()?;
        Ok(n)
    }

    fn next_id(&self) -> StoreResult<u64> {
        self.db.generate_id().map(|n| n + 1).map_err(|e| self.err(e))
    }

    fn flush(&self) -> StoreResult<()> {
        self.db.flush().map(|_| ()).map_err(|e| self.err(e))
    }

    fn save_merchant(&self, m: &Merchant) -> StoreResult<()> {
        let bytes = serde_json::to_vec(m).map_err(|e| StoreError::Backend(e.to_string()))?;
        self.merchants.insert(m.code.as_bytes(), bytes).map_err(|e| self.err(e))?;
        Ok(())
    }

    fn merchant(&self, code: &str) -> StoreResult<Option<Merchant>> {
        match self.merchants.get(code.as_bytes()).map_err(|e| self.err(e))? {
            None => Ok(None),
            Some(b) => serde_json::from_slice(&b)
                .map(Some)
                .map_err(|e| StoreError::BadRecord { id: code.to_string(), reason: e.to_string() }),
        }
    }

    fn schedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.reminders.insert(reminder_key(at, case_id), &[] as &[u8]).map_err(|e| self.err(e))?;
        Ok(())
    }

    fn due(&self, now: DateTime<Utc>) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        let mut out = Vec::new();
        for k in self.reminders.range(..=reminder_key(now, "\u{10FFFF}")).keys() {
            let k = k.map_err(|e| self.err(e))?;
            if let Some((at, id)) = parse_reminder_key(&k).filter(|(at, _)| *at <= now) {
                out.push((at, id));
            }
        }
        Ok(out)
    }

    fn unschedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()> {
        self.reminders.remove(reminder_key(at, case_id)).map_err(|e| self.err(e))?;
        Ok(())
    }

    fn merchant_of(&self, owner: &str) -> StoreResult<Option<Merchant>> {
        // Few merchants; a scan is fine until there are many (then: an owner index like the cases').
        for kv in self.merchants.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let m: Merchant = serde_json::from_slice(&v).map_err(|e| StoreError::BadRecord {
                id: String::from_utf8_lossy(&k).into_owned(),
                reason: e.to_string(),
            })?;
            if m.owner == owner {
                return Ok(Some(m));
            }
        }
        Ok(None)
    }
}
