//! Each chat's lane of sends. A handled turn's reply may wait seconds for the sending budget when many
//! people write; it waits here, not in the handler. teloxide runs a chat's updates in a worker of its own
//! and, from time to time, stops idle workers — waiting for each to finish, and a worker that has just taken
//! an update is not idle: the dispatcher then stood still as long as that reply waited for the budget
//! (measured: ten seconds without fetching an update at 150 % of the budget). With the wait in a lane, a
//! worker is done when the turn is handled.
//!
//! A lane runs its chat's jobs one after another in the order they were pushed, so a person's replies keep
//! their order, and ends when it has nothing left (a new push opens a new one).
//!
//! Owns: the lanes and their tasks. Must not touch: what a job sends, or when its update is confirmed (the
//! job's own last step).

use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, mpsc};

/// A chat's next sends.
pub type Job = BoxFuture<'static, ()>;

/// The open lanes, by chat.
#[derive(Default)]
pub struct Lanes {
    open: Mutex<HashMap<i64, mpsc::UnboundedSender<Job>>>,
    /// A lane ended (for `wait_idle`).
    ended: Notify,
}

impl Lanes {
    /// Runs `job` after the jobs already pushed for `chat`.
    pub fn push(self: &Arc<Self>, chat: i64, job: Job) {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let job = match open.get(&chat) {
            Some(tx) => match tx.send(job) {
                Ok(()) => return,
                Err(returned) => returned.0,
            },
            None => job,
        };
        let (tx, rx) = mpsc::unbounded_channel();
        let _ = tx.send(job);
        open.insert(chat, tx);
        tokio::spawn(self.clone().run(chat, rx));
    }

    /// A lane: its jobs in order, then it closes. Each next job is taken under the lock, so that a push
    /// either comes before the close (and is run here) or opens a new lane after it.
    async fn run(self: Arc<Self>, chat: i64, mut rx: mpsc::UnboundedReceiver<Job>) {
        loop {
            let next = {
                let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
                let next = rx.try_recv().ok();
                if next.is_none() {
                    open.remove(&chat);
                }
                next
            };
            match next {
                Some(job) => job.await,
                None => break,
            }
        }
        self.ended.notify_waiters();
    }

    /// How many chats have sends pending.
    pub fn open(&self) -> usize {
        self.open.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    /// Waits until no lane is open, or `patience` has passed (a stop does not wait for a long backlog: the
    /// updates whose replies did not go are not confirmed, and come again at the next start).
    pub async fn wait_idle(&self, patience: Duration) {
        let deadline = tokio::time::Instant::now() + patience;
        loop {
            let ended = self.ended.notified();
            if self.open() == 0 {
                return;
            }
            if tokio::time::timeout_at(deadline, ended).await.is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::oneshot;

    /// A job that waits for `go`, then notes `n` in `log`.
    fn job(log: &Arc<Mutex<Vec<u32>>>, n: u32, go: oneshot::Receiver<()>) -> Job {
        let log = log.clone();
        Box::pin(async move {
            let _ = go.await;
            log.lock().unwrap().push(n);
        })
    }

    #[tokio::test]
    async fn a_chat_s_jobs_run_in_order_other_chats_do_not_wait_and_lanes_close_when_done() {
        let lanes = Arc::new(Lanes::default());
        let log = Arc::new(Mutex::new(Vec::new()));
        let (go1, wait1) = oneshot::channel();
        let (go2, wait2) = oneshot::channel();
        let (go3, wait3) = oneshot::channel();
        lanes.push(1, job(&log, 1, wait1));
        lanes.push(1, job(&log, 2, wait2));
        lanes.push(2, job(&log, 3, wait3));
        // The second job of chat 1 is free to go, but waits for the first; chat 2 does not.
        go2.send(()).unwrap();
        go3.send(()).unwrap();
        tokio::time::timeout(Duration::from_secs(5), async {
            while !log.lock().unwrap().contains(&3) {
                tokio::task::yield_now().await;
            }
        })
        .await
        .unwrap();
        assert_eq!(*log.lock().unwrap(), vec![3]);
        go1.send(()).unwrap();
        lanes.wait_idle(Duration::from_secs(5)).await;
        assert_eq!(*log.lock().unwrap(), vec![3, 1, 2]);
        assert_eq!(lanes.open(), 0, "closed once done");
        // A push after a lane closed opens a new one.
        let (go4, wait4) = oneshot::channel();
        lanes.push(1, job(&log, 4, wait4));
        go4.send(()).unwrap();
        lanes.wait_idle(Duration::from_secs(5)).await;
        assert_eq!(*log.lock().unwrap(), vec![3, 1, 2, 4]);
    }
}
