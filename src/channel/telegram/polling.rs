//! Long polling that confirms an update to Telegram only once it was handled. Telegram forgets an update
//! once `getUpdates` is called with a higher offset; teloxide's own polling does that as soon as the
//! dispatcher has taken a batch, so a crash loses the updates in hand. Here the offset only passes an update
//! once its handler has finished (`Acks`, which both listeners share), and an update fetched again is not
//! handed out twice.
//!
//! Only one process may poll a bot: Telegram ends the older of two `getUpdates` calls with 409 Conflict. Both
//! processes then keep getting updates in turns (each confirmed once handled, de-duplicated by the cases), but
//! every conflict is logged at ERROR with what to do: run several processes behind a webhook instead.
//! Owns: the polling listener. Must not touch: the handlers.

use super::acks::Acks;
use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};
use teloxide::prelude::*;
use teloxide::types::Update;

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
