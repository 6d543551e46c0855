//! One turn of the conversation: `step(flow, case, input, now) -> (case, effects)`. Deterministic: the same
//! arguments give the same result; time comes in as an argument and nothing here does I/O.
//!
//! Owns: walking the flow for one input and the effects it returns (`Effect`, `Input`, `new_case`, `step`).
//! Must not touch: the flow files, stores, channels or texts: the caller stores the case and renders the
//! effects.

use super::case::{Answer, Case, Edit, Evidence, HandoffRecord, Role, Status, StepDone};
use super::flow::{Action, Flow, InputKind, Jurisdiction, Node, NodeKind, RESUME, SNOOZE, SetValue, Setting, UNKNOWN};
use super::gate::{self, Clean, Gated};
use super::input::{self, AmountError, DateError, MAX_MESSAGE_CHARS, MAX_TEXT_ANSWER_CHARS};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

mod understood;

/// How many nodes one turn may pass through without waiting; `flow check` rules out loops, this is a guard.
const MAX_HOPS: usize = 200;
/// The answer holding what a foreign-currency payment cost in the card's currency.
const CARD_AMOUNT: &str = "card_amount";
/// The re-ask that lists a date's readings.
const DATE_WHICH: &str = "ui-date-which";
/// How far `/back` can go.
const MAX_HISTORY: usize = 100;

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Show where the case stands: first contact, or coming back after a break.
    Resume,
    /// A typed message, through the gate.
    Text(Gated),
    /// A pressed button, by option id (`yes`/`no` for yes/no questions).
    Choice(String),
    Back,
    Status,
    Help,
    /// A global interrupt by id, e.g. `/scam`, `/human`.
    Interrupt(String),
    /// A photo or document the person sent.
    File(FileInput),
    /// Something the bot cannot read (a sticker, a voice message): explained, then the question again.
    Unsupported,
    /// A follow-up scheduled for `at` is due.
    Reminder(DateTime<Utc>),
    /// `/remind off`: no more follow-ups for this case.
    RemindOff,
}

/// A file as a channel received it.
#[derive(Debug, Clone, PartialEq)]
pub struct FileInput {
    /// `photo` or `document`.
    pub kind: String,
    /// The channel's handle to the file.
    pub reference: String,
    /// The same for the same file sent twice.
    pub fingerprint: String,
    /// Both through the gate: a caption or a file name is the person's text like any other.
    pub caption: Option<Gated>,
    pub file_name: Option<Gated>,
}

pub use super::flow::Button;

/// A value for a placeholder, formatted for the person's locale by the i18n layer.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Shown as written (a setting, or the person's own words).
    Text(String),
    Number(Decimal),
    Amount {
        amount: Decimal,
        currency: String,
    },
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A text per locale (a localized setting).
    Localized(BTreeMap<String, String>),
    /// Another message key, e.g. a status name.
    Key(String),
    /// Several values, one per line.
    List(Vec<Arg>),
    /// Several values on one line.
    Line(Vec<Arg>),
    /// An answer not given (yet).
    Missing,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Say {
        key: String,
        args: Vec<(String, Arg)>,
        buttons: Vec<Button>,
    },
    /// The bot now waits for the person at `node`.
    Await {
        node: String,
        input: &'static str,
    },
    /// The case goes to support staff (recorded on the case too), with the evidence files staff have not
    /// been given yet (indexes into `case.evidence`; each file is passed on once).
    Handoff {
        reason: String,
        files: Vec<usize>,
    },
    /// The case reached a final node.
    Close {
        outcome: String,
    },
    /// The person's message held card data: a channel that can delete it should.
    Redact,
    /// The person's last this-many messages before this one were parts of a card number: delete them too.
    RedactEarlier(usize),
    /// A follow-up to send at `at` (the app queues it; `Input::Reminder` fires it).
    Schedule {
        at: DateTime<Utc>,
        node: String,
    },
    /// Hand the person the case's written application as a file.
    Letter,
    /// Show what the bot can do: the application's commands, which the engine does not know.
    Help,
}

fn say(key: &str) -> Effect {
    Effect::Say { key: key.into(), args: vec![], buttons: vec![] }
}

fn say_with(key: &str, args: Vec<(&str, Arg)>) -> Effect {
    Effect::Say { key: key.into(), args: args.into_iter().map(|(k, v)| (k.to_string(), v)).collect(), buttons: vec![] }
}

/// A new case at the flow's start, not yet rendered: pass it to `step` with `Input::Resume`.
pub fn new_case(flow: &Flow, id: &str, owner: &str, locale: &str, now: DateTime<Utc>) -> Case {
    Case {
        schema: super::case::CASE_SCHEMA,
        id: id.into(),
        owner: owner.into(),
        role: None,
        locale: locale.into(),
        jurisdiction: flow.default_jurisdiction.clone(),
        node: String::new(),
        history: vec![],
        resume: vec![],
        answers: BTreeMap::new(),
        steps: vec![],
        handoffs: vec![],
        status: Status::Open,
        outcome: None,
        repeats: 0,
        referrer: None,
        evidence: vec![],
        focus: None,
        last_update: None,
        assignee: None,
        notes: vec![],
        audit: vec![],
        transcript: vec![],
        reminders: vec![],
        reminders_off: false,
        editing: None,
        digit_trail: vec![],
        picking_lang: false,
        understood: None,
        prefill: BTreeMap::new(),
        created: now,
        updated: now,
        version: 0,
    }
}

struct Turn<'a> {
    flow: &'a Flow,
    case: Case,
    fx: Vec<Effect>,
    now: DateTime<Utc>,
    /// A hand-off of a closed case was refused in this turn (too soon after the last one).
    handoff_refused: bool,
}

/// Runs one turn. The returned case has `updated` set to `now` when anything changed.
pub fn step(flow: &Flow, case: &Case, input: Input, now: DateTime<Utc>) -> (Case, Vec<Effect>) {
    let mut t = Turn { flow, case: case.clone(), fx: vec![], now, handoff_refused: false };
    // Parts of a card number come as consecutive typed messages; anything else in between ends the trail.
    if !matches!(input, Input::Text(_)) {
        t.case.digit_trail.clear();
    }
    if t.case.node.is_empty() || flow.node(&t.case.node).is_none() && !t.case.is_closed() {
        // A new case, or the flow lost the node this case was at (a deployment edited the tree):
        // start over at the beginning rather than get stuck.
        if !t.case.node.is_empty() {
            t.fx.push(say("ui-flow-changed"));
        }
        let start = flow.start.clone();
        t.enter(&start);
        return t.finish(case);
    }
    let parked = flow.node(&t.case.node).is_some_and(|n| !n.kind.waits());
    if parked && !t.case.is_closed() && !matches!(input, Input::Resume) {
        // Stored at a step that no longer waits (an upgrade made a question a branch): walk on from it first,
        // then read the input at the question it leads to.
        let id = t.case.node.clone();
        t.enter(&id);
    }
    match input {
        Input::Resume => t.render(),
        Input::Back => t.back(),
        Input::Status => {
            t.status();
            t.reprompt();
        }
        Input::Help => {
            t.fx.push(Effect::Help);
            t.reprompt();
        }
        Input::Interrupt(id) => t.interrupt(&id),
        Input::Choice(id) => t.choice(&id),
        Input::Text(text) => t.text(&text),
        Input::File(f) => t.file(f),
        Input::Unsupported => {
            t.fx.push(say("ui-unsupported-message"));
            t.reprompt();
        }
        Input::Reminder(at) => t.reminder(at),
        Input::RemindOff => {
            t.case.reminders_off = true;
            for r in &mut t.case.reminders {
                r.done = true;
            }
            t.fx.push(say("ui-remind-off"));
            t.reprompt();
        }
    }
    t.finish(case)
}

impl<'a> Turn<'a> {
    fn finish(mut self, before: &Case) -> (Case, Vec<Effect>) {
        if self.case != *before {
            self.case.updated = self.now;
        }
        (self.case, self.fx)
    }

    fn node(&self) -> Option<&'a Node> {
        self.flow.node(&self.case.node)
    }

    fn juris(&self) -> &'a Jurisdiction {
        self.flow.jurisdiction(&self.case.jurisdiction)
    }

    /// The currency an amount typed without one is in: that of the first amount given, else the
    /// jurisdiction's (so "expected 4.59" after "$45.90" is dollars too). What the card was charged
    /// (`card_amount`) is in the card's currency, the jurisdiction's.
    fn currency(&self) -> String {
        if self.node().is_some_and(|n| n.save.as_deref() == Some(CARD_AMOUNT)) {
            return self.juris().currency.clone();
        }
        match self.case.answers.get("amount") {
            Some(Answer::Amount { currency, .. }) => currency.clone(),
            _ => self.juris().currency.clone(),
        }
    }

    /// How the card's country writes a date with numbers only (`03/11`).
    fn date_order(&self) -> input::DateOrder {
        self.juris().date_order
    }

    fn closed_notice(&mut self) {
        self.fx.push(say_with(
            "ui-case-closed",
            vec![
                ("case_id", Arg::Text(self.case.id.clone())),
                ("outcome", Arg::Key(outcome_key(self.case.outcome.as_deref()))),
            ],
        ));
    }

    fn text(&mut self, g: &Gated) {
        if g.found.chars > MAX_MESSAGE_CHARS {
            self.fx.push(say_with("ui-too-long", vec![("max", Arg::Number(Decimal::from(MAX_MESSAGE_CHARS)))]));
            return self.reprompt();
        }
        let at_last4 = matches!(self.node().map(|n| &n.kind), Some(NodeKind::Input { input: InputKind::Last4, .. }));
        if let Some(last4) = g.found.card.clone() {
            self.case.digit_trail.clear();
            self.fx.push(Effect::Redact);
            if at_last4 && !self.case.is_closed() {
                self.fx.push(say_with("ui-card-kept-last4", vec![("last4", Arg::Text(last4.clone()))]));
                return self.answer(Answer::Last4(last4));
            }
            self.fx.push(say_with("ui-card-removed", vec![("last4", Arg::Text(last4))]));
            return self.reprompt();
        }
        if g.found.secret {
            self.case.digit_trail.clear();
            self.fx.push(Effect::Redact);
            self.fx.push(say("ui-secret-refused"));
            if self.flow.interrupts.iter().any(|i| i.id == "scam") {
                return self.interrupt("scam");
            }
            return self.reprompt();
        }
        if self.split_card_number(g, at_last4) {
            return;
        }
        let text = g.text.as_str().to_string();
        let lower = text.to_lowercase();
        // A free-text answer (a shop's name) may contain a keyword by chance ("Real Person Barbers"); there
        // only the /scam and /human commands, or the words alone, interrupt.
        let free_text = matches!(self.node().map(|n| &n.kind), Some(NodeKind::Input { input: InputKind::Text, .. }));
        let keyword_hit = if free_text {
            None
        } else {
            self.flow.interrupts.iter().find(|i| i.keywords.iter().any(|k| lower.contains(k.as_str())))
        };
        if let Some(i) = keyword_hit {
            let id = i.id.clone();
            return self.interrupt(&id);
        }
        if self.said(&text, !free_text) || self.understood_text(&text) {
            return;
        }
        if self.case.is_closed() {
            return self.closed_notice();
        }
        let Some(node) = self.node() else { return self.reprompt() };
        match &node.kind {
            NodeKind::Choice { options } => {
                let found = options
                    .iter()
                    .map(|o| o.id.as_str())
                    .chain(node.has_follow_up().then_some(SNOOZE))
                    .find(|o| o.eq_ignore_ascii_case(&text))
                    .map(str::to_string);
                match found {
                    Some(id) => self.choice(&id),
                    None => self.not_an_option(g),
                }
            }
            NodeKind::Input { input: kind, .. } => self.typed_answer(*kind, g, free_text),
            _ => self.reprompt(),
        }
    }

    /// Typed text that is none of the options: after /human or /scam the person may simply go on answering
    /// (taken back to their question and read there, rather than made to press "continue"); elsewhere a
    /// re-ask.
    fn not_an_option(&mut self, g: &Gated) {
        if self.at_interrupt() {
            self.case.node = self.case.resume.pop().unwrap_or_default();
            self.case.repeats = 0;
            return self.text(g);
        }
        if self.story(g) {
            return;
        }
        self.fx.push(say("ui-choose-button"));
        self.bump_repeat();
        self.reprompt();
    }

    /// An answer typed at an input node: stored and on; else "I don't know" where allowed, or a story (not
    /// where a shop's name is typed); else a localized re-ask with an example.
    fn typed_answer(&mut self, kind: InputKind, g: &Gated, free_text: bool) {
        let text = g.text.as_str();
        match self.parse_input(kind, text) {
            Ok(a) => self.answer(a),
            Err(_) if self.dont_know(text) || (!free_text && self.story(g)) => {}
            Err(DATE_WHICH) => {
                let readings = self.date_readings(text);
                self.fx.push(say_with(DATE_WHICH, vec![("dates", Arg::List(readings))]));
                self.reprompt();
            }
            Err(key) => {
                let example = Arg::Amount { amount: Decimal::new(128050, 2), currency: self.currency() };
                self.fx.push(say_with(key, vec![("example", example)]));
                self.bump_repeat();
                self.reprompt();
            }
        }
    }

    /// The ways a date typed could be read, when it reads more than one way ("03/11" on a card from a
    /// country whose order is not known).
    fn date_readings(&self, text: &str) -> Vec<Arg> {
        let now = self.juris().local(&self.case, self.now);
        let Err(DateError::Ambiguous(ws)) = input::parse_when(text, now, self.date_order()) else { return vec![] };
        ws.iter().map(|w| w.datetime().map_or(Arg::Date(w.date), Arg::DateTime)).collect()
    }

    /// At an interrupt's node with a question to go back to.
    fn at_interrupt(&self) -> bool {
        !self.case.resume.is_empty() && self.flow.interrupts.iter().any(|i| i.to.node == self.case.node)
    }

    /// A card number typed in parts (`card: 4111 1111`, then `1111 1111`): the earlier parts are masked in
    /// the transcript, the message is deleted where possible, and only the last 4 digits are kept — at the
    /// last-4 question as its answer. Returns whether it was one.
    fn split_card_number(&mut self, g: &Gated, at_last4: bool) -> bool {
        // A number that is a good answer where one is asked for (an amount, a date, the last 4 digits) is not
        // a part.
        let answers_here = match self.node().map(|n| &n.kind) {
            Some(NodeKind::Input {
                input: k @ (InputKind::Amount | InputKind::Date | InputKind::DateTime | InputKind::Last4),
                ..
            }) => self.parse_input(*k, g.text.as_str()).is_ok(),
            _ => false,
        };
        if answers_here {
            self.case.digit_trail.clear();
            return false;
        }
        let Some(parts) = gate::follow(&mut self.case.digit_trail, &g.found) else { return false };
        // The earlier parts are in the transcript already: mask them.
        let earlier = self.case.transcript.len().saturating_sub(parts - 1);
        for line in &mut self.case.transcript[earlier..] {
            line.text = line.text.digits_masked();
        }
        self.fx.push(Effect::Redact);
        self.fx.push(Effect::RedactEarlier(parts - 1));
        let last4 = g.found.lead_last4.clone().unwrap_or_default();
        if at_last4 && !self.case.is_closed() {
            self.fx.push(say_with("ui-card-split-kept-last4", vec![("last4", Arg::Text(last4.clone()))]));
            self.answer(Answer::Last4(last4));
        } else {
            self.fx.push(say("ui-card-split-removed"));
            self.reprompt();
        }
        true
    }

    /// A due follow-up: if the person is still at the question it was scheduled for, ask it again; either
    /// way it is marked done, in the same save, so it is never sent twice.
    /// The queue keeps times to the millisecond (sled's keys, PostgreSQL's column) while a follow-up is planned
    /// from a clock with nanoseconds: the one due is the one in the same millisecond.
    fn reminder(&mut self, at: DateTime<Utc>) {
        let same = |r: &super::case::Reminder| r.at.timestamp_millis() == at.timestamp_millis();
        let Some(i) = self.case.reminders.iter().position(|r| same(r) && !r.done) else { return };
        self.case.reminders[i].done = true;
        let still_there =
            self.case.reminders[i].node == self.case.node && !self.case.is_closed() && !self.case.reminders_off;
        if still_there {
            self.fx.push(say("ui-reminder"));
            self.render();
        }
    }

    /// A photo or document: kept as evidence at a node that asks for it, otherwise explained.
    fn file(&mut self, mut f: FileInput) {
        if self.case.is_closed() {
            return self.closed_notice();
        }
        let accepts = self.node().is_some_and(|n| n.evidence);
        if !accepts {
            self.fx.push(say("ui-file-not-here"));
            return self.reprompt();
        }
        // A caption or file name is the person's text like any other: one holding card data is dropped, never
        // stored, and the message is deleted where the channel can.
        let caption = self.keep_file_text(f.caption.take(), MAX_TEXT_ANSWER_CHARS);
        let file_name = self.keep_file_text(f.file_name.take(), 200);
        let duplicate = self.case.evidence.iter().any(|e| e.fingerprint == f.fingerprint);
        let max = self.flow.limits.evidence_max;
        if !duplicate && self.case.evidence.len() >= max {
            // Enough to show the problem; more would only fill the staff chat and the store.
            self.fx.push(say_with("ui-evidence-full", vec![("max", Arg::Number(Decimal::from(max)))]));
            return self.reprompt();
        }
        if !duplicate {
            self.case.evidence.push(Evidence {
                kind: f.kind,
                reference: f.reference,
                fingerprint: f.fingerprint,
                caption,
                file_name,
                at: self.now,
                forwarded: false,
            });
        }
        if !self.case.step_done("evidence_received") {
            self.case.steps.push(StepDone { step: "evidence_received".into(), at: self.now });
        }
        self.fx
            .push(say_with("ui-file-received", vec![("count", Arg::Number(Decimal::from(self.case.evidence.len())))]));
        self.reprompt();
    }

    /// What evidence keeps of a caption or file name: nothing if it held card data (the person is told).
    fn keep_file_text(&mut self, g: Option<Gated>, max: usize) -> Option<Clean> {
        let g = g?;
        if let Some(last4) = &g.found.card {
            self.fx.push(Effect::Redact);
            self.fx.push(say_with("ui-card-removed", vec![("last4", Arg::Text(last4.clone()))]));
            return None;
        }
        if g.found.secret {
            self.fx.push(Effect::Redact);
            self.fx.push(say("ui-secret-refused"));
            return None;
        }
        Some(g.text.truncated(max).for_record())
    }

    fn parse_input(&self, kind: InputKind, text: &str) -> Result<Answer, &'static str> {
        match kind {
            InputKind::Amount => match input::parse_amount(text, &self.currency()) {
                Ok((amount, currency)) => Ok(Answer::Amount { amount, currency }),
                Err(AmountError::NotANumber) => Err("ui-bad-amount"),
                Err(AmountError::NotPositive) => Err("ui-bad-amount-positive"),
                Err(AmountError::TooLarge) => Err("ui-bad-amount-large"),
                Err(AmountError::TooManyDecimals) => Err("ui-bad-amount-decimals"),
            },
            InputKind::Date | InputKind::DateTime => {
                let now = self.juris().local(&self.case, self.now);
                // Numbers-only dates are read in the order of the card's country, not the chat's language.
                let order = self.juris().date_order;
                match input::parse_when(text, now, order) {
                    Ok(w) => Ok(match (kind, w.datetime()) {
                        (InputKind::DateTime, Some(dt)) => Answer::DateTime(dt),
                        _ => Answer::Date(w.date),
                    }),
                    // A date that reads two ways is never guessed: the readings are shown and it is asked again.
                    Err(DateError::Ambiguous(_)) => Err(DATE_WHICH),
                    Err(DateError::NotADate) => Err("ui-bad-date"),
                    Err(DateError::InTheFuture) => Err("ui-bad-date-future"),
                    Err(DateError::TooOld) => Err("ui-bad-date-old"),
                }
            }
            InputKind::YesNo => input::parse_yes_no(text).map(Answer::Bool).ok_or("ui-bad-yesno"),
            InputKind::Last4 => input::parse_last4(text).map(Answer::Last4).ok_or("ui-bad-last4"),
            InputKind::Text => {
                if text.is_empty() {
                    Err("ui-bad-text-empty")
                } else if input::digit_piece(text).is_some() {
                    // Only digits is no name — and may be part of a card number, which is never kept.
                    Err("ui-bad-text-number")
                } else if text.chars().count() > MAX_TEXT_ANSWER_CHARS {
                    Err("ui-bad-text-long")
                } else {
                    // The gate masked any card number in it already.
                    Ok(Answer::Text(gate::admit(text).text))
                }
            }
        }
    }

    /// A pressed button (or its id typed).
    fn choice(&mut self, id: &str) {
        if self.case.is_closed() {
            return self.closed_notice();
        }
        if let Some(rest) = id.strip_prefix(understood::UNDERSTOOD) {
            return self.understood_choice(rest);
        }
        // A button press answers the question: a story waiting to be confirmed is let go.
        self.case.understood = None;
        let Some(node) = self.node() else { return self.reprompt() };
        if id == SNOOZE && node.has_follow_up() {
            return self.snooze(node);
        }
        if id == UNKNOWN {
            return self.unknown();
        }
        match &node.kind {
            NodeKind::Choice { options } => match options.iter().find(|o| o.id == id) {
                Some(o) => {
                    if let Some(save) = &node.save {
                        self.set_answer(save, SetValue::Text(o.id.clone()));
                    }
                    for (k, v) in &o.set {
                        self.set_answer(k, v.clone());
                    }
                    self.leave(&node.id);
                    match &o.edit {
                        // Correct an answer: ask that question again, then come back to `to`.
                        Some(e) => {
                            self.case.editing = Some(Edit { node: e.node.clone(), then: o.to.node.clone() });
                            self.enter(&e.node);
                        }
                        None => {
                            self.case.editing = None;
                            self.go(&o.to.node);
                        }
                    }
                }
                None => self.stale(),
            },
            NodeKind::Input { input: InputKind::YesNo, .. } if id == "yes" || id == "no" => {
                self.answer(Answer::Bool(id == "yes"))
            }
            _ => self.stale(),
        }
    }

    /// "Ask me again later" at a follow-up question: keeps the follow-up already planned, or plans one in
    /// the flow's `snooze_days`; the person stays at the question.
    fn snooze(&mut self, node: &Node) {
        let pending = self.case.reminders.iter().filter(|r| !r.done && r.node == node.id).map(|r| r.at).max();
        let at = match pending {
            Some(at) => at,
            None => {
                // Asking for a follow-up is asking for follow-ups again, after `/remind off` too.
                self.case.reminders_off = false;
                let at = self.not_before_expected(self.now + chrono::Duration::days(i64::from(self.flow.snooze_days)));
                self.case.reminders.push(super::case::Reminder { at, node: node.id.clone(), done: false });
                self.fx.push(Effect::Schedule { at, node: node.id.clone() });
                at
            }
        };
        let day = self.juris().local(&self.case, at).date();
        self.fx.push(say_with("ui-snoozed", vec![("date", Arg::Date(day))]));
        self.reprompt();
    }

    fn stale(&mut self) {
        self.fx.push(say("ui-stale-button"));
        self.reprompt();
    }

    /// Stores a typed answer at the current input node and moves on.
    fn answer(&mut self, a: Answer) {
        let Some(node) = self.node() else { return };
        let NodeKind::Input { next, yes, no, .. } = &node.kind else { return self.reprompt() };
        // A corrected answer goes back to where the correction was asked for.
        let back = self.case.editing.take().filter(|e| e.node == node.id).map(|e| e.then);
        let to = match (back, &a, yes, no) {
            (Some(back), ..) => back,
            (None, Answer::Bool(true), Some(y), _) => y.node.clone(),
            (None, Answer::Bool(false), _, Some(n)) => n.node.clone(),
            _ => match next {
                Some(n) => n.node.clone(),
                None => return self.reprompt(),
            },
        };
        if let Some(save) = &node.save {
            self.case.answers.insert(save.clone(), a);
        }
        self.leave(&node.id);
        self.go(&to);
    }

    fn set_answer(&mut self, key: &str, v: SetValue) {
        match (key, &v) {
            ("role", SetValue::Text(r)) => self.case.role = Role::parse(r),
            ("jurisdiction", SetValue::Text(j)) => self.case.jurisdiction = j.clone(),
            _ => {}
        }
        let a = match v {
            SetValue::Text(t) => Answer::Choice(t),
            SetValue::Bool(b) => Answer::Bool(b),
        };
        self.case.answers.insert(key.to_string(), a);
    }

    /// The person answered at `node`: remember it for `/back`.
    fn leave(&mut self, node: &str) {
        self.case.history.push(node.to_string());
        if self.case.history.len() > MAX_HISTORY {
            self.case.history.remove(0);
        }
    }

    fn go(&mut self, to: &str) {
        if to == RESUME {
            let back = self
                .case
                .resume
                .pop()
                .or_else(|| self.case.history.last().cloned())
                .unwrap_or_else(|| self.flow.start.clone());
            self.case.node = back;
            self.case.repeats = 0;
            return self.render();
        }
        self.enter(to);
    }

    /// Enters `id` and follows message and branch nodes until one waits for the person or the case ends.
    fn enter(&mut self, id: &str) {
        let mut id = id.to_string();
        for _ in 0..MAX_HOPS {
            let Some(node) = self.flow.node(&id) else {
                self.fx.push(say("ui-flow-changed"));
                id = self.flow.start.clone();
                continue;
            };
            if self.case.node == id {
                self.bump_repeat();
            } else {
                self.case.repeats = 1;
            }
            self.case.node = id.clone();
            for a in &node.actions {
                self.act(a, &node.id);
            }
            self.say_node(node);
            if node.actions.contains(&Action::Letter) {
                self.fx.push(Effect::Letter);
            }
            match &node.kind {
                NodeKind::Message { next } => id = next.node.clone(),
                NodeKind::Branch { rules } => {
                    let env = self.juris().env(&self.case, self.now);
                    let rule = rules.iter().find(|r| r.when.as_ref().is_none_or(|c| c.eval(&self.case, &env)));
                    match rule {
                        Some(r) => id = r.to.node.clone(),
                        None => return,
                    }
                }
                NodeKind::Final { outcome } => {
                    self.case.outcome = Some(outcome.clone());
                    if !matches!(self.case.status, Status::Resolved | Status::HandedOff | Status::Escalated) {
                        self.case.status = Status::Closed;
                    }
                    self.fx.push(Effect::Close { outcome: outcome.clone() });
                    return;
                }
                NodeKind::Choice { .. } | NodeKind::Input { .. } => {
                    if !self.take_prefill(node) {
                        self.prompt(node);
                    }
                    return;
                }
            }
            if id == RESUME {
                return self.go(RESUME);
            }
        }
        // Unreachable with a checked flow; stay put rather than spin.
        self.fx.push(say("ui-flow-changed"));
    }

    fn act(&mut self, a: &Action, node: &str) {
        match a {
            // A case with staff stays visible as handed off until staff change it; the flow's own status
            // changes (waiting, escalated...) do not hide it from their queue.
            Action::Status(s) if self.case.status == Status::HandedOff && *s != Status::HandedOff => {}
            Action::Status(s) => self.case.status = *s,
            Action::Done(step) => {
                if !self.case.step_done(step) {
                    self.case.steps.push(StepDone { step: step.clone(), at: self.now });
                }
            }
            Action::Handoff(reason) => self.handoff(reason, node),
            Action::Set(vals) => {
                for (k, v) in vals {
                    self.set_answer(k, v.clone());
                }
            }
            // The letter follows the node's messages (see `enter`).
            Action::Letter => {}
            Action::RemindAfterDays(days) => {
                let at = self.not_before_expected(self.now + chrono::Duration::days(i64::from(*days)));
                let pending = self.case.reminders.iter().any(|r| !r.done && r.node == node);
                if !self.case.reminders_off && !pending {
                    self.case.reminders.push(super::case::Reminder { at, node: node.to_string(), done: false });
                    self.fx.push(Effect::Schedule { at, node: node.to_string() });
                }
            }
        }
    }

    fn handoff(&mut self, reason: &str, node: &str) {
        // Coming back to the same node (by /back, say) does not hand the case off a second time.
        let again = self.case.handoffs.last().is_some_and(|h| h.reason == reason && h.node == node);
        let closed = self.case.is_closed();
        if again && !closed {
            return;
        }
        if closed && self.too_soon_after_a_closed_handoff() {
            self.handoff_refused = true;
            let hours = Decimal::from(self.flow.limits.handoff_again_hours);
            self.fx.push(say_with("ui-handoff-again-later", vec![("hours", Arg::Number(hours))]));
            return;
        }
        self.case.handoffs.push(HandoffRecord { reason: reason.into(), node: node.into(), at: self.now, closed });
        // Staff get each file once: with the first hand-off after it arrived.
        let mut files = Vec::new();
        for (i, e) in self.case.evidence.iter_mut().enumerate().filter(|(_, e)| !e.forwarded) {
            e.forwarded = true;
            files.push(i);
        }
        self.fx.push(Effect::Handoff { reason: reason.into(), files });
    }

    /// A closed case handed off within the last `handoff_again_hours`: another summary would only repeat
    /// that one to staff (a closed case can be asked about again, not every minute).
    fn too_soon_after_a_closed_handoff(&self) -> bool {
        let window = chrono::Duration::hours(i64::from(self.flow.limits.handoff_again_hours));
        self.case.handoffs.iter().rev().find(|h| h.closed).is_some_and(|h| self.now - h.at < window)
    }

    fn bump_repeat(&mut self) {
        self.case.repeats += 1;
        if self.case.repeats == self.flow.stuck_after {
            let node = self.case.node.clone();
            self.handoff("stuck", &node);
            self.case.status = Status::HandedOff;
            self.fx.push(say("ui-stuck-handoff"));
        }
    }

    fn args_for(&self, names: &[String]) -> Vec<(String, Arg)> {
        let j = self.juris();
        names.iter().map(|n| (n.clone(), self.arg(j, n))).collect()
    }

    fn arg(&self, j: &Jurisdiction, name: &str) -> Arg {
        if let Some(a) = self.case.answers.get(name) {
            return answer_arg(a);
        }
        match name {
            "case_id" => return Arg::Text(self.case.id.clone()),
            "currency" => return Arg::Text(j.currency.clone()),
            "today" => return Arg::Date(self.today()),
            _ => {}
        }
        if let Some(id) = name.strip_prefix("deadline_") {
            return self.deadline_arg(id);
        }
        match j.settings.get(name) {
            Some(Setting::Text(s)) => Arg::Text(s.clone()),
            Some(Setting::Number(n)) => Arg::Number(*n),
            Some(Setting::Bool(b)) => Arg::Text(b.to_string()),
            Some(Setting::Money(m)) => Arg::Amount { amount: *m, currency: j.currency.clone() },
            Some(Setting::Localized(m)) => Arg::Localized(m.clone()),
            None => Arg::Missing,
        }
    }

    /// A follow-up asks whether something happened: one planned just before a time limit ends (the money
    /// "expected back by" Tuesday, asked about on Monday) waits until the day after it, at the same time of
    /// day in the person's zone. Limits further off (a dispute window months away) don't move it.
    fn not_before_expected(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        let j = self.juris();
        let planned = j.local(&self.case, at).date();
        let near = |d: &super::deadline::Due| d.date >= planned && d.date <= planned + chrono::Duration::days(7);
        let soonest = super::deadline::deadlines(self.flow, &self.case, self.now).into_iter().find(near);
        let Some(due) = soonest else { return at };
        let time = j.local(&self.case, self.now).time();
        let after = (due.date + chrono::Duration::days(1)).and_time(time);
        let after = after.and_local_timezone(j.zone_of(&self.case)).earliest().map(|t| t.with_timezone(&Utc));
        after.map_or(at, |a| at.max(a))
    }

    fn today(&self) -> NaiveDate {
        self.juris().local(&self.case, self.now).date()
    }

    /// `deadline_ID` is the limit's last day; `deadline_ID_passed` is `yes` once that day is behind us, so
    /// that a text can say so instead of showing a passed limit as open.
    fn deadline_arg(&self, id: &str) -> Arg {
        let (id, passed) = match id.strip_suffix("_passed") {
            Some(id) => (id, true),
            None => (id, false),
        };
        let due = super::deadline::deadlines(self.flow, &self.case, self.now).into_iter().find(|d| d.id == id);
        match (due, passed) {
            (None, _) => Arg::Missing,
            (Some(d), false) => Arg::Date(d.date),
            (Some(d), true) => Arg::Text(if d.passed(self.today()) { "yes" } else { "no" }.into()),
        }
    }

    /// The node's messages; a waiting node's buttons go under its question (or its last message).
    fn say_node(&mut self, node: &Node) {
        for s in &node.say {
            let args = self.args_for(&s.args);
            self.fx.push(Effect::Say { key: s.key.clone(), args, buttons: vec![] });
        }
    }

    fn buttons(&self, node: &Node) -> Vec<Button> {
        node.buttons()
    }

    fn prompt(&mut self, node: &Node) {
        let buttons = self.buttons(node);
        match &node.ask {
            Some(k) => self.fx.push(Effect::Say { key: k.clone(), args: vec![], buttons }),
            None => {
                // Attach the buttons to the last message said for this node, or re-say it.
                match self.fx.iter_mut().rev().find(|e| matches!(e, Effect::Say { .. })) {
                    Some(Effect::Say { buttons: b, key, .. }) if node.say.last().is_some_and(|s| &s.key == key) => {
                        *b = buttons
                    }
                    _ => {
                        if let Some(s) = node.say.last() {
                            let args = self.args_for(&s.args);
                            self.fx.push(Effect::Say { key: s.key.clone(), args, buttons });
                        }
                    }
                }
            }
        }
        let input = match &node.kind {
            NodeKind::Input { input, .. } => input.as_str(),
            _ => "choice",
        };
        self.fx.push(Effect::Await { node: node.id.clone(), input });
    }

    /// Asks the current question again (after an error, `/status`, `/help`).
    fn reprompt(&mut self) {
        if self.case.is_closed() {
            return self.closed_notice();
        }
        if let Some(node) = self.node()
            && node.kind.waits()
        {
            self.prompt(node);
        }
    }

    /// Shows the current node again in full, without running its actions again.
    fn render(&mut self) {
        if self.case.is_closed() {
            return self.closed_notice();
        }
        let Some(node) = self.node() else { return };
        if !node.kind.waits() {
            // Only waiting nodes are ever stored as current; anything else is walked on.
            let id = node.id.clone();
            return self.enter(&id);
        }
        self.say_node(node);
        self.prompt(node);
    }

    fn back(&mut self) {
        if self.case.is_closed() {
            return self.closed_notice();
        }
        // From inside an interrupt (scam warning, hand-off), "back" is where the person was.
        let in_interrupt = self.flow.interrupts.iter().any(|i| i.to.node == self.case.node);
        if in_interrupt && !self.case.resume.is_empty() {
            return self.go(RESUME);
        }
        // Going back from a correction abandons it.
        self.case.editing = None;
        match self.case.history.pop() {
            Some(prev) => {
                self.case.node = prev;
                self.case.repeats = 0;
                self.render();
            }
            None => {
                self.fx.push(say("ui-nothing-back"));
                self.reprompt();
            }
        }
    }

    fn interrupt(&mut self, id: &str) {
        let Some(i) = self.flow.interrupts.iter().find(|i| i.id == id) else {
            self.fx.push(say("ui-unknown-command"));
            return self.reprompt();
        };
        let to = i.to.node.clone();
        if self.case.is_closed() {
            // Safety advice is always given and a request for a person is recorded, but a closed case stays
            // at its final node.
            if let Some(n) = self.flow.node(&to) {
                for a in n.actions.iter().filter(|a| matches!(a, Action::Handoff(_) | Action::Status(_))) {
                    self.act(a, &n.id);
                }
                // Refused: the node's words ("I am passing you to a person") would not be true.
                if !self.handoff_refused {
                    self.say_node(n);
                }
            }
            return self.closed_notice();
        }
        if self.case.node == to {
            return self.render();
        }
        // Don't stack the same return point twice (scam warning from inside the human hand-off, say).
        let here = self.case.node.clone();
        if !self.flow.interrupts.iter().any(|i| i.to.node == here) {
            self.case.resume.push(here);
            if self.case.resume.len() > 8 {
                self.case.resume.remove(0);
            }
        }
        self.enter(&to);
    }

    fn status(&mut self) {
        let title = self.node().and_then(|n| n.title.clone()).map_or(Arg::Missing, Arg::Key);
        let j = self.juris();
        self.fx.push(say_with(
            "ui-status",
            vec![
                ("case_id", Arg::Text(self.case.id.clone())),
                ("status", Arg::Key(format!("status-{}", self.case.status.as_str()))),
                ("step", title),
            ],
        ));
        let fact = |name: &str| self.case.answers.get(name).map_or(Arg::Missing, answer_arg);
        self.fx.push(say_with(
            "ui-status-facts",
            vec![
                ("amount", fact("amount")),
                ("txn_time", fact("txn_time")),
                ("card_last4", fact("card_last4")),
                ("merchant_name", fact("merchant_name")),
            ],
        ));
        let steps: Vec<Arg> = self
            .case
            .steps
            .iter()
            .map(|s| Arg::Line(vec![Arg::Key(format!("step-{}", s.step)), Arg::DateTime(j.local(&self.case, s.at))]))
            .collect();
        if steps.is_empty() {
            self.fx.push(say("ui-status-no-steps"));
        } else {
            self.fx.push(say_with("ui-status-steps", vec![("steps", Arg::List(steps))]));
        }
        let today = self.today();
        let due: Vec<Arg> = super::deadline::deadlines(self.flow, &self.case, self.now)
            .into_iter()
            .map(|d| due_line(&d, today))
            .collect();
        if !due.is_empty() {
            self.fx.push(say_with("ui-status-deadlines", vec![("deadlines", Arg::List(due))]));
        }
    }
}

/// One time limit as `/status` and the staff summary list it: its label, its last day, open or passed.
pub fn due_line(d: &super::deadline::Due, today: NaiveDate) -> Arg {
    let state = if d.passed(today) { "deadline-passed" } else { "deadline-open" };
    Arg::Line(vec![Arg::Key(format!("deadline-{}", d.id)), Arg::Date(d.date), Arg::Key(state.into())])
}

/// The message key naming a case outcome (`outcome-resolved`), or `outcome-open`.
pub fn outcome_key(outcome: Option<&str>) -> String {
    format!("outcome-{}", outcome.unwrap_or("open"))
}

pub fn answer_arg(a: &Answer) -> Arg {
    match a {
        // "I don't know", kept as an answer so the flow can go on without it.
        Answer::Choice(s) if s == UNKNOWN => Arg::Key("value-unknown".into()),
        Answer::Choice(s) => Arg::Text(s.clone()),
        Answer::Text(s) => Arg::Text(s.to_string()),
        Answer::Last4(s) => Arg::Text(s.clone()),
        Answer::Amount { amount, currency } => Arg::Amount { amount: *amount, currency: currency.clone() },
        Answer::Date(d) => Arg::Date(*d),
        Answer::DateTime(d) => Arg::DateTime(*d),
        Answer::Bool(b) => Arg::Key(if *b { "btn-yes".into() } else { "btn-no".into() }),
    }
}
