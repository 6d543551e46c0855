//! Erasure, the one path for `/forget yes` and for retention: which records of a person or which expired
//! cases go, then `CaseStore::erase` (keys first, then records) and the group flush, so the person is told
//! "deleted" only once it is on disk.
//! Must not touch: how records are sealed or stored (the store's), files (a channel deletes its own, from
//! the ids this returns).

use super::{App, AppError};
use crate::settings::Retention;
use chrono::Duration;

/// What an erasure removed: ids and codes, so a channel can delete the files it kept of them (a letter is
/// named after its case, a QR code after its merchant); never personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    pub cases: Vec<String>,
    pub merchants: Vec<String>,
}

impl Erased {
    /// The start of the names of files kept of these records (`<case id>-…`, `swipefix-<merchant code>.png`).
    pub fn file_stems(&self) -> Vec<String> {
        self.cases.iter().cloned().chain(self.merchants.iter().map(|m| format!("swipefix-{m}"))).collect()
    }
}

/// What a retention run erased, as counts for the operator and ids for the channel's files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionRun {
    /// Closed cases older than `closed_after_days`.
    pub closed: usize,
    /// Other cases untouched for `inactive_after_days`.
    pub inactive: usize,
    pub erased: Erased,
}

impl App {
    /// Erases every record of `owner`: their cases, their merchant registration and the cases it opened that
    /// no customer has joined yet (those are the merchant's records until then).
    pub fn erase_person(&self, owner: &str) -> Result<Erased, AppError> {
        let store = self.store();
        let mut cases: Vec<String> = store.cases_of(owner)?.into_iter().map(|c| c.id).collect();
        let mut merchants = Vec::new();
        if let Some(m) = store.merchant_of(owner)? {
            cases.extend(crate::merchant::waiting_cases(store, &m)?);
            merchants.push(m.code);
        }
        self.erase(Erased { cases, merchants })
    }

    /// Erases what `what` names and waits until it is on disk.
    fn erase(&self, what: Erased) -> Result<Erased, AppError> {
        if what.cases.is_empty() && what.merchants.is_empty() {
            return Ok(what);
        }
        self.store().erase(&what.cases, &what.merchants)?;
        self.committer().durable()?;
        Ok(what)
    }

    /// Erases the cases `policy` no longer keeps, as of the clock's now: closed ones `closed_after_days`
    /// after their last change, any `inactive_after_days` after it (0 switches a rule off).
    pub fn run_retention(&self, policy: &Retention) -> Result<RetentionRun, AppError> {
        let now = self.now();
        let older = |days: u32, c: &crate::engine::Case| days > 0 && now - c.updated >= Duration::days(i64::from(days));
        let mut run = RetentionRun::default();
        for c in self.store().list()? {
            let closed =
                c.is_closed() || matches!(c.status, crate::engine::Status::Closed | crate::engine::Status::Resolved);
            if closed && older(policy.closed_after_days, &c) {
                run.closed += 1;
            } else if older(policy.inactive_after_days, &c) {
                run.inactive += 1;
            } else {
                continue;
            }
            run.erased.cases.push(c.id);
        }
        run.erased = self.erase(run.erased)?;
        Ok(run)
    }

    /// The retention policy the channels apply in the background (`[retention]`; the defaults until set).
    pub fn retention(&self) -> Retention {
        *self.retention.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Sets the retention policy (`[retention]` in `swipefix.toml`).
    pub fn set_retention(&self, policy: Retention) {
        *self.retention.write().unwrap_or_else(|p| p.into_inner()) = policy;
    }
}
