//! The session layer: the only way into the application for every channel. It owns the command table
//! (`commands`), de-duplication of redelivered updates (`dedup`), the one commit path (`commit`), erasure
//! (`erase`: `/forget` and retention) and the rendering of the engine's effects into replies (`render`).
//! Channels hand it an `Incoming` and get a `Reply`; staff channels hand it a staff command and get texts for
//! staff and the person.
//! Must not touch: channels' protocols (teloxide, terminals), the store's internals.

mod audience;
mod clock;
pub mod commands;
mod commit;
mod dedup;
mod desk;
mod erase;
mod incoming;
mod parse;
mod render;
mod reply;
pub mod signin;
mod turn;

pub use audience::Who;
pub use clock::{Clock, ManualClock, SystemClock};
pub use commands::CLOSE_OUTCOMES;
pub use commit::TRIES;
pub use desk::StaffOutcome;
pub use erase::{Erased, RetentionRun};
pub use incoming::{Asked, Incoming, question_tag};
pub use reply::{Attachment, AttachmentKind, Awaiting, OutButton, OutMessage, Relay, Reply, StaffFile};
pub use turn::Turn;

use crate::catalog::{Catalog, CatalogError, Reserved};
use crate::engine::Case;
use crate::engine::gate::{self, Clean};
use crate::store::{CaseStore, StoreError};
use crate::telemetry;
use chrono::{DateTime, Utc};
use commands::{Heard, Run};
use commit::{Committer, GroupFlush};
use render::{MenuRow, Renderer};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Loads and checks the flows and texts against each other and against the command table: an interrupt may
/// not take a command's name, and every command's help text must exist in every locale.
pub fn load_catalog(flows: &Path, locales: &Path) -> Result<Catalog, CatalogError> {
    let names = commands::reserved_names();
    let keys = commands::help_keys();
    Catalog::load(flows, locales, &Reserved { commands: &names, keys: &keys })
}

/// Everything `swipefix flow check` reports: `load_catalog`'s problems and the numbers texts quote.
pub fn check_catalog(flows: &Path, locales: &Path) -> Result<Catalog, CatalogError> {
    let names = commands::reserved_names();
    let keys = commands::help_keys();
    Catalog::check(flows, locales, &Reserved { commands: &names, keys: &keys })
}

/// The commands one audience sees, `(name, description)` in `locale`: the Telegram menus.
pub fn menu(catalog: &Catalog, locale: &str, who: Who) -> Vec<(String, String)> {
    render::menu(catalog, &commands::rows(), locale, who)
}

/// What the bot can do, for one audience, in `locale`: what `/help` shows.
pub fn help(catalog: &Catalog, locale: &str, who: Who) -> String {
    render::help(catalog, &commands::rows(), locale, who)
}

/// Whether `text` is a staff command: a staff chat refuses these from people who are not staff, and leaves
/// other talk (`/help` included) alone.
pub fn is_staff_command(text: &str) -> bool {
    commands::split(text).is_some_and(|(name, _)| commands::find(&name, &[Who::Staff]).is_some())
}

/// What became of one claimed follow-up.
enum Fired {
    /// Its person is to be told: `(owner, reply)`.
    Told(String, Box<Reply>),
    /// Fired with nothing to say (answered meanwhile, or its case is gone).
    Quiet,
    /// Another channel's person: given back once the round is over.
    NotOurs,
}

/// How long a process has to fire the follow-ups it claimed before another process sharing the store may
/// take them (it died): far longer than a firing takes, short enough that a crash delays a follow-up little.
const FIRING_LEASE: chrono::Duration = chrono::Duration::minutes(5);

/// The application behind every channel.
pub struct App {
    catalog: Arc<Catalog>,
    store: Arc<dyn CaseStore>,
    clock: Arc<dyn Clock>,
    flusher: GroupFlush,
    answered: dedup::Answered,
    /// The bot's username once a channel knows it (Telegram's getMe), for deep links.
    bot_username: OnceLock<String>,
    /// The command table as menus and help show it.
    rows: Vec<MenuRow>,
    /// A channel here can deliver people's messages to staff (a staff chat is configured).
    staff_relay: AtomicBool,
    /// How long cases are kept; channels apply it in the background (`erase`).
    retention: RwLock<crate::settings::Retention>,
    /// The console's address, once one is configured: `/console` makes sign-in links to it.
    console_url: OnceLock<url::Url>,
    /// Makes and spends sign-in links (its key from the master key, made at first use).
    sign_in: OnceLock<signin::SignIn>,
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

/// The current one of a person's cases: the highest `focus` (set on opening and on `/cases` switching),
/// then the newest. `cases` come oldest first, as the store lists them.
pub fn current_of(cases: Vec<Case>) -> Option<Case> {
    cases.into_iter().enumerate().max_by_key(|(i, c)| (c.focus, *i)).map(|(_, c)| c)
}

impl App {
    pub fn new(catalog: Arc<Catalog>, store: Arc<dyn CaseStore>, clock: Arc<dyn Clock>) -> App {
        // The process's metrics recorder, before the first turn records anything.
        telemetry::handle();
        App {
            catalog,
            store,
            clock,
            flusher: GroupFlush::default(),
            answered: dedup::Answered::default(),
            bot_username: OnceLock::new(),
            rows: commands::rows(),
            staff_relay: AtomicBool::new(false),
            retention: RwLock::default(),
            console_url: OnceLock::new(),
            sign_in: OnceLock::new(),
        }
    }

    /// The staff console is served at `url` (its public address): `/console` hands out sign-in links to it.
    pub fn enable_console(&self, url: url::Url) {
        let _ = self.console_url.set(signin::base(url));
    }

    /// Every case handed to staff at least once (the console's inbox), oldest first.
    pub fn handed_off(&self) -> Result<Vec<Case>, AppError> {
        Ok(self.store.list()?.into_iter().filter(|c| !c.handoffs.is_empty()).collect())
    }

    /// The analytics of the cases (`swipefix stats`, the console's analytics page).
    pub fn stats(&self, o: crate::stats::Options) -> Result<crate::stats::Stats, AppError> {
        Ok(crate::stats::compute(&self.catalog.flow, &self.store.list()?, o))
    }

    /// Every case (analytics, the audit view).
    pub fn cases(&self) -> Result<Vec<Case>, AppError> {
        Ok(self.store.list()?)
    }

    /// Case `id` as staff member `staff` opens it: the look is written to its audit log. `None`: no such case.
    pub fn staff_view(&self, staff: &str, id: &str) -> Result<Option<Case>, AppError> {
        desk::Desk { app: self, staff, locale: String::new() }.view(id)
    }

    /// Whether the store answers (`/readyz`): one small read.
    pub fn store_ready(&self) -> Result<(), AppError> {
        self.store.last_id()?;
        Ok(())
    }

    /// How many cases are open (`/metrics`): reads every case, so it is asked at a scrape, not per turn.
    pub fn open_cases(&self) -> Result<usize, AppError> {
        Ok(self.store.list()?.iter().filter(|c| !c.is_closed()).count())
    }

    /// The store's keyring: the deployment's secrets (`Keyring::secret`) for the console's cookies.
    pub fn store_keys(&self) -> &crate::store::Keyring {
        self.store.keys()
    }

    /// The deployment's sign-in links: the same key in every process that shares the store.
    pub fn sign_in(&self) -> &signin::SignIn {
        self.sign_in.get_or_init(|| signin::SignIn::new(self.store.keys().secret(signin::PURPOSE)))
    }

    /// Signs in with a link's `token`: checked, then spent in the store (it works once, whichever process of
    /// the deployment is asked). The outer error is the store's.
    pub fn redeem_sign_in(&self, token: &str) -> Result<Result<signin::Grant, signin::Refused>, AppError> {
        let now = self.now();
        let grant = match self.sign_in().check(token, now) {
            Ok(g) => g,
            Err(refused) => return Ok(Err(refused)),
        };
        if !self.store.spend(grant.nonce(), grant.expires(), now)? {
            return Ok(Err(signin::Refused::Spent));
        }
        Ok(Ok(grant))
    }

    /// Ends a console session for good (sign-out): its nonce is spent until the session would have ended.
    pub fn end_session(&self, nonce: &str, until: DateTime<Utc>) -> Result<(), AppError> {
        self.store.spend(&format!("session:{nonce}"), until, self.now())?;
        Ok(())
    }

    /// Whether a console session was signed out (in any process).
    pub fn session_ended(&self, nonce: &str) -> Result<bool, AppError> {
        Ok(self.store.is_spent(&format!("session:{nonce}"), self.now())?)
    }

    /// A sign-in link to the console for `staff`, valid for `signin::LINK_LIFETIME`; `None` without a console.
    pub fn console_link(&self, staff: &str, locale: &str) -> Option<String> {
        let base = self.console_url.get()?;
        signin::link(base, &self.sign_in().token(staff, locale, self.now()))
    }

    /// A channel can deliver people's messages to staff: while staff have a case, its person's plain messages
    /// are passed on (`Reply::relay`) instead of going to the decision tree. Without this, they never are —
    /// nobody would read them.
    pub fn enable_staff_relay(&self) {
        self.staff_relay.store(true, Ordering::Relaxed);
    }

    fn relays_to_staff(&self) -> bool {
        self.staff_relay.load(Ordering::Relaxed)
    }

    fn renderer(&self, now: DateTime<Utc>) -> Renderer<'_> {
        Renderer { catalog: &self.catalog, rows: &self.rows, now }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn store(&self) -> &dyn CaseStore {
        self.store.as_ref()
    }

    fn committer(&self) -> Committer<'_> {
        Committer { store: self.store.as_ref(), flusher: &self.flusher }
    }

    /// The bot's username, for deep links (`https://t.me/<bot>?start=…`), once the channel knows it.
    pub fn set_bot_username(&self, name: &str) {
        let _ = self.bot_username.set(name.to_string());
    }

    pub fn bot_username(&self) -> Option<&str> {
        self.bot_username.get().map(String::as_str)
    }

    /// The flow's interrupt ids, for `Incoming::parse`.
    pub fn interrupt_ids(&self) -> Vec<String> {
        self.catalog.flow.interrupts.iter().map(|i| i.id.clone()).collect()
    }

    /// The person's current case.
    pub fn current_case(&self, user: &str) -> Result<Option<Case>, AppError> {
        Ok(current_of(self.store.cases_of(user)?))
    }

    /// A case by id (staff, channels delivering a hand-off).
    pub fn case(&self, id: &str) -> Result<Option<Case>, AppError> {
        Ok(self.store.load(id)?)
    }

    /// The language to talk to `user` in: their current case's, else the channel's hint, else the default.
    pub fn locale_of(&self, user: &str, hint: Option<&str>) -> String {
        match self.current_case(user) {
            Ok(Some(c)) => c.locale,
            _ => self.hinted_locale(hint),
        }
    }

    /// The language a channel's hint names, else the default.
    fn hinted_locale(&self, hint: Option<&str>) -> String {
        hint.map_or_else(|| crate::i18n::DEFAULT_LOCALE.to_string(), |h| self.catalog.i18n.negotiate(h))
    }

    /// A new case of `user`, not yet stored; it becomes their current case once saved.
    fn new_case(&self, user: &str, locale: &str, now: DateTime<Utc>) -> Result<Case, AppError> {
        let n = self.store.next_id()?;
        let mut c = crate::engine::new_case(&self.catalog.flow, &case_id(now, n), user, locale, now);
        c.focus = Some(n);
        Ok(c)
    }

    fn answered(&self, user: &str, update: u64) -> bool {
        self.answered.answered(user, update)
    }

    /// A channel sent the reply to `update` of `case_id`: a redelivery of it (after a restart) is then not
    /// answered again. Only a hint: failing to note it costs one repeated question.
    pub fn replied(&self, case_id: &str, update: u64) {
        if let Err(e) = self.store.mark_replied(case_id, update) {
            tracing::warn!(error = %e, "could not note a sent reply");
        }
    }

    /// Sets the person's language quietly (a channel's `--lang`).
    pub fn set_locale(&self, user: &str, tag: &str) -> Result<(), AppError> {
        let locale = self.catalog.i18n.negotiate(tag);
        commit::retrying(|| {
            if let Some(mut c) = self.current_case(user)?
                && c.locale != locale
            {
                c.locale = locale.clone();
                self.committer().save(&mut c)?;
            }
            Ok(())
        })
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
        self.handle_delivered(user, lang_hint, incoming, (update, None))
    }

    /// Like `handle_update`, with the channel's id of the person's message (Telegram's `message_id`): kept on
    /// the case, so that whichever process later finds it was part of a card number can delete it.
    pub fn handle_message(
        &self,
        user: &str,
        lang_hint: Option<&str>,
        incoming: Incoming,
        update: u64,
        message: i64,
    ) -> Result<Reply, AppError> {
        self.handle_delivered(user, lang_hint, incoming, (Some(update), Some(message)))
    }

    fn handle_delivered(
        &self,
        user: &str,
        lang_hint: Option<&str>,
        incoming: Incoming,
        (update, message): (Option<u64>, Option<i64>),
    ) -> Result<Reply, AppError> {
        let started = std::time::Instant::now();
        // On a conflict (another instance saved the same case meanwhile) the whole turn runs again from the
        // fresh copy.
        let reply = commit::retrying(|| self.turn(user, lang_hint, incoming.clone(), (update, message)))
            .inspect_err(|_| metrics::counter!(telemetry::ERRORS, "kind" => "turn").increment(1))?;
        metrics::counter!(telemetry::UPDATES, "channel" => telemetry::channel_of(user)).increment(1);
        metrics::histogram!(telemetry::TURN_SECONDS).record(started.elapsed().as_secs_f64());
        metrics::counter!(telemetry::HANDOFFS).increment(reply.handoffs.len() as u64);
        if let (Some(u), false) = (update, reply.duplicate) {
            self.answered.record(user, u);
        }
        Ok(reply)
    }

    /// One try of a person's turn: the redelivery check, then the command of the table or the engine.
    fn turn(
        &self,
        user: &str,
        hint: Option<&str>,
        incoming: Incoming,
        (update, message): (Option<u64>, Option<i64>),
    ) -> Result<Reply, AppError> {
        let mut turn = Turn::new(self, user, hint, update);
        turn.message = message;
        turn.load_current()?;
        if let Some(reply) = turn.redelivery()? {
            return Ok(reply);
        }
        turn.hear(transcript_text(&incoming));
        let sensitive = incoming.sensitive();
        let mut reply = match incoming {
            Incoming::Command { name, args } => match commands::named(name).map(|c| c.run) {
                Some(Run::Person(run)) => run(turn, &args.text),
                _ => turn.message(Incoming::UnknownCommand(args)),
            },
            other => turn.message(other),
        }?;
        // Whatever the command did with it, a message that held card data goes from the chat.
        reply.redact |= sensitive;
        Ok(reply)
    }

    /// A staff command (or `/help`, which lists them) from staff member `staff`, answered in `locale`; `None`
    /// when `text` is neither. Who counts as staff is the channel's check, made before this.
    pub fn staff(&self, staff: &str, locale: &str, text: &str) -> Option<Result<StaffOutcome, AppError>> {
        // Staff text passes the same gate: a card number in a `/reply` is neither sent nor kept. The case id
        // goes through on its own: its digits are ours, and read together with a text's that starts with a
        // number they could make a "card number" of the id (and a case nobody finds).
        let (name, raw) = commands::split(text)?;
        let (id, rest) = desk::leading_case_id(&raw);
        let line = gate::admit(rest);
        let sensitive = line.found.sensitive();
        let args = match id {
            Some(id) => gate::join(gate::admit(id).text, " ", line.text),
            None => line.text,
        };
        let desk = desk::Desk { app: self, staff, locale: locale.to_string() };
        let outcome = match commands::find(&name, &[Who::Staff]) {
            Some(c) => match c.run {
                Run::Staff(run) => run(&desk, &args),
                Run::Person(_) => return None,
            },
            None => {
                commands::find(&name, &[Who::Person]).filter(|c| c.name == "help")?;
                Ok(commands::usage(&desk))
            }
        };
        Some(outcome.map(|o| StaffOutcome { redact: sensitive, ..o }))
    }

    /// What staff are told when a shop registered a name (`Reply::staff_review`), in `locale`: the name, who,
    /// how to approve or reject it, and warnings (the same name registered before). `None` when there is no
    /// such registration any more.
    pub fn review_notice(&self, code: &str, locale: &str) -> Result<Option<String>, AppError> {
        let Some(m) = self.store.merchant(code)? else { return Ok(None) };
        let desk = desk::Desk { app: self, staff: "", locale: locale.to_string() };
        Ok(Some(commands::shops::notice(&desk, &m)?))
    }

    /// Fires the follow-ups due now of the cases whose owner `whose` accepts (a channel takes its own
    /// people): each case is stepped and saved with the reminder marked done, then its queue entry goes.
    /// Returns `(owner, reply)` to deliver; a follow-up whose question was answered meanwhile is dropped
    /// silently. Never twice: a crash after the save and before the queue removal finds the reminder done.
    pub fn fire_due(&self, whose: impl Fn(&str) -> bool) -> Result<Vec<(String, Reply)>, AppError> {
        let now = self.clock.now();
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut theirs = Vec::new();
        // Claims come in batches: go on while a claim brings follow-ups not seen in this call (a store of one
        // process hands out the same ones again). Other channels' stay claimed until the end, so that they
        // cannot fill every batch and hide ours behind them.
        loop {
            let claimed = match self.store.claim_due(now, FIRING_LEASE) {
                Ok(c) => c,
                // What was fired is saved and off the queue: it must still be delivered.
                Err(e) if !out.is_empty() => {
                    tracing::warn!(error = %e, "could not claim more follow-ups; the rest wait for the next round");
                    Vec::new()
                }
                Err(e) => return Err(e.into()),
            };
            let batch: Vec<_> = claimed.into_iter().filter(|k| seen.insert(k.clone())).collect();
            if batch.is_empty() {
                break;
            }
            for (at, id) in batch {
                match self.fire_one(at, &id, now, &whose) {
                    Ok(Fired::Told(owner, reply)) => out.push((owner, *reply)),
                    Ok(Fired::Quiet) => {}
                    Ok(Fired::NotOurs) => theirs.push((at, id)),
                    // Stays claimed: tried again once its lease runs out. The others are not held up, and
                    // what was fired so far is still delivered.
                    Err(e) => {
                        tracing::warn!(case = %id, error = %e, "a follow-up could not be fired; it is tried again later")
                    }
                }
            }
        }
        for (at, id) in theirs {
            if let Err(e) = self.store.release(at, &id) {
                tracing::warn!(case = %id, error = %e, "a follow-up could not be given back; its lease runs out");
            }
        }
        Ok(out)
    }

    /// One claimed follow-up: stepped and saved (from a fresh copy on a conflict — another process or a turn
    /// saved the case meanwhile), then off the queue; given back when its person is another channel's.
    fn fire_one(
        &self,
        at: DateTime<Utc>,
        id: &str,
        now: DateTime<Utc>,
        whose: &impl Fn(&str) -> bool,
    ) -> Result<Fired, AppError> {
        let fired = commit::retrying(|| {
            let Some(case) = self.store.load(id)? else { return Ok(Fired::Quiet) };
            if !whose(&case.owner) {
                return Ok(Fired::NotOurs);
            }
            let owner = case.owner.clone();
            let (after, fx) = crate::engine::step(&self.catalog.flow, &case, crate::engine::Input::Reminder(at), now);
            let reply = Turn::new(self, &owner, None, None).save_and_render(after, fx, Some(&case))?;
            Ok(if reply.messages.is_empty() { Fired::Quiet } else { Fired::Told(owner, Box::new(reply)) })
        })?;
        if !matches!(fired, Fired::NotOurs) {
            self.store.unschedule(at, id)?;
        }
        Ok(fired)
    }

    /// Makes every change so far durable (a channel stopping).
    pub fn flush(&self) -> Result<(), AppError> {
        self.committer().durable()
    }
}

/// The person's message as the transcript keeps it: through the gate (card numbers and codes masked), a
/// message of nothing but many digits masked too, files and buttons named.
fn transcript_text(incoming: &Incoming) -> Option<Clean> {
    const KEPT: usize = 300;
    let named = |s: String| gate::admit(&s).text.truncated(KEPT);
    Some(match incoming {
        Incoming::Text(g) => g.text.for_record().truncated(KEPT),
        Incoming::Button { id, .. } => named(format!("[{id}]")),
        Incoming::File(f) => named(format!("[{}]", f.kind)),
        Incoming::Unsupported => named("[?]".into()),
        Incoming::Interrupt(i) => named(format!("/{i}")),
        Incoming::Command { name, args } => match commands::named(name).map(|c| c.heard) {
            Some(Heard::Name) => named(format!("/{name}")),
            Some(Heard::NameAndArgs) => named(format!("/{name} {}", args.text.for_record())),
            Some(Heard::Nothing) | None => return None,
        },
        Incoming::Resume | Incoming::UnknownCommand(_) => return None,
    })
}
