//! Which updates are in hand and when they may be confirmed to Telegram: by the polling offset (`offset`)
//! or by answering a webhook call (`hooked`). An update is confirmed once its handler has finished, or after
//! `ACK_PATIENCE`, so one slow conversation cannot hold up the rest; a process killed before that gets it
//! delivered again (to itself at its next start, or by webhook perhaps to another process). A plain type that
//! takes the time; the listeners around it do the HTTP.
//! Owns: the bookkeeping. Must not touch: HTTP, the handlers.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long an update may stay in hand before the offset moves past it anyway.
pub const ACK_PATIENCE: Duration = Duration::from_secs(2);

/// The updates fetched by polling and not yet handled.
#[derive(Default)]
pub struct Acks {
    state: Mutex<AckState>,
    pub(super) done: tokio::sync::Notify,
    /// Webhook calls waiting for their update's handler, by update id.
    hooked: Mutex<std::collections::HashMap<i32, tokio::sync::watch::Sender<bool>>>,
}

#[derive(Default)]
struct AckState {
    /// Fetched and not yet handled, with when they were fetched.
    in_hand: BTreeMap<i32, Instant>,
    /// Ids handed out at or above the last offset: a poll brings them again until the offset passes them.
    seen: BTreeSet<i32>,
    /// The last offset polled with: everything below it is confirmed and forgotten.
    floor: i32,
}

impl Acks {
    /// Takes a fetched update at `now`: true if it is new (not handed out before).
    pub fn fetched(&self, id: i32, now: Instant) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if id < s.floor || !s.seen.insert(id) {
            return false;
        }
        s.in_hand.insert(id, now);
        true
    }

    /// The update's handler has finished.
    pub fn handled(&self, id: i32) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).in_hand.remove(&id);
        if let Some(waiting) = self.hooked.lock().unwrap_or_else(|p| p.into_inner()).remove(&id) {
            waiting.send_replace(true);
        }
        self.done.notify_one();
    }

    /// A webhook call brought update `id`: what turns true once it is handled, and whether the update is new
    /// here (a second call for one in hand — Telegram retrying — waits for the same handler).
    pub fn hooked(&self, id: i32) -> (tokio::sync::watch::Receiver<bool>, bool) {
        let mut hooked = self.hooked.lock().unwrap_or_else(|p| p.into_inner());
        match hooked.get(&id) {
            Some(tx) => (tx.subscribe(), false),
            None => {
                let (tx, rx) = tokio::sync::watch::channel(false);
                hooked.insert(id, tx);
                (rx, true)
            }
        }
    }

    /// The offset to poll with at `now`: the oldest update in hand, or after the newest handed out, and
    /// whether any are in hand. Updates in hand for longer than `ACK_PATIENCE` no longer hold it.
    pub fn offset(&self, now: Instant) -> (i32, bool) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.in_hand.retain(|_, at| now.duration_since(*at) < ACK_PATIENCE);
        let offset = match (s.in_hand.keys().next(), s.seen.last()) {
            (Some(first), _) => *first,
            (None, Some(last)) => last + 1,
            (None, None) => s.floor,
        };
        s.floor = offset;
        s.seen = s.seen.split_off(&offset);
        (offset, !s.in_hand.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_waits_for_handlers_but_not_forever() {
        let acks = Acks::default();
        let t0 = Instant::now();
        assert!(acks.fetched(10, t0));
        assert!(acks.fetched(11, t0));
        assert!(!acks.fetched(10, t0), "handed out once");
        assert_eq!(acks.offset(t0), (10, true), "10 is in hand");
        acks.handled(10);
        assert_eq!(acks.offset(t0), (11, true));
        assert!(!acks.fetched(10, t0), "below the offset: confirmed already");
        // 11 is slow: after ACK_PATIENCE it no longer holds the offset.
        assert_eq!(acks.offset(t0 + ACK_PATIENCE), (12, false));
        assert!(acks.fetched(12, t0 + ACK_PATIENCE));
        acks.handled(12);
        assert_eq!(acks.offset(t0 + ACK_PATIENCE), (13, false));
    }
}
