//! `swipefix db copy`: a whole deployment from one store to another (sled to PostgreSQL and back), through
//! the backup format — the same checks as a restore (complete file, counts, an empty target) — with the keys
//! taken over first, so every sealed record opens on the other side.
//! Owns: the order of a copy. Must not touch: the backup format (`backup`), records.

use super::CaseStore;
use super::backup::{self, BackupError, Counts};
use chrono::{DateTime, Utc};
use std::io::BufReader;

/// Copies every case, merchant and follow-up of `from` into `to`, which must be empty and opened with the
/// same master key. The backup streams through a pipe: nothing of it lands on disk.
pub fn copy(from: &dyn CaseStore, to: &dyn CaseStore, now: DateTime<Utc>) -> Result<Counts, BackupError> {
    let held = to.list()?.len() + to.merchants()?.len();
    if held > 0 {
        return Err(BackupError::NotEmpty(held));
    }
    to.keys().adopt(from.keys()).map_err(|e| BackupError::Store(e.into()))?;
    let (reader, mut writer) = std::io::pipe().map_err(BackupError::Write)?;
    std::thread::scope(|s| {
        let written = s.spawn(move || {
            let r = backup::backup(from, now, &mut writer);
            // Closing the pipe ends the reader's input, also after a failed backup.
            drop(writer);
            r
        });
        let restored = backup::restore(to, &mut BufReader::new(reader));
        // A failed read of the source is the cause; the restore then only saw a cut-off file.
        written.join().unwrap_or_else(|_| Err(BackupError::Write(std::io::Error::other("the backup panicked"))))?;
        restored
    })
}
