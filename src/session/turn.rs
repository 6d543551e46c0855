//! One person's message, start to finish: the redelivery check, then a command of the table or the engine's
//! step, then the commit path and the rendering. A `Turn` is what a person's command works with.

use super::commit::Committer;
use super::dedup::{self, Redelivery};
use super::incoming::{Asked, Incoming, question_tag};
use super::render::{self, Renderer};
use super::reply::{OutMessage, Relay, Reply};
use super::{App, AppError};
use crate::catalog::Catalog;
use crate::engine::flow::NodeKind;
use crate::engine::gate::{self, Clean, Gated};
use crate::engine::step::{self as engine_step, Arg, Effect, Input};
use crate::engine::{Case, InputKind, TranscriptLine, input, understand};
use chrono::{DateTime, Utc};

/// A run of this many digits or more is masked in a message passed on to staff (dates excepted): it may be
/// the first part of a card number (`4111 1111`, then `1111 1111`).
const RELAY_MASKED_DIGITS: usize = 8;

/// One message being handled.
pub struct Turn<'a> {
    app: &'a App,
    pub user: &'a str,
    /// The language the channel knows for a new person.
    hint: Option<&'a str>,
    pub now: DateTime<Utc>,
    /// The person's current case as loaded at the start of the turn.
    pub current: Option<Case>,
    /// Said before the step's own messages ("New case …", "You came here from …").
    pre: Vec<Effect>,
    /// The channel's update number, saved with the case.
    update: Option<u64>,
    /// The channel's id of the person's message, kept on its transcript line.
    pub(super) message: Option<i64>,
    /// The person's words as the transcript keeps them.
    heard: Option<Clean>,
}

impl<'a> Turn<'a> {
    pub(super) fn new(app: &'a App, user: &'a str, hint: Option<&'a str>, update: Option<u64>) -> Turn<'a> {
        Turn { app, user, hint, now: app.now(), current: None, pre: vec![], update, message: None, heard: None }
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.app.catalog()
    }

    pub fn app(&self) -> &'a App {
        self.app
    }

    pub(crate) fn committer(&self) -> Committer<'a> {
        self.app.committer()
    }

    /// The language to answer in: the current case's (the person may have chosen it with `/lang`), else the
    /// channel's hint, else the default.
    pub fn locale(&self) -> String {
        match &self.current {
            Some(c) => c.locale.clone(),
            None => self.app.hinted_locale(self.hint),
        }
    }

    /// A text of `key` in the person's language.
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.catalog().i18n.raw(&self.locale(), key, args)
    }

    /// A reply of one text of `key`.
    pub fn text_reply(&self, key: &str, args: &[(&str, &str)]) -> Reply {
        Reply::text(self.locale(), self.text(key, args))
    }

    /// Says `key` before the step's messages.
    pub fn say_first(&mut self, key: &str, args: Vec<(&str, Arg)>) {
        let args = args.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        self.pre.push(Effect::Say { key: key.into(), args, buttons: vec![] });
    }

    /// Loads the person's current case: what the turn starts from.
    pub(super) fn load_current(&mut self) -> Result<(), AppError> {
        self.current = self.app.current_case(self.user)?;
        Ok(())
    }

    /// What the case's transcript keeps of the person's message.
    pub(super) fn hear(&mut self, heard: Option<Clean>) {
        self.heard = heard;
    }

    /// How effects are rendered in this turn.
    pub fn renderer(&self) -> Renderer<'a> {
        self.app.renderer(self.now)
    }

    /// A redelivered update: nothing, or where the person is if their reply may never have gone out.
    pub(super) fn redelivery(&self) -> Result<Option<Reply>, AppError> {
        let (Some(u), Some(c)) = (self.update, &self.current) else { return Ok(None) };
        let answered = self.app.answered(self.user, u);
        let verdict = dedup::judge(u, c.last_update, answered, || self.app.store().replied(&c.id))?;
        let mut reply =
            Reply { duplicate: true, case_id: Some(c.id.clone()), locale: c.locale.clone(), ..Reply::default() };
        match verdict {
            Redelivery::New => return Ok(None),
            Redelivery::Silent => {}
            Redelivery::Resend => {
                if let Some(relay) = relayed_last(c, u) {
                    // The message went to staff in the case, maybe not in the chat: deliver it again.
                    return Ok(Some(Reply { resent: true, ..relayed(&self.catalog().i18n, c, relay) }));
                }
                let (_, fx) = engine_step::step(&self.catalog().flow, c, Input::Resume, self.now);
                reply.messages.push(OutMessage::text(self.catalog().i18n.raw(&c.locale, "ui-resent", &[])));
                render::effects(self.renderer(), &mut reply, c, &fx);
                reply.duplicate = false;
                reply.resent = true;
            }
        }
        Ok(Some(reply))
    }

    /// Anything but a command: the engine's step on the current case, or a new case for a new person.
    pub(super) fn message(mut self, incoming: Incoming) -> Result<Reply, AppError> {
        if let Incoming::Button { asked: Some(a), .. } = &incoming
            && let Some(reply) = self.stale(a)
        {
            return Ok(reply);
        }
        // Right after the language buttons, a typed number or name may be the choice; either way the
        // buttons are answered now.
        if self.current.as_ref().is_some_and(|c| c.picking_lang)
            && let Incoming::Text(t) = &incoming
        {
            let typed = t.text.as_str().to_string();
            let mut c = self.current.clone().expect("checked above");
            c.picking_lang = false;
            self.app.committer().save(&mut c)?;
            self.current = Some(c);
            if let Some(tag) = super::commands::lang::picked(&self, &typed) {
                return super::commands::lang::switch(self, &tag);
            }
        }
        let Some(c) = self.current.as_ref() else { return self.first_message(incoming) };
        let input = match incoming {
            Incoming::Resume => {
                if let Some(id) = (!c.is_closed()).then(|| c.id.clone()) {
                    self.say_first("ui-welcome-back", vec![("case_id", Arg::Text(id))]);
                }
                Input::Resume
            }
            Incoming::Text(t) => match self.relay(c, &t)? {
                Some(reply) => return Ok(reply),
                None => self.text_to_input(c, t),
            },
            Incoming::Button { id, .. } => Input::Choice(id.into_string()),
            Incoming::Interrupt(i) => Input::Interrupt(i),
            Incoming::File(f) => Input::File(f),
            Incoming::Unsupported => Input::Unsupported,
            Incoming::UnknownCommand(_) | Incoming::Command { .. } => {
                self.say_first("ui-unknown-command", vec![]);
                Input::Resume
            }
        };
        self.step_current(input)
    }

    /// The first message of a new person starts a case; if it carries card data, a scam or a call for a
    /// human, the engine sees it too (so it is redacted and answered).
    fn first_message(self, incoming: Incoming) -> Result<Reply, AppError> {
        let follow = match incoming {
            Incoming::Text(t) if self.needs_engine(&t) => Some(Input::Text(t)),
            Incoming::Interrupt(i) => Some(Input::Interrupt(i)),
            _ => None,
        };
        self.new_person(follow)
    }

    /// Runs an engine input on the current case; a new person gets a new case first (and the input only
    /// where it means something before any question: `/status`, `/help`).
    pub fn engine(self, input: Input) -> Result<Reply, AppError> {
        match self.current {
            Some(_) => self.step_current(input),
            None => {
                let follow = matches!(input, Input::Status | Input::Help).then_some(input);
                self.new_person(follow)
            }
        }
    }

    fn new_person(mut self, follow: Option<Input>) -> Result<Reply, AppError> {
        let c = self.fresh_case()?;
        let (c, fx) = engine_step::step(&self.catalog().flow, &c, Input::Resume, self.now);
        self.pre.extend(fx);
        match follow {
            Some(input) => self.step_new(c, input),
            None => self.save_and_render(c, vec![], None),
        }
    }

    /// A new case of the person, announced ("New case …"), not yet stored.
    pub fn fresh_case(&mut self) -> Result<Case, AppError> {
        let c = self.app.new_case(self.user, &self.locale(), self.now)?;
        self.say_first("ui-new-case", vec![("case_id", Arg::Text(c.id.clone()))]);
        Ok(c)
    }

    /// Steps the current case (there must be one) and saves it if the step changed it. The copy loaded at the
    /// start of the turn is what it is compared with: no other copy is made.
    fn step_current(mut self, input: Input) -> Result<Reply, AppError> {
        let current = self.current.take().expect("a current case");
        let (after, fx) = engine_step::step(&self.catalog().flow, &current, input, self.now);
        self.save_and_render(after, fx, Some(&current))
    }

    /// Steps `case` (the current case, or a new one) and saves it if it changed.
    pub fn step(mut self, case: Case, input: Input) -> Result<Reply, AppError> {
        let loaded = self.current.take().filter(|l| l.id == case.id);
        let (after, fx) = engine_step::step(&self.catalog().flow, &case, input, self.now);
        self.save_and_render(after, fx, loaded.as_ref())
    }

    /// Steps `case` and saves it whatever the step does (its owner or language changed before the step).
    pub fn step_new(self, case: Case, input: Input) -> Result<Reply, AppError> {
        let (after, fx) = engine_step::step(&self.catalog().flow, &case, input, self.now);
        self.save_and_render(after, fx, None)
    }

    /// Saves the case when it changed from `before` (or an update number must be remembered), flushes, then
    /// renders: the person never sees a reply whose case is not on disk.
    pub(super) fn save_and_render(
        self,
        mut case: Case,
        fx: Vec<Effect>,
        before: Option<&Case>,
    ) -> Result<Reply, AppError> {
        let renderer = self.renderer();
        let mut effects = self.pre;
        effects.extend(fx);
        remember(&mut case, (self.update, self.message), self.heard, &effects, self.now);
        // Follow-ups are queued before the case is saved: a crash between leaves a queue entry the case does
        // not know, which is dropped when it comes due, never a promised follow-up that is not queued.
        for e in &effects {
            if let Effect::Schedule { at, .. } = e {
                self.app.store().schedule(*at, &case.id)?;
            }
        }
        if before != Some(&case) {
            self.app.committer().save(&mut case)?;
        }
        let mut reply = Reply { case_id: Some(case.id.clone()), locale: case.locale.clone(), ..Reply::default() };
        render::effects(renderer, &mut reply, &case, &effects);
        reply.earlier_messages = earlier_messages(&case, reply.redact_earlier);
        Ok(reply)
    }

    /// While a staff member has the case, a plain message goes to them instead of the tree (commands still
    /// work), where the channel can deliver it. Card data never does: a message with a card number or a
    /// code, or digits that may be a piece of one, takes the engine's path, which removes it.
    fn relay(&self, c: &Case, g: &Gated) -> Result<Option<Reply>, AppError> {
        let Some(staff) = c.assignee.clone().filter(|_| !c.is_closed() && self.app.relays_to_staff()) else {
            return Ok(None);
        };
        let mut case = c.clone();
        let completes = gate::follow(&mut case.digit_trail, &g.found).is_some();
        // A message of nothing but digits is no message for staff and may be a part: the engine's path.
        if g.found.sensitive() || completes || g.found.whole || g.found.chars > input::MAX_MESSAGE_CHARS {
            return Ok(None);
        }
        remember(&mut case, (self.update, self.message), self.heard.clone(), &[], self.now);
        if let Some(line) = case.transcript.last_mut() {
            line.relayed = true;
        }
        self.app.committer().save(&mut case)?;
        // A long run of digits may be the first part of a card number the next message completes: staff
        // never see one before that is known.
        let text = g.text.for_record().long_runs_masked(RELAY_MASKED_DIGITS);
        let relay = Relay { case_id: case.id.clone(), staff, text };
        Ok(Some(relayed(&self.catalog().i18n, &case, relay)))
    }

    /// A button from an earlier question (or an earlier case) changes nothing: the person is told.
    fn stale(&self, a: &Asked) -> Option<Reply> {
        if let Some(c) = &self.current
            && c.id == a.case_id
            && question_tag(&c.node) == a.tag
            && !c.is_closed()
        {
            return None;
        }
        let mut reply = self.text_reply("ui-stale-button", &[]);
        reply.stale = true;
        Some(reply)
    }

    /// Whether a first message means more than "hello": card data, a word for a command, or a story the
    /// engine can read (it then asks to confirm it, right after the welcome).
    fn needs_engine(&self, g: &Gated) -> bool {
        let flow = &self.catalog().flow;
        let text = g.text.as_str();
        let lower = text.to_lowercase();
        g.found.sensitive()
            || flow.interrupts.iter().flat_map(|i| &i.keywords).any(|k| lower.contains(k.as_str()))
            || understand::said(&flow.lexicon, text, true).is_some()
            || understand::read(&flow.lexicon, text).verdict != understand::Verdict::Nothing
    }

    /// Typed text at a question with buttons: its number, its label or its id presses the button.
    fn text_to_input(&self, case: &Case, g: Gated) -> Input {
        let Some(node) = self.catalog().flow.node(&case.node) else { return Input::Text(g) };
        // A story waiting to be confirmed has buttons of its own: the engine reads "1", "yes" against those.
        if case.understood.is_some() {
            return Input::Text(g);
        }
        if !matches!(node.kind, NodeKind::Choice { .. } | NodeKind::Input { input: InputKind::YesNo, .. }) {
            return Input::Text(g);
        }
        let buttons = node.buttons();
        let wanted = normalize_label(g.text.as_str());
        // A button's number is one or two digits as typed ("2"), not "0002" (a number of something else).
        if let Ok(n) = wanted.parse::<usize>()
            && wanted.len() <= 2
            && !wanted.starts_with('0')
            && (1..=buttons.len()).contains(&n)
        {
            return Input::Choice(buttons[n - 1].id.clone());
        }
        for b in &buttons {
            let label = self.catalog().i18n.raw(&case.locale, &b.label, &[]);
            if normalize_label(&label) == wanted || b.id.eq_ignore_ascii_case(&wanted) {
                return Input::Choice(b.id.clone());
            }
        }
        Input::Text(g)
    }
}

/// The reply to a message passed on to staff: "passed on" for the person, the relay for the channel.
fn relayed(i18n: &crate::i18n::Localizer, case: &Case, relay: Relay) -> Reply {
    let mut reply = Reply::text(case.locale.clone(), i18n.raw(&case.locale, "ui-relayed", &[]));
    reply.case_id = Some(case.id.clone());
    reply.relay = Some(relay);
    reply
}

/// The relay of update `u`, when it was the last message of the case and went to staff.
fn relayed_last(c: &Case, u: u64) -> Option<Relay> {
    let line = c.transcript.last().filter(|l| l.relayed && l.update == Some(u))?;
    let staff = c.assignee.clone()?;
    Some(Relay { case_id: c.id.clone(), staff, text: line.text.clone() })
}

/// The channel's ids of the person's `n` messages before this one (the parts of a card number it completed),
/// from the transcript: any process can delete them, not only the one that received them.
fn earlier_messages(case: &Case, n: usize) -> Vec<i64> {
    let before = case.transcript.len().saturating_sub(1);
    case.transcript[..before].iter().rev().take(n).filter_map(|l| l.message).collect()
}

/// Keeps on the case what a turn remembers besides the step: the channel's update number and message id, and
/// the person's words (masked).
fn remember(
    case: &mut Case,
    (update, message): (Option<u64>, Option<i64>),
    heard: Option<Clean>,
    fx: &[Effect],
    now: DateTime<Utc>,
) {
    if update.is_some() {
        case.last_update = update.max(case.last_update);
    }
    let Some(mut text) = heard else { return };
    // A message of digits the engine keeps as a possible part of a card number (it was no answer), or the
    // last part of one: never stored as typed, since a stored record stays in the database file even after it
    // is changed.
    let part = !case.digit_trail.is_empty() || fx.iter().any(|e| matches!(e, Effect::Redact));
    if part && input::digit_piece(text.as_str()).is_some() || fx.iter().any(|e| matches!(e, Effect::RedactEarlier(_))) {
        text = text.digits_masked();
    }
    case.transcript.push(TranscriptLine { at: now, text, node: case.node.clone(), update, message, relayed: false });
    let excess = case.transcript.len().saturating_sub(crate::engine::case::TRANSCRIPT_LINES);
    case.transcript.drain(..excess);
}

fn normalize_label(s: &str) -> String {
    input::normalize(s).split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
