//! The one commit path: load → change → save with the loaded version → on a conflict, reload and try again
//! (one policy, `TRIES`) → group flush. Turns, staff desk actions, merchant actions and erasure all end
//! here, so every change a person or staff member is told about is on disk first.

use super::AppError;
use crate::engine::Case;
use crate::store::{CaseStore, StoreError};
use std::sync::{Condvar, Mutex};

/// How many times a change is tried from a fresh copy when another writer saved the same case meanwhile.
/// Versions, not locks: a conflict is rare (one person's updates run in order), so a few tries suffice.
pub const TRIES: usize = 5;

/// Runs `attempt` until it does not end in a save conflict, at most `TRIES` times.
pub fn retrying<T>(mut attempt: impl FnMut() -> Result<T, AppError>) -> Result<T, AppError> {
    let mut last = None;
    for _ in 0..TRIES {
        match attempt() {
            Err(AppError::Store(e @ StoreError::Conflict { .. })) => last = Some(e),
            other => return other,
        }
    }
    Err(AppError::Store(last.expect("every try ended in a conflict")))
}

/// Group commit: a change that must be durable waits for one flush that started after its save; one flush
/// serves every change saved before it began. Many people at once cost a few fsyncs, not one each.
#[derive(Default)]
pub struct GroupFlush {
    state: Mutex<FlushState>,
    done: Condvar,
}

#[derive(Default)]
struct FlushState {
    /// Tickets handed out: one per save that wants durability.
    issued: u64,
    /// Every ticket up to this one is on disk.
    flushed: u64,
    running: bool,
}

impl GroupFlush {
    /// Returns once everything saved before the call is on disk.
    pub fn flush(&self, store: &dyn CaseStore) -> Result<(), StoreError> {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.issued += 1;
        let ticket = s.issued;
        loop {
            if s.flushed >= ticket {
                return Ok(());
            }
            if !s.running {
                s.running = true;
                let upto = s.issued;
                drop(s);
                let result = store.flush();
                s = self.state.lock().unwrap_or_else(|p| p.into_inner());
                s.running = false;
                if result.is_ok() {
                    s.flushed = s.flushed.max(upto);
                }
                self.done.notify_all();
                result?;
                continue;
            }
            s = self.done.wait(s).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// The store with its group flush: what the session's parts save through.
pub struct Committer<'a> {
    pub store: &'a dyn CaseStore,
    pub flusher: &'a GroupFlush,
}

impl Committer<'_> {
    /// Saves `case` with the version it was loaded at and waits until it is durable.
    pub fn save(&self, case: &mut Case) -> Result<(), AppError> {
        case.version = self.store.save(case)?;
        self.durable()
    }

    /// Waits until every save so far is on disk.
    pub fn durable(&self) -> Result<(), AppError> {
        Ok(self.flusher.flush(self.store)?)
    }

    /// Loads case `id`, applies `change` and saves it, from a fresh copy on every conflict; `None` when there
    /// is no such case. `change` may run more than once, so it must only change the case.
    pub fn update(&self, id: &str, change: impl Fn(&mut Case)) -> Result<Option<Case>, AppError> {
        retrying(|| {
            let Some(mut c) = self.store.load(id)? else { return Ok(None) };
            change(&mut c);
            self.save(&mut c)?;
            Ok(Some(c))
        })
    }
}
