//! The fake as Telegram delivering by webhook, with a round-robin load balancer in front of several bot
//! processes: each queued update is POSTed, with the secret header, to the next process's address; a 2xx
//! answer confirms it (it leaves the queue), anything else — refused, reset by a kill, timed out — sends it
//! again to the next process after a short pause, as Telegram retries a failed webhook call. One update of a
//! chat is in flight at a time, so a chat's updates arrive in order.
//!
//! Owns: delivery by webhook and who confirmed what. Must not touch: the queue's other users (`getUpdates`).

use super::{FakeTelegram, update_id};
use serde_json::Value;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How long one webhook call may take before it counts as failed.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// The pause before a failed call is made again (to the next process).
const RETRY_AFTER: Duration = Duration::from_millis(50);

/// The chat an update belongs to: its message's, or the chat of the message a button was pressed on.
fn chat_of(u: &Value) -> i64 {
    let pointers = ["/message/chat/id", "/callback_query/message/chat/id", "/callback_query/from/id"];
    pointers.iter().find_map(|p| u.pointer(p).and_then(Value::as_i64)).unwrap_or(0)
}

struct Sender {
    fake: FakeTelegram,
    client: reqwest::Client,
    targets: Vec<String>,
    secret: String,
    next: AtomicUsize,
    busy: Mutex<HashSet<i64>>,
}

impl FakeTelegram {
    /// Delivers every queued update by webhook to `targets` (full URLs, one per bot process), round-robin,
    /// with `secret` as `X-Telegram-Bot-Api-Secret-Token`, until the returned task is aborted.
    pub fn deliver_by_webhook(&self, targets: Vec<String>, secret: &str) -> tokio::task::JoinHandle<()> {
        let client = reqwest::Client::builder().timeout(CALL_TIMEOUT).build().expect("a plain HTTP client");
        let sender = Arc::new(Sender {
            fake: self.clone(),
            client,
            targets,
            secret: secret.to_string(),
            next: AtomicUsize::new(0),
            busy: Mutex::default(),
        });
        tokio::spawn(sender.run())
    }

    /// Which target (index into `deliver_by_webhook`'s) confirmed update `id`, if one did.
    pub fn confirmed_by(&self, id: u64) -> Option<usize> {
        self.shared.lock().confirmed.get(&id).copied()
    }
}

impl Sender {
    async fn run(self: Arc<Self>) {
        loop {
            let ready = self.fake.shared.updates_ready.notified();
            for u in self.take() {
                tokio::spawn(self.clone().deliver(u));
            }
            // Woken by a new update or a finished delivery; the tick is a backstop.
            let _ = tokio::time::timeout(Duration::from_millis(100), ready).await;
        }
    }

    /// The queued updates not in flight whose chat has none in flight, marked in flight.
    fn take(&self) -> Vec<Value> {
        let mut inner = self.fake.shared.lock();
        let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        let mut out = Vec::new();
        for (u, handed) in inner.queue.iter_mut() {
            if !*handed && busy.insert(chat_of(u)) {
                *handed = true;
                out.push(u.clone());
            }
        }
        out
    }

    /// Calls webhooks with `u` until one answers 2xx; then it is confirmed.
    async fn deliver(self: Arc<Self>, u: Value) {
        let id = update_id(&u);
        let target = loop {
            let t = self.next.fetch_add(1, Ordering::Relaxed) % self.targets.len().max(1);
            let call = self
                .client
                .post(&self.targets[t])
                .header("X-Telegram-Bot-Api-Secret-Token", &self.secret)
                .json(&u)
                .send()
                .await;
            if call.is_ok_and(|r| r.status().is_success()) {
                break t;
            }
            tokio::time::sleep(RETRY_AFTER).await;
        };
        {
            let mut inner = self.fake.shared.lock();
            inner.queue.retain(|(q, _)| update_id(q) != id);
            inner.confirmed.insert(id, target);
        }
        self.busy.lock().unwrap_or_else(|p| p.into_inner()).remove(&chat_of(&u));
        self.fake.shared.updates_ready.notify_waiters();
    }
}
