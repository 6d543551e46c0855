//! The staff chat's own outbox: every message for the staff group (hand-off summaries and their evidence,
//! people's messages relayed to the staff member who has their case, answers to staff commands, refusals)
//! waits in a bounded queue and is sent by one task, paced to Telegram's group limit (about 20 a minute),
//! honouring `retry_after`. A person's handler only queues — it never waits for the staff chat.
//!
//! Why a queue of its own: a backlog of staff posts (40 hand-offs are minutes of group quota) once kept
//! everyone's replies out of teloxide's shared throttle (measured: an unrelated `/start` took 54.7 s). Its
//! calls now go through the sending budget as `Staff` (after people's replies), which also retries a 429 for
//! this chat alone; the `RetryAfter` arm below only acts when the bot runs without a budget.
//!
//! Owns: `StaffOutbox` (the queues), `Pace` (the group limit, a plain type that takes the time), the sending
//! task. Must not touch: people's chats; the store, except reading the case whose summary it posts.

use super::client::Client;
use super::error_log;
use super::outbox::{MAX_TELEGRAM_TEXT, split_text};
use crate::session::{App, StaffFile};
use std::sync::Arc;
use std::time::Duration;
use teloxide::RequestError;
use teloxide::types::ChatId;
use tokio::sync::mpsc;
use tokio::time::Instant;

const MINUTE: Duration = Duration::from_secs(60);
/// How often one message is tried when Telegram answers "retry after".
const TRIES: u32 = 5;

/// Something for the staff chat.
#[derive(Debug, Clone, PartialEq)]
pub enum StaffPost {
    /// A hand-off: the case's summary (read when it is posted, so it is current), then the files staff have
    /// not had yet.
    Handoff { case_id: String, files: Vec<StaffFile> },
    /// A finished text: a relayed message, a refusal, an answer to a staff command.
    Text(String),
}

/// Which queue a post waits in: answers to staff commands go before the bulk, so staff at work are not kept
/// waiting behind a backlog of summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Answer,
    Bulk,
}

/// The sending side, shared by the handlers.
pub struct StaffOutbox {
    chat: Option<ChatId>,
    answers: mpsc::Sender<StaffPost>,
    bulk: mpsc::Sender<StaffPost>,
}

/// The receiving side, for `run`.
pub struct Queued {
    answers: mpsc::Receiver<StaffPost>,
    bulk: mpsc::Receiver<StaffPost>,
}

impl StaffOutbox {
    /// Queues of at most `bound` posts each for the staff chat `chat` (none: posts are only logged).
    pub fn new(chat: Option<ChatId>, bound: usize) -> (StaffOutbox, Queued) {
        let (answers, answers_rx) = mpsc::channel(bound.max(1));
        let (bulk, bulk_rx) = mpsc::channel(bound.max(1));
        (StaffOutbox { chat, answers, bulk }, Queued { answers: answers_rx, bulk: bulk_rx })
    }

    /// Queues a post without waiting; false when it was dropped (no staff chat, or the queue is full — the
    /// hand-off or message stays on the case, and `/queue` shows it).
    pub fn post(&self, lane: Lane, post: StaffPost) -> bool {
        if self.chat.is_none() {
            tracing::warn!("a post for staff is kept on the case only: no staff chat is configured");
            return false;
        }
        let queue = if lane == Lane::Answer { &self.answers } else { &self.bulk };
        let sent = queue.try_send(post);
        let depth = |q: &mpsc::Sender<StaffPost>| q.max_capacity() - q.capacity();
        metrics::gauge!(crate::telemetry::OUTBOX_DEPTH).set((depth(&self.answers) + depth(&self.bulk)) as f64);
        match sent {
            Ok(()) => true,
            Err(mpsc::error::TrySendError::Full(_)) => {
                tracing::warn!(?lane, "the staff chat's queue is full: a post was dropped (it stays on the case)");
                false
            }
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        }
    }
}

/// At most `per_minute` messages a minute, spread evenly (0: no limit, against a local fake API). Evenly,
/// not in bursts: the staff chat shares the bot's overall limit (about 30 a second) with people's replies,
/// whose throttle does not see these messages, and a burst of 20 would push people's replies into 429s.
#[derive(Debug)]
pub struct Pace {
    per_minute: u32,
    last: Option<Instant>,
}

impl Pace {
    pub fn new(per_minute: u32) -> Pace {
        Pace { per_minute, last: None }
    }

    /// When the next message may go, at `now`.
    pub fn next_at(&self, now: Instant) -> Instant {
        match self.last {
            Some(last) if self.per_minute > 0 => now.max(last + MINUTE / self.per_minute),
            _ => now,
        }
    }

    /// A message went out at `at`.
    pub fn note(&mut self, at: Instant) {
        self.last = Some(at);
    }
}

/// One message to the staff chat.
enum Outgoing {
    Text(String),
    File { kind: String, reference: String, caption: String },
}

/// The sending task: what the outbox needs to turn posts into messages.
pub struct Sender {
    pub chat: ChatId,
    /// Unthrottled: the pace is kept here, and a 429 must freeze this chat only.
    pub client: Client,
    pub app: Arc<App>,
    pub pace: Pace,
    /// The language of summaries.
    pub locale: String,
}

/// Sends the queued posts until every sender is gone; answers to staff commands first.
pub async fn run(mut queued: Queued, mut s: Sender) {
    loop {
        let post = tokio::select! {
            biased;
            Some(p) = queued.answers.recv() => p,
            Some(p) = queued.bulk.recv() => p,
            else => return,
        };
        let depth = queued.answers.len() + queued.bulk.len();
        metrics::gauge!(crate::telemetry::OUTBOX_DEPTH).set(depth as f64);
        for m in s.messages(post).await {
            s.deliver(m).await;
        }
    }
}

impl Sender {
    /// The messages of one post: a hand-off's summary in pieces under Telegram's limit, then its files.
    async fn messages(&self, post: StaffPost) -> Vec<Outgoing> {
        let (case_id, files) = match post {
            StaffPost::Text(t) => return split_text(&t, MAX_TELEGRAM_TEXT).into_iter().map(Outgoing::Text).collect(),
            StaffPost::Handoff { case_id, files } => (case_id, files),
        };
        let (app, id) = (self.app.clone(), case_id.clone());
        let case = match tokio::task::spawn_blocking(move || app.case(&id)).await {
            Ok(Ok(Some(c))) => c,
            Ok(Ok(None)) => return vec![],
            Ok(Err(e)) => {
                tracing::error!(error = %e, case = %case_id, "could not read a handed-off case");
                return vec![];
            }
            Err(e) => panic!("reading a handed-off case panicked: {e}"),
        };
        let summary = crate::report::handoff_summary(self.app.catalog(), &case, &self.locale);
        let mut out: Vec<Outgoing> = split_text(&summary, MAX_TELEGRAM_TEXT).into_iter().map(Outgoing::Text).collect();
        out.extend(files.into_iter().map(|f| Outgoing::File {
            caption: format!("{case_id} · {}/{}", f.number, f.of),
            kind: f.kind,
            reference: f.reference,
        }));
        out
    }

    /// Sends one message when the pace allows; on "retry after" waits as long as Telegram asks and tries
    /// again (this chat only waits). Other failures are logged by kind and the message is given up.
    async fn deliver(&mut self, m: Outgoing) {
        for _ in 0..TRIES {
            let at = self.pace.next_at(Instant::now());
            tokio::time::sleep_until(at).await;
            self.pace.note(Instant::now());
            let sent = match &m {
                Outgoing::Text(t) => self.client.send(self.chat, t.clone(), None).await,
                Outgoing::File { kind, reference, caption } => {
                    self.client.send_file(self.chat, kind, reference, caption.clone()).await
                }
            };
            match sent {
                Ok(()) => return,
                Err(RequestError::RetryAfter(wait)) => tokio::time::sleep(wait.duration()).await,
                Err(e) => {
                    tracing::warn!(kind = error_log::kind(&e), "a message to the staff chat could not be sent");
                    return;
                }
            }
        }
        tracing::warn!("a message to the staff chat was given up after repeated 'retry after' answers");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pace_spreads_a_minute_s_quota_evenly() {
        let t0 = Instant::now();
        let mut pace = Pace::new(20);
        assert_eq!(pace.next_at(t0), t0, "the first at once");
        pace.note(t0);
        assert_eq!(pace.next_at(t0), t0 + Duration::from_secs(3), "then one every 3 s");
        assert_eq!(pace.next_at(t0 + Duration::from_secs(10)), t0 + Duration::from_secs(10));
        let mut free = Pace::new(0);
        free.note(t0);
        assert_eq!(free.next_at(t0), t0, "0 is no limit");
    }

    #[tokio::test]
    async fn posts_are_dropped_not_waited_for_when_the_queue_is_full() {
        let (outbox, mut queued) = StaffOutbox::new(Some(ChatId(-1)), 2);
        assert!(outbox.post(Lane::Bulk, StaffPost::Text("a".into())));
        assert!(outbox.post(Lane::Bulk, StaffPost::Text("b".into())));
        assert!(!outbox.post(Lane::Bulk, StaffPost::Text("c".into())), "full: dropped at once");
        assert!(outbox.post(Lane::Answer, StaffPost::Text("answer".into())), "answers have their own room");
        assert_eq!(queued.answers.recv().await, Some(StaffPost::Text("answer".into())));
        assert_eq!(queued.bulk.recv().await, Some(StaffPost::Text("a".into())));
        let (nowhere, _) = StaffOutbox::new(None, 2);
        assert!(!nowhere.post(Lane::Bulk, StaffPost::Text("x".into())), "no staff chat: only logged");
    }
}
