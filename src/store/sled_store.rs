//! The embedded default: cases in sled (`=0.34.7`), sealed with a key per case behind a version header, with
//! an owner index keyed by a keyed hash of the owner (never a Telegram id). A save checks the version and
//! swaps the record atomically (compare-and-swap), so a stale save is a conflict. Merchant registrations are
//! sealed too. Records from before sealing (plaintext JSON) are sealed when the database is opened.
//!
//! sled reads a damaged log as far as it is intact and silently drops the rest: a corrupt file would open as
//! an older, or empty, database. So every write is counted; a flush stores the count in the `meta` tree, and
//! once the flush is on disk writes it to `swipefix-check` beside the database. A database that holds fewer
//! writes than a finished flush made durable is refused as damaged instead of quietly serving old cases.

use super::keys::{ID_LEN, KeyId, Keyring, MasterKey};
use super::{
    CaseStore, Merchant, StoreError, StoreResult, case_key, merchant_key, parse_reminder_key, reminder_key, sort_cases,
};
use crate::engine::Case;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// sled's default cache is 1 GiB; a help-desk bot needs a small fraction of that.
const CACHE_BYTES: u64 = 16 * 1024 * 1024;

pub struct SledStore {
    path: PathBuf,
    db: sled::Db,
    cases: sled::Tree,
    /// The owner index: the owner's keyed hash, then the case id; no value.
    people: sled::Tree,
    merchants: sled::Tree,
    reminders: sled::Tree,
    /// `writes` (every change counted) and `next_id` (case numbers).
    meta: sled::Tree,
    /// Case id -> the last update whose reply went out.
    replied: sled::Tree,
    /// Spent single-use tokens -> when they expire (milliseconds, big-endian).
    spent: sled::Tree,
    writes: AtomicU64,
    /// The count last written to the check file; the lock keeps two flushes from racing on the file.
    checked: Mutex<u64>,
    keys: Arc<Keyring>,
}

/// The file beside the database that records how many writes a flush made durable.
pub const CHECK_FILE: &str = "swipefix-check";
const META_WRITES: &[u8] = b"writes";
const META_NEXT_ID: &[u8] = b"next_id";

mod sealing;

fn read_u64(v: Option<sled::IVec>) -> u64 {
    v.and_then(|b| <[u8; 8]>::try_from(b.as_ref()).ok()).map_or(0, u64::from_be_bytes)
}

/// What the check file says: `writes N`.
fn read_check(file: &Path) -> Result<Option<u64>, String> {
    match std::fs::read_to_string(file) {
        Ok(text) => text
            .trim()
            .strip_prefix("writes ")
            .and_then(|n| n.trim().parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{} is not a swipefix check file (`writes N`)", file.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", file.display())),
    }
}

/// A stored case is a format byte, its version as 8 big-endian bytes, then the case: the version can be
/// checked without opening the case. `FORMAT_JSON` (plain JSON) is only read, from databases written before
/// records were sealed; `FORMAT_SEALED` is the case's JSON sealed with the case's own key.
const FORMAT_JSON: u8 = b'J';
const FORMAT_SEALED: u8 = b'E';
/// What a sealed case's or merchant's ciphertext is bound to (`Keyring::seal`'s context).
const CASE: &[u8] = b"case";
const MERCHANT: &[u8] = b"merchant";

fn record_version(bytes: &[u8]) -> Option<u64> {
    match bytes.split_first() {
        Some((&(FORMAT_JSON | FORMAT_SEALED), rest)) if rest.len() >= 8 => {
            Some(u64::from_be_bytes(rest[..8].try_into().ok()?))
        }
        _ => None,
    }
}

/// The index key of one case of a person: their keyed hash, then the case id.
fn owner_key(person: KeyId, id: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(ID_LEN + id.len());
    k.extend_from_slice(&person.0);
    k.extend_from_slice(id.as_bytes());
    k
}

/// Opens sled in `dir`, waiting a moment for a lock this process just released.
fn open_db(dir: &Path) -> StoreResult<sled::Db> {
    // sled can panic on some damage instead of returning an error: that is a damaged database too.
    let open = || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            sled::Config::new().path(dir).cache_capacity(CACHE_BYTES).flush_every_ms(Some(500)).open()
        }))
    };
    // A database this process just closed can stay locked for a moment while sled's background writes
    // finish; another process holding it is still there after the wait.
    let mut opened = open();
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(2);
    while matches!(&opened, Ok(Err(e)) if matches!(open_error(dir, e.clone()), StoreError::Locked { .. }))
        && std::time::Instant::now() < give_up
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
        opened = open();
    }
    match opened {
        Ok(r) => r.map_err(|e| open_error(dir, e)),
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("the database engine failed while reading it");
            Err(StoreError::Corrupt { path: dir.into(), reason: why.to_string() })
        }
    }
}

impl SledStore {
    /// Opens (or creates) the database in `dir`, with the master key file there (created on first start). A
    /// locked or damaged database is a clear error, not a panic.
    pub fn open(dir: &Path) -> StoreResult<SledStore> {
        SledStore::open_with(dir, None)
    }

    /// Opens (or creates) the database in `dir`; `master` is the master key when it comes from elsewhere than
    /// the file in `dir` (the environment, `keys::MASTER_ENV`).
    pub fn open_with(dir: &Path, master: Option<MasterKey>) -> StoreResult<SledStore> {
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::Open { path: dir.into(), reason: "it is not a directory".into() });
        }
        if let Err(e) = std::fs::create_dir_all(dir) {
            return Err(StoreError::Open { path: dir.into(), reason: e.to_string() });
        }
        let corrupt = |reason: String| StoreError::Corrupt { path: dir.into(), reason };
        let db = open_db(dir)?;
        // After sled's lock: a second process must not touch the key file either.
        let keys = Arc::new(Keyring::open(dir, master)?);
        let tree = |name: &str| db.open_tree(name).map_err(|e| open_error(dir, e));
        let (cases, people, merchants, reminders, meta, replied) =
            (tree("cases")?, tree("people")?, tree("merchants")?, tree("reminders")?, tree("meta")?, tree("replied")?);
        let spent = tree("spent_links")?;
        let writes = read_u64(meta.get(META_WRITES).map_err(|e| open_error(dir, e))?);
        let file = dir.join(CHECK_FILE);
        let flushed = read_check(&file).map_err(corrupt)?;
        if let Some(flushed) = flushed
            && writes < flushed
        {
            return Err(corrupt(format!(
                "it holds {writes} writes, but {flushed} were saved to disk ({}); the newest changes are missing",
                file.display()
            )));
        }
        if meta.get(META_NEXT_ID).map_err(|e| open_error(dir, e))?.is_none() {
            // A database from before the counter handed out ids with sled's own generator: continue after
            // them (after a restart it is past every id it gave). A new database starts at 1.
            let fresh = cases.is_empty() && merchants.is_empty();
            let from = if fresh { 0 } else { db.generate_id().map_err(|e| open_error(dir, e))? + 1 };
            meta.insert(META_NEXT_ID, &from.to_be_bytes()).map_err(|e| open_error(dir, e))?;
        }
        let _ = std::fs::remove_file(dir.join(format!("{CHECK_FILE}.tmp")));
        let store = SledStore {
            path: dir.into(),
            db,
            cases,
            people,
            merchants,
            reminders,
            meta,
            replied,
            spent,
            writes: AtomicU64::new(writes),
            checked: Mutex::new(flushed.unwrap_or(0)),
            keys,
        };
        store.seal_old_records()?;
        Ok(store)
    }

    /// The keyring, to share with another store (tests restore a backup of one store into another).
    pub fn keyring(&self) -> Arc<Keyring> {
        self.keys.clone()
    }

    /// Counts a change. The count goes into the database with each flush (see `flush`), so it costs nothing
    /// per write.
    fn wrote(&self) {
        self.writes.fetch_add(1, Ordering::SeqCst);
    }

    /// Sets a counter in the `meta` tree to `next(old)` atomically and returns the new value.
    fn update_counter(&self, key: &[u8], next: impl Fn(u64) -> u64) -> StoreResult<u64> {
        let new = self
            .meta
            .update_and_fetch(key, |old| Some(next(read_u64(old.map(sled::IVec::from))).to_be_bytes().to_vec()))
            .map_err(|e| self.err(e))?;
        Ok(read_u64(new))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A record: the format byte, `version` (big-endian), the case sealed with its own key. The header's
    /// version is the record's: `decode` puts it on the case, so a save need not copy the case to change it.
    fn encode(&self, case: &Case, version: u64) -> StoreResult<Vec<u8>> {
        let json = serde_json::to_vec(case).map_err(|e| StoreError::Backend(e.to_string()))?;
        let sealed = self.keys.seal(&case_key(&case.id), CASE, &json)?;
        let mut bytes = Vec::with_capacity(9 + sealed.len());
        bytes.push(FORMAT_SEALED);
        bytes.extend_from_slice(&version.to_be_bytes());
        bytes.extend_from_slice(&sealed);
        Ok(bytes)
    }

    /// The case in a record; `None` when its key was destroyed (erased, the rest of the erasure cut off by a
    /// crash: `seal_old_records` removes it at the next start).
    fn decode(&self, id: &[u8], bytes: &[u8]) -> StoreResult<Option<Case>> {
        let bad = |reason: String| StoreError::BadRecord { id: String::from_utf8_lossy(id).into_owned(), reason };
        let (json, version) = match bytes.split_first() {
            Some((&FORMAT_JSON, rest)) if rest.len() >= 8 => (rest[8..].to_vec(), &rest[..8]),
            Some((&FORMAT_SEALED, rest)) if rest.len() >= 8 => {
                match self.keys.open_sealed(CASE, &rest[8..]).map_err(|e| bad(e.to_string()))? {
                    Some(json) => (json, &rest[..8]),
                    None => return Ok(None),
                }
            }
            _ => return Err(bad("unknown record format".into())),
        };
        let mut c = crate::store::case_codec::decode(&json).map_err(bad)?;
        c.version = u64::from_be_bytes(version.try_into().expect("8 bytes"));
        Ok(Some(c))
    }

    /// A merchant record: `FORMAT_SEALED`, the owner's keyed hash (so `merchant_of` finds it unopened), the
    /// registration sealed with its own key.
    fn encode_merchant(&self, m: &Merchant) -> StoreResult<Vec<u8>> {
        let json = serde_json::to_vec(m).map_err(|e| StoreError::Backend(e.to_string()))?;
        let mut bytes = vec![FORMAT_SEALED];
        bytes.extend_from_slice(&self.keys.person(&m.owner).0);
        bytes.extend_from_slice(&self.keys.seal(&merchant_key(&m.code), MERCHANT, &json)?);
        Ok(bytes)
    }

    /// A merchant record, sealed or (from before sealing) plain JSON; `None` when its key was destroyed.
    fn decode_merchant(&self, code: &[u8], bytes: &[u8]) -> StoreResult<Option<Merchant>> {
        let bad = |reason: String| StoreError::BadRecord { id: String::from_utf8_lossy(code).into_owned(), reason };
        let json = match bytes.split_first() {
            Some((&FORMAT_SEALED, rest)) if rest.len() >= ID_LEN => {
                match self.keys.open_sealed(MERCHANT, &rest[ID_LEN..]).map_err(|e| bad(e.to_string()))? {
                    Some(json) => json,
                    None => return Ok(None),
                }
            }
            _ => bytes.to_vec(),
        };
        serde_json::from_slice(&json).map(Some).map_err(|e| bad(e.to_string()))
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
            Some(b) => self.decode(id.as_bytes(), &b),
            None => Ok(None),
        }
    }

    fn save(&self, case: &Case) -> StoreResult<u64> {
        let version = case.version + 1;
        let bytes = self.encode(case, version)?;
        // The index entry goes first: a crash in between leaves an entry pointing at nothing (or at a case now
        // owned by someone else), which `cases_of` skips, never a case its owner cannot find. Written on every
        // save because a case can change hands (a customer joining a case a merchant opened).
        let okey = owner_key(self.keys.person(&case.owner), &case.id);
        // A read is far cheaper than a write: only a new case or a new owner writes the index.
        if !self.people.contains_key(&okey).map_err(|e| self.err(e))? {
            self.people.insert(okey, &[] as &[u8]).map_err(|e| self.err(e))?;
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
            Ok(()) => {
                self.wrote();
                Ok(version)
            }
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
            out.extend(self.decode(&k, &v)?);
        }
        sort_cases(&mut out);
        Ok(out)
    }

    fn cases_of(&self, owner: &str) -> StoreResult<Vec<Case>> {
        let prefix = self.keys.person(owner).0;
        let mut out = Vec::new();
        for kv in self.people.scan_prefix(prefix) {
            let (k, _) = kv.map_err(|e| self.err(e))?;
            let id = &k[prefix.len()..];
            if let Some(v) = self.cases.get(id).map_err(|e| self.err(e))?
                && let Some(c) = self.decode(id, &v)?
                && c.owner == owner
            {
                out.push(c);
            }
        }
        sort_cases(&mut out);
        Ok(out)
    }

    fn erase(&self, cases: &[String], merchants: &[String]) -> StoreResult<usize> {
        self.erase_records(cases, merchants)
    }

    fn keys(&self) -> &Keyring {
        &self.keys
    }

    fn next_id(&self) -> StoreResult<u64> {
        self.update_counter(META_NEXT_ID, |n| n + 1)
    }

    fn flush(&self) -> StoreResult<()> {
        // The count read before the flush is on disk once it returns; only then may the file say so.
        let upto = self.writes.load(Ordering::SeqCst);
        self.update_counter(META_WRITES, |n| n.max(upto))?;
        self.db.flush().map_err(|e| self.err(e))?;
        let mut checked = self.checked.lock().unwrap_or_else(|p| p.into_inner());
        if upto > *checked {
            // Written and renamed, not fsynced: after a power cut the file can only be older than the
            // database (sled's own flush is fsynced first), which the check accepts.
            let tmp = self.path.join(format!("{CHECK_FILE}.tmp"));
            std::fs::write(&tmp, format!("writes {upto}\n"))
                .and_then(|()| std::fs::rename(&tmp, self.path.join(CHECK_FILE)))
                .map_err(|e| {
                    StoreError::Backend(format!("cannot write {}: {e}", self.path.join(CHECK_FILE).display()))
                })?;
            *checked = upto;
        }
        Ok(())
    }

    fn save_merchant(&self, m: &Merchant) -> StoreResult<()> {
        let bytes = self.encode_merchant(m)?;
        self.merchants.insert(m.code.as_bytes(), bytes).map_err(|e| self.err(e))?;
        self.wrote();
        Ok(())
    }

    fn merchant(&self, code: &str) -> StoreResult<Option<Merchant>> {
        match self.merchants.get(code.as_bytes()).map_err(|e| self.err(e))? {
            None => Ok(None),
            Some(b) => self.decode_merchant(code.as_bytes(), &b),
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
        // Few merchants; a scan of the headers is fine until there are many (then: an index like the cases').
        let person = self.keys.person(owner).0;
        for kv in self.merchants.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            let sealed_theirs = v.first() == Some(&FORMAT_SEALED) && v.get(1..=ID_LEN) == Some(&person[..]);
            if (sealed_theirs || v.first() != Some(&FORMAT_SEALED))
                && let Some(m) = self.decode_merchant(&k, &v)?
                && m.owner == owner
            {
                return Ok(Some(m));
            }
        }
        Ok(None)
    }

    fn merchants(&self) -> StoreResult<Vec<Merchant>> {
        let mut out = Vec::new();
        for kv in self.merchants.iter() {
            let (k, v) = kv.map_err(|e| self.err(e))?;
            out.extend(self.decode_merchant(&k, &v)?);
        }
        Ok(out)
    }

    fn last_id(&self) -> StoreResult<u64> {
        Ok(read_u64(self.meta.get(META_NEXT_ID).map_err(|e| self.err(e))?))
    }

    fn reserve_ids(&self, n: u64) -> StoreResult<()> {
        self.update_counter(META_NEXT_ID, |old| old.max(n)).map(|_| ())
    }

    fn mark_replied(&self, case_id: &str, update: u64) -> StoreResult<()> {
        self.replied.insert(case_id.as_bytes(), &update.to_be_bytes()).map_err(|e| self.err(e))?;
        Ok(())
    }

    fn replied(&self, case_id: &str) -> StoreResult<Option<u64>> {
        let v = self.replied.get(case_id.as_bytes()).map_err(|e| self.err(e))?;
        Ok(v.map(|b| read_u64(Some(b))))
    }

    fn spend(&self, token: &str, until: DateTime<Utc>, now: DateTime<Utc>) -> StoreResult<bool> {
        // Few tokens live at once (sign-ins within ten minutes): the expired ones are swept here.
        for entry in self.spent.iter() {
            let (k, v) = entry.map_err(|e| self.err(e))?;
            if (read_u64(Some(v)) as i64) < now.timestamp_millis() {
                self.spent.remove(k).map_err(|e| self.err(e))?;
            }
        }
        let until = until.timestamp_millis().max(0) as u64;
        let first = self
            .spent
            .compare_and_swap(token.as_bytes(), None as Option<&[u8]>, Some(&until.to_be_bytes()[..]))
            .map_err(|e| self.err(e))?;
        Ok(first.is_ok())
    }

    fn is_spent(&self, token: &str, now: DateTime<Utc>) -> StoreResult<bool> {
        let until = self.spent.get(token.as_bytes()).map_err(|e| self.err(e))?;
        Ok(until.is_some_and(|u| read_u64(Some(u)) as i64 >= now.timestamp_millis()))
    }

    fn restore_case(&self, case: &Case) -> StoreResult<()> {
        let bytes = self.encode(case, case.version)?;
        self.people
            .insert(owner_key(self.keys.person(&case.owner), &case.id), &[] as &[u8])
            .map_err(|e| self.err(e))?;
        match self
            .cases
            .compare_and_swap(case.id.as_bytes(), None as Option<&[u8]>, Some(bytes))
            .map_err(|e| self.err(e))?
        {
            Ok(()) => {
                self.wrote();
                Ok(())
            }
            Err(_) => Err(StoreError::Conflict { id: case.id.clone(), expected: 0, found: case.version }),
        }
    }
}
