//! The step's side of reading a person's own words: a story put to them to confirm (never acted on as a
//! guess), the answers a confirmed story gives ahead, words that mean a command, and "I don't know".
//!
//! Owns: `Turn::said`, `story`, the confirmation's buttons and answers, `take_prefill`, `unknown`.
//! Must not touch: matching and scoring (`understand`'s), reading amounts and dates (`input`'s).

use super::{Arg, Effect, Turn, say, say_with};
use crate::case::{Answer, Understood};
use crate::flow::{Button, InputKind, Node, NodeKind, UNKNOWN};
use crate::gate::{self, Clean, Gated};
use crate::understand::{self, Facts, Said, Verdict};
use std::collections::BTreeMap;

/// The prefix of the confirmation's button ids (`u:yes`, `u:no`, `u:double`).
pub(super) const UNDERSTOOD: &str = "u:";

impl Turn<'_> {
    /// A word for an interrupt ("转人工", "is this a scam") or a command ("help"): acted on; returns whether
    /// it was one. `inside` is whether words inside a longer message count.
    pub(super) fn said(&mut self, text: &str, inside: bool) -> bool {
        match understand::said(&self.flow.lexicon, text, inside) {
            Some(Said::Interrupt(id)) if self.flow.interrupts.iter().any(|i| i.id == id) => self.interrupt(&id),
            Some(Said::Command(c)) if c == "help" => {
                self.fx.push(Effect::Help);
                self.reprompt();
            }
            _ => return false,
        }
        true
    }

    /// A story typed where it was no answer: a scam story shows its warning from any question; at the
    /// questions asked before the problem is known, a story is put to the person to confirm. Returns whether
    /// the text was taken as one.
    pub(super) fn story(&mut self, g: &Gated) -> bool {
        let u = &self.flow.understanding;
        let reading = understand::read(&self.flow.lexicon, g.text.as_str());
        if let Verdict::Sure(p) = &reading.verdict
            && let Some(i) = u.interrupts.get(p)
        {
            let i = i.clone();
            self.interrupt(&i);
            return true;
        }
        if self.case.is_closed() || !u.at.contains(&self.case.node) {
            return false;
        }
        let known = |p: &String| u.prefill.contains_key(p) || u.interrupts.contains_key(p);
        let problems: Vec<String> = match reading.verdict {
            Verdict::Sure(p) => vec![p],
            Verdict::Choose(ps) => ps,
            Verdict::Nothing => vec![],
        };
        let problems: Vec<String> = problems.into_iter().filter(known).collect();
        if problems.is_empty() {
            return false;
        }
        let facts = self.story_facts(g.text.as_str());
        self.case.understood = Some(Understood { problems, facts });
        self.show_understood();
        true
    }

    /// The facts of a story that answer a question not answered yet, as the person wrote them.
    fn story_facts(&self, text: &str) -> BTreeMap<String, Clean> {
        let now = self.juris().local(&self.case, self.now);
        let f = Facts::of(&self.flow.lexicon, text, &self.currency(), now, self.date_order());
        let named =
            [("amount", f.amount), ("when", f.when), ("shop", f.shop), ("last4", f.last4), ("region", f.region)];
        let mut out = BTreeMap::new();
        for (fact, words) in named {
            let (Some(words), Some(answer)) = (words, self.flow.understanding.facts.get(fact)) else { continue };
            if !self.case.answers.contains_key(answer) && self.fact_arg(answer, &words).is_some() {
                out.insert(answer.clone(), gate::admit(&words).text);
            }
        }
        out
    }

    /// What a fact would answer, shown to the person; `None` when the question would not take the words.
    fn fact_arg(&self, answer: &str, words: &str) -> Option<Arg> {
        let node = self.flow.nodes.values().find(|n| n.save.as_deref() == Some(answer))?;
        match &node.kind {
            NodeKind::Input { input, .. } => self.parse_input(*input, words).ok().map(|a| super::answer_arg(&a)),
            NodeKind::Choice { options } => options.iter().find(|o| o.id == words).map(|o| Arg::Key(o.label.clone())),
            _ => None,
        }
    }

    /// The story read, put to the person: one problem to confirm, or a few to pick from; the facts listed.
    fn show_understood(&mut self) {
        let Some(u) = self.case.understood.clone() else { return };
        let facts: Vec<Arg> = u
            .facts
            .iter()
            .filter_map(|(answer, words)| {
                let value = self.fact_arg(answer, words.as_str())?;
                Some(Arg::Line(vec![Arg::Key(format!("fact-{answer}")), value]))
            })
            .collect();
        let mut buttons: Vec<Button> = Vec::new();
        let key = if let [one] = u.problems.as_slice() {
            buttons.push(Button { id: format!("{UNDERSTOOD}yes"), label: "btn-understood-yes".into() });
            self.fx.push(say_with("ui-understood", vec![("problem", Arg::Key(format!("understood-{one}")))]));
            "ui-understood-confirm"
        } else {
            for p in &u.problems {
                buttons.push(Button { id: format!("{UNDERSTOOD}{p}"), label: format!("understood-{p}-btn") });
            }
            self.fx.push(say("ui-understood-which"));
            "ui-understood-pick"
        };
        buttons.push(Button { id: format!("{UNDERSTOOD}no"), label: "btn-understood-no".into() });
        if !facts.is_empty() {
            self.fx.push(say_with("ui-understood-facts", vec![("facts", Arg::List(facts))]));
        }
        self.fx.push(Effect::Say { key: key.into(), args: vec![], buttons });
        self.fx.push(Effect::Await { node: self.case.node.clone(), input: "choice" });
    }

    /// A press of the confirmation's buttons (`rest` is what follows `u:`).
    pub(super) fn understood_choice(&mut self, rest: &str) {
        let Some(u) = self.case.understood.clone() else { return self.stale() };
        match rest {
            "no" => self.decline(),
            "yes" if u.problems.len() == 1 => self.confirm(&u.problems[0]),
            p if u.problems.iter().any(|x| x == p) => self.confirm(p),
            _ => self.stale(),
        }
    }

    /// Typed while a story waits for confirmation: yes, no, or a button's number. Anything else drops the
    /// story and is read as usual (it may be a better story). Returns whether it was an answer.
    pub(super) fn understood_text(&mut self, text: &str) -> bool {
        let Some(u) = self.case.understood.clone() else { return false };
        let n = text.trim().parse::<usize>().ok().filter(|n| *n >= 1 && *n <= u.problems.len() + 1);
        let single = u.problems.len() == 1;
        match (crate::input::parse_yes_no(text), n) {
            (Some(false), _) => self.decline(),
            (Some(true), _) if single => self.confirm(&u.problems[0]),
            (_, Some(n)) if n > u.problems.len() || (single && n == 2) => self.decline(),
            (_, Some(n)) => self.confirm(&u.problems[n - 1]),
            _ => {
                self.case.understood = None;
                return false;
            }
        }
        true
    }

    /// The person confirmed: the problem's answers and the story's facts are given ahead, and the question
    /// at hand is asked (or passed, when the story answered it).
    fn confirm(&mut self, problem: &str) {
        let Some(u) = self.case.understood.take() else { return self.stale() };
        if let Some(i) = self.flow.understanding.interrupts.get(problem) {
            let i = i.clone();
            return self.interrupt(&i);
        }
        for (answer, option) in self.flow.understanding.prefill.get(problem).into_iter().flatten() {
            self.case.prefill.insert(answer.clone(), gate::admit(option).text);
        }
        self.case.prefill.extend(u.facts);
        self.fx.push(say("ui-understood-thanks"));
        self.ask_here();
    }

    /// Not what they meant: nothing is kept of the story; the question again.
    fn decline(&mut self) {
        self.case.understood = None;
        self.fx.push(say("ui-understood-declined"));
        self.ask_here();
    }

    /// The current question, or on past it when an answer was given ahead.
    fn ask_here(&mut self) {
        let Some(node) = self.node() else { return };
        if !self.take_prefill(node) {
            self.prompt(node);
        }
    }

    /// An answer given ahead for `node`'s question: taken (once) and the flow goes on; returns whether it was.
    /// Words the question does not read after all (a date in the future, say) are dropped, and it is asked.
    pub(super) fn take_prefill(&mut self, node: &Node) -> bool {
        let Some(answer) = node.save.as_ref() else { return false };
        let Some(words) = self.case.prefill.remove(answer) else { return false };
        match &node.kind {
            NodeKind::Choice { options } if options.iter().any(|o| o.id == words.as_str()) => {
                self.choice(words.as_str());
                true
            }
            NodeKind::Input { input, .. } => match self.parse_input(*input, words.as_str()) {
                Ok(a) => {
                    self.answer(a);
                    true
                }
                Err(_) => false,
            },
            _ => false,
        }
    }

    /// "I don't know" typed at a question that allows it (see `unknown`); returns whether it was.
    pub(super) fn dont_know(&mut self, text: &str) -> bool {
        let allows = matches!(self.node().map(|n| &n.kind), Some(NodeKind::Input { unknown: Some(_), .. }));
        if allows && understand::dont_know(&self.flow.lexicon, text) {
            self.unknown();
            return true;
        }
        false
    }

    /// The person does not know the answer: kept as `unknown` (letters say "not known"), and on by the
    /// question's `unknown` way.
    pub(super) fn unknown(&mut self) {
        let Some(node) = self.node() else { return };
        let NodeKind::Input { unknown: Some(to), input, .. } = &node.kind else { return self.stale() };
        if *input == InputKind::YesNo {
            return self.stale();
        }
        if let Some(save) = &node.save {
            self.case.answers.insert(save.clone(), Answer::Choice(UNKNOWN.into()));
        }
        self.case.editing = None;
        self.leave(&node.id);
        self.go(&to.node.clone());
    }
}
