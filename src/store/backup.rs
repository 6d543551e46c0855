//! `swipefix backup FILE` / `swipefix restore FILE`: every record of a store as JSON lines, for any
//! `CaseStore` (sled today, a networked store later), and back into an empty store.
//!
//! The file is a header line, one line per case, merchant and queued follow-up, and an end line with the
//! counts: a cut-off or edited file is refused on restore instead of restoring part of it. Cases keep their
//! versions and their schema (old ones are migrated as they are read).
//!
//! Cases and merchant registrations are sealed with their own keys (format 2), which stay in the data
//! directory's key file and are never written to a backup: a record erased after the backup was taken has no
//! key any more, so restoring that backup skips it and the file itself reveals nothing of it. The header
//! names the master key by a fingerprint, so a backup is never restored with other keys. Format 1 backups
//! (plaintext, from before sealing) still restore.

use super::{CaseStore, Merchant, StoreError, case_key, merchant_key};
use crate::engine::Case;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::{BufRead, Write};

pub const FORMAT: &str = "swipefix-backup";
pub const VERSION: u32 = 2;
/// What a sealed case's or merchant's ciphertext in a backup is bound to.
const CASE: &[u8] = b"backup case";
const MERCHANT: &[u8] = b"backup merchant";

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Line {
    Header {
        format: String,
        version: u32,
        created: DateTime<Utc>,
        last_id: u64,
        /// The fingerprint of the master key the records are sealed under (format 2).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        keys: Option<String>,
    },
    /// Format 1: a case in plaintext (read only).
    Case {
        case: Box<serde_json::Value>,
    },
    /// Format 1: a merchant in plaintext (read only).
    Merchant {
        merchant: Merchant,
    },
    /// A case sealed with its key: base64 of `Keyring::seal`.
    SealedCase {
        id: String,
        data: String,
    },
    SealedMerchant {
        code: String,
        data: String,
    },
    Reminder {
        at: DateTime<Utc>,
        case_id: String,
    },
    End {
        cases: usize,
        merchants: usize,
        reminders: usize,
    },
}

/// What a backup holds, or what a restore put back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub cases: usize,
    pub merchants: usize,
    pub reminders: usize,
    /// Records in the file whose key was destroyed since (erased): not restored.
    pub erased: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the backup: {0}")]
    Write(std::io::Error),
    #[error("cannot read the backup: {0}")]
    Read(std::io::Error),
    #[error("line {line}: {reason}")]
    Bad { line: usize, reason: String },
    #[error("the backup ends early at line {0}: it was cut off (no end line); nothing was restored")]
    Truncated(usize),
    #[error("restore needs an empty store, and this one holds {0} cases or merchants: use a new --data directory")]
    NotEmpty(usize),
    #[error(
        "the backup was sealed under master key {backup}, and this data directory has {here}: restore with the \
         key file and master key of the data directory it came from (--keys-from)"
    )]
    OtherKeys { backup: String, here: String },
}

/// Writes every record of `store` to `out`, cases and merchants sealed with their keys.
pub fn backup(store: &dyn CaseStore, now: DateTime<Utc>, out: &mut dyn Write) -> Result<Counts, BackupError> {
    let mut write = |line: &Line| -> Result<(), BackupError> {
        serde_json::to_writer(&mut *out, line).map_err(|e| BackupError::Write(e.into()))?;
        out.write_all(b"\n").map_err(BackupError::Write)
    };
    let keys = store.keys();
    let fingerprint = Some(keys.fingerprint().to_string());
    write(&Line::Header {
        format: FORMAT.into(),
        version: VERSION,
        created: now,
        last_id: store.last_id()?,
        keys: fingerprint,
    })?;
    let mut n = Counts::default();
    for c in store.list()? {
        let sealed = keys.seal(&case_key(&c.id), CASE, &to_json(&c)?).map_err(StoreError::from)?;
        write(&Line::SealedCase { id: c.id, data: BASE64.encode(sealed) })?;
        n.cases += 1;
    }
    for m in store.merchants()? {
        let sealed = keys.seal(&merchant_key(&m.code), MERCHANT, &to_json(&m)?).map_err(StoreError::from)?;
        write(&Line::SealedMerchant { code: m.code, data: BASE64.encode(sealed) })?;
        n.merchants += 1;
    }
    for (at, case_id) in store.queued()? {
        write(&Line::Reminder { at, case_id })?;
        n.reminders += 1;
    }
    write(&Line::End { cases: n.cases, merchants: n.merchants, reminders: n.reminders })?;
    out.flush().map_err(BackupError::Write)?;
    Ok(n)
}

fn to_json<T: Serialize>(v: &T) -> Result<Vec<u8>, BackupError> {
    serde_json::to_vec(v).map_err(|e| BackupError::Write(e.into()))
}

/// A backup read and checked, before anything is written.
#[derive(Default)]
struct Read {
    cases: Vec<Case>,
    merchants: Vec<Merchant>,
    reminders: Vec<(DateTime<Utc>, String)>,
    /// Ids of cases whose key is gone: erased since the backup.
    erased_cases: BTreeSet<String>,
    erased_merchants: usize,
    last_id: u64,
    /// The counts the end line states.
    ended: Option<Counts>,
}

/// Reads a whole backup and checks it, then puts it into `store`, which must be empty. Nothing is written
/// unless the file is complete and every line reads. Records erased since the backup was taken are skipped.
pub fn restore(store: &dyn CaseStore, input: &mut dyn BufRead) -> Result<Counts, BackupError> {
    let held = store.list()?.len() + store.merchants()?.len();
    if held > 0 {
        return Err(BackupError::NotEmpty(held));
    }
    let mut read = Read::default();
    let mut no = 0;
    for line in input.lines() {
        let line = line.map_err(BackupError::Read)?;
        no += 1;
        if line.trim().is_empty() {
            continue;
        }
        if read.ended.is_some() {
            return Err(BackupError::Bad { line: no, reason: "text after the end line".into() });
        }
        read_line(store, &mut read, no, &line)?;
    }
    let Some(want) = read.ended else { return Err(BackupError::Truncated(no)) };
    let got = Counts {
        cases: read.cases.len() + read.erased_cases.len(),
        merchants: read.merchants.len() + read.erased_merchants,
        reminders: read.reminders.len(),
        erased: 0,
    };
    if got != want {
        return Err(BackupError::Bad {
            line: no,
            reason: format!("the end line counts {want:?}, the file holds {got:?}"),
        });
    }
    put(store, read)
}

/// Writes what was read into the store: everything but the erased records and their follow-ups.
fn put(store: &dyn CaseStore, read: Read) -> Result<Counts, BackupError> {
    store.reserve_ids(read.last_id)?;
    for c in &read.cases {
        store.restore_case(c)?;
    }
    for m in &read.merchants {
        store.save_merchant(m)?;
    }
    let reminders: Vec<_> = read.reminders.iter().filter(|(_, id)| !read.erased_cases.contains(id)).collect();
    for (at, id) in &reminders {
        store.schedule(*at, id)?;
    }
    store.flush()?;
    Ok(Counts {
        cases: read.cases.len(),
        merchants: read.merchants.len(),
        reminders: reminders.len(),
        erased: read.erased_cases.len() + read.erased_merchants,
    })
}

/// One line of a backup into `read`.
fn read_line(store: &dyn CaseStore, read: &mut Read, no: usize, line: &str) -> Result<(), BackupError> {
    let bad = |reason: String| BackupError::Bad { line: no, reason };
    let parsed: Line = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
    match parsed {
        Line::Header { format, version, last_id, keys, .. } => {
            if no != 1 || format != FORMAT {
                return Err(bad(format!("not a {FORMAT} file")));
            }
            if version > VERSION {
                return Err(bad(format!("backup format {version} is newer than this swipefix reads ({VERSION})")));
            }
            let here = store.keys().fingerprint();
            if let Some(backup) = keys.filter(|k| k != here) {
                return Err(BackupError::OtherKeys { backup, here: here.to_string() });
            }
            read.last_id = last_id;
        }
        _ if no == 1 => return Err(bad(format!("not a {FORMAT} file (no header line)"))),
        Line::Case { case } => {
            let bytes = serde_json::to_vec(&case).map_err(|e| bad(e.to_string()))?;
            read.cases.push(crate::store::case_codec::decode(&bytes).map_err(bad)?);
        }
        Line::Merchant { merchant } => read.merchants.push(merchant),
        Line::SealedCase { id, data } => match open(store, CASE, &data).map_err(bad)? {
            Some(json) => read.cases.push(crate::store::case_codec::decode(&json).map_err(bad)?),
            None => drop(read.erased_cases.insert(id)),
        },
        Line::SealedMerchant { data, .. } => match open(store, MERCHANT, &data).map_err(bad)? {
            Some(json) => read.merchants.push(serde_json::from_slice(&json).map_err(|e| bad(e.to_string()))?),
            None => read.erased_merchants += 1,
        },
        Line::Reminder { at, case_id } => read.reminders.push((at, case_id)),
        Line::End { cases, merchants, reminders } => {
            read.ended = Some(Counts { cases, merchants, reminders, erased: 0 })
        }
    }
    Ok(())
}

/// A sealed record of the backup, opened; `None` when its key was destroyed.
fn open(store: &dyn CaseStore, context: &[u8], data: &str) -> Result<Option<Vec<u8>>, String> {
    let sealed = BASE64.decode(data).map_err(|e| format!("not base64: {e}"))?;
    store.keys().open_sealed(context, &sealed).map_err(|e| e.to_string())
}
