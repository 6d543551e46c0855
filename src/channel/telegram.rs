//! The Telegram channel (teloxide 0.17, rustls): turns updates into `app::Incoming` and replies into
//! messages with inline keyboards. It makes no decisions of its own: the app and the engine do. This is the
//! only module that imports teloxide.
//!
//! - Polling by default, or teloxide's axum webhook listener with a secret token.
//! - Updates of one chat are handled one at a time, in order (teloxide's per-chat distribution); different
//!   chats run in parallel. The app blocks on the store, so each turn runs on a blocking thread.
//! - An update is never handled twice: its id is saved with the case (`App::handle_update`).
//! - An update is not lost when the process dies: polling confirms an update to Telegram only once it was
//!   handled and answered (`Acks`), so a crash hands the ones in hand to the next process.
//! - Button presses carry `<case id>|<node hash>|<option id>` (≤ 64 bytes); a press on an old message's
//!   button is answered politely and changes nothing.

use crate::app::{App, AppError, Attachment, AttachmentKind, Incoming, OutMessage, Reply};
use crate::engine::FileInput;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use teloxide::adaptors::Throttle;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::{UpdateHandler, dialogue::GetChatId};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, CallbackQuery, ChatId, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, MessageId,
    Update,
};
use teloxide::update_listeners::webhooks;

/// Telegram's limit for one message's text.
pub const MAX_TELEGRAM_TEXT: usize = 4096;
/// Telegram's limit for callback data.
pub const MAX_CALLBACK_DATA: usize = 64;

/// The client the handlers send with: throttled to Telegram's limits, or direct (a local fake API).
/// Throttle keeps a queue sized by its limits and a minute of history, which only makes sense against Telegram.
#[derive(Clone)]
pub enum Client {
    Direct(Bot),
    Throttled(Throttle<Bot>),
}

/// Runs the same request code against either client.
macro_rules! both {
    ($client:expr, $b:ident => $body:expr) => {
        match $client {
            Client::Direct($b) => $body,
            Client::Throttled($b) => $body,
        }
    };
}

type Sent = Result<(), teloxide::RequestError>;

impl Client {
    async fn send(&self, chat: ChatId, text: String, keyboard: Option<InlineKeyboardMarkup>) -> Sent {
        both!(self, b => {
            let mut req = b.send_message(chat, text);
            if let Some(k) = keyboard {
                req = req.reply_markup(k);
            }
            req.await.map(|_| ())
        })
    }

    async fn delete(&self, chat: ChatId, id: MessageId) -> Sent {
        both!(self, b => b.delete_message(chat, id).await.map(|_| ()))
    }

    async fn answer(&self, q: &CallbackQuery, text: Option<String>) -> Sent {
        both!(self, b => {
            let mut req = b.answer_callback_query(q.id.clone());
            if let Some(t) = text {
                req = req.text(t);
            }
            req.await.map(|_| ())
        })
    }

    async fn edit_text(&self, chat: ChatId, id: MessageId, text: String) -> Sent {
        both!(self, b => b.edit_message_text(chat, id, text).await.map(|_| ()))
    }

    async fn drop_keyboard(&self, chat: ChatId, id: MessageId) -> Sent {
        both!(self, b => b.edit_message_reply_markup(chat, id).await.map(|_| ()))
    }

    async fn send_file(&self, chat: ChatId, kind: &str, reference: &str, caption: String) -> Sent {
        let file = InputFile::file_id(teloxide::types::FileId(reference.to_string()));
        both!(self, b => {
            if kind == "photo" {
                b.send_photo(chat, file).caption(caption).await.map(|_| ())
            } else {
                b.send_document(chat, file).caption(caption).await.map(|_| ())
            }
        })
    }

    /// Uploads a file made in memory: a picture (a QR code) or a document (a letter).
    async fn send_attachment(&self, chat: ChatId, a: &Attachment) -> Sent {
        let file = InputFile::memory(a.bytes.clone()).file_name(a.file_name.clone());
        let caption = a.caption.clone();
        both!(self, b => match a.kind {
            AttachmentKind::Image => b.send_photo(chat, file).caption(caption).await.map(|_| ()),
            AttachmentKind::Document => b.send_document(chat, file).caption(caption).await.map(|_| ()),
        })
    }

    async fn set_commands(&self, cmds: Vec<BotCommand>, language: Option<&str>) -> Sent {
        both!(self, b => {
            let mut req = b.set_my_commands(cmds);
            if let Some(l) = language {
                req = req.language_code(l);
            }
            req.await.map(|_| ())
        })
    }
}
type HandlerError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// How updates arrive.
#[derive(Debug, Clone)]
pub enum Listen {
    /// Long polling (`getUpdates`).
    Polling,
    /// Telegram calls `url`; the bot listens on `address`. `secret` is checked on every request
    /// (teloxide makes one up when `None`).
    Webhook { url: url::Url, address: SocketAddr, secret: Option<String> },
}

/// Settings of the channel, with sane defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Respect Telegram's sending limits (30 messages/s overall, ~1/s per chat). Off only against a fake API.
    pub throttle: bool,
    /// At most this many messages from one person...
    pub flood_max: u32,
    /// ...in this window; more get one polite answer and are then ignored until the window ends.
    pub flood_window: chrono::Duration,
    /// The staff chat and who is staff (hand-off summaries go there).
    pub staff: crate::settings::Staff,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            throttle: true,
            flood_max: 20,
            flood_window: chrono::Duration::seconds(10),
            staff: crate::settings::Staff::default(),
        }
    }
}

impl From<crate::settings::Settings> for Settings {
    /// The deployment's pacing and staff settings (`swipefix.toml`); a `flood_max` of 0 means no limit.
    fn from(s: crate::settings::Settings) -> Settings {
        let t = s.telegram;
        Settings {
            throttle: t.throttle,
            flood_max: if t.flood_max == 0 { u32::MAX } else { t.flood_max },
            flood_window: chrono::Duration::seconds(i64::from(t.flood_window_secs.max(1))),
            staff: s.staff,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TelegramError {
    #[error("Telegram did not accept the bot token (check TELOXIDE_TOKEN): {0}")]
    Token(String),
    #[error("TELOXIDE_API_URL `{0}` is not a URL: {1}")]
    ApiUrl(String, String),
    #[error("cannot start the webhook listener: {0}")]
    Webhook(String),
    #[error(transparent)]
    App(#[from] AppError),
}

/// Per-person message counts in the current window.
#[derive(Default)]
struct Flood {
    windows: HashMap<u64, (DateTime<Utc>, u32)>,
}

/// What the handlers share.
pub struct Context {
    app: Arc<App>,
    client: Client,
    settings: Settings,
    flood: Mutex<Flood>,
    acks: Arc<Acks>,
}

/// The updates fetched by polling and not yet handled. Telegram forgets an update once `getUpdates` is called
/// with a higher offset; teloxide's own polling does that as soon as the dispatcher has taken a batch, so a
/// crash loses the updates in hand. Here the offset only passes an update once its handler has finished (or
/// after `ACK_PATIENCE`, so one slow conversation cannot hold up the rest), and an update fetched again is
/// not handed out twice.
#[derive(Default)]
pub struct Acks {
    state: Mutex<AckState>,
    done: tokio::sync::Notify,
}

#[derive(Default)]
struct AckState {
    /// Fetched and not yet handled, with when they were fetched.
    in_hand: std::collections::BTreeMap<i32, std::time::Instant>,
    /// Ids handed out at or above the last offset: a poll brings them again until the offset passes them.
    seen: std::collections::BTreeSet<i32>,
    /// The last offset polled with: everything below it is confirmed and forgotten.
    floor: i32,
}

/// How long an update may stay in hand before the offset moves past it anyway.
const ACK_PATIENCE: Duration = Duration::from_secs(2);

impl Acks {
    /// Takes a fetched update: true if it is new (not handed out before).
    fn fetched(&self, id: i32) -> bool {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if id < s.floor || !s.seen.insert(id) {
            return false;
        }
        s.in_hand.insert(id, std::time::Instant::now());
        true
    }

    /// The update's handler has finished.
    pub fn handled(&self, id: i32) {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).in_hand.remove(&id);
        self.done.notify_one();
    }

    /// The offset to poll with: the oldest update in hand, or after the newest handed out, and whether any
    /// are in hand. Updates in hand for longer than `ACK_PATIENCE` no longer hold it.
    fn offset(&self) -> (i32, bool) {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let now = std::time::Instant::now();
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
    buffer: std::collections::VecDeque<Update>,
    token: teloxide::stop::StopToken,
    flag: teloxide::stop::StopFlag,
    /// The last poll brought nothing new while updates were in hand: wait for one to be handled.
    idle: bool,
}

/// Long polling that confirms updates only once handled (see `Acks`).
fn acked_polling(
    bot: Bot,
    acks: Arc<Acks>,
) -> impl teloxide::update_listeners::UpdateListener<Err = teloxide::RequestError> {
    let (token, flag) = teloxide::stop::mk_stop_token();
    let state = PollState { bot, acks, buffer: Default::default(), token, flag, idle: false };
    teloxide::update_listeners::StatefulListener::new(state, poll_stream, |st: &mut PollState| st.token.clone())
}

fn poll_stream(st: &mut PollState) -> impl futures::Stream<Item = Result<Update, teloxide::RequestError>> + Send + '_ {
    use teloxide::payloads::GetUpdatesSetters;
    use teloxide::requests::Request;
    futures::stream::unfold(st, |st| async move {
        loop {
            if let Some(u) = st.buffer.pop_front() {
                return Some((Ok(u), st));
            }
            if st.flag.is_stopped() {
                return None;
            }
            let (offset, in_hand) = st.acks.offset();
            if st.idle && in_hand {
                // Updates in hand come back at once: poll again when one is handled (or soon, for new ones),
                // not in a busy loop.
                tokio::select! {
                    () = st.acks.done.notified() => tokio::time::sleep(Duration::from_millis(2)).await,
                    () = tokio::time::sleep(Duration::from_millis(100)) => {}
                    () = &mut st.flag => return None,
                }
            }
            let timeout = if in_hand { 0 } else { 10 };
            let req = st.bot.get_updates().offset(offset).timeout(timeout).limit(100).send();
            let result = tokio::select! {
                r = req => r,
                () = &mut st.flag => return None,
            };
            match result {
                Ok(updates) => {
                    let before = st.buffer.len();
                    let acks = st.acks.clone();
                    st.buffer.extend(updates.into_iter().filter(|u| acks.fetched(u.id.0 as i32)));
                    st.idle = st.buffer.len() == before;
                }
                Err(e) => {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    return Some((Err(e), st));
                }
            }
        }
    })
}

impl Context {
    pub fn new(app: Arc<App>, client: Client, settings: Settings) -> Context {
        Context { app, client, settings, flood: Mutex::new(Flood::default()), acks: Arc::new(Acks::default()) }
    }

    /// Counts a message of `user`; `Some(true)` = over the limit and not yet told, `Some(false)` = over the
    /// limit and told already, `None` = fine.
    fn flood_check(&self, user: u64) -> Option<bool> {
        let now = self.app.clock.now();
        let mut f = self.flood.lock().unwrap_or_else(|p| p.into_inner());
        if f.windows.len() > 100_000 {
            // Forget old windows now and then so memory stays bounded.
            let window = self.settings.flood_window;
            f.windows.retain(|_, (start, _)| now - *start < window);
        }
        let entry = f.windows.entry(user).or_insert((now, 0));
        if now - entry.0 >= self.settings.flood_window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        match entry.1.checked_sub(self.settings.flood_max) {
            None | Some(0) => None,
            Some(1) => Some(true),
            Some(_) => Some(false),
        }
    }
}

/// FNV-1a: a short, stable fingerprint of a node id for callback data (the same across restarts and
/// builds, unlike std's hasher).
fn node_hash(node: &str) -> u32 {
    node.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The callback data of a button: which case, which question, which answer.
pub fn callback_data(case_id: &str, node: &str, option: &str) -> String {
    let d = format!("{case_id}|{:08x}|{option}", node_hash(node));
    debug_assert!(d.len() <= MAX_CALLBACK_DATA, "{d}");
    d
}

fn parse_callback(data: &str) -> Option<(&str, u32, &str)> {
    let mut parts = data.splitn(3, '|');
    let case = parts.next()?;
    let hash = u32::from_str_radix(parts.next()?, 16).ok()?;
    Some((case, hash, parts.next()?))
}

/// Splits a text into pieces under Telegram's limit, at line breaks where possible.
pub fn split_text(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive('\n') {
        if cur.chars().count() + line.chars().count() > max && !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end().to_string());
        }
        if line.chars().count() > max {
            // One very long line: cut it by characters.
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(max) {
                out.push(chunk.iter().collect::<String>().trim_end().to_string());
            }
            continue;
        }
        cur.push_str(line);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim_end().to_string());
    }
    out
}

/// Joins the turn's messages into as few Telegram messages as possible: texts without buttons are merged
/// with the next, so a person gets one message per turn where it fits (Telegram allows ~1 message/s per chat).
fn merge(messages: &[OutMessage]) -> Vec<OutMessage> {
    let mut out: Vec<OutMessage> = Vec::new();
    for m in messages {
        match out.last_mut() {
            Some(last)
                if last.buttons.is_empty()
                    && last.text.chars().count() + m.text.chars().count() + 2 <= MAX_TELEGRAM_TEXT =>
            {
                last.text = format!("{}\n\n{}", last.text, m.text);
                last.buttons = m.buttons.clone();
            }
            _ => out.push(m.clone()),
        }
    }
    out
}

fn user_key(id: UserId) -> String {
    format!("tg:{}", id.0)
}

async fn handle(
    app: &Arc<App>,
    user: String,
    lang: Option<String>,
    incoming: Incoming,
    update: u64,
) -> Result<Reply, AppError> {
    let app = app.clone();
    tokio::task::spawn_blocking(move || app.handle_update(&user, lang.as_deref(), incoming, Some(update)))
        .await
        .unwrap_or_else(|e| panic!("a turn panicked: {e}"))
}

/// Sends a reply: merged texts, split under the limit, buttons on the last piece; files after the message
/// they belong to (a letter after its text, before the next question).
async fn send_reply(bot: &Client, chat: ChatId, reply: &Reply) -> Result<(), HandlerError> {
    let mut from = 0;
    for a in &reply.attachments {
        let upto = a.after.clamp(from, reply.messages.len());
        send_messages(bot, chat, reply, &reply.messages[from..upto]).await?;
        bot.send_attachment(chat, a).await?;
        from = upto;
    }
    send_messages(bot, chat, reply, &reply.messages[from..]).await
}

async fn send_messages(bot: &Client, chat: ChatId, reply: &Reply, messages: &[OutMessage]) -> Result<(), HandlerError> {
    let node = reply.awaiting.as_ref().map(|a| a.node.as_str()).unwrap_or("");
    let case_id = reply.case_id.as_deref().unwrap_or("");
    for m in merge(messages) {
        let pieces = split_text(&m.text, MAX_TELEGRAM_TEXT);
        let n = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            let mut keyboard = None;
            if i + 1 == n && !m.buttons.is_empty() {
                let rows: Vec<Vec<InlineKeyboardButton>> = m
                    .buttons
                    .iter()
                    .map(|b| {
                        let data =
                            if b.id.starts_with("lang:") { b.id.clone() } else { callback_data(case_id, node, &b.id) };
                        vec![InlineKeyboardButton::callback(b.label.clone(), data)]
                    })
                    .collect();
                keyboard = Some(InlineKeyboardMarkup::new(rows));
            }
            bot.send(chat, piece, keyboard).await?;
        }
    }
    Ok(())
}

/// Sends the reply to a person's update, notes that it went out, and hands the case to staff if the turn
/// did.
async fn answer(ctx: &Context, chat: ChatId, reply: &Reply, upd: &Update) -> Result<(), HandlerError> {
    send_reply(&ctx.client, chat, reply).await?;
    if let Some(id) = &reply.case_id {
        ctx.app.replied(id, u64::from(upd.id.0));
        if !reply.handoffs.is_empty() {
            notify_staff(ctx, id).await;
        }
    }
    Ok(())
}

/// Fires the due follow-ups of Telegram users and sends them.
async fn deliver_due(ctx: &Arc<Context>) {
    let app = ctx.app.clone();
    let due = match tokio::task::spawn_blocking(move || app.fire_due(|owner| owner.starts_with("tg:"))).await {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            tracing::error!(error = %e, "follow-ups could not be fired");
            return;
        }
        Err(e) => panic!("firing follow-ups panicked: {e}"),
    };
    for (owner, reply) in due {
        let Some(chat) = owner.strip_prefix("tg:").and_then(|id| id.parse::<i64>().ok()) else { continue };
        if let Err(e) = send_reply(&ctx.client, ChatId(chat), &reply).await {
            tracing::warn!(error = %e, "a follow-up could not be sent");
        }
    }
}

/// Posts the hand-off summary of `case_id` to the staff chat, with the evidence files copied after it. Does
/// nothing when no staff chat is configured (the hand-off stays recorded on the case).
async fn notify_staff(ctx: &Context, case_id: &str) {
    let Some(chat) = ctx.settings.staff.chat_id else {
        tracing::warn!(case = case_id, "hand-off recorded; no staff chat configured to deliver it to");
        return;
    };
    let app = ctx.app.clone();
    let id = case_id.to_string();
    let case = tokio::task::spawn_blocking(move || app.store.load(&id)).await;
    let Ok(Ok(Some(case))) = case else { return };
    let locale = ctx.app.catalog.i18n.negotiate(&ctx.settings.staff.language);
    let summary = crate::report::handoff_summary(&ctx.app.catalog, &case, &locale);
    let chat = ChatId(chat);
    for piece in split_text(&summary, MAX_TELEGRAM_TEXT) {
        if let Err(e) = ctx.client.send(chat, piece, None).await {
            tracing::error!(error = %e, case = case_id, "could not post the hand-off to the staff chat");
            return;
        }
    }
    for (i, e) in case.evidence.iter().enumerate() {
        let caption = format!("{} · {}/{}", case.id, i + 1, case.evidence.len());
        if let Err(err) = ctx.client.send_file(chat, &e.kind, &e.reference, caption).await {
            tracing::warn!(error = %err, case = case_id, "could not copy an evidence file to the staff chat");
        }
    }
}

/// A message in the staff chat: a staff command from a staff member is carried out; from anyone else it
/// is refused and the attempt logged; other talk there is left alone.
async fn on_staff_message(ctx: &Arc<Context>, msg: &Message, from: UserId) -> Result<(), HandlerError> {
    let Some(cmd) = msg.text().and_then(crate::desk::Command::parse) else { return Ok(()) };
    let locale = ctx.app.catalog.i18n.negotiate(&ctx.settings.staff.language);
    if !ctx.settings.staff.users.contains(&from.0) {
        tracing::warn!(user = from.0, "a staff command from someone not on the staff list was refused");
        ctx.client.send(msg.chat.id, ui_text(&ctx.app, &locale, "staff-not-allowed"), None).await?;
        return Ok(());
    }
    let app = ctx.app.clone();
    let staff = user_key(from);
    let result = tokio::task::spawn_blocking(move || crate::desk::Desk { app: &app, locale }.run(&staff, cmd))
        .await
        .unwrap_or_else(|e| panic!("a staff command panicked: {e}"));
    match result {
        Ok(out) => {
            for piece in split_text(&out.staff_text, MAX_TELEGRAM_TEXT) {
                ctx.client.send(msg.chat.id, piece, None).await?;
            }
            if let Some((person, text)) = out.to_person
                && let Some(chat) = person.strip_prefix("tg:").and_then(|id| id.parse::<i64>().ok())
            {
                ctx.client.send(ChatId(chat), text, None).await?;
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "a staff command failed");
            let locale = ctx.app.catalog.i18n.negotiate(&ctx.settings.staff.language);
            ctx.client.send(msg.chat.id, ui_text(&ctx.app, &locale, "ui-save-failed"), None).await?;
        }
    }
    Ok(())
}

/// While a staff member has the person's case, their plain messages go to the staff chat instead of the
/// decision tree (commands still work). Returns whether the message was relayed. Card data never is: such a
/// message takes the normal path, which removes it.
async fn relay_to_staff(ctx: &Arc<Context>, user: &str, text: &str, chat: ChatId) -> Result<bool, HandlerError> {
    let Some(staff_chat) = ctx.settings.staff.chat_id else { return Ok(false) };
    if text.trim_start().starts_with('/')
        || crate::engine::input::find_card_number(text).is_some()
        || crate::engine::input::offers_secret(text)
        || text.chars().count() > crate::engine::input::MAX_MESSAGE_CHARS
    {
        return Ok(false);
    }
    let Ok(Some(case)) = ctx.app.current_case(user) else { return Ok(false) };
    let Some(assignee) = case.assignee.clone().filter(|_| !case.is_closed()) else { return Ok(false) };
    let locale = ctx.app.catalog.i18n.negotiate(&ctx.settings.staff.language);
    let clean = crate::engine::input::clean_text(text);
    let relay = ctx.app.catalog.i18n.raw(
        &locale,
        "staff-relay",
        &[("case_id", &case.id), ("staff", &assignee), ("text", &clean)],
    );
    ctx.client.send(ChatId(staff_chat), relay, None).await?;
    ctx.client.send(chat, ui_text(&ctx.app, &case.locale, "ui-relayed"), None).await?;
    Ok(true)
}

fn ui_text(app: &App, locale: &str, key: &str) -> String {
    app.catalog.i18n.raw(locale, key, &[])
}

fn locale_of(app: &App, user: &str, hint: Option<&str>) -> String {
    match app.current_case(user) {
        Ok(Some(c)) => c.locale,
        _ => hint.map_or_else(|| crate::i18n::DEFAULT_LOCALE.to_string(), |h| app.catalog.i18n.negotiate(h)),
    }
}

async fn on_message(msg: Message, upd: Update, ctx: Arc<Context>) -> Result<(), HandlerError> {
    let bot = &ctx.client;
    let Some(from) = msg.from.as_ref() else { return Ok(()) };
    if ctx.settings.staff.chat_id == Some(msg.chat.id.0) {
        return on_staff_message(&ctx, &msg, from.id).await;
    }
    // Other groups are not conversations with a cardholder.
    if !msg.chat.is_private() {
        return Ok(());
    }
    let user = user_key(from.id);
    let lang = from.language_code.clone();
    let app = &ctx.app;
    // The flood limit comes first: a flood must not reach the staff chat either.
    match ctx.flood_check(from.id.0) {
        Some(true) => {
            let locale = locale_of(app, &user, lang.as_deref());
            bot.send(msg.chat.id, ui_text(app, &locale, "ui-flood"), None).await?;
            return Ok(());
        }
        Some(false) => return Ok(()),
        None => {}
    }
    if let Some(text) = msg.text()
        && relay_to_staff(&ctx, &user, text, msg.chat.id).await?
    {
        return Ok(());
    }
    let incoming = if let Some(text) = msg.text() {
        Incoming::parse(text, &app.interrupt_ids())
    } else if let Some(photos) = msg.photo() {
        // Telegram sends several sizes; the largest is the evidence.
        match photos.iter().max_by_key(|p| u64::from(p.width) * u64::from(p.height)) {
            Some(p) => Incoming::File(FileInput {
                kind: "photo".into(),
                reference: p.file.id.0.clone(),
                fingerprint: p.file.unique_id.0.clone(),
                caption: msg.caption().map(str::to_string),
                file_name: None,
            }),
            None => Incoming::Unsupported,
        }
    } else if let Some(d) = msg.document() {
        Incoming::File(FileInput {
            kind: "document".into(),
            reference: d.file.id.0.clone(),
            fingerprint: d.file.unique_id.0.clone(),
            caption: msg.caption().map(str::to_string),
            file_name: d.file_name.clone(),
        })
    } else {
        Incoming::Unsupported
    };
    let reply = match handle(app, user.clone(), lang.clone(), incoming, u64::from(upd.id.0)).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "a message could not be handled");
            let locale = locale_of(app, &user, lang.as_deref());
            bot.send(msg.chat.id, ui_text(app, &locale, "ui-save-failed"), None).await?;
            return Ok(());
        }
    };
    if reply.duplicate {
        tracing::debug!(update = upd.id.0, "redelivered update ignored");
        return Ok(());
    }
    if reply.redact {
        // Where the bot may delete (private chats: its own and the user's recent messages), the card number
        // disappears from the chat; if not, the person was told why it was not kept.
        if let Err(e) = bot.delete(msg.chat.id, msg.id).await {
            tracing::info!(error = %e, "could not delete a message holding card data");
        }
    }
    answer(&ctx, msg.chat.id, &reply, &upd).await
}

async fn on_callback(q: CallbackQuery, upd: Update, ctx: Arc<Context>) -> Result<(), HandlerError> {
    let bot = &ctx.client;
    let app = &ctx.app;
    let user = user_key(q.from.id);
    let Some(chat) = q.chat_id() else {
        bot.answer(&q, None).await?;
        return Ok(());
    };
    let data = q.data.clone().unwrap_or_default();
    let pressed = q.regular_message().cloned();

    let incoming = if let Some(tag) = data.strip_prefix("lang:") {
        Incoming::Lang(Some(tag.to_string()))
    } else {
        let current = app.current_case(&user).ok().flatten();
        let fresh = match (parse_callback(&data), &current) {
            (Some((case_id, hash, _)), Some(c)) => c.id == case_id && node_hash(&c.node) == hash && !c.is_closed(),
            _ => false,
        };
        if !fresh {
            let locale = current.map_or_else(
                || app.catalog.i18n.negotiate(q.from.language_code.as_deref().unwrap_or_default()),
                |c| c.locale,
            );
            bot.answer(&q, Some(ui_text(app, &locale, "ui-stale-button"))).await?;
            if let Some(m) = &pressed {
                // The old keyboard goes away so it is not pressed again.
                let _ = bot.drop_keyboard(chat, m.id).await;
            }
            return Ok(());
        }
        Incoming::Button(parse_callback(&data).map(|(_, _, o)| o.to_string()).unwrap_or_default())
    };
    bot.answer(&q, None).await?;
    let reply = match handle(app, user.clone(), q.from.language_code.clone(), incoming, u64::from(upd.id.0)).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "a button press could not be handled");
            let locale = locale_of(app, &user, q.from.language_code.as_deref());
            bot.send(chat, ui_text(app, &locale, "ui-save-failed"), None).await?;
            return Ok(());
        }
    };
    if reply.duplicate {
        return Ok(());
    }
    if let Some(m) = &pressed {
        show_choice(bot, chat, m, &data, &reply.locale, app).await;
    }
    answer(&ctx, chat, &reply, &upd).await
}

/// Edits the pressed message to show the choice and drop its keyboard.
async fn show_choice(bot: &Client, chat: ChatId, m: &Message, data: &str, locale: &str, app: &App) {
    let label = m
        .reply_markup()
        .into_iter()
        .flat_map(|k| k.inline_keyboard.iter().flatten())
        .find(|b| matches!(&b.kind, teloxide::types::InlineKeyboardButtonKind::CallbackData(d) if d == data))
        .map(|b| b.text.clone());
    let Some(label) = label else { return };
    let chose = app.catalog.i18n.raw(locale, "ui-you-chose", &[("choice", &label)]);
    let text = format!("{}\n\n{chose}", m.text().unwrap_or_default());
    if split_text(&text, MAX_TELEGRAM_TEXT).len() == 1 {
        let _ = bot.edit_text(chat, m.id, text).await;
    } else {
        let _ = bot.drop_keyboard(chat, m.id).await;
    }
}

/// The handler tree, built in a function so tests can dispatch it.
pub fn schema() -> UpdateHandler<HandlerError> {
    // Every update is marked handled when its handler ends, however it ends (see `Acks`).
    dptree::entry()
        .branch(Update::filter_message().endpoint(|msg: Message, upd: Update, ctx: Arc<Context>| async move {
            let id = upd.id.0 as i32;
            let done = on_message(msg, upd, ctx.clone()).await;
            ctx.acks.handled(id);
            done
        }))
        .branch(Update::filter_callback_query().endpoint(
            |q: CallbackQuery, upd: Update, ctx: Arc<Context>| async move {
                let id = upd.id.0 as i32;
                let done = on_callback(q, upd, ctx.clone()).await;
                ctx.acks.handled(id);
                done
            },
        ))
}

/// The commands shown in Telegram's menu, per language Telegram can tell apart (its codes are two letters:
/// zh-TW users see the zh texts of zh-CN).
async fn register_commands(bot: &Client, app: &App) {
    const COMMANDS: &[&str] = &["start", "status", "back", "lang", "human", "scam", "help", "merchant", "forget"];
    let i18n = &app.catalog.i18n;
    for (locale, code) in [("en-US", None), ("zh-CN", Some("zh"))] {
        let cmds: Vec<BotCommand> =
            COMMANDS.iter().map(|c| BotCommand::new(*c, i18n.raw(locale, &format!("cmd-{c}"), &[]))).collect();
        if let Err(e) = bot.set_commands(cmds, code).await {
            tracing::warn!(error = %e, locale, "could not register the command menu");
        }
    }
}

/// Delivers the due follow-ups once and returns how many were sent (`swipefix reminders run-due`, for cron
/// when the bot itself is not running).
pub async fn deliver_due_once(app: Arc<App>, bot: Bot) -> Result<usize, TelegramError> {
    let ctx = Arc::new(Context::new(app, Client::Direct(bot), Settings::default()));
    let before = ctx.app.store.due(ctx.app.clock.now()).map_err(AppError::from)?.len();
    deliver_due(&ctx).await;
    let after = ctx.app.store.due(ctx.app.clock.now()).map_err(AppError::from)?.len();
    Ok(before.saturating_sub(after))
}

/// A client for the Bot API at `api_url` (Telegram's own when `None`).
pub fn bot(token: &str, api_url: Option<&str>) -> Result<Bot, TelegramError> {
    let bot = Bot::new(token);
    match api_url {
        None => Ok(bot),
        Some(u) => {
            let url = url::Url::parse(u).map_err(|e| TelegramError::ApiUrl(u.to_string(), e.to_string()))?;
            Ok(bot.set_api_url(url))
        }
    }
}

/// Runs the bot until `shutdown` completes, then stops taking updates, finishes the ones in hand and flushes
/// the store.
pub async fn run(
    app: Arc<App>,
    bot: Bot,
    listen: Listen,
    settings: Settings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), TelegramError> {
    let client = if settings.throttle {
        Client::Throttled(Throttle::new_spawn(bot.clone(), Limits::default()))
    } else {
        Client::Direct(bot.clone())
    };
    let me = bot.get_me().await.map_err(|e| TelegramError::Token(e.to_string()))?;
    tracing::info!(username = me.username(), "connected to Telegram");
    let _ = app.bot_username.set(me.username().to_string());
    register_commands(&client, &app).await;

    let ctx = Arc::new(Context::new(app.clone(), client, settings));
    let acks = ctx.acks.clone();
    let mut dispatcher = Dispatcher::builder(bot.clone(), schema())
        .dependencies(dptree::deps![ctx.clone()])
        // Updates of kinds the bot does not handle (edits, reactions...) are done at once.
        .default_handler(move |upd| {
            let acks = acks.clone();
            async move { acks.handled(upd.id.0 as i32) }
        })
        .error_handler(LoggingErrorHandler::with_custom_text("an update failed"))
        .build();
    // Follow-ups: a background task fires the due ones once a minute (and at start).
    let reminder_ctx = ctx.clone();
    let reminders = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            deliver_due(&reminder_ctx).await;
        }
    });
    let token = dispatcher.shutdown_token();
    tokio::spawn(async move {
        shutdown.await;
        // Not yet running (Err) means the dispatcher is still starting; try until it takes the signal.
        loop {
            match token.shutdown() {
                Ok(done) => {
                    done.await;
                    break;
                }
                Err(_) => tokio::task::yield_now().await,
            }
        }
    });
    match listen {
        Listen::Polling => {
            let _ = bot.delete_webhook().await;
            let listener = acked_polling(bot.clone(), ctx.acks.clone());
            dispatcher.dispatch_with_listener(listener, LoggingErrorHandler::with_custom_text("polling failed")).await;
            // Every update in hand is handled now: confirm them, so the next start does not get them again.
            {
                use teloxide::payloads::GetUpdatesSetters;
                let (offset, _) = ctx.acks.offset();
                let _ = bot.get_updates().offset(offset).limit(1).timeout(0).await;
            }
        }
        Listen::Webhook { url, address, secret } => {
            let mut options = webhooks::Options::new(address, url);
            if let Some(s) = secret {
                options = options.secret_token(s);
            }
            let listener =
                webhooks::axum(bot.clone(), options).await.map_err(|e| TelegramError::Webhook(e.to_string()))?;
            dispatcher.dispatch_with_listener(listener, LoggingErrorHandler::with_custom_text("webhook failed")).await;
        }
    }
    // Wait for the follow-up task to be gone: it holds the app, and with it the store (a restart in the same
    // process must be able to open the database again).
    reminders.abort();
    let _ = reminders.await;
    app.store.flush().map_err(AppError::from)?;
    tracing::info!("stopped; the store is flushed");
    Ok(())
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = ctrl_c.await;
                return;
            }
        };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callback_data_fits_and_round_trips() {
        let d = callback_data("SF-261125-ZZZZZZ", "application_wrong_amount", &"x".repeat(32));
        assert!(d.len() <= MAX_CALLBACK_DATA, "{} bytes", d.len());
        let (case, hash, opt) = parse_callback(&d).unwrap();
        assert_eq!(case, "SF-261125-ZZZZZZ");
        assert_eq!(hash, node_hash("application_wrong_amount"));
        assert_eq!(opt, "x".repeat(32));
        assert_eq!(parse_callback("garbage"), None);
    }

    #[test]
    fn long_texts_are_split_under_the_limit_at_line_breaks() {
        let text = (0..300).map(|i| format!("line {i} {}", "x".repeat(30))).collect::<Vec<_>>().join("\n");
        let parts = split_text(&text, MAX_TELEGRAM_TEXT);
        assert!(parts.len() >= 3);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_TELEGRAM_TEXT));
        assert_eq!(parts.join("\n"), text);
        let one_line = "字".repeat(9000);
        let parts = split_text(&one_line, MAX_TELEGRAM_TEXT);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), one_line);
    }

    #[test]
    fn messages_without_buttons_merge_into_the_next() {
        let m = |t: &str, b: bool| OutMessage {
            text: t.into(),
            buttons: if b { vec![crate::app::OutButton { id: "x".into(), label: "X".into() }] } else { vec![] },
        };
        let merged = merge(&[m("a", false), m("b", false), m("c", true), m("d", false)]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].text, "a\n\nb\n\nc");
        assert_eq!(merged[0].buttons.len(), 1);
        assert_eq!(merged[1].text, "d");
    }
}
