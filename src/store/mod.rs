//! Keeping cases: the `CaseStore` trait and its implementations (sled on disk, memory for tests). Saves
//! carry the version the case was loaded at; a stale save is a `Conflict`, never an overwrite — versions,
//! not locks, so a networked store can serve several bot instances later. Personal records are sealed with
//! a key of their own (`keys`); erasing destroys the key first, so what the engine's log or a backup still
//! holds stays unreadable.
//! Must not touch: the engine's rules, texts, channels.

pub mod backup;
pub mod case_codec;
pub mod copy;
pub mod keys;
pub mod location;
mod memory;
pub mod postgres;
mod sled_store;

pub use location::Location;
pub use memory::MemoryStore;
pub use postgres::PgStore;
pub use sled_store::SledStore;

use crate::engine::Case;
use chrono::{DateTime, Utc};
pub use keys::{KeyError, Keyring, MasterKey};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A shop that sends its customers to the bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Merchant {
    /// The referral code in its deep link (`m_…`), never a guessable counter alone.
    pub code: String,
    /// The person who registered it (`tg:<id>`).
    pub owner: String,
    pub shop: crate::engine::gate::Clean,
    #[serde(default)]
    pub terminals: Vec<crate::engine::gate::Clean>,
    pub created: DateTime<Utc>,
    /// Staff's decision on the name. Records from before reviews existed load as `Pending`: their names
    /// were never checked (see ARCHITECTURE.md).
    #[serde(default)]
    pub review: Review,
    /// The language the shop registered in, for staff's answer.
    #[serde(default)]
    pub locale: Option<String>,
}

impl Merchant {
    /// Whether customers may be told the shop's name.
    pub fn is_approved(&self) -> bool {
        matches!(self.review, Review::Approved { .. })
    }
}

/// Where a shop's registration stands. Until staff approve it, its link works but names no one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Review {
    #[default]
    Pending,
    Approved {
        by: String,
        at: DateTime<Utc>,
    },
    Rejected {
        by: String,
        at: DateTime<Utc>,
        reason: String,
    },
}

impl Review {
    /// `pending`, `approved` or `rejected`: for staff texts (`staff-review-<state>`).
    pub fn state(&self) -> &'static str {
        match self {
            Review::Pending => "pending",
            Review::Approved { .. } => "approved",
            Review::Rejected { .. } => "rejected",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("case {id} was changed elsewhere (expected version {expected}, found {found})")]
    Conflict { id: String, expected: u64, found: u64 },
    #[error("the database at {path} is in use by another swipefix process (stop it, or use another --data directory)")]
    Locked { path: PathBuf },
    #[error(
        "the database at {path} is damaged: {reason} (restore a backup, or move the directory away to start empty)"
    )]
    Corrupt { path: PathBuf, reason: String },
    #[error("cannot open the database at {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("a stored case {id} cannot be read: {reason}")]
    BadRecord { id: String, reason: String },
    #[error("database error: {0}")]
    Backend(String),
    #[error("cannot use the database at {url}: {reason}")]
    Database { url: String, reason: String },
    #[error(
        "the database at {url} has schema version {found}, newer than this swipefix knows ({known}): upgrade \
         swipefix, or use the database with the version that wrote it"
    )]
    Schema { url: String, found: i32, known: i32 },
    #[error(transparent)]
    Keys(#[from] KeyError),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Where cases live. Every implementation passes the same test suite (`tests/store.rs`).
pub trait CaseStore: Send + Sync {
    fn load(&self, id: &str) -> StoreResult<Option<Case>>;

    /// Saves `case` if the stored copy still has `case.version` (0 for a case not stored yet), and returns
    /// the new version. The caller keeps it: `case.version = store.save(&case)?`.
    fn save(&self, case: &Case) -> StoreResult<u64>;

    /// Every case, oldest first.
    fn list(&self) -> StoreResult<Vec<Case>>;

    /// The cases of one person, oldest first.
    fn cases_of(&self, owner: &str) -> StoreResult<Vec<Case>>;

    /// Erases cases and merchant registrations (by code) for good: their keys are destroyed first (one
    /// rewrite of the key file), then the records, their index entries, queued follow-ups and reply notes.
    /// Returns how many of the cases were there. The caller makes it durable (`flush`).
    fn erase(&self, cases: &[String], merchants: &[String]) -> StoreResult<usize>;

    /// The keys records are sealed with (backups seal with them too).
    fn keys(&self) -> &Keyring;

    /// A number never handed out before by this store, for case ids.
    fn next_id(&self) -> StoreResult<u64>;

    /// Makes every save so far durable. Call before telling the person a change is saved.
    fn flush(&self) -> StoreResult<()>;

    /// Creates or replaces a merchant, by code.
    fn save_merchant(&self, m: &Merchant) -> StoreResult<()>;

    fn merchant(&self, code: &str) -> StoreResult<Option<Merchant>>;

    /// The merchant a person registered, if any.
    fn merchant_of(&self, owner: &str) -> StoreResult<Option<Merchant>>;

    /// Queues a follow-up of a case for `at` (ordered by time; survives restarts).
    fn schedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()>;

    /// Queued follow-ups due at or before `now`, earliest first.
    fn due(&self, now: DateTime<Utc>) -> StoreResult<Vec<(DateTime<Utc>, String)>>;

    /// Takes the due follow-ups for this process for `lease`: a store shared by several processes hands each
    /// to one of them (another gets it again only after the lease, when the first died). A store of one
    /// process hands out what is due.
    fn claim_due(&self, now: DateTime<Utc>, _lease: chrono::Duration) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        self.due(now)
    }

    /// Gives back a claimed follow-up this process does not fire (another channel's person).
    fn release(&self, _at: DateTime<Utc>, _case_id: &str) -> StoreResult<()> {
        Ok(())
    }

    /// Removes a follow-up from the queue (after it fired, or when it is obsolete).
    fn unschedule(&self, at: DateTime<Utc>, case_id: &str) -> StoreResult<()>;

    /// Every merchant, by code (for backups).
    fn merchants(&self) -> StoreResult<Vec<Merchant>>;

    /// Every queued follow-up, earliest first (for backups).
    fn queued(&self) -> StoreResult<Vec<(DateTime<Utc>, String)>> {
        self.due(DateTime::<Utc>::MAX_UTC)
    }

    /// The highest number `next_id` has handed out.
    fn last_id(&self) -> StoreResult<u64>;

    /// Makes `next_id` hand out only numbers above `n` (after a restore, so no case id is given twice).
    fn reserve_ids(&self, n: u64) -> StoreResult<()>;

    /// Puts a case back exactly as a backup has it, version included (a restore into an empty store).
    fn restore_case(&self, case: &Case) -> StoreResult<()>;

    /// Notes that the reply to a case's update `update` went out. Not flushed: losing the note in a crash
    /// only means the person may see the current question once more.
    fn mark_replied(&self, case_id: &str, update: u64) -> StoreResult<()>;

    /// The last update of a case whose reply is known to have gone out.
    fn replied(&self, case_id: &str) -> StoreResult<Option<u64>>;

    /// Spends a single-use token (a sign-in link's nonce) that would expire at `until`: true the first time,
    /// false ever after — in every process sharing the store. Tokens past `now` may be forgotten meanwhile.
    fn spend(&self, token: &str, until: DateTime<Utc>, now: DateTime<Utc>) -> StoreResult<bool>;

    /// Whether `token` was spent and would not have expired by `now` (a console session signed out).
    fn is_spent(&self, token: &str, now: DateTime<Utc>) -> StoreResult<bool>;
}

/// A queue key that sorts by time: milliseconds since the epoch as big-endian bytes (offset so that times
/// before 1970 would still sort), then the case id.
pub(crate) fn reminder_key(at: DateTime<Utc>, case_id: &str) -> Vec<u8> {
    let ms = (at.timestamp_millis() as u64) ^ (1 << 63);
    let mut k = ms.to_be_bytes().to_vec();
    k.extend_from_slice(case_id.as_bytes());
    k
}

pub(crate) fn parse_reminder_key(k: &[u8]) -> Option<(DateTime<Utc>, String)> {
    let ms = u64::from_be_bytes(k.get(..8)?.try_into().ok()?) ^ (1 << 63);
    let at = DateTime::from_timestamp_millis(ms as i64)?;
    Some((at, String::from_utf8(k[8..].to_vec()).ok()?))
}

/// The name of a case's key in the keyring.
pub(crate) fn case_key(id: &str) -> String {
    format!("case:{id}")
}

/// The name of a merchant registration's key in the keyring.
pub(crate) fn merchant_key(code: &str) -> String {
    format!("merchant:{code}")
}

pub(crate) fn sort_cases(cases: &mut [Case]) {
    cases.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
}
