//! `swipefix backup FILE` / `swipefix restore FILE`: every record of a store as JSON lines, for any
//! `CaseStore` (sled today, a networked store later), and back into an empty store.
//!
//! The file is a header line, one line per case, merchant and queued follow-up, and an end line with the
//! counts: a cut-off or edited file is refused on restore instead of restoring part of it. Cases keep their
//! versions and their schema (old ones are migrated as they are read). A case holds at most the last 4 card
//! digits, so a backup does too — but it is personal data: keep it like the database.

use super::{CaseStore, Merchant, StoreError};
use crate::engine::Case;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

pub const FORMAT: &str = "swipefix-backup";
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Line {
    Header { format: String, version: u32, created: DateTime<Utc>, last_id: u64 },
    Case { case: Box<serde_json::Value> },
    Merchant { merchant: Merchant },
    Reminder { at: DateTime<Utc>, case_id: String },
    End { cases: usize, merchants: usize, reminders: usize },
}

/// What a backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub cases: usize,
    pub merchants: usize,
    pub reminders: usize,
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
}

/// Writes every record of `store` to `out`.
pub fn backup(store: &dyn CaseStore, now: DateTime<Utc>, out: &mut dyn Write) -> Result<Counts, BackupError> {
    let mut write = |line: &Line| -> Result<(), BackupError> {
        serde_json::to_writer(&mut *out, line).map_err(|e| BackupError::Write(e.into()))?;
        out.write_all(b"\n").map_err(BackupError::Write)
    };
    write(&Line::Header { format: FORMAT.into(), version: VERSION, created: now, last_id: store.last_id()? })?;
    let mut n = Counts::default();
    for c in store.list()? {
        let value = serde_json::to_value(&c).map_err(|e| BackupError::Write(e.into()))?;
        write(&Line::Case { case: Box::new(value) })?;
        n.cases += 1;
    }
    for m in store.merchants()? {
        write(&Line::Merchant { merchant: m })?;
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

/// Reads a whole backup and checks it, then puts it into `store`, which must be empty. Nothing is written
/// unless the file is complete and every line reads.
pub fn restore(store: &dyn CaseStore, input: &mut dyn BufRead) -> Result<Counts, BackupError> {
    let held = store.list()?.len() + store.merchants()?.len();
    if held > 0 {
        return Err(BackupError::NotEmpty(held));
    }
    let mut cases: Vec<Case> = Vec::new();
    let mut merchants = Vec::new();
    let mut reminders = Vec::new();
    let mut last_id = 0;
    let mut ended = None;
    let mut no = 0;
    for line in input.lines() {
        let line = line.map_err(BackupError::Read)?;
        no += 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| BackupError::Bad { line: no, reason };
        if ended.is_some() {
            return Err(bad("text after the end line".into()));
        }
        let parsed: Line = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
        match parsed {
            Line::Header { format, version, last_id: l, .. } => {
                if no != 1 || format != FORMAT {
                    return Err(bad(format!("not a {FORMAT} file")));
                }
                if version > VERSION {
                    return Err(bad(format!("backup format {version} is newer than this swipefix reads ({VERSION})")));
                }
                last_id = l;
            }
            _ if no == 1 => return Err(bad(format!("not a {FORMAT} file (no header line)"))),
            Line::Case { case } => {
                let bytes = serde_json::to_vec(&case).map_err(|e| bad(e.to_string()))?;
                cases.push(crate::store::case_codec::decode(&bytes).map_err(bad)?);
            }
            Line::Merchant { merchant } => merchants.push(merchant),
            Line::Reminder { at, case_id } => reminders.push((at, case_id)),
            Line::End { cases: c, merchants: m, reminders: r } => {
                ended = Some(Counts { cases: c, merchants: m, reminders: r })
            }
        }
    }
    let Some(want) = ended else { return Err(BackupError::Truncated(no)) };
    let got = Counts { cases: cases.len(), merchants: merchants.len(), reminders: reminders.len() };
    if got != want {
        return Err(BackupError::Bad {
            line: no,
            reason: format!("the end line counts {want:?}, the file holds {got:?}"),
        });
    }
    store.reserve_ids(last_id)?;
    for c in &cases {
        store.restore_case(c)?;
    }
    for m in &merchants {
        store.save_merchant(m)?;
    }
    for (at, id) in &reminders {
        store.schedule(*at, id)?;
    }
    store.flush()?;
    Ok(got)
}
