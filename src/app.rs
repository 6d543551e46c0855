//! The one loop every channel shares: load the person's case, run one engine step, save with the version
//! it was loaded at, flush, and turn the effects into texts in the person's language. Channels only
//! translate the outside world into `Incoming` and print or send the `Reply`.

use crate::catalog::Catalog;
use crate::engine::flow::NodeKind;
use crate::engine::step::{self as engine_step, Effect, Input};
use crate::engine::{Case, input};
use crate::store::{CaseStore, StoreError};
use chrono::{DateTime, Utc};
use std::sync::{Arc, Mutex};

/// Where time comes from: the system in production, a fixed or stepped clock in tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to.
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock(Mutex::new(at))
    }
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// What a person sent, already told apart from commands.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Show where the case stands (first contact of a session).
    Resume,
    /// `/start [payload]`: a new case.
    Start {
        payload: Option<String>,
    },
    Text(String),
    /// A pressed button, by id.
    Button(String),
    Back,
    Status,
    Help,
    /// `/lang [TAG]`.
    Lang(Option<String>),
    /// `/forget`, then `/forget yes` to confirm.
    Forget {
        confirm: bool,
    },
    /// A global interrupt (`/scam`, `/human`).
    Interrupt(String),
    /// A photo or document.
    File(crate::engine::FileInput),
    /// A sticker, voice message, location...: something the bot cannot read.
    Unsupported,
    /// `/merchant [shop name; terminal ids]`: register as a merchant, or show the referral link again.
    Merchant(Option<String>),
    /// `/opencase`: a merchant opens a case for a customer.
    OpenCase,
    /// `/mycases`: a merchant's referred cases.
    MyCases,
    /// `/remind off`: no follow-ups for the current case.
    RemindOff,
    UnknownCommand,
}

impl Incoming {
    /// Reads a typed line: `/commands` become their variants, anything else is text.
    pub fn parse(text: &str, interrupts: &[String]) -> Incoming {
        let t = text.trim();
        let Some(cmd) = t.strip_prefix('/') else { return Incoming::Text(text.to_string()) };
        let (name, rest) = cmd.split_once(char::is_whitespace).unwrap_or((cmd, ""));
        // Telegram adds the bot's name in groups: /start@swipefix_bot.
        let name = name.split('@').next().unwrap_or(name).to_ascii_lowercase();
        let rest = rest.trim();
        let arg = (!rest.is_empty()).then(|| rest.to_string());
        match name.as_str() {
            "start" | "new" => Incoming::Start { payload: arg },
            "back" => Incoming::Back,
            "status" => Incoming::Status,
            "help" => Incoming::Help,
            "lang" | "language" => Incoming::Lang(arg),
            "merchant" | "shop" => Incoming::Merchant(arg),
            "opencase" => Incoming::OpenCase,
            "mycases" => Incoming::MyCases,
            "remind" if rest.eq_ignore_ascii_case("off") => Incoming::RemindOff,
            "forget" => Incoming::Forget {
                confirm: matches!(rest.to_lowercase().as_str(), "yes" | "y" | "是" | "确认" | "確認"),
            },
            other if interrupts.iter().any(|i| i == other) => Incoming::Interrupt(other.to_string()),
            _ => Incoming::UnknownCommand,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutButton {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutMessage {
    pub text: String,
    pub buttons: Vec<OutButton>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Awaiting {
    pub node: String,
    pub input: &'static str,
}

/// What to show the person after one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub messages: Vec<OutMessage>,
    pub awaiting: Option<Awaiting>,
    /// The person's message held card data; delete it where the channel can.
    pub redact: bool,
    /// Hand-off reasons raised in this turn (recorded on the case).
    pub handoffs: Vec<String>,
    pub case_id: Option<String>,
    pub locale: String,
    /// The update was handled before (a redelivery): nothing was done and nothing should be sent.
    pub duplicate: bool,
    /// A redelivered update whose reply may never have gone out (the process that applied it stopped): the
    /// current question again. The case did not change.
    pub resent: bool,
    /// Files to send with the reply: a merchant's QR code, a written application.
    pub attachments: Vec<Attachment>,
    /// `/forget yes` deleted these cases: a channel that kept files of them (letters) deletes those too.
    pub forgotten: Vec<String>,
}

/// A file that goes with a reply, made in memory: the channel sends it (Telegram) or writes it (terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub caption: String,
    pub kind: AttachmentKind,
    /// How many of the reply's messages come before it: a letter follows its text, not the next question.
    pub after: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    /// Shown as a picture (a QR code PNG).
    Image,
    /// A file to keep or print (the written application, UTF-8 text).
    Document,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub struct App {
    pub catalog: Arc<Catalog>,
    pub store: Arc<dyn CaseStore>,
    pub clock: Arc<dyn Clock>,
    /// Flush the store before every reply (durable); benchmarks turn it off to measure the step itself.
    pub flush_each_step: bool,
    flusher: GroupFlush,
    /// The bot's username once a channel knows it (Telegram's getMe), for deep links.
    pub bot_username: std::sync::OnceLock<String>,
    answered: Answered,
}

/// The last update this process answered, per person: a redelivery of it is not answered twice, while one
/// applied by an earlier process (which may have died before replying) is. Memory only, bounded.
#[derive(Default)]
struct Answered(Mutex<std::collections::HashMap<String, u64>>);

impl Answered {
    const MAX: usize = 100_000;

    fn record(&self, user: &str, update: u64) {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if m.len() >= Self::MAX && !m.contains_key(user) {
            // Forgetting only risks one extra "where you are" message after a redelivery.
            m.clear();
        }
        m.insert(user.to_string(), update);
    }

    fn answered(&self, user: &str, update: u64) -> bool {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).get(user) == Some(&update)
    }
}

/// Group commit: a turn that needs its save on disk waits for one flush that started after its save; one
/// flush serves every turn that saved before it began. Many people at once cost a few fsyncs, not one each.
#[derive(Default)]
struct GroupFlush {
    state: Mutex<FlushState>,
    done: std::sync::Condvar,
}

#[derive(Default)]
struct FlushState {
    /// Tickets handed out: one per save that wants durability.
    issued: u64,
    /// Every ticket up to this one is on disk.
    flushed: u64,
    running: bool,
}

impl GroupFlush {
    fn flush(&self, store: &dyn CaseStore) -> Result<(), StoreError> {
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        s.issued += 1;
        let ticket = s.issued;
        loop {
            if s.flushed >= ticket {
                return Ok(());
            }
            if !s.running {
                s.running = true;
                let upto = s.issued;
                drop(s);
                let result = store.flush();
                s = self.state.lock().unwrap_or_else(|p| p.into_inner());
                s.running = false;
                if result.is_ok() {
                    s.flushed = s.flushed.max(upto);
                }
                self.done.notify_all();
                result?;
                continue;
            }
            s = self.done.wait(s).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// A case id: the date and a store-unique counter, short enough to read out on the phone.
pub fn case_id(now: DateTime<Utc>, n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut s = Vec::new();
    let mut n = n;
    while n > 0 || s.len() < 4 {
        s.push(DIGITS[(n % DIGITS.len() as u64) as usize]);
        n /= DIGITS.len() as u64;
    }
    s.reverse();
    format!("SF-{}-{}", now.format("%y%m%d"), String::from_utf8_lossy(&s))
}

impl App {
    pub fn new(catalog: Arc<Catalog>, store: Arc<dyn CaseStore>, clock: Arc<dyn Clock>) -> App {
        App {
            catalog,
            store,
            clock,
            flush_each_step: true,
            flusher: GroupFlush::default(),
            bot_username: std::sync::OnceLock::new(),
            answered: Answered::default(),
        }
    }

    pub fn interrupt_ids(&self) -> Vec<String> {
        self.catalog.flow.interrupts.iter().map(|i| i.id.clone()).collect()
    }

    /// The person's current case: their newest.
    pub fn current_case(&self, user: &str) -> Result<Option<Case>, AppError> {
        Ok(self.store.cases_of(user)?.pop())
    }

    fn new_case(&self, user: &str, locale: &str) -> Result<Case, AppError> {
        let now = self.clock.now();
        let n = self.store.next_id()?;
        Ok(engine_step::new_case(&self.catalog.flow, &case_id(now, n), user, locale, now))
    }

    fn locale_for(&self, hint: Option<&str>, previous: Option<&Case>) -> String {
        match (hint, previous) {
            (Some(h), _) => self.catalog.i18n.negotiate(h),
            (None, Some(c)) => c.locale.clone(),
            (None, None) => crate::i18n::DEFAULT_LOCALE.to_string(),
        }
    }

    /// A channel sent the reply to `update` of `case_id`: a redelivery of it (after a restart) is then not
    /// answered again. Only a hint: failing to note it costs one repeated question.
    pub fn replied(&self, case_id: &str, update: u64) {
        if let Err(e) = self.store.mark_replied(case_id, update) {
            tracing::warn!(error = %e, "could not note a sent reply");
        }
    }

    /// Sets the person's language quietly (a channel's `--lang`, a Telegram client's language).
    pub fn set_locale(&self, user: &str, tag: &str) -> Result<(), AppError> {
        let locale = self.catalog.i18n.negotiate(tag);
        if let Some(mut c) = self.current_case(user)?
            && c.locale != locale
        {
            c.locale = locale;
            c.version = self.store.save(&c)?;
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&self) -> Result<(), AppError> {
        if self.flush_each_step {
            self.flusher.flush(self.store.as_ref())?;
        }
        Ok(())
    }

    /// One message from one person. `lang_hint` is the language the channel knows for a new person.
    pub fn handle(&self, user: &str, lang_hint: Option<&str>, incoming: Incoming) -> Result<Reply, AppError> {
        self.handle_update(user, lang_hint, incoming, None)
    }

    /// Like `handle`, for a channel that numbers its updates (Telegram's `update_id`, increasing per bot):
    /// an update at or below the one the case last applied is a redelivery and is not handled again. The
    /// number is saved with the case in the same write, so this holds across restarts.
    pub fn handle_update(
        &self,
        user: &str,
        lang_hint: Option<&str>,
        incoming: Incoming,
        update: Option<u64>,
    ) -> Result<Reply, AppError> {
        // Versions, not locks: on a conflict (another instance saved the same case meanwhile) start the turn
        // again from the fresh copy, a few times.
        let mut last = None;
        for _ in 0..3 {
            match self.turn(user, lang_hint, incoming.clone(), update) {
                Err(AppError::Store(e @ StoreError::Conflict { .. })) => last = Some(e),
                Ok(reply) => {
                    if let (Some(u), false) = (update, reply.duplicate) {
                        self.answered.record(user, u);
                    }
                    return Ok(reply);
                }
                other => return other,
            }
        }
        Err(AppError::Store(last.expect("a conflict was recorded")))
    }

    fn turn(
        &self,
        user: &str,
        lang_hint: Option<&str>,
        incoming: Incoming,
        update: Option<u64>,
    ) -> Result<Reply, AppError> {
        let remember = Remember { update, heard: transcript_text(&incoming) };
        let now = self.clock.now();
        let flow = &self.catalog.flow;
        let i18n = &self.catalog.i18n;
        let current = self.current_case(user)?;
        if let (Some(u), Some(c)) = (update, &current)
            && c.last_update.is_some_and(|seen| u <= seen)
        {
            let mut reply =
                Reply { duplicate: true, case_id: Some(c.id.clone()), locale: c.locale.clone(), ..Reply::default() };
            // The update was applied, and is delivered again. If it was the last one applied and no reply
            // went out from this process, the process that applied it may have stopped before its reply was
            // sent: show the person where they are (the case does not change). Otherwise nothing is sent.
            if c.last_update == Some(u) && !self.answered.answered(user, u) && self.store.replied(&c.id)? != Some(u) {
                let (_, fx) = engine_step::step(flow, c, Input::Resume, now);
                reply.messages.push(OutMessage { text: i18n.raw(&c.locale, "ui-resent", &[]), buttons: vec![] });
                self.render_into(&mut reply, c, &fx);
                reply.duplicate = false;
                reply.resent = true;
                self.answered.record(user, u);
            }
            return Ok(reply);
        }
        let mut pre: Vec<Effect> = Vec::new();

        // Commands that are not engine steps.
        let text_reply = |locale: String, text: String| Reply {
            messages: vec![OutMessage { text, buttons: vec![] }],
            locale,
            ..Reply::default()
        };
        match &incoming {
            Incoming::Merchant(arg) => {
                let locale = self.locale_for(lang_hint, current.as_ref());
                let username = self.bot_username.get().map(String::as_str);
                let m = match arg {
                    Some(a) => {
                        let (shop, terms) = a.split_once(';').unwrap_or((a.as_str(), ""));
                        let shop = crate::engine::input::clean_text(shop).chars().take(100).collect::<String>();
                        let terminals: Vec<String> = terms
                            .split([',', ' '])
                            .map(|t| crate::engine::input::clean_text(t).chars().take(32).collect::<String>())
                            .filter(|t| !t.is_empty())
                            .collect();
                        if shop.is_empty() {
                            return Ok(text_reply(locale.clone(), i18n.raw(&locale, "ui-merchant-usage", &[])));
                        }
                        crate::merchant::register(self, user, &shop, terminals)?
                    }
                    None => match self.store.merchant_of(user)? {
                        Some(m) => m,
                        None => return Ok(text_reply(locale.clone(), i18n.raw(&locale, "ui-merchant-usage", &[]))),
                    },
                };
                let link = crate::merchant::link(username, &m.code);
                let terminals = if m.terminals.is_empty() { "—".to_string() } else { m.terminals.join(", ") };
                let text = i18n.raw(
                    &locale,
                    "ui-merchant-registered",
                    &[("shop", &m.shop), ("link", &link), ("terminals", &terminals)],
                );
                return Ok(reply_with_qr(locale, text, &link, format!("swipefix-{}.png", m.code), m.shop.clone()));
            }
            Incoming::OpenCase | Incoming::MyCases => {
                let locale = self.locale_for(lang_hint, current.as_ref());
                let Some(m) = self.store.merchant_of(user)? else {
                    return Ok(text_reply(locale.clone(), i18n.raw(&locale, "ui-merchant-usage", &[])));
                };
                if incoming == Incoming::OpenCase {
                    let (c, join) = crate::merchant::open_case(self, &m, &locale)?;
                    let link = crate::merchant::link(self.bot_username.get().map(String::as_str), &join);
                    let text = i18n.raw(&locale, "ui-merchant-case-opened", &[("case_id", &c.id), ("link", &link)]);
                    return Ok(reply_with_qr(locale, text, &link, format!("{}.png", c.id), c.id.clone()));
                }
                let cases = crate::merchant::referred(self, &m)?;
                let list = cases
                    .iter()
                    .map(|(id, status, created)| {
                        let status = i18n.raw(&locale, &format!("status-{}", status.as_str()), &[]);
                        format!("• {id} — {status} — {}", created.format("%Y-%m-%d"))
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let text = i18n.raw(
                    &locale,
                    "ui-merchant-cases",
                    &[("shop", &m.shop), ("count", &cases.len().to_string()), ("list", &list)],
                );
                return Ok(text_reply(locale, text));
            }
            Incoming::Forget { confirm } => {
                let cases = self.store.cases_of(user)?;
                let count = cases.len();
                let locale = self.locale_for(lang_hint, current.as_ref());
                let key = if *confirm { "ui-forgotten" } else { "ui-forget-confirm" };
                let mut forgotten = vec![];
                if *confirm {
                    self.store.delete_user(user)?;
                    self.store.flush()?;
                    forgotten = cases.into_iter().map(|c| c.id).collect();
                }
                let text = i18n.raw(&locale, key, &[("count", &count.to_string())]);
                return Ok(Reply {
                    messages: vec![OutMessage { text, buttons: vec![] }],
                    locale,
                    forgotten,
                    ..Reply::default()
                });
            }
            Incoming::Lang(tag) => {
                let locale = self.locale_for(lang_hint, current.as_ref());
                if tag.is_none() {
                    // Buttons with ids `lang:<tag>`, each labelled in its own language; a channel sends the
                    // pressed id back as `/lang <tag>`.
                    let buttons = i18n
                        .locales()
                        .iter()
                        .map(|l| OutButton { id: format!("lang:{l}"), label: i18n.raw(l, "ui-lang-name", &[]) })
                        .collect();
                    let text = i18n.raw(&locale, "ui-lang-choose", &[]);
                    return Ok(Reply { messages: vec![OutMessage { text, buttons }], locale, ..Reply::default() });
                }
                let Some(tag) = tag.as_deref().filter(|t| i18n.supports(t)) else {
                    let available = i18n
                        .locales()
                        .iter()
                        .map(|l| format!("{l} ({})", i18n.raw(l, "ui-lang-name", &[])))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let text = i18n.raw(
                        &locale,
                        "ui-lang-unknown",
                        &[("tag", tag.as_deref().unwrap_or("")), ("available", &available)],
                    );
                    let mut reply =
                        Reply { messages: vec![OutMessage { text, buttons: vec![] }], locale, ..Reply::default() };
                    if let Some(c) = &current {
                        // Ask the current question again so the person knows where they are.
                        let (_, fx) = engine_step::step(flow, c, Input::Resume, now);
                        self.render_into(&mut reply, c, &fx);
                    }
                    return Ok(reply);
                };
                let new_locale = i18n.negotiate(tag);
                let mut case = match current.clone() {
                    Some(c) => c,
                    None => self.new_case(user, &new_locale)?,
                };
                case.locale = new_locale;
                pre.push(Effect::Say { key: "ui-lang-changed".into(), args: vec![], buttons: vec![] });
                return self.run(case, Input::Resume, pre, now, current.as_ref(), remember);
            }
            _ => {}
        }

        let fresh = |me: &App, pre: &mut Vec<Effect>| -> Result<Case, AppError> {
            let locale = me.locale_for(lang_hint, current.as_ref());
            let c = me.new_case(user, &locale)?;
            pre.push(Effect::Say {
                key: "ui-new-case".into(),
                args: vec![("case_id".into(), engine_step::Arg::Text(c.id.clone()))],
                buttons: vec![],
            });
            Ok(c)
        };

        let loaded = current.clone();
        let (case, input) = match (incoming, current.clone()) {
            (Incoming::Start { payload }, _) => {
                let payload = payload.filter(|p| {
                    p.len() <= 64 && p.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-')
                });
                // A link a merchant gave for a case they opened: the person joins that case.
                let joined = match payload.as_deref().filter(|p| p.starts_with(crate::merchant::JOIN_PREFIX)) {
                    Some(join) => crate::merchant::pending_case(self, join)?,
                    None => None,
                };
                if let Some(mut c) = joined {
                    c.owner = user.to_string();
                    c.locale = self.locale_for(lang_hint, current.as_ref());
                    let shop = match c.answers.get("merchant_name") {
                        Some(crate::engine::Answer::Text(s)) => s.clone(),
                        _ => String::new(),
                    };
                    pre.push(Effect::Say {
                        key: "ui-joined-case".into(),
                        args: vec![
                            ("case_id".into(), engine_step::Arg::Text(c.id.clone())),
                            ("shop".into(), engine_step::Arg::Text(shop)),
                        ],
                        buttons: vec![],
                    });
                    // The owner changed, so the case is saved whatever the step does.
                    return self.run(c, Input::Resume, pre, now, None, remember);
                }
                let mut c = fresh(self, &mut pre)?;
                if let Some(code) = payload.as_deref().filter(|p| p.starts_with(crate::merchant::MERCHANT_PREFIX))
                    && let Some(m) = self.store.merchant(code)?
                {
                    c.answers.insert("merchant_name".into(), crate::engine::Answer::Text(m.shop.clone()));
                    pre.push(Effect::Say {
                        key: "ui-referred-by".into(),
                        args: vec![("shop".into(), engine_step::Arg::Text(m.shop))],
                        buttons: vec![],
                    });
                }
                c.referrer = payload;
                (c, Input::Resume)
            }
            (Incoming::Resume, Some(c)) => {
                if !c.is_closed() {
                    pre.push(Effect::Say {
                        key: "ui-welcome-back".into(),
                        args: vec![("case_id".into(), engine_step::Arg::Text(c.id.clone()))],
                        buttons: vec![],
                    });
                }
                (c, Input::Resume)
            }
            (incoming, None) => {
                let c = fresh(self, &mut pre)?;
                // The first message of a new person starts the case; if it carries card data, a scam or a
                // call for a human, the engine sees it too (so it is redacted and answered).
                let (c, fx) = engine_step::step(flow, &c, Input::Resume, now);
                pre.extend(fx);
                let follow = match incoming {
                    Incoming::Text(t) if needs_engine(&t, &self.interrupt_keywords()) => Some(Input::Text(t)),
                    Incoming::Interrupt(i) => Some(Input::Interrupt(i)),
                    Incoming::Status => Some(Input::Status),
                    Incoming::Help => Some(Input::Help),
                    _ => None,
                };
                match follow {
                    Some(input) => (c, input),
                    None => return self.save_and_render(c, pre, current.as_ref(), remember),
                }
            }
            (incoming, Some(c)) => {
                let input = match incoming {
                    Incoming::Text(t) => self.text_to_input(&c, &t),
                    Incoming::Button(id) => Input::Choice(id),
                    Incoming::Back => Input::Back,
                    Incoming::Status => Input::Status,
                    Incoming::Help => Input::Help,
                    Incoming::Interrupt(i) => Input::Interrupt(i),
                    Incoming::File(f) => Input::File(f),
                    Incoming::Unsupported => Input::Unsupported,
                    Incoming::RemindOff => Input::RemindOff,
                    Incoming::UnknownCommand => {
                        pre.push(Effect::Say { key: "ui-unknown-command".into(), args: vec![], buttons: vec![] });
                        Input::Resume
                    }
                    Incoming::Resume
                    | Incoming::Start { .. }
                    | Incoming::Lang(_)
                    | Incoming::Forget { .. }
                    | Incoming::Merchant(_)
                    | Incoming::OpenCase
                    | Incoming::MyCases => Input::Resume,
                };
                (c, input)
            }
        };
        // A fresh case was never stored: compare with nothing so it is saved.
        let loaded = loaded.filter(|l| l.id == case.id);
        self.run(case, input, pre, now, loaded.as_ref(), remember)
    }

    /// Fires the follow-ups due now of the cases whose owner `whose` accepts (a channel takes its own people): each case is stepped and saved with
    /// the reminder marked done, then its queue entry goes. Returns `(owner, reply)` to deliver; a follow-up
    /// whose question was answered meanwhile is dropped silently. Never twice: a crash after the save and
    /// before the queue removal finds the reminder done next time.
    pub fn fire_due(&self, whose: impl Fn(&str) -> bool) -> Result<Vec<(String, Reply)>, AppError> {
        let now = self.clock.now();
        let mut out = Vec::new();
        for (at, id) in self.store.due(now)? {
            let Some(case) = self.store.load(&id)? else {
                self.store.unschedule(at, &id)?;
                continue;
            };
            if !whose(&case.owner) {
                continue;
            }
            let owner = case.owner.clone();
            let (after, fx) = engine_step::step(&self.catalog.flow, &case, Input::Reminder(at), now);
            let reply = self.save_and_render(after, fx, Some(&case), Remember { update: None, heard: None })?;
            self.store.unschedule(at, &id)?;
            if !reply.messages.is_empty() {
                out.push((owner, reply));
            }
        }
        Ok(out)
    }

    fn interrupt_keywords(&self) -> Vec<String> {
        self.catalog.flow.interrupts.iter().flat_map(|i| i.keywords.iter().cloned()).collect()
    }

    /// Steps `case` and saves it if it differs from `loaded`, the copy last read from the store.
    fn run(
        &self,
        case: Case,
        input: Input,
        mut pre: Vec<Effect>,
        now: DateTime<Utc>,
        loaded: Option<&Case>,
        remember: Remember,
    ) -> Result<Reply, AppError> {
        let (after, fx) = engine_step::step(&self.catalog.flow, &case, input, now);
        pre.extend(fx);
        self.save_and_render(after, pre, loaded, remember)
    }

    /// Saves the case when it changed (or an update number must be remembered), flushes, then renders: the
    /// person never sees a reply whose case is not on disk.
    fn save_and_render(
        &self,
        mut case: Case,
        fx: Vec<Effect>,
        before: Option<&Case>,
        remember: Remember,
    ) -> Result<Reply, AppError> {
        if remember.update.is_some() {
            case.last_update = remember.update.max(case.last_update);
        }
        if let Some(mut text) = remember.heard {
            // A message of digits the engine keeps as a possible part of a card number (it was no answer),
            // or the last part of one: never stored as typed, since a stored record stays in the database
            // file even after it is changed.
            let part = !case.digit_trail.is_empty() || fx.iter().any(|e| matches!(e, Effect::Redact));
            if part && input::digit_piece(&text).is_some() {
                text = input::mask_digits(&text);
            }
            case.transcript.push(crate::engine::TranscriptLine {
                at: self.clock.now(),
                text,
                node: case.node.clone(),
                update: remember.update,
            });
            let excess = case.transcript.len().saturating_sub(crate::engine::case::TRANSCRIPT_LINES);
            case.transcript.drain(..excess);
        }
        // Follow-ups are queued before the case is saved: a crash between leaves a queue entry the case does
        // not know, which is dropped when it comes due, never a promised follow-up that is not queued.
        for e in &fx {
            if let Effect::Schedule { at, .. } = e {
                self.store.schedule(*at, &case.id)?;
            }
        }
        if before != Some(&case) {
            case.version = self.store.save(&case)?;
            self.flush()?;
        }
        let mut reply = Reply { case_id: Some(case.id.clone()), locale: case.locale.clone(), ..Reply::default() };
        self.render_into(&mut reply, &case, &fx);
        Ok(reply)
    }

    fn render_into(&self, reply: &mut Reply, case: &Case, fx: &[Effect]) {
        let i18n = &self.catalog.i18n;
        for e in fx {
            match e {
                Effect::Say { key, args, buttons } => reply.messages.push(OutMessage {
                    text: i18n.render(&case.locale, key, args),
                    buttons: buttons
                        .iter()
                        .map(|b| OutButton { id: b.id.clone(), label: i18n.raw(&case.locale, &b.label, &[]) })
                        .collect(),
                }),
                Effect::Await { node, input } => reply.awaiting = Some(Awaiting { node: node.clone(), input }),
                Effect::Handoff { reason } => reply.handoffs.push(reason.clone()),
                Effect::Close { .. } | Effect::Schedule { .. } => {}
                Effect::Redact => reply.redact = true,
                Effect::Letter => self.render_letter(reply, case),
            }
        }
    }

    /// The written application: its text as a message, and as a file in the person's language — and, when
    /// the jurisdiction names the language banks work in (`bank_language`) and it is another, a copy in that.
    fn render_letter(&self, reply: &mut Reply, case: &Case) {
        let i18n = &self.catalog.i18n;
        let jurisdiction = self.catalog.flow.jurisdiction(&case.jurisdiction);
        let today = jurisdiction.local_time(self.clock.now()).date();
        let text = crate::report::letter(&self.catalog, case, &case.locale, today);
        reply.messages.push(OutMessage { text: text.trim_end().to_string(), buttons: vec![] });
        let mut files = vec![(case.locale.clone(), text)];
        let bank = match jurisdiction.settings.get("bank_language") {
            Some(crate::engine::Setting::Text(tag)) if i18n.supports(tag) => Some(i18n.negotiate(tag)),
            _ => None,
        };
        if let Some(bank) = bank.filter(|b| *b != case.locale) {
            let language = i18n.language_name(&case.locale, &bank);
            reply.messages.push(OutMessage {
                text: i18n.raw(&case.locale, "ui-letter-bank-copy", &[("language", &language)]),
                buttons: vec![],
            });
            files.push((bank.clone(), crate::report::letter(&self.catalog, case, &bank, today)));
        }
        for (locale, text) in files {
            let language = i18n.language_name(&case.locale, &locale);
            reply.attachments.push(Attachment {
                file_name: crate::report::letter_file_name(&case.id, &locale),
                bytes: text.into_bytes(),
                caption: i18n.raw(&case.locale, "ui-letter-caption", &[("case_id", &case.id), ("language", &language)]),
                kind: AttachmentKind::Document,
                after: reply.messages.len(),
            });
        }
    }

    /// Typed text at a question with buttons: its number, its label or its id presses the button.
    fn text_to_input(&self, case: &Case, text: &str) -> Input {
        let Some(node) = self.catalog.flow.node(&case.node) else { return Input::Text(text.to_string()) };
        if !matches!(
            node.kind,
            NodeKind::Choice { .. } | NodeKind::Input { input: crate::engine::InputKind::YesNo, .. }
        ) {
            return Input::Text(text.to_string());
        }
        let buttons = node.buttons();
        let wanted = normalize_label(text);
        // A button's number is one or two digits as typed ("2"), not "0002" (a number of something else).
        if let Ok(n) = wanted.parse::<usize>()
            && wanted.len() <= 2
            && !wanted.starts_with('0')
            && (1..=buttons.len()).contains(&n)
        {
            return Input::Choice(buttons[n - 1].id.clone());
        }
        for b in &buttons {
            let label = self.catalog.i18n.raw(&case.locale, &b.label, &[]);
            if normalize_label(&label) == wanted || b.id.eq_ignore_ascii_case(&wanted) {
                return Input::Choice(b.id.clone());
            }
        }
        Input::Text(text.to_string())
    }
}

/// A one-message reply with a QR code of `link` attached (a merchant's till sign, a customer's join link).
fn reply_with_qr(locale: String, text: String, link: &str, file_name: String, caption: String) -> Reply {
    let attachments = match crate::merchant::qr_png(link) {
        Ok(png) => vec![Attachment { file_name, bytes: png, caption, kind: AttachmentKind::Image, after: 1 }],
        Err(e) => {
            tracing::warn!(error = %e, "could not draw a QR code");
            vec![]
        }
    };
    Reply { messages: vec![OutMessage { text, buttons: vec![] }], locale, attachments, ..Reply::default() }
}

/// What a turn remembers on the case besides the step: the channel's update number and the person's words.
struct Remember {
    update: Option<u64>,
    heard: Option<String>,
}

/// The person's message as the transcript keeps it: card numbers and codes masked, files and buttons named.
fn transcript_text(incoming: &Incoming) -> Option<String> {
    let cap = |s: String| s.chars().take(300).collect::<String>();
    Some(match incoming {
        Incoming::Text(t) => cap(input::mask_sensitive(&input::clean_text(t))),
        Incoming::Button(id) => format!("[{id}]"),
        Incoming::File(f) => format!("[{}]", f.kind),
        Incoming::Unsupported => "[?]".into(),
        Incoming::Start { .. } => "/start".into(),
        Incoming::Back => "/back".into(),
        Incoming::Status => "/status".into(),
        Incoming::Help => "/help".into(),
        Incoming::Interrupt(i) => format!("/{i}"),
        Incoming::Lang(_) => "/lang".into(),
        Incoming::RemindOff => "/remind off".into(),
        Incoming::Resume
        | Incoming::Forget { .. }
        | Incoming::Merchant(_)
        | Incoming::OpenCase
        | Incoming::MyCases
        | Incoming::UnknownCommand => return None,
    })
}

fn needs_engine(text: &str, keywords: &[String]) -> bool {
    let lower = text.to_lowercase();
    input::find_card_number(text).is_some()
        || input::offers_secret(text)
        || keywords.iter().any(|k| lower.contains(k.as_str()))
}

fn normalize_label(s: &str) -> String {
    input::normalize(s).split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
