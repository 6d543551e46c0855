//! Reading the flow files into a checked `Flow`: the TOML shapes of a flow file, each node read on its own,
//! then the jurisdiction files and the whole-tree checks of `validate`. Every problem is reported at once,
//! with file and line. Reading the files from disk is the caller's job: this works on `(name, text)` pairs.
//!
//! Owns: `Flow::parse` and `Flow::parse_reserving`, and the rules a single node, interrupt or `[flow]`
//! header must follow (one kind per node, valid ids, `do` entries, options, inputs, branch rules).
//! Must not touch: checks that need the whole tree (targets, reachability, loops, settings a node needs),
//! which are `validate`'s and run once every node is read; the jurisdiction format, which is
//! `jurisdiction`'s. Nothing else in the engine depends on this module.

use super::case::Status;
use super::condition::{Condition, is_name};
use super::flow::{
    Action, Choice, FACTS, Flow, InputKind, Interrupt, Jurisdiction, Node, NodeKind, Rule, Say, SetValue, Target,
    Understanding,
};
use super::jurisdiction::parse_jurisdiction;
use super::problem::{Lines, Loc, Problem, toml_problem};
use super::validate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

// ---- the raw TOML shapes -------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    flow: Option<Spanned<RawHeader>>,
    #[serde(default)]
    interrupt: Vec<Spanned<RawInterrupt>>,
    #[serde(default)]
    node: Vec<Spanned<RawNode>>,
    understanding: Option<Spanned<RawUnderstanding>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnderstanding {
    #[serde(default)]
    at: Vec<String>,
    #[serde(default)]
    prefill: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    interrupts: BTreeMap<String, String>,
    #[serde(default)]
    facts: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    start: Spanned<String>,
    #[serde(default = "default_stuck")]
    stuck_after: u32,
    #[serde(default = "default_snooze")]
    snooze_days: u32,
    default_jurisdiction: Option<Spanned<String>>,
}

fn default_stuck() -> u32 {
    3
}

fn default_snooze() -> u32 {
    2
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInterrupt {
    id: String,
    to: Spanned<String>,
    #[serde(default)]
    keywords: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawSay {
    Key(String),
    Full {
        key: String,
        #[serde(default)]
        args: Vec<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    status: Option<String>,
    done: Option<String>,
    handoff: Option<String>,
    set: Option<BTreeMap<String, toml::Value>>,
    remind_after_days: Option<u32>,
    letter: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: String,
    label: String,
    to: Spanned<String>,
    #[serde(default)]
    set: BTreeMap<String, toml::Value>,
    edit: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    when: Option<String>,
    to: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    id: Spanned<String>,
    #[serde(default)]
    say: Vec<RawSay>,
    ask: Option<String>,
    title: Option<String>,
    #[serde(default, rename = "do")]
    actions: Vec<RawAction>,
    save: Option<String>,
    next: Option<Spanned<String>>,
    options: Option<Vec<RawOption>>,
    input: Option<String>,
    yes: Option<Spanned<String>>,
    no: Option<Spanned<String>>,
    unknown: Option<Spanned<String>>,
    branch: Option<Vec<RawRule>>,
    #[serde(rename = "final")]
    final_: Option<String>,
    #[serde(default)]
    evidence: bool,
}

impl Flow {
    /// Parses and checks a tree from its files: `flows` are `(name, text)` of the tree files, `jurisdictions`
    /// of the jurisdiction files. Returns every problem found, not just the first. The engine knows no
    /// commands: the application passes its command table's names to `parse_reserving`.
    pub fn parse(flows: &[(String, String)], jurisdictions: &[(String, String)]) -> Result<Flow, Vec<Problem>> {
        Flow::parse_reserving(flows, jurisdictions, &[])
    }

    /// Like `parse`, with the names of the commands the application handles itself: an interrupt with one of
    /// these ids (compared lower-cased, as commands are read) would be shadowed by the command, so it is a
    /// problem.
    pub fn parse_reserving(
        flows: &[(String, String)],
        jurisdictions: &[(String, String)],
        reserved: &[&str],
    ) -> Result<Flow, Vec<Problem>> {
        let mut parser = Parser::new(reserved);
        for (file, text) in flows {
            parser.read_file(file, text);
        }
        let juris = parser.jurisdictions(jurisdictions);
        parser.finish(flows, juris)
    }
}

/// The flow files read so far, and every problem found in them. Parts with a problem are still read (or
/// skipped) so that one run shows the author everything to fix.
struct Parser<'r> {
    reserved: &'r [&'r str],
    problems: Vec<Problem>,
    header: Option<(RawHeader, Loc)>,
    nodes: BTreeMap<String, Node>,
    /// Node ids in file order (files sorted by name), for stable graphs and listings.
    order: Vec<String>,
    interrupts: Vec<Interrupt>,
    understanding: Option<(RawUnderstanding, Loc)>,
}

/// One flow file being read: its name and where its lines start, to turn TOML spans into `Loc`s.
struct Source<'a> {
    file: &'a str,
    lines: Lines,
}

impl Source<'_> {
    fn loc(&self, offset: usize) -> Loc {
        Loc { file: self.file.to_string(), line: self.lines.line(offset) }
    }

    fn target(&self, s: &Spanned<String>) -> Target {
        Target { node: s.get_ref().clone(), loc: self.loc(s.span().start) }
    }
}

impl<'r> Parser<'r> {
    fn new(reserved: &'r [&'r str]) -> Self {
        Parser {
            reserved,
            problems: Vec::new(),
            header: None,
            nodes: BTreeMap::new(),
            order: Vec::new(),
            interrupts: Vec::new(),
            understanding: None,
        }
    }

    /// One flow file. A file that is not valid TOML is one problem and adds nothing; the other files are
    /// still read.
    fn read_file(&mut self, file: &str, text: &str) {
        let raw: RawFile = match toml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                self.problems.push(toml_problem(file, text, &e));
                return;
            }
        };
        let src = Source { file, lines: Lines::new(text) };
        if let Some(h) = raw.flow {
            self.header(h, &src);
        }
        for i in raw.interrupt {
            self.interrupt(i, &src);
        }
        for n in raw.node {
            self.node(n.into_inner(), &src);
        }
        if let Some(u) = raw.understanding {
            let loc = src.loc(u.span().start);
            match &self.understanding {
                Some((_, first)) => {
                    self.problems.push(loc.problem(format!(
                        "a second [understanding] table: the first is at {}:{}",
                        first.file, first.line
                    )))
                }
                None => self.understanding = Some((u.into_inner(), loc)),
            }
        }
    }

    /// `[understanding]`, checked against the tree: its questions exist, its answers are ones the tree
    /// stores, its interrupts exist, its facts are ones a story can state.
    fn understanding(&mut self, names: &BTreeSet<String>) -> Understanding {
        let Some((u, loc)) = self.understanding.take() else { return Understanding::default() };
        let mut bad = |ok: bool, what: String| {
            if !ok {
                self.problems.push(loc.problem(format!("[understanding]: {what}")));
            }
        };
        for n in &u.at {
            bad(self.nodes.get(n).is_some_and(|n| n.kind.waits()), format!("`{n}` is no question of the tree"));
        }
        for (problem, answers) in &u.prefill {
            for a in answers.keys() {
                bad(names.contains(a), format!("`{problem}` gives `{a}`, which no node stores"));
            }
        }
        for (problem, i) in &u.interrupts {
            bad(self.interrupts.iter().any(|x| &x.id == i), format!("`{problem}` shows `{i}`, no interrupt"));
        }
        for (fact, answer) in &u.facts {
            bad(FACTS.contains(&fact.as_str()), format!("`{fact}` is no fact (use {})", FACTS.join(", ")));
            bad(names.contains(answer), format!("fact `{fact}` gives `{answer}`, which no node stores"));
        }
        Understanding { at: u.at.into_iter().collect(), prefill: u.prefill, interrupts: u.interrupts, facts: u.facts }
    }

    /// The `[flow]` table; the tree has one start, so only one file may have it.
    fn header(&mut self, h: Spanned<RawHeader>, src: &Source) {
        let loc = src.loc(h.span().start);
        if let Some((_, first)) = &self.header {
            let message = format!("a second [flow] table: the first is at {}:{}", first.file, first.line);
            self.problems.push(loc.problem(message));
        } else {
            self.header = Some((h.into_inner(), loc));
        }
    }

    fn interrupt(&mut self, i: Spanned<RawInterrupt>, src: &Source) {
        let loc = src.loc(i.span().start);
        let i = i.into_inner();
        if !is_name(&i.id) {
            self.problems.push(loc.problem(format!("interrupt id `{}` must be letters, digits and _", i.id)));
        }
        if let Some(command) = self.reserved_command(&i.id) {
            self.problems.push(loc.problem(format!("interrupt id `{}` clashes with the /{command} command", i.id)));
        }
        self.interrupts.push(Interrupt {
            id: i.id,
            to: src.target(&i.to),
            // Matched as substrings of the lower-cased message; an empty keyword would match everything.
            keywords: i.keywords.iter().map(|k| k.to_lowercase()).filter(|k| !k.trim().is_empty()).collect(),
        });
    }

    /// The reserved command an interrupt id would clash with, lower-cased: commands are read lower-cased, so
    /// an interrupt `Help` could never be reached as `/help`.
    fn reserved_command(&self, id: &str) -> Option<String> {
        let id = id.to_lowercase();
        self.reserved.iter().any(|r| r.to_lowercase() == id).then_some(id)
    }

    /// One `[[node]]`. Its own rules are checked here; where its targets lead is checked by `validate` once
    /// every node is known. A node with a problem in its kind is left out of the tree.
    fn node(&mut self, mut n: RawNode, src: &Source) {
        let id = n.id.get_ref().clone();
        let loc = src.loc(n.id.span().start);
        if let Some(prev) = self.nodes.get(&id) {
            let message = format!("node `{id}` is defined twice (also at {}:{})", prev.loc.file, prev.loc.line);
            self.problems.push(loc.problem(message));
            return;
        }
        if !is_name(&id) {
            self.problems.push(loc.problem(format!("node id `{id}` must be letters, digits and _")));
        }
        let say = std::mem::take(&mut n.say).into_iter().map(say).collect();
        let actions = n.actions.iter().filter_map(|a| self.action(a, &id, &loc)).collect();
        let kind = self.kind(&mut n, &id, &loc, src);
        self.check_fields(&n, kind.as_ref(), &id, &loc);
        let Some(kind) = kind else { return };
        self.order.push(id.clone());
        let node = Node { id, loc, say, ask: n.ask, title: n.title, actions, save: n.save, evidence: n.evidence, kind };
        self.nodes.insert(node.id.clone(), node);
    }

    /// One `do` entry, which must do exactly one thing; `None`, with a problem, when it is wrong.
    fn action(&mut self, a: &RawAction, id: &str, loc: &Loc) -> Option<Action> {
        let given = [
            a.status.is_some(),
            a.done.is_some(),
            a.handoff.is_some(),
            a.set.is_some(),
            a.remind_after_days.is_some(),
            a.letter.is_some(),
        ];
        if given.iter().filter(|x| **x).count() != 1 {
            self.problems.push(loc.problem(format!(
                "node `{id}`: each `do` entry needs exactly one of status, done, handoff, set, remind_after_days, letter"
            )));
            return None;
        }
        if let Some(s) = &a.status {
            return self.status(s, id, loc);
        }
        if let Some(d) = &a.done {
            return Some(Action::Done(d.clone()));
        }
        if let Some(h) = &a.handoff {
            return Some(Action::Handoff(h.clone()));
        }
        if let Some(s) = &a.set {
            return Some(Action::Set(set_values(s, loc, &mut self.problems)));
        }
        if let Some(d) = a.remind_after_days {
            return self.remind_after(d, id, loc);
        }
        self.letter(a.letter, id, loc)
    }

    fn status(&mut self, s: &str, id: &str, loc: &Loc) -> Option<Action> {
        let status = Status::parse(s).map(Action::Status);
        if status.is_none() {
            self.problems.push(loc.problem(format!(
                "node `{id}`: unknown status `{s}` (use one of {})",
                Status::ALL.map(|s| s.as_str()).join(", ")
            )));
        }
        status
    }

    /// A follow-up between a day and about three months later; beyond that the case is stale anyway.
    fn remind_after(&mut self, days: u32, id: &str, loc: &Loc) -> Option<Action> {
        if (1..=90).contains(&days) {
            return Some(Action::RemindAfterDays(days));
        }
        self.problems.push(loc.problem(format!("node `{id}`: remind_after_days must be 1 to 90")));
        None
    }

    /// `letter = false` means nothing, and is more likely a mistake than a wish; it is refused.
    fn letter(&mut self, letter: Option<bool>, id: &str, loc: &Loc) -> Option<Action> {
        match letter {
            Some(true) => Some(Action::Letter),
            Some(false) => {
                self.problems.push(loc.problem(format!("node `{id}`: write `letter = true` or leave it out")));
                None
            }
            None => None,
        }
    }

    /// What kind of node this is: exactly one of `next` (a message), `options`, `input`, `branch` or `final`
    /// (an input's `next` is where its answer leads, not a second kind).
    fn kind(&mut self, n: &mut RawNode, id: &str, loc: &Loc, src: &Source) -> Option<NodeKind> {
        let kinds = [
            n.next.is_some() && n.input.is_none(),
            n.options.is_some(),
            n.input.is_some(),
            n.branch.is_some(),
            n.final_.is_some(),
        ];
        match kinds.iter().filter(|k| **k).count() {
            0 => {
                self.problems.push(loc.problem(format!(
                    "node `{id}` has no way on: give it `next`, `options`, `input`, `branch` or `final`"
                )));
                None
            }
            1 => self.the_kind(n, id, loc, src),
            _ => {
                self.problems.push(loc.problem(format!(
                    "node `{id}` mixes kinds: use only one of `next` (message), `options`, `input`, `branch`, `final`"
                )));
                None
            }
        }
    }

    /// The node's one kind, read from the field that gives it (taken out of `n`, which is not used again
    /// for it).
    fn the_kind(&mut self, n: &mut RawNode, id: &str, loc: &Loc, src: &Source) -> Option<NodeKind> {
        if let Some(options) = n.options.take() {
            Some(self.choice(options, id, loc, src))
        } else if n.input.is_some() {
            self.input(n, id, loc, src)
        } else if let Some(rules) = n.branch.take() {
            Some(self.branch(rules, id, loc, src))
        } else if let Some(outcome) = n.final_.take() {
            Some(NodeKind::Final { outcome })
        } else {
            n.next.as_ref().map(|next| NodeKind::Message { next: src.target(next) })
        }
    }

    fn choice(&mut self, options: Vec<RawOption>, id: &str, loc: &Loc, src: &Source) -> NodeKind {
        if options.is_empty() {
            self.problems.push(loc.problem(format!("node `{id}` has no way on: `options` is empty")));
        }
        let mut seen = BTreeSet::new();
        let options = options.into_iter().map(|o| self.option(o, &mut seen, id, loc, src)).collect();
        NodeKind::Choice { options }
    }

    /// One option; `seen` holds the ids of the node's earlier options, since a pressed button is known only
    /// by its id.
    fn option(&mut self, o: RawOption, seen: &mut BTreeSet<String>, id: &str, loc: &Loc, src: &Source) -> Choice {
        if !seen.insert(o.id.clone()) {
            self.problems.push(loc.problem(format!("node `{id}`: option id `{}` twice", o.id)));
        }
        if o.id.is_empty()
            || o.id.len() > 32
            || !o.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.problems
                .push(loc.problem(format!("node `{id}`: option id `{}` must be 1-32 letters, digits, _ or -", o.id)));
        }
        Choice {
            set: set_values(&o.set, loc, &mut self.problems),
            id: o.id,
            label: o.label,
            to: src.target(&o.to),
            edit: o.edit.as_ref().map(|e| src.target(e)),
        }
    }

    /// An input node goes on by `next`; a yes/no question may instead go on by `yes` and `no`.
    fn input(&mut self, n: &RawNode, id: &str, loc: &Loc, src: &Source) -> Option<NodeKind> {
        let input = n.input.as_deref()?;
        let Some(kind) = InputKind::parse(input) else {
            self.problems.push(loc.problem(format!(
                "node `{id}`: unknown input `{input}` (use amount, date, datetime, yesno, text or last4)"
            )));
            return None;
        };
        let [next, yes, no] = [&n.next, &n.yes, &n.no].map(|t| t.as_ref().map(|t| src.target(t)));
        let yes_no = kind == InputKind::YesNo;
        let goes_on = next.is_some() || (yes_no && yes.is_some() && no.is_some());
        if !goes_on {
            self.problems.push(loc.problem(format!(
                "node `{id}` has no way on: an `{input}` input needs `next`{}",
                if yes_no { " or both `yes` and `no`" } else { "" }
            )));
        }
        if !yes_no && (yes.is_some() || no.is_some()) {
            self.problems.push(loc.problem(format!("node `{id}`: `yes`/`no` only go with `input = \"yesno\"`")));
        }
        let unknown = n.unknown.as_ref().map(|t| src.target(t));
        Some(NodeKind::Input { input: kind, next, yes, no, unknown })
    }

    /// Branch rules are tried in order; the last must have no `when`, so that some rule always applies.
    fn branch(&mut self, rules: Vec<RawRule>, id: &str, loc: &Loc, src: &Source) -> NodeKind {
        let count = rules.len();
        let rules: Vec<Rule> =
            rules.into_iter().enumerate().map(|(i, r)| self.rule(r, i + 1 == count, id, loc, src)).collect();
        if rules.last().is_none_or(|r| r.when.is_some()) {
            self.problems.push(loc.problem(format!(
                "node `{id}` may have no way on: its last branch rule needs no `when` (the default)"
            )));
        }
        NodeKind::Branch { rules }
    }

    /// One branch rule. A condition that does not parse is reported at the rule's own line (its `to`), and
    /// the rule is kept without it.
    fn rule(&mut self, r: RawRule, last: bool, id: &str, loc: &Loc, src: &Source) -> Rule {
        let when = match r.when {
            None if !last => {
                self.problems
                    .push(loc.problem(format!("node `{id}`: only the last branch rule may go without `when`")));
                None
            }
            None => None,
            Some(w) => match w.parse::<Condition>() {
                Ok(c) => Some(c),
                Err(e) => {
                    self.problems.push(src.loc(r.to.span().start).problem(format!("node `{id}`: {e}")));
                    None
                }
            },
        };
        Rule { when, to: src.target(&r.to) }
    }

    /// Fields that only go with some kinds of node, and the answer name a node saves under.
    fn check_fields(&mut self, n: &RawNode, kind: Option<&NodeKind>, id: &str, loc: &Loc) {
        if n.next.is_some()
            && let Some(kind) =
                kind.filter(|k| matches!(k, NodeKind::Choice { .. } | NodeKind::Branch { .. } | NodeKind::Final { .. }))
        {
            self.problems.push(loc.problem(format!("node `{id}`: `next` does not go with {}", kind.name())));
        }
        if n.ask.is_some() && !matches!(kind, Some(NodeKind::Choice { .. } | NodeKind::Input { .. })) {
            self.problems.push(loc.problem(format!("node `{id}`: `ask` only goes with choice and input nodes")));
        }
        let answers = matches!(kind, Some(NodeKind::Input { input, .. }) if *input != InputKind::YesNo);
        if n.unknown.is_some() && !answers {
            let message = format!("node `{id}`: `unknown` (\"I don't know\") only goes with inputs other than yesno");
            self.problems.push(loc.problem(message));
        }
        if let Some(save) = &n.save
            && !is_name(save)
        {
            self.problems.push(loc.problem(format!("node `{id}`: `{save}` is not a valid answer name")));
        }
    }

    /// The jurisdiction files, by id; their problems join the flow files' problems.
    fn jurisdictions(&mut self, files: &[(String, String)]) -> BTreeMap<String, Jurisdiction> {
        let mut juris = BTreeMap::new();
        for (file, text) in files {
            match parse_jurisdiction(file, text) {
                Ok(j) => {
                    juris.insert(j.id.clone(), j);
                }
                Err(ps) => self.problems.extend(ps),
            }
        }
        if juris.is_empty() && files.is_empty() {
            self.problems.push(Problem {
                file: "flows/jurisdictions".into(),
                line: None,
                message: "no jurisdiction files (*.toml)".into(),
            });
        }
        juris
    }

    /// The whole tree, once every file is read, and the checks that need all of it. Without a `[flow]` header
    /// there is no start, so the whole-tree checks would only repeat that.
    fn finish(
        mut self,
        flows: &[(String, String)],
        jurisdictions: BTreeMap<String, Jurisdiction>,
    ) -> Result<Flow, Vec<Problem>> {
        let Some((header, header_loc)) = self.header.take() else {
            let first_file = flows.first().map(|(f, _)| f.clone()).unwrap_or_else(|| "flows".into());
            let message = "no file has a [flow] table with `start`".into();
            self.problems.push(Problem { file: first_file, line: None, message });
            self.problems.sort();
            return Err(self.problems);
        };
        let default_jurisdiction = self.default_jurisdiction(&header, &header_loc, &jurisdictions);
        let names = answer_names(&self.nodes);
        let understanding = self.understanding(&names);
        let flow = Flow {
            start: header.start.get_ref().clone(),
            stuck_after: header.stuck_after.max(2),
            snooze_days: header.snooze_days.clamp(1, 90),
            default_jurisdiction,
            order: self.order,
            answer_names: names,
            nodes: self.nodes,
            interrupts: self.interrupts,
            jurisdictions,
            limits: Default::default(),
            understanding,
            lexicon: Default::default(),
        };
        let mut problems = self.problems;
        if !flow.nodes.contains_key(&flow.start) {
            problems.push(header_loc.problem(format!("the start node `{}` does not exist", flow.start)));
        }
        validate::check(&flow, &mut problems);
        if problems.is_empty() {
            return Ok(flow);
        }
        problems.sort();
        problems.dedup();
        Err(problems)
    }

    /// The header's `default_jurisdiction`, else the first by id. A name without a file is a problem only when
    /// some jurisdiction file was read: otherwise the jurisdiction files' own problems say what is wrong.
    fn default_jurisdiction(
        &mut self,
        header: &RawHeader,
        header_loc: &Loc,
        jurisdictions: &BTreeMap<String, Jurisdiction>,
    ) -> String {
        let Some(d) = &header.default_jurisdiction else {
            return jurisdictions.keys().next().cloned().unwrap_or_default();
        };
        if !jurisdictions.is_empty() && !jurisdictions.contains_key(d.get_ref()) {
            self.problems.push(
                header_loc.problem(format!("default_jurisdiction `{}` has no file in jurisdictions/", d.get_ref())),
            );
        }
        d.get_ref().clone()
    }
}

fn say(raw: RawSay) -> Say {
    match raw {
        RawSay::Key(key) => Say { key, args: vec![] },
        RawSay::Full { key, args } => Say { key, args },
    }
}

/// The values an option or a `set` action stores: text or true/false, under a valid answer name.
fn set_values(map: &BTreeMap<String, toml::Value>, loc: &Loc, problems: &mut Vec<Problem>) -> Vec<(String, SetValue)> {
    let mut out = Vec::new();
    for (k, v) in map {
        if !is_name(k) {
            problems.push(loc.problem(format!("`{k}` is not a valid answer name (letters, digits, _)")));
            continue;
        }
        match v {
            toml::Value::String(s) => out.push((k.clone(), SetValue::Text(s.clone()))),
            toml::Value::Boolean(b) => out.push((k.clone(), SetValue::Bool(*b))),
            other => problems
                .push(loc.problem(format!("`set` of `{k}` must be a 'text' or true/false, not {}", other.type_str()))),
        }
    }
    out
}

/// Every answer name some node can store (`save`, `set` in `do` or in an option), so that the whole-tree
/// checks can tell an answer from a typo.
fn answer_names(nodes: &BTreeMap<String, Node>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for n in nodes.values() {
        names.extend(n.save.iter().cloned());
        for a in &n.actions {
            if let Action::Set(vals) = a {
                names.extend(vals.iter().map(|(k, _)| k.clone()));
            }
        }
        if let NodeKind::Choice { options } = &n.kind {
            for o in options {
                names.extend(o.set.iter().map(|(k, _)| k.clone()));
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(name, text)` pairs, as the caller reads them.
    type Files = Vec<(String, String)>;

    /// A one-node tree with one interrupt, and one jurisdiction.
    fn files(interrupt: &str) -> (Files, Files) {
        let flow = format!(
            "[flow]\nstart = \"a\"\n\n[[interrupt]]\nid = \"{interrupt}\"\nto = \"a\"\n\n[[node]]\nid = \"a\"\nfinal = \"done\"\n"
        );
        let cn = "[jurisdiction]\nid = \"cn\"\ncurrency = \"CNY\"\nzone = \"Asia/Shanghai\"\n";
        (vec![("flows/main.toml".into(), flow)], vec![("flows/jurisdictions/cn.toml".into(), cn.into())])
    }

    #[test]
    fn an_interrupt_may_not_take_a_reserved_command_name() {
        let (flows, juris) = files("merchant");
        let problems = Flow::parse_reserving(&flows, &juris, &["merchant"]).unwrap_err();
        assert_eq!(
            problems,
            vec![Problem {
                file: "flows/main.toml".into(),
                line: Some(4),
                message: "interrupt id `merchant` clashes with the /merchant command".into(),
            }]
        );
        assert_eq!(
            problems[0].to_string(),
            "flows/main.toml:4: interrupt id `merchant` clashes with the /merchant command"
        );
        // Commands are read lower-cased, so case does not hide a clash.
        let (flows, juris) = files("Merchant");
        assert_eq!(Flow::parse_reserving(&flows, &juris, &["merchant"]).unwrap_err().len(), 1);
        // Only the names passed in are reserved; the engine itself knows no commands.
        assert!(Flow::parse_reserving(&flows, &juris, &["help"]).is_ok());
        let (flows, juris) = files("help");
        assert!(Flow::parse(&flows, &juris).is_ok());
    }
}
