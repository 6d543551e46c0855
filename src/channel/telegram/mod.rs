//! The Telegram channel (teloxide 0.17, rustls): updates become the session's `Incoming`, replies become
//! messages with inline keyboards. Transport only: the session decides. The only module that imports
//! teloxide. Its parts:
//!
//! - `client`: the Bot API client, throttled to Telegram's limits or direct against a local fake;
//! - `acks`, `polling`: updates confirmed only once handled (`Acks`), by polling or webhook, so a crash loses none;
//! - `callback`: button data and its decoding (a press on an old question's button is stale);
//! - `outbox`: merging, splitting and keyboards; `flood`: the per-person flood limit;
//! - `handlers`: people's messages and button presses; `lanes`: each chat's sends, in order, after its turn;
//! - `staff`: the staff chat; `menu`: the command menus;
//! - `staff_outbox`: the staff chat's own bounded queue and sending task (paced, `retry_after` honoured);
//! - `error_log`: errors logged by kind and update id, never with a payload; `webhook`: the webhook listener;
//! - `courier`: what the staff console sends and fetches through Telegram.
//!
//! Updates of one chat are handled one at a time, in order (teloxide's per-chat distribution); different
//! chats run in parallel, each turn on a blocking thread because the store is synchronous. A turn's reply
//! then waits for the sending budget in its chat's lane, in order, and its update is confirmed once sent.

mod acks;
mod budget;
mod budget_task;
mod callback;
mod client;
mod courier;
mod error_log;
mod flood;
mod handlers;
mod lanes;
mod menu;
mod outbox;
mod polling;
mod recent;
mod staff;
mod staff_outbox;
mod webhook;

pub use acks::Acks;
pub use callback::{MAX_CALLBACK_DATA, decode as decode_callback, encode as encode_callback};
pub use client::Client;
pub use menu::commands as menu_commands;
pub use outbox::{MAX_TELEGRAM_TEXT, split_text};
pub use teloxide::Bot;

use crate::session::{App, AppError};
use budget_task::BudgetHandle;
use error_log::QuietErrors;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::types::{CallbackQuery, ChatId, Message, Update, UserId};
use teloxide::update_listeners::{UpdateListener, webhooks};

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

/// Settings of the channel, with sane defaults (from `swipefix.toml` through `From<settings::Settings>`).
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
    /// The staff chat's queue and pace, and how often a non-staff person is refused there.
    pub abuse: crate::settings::Abuse,
    /// The sending budget (with `throttle`): message-like calls a second in all.
    pub send_per_second: u32,
    /// A reply later than this gets a "many people are writing" notice first, once per busy spell.
    pub busy_after: std::time::Duration,
    /// Who is staff as of now (the settings read again at each staff command), when the deployment has a
    /// settings file to read; else `staff.users` as started.
    pub roster: Option<Arc<crate::channel::console::Roster>>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings::from(crate::settings::Settings::default())
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
            abuse: s.abuse,
            send_per_second: t.send_per_second.max(1),
            busy_after: std::time::Duration::from_secs(u64::from(t.busy_after_secs)),
            roster: None,
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
    #[error("cannot start the staff console: {0}")]
    Console(String),
    #[error(transparent)]
    App(#[from] AppError),
}

/// What the handlers share.
pub struct Context {
    app: Arc<App>,
    client: Client,
    settings: Settings,
    flood: flood::Flood,
    /// One refusal per person in the staff chat per `refusal_every_secs`.
    refusals: flood::Flood,
    /// Everything for the staff chat goes through here, never from a handler (see `staff_outbox`).
    staff: staff_outbox::StaffOutbox,
    acks: Arc<Acks>,
    /// Each chat's pending sends (`lanes`).
    lanes: Arc<lanes::Lanes>,
    /// The flow's interrupt ids, for parsing commands.
    interrupts: Vec<String>,
    /// Recent message ids per private chat: the parts of a card number sent in pieces are deleted too.
    recent: recent::Recent,
    /// Who was told lately that their reply is coming late (told once per busy spell).
    busy_told: flood::Flood,
}

impl Context {
    /// The handlers' context and the staff chat's queue, for the task that sends it (`staff_outbox::run`).
    pub fn new(app: Arc<App>, client: Client, settings: Settings) -> (Context, staff_outbox::Queued) {
        let flood = flood::Flood::new(settings.flood_max, settings.flood_window);
        let refusal_window = chrono::Duration::seconds(i64::from(settings.abuse.refusal_every_secs.max(1)));
        let refusals = flood::Flood::new(1, refusal_window);
        let (staff, queued) =
            staff_outbox::StaffOutbox::new(settings.staff.chat_id.map(ChatId), settings.abuse.staff_queue as usize);
        let interrupts = app.interrupt_ids();
        let recent = recent::Recent::default();
        // Once per person in ten minutes: a busy spell, not every late reply.
        let busy_told = flood::Flood::new(1, chrono::Duration::minutes(10));
        let ctx = Context {
            app,
            client,
            settings,
            flood,
            refusals,
            staff,
            acks: Arc::new(Acks::default()),
            lanes: Arc::default(),
            interrupts,
            recent,
            busy_told,
        };
        (ctx, queued)
    }
}

impl Context {
    /// Whether Telegram user `id` is staff now: a member taken off the list loses the staff commands (and
    /// the console's sign-in links) at once, as they lose the console.
    fn is_staff(&self, id: u64) -> bool {
        match &self.settings.roster {
            Some(r) => r.current().contains(&id),
            None => self.settings.staff.users.contains(&id),
        }
    }
}

/// A Telegram user as the session knows people: `tg:<id>`.
fn user_key(id: UserId) -> String {
    format!("tg:{}", id.0)
}

/// The private chat of a person the session knows as `tg:<id>`; `None` for people of other channels.
fn chat_of(person: &str) -> Option<ChatId> {
    person.strip_prefix("tg:").and_then(|id| id.parse::<i64>().ok()).map(ChatId)
}

/// The handler tree, built in a function so tests can dispatch it.
pub fn schema() -> UpdateHandler<HandlerError> {
    // Every update is marked handled when its handler ends, however it ends (see `Acks`).
    dptree::entry()
        .branch(Update::filter_message().endpoint(|msg: Message, upd: Update, ctx: Arc<Context>| async move {
            let id = upd.id.0;
            let handled = handlers::on_message(msg, upd, ctx.clone()).await;
            settle(&ctx, id, handled)
        }))
        .branch(Update::filter_callback_query().endpoint(
            |q: CallbackQuery, upd: Update, ctx: Arc<Context>| async move {
                let id = upd.id.0;
                let handled = handlers::on_callback(q, upd, ctx.clone()).await;
                settle(&ctx, id, handled)
            },
        ))
        .branch(Update::filter_edited_message().endpoint(|msg: Message, upd: Update, ctx: Arc<Context>| async move {
            handlers::on_edited(&msg, &ctx).await;
            ctx.acks.handled(upd.id.0 as i32);
            Ok(())
        }))
}

/// The end of a handler: the update is confirmed now, or once the sends it left in its chat's lane are done.
fn settle(ctx: &Arc<Context>, update: u32, handled: handlers::Handled) -> Result<(), HandlerError> {
    let then = match handled {
        Ok(Some(then)) => then,
        other => {
            ctx.acks.handled(update as i32);
            return logged(update, other.map(|_| ()));
        }
    };
    let acks = ctx.acks.clone();
    ctx.lanes.push(
        then.chat.0,
        Box::pin(async move {
            let sent = then.send.await;
            acks.handled(update as i32);
            let _ = logged(update, sent);
        }),
    );
    Ok(())
}

/// A handler's failure, logged with its update's id and the kind of error (never the error's text, which
/// may quote what was sent or received); the dispatcher then has nothing left to log.
fn logged(update: u32, done: Result<(), HandlerError>) -> Result<(), HandlerError> {
    if let Err(e) = done {
        let kind = error_log::kind_of(e.as_ref());
        metrics::counter!(crate::telemetry::ERRORS, "kind" => kind).increment(1);
        tracing::error!(update, kind, "an update failed");
    }
    Ok(())
}

/// Delivers the due follow-ups once and returns how many were sent (`swipefix reminders run-due`, for cron
/// when the bot itself is not running).
pub async fn deliver_due_once(app: Arc<App>, bot: Bot) -> Result<usize, TelegramError> {
    let (ctx, _) = Context::new(app, Client::direct(bot), Settings::default());
    Ok(handlers::deliver_due(&ctx).await)
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

/// The staff console served beside the bot (`swipefix telegram --console ADDR`): its listener, bound by
/// the caller (so a taken port is an error before anything starts), and who may sign in.
pub struct ConsoleBeside {
    pub listener: std::net::TcpListener,
    pub roster: Arc<crate::channel::console::Roster>,
    /// Reached over HTTPS (cookies marked Secure).
    pub secure: bool,
}

/// A courier for a console in a process of its own (`swipefix console`): its own client, within the
/// sending budget of `settings` (the bot processes keep theirs; see README on sharing a token's limits).
pub fn courier(bot: Bot, settings: &Settings) -> Arc<dyn crate::channel::console::Courier> {
    Arc::new(courier::TelegramCourier::new(client_for(&bot, settings), bot))
}

/// Against Telegram, every message-like call goes through one sending budget (`budget`): replies to
/// people first, then the staff chat, then follow-ups; a 429 is retried after its `retry_after`.
fn client_for(bot: &Bot, settings: &Settings) -> Client {
    if settings.throttle {
        let limits = budget::Limits { per_second: settings.send_per_second, ..budget::Limits::telegram() };
        Client::budgeted(bot.clone(), BudgetHandle::spawn(limits))
    } else {
        Client::direct(bot.clone())
    }
}

/// Runs the bot (and the console beside it, if any) until `shutdown` completes, then stops taking updates,
/// finishes the ones in hand and flushes the store.
pub async fn run(
    app: Arc<App>,
    bot: Bot,
    listen: Listen,
    settings: Settings,
    console: Option<ConsoleBeside>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), TelegramError> {
    // Watched from the start: a stop asked for while the bot connects is kept, not lost to the default action
    // of a signal nobody listens for yet.
    let stop = watch_from_now(shutdown);
    let shutdown = stop.clone().stopped();
    let client = client_for(&bot, &settings);
    if let Some(c) = console {
        serve_console(&app, c, Arc::new(courier::TelegramCourier::new(client.clone(), bot.clone())), stop.stopped())?;
    }
    let me = bot.get_me().await.map_err(|e| TelegramError::Token(e.to_string()))?;
    tracing::info!(username = me.username(), "connected to Telegram");
    app.set_bot_username(me.username());
    if settings.staff.chat_id.is_some() {
        app.enable_staff_relay();
    }
    menu::register(&client, app.catalog(), settings.staff.chat_id.map(ChatId)).await;
    let (ctx, queued) = Context::new(app.clone(), client, settings);
    let ctx = Arc::new(ctx);
    let staff = spawn_staff_outbox(&ctx, queued);
    let mut dispatcher = dispatcher(&bot, &ctx);
    let reminders = tokio::spawn(remind_every_minute(ctx.clone()));
    match listen {
        Listen::Polling => {
            let _ = bot.delete_webhook().await;
            let mut listener = polling::acked_polling(bot.clone(), ctx.acks.clone());
            stop_on(listener.stop_token(), shutdown);
            dispatcher.dispatch_with_listener(listener, QuietErrors::new("polling")).await;
            ctx.lanes.wait_idle(LANE_PATIENCE).await;
            // Every update handled now is confirmed, so the next start does not get it again.
            polling::confirm_handled(&bot, &ctx.acks).await;
        }
        Listen::Webhook { url, address, secret } => {
            let mut options = webhooks::Options::new(address, url);
            if let Some(s) = secret {
                options = options.secret_token(s);
            }
            let mut listener = webhook::listen(bot.clone(), options, ctx.acks.clone(), app.clone())
                .await
                .map_err(|e| TelegramError::Webhook(e.to_string()))?;
            stop_on(listener.stop_token(), shutdown);
            dispatcher.dispatch_with_listener(listener, QuietErrors::new("the webhook")).await;
            ctx.lanes.wait_idle(LANE_PATIENCE).await;
        }
    }
    // Wait for the follow-up task to be gone: it holds the app, and with it the store (a restart in the same
    // process must be able to open the database again).
    reminders.abort();
    let _ = reminders.await;
    // Posts still queued for staff are dropped: their hand-offs stay on the cases and in `/queue`.
    if let Some(t) = staff {
        t.abort();
        let _ = t.await;
    }
    app.flush()?;
    tracing::info!("stopped; the store is flushed");
    Ok(())
}

/// How long a stop waits for the replies still waiting for the sending budget. By polling, those not sent by
/// then have their updates unconfirmed: Telegram delivers them again at the next start, and the person gets
/// where they were. By webhook, an update whose reply waited longer than `ACK_PATIENCE` was confirmed
/// already; its reply is lost with the stop (the case has the step: the person's next message shows it).
const LANE_PATIENCE: Duration = Duration::from_secs(10);

/// Starts the staff chat's sending task (when there is a staff chat). It keeps the group's pace itself and
/// sends through the budget as `Staff` (after people's replies), so a 429 there holds up only the staff chat.
fn spawn_staff_outbox(ctx: &Arc<Context>, queued: staff_outbox::Queued) -> Option<tokio::task::JoinHandle<()>> {
    let chat = ChatId(ctx.settings.staff.chat_id?);
    let per_minute = if ctx.settings.throttle { ctx.settings.abuse.staff_per_minute.max(1) } else { 0 };
    let sender = staff_outbox::Sender {
        chat,
        client: ctx.client.with_class(budget::Class::Staff),
        app: ctx.app.clone(),
        pace: staff_outbox::Pace::new(per_minute),
        locale: ctx.app.catalog().i18n.negotiate(&ctx.settings.staff.language),
    };
    Some(tokio::spawn(staff_outbox::run(queued, sender)))
}

fn dispatcher(bot: &Bot, ctx: &Arc<Context>) -> Dispatcher<Bot, HandlerError, teloxide::dispatching::DefaultKey> {
    let acks = ctx.acks.clone();
    Dispatcher::builder(bot.clone(), schema())
        .dependencies(dptree::deps![ctx.clone()])
        // Updates of kinds the bot does not handle (edits, reactions...) are done at once.
        .default_handler(move |upd| {
            let acks = acks.clone();
            async move { acks.handled(upd.id.0 as i32) }
        })
        .error_handler(QuietErrors::new("an update"))
        .build()
}

/// Follow-ups: the due ones are fired at start and then once a minute. Retention (`[retention]`) runs at
/// start and then hourly: it reads every case, and a day's precision is all it needs.
async fn remind_every_minute(ctx: Arc<Context>) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    for minute in 0u64.. {
        tick.tick().await;
        if minute % 60 == 0 {
            erase_expired(&ctx).await;
        }
        handlers::deliver_due(&ctx).await;
    }
}

/// Erases the cases retention no longer keeps (Telegram keeps no files of them); logs counts only.
async fn erase_expired(ctx: &Context) {
    let app = ctx.app.clone();
    match tokio::task::spawn_blocking(move || app.run_retention(&app.retention())).await {
        Ok(Ok(run)) if run.closed + run.inactive > 0 => {
            tracing::info!(closed = run.closed, inactive = run.inactive, "retention erased expired cases")
        }
        Ok(Ok(_)) => {}
        Ok(Err(e)) => tracing::error!(error = %e, "retention could not erase expired cases"),
        Err(e) => panic!("retention panicked: {e}"),
    }
}

/// Stops taking updates when `shutdown` completes, by ending the listener's stream: the dispatcher then
/// finishes the updates in hand and returns. (teloxide's own `ShutdownToken` tells the dispatcher loop with a
/// notification that is lost when the loop is not waiting at that moment — just started, or handing out an
/// update — and the dispatcher then waits for updates forever. A stream that ends stops it whatever it was
/// doing; that was a rare hang of a bot stopped soon after it started.)
fn stop_on(listener: teloxide::stop::StopToken, shutdown: impl Future<Output = ()> + Send + 'static) {
    tokio::spawn(async move {
        shutdown.await;
        listener.stop();
    });
}

/// Starts the console on its listener; it stops with the bot.
fn serve_console(
    app: &Arc<App>,
    c: ConsoleBeside,
    courier: Arc<dyn crate::channel::console::Courier>,
    stopped: impl Future<Output = ()> + Send + 'static,
) -> Result<(), TelegramError> {
    let address = c.listener.local_addr().map_err(|e| TelegramError::Console(e.to_string()))?;
    c.listener.set_nonblocking(true).map_err(|e| TelegramError::Console(e.to_string()))?;
    let listener = tokio::net::TcpListener::from_std(c.listener).map_err(|e| TelegramError::Console(e.to_string()))?;
    let console = crate::channel::console::Console::new(app.clone(), c.roster, courier, c.secure);
    tracing::info!(%address, "the staff console is listening");
    tokio::spawn(async move {
        if let Err(e) = crate::channel::console::serve(listener, console, stopped).await {
            tracing::error!(error = %e, %address, "the staff console stopped");
        }
    });
    Ok(())
}

/// A stop that several tasks can wait for.
#[derive(Clone)]
pub struct Stop(tokio::sync::watch::Receiver<bool>);

impl Stop {
    /// Completes once the stop was asked for.
    pub async fn stopped(mut self) {
        let _ = self.0.wait_for(|stopped| *stopped).await;
    }
}

/// Starts waiting for `shutdown` now (its signal handlers are registered at its first poll).
pub fn watch_from_now(shutdown: impl Future<Output = ()> + Send + 'static) -> Stop {
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = tx.send(true);
    });
    Stop(rx)
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
