//! Long polling that confirms an update to Telegram only once it was handled. Telegram forgets an update
//! once `getUpdates` is called with a higher offset; teloxide's own polling does that as soon as the
//! dispatcher has taken a batch, so a crash loses the updates in hand. Here the offset only passes an update
//! once its handler has finished (or after `ACK_PATIENCE`, so one slow conversation cannot hold up the
//! rest), and an update fetched again is not handed out twice. `Acks` is the bookkeeping, a plain type that
//! takes the time; the listener around it does the HTTP. The webhook confirms the same way — its answer to
//! Telegram's call waits for the handler (`Acks::hooked`) — so a process killed before handling an update
//! gets it redelivered, perhaps to another process.
//!
//! Only one process may poll a bot: Telegram ends the older of two `getUpdates` calls with 409 Conflict. Both
//! processes then keep getting updates in turns (each confirmed once handled, de-duplicated by the cases), but
//! every conflict is logged at ERROR with what to do: run several processes behind a webhook instead.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use teloxide::prelude::*;
use teloxide::types::Update;

/// How long an update may stay in hand before the offset moves past it anyway.
pub const ACK_PATIENCE: Duration = Duration::from_secs(2);

/// The updates fetched by polling and not yet handled.
#[derive(Default)]
pub struct Acks {
    state: Mutex<AckState>,
    done: tokio::sync::Notify,
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

/// The state of `acked_polling`.
struct PollState {
    bot: Bot,
    acks: Arc<Acks>,
    buffer: VecDeque<Update>,
    token: teloxide::stop::StopToken,
    flag: teloxide::stop::StopFlag,
    /// The last poll brought nothing new while updates were in hand: wait for one to be handled.
    idle: bool,
}

/// Long polling that confirms updates only once handled (see `Acks`).
pub fn acked_polling(
    bot: Bot,
    acks: Arc<Acks>,
) -> impl teloxide::update_listeners::UpdateListener<Err = teloxide::RequestError> {
    let (token, flag) = teloxide::stop::mk_stop_token();
    let state = PollState { bot, acks, buffer: Default::default(), token, flag, idle: false };
    teloxide::update_listeners::StatefulListener::new(state, poll_stream, |st: &mut PollState| st.token.clone())
}

fn poll_stream(st: &mut PollState) -> impl futures::Stream<Item = Result<Update, teloxide::RequestError>> + Send + '_ {
    futures::stream::unfold(st, |st| async move {
        loop {
            if let Some(u) = st.buffer.pop_front() {
                return Some((Ok(u), st));
            }
            if st.flag.is_stopped() {
                return None;
            }
            let (offset, in_hand) = st.acks.offset(Instant::now());
            if st.idle && in_hand && !wait_for_a_handler(st).await {
                return None;
            }
            match poll(st, offset, in_hand).await {
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    return Some((Err(e), st));
                }
                None => return None,
            }
        }
    })
}

/// Updates in hand come back at once: poll again when one is handled (or soon, for new ones), not in a busy
/// loop. False when polling was stopped meanwhile.
async fn wait_for_a_handler(st: &mut PollState) -> bool {
    tokio::select! {
        () = st.acks.done.notified() => tokio::time::sleep(Duration::from_millis(2)).await,
        () = tokio::time::sleep(Duration::from_millis(100)) => {}
        () = &mut st.flag => return false,
    }
    true
}

/// One `getUpdates`; the new updates go into the buffer. `None` when polling was stopped meanwhile.
async fn poll(st: &mut PollState, offset: i32, in_hand: bool) -> Option<Result<(), teloxide::RequestError>> {
    use teloxide::payloads::GetUpdatesSetters;
    use teloxide::requests::Request;
    let timeout = if in_hand { 0 } else { 10 };
    let req = st.bot.get_updates().offset(offset).timeout(timeout).limit(100).send();
    let result = tokio::select! {
        r = req => r,
        () = &mut st.flag => return None,
    };
    if let Err(teloxide::RequestError::Api(
        e @ (teloxide::ApiError::TerminatedByOtherGetUpdates | teloxide::ApiError::CantGetUpdates),
    )) = &result
    {
        tracing::error!(
            conflict = %e,
            "another process is taking this bot's updates (polling or a webhook): only one process may poll; run \
             several behind a webhook (--webhook-url, --listen) instead"
        );
    }
    Some(result.map(|updates| {
        let before = st.buffer.len();
        let now = Instant::now();
        for u in updates {
            let id = u.id.0 as i32;
            if !st.acks.fetched(id, now) {
                continue;
            }
            // An update teloxide could not read holds its whole JSON; teloxide's dispatcher would log that
            // at ERROR (a card number with it). It is logged by id and kind here, and done with.
            if let Some(kind) = super::webhook::unreadable(&u) {
                tracing::warn!(update = u.id.0, kind, "an update could not be read; skipped");
                st.acks.handled(id);
                continue;
            }
            st.buffer.push_back(u);
        }
        st.idle = st.buffer.len() == before;
    }))
}

/// Confirms every update handled so far, so the next start does not get them again (after a clean stop).
pub async fn confirm_handled(bot: &Bot, acks: &Acks) {
    use teloxide::payloads::GetUpdatesSetters;
    let (offset, _) = acks.offset(Instant::now());
    let _ = bot.get_updates().offset(offset).limit(1).timeout(0).await;
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
