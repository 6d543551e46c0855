//! The handlers of people's updates: a message or a button press becomes an `Incoming`, the session handles
//! it on a blocking thread (the store is synchronous), and the reply goes out through the outbox. Decisions
//! are the session's; this only translates and delivers.

use super::client::Late;
use super::outbox::{MAX_TELEGRAM_TEXT, send_reply, split_text};
use super::{Context, HandlerError, callback, error_log, flood::Verdict, staff, user_key};
use crate::session::{AppError, Incoming, OutMessage, Reply};
use futures::future::BoxFuture;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};
use teloxide::types::{CallbackQuery, ChatId, InlineKeyboardButtonKind, Message, MessageId, Update};

/// The sends a handler leaves for its chat's lane (`lanes`): they may wait for the sending budget, and the
/// update is confirmed once they are done.
pub struct Then {
    pub chat: ChatId,
    pub send: BoxFuture<'static, Result<(), HandlerError>>,
}

/// A handled update: nothing left to do, or sends to make in its chat's lane.
pub type Handled = Result<Option<Then>, HandlerError>;

/// Leaves `send` for `chat`'s lane.
fn then(chat: ChatId, send: impl Future<Output = Result<(), HandlerError>> + Send + 'static) -> Handled {
    Ok(Some(Then { chat, send: Box::pin(send) }))
}

/// Leaves one plain text for `chat`'s lane.
fn say(ctx: Arc<Context>, chat: ChatId, text: String) -> Handled {
    then(chat, async move { Ok(ctx.client.send(chat, text, None).await?) })
}

/// Runs one turn on a blocking thread.
async fn handle(
    ctx: &Context,
    user: &str,
    lang: Option<String>,
    incoming: Incoming,
    (update, message): (u64, Option<MessageId>),
) -> Result<Reply, AppError> {
    let (app, user) = (ctx.app.clone(), user.to_string());
    tokio::task::spawn_blocking(move || match message {
        Some(m) => app.handle_message(&user, lang.as_deref(), incoming, update, i64::from(m.0)),
        None => app.handle_update(&user, lang.as_deref(), incoming, Some(update)),
    })
    .await
    .unwrap_or_else(|e| panic!("a turn panicked: {e}"))
}

/// A text of `key` in the person's language (their case's, else their client's), read on a blocking thread.
async fn person_text(ctx: &Context, user: &str, hint: Option<String>, key: &'static str) -> String {
    let (app, user) = (ctx.app.clone(), user.to_string());
    tokio::task::spawn_blocking(move || app.catalog().i18n.raw(&app.locale_of(&user, hint.as_deref()), key, &[]))
        .await
        .unwrap_or_else(|e| panic!("reading a language panicked: {e}"))
}

/// What a message carries, as the session takes it.
fn incoming(msg: &Message, interrupts: &[String]) -> Incoming {
    if let Some(text) = msg.text() {
        return Incoming::parse(text, interrupts);
    }
    let caption = msg.caption();
    if let Some(photos) = msg.photo() {
        // Telegram sends several sizes; the largest is the evidence.
        return match photos.iter().max_by_key(|p| u64::from(p.width) * u64::from(p.height)) {
            Some(p) => Incoming::file("photo", &p.file.id.0, &p.file.unique_id.0, caption, None),
            None => Incoming::Unsupported,
        };
    }
    match msg.document() {
        Some(d) => Incoming::file("document", &d.file.id.0, &d.file.unique_id.0, caption, d.file_name.as_deref()),
        None => Incoming::Unsupported,
    }
}

pub async fn on_message(msg: Message, upd: Update, ctx: Arc<Context>) -> Handled {
    let since = Instant::now();
    let Some(from) = msg.from.as_ref() else { return Ok(None) };
    let incoming = incoming(&msg, &ctx.interrupts);
    // A card number or a code goes from the chat wherever it arrives (staff chat and other groups too, where
    // the bot may delete), before any limit or check can return early.
    let sensitive = incoming.sensitive();
    if sensitive {
        delete(&ctx, msg.chat.id, msg.id).await;
    }
    if ctx.settings.staff.chat_id == Some(msg.chat.id.0) {
        return staff::on_message(&ctx, &msg, from.id).await.map(|()| None);
    }
    // Other groups are not conversations with a cardholder.
    if !msg.chat.is_private() {
        return Ok(None);
    }
    if staff::console_in_private(&ctx, &msg, from.id).await? {
        return Ok(None);
    }
    let chat = msg.chat.id;
    let (user, lang) = (user_key(from.id), from.language_code.clone());
    // The flood limit comes first: a flood must reach neither the store nor the staff chat.
    match ctx.flood.check(from.id.0, ctx.app.now()) {
        Verdict::Fine => {}
        Verdict::TellOnce => {
            let text = person_text(&ctx, &user, lang, "ui-flood").await;
            return say(ctx, chat, text);
        }
        Verdict::Ignore => return Ok(None),
    }
    ctx.recent.push(msg.chat.id, msg.id);
    let reply = match handle(&ctx, &user, lang.clone(), incoming, (u64::from(upd.id.0), Some(msg.id))).await {
        Ok(r) => r,
        Err(e) => return failed(&ctx, chat, &user, lang, &e).await,
    };
    if reply.duplicate {
        tracing::debug!(update = upd.id.0, "redelivered update ignored");
        return Ok(None);
    }
    if reply.redact && !sensitive {
        delete(&ctx, msg.chat.id, msg.id).await;
    }
    // The earlier parts of a card number this message completed, as the case knows them (another process may
    // have received them); for a case from before message ids were kept, as this process saw them.
    let mut earlier: Vec<MessageId> =
        reply.earlier_messages.iter().filter_map(|m| i32::try_from(*m).ok()).map(MessageId).collect();
    if earlier.is_empty() {
        earlier = ctx.recent.before(msg.chat.id, msg.id, reply.redact_earlier);
    }
    for id in earlier {
        delete(&ctx, msg.chat.id, id).await;
    }
    if let Some(r) = &reply.relay {
        staff::relay(&ctx, r);
    }
    if let Some(code) = &reply.staff_review {
        staff::review(&ctx, code).await;
    }
    then(chat, async move { answer(&ctx, chat, &reply, &upd, since).await })
}

/// An edited message is not read again (the answer stands), but one edited to hold a card number or a code
/// goes from the chat like a new one would.
pub async fn on_edited(msg: &Message, ctx: &Context) {
    if incoming(msg, &ctx.interrupts).sensitive() {
        delete(ctx, msg.chat.id, msg.id).await;
    }
}

/// Deletes a message holding card data. Where the bot may not delete (a group where it is no admin), the
/// person was told why it was not kept; the log says only that it failed, never what the message held.
async fn delete(ctx: &Context, chat: ChatId, id: MessageId) {
    if let Err(e) = ctx.client.delete(chat, id).await {
        tracing::info!(kind = error_log::kind(&e), "could not delete a message holding card data");
    }
}

/// The person gets a short localized answer; the operator gets the cause in the log (no user text in it).
async fn failed(ctx: &Arc<Context>, chat: ChatId, user: &str, lang: Option<String>, e: &AppError) -> Handled {
    tracing::error!(error = %e, "an update could not be handled");
    let text = person_text(ctx, user, lang, "ui-save-failed").await;
    say(ctx.clone(), chat, text)
}

pub async fn on_callback(q: CallbackQuery, upd: Update, ctx: Arc<Context>) -> Handled {
    let since = Instant::now();
    let user = user_key(q.from.id);
    // Only a button in the person's own chat is a conversation: one on a message in a group (or of an inline
    // message) would make the bot answer there, with a person's case for all to read.
    let chat = q.regular_message().filter(|m| m.chat.is_private()).map(|m| m.chat.id);
    let Some(chat) = chat else {
        acknowledge(&ctx, &q, None).await;
        return Ok(None);
    };
    // Presses count toward the flood limit like messages: each one is a turn (a save and a reply).
    match ctx.flood.check(q.from.id.0, ctx.app.now()) {
        Verdict::Fine => {}
        Verdict::TellOnce => {
            let text = person_text(&ctx, &user, q.from.language_code.clone(), "ui-flood").await;
            acknowledge(&ctx, &q, Some(text)).await;
            return Ok(None);
        }
        Verdict::Ignore => {
            acknowledge(&ctx, &q, None).await;
            return Ok(None);
        }
    }
    let data = q.data.clone().unwrap_or_default();
    let pressed = q.regular_message().cloned();
    let lang = q.from.language_code.clone();
    let reply = match handle(&ctx, &user, lang.clone(), callback::decode(&data), (u64::from(upd.id.0), None)).await {
        Ok(r) => r,
        Err(e) => {
            acknowledge(&ctx, &q, None).await;
            return failed(&ctx, chat, &user, lang, &e).await;
        }
    };
    if reply.stale {
        // A button of an earlier question: a notice, and the old keyboard goes so it is not pressed again.
        acknowledge(&ctx, &q, reply.messages.first().map(|m| m.text.clone())).await;
        let Some(m) = pressed else { return Ok(None) };
        return then(chat, async move {
            let _ = ctx.client.drop_keyboard(chat, m.id).await;
            Ok(())
        });
    }
    acknowledge(&ctx, &q, None).await;
    if reply.duplicate {
        return Ok(None);
    }
    let mut reply = reply;
    then(chat, async move {
        if let Some(m) = &pressed {
            show_choice(&ctx, chat, m, &data, &mut reply).await;
        }
        answer(&ctx, chat, &reply, &upd, since).await
    })
}

/// Answers the button press (Telegram stops the button's spinner). The turn is saved by now: a failure here
/// (a press too old to answer) must not keep its reply from the person, so it is only logged.
async fn acknowledge(ctx: &Context, q: &CallbackQuery, text: Option<String>) {
    if let Err(e) = ctx.client.answer(q, text).await {
        tracing::info!(kind = error_log::kind(&e), "could not answer a button press");
    }
}

/// Shows what was pressed ("✓ Charged twice"). Telegram allows one message a second per chat and about 30
/// a second in all, so a press costs one message where it can: the choice opens the reply's first message,
/// and the pressed message keeps its keyboard (a later press on it is answered as stale). Only a turn with
/// nothing else to send edits the pressed message instead.
async fn show_choice(ctx: &Context, chat: ChatId, m: &Message, data: &str, reply: &mut Reply) {
    let label = m
        .reply_markup()
        .into_iter()
        .flat_map(|k| k.inline_keyboard.iter().flatten())
        .find(|b| matches!(&b.kind, InlineKeyboardButtonKind::CallbackData(d) if d == data))
        .map(|b| b.text.clone());
    let Some(label) = label else { return };
    let chose = ctx.app.catalog().i18n.raw(&reply.locale, "ui-you-chose", &[("choice", &label)]);
    if !reply.messages.is_empty() {
        reply.messages.insert(0, OutMessage::text(chose));
        for a in &mut reply.attachments {
            a.after += 1;
        }
        return;
    }
    let text = format!("{}\n\n{chose}", m.text().unwrap_or_default());
    if split_text(&text, MAX_TELEGRAM_TEXT).len() == 1 {
        let _ = ctx.client.edit_text(chat, m.id, text).await;
    } else {
        let _ = ctx.client.drop_keyboard(chat, m.id).await;
    }
}

/// Sends the reply to a person's update, notes that it went out, and tells staff of a hand-off. `since`:
/// when the update came in, from which a reply is late after `busy_after`.
async fn answer(
    ctx: &Arc<Context>,
    chat: ChatId,
    reply: &Reply,
    upd: &Update,
    since: Instant,
) -> Result<(), HandlerError> {
    let client = match told_now(ctx, chat, reply).await {
        true => ctx.client.clone(),
        false => ctx.client.watching(late_notice(ctx.clone(), chat, reply.locale.clone(), since)),
    };
    send_reply(&client, chat, reply).await?;
    if let Some(id) = &reply.case_id {
        // The one store write made on an async thread: a note in memory and sled's log buffer that never
        // waits for the disk. A hop to a blocking thread for it cost 17 % of the throughput (measured with
        // the lab's load tool at 1,000 people), so it is made here.
        ctx.app.replied(id, u64::from(upd.id.0));
        if !reply.handoffs.is_empty() {
            staff::notify(ctx, id, reply.staff_files.clone());
        }
    }
    Ok(())
}

/// When more people write than the sending budget serves, a reply waits its turn: a person whose reply
/// is foreseen to take longer than `busy_after` is told so now (the notice goes ahead of replies). Their
/// message is saved already; the reply follows. True when nothing is left to watch for: told, or nothing
/// to send.
async fn told_now(ctx: &Context, chat: ChatId, reply: &Reply) -> bool {
    if reply.messages.is_empty() {
        return true;
    }
    let wait = ctx.client.wait_for(chat).await;
    if wait <= ctx.settings.busy_after {
        return false;
    }
    tell(ctx, chat, &reply.locale, wait).await;
    true
}

/// The watch on a reply not foreseen to be late: if its first message still waits `busy_after` after the
/// person wrote, they are told then (before it).
fn late_notice(ctx: Arc<Context>, chat: ChatId, locale: String, since: Instant) -> Late {
    let at = tokio::time::Instant::from_std(since + ctx.settings.busy_after);
    Late::new(at, move || {
        let (ctx, locale) = (ctx.clone(), locale.clone());
        Box::pin(async move {
            let wait = ctx.client.wait_for(chat).await;
            tell(&ctx, chat, &locale, wait).await;
        })
    })
}

/// "Many people are writing; your reply comes in about N seconds" — once per busy spell of a person.
async fn tell(ctx: &Context, chat: ChatId, locale: &str, wait: Duration) {
    if ctx.busy_told.check(chat.0.unsigned_abs(), ctx.app.now()) != Verdict::Fine {
        return;
    }
    let seconds = (wait.as_secs() + 1).to_string();
    let text = ctx.app.catalog().i18n.raw(locale, "ui-busy", &[("seconds", &seconds)]);
    let notice = ctx.client.with_class(super::budget::Class::Notice);
    if let Err(e) = notice.send(chat, text, None).await {
        tracing::info!(kind = error_log::kind(&e), "the busy notice could not be sent");
    }
}

/// Fires the due follow-ups of Telegram users and sends them; returns how many went out.
pub async fn deliver_due(ctx: &Context) -> usize {
    let app = ctx.app.clone();
    let due = match tokio::task::spawn_blocking(move || app.fire_due(|owner| owner.starts_with("tg:"))).await {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            tracing::error!(error = %e, "follow-ups could not be fired");
            return 0;
        }
        Err(e) => panic!("firing follow-ups panicked: {e}"),
    };
    let mut sent = 0;
    for (owner, reply) in due {
        let Some(chat) = super::chat_of(&owner) else { continue };
        match send_reply(&ctx.client.with_class(super::budget::Class::Background), chat, &reply).await {
            Ok(()) => sent += 1,
            Err(e) => tracing::warn!(kind = error_log::kind(&e), "a follow-up could not be sent"),
        }
    }
    sent
}
