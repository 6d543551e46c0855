//! A case: one problem of one person, from first message to closing. Plain data with serde, so every store
//! can keep it; no I/O here. A case is not a chat session: a person may have several over time.
//!
//! Owns: the case's data and its serialized shape (`CASE_SCHEMA`).
//! Must not touch: the flow or any other engine module: stores read and write cases without a flow.

use super::gate::Clean;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version written with every case. When the shape changes, bump it and add the step from the
/// previous one to the store's `case_codec::migrate_step`: every store reads cases through it, so old records
/// keep loading.
///
/// - 1: the first stored shape.
/// - 2: transcript lines carry the channel's update id; a case can hold a correction under way (`editing`).
/// - 3: evidence names no channel's fields (`reference`, `fingerprint` for Telegram's `file_id` and
///   `file_unique_id`); a case has a `focus` (which of a person's cases is current); transcript lines say
///   whether they went to staff (`relayed`).
/// - 4: evidence says whether it was passed to staff (`forwarded`), so a file is posted to the staff chat
///   once; a hand-off says whether the case was closed when it was made (`closed`), for the limit on
///   hand-offs of closed cases.
pub const CASE_SCHEMA: u32 = 5;

/// Where a case stands, as support staff and reports see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    Waiting,
    Escalated,
    HandedOff,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::Open, Status::Waiting, Status::Escalated, Status::HandedOff, Status::Resolved, Status::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Waiting => "waiting",
            Status::Escalated => "escalated",
            Status::HandedOff => "handed_off",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// Who is writing: the tools differ for the cardholder and the merchant who ran the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Cardholder,
    Merchant,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Cardholder => "cardholder",
            Role::Merchant => "merchant",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "cardholder" => Some(Role::Cardholder),
            "merchant" => Some(Role::Merchant),
            _ => None,
        }
    }
}

/// A value the person gave, already parsed. Card data is only ever the last 4 digits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Choice(String),
    /// Free text, through the gate.
    Text(Clean),
    Amount {
        #[serde(with = "rust_decimal::serde::str")]
        amount: Decimal,
        currency: String,
    },
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Bool(bool),
    Last4(String),
}

impl Answer {
    /// The answer as plain text, for logs-free displays such as `cases show` and the graph of answers.
    pub fn plain(&self) -> String {
        match self {
            Answer::Choice(s) => s.clone(),
            Answer::Text(s) => s.to_string(),
            Answer::Amount { amount, currency } => format!("{amount} {currency}"),
            Answer::Date(d) => d.format("%Y-%m-%d").to_string(),
            Answer::DateTime(d) => d.format("%Y-%m-%d %H:%M").to_string(),
            Answer::Bool(b) => b.to_string(),
            Answer::Last4(s) => format!("*{s}"),
        }
    }
}

/// A step of the journey the person has done, with when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepDone {
    pub step: String,
    pub at: DateTime<Utc>,
}

/// A hand-off to support staff, recorded on the case until the staff channel delivers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandoffRecord {
    pub reason: String,
    pub node: String,
    pub at: DateTime<Utc>,
    /// Made while the case was closed: these are limited (`Limits::handoff_again_hours`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
}

/// A file the person sent as proof (a photo of the slip, a screenshot). Only the channel's reference to it is
/// kept, never the content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// `photo` or `document`.
    pub kind: String,
    /// The channel's handle to fetch or forward the file (Telegram: its `file_id`).
    #[serde(alias = "file_id")]
    pub reference: String,
    /// What stays the same when the same file is sent again, so it is kept once (Telegram: `file_unique_id`).
    #[serde(alias = "file_unique_id")]
    pub fingerprint: String,
    #[serde(default)]
    pub caption: Option<Clean>,
    #[serde(default)]
    pub file_name: Option<Clean>,
    pub at: DateTime<Utc>,
    /// Passed to staff with a hand-off already: a later hand-off does not post it again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forwarded: bool,
}

/// One thing the person sent, as staff may read it later: card numbers and codes masked, and the question
/// the bot asked next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranscriptLine {
    pub at: DateTime<Utc>,
    pub text: Clean,
    /// The node the case was at after this message.
    pub node: String,
    /// The channel's update number of the message (Telegram's `update_id`), if it has one: shows that every
    /// update was applied once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<u64>,
    /// The channel's id of the message (Telegram's `message_id` in the person's chat): what any process
    /// deletes when a later message shows this one was part of a card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<i64>,
    /// The message went to the staff member who had the case, not to the decision tree.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relayed: bool,
}

/// How many of the person's messages a case keeps for staff.
pub const TRANSCRIPT_LINES: usize = 50;

/// A follow-up the flow scheduled: at `at`, if the person is still at `node`, ask that question again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    pub at: DateTime<Utc>,
    pub node: String,
    /// Fired (or found obsolete), or switched off by `/remind off`: never sent again.
    pub done: bool,
}

/// A correction under way: the person chose to change the answer of input node `node`; once it is given the
/// flow goes on at `then` (back to the review it came from) instead of the node's usual `next`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    pub node: String,
    pub then: String,
}

/// One thing a staff member did with a case (looked at it, took it, answered, noted, closed, handed it on):
/// kept on the case, so it is sealed and erased with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// Who (`tg:<user id>`).
    pub by: String,
    /// What, as a fixed word: `view`, `take`, `reply`, `note`, `close`, `assign`.
    pub action: String,
    /// The action's own argument where it has one (an outcome, whom the case was handed to), never a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A staff member's note on a case: an internal note, or a reply that was sent to the person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub by: String,
    pub at: DateTime<Utc>,
    pub text: Clean,
    /// Sent to the person (a reply), or for staff only.
    pub sent: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    #[serde(default = "default_schema")]
    pub schema: u32,
    pub id: String,
    /// The person, as `<channel>:<id>`, e.g. `tg:12345` or `cli:alice`.
    pub owner: String,
    pub role: Option<Role>,
    pub locale: String,
    pub jurisdiction: String,
    /// The node the person is at; a cut-off conversation resumes here.
    pub node: String,
    /// Nodes where the person answered, most recent last: what `/back` returns to.
    #[serde(default)]
    pub history: Vec<String>,
    /// Where each open interrupt (scam warning, talk to a person) returns to.
    #[serde(default)]
    pub resume: Vec<String>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub steps: Vec<StepDone>,
    #[serde(default)]
    pub handoffs: Vec<HandoffRecord>,
    #[serde(default)]
    pub status: Status,
    /// Set when the case reached a final node.
    #[serde(default)]
    pub outcome: Option<String>,
    /// The node entered last, and how many times in a row: the "stuck" signal.
    #[serde(default)]
    pub repeats: u32,
    /// Who sent the person here (a merchant referral code), if anyone.
    #[serde(default)]
    pub referrer: Option<Clean>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Which of a person's cases is current: the one with the highest `focus` (a store-wide counter, set when
    /// the case is opened and when the person switches to it with `/cases`). Older records have none and
    /// rank by their creation.
    #[serde(default)]
    pub focus: Option<u64>,
    /// The newest channel update applied to this case (Telegram's update id): a redelivered update is
    /// recognised and not handled twice, also after a restart.
    #[serde(default)]
    pub last_update: Option<u64>,
    /// The staff member who took the case (`tg:<user id>`); the person's messages go to them meanwhile.
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// What staff did with the case, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit: Vec<AuditEntry>,
    /// The person's recent messages (masked), for staff.
    #[serde(default)]
    pub transcript: Vec<TranscriptLine>,
    #[serde(default)]
    pub reminders: Vec<Reminder>,
    /// `/remind off`: no follow-ups for this case.
    #[serde(default)]
    pub reminders_off: bool,
    /// A correction of an answer under way.
    #[serde(default)]
    pub editing: Option<Edit>,
    /// The person's last messages that were only digits, as lengths and Luhn sums (never digits): a card
    /// number sent in parts is recognised when the parts add up to one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub digit_trail: Vec<super::input::DigitPiece>,
    /// A bare `/lang` showed the language buttons: the next typed message may be the choice (`2`, a name).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub picking_lang: bool,
    /// A story the bot read and put to the person to confirm, until they answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub understood: Option<Understood>,
    /// Answers given ahead by a confirmed story, taken when their question comes: answer name → an option id,
    /// or the person's words, read by that question (with the card's currency and date order known by then).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prefill: BTreeMap<String, Clean>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Bumped by the store on every save; a save with a stale version is a conflict.
    #[serde(default)]
    pub version: u64,
}

/// A story read from what the person typed: the likeliest problems (one when it was clear) and the answers
/// its facts would give (answer name → the person's words).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Understood {
    pub problems: Vec<String>,
    #[serde(default)]
    pub facts: BTreeMap<String, Clean>,
}

/// Records from before the field existed are schema 1.
fn default_schema() -> u32 {
    1
}

impl Case {
    pub fn is_closed(&self) -> bool {
        self.outcome.is_some()
    }

    pub fn step_done(&self, step: &str) -> bool {
        self.steps.iter().any(|s| s.step == step)
    }
}
