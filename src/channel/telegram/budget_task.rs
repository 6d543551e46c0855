//! Runs the sending budget (`budget::Budget`) as one task: callers ask for a grant and wait for it; the task
//! hands grants out as the schedule allows and wakes itself when the next one is due.
//!
//! Owns: the task, `BudgetHandle::grant`, `Grant` (reports "done" when dropped, so a failed or cancelled call
//! never holds its chat). Must not touch: what is sent (the client's), the schedule's rules (`budget`'s).

use super::budget::{Budget, Class, Limits, Ticket};
use std::collections::HashMap;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

enum Cmd {
    Ask { chat: i64, class: Class, go: oneshot::Sender<Ticket> },
    Done { chat: i64 },
    Estimate { chat: i64, class: Class, answer: oneshot::Sender<Duration> },
    TooMany { chat: i64, ticket: Ticket, class: Class, wait: Duration, go: oneshot::Sender<Ticket> },
}

/// A way to the budget's task; cheap to clone.
#[derive(Clone, Debug)]
pub struct BudgetHandle {
    tx: mpsc::UnboundedSender<Cmd>,
}

/// Leave to make one call to `chat` now. Dropping it says the call is over.
#[derive(Debug)]
pub struct Grant {
    chat: i64,
    ticket: Ticket,
    class: Class,
    handle: BudgetHandle,
    settled: bool,
}

impl Grant {
    /// The call got a 429: the chat waits `wait`, and the same call is asked again first in its chat; this
    /// returns its next grant.
    pub async fn too_many(mut self, wait: Duration) -> Grant {
        self.settled = true;
        let (go, rx) = oneshot::channel();
        let cmd = Cmd::TooMany { chat: self.chat, ticket: self.ticket, class: self.class, wait, go };
        let _ = self.handle.tx.send(cmd);
        let ticket = rx.await.unwrap_or_default();
        Grant { chat: self.chat, ticket, class: self.class, handle: self.handle.clone(), settled: false }
    }
}

impl Drop for Grant {
    fn drop(&mut self) {
        if !self.settled {
            let _ = self.handle.tx.send(Cmd::Done { chat: self.chat });
        }
    }
}

impl BudgetHandle {
    /// Starts the budget's task (on the current tokio runtime).
    pub fn spawn(limits: Limits) -> BudgetHandle {
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(run(Budget::new(limits), rx));
        BudgetHandle { tx }
    }

    /// About how long a call of `class` to `chat` would wait if asked now.
    pub async fn estimate(&self, chat: i64, class: Class) -> Duration {
        let (answer, rx) = oneshot::channel();
        let _ = self.tx.send(Cmd::Estimate { chat, class, answer });
        rx.await.unwrap_or_default()
    }

    /// Waits until a call of `class` to `chat` may go.
    pub async fn grant(&self, chat: i64, class: Class) -> Grant {
        let (go, rx) = oneshot::channel();
        let _ = self.tx.send(Cmd::Ask { chat, class, go });
        // The task lives as long as any handle: a closed channel means the runtime is shutting down, when
        // going ahead unscheduled is harmless.
        let ticket = rx.await.unwrap_or_default();
        Grant { chat, ticket, class, handle: self.clone(), settled: false }
    }
}

/// The task: applies commands, hands out what the schedule grants, sleeps until the next grant is due.
async fn run(mut budget: Budget, mut rx: mpsc::UnboundedReceiver<Cmd>) {
    let mut waiters: HashMap<Ticket, oneshot::Sender<Ticket>> = HashMap::new();
    loop {
        let now = Instant::now();
        for (chat, ticket) in budget.grant(now.into_std()) {
            let sender = waiters.remove(&ticket);
            // A caller that stopped waiting frees its chat at once.
            if sender.is_none_or(|s| s.send(ticket).is_err()) {
                budget.done(chat);
            }
        }
        let wake = budget.next_wake(now.into_std()).map(Instant::from_std);
        let cmd = match wake {
            Some(at) => tokio::select! {
                c = rx.recv() => c,
                _ = tokio::time::sleep_until(at) => continue,
            },
            None => rx.recv().await,
        };
        let Some(cmd) = cmd else { return };
        apply(&mut budget, &mut waiters, cmd);
    }
}

/// A command from a caller, applied to the schedule.
fn apply(budget: &mut Budget, waiters: &mut HashMap<Ticket, oneshot::Sender<Ticket>>, cmd: Cmd) {
    match cmd {
        Cmd::Ask { chat, class, go } => {
            let ticket = budget.ask(chat, class);
            waiters.insert(ticket, go);
        }
        Cmd::Done { chat } => budget.done(chat),
        Cmd::Estimate { chat, class, answer } => {
            let _ = answer.send(budget.estimate(chat, class, Instant::now().into_std()));
        }
        Cmd::TooMany { chat, ticket, class, wait, go } => {
            budget.too_many(chat, ticket, class, wait, Instant::now().into_std());
            waiters.insert(ticket, go);
        }
    }
}
