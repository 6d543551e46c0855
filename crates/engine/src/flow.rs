//! The decision tree and the jurisdiction settings, parsed from TOML text (reading the files is the
//! caller's job) and checked as a whole: every problem is reported at once, with file and line.
//! The format is documented in `flows/README.md`.

use super::case::Status;
use super::condition::{Condition, is_name};
pub use super::jurisdiction::{DayCount, DeadlineRule, Jurisdiction, Length};
pub use super::setting::Setting;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;
use toml::Spanned;

/// The target that returns to where an interrupt fired.
pub const RESUME: &str = "@resume";

/// Built-in placeholders a flow may pass besides answers and settings: the case id, the jurisdiction's
/// currency, and today's date in the jurisdiction's time (the date a letter is written).
pub const BUILTIN_ARGS: &[&str] = &["case_id", "currency", "today"];

/// The option id of the "ask me again later" button a node with a follow-up shows.
pub const SNOOZE: &str = "snooze";

/// Commands the channels handle themselves; interrupts may not take these names.
pub const BUILTIN_COMMANDS: &[&str] = &["start", "back", "status", "help", "lang", "forget"];

/// One problem in the flow files, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Where a thing is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loc {
    pub file: String,
    pub line: usize,
}

impl Loc {
    pub fn problem(&self, message: impl Into<String>) -> Problem {
        Problem { file: self.file.clone(), line: Some(self.line), message: message.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Amount,
    Date,
    DateTime,
    YesNo,
    Text,
    Last4,
}

impl InputKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Amount => "amount",
            InputKind::Date => "date",
            InputKind::DateTime => "datetime",
            InputKind::YesNo => "yesno",
            InputKind::Text => "text",
            InputKind::Last4 => "last4",
        }
    }

    fn parse(s: &str) -> Option<InputKind> {
        [InputKind::Amount, InputKind::Date, InputKind::DateTime, InputKind::YesNo, InputKind::Text, InputKind::Last4]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub node: String,
    pub loc: Loc,
}

/// A message the node sends, and which placeholders it gets.
#[derive(Debug, Clone, PartialEq)]
pub struct Say {
    pub key: String,
    pub args: Vec<String>,
}

/// A value an option or a `set` action stores.
#[derive(Debug, Clone, PartialEq)]
pub enum SetValue {
    Text(String),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Status(Status),
    Done(String),
    Handoff(String),
    Set(Vec<(String, SetValue)>),
    /// Ask this node's question again after this many days if the person is still here.
    RemindAfterDays(u32),
    /// Hand the person the written application as a file (a document in Telegram, a file in the terminal).
    Letter,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// Where the choice leads; for an `edit` option, where the flow goes once the corrected answer is in.
    pub to: Target,
    pub set: Vec<(String, SetValue)>,
    /// Correct an answer: ask the input node `edit` again, then go to `to` instead of that node's `next`.
    pub edit: Option<Target>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub when: Option<Condition>,
    pub to: Target,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Message { next: Target },
    Choice { options: Vec<Choice> },
    Input { input: InputKind, next: Option<Target>, yes: Option<Target>, no: Option<Target> },
    Branch { rules: Vec<Rule> },
    Final { outcome: String },
}

impl NodeKind {
    pub fn name(&self) -> &'static str {
        match self {
            NodeKind::Message { .. } => "message",
            NodeKind::Choice { .. } => "choice",
            NodeKind::Input { .. } => "input",
            NodeKind::Branch { .. } => "branch",
            NodeKind::Final { .. } => "final",
        }
    }

    /// Whether the person must answer here before the flow goes on.
    pub fn waits(&self) -> bool {
        matches!(self, NodeKind::Choice { .. } | NodeKind::Input { .. })
    }

    /// Every target this node can go to.
    pub fn targets(&self) -> Vec<&Target> {
        match self {
            NodeKind::Message { next } => vec![next],
            NodeKind::Choice { options } => {
                options.iter().flat_map(|o| [Some(&o.to), o.edit.as_ref()]).flatten().collect()
            }
            NodeKind::Input { next, yes, no, .. } => [next, yes, no].into_iter().flatten().collect(),
            NodeKind::Branch { rules } => rules.iter().map(|r| &r.to).collect(),
            NodeKind::Final { .. } => vec![],
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub loc: Loc,
    pub say: Vec<Say>,
    pub ask: Option<String>,
    pub title: Option<String>,
    pub actions: Vec<Action>,
    pub save: Option<String>,
    /// Whether files sent here (photos of the slip, screenshots) are kept as evidence.
    pub evidence: bool,
    pub kind: NodeKind,
}

/// A button under a message: `id` is what comes back, `label` a message key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub id: String,
    pub label: String,
}

impl Node {
    /// Whether the node plans a follow-up (and so offers "ask me again later").
    pub fn has_follow_up(&self) -> bool {
        self.actions.iter().any(|a| matches!(a, Action::RemindAfterDays(_)))
    }

    /// The buttons a waiting node shows: its options, or Yes/No; "ask me again later" last at a follow-up
    /// question.
    pub fn buttons(&self) -> Vec<Button> {
        let mut out = match &self.kind {
            NodeKind::Choice { options } => {
                options.iter().map(|o| Button { id: o.id.clone(), label: o.label.clone() }).collect()
            }
            NodeKind::Input { input: InputKind::YesNo, .. } => vec![
                Button { id: "yes".into(), label: "btn-yes".into() },
                Button { id: "no".into(), label: "btn-no".into() },
            ],
            _ => vec![],
        };
        if self.has_follow_up() && !out.is_empty() {
            out.push(Button { id: SNOOZE.into(), label: "btn-snooze".into() });
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Interrupt {
    pub id: String,
    pub to: Target,
    /// Lower-cased; matched as substrings of the lower-cased message.
    pub keywords: Vec<String>,
}

/// A whole, checked decision tree with its jurisdictions.
#[derive(Debug, Clone)]
pub struct Flow {
    pub start: String,
    pub stuck_after: u32,
    /// How many days "ask me again later" at a follow-up question waits.
    pub snooze_days: u32,
    pub default_jurisdiction: String,
    /// Nodes in file order (files sorted by name), for stable graphs and listings.
    pub order: Vec<String>,
    pub nodes: BTreeMap<String, Node>,
    pub interrupts: Vec<Interrupt>,
    pub jurisdictions: BTreeMap<String, Jurisdiction>,
    /// Answer names some node can store (`save`, `set`).
    pub answer_names: BTreeSet<String>,
}

// ---- the raw TOML shapes -------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    flow: Option<Spanned<RawHeader>>,
    #[serde(default)]
    interrupt: Vec<Spanned<RawInterrupt>>,
    #[serde(default)]
    node: Vec<Spanned<RawNode>>,
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
    branch: Option<Vec<RawRule>>,
    #[serde(rename = "final")]
    final_: Option<String>,
    #[serde(default)]
    evidence: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJurisdictionFile {
    jurisdiction: RawJurisdictionHeader,
    #[serde(default)]
    settings: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    deadline: Vec<Spanned<RawDeadline>>,
    #[serde(default)]
    holidays: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    id: String,
    from: String,
    days: Option<u32>,
    months: Option<u32>,
    count: Option<String>,
    when: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJurisdictionHeader {
    id: String,
    currency: String,
}

/// Maps byte offsets to 1-based line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }
    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

fn toml_problem(file: &str, text: &str, e: &toml::de::Error) -> Problem {
    let line = e.span().map(|s| Lines::new(text).line(s.start));
    // The toml error message repeats the source line; keep its first line, we give file and line ourselves.
    let msg = e.message().lines().next().unwrap_or("invalid TOML").to_string();
    Problem { file: file.to_string(), line, message: msg }
}

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

fn parse_setting(v: &toml::Value) -> Result<Setting, String> {
    Ok(match v {
        toml::Value::String(s) => Setting::Text(s.clone()),
        toml::Value::Integer(i) => Setting::Number(Decimal::from(*i)),
        toml::Value::Float(f) => {
            Setting::Number(Decimal::from_str(&f.to_string()).map_err(|e| format!("cannot read the number {f}: {e}"))?)
        }
        toml::Value::Boolean(b) => Setting::Bool(*b),
        toml::Value::Table(t) if t.len() == 1 && t.contains_key("amount") => {
            let raw = match &t["amount"] {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(i) => i.to_string(),
                other => return Err(format!("`amount` must be a \"text\" number, not {}", other.type_str())),
            };
            Setting::Money(Decimal::from_str(&raw).map_err(|e| format!("cannot read the amount `{raw}`: {e}"))?)
        }
        toml::Value::Table(t) => {
            let mut m = BTreeMap::new();
            for (lang, text) in t {
                match text {
                    toml::Value::String(s) => {
                        m.insert(lang.clone(), s.clone());
                    }
                    _ => return Err(format!("the `{lang}` text must be a string")),
                }
            }
            if !m.contains_key("en-US") {
                return Err("a localized setting needs at least an `en-US` text".into());
            }
            Setting::Localized(m)
        }
        other => return Err(format!("a setting cannot be {}", other.type_str())),
    })
}

/// Parses a jurisdiction file. `file` is the name used in problems (its stem must be the id).
pub fn parse_jurisdiction(file: &str, text: &str) -> Result<Jurisdiction, Vec<Problem>> {
    let raw: RawJurisdictionFile = toml::from_str(text).map_err(|e| vec![toml_problem(file, text, &e)])?;
    let lines = Lines::new(text);
    let mut problems = Vec::new();
    let stem = std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if raw.jurisdiction.id != stem {
        problems.push(Problem {
            file: file.into(),
            line: None,
            message: format!("the id `{}` must match the file name `{stem}.toml`", raw.jurisdiction.id),
        });
    }
    let currency = raw.jurisdiction.currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
        problems.push(Problem {
            file: file.into(),
            line: None,
            message: format!("`currency` must be a 3-letter ISO code, not `{}`", raw.jurisdiction.currency),
        });
    }
    let mut settings = BTreeMap::new();
    let mut setting_lines = BTreeMap::new();
    for (name, v) in &raw.settings {
        let line = lines.line(v.span().start);
        setting_lines.insert(name.clone(), line);
        if !is_name(name) {
            problems.push(Problem {
                file: file.into(),
                line: Some(line),
                message: format!("`{name}` is not a valid setting name"),
            });
        }
        match parse_setting(v.get_ref()) {
            Ok(s) => {
                settings.insert(name.clone(), s);
            }
            Err(e) => problems.push(Problem {
                file: file.into(),
                line: Some(line),
                message: format!("setting `{name}`: {e}"),
            }),
        }
    }
    let mut deadlines = Vec::new();
    for d in &raw.deadline {
        let line = lines.line(d.span().start);
        let d = d.get_ref();
        let here = |message: String| Problem { file: file.into(), line: Some(line), message };
        if !is_name(&d.id) {
            problems.push(here(format!("deadline id `{}` must be letters, digits and _", d.id)));
        }
        let count = match d.count.as_deref() {
            None | Some("calendar") => DayCount::Calendar,
            Some("business") => DayCount::Business,
            Some(other) => {
                problems.push(here(format!("deadline `{}`: count `{other}` must be calendar or business", d.id)));
                DayCount::Calendar
            }
        };
        let when = match d.when.as_deref().map(str::parse::<Condition>) {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                problems.push(here(format!("deadline `{}`: {e}", d.id)));
                None
            }
        };
        let length = match (d.days, d.months) {
            (Some(days), None) => {
                if days == 0 || days > 3660 {
                    problems.push(here(format!("deadline `{}`: days must be 1 to 3660", d.id)));
                }
                if d.count.is_none() {
                    problems.push(here(format!("deadline `{}`: say `count = \"calendar\"` or `\"business\"`", d.id)));
                }
                Length::Days(days, count)
            }
            (None, Some(months)) => {
                if months == 0 || months > 120 {
                    problems.push(here(format!("deadline `{}`: months must be 1 to 120", d.id)));
                }
                if d.count.is_some() {
                    problems.push(here(format!("deadline `{}`: months are calendar months; drop `count`", d.id)));
                }
                Length::Months(months)
            }
            _ => {
                problems.push(here(format!("deadline `{}` needs exactly one of `days` and `months`", d.id)));
                Length::Days(1, count)
            }
        };
        deadlines.push(DeadlineRule { id: d.id.clone(), from: d.from.clone(), length, when, line });
    }
    let mut holidays = BTreeSet::new();
    for h in &raw.holidays {
        match chrono::NaiveDate::parse_from_str(h, "%Y-%m-%d") {
            Ok(d) => {
                holidays.insert(d);
            }
            Err(_) => problems.push(Problem {
                file: file.into(),
                line: None,
                message: format!("holiday `{h}` is not a YYYY-MM-DD date"),
            }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Jurisdiction {
        id: raw.jurisdiction.id,
        file: file.into(),
        currency,
        settings,
        deadlines,
        holidays,
        lines: setting_lines,
    })
}

impl Flow {
    /// Parses and checks a tree from its files: `flows` are `(name, text)` of the tree files, `jurisdictions`
    /// of the jurisdiction files. Returns every problem found, not just the first.
    pub fn parse(flows: &[(String, String)], jurisdictions: &[(String, String)]) -> Result<Flow, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut header: Option<(RawHeader, Loc)> = None;
        let mut nodes = BTreeMap::new();
        let mut order = Vec::new();
        let mut interrupts = Vec::new();

        for (file, text) in flows {
            let raw: RawFile = match toml::from_str(text) {
                Ok(r) => r,
                Err(e) => {
                    problems.push(toml_problem(file, text, &e));
                    continue;
                }
            };
            let lines = Lines::new(text);
            let loc_of = |offset: usize| Loc { file: file.clone(), line: lines.line(offset) };
            let target = |s: &Spanned<String>| Target { node: s.get_ref().clone(), loc: loc_of(s.span().start) };

            if let Some(h) = raw.flow {
                let loc = loc_of(h.span().start);
                if let Some((_, first)) = &header {
                    problems.push(
                        loc.problem(format!("a second [flow] table: the first is at {}:{}", first.file, first.line)),
                    );
                } else {
                    header = Some((h.into_inner(), loc));
                }
            }
            for i in raw.interrupt {
                let loc = loc_of(i.span().start);
                let i = i.into_inner();
                if !is_name(&i.id) {
                    problems.push(loc.problem(format!("interrupt id `{}` must be letters, digits and _", i.id)));
                }
                if BUILTIN_COMMANDS.contains(&i.id.as_str()) {
                    problems.push(
                        loc.problem(format!("interrupt id `{}` clashes with the built-in /{} command", i.id, i.id)),
                    );
                }
                interrupts.push(Interrupt {
                    id: i.id,
                    to: target(&i.to),
                    keywords: i.keywords.iter().map(|k| k.to_lowercase()).filter(|k| !k.trim().is_empty()).collect(),
                });
            }
            for n in raw.node {
                let n = n.into_inner();
                let id = n.id.get_ref().clone();
                let loc = loc_of(n.id.span().start);
                if let Some(prev) = nodes.get(&id) {
                    let prev: &Node = prev;
                    problems.push(loc.problem(format!(
                        "node `{id}` is defined twice (also at {}:{})",
                        prev.loc.file, prev.loc.line
                    )));
                    continue;
                }
                if !is_name(&id) {
                    problems.push(loc.problem(format!("node id `{id}` must be letters, digits and _")));
                }
                let say = n
                    .say
                    .into_iter()
                    .map(|s| match s {
                        RawSay::Key(key) => Say { key, args: vec![] },
                        RawSay::Full { key, args } => Say { key, args },
                    })
                    .collect();
                let mut actions = Vec::new();
                for a in &n.actions {
                    let count = [
                        a.status.is_some(),
                        a.done.is_some(),
                        a.handoff.is_some(),
                        a.set.is_some(),
                        a.remind_after_days.is_some(),
                        a.letter.is_some(),
                    ]
                    .iter()
                    .filter(|x| **x)
                    .count();
                    if count != 1 {
                        problems.push(loc.problem(format!(
                            "node `{id}`: each `do` entry needs exactly one of status, done, handoff, set, remind_after_days, letter"
                        )));
                        continue;
                    }
                    if let Some(s) = &a.status {
                        match Status::parse(s) {
                            Some(st) => actions.push(Action::Status(st)),
                            None => problems.push(loc.problem(format!(
                                "node `{id}`: unknown status `{s}` (use one of {})",
                                Status::ALL.map(|s| s.as_str()).join(", ")
                            ))),
                        }
                    }
                    if let Some(d) = &a.done {
                        actions.push(Action::Done(d.clone()));
                    }
                    if let Some(h) = &a.handoff {
                        actions.push(Action::Handoff(h.clone()));
                    }
                    if let Some(s) = &a.set {
                        actions.push(Action::Set(set_values(s, &loc, &mut problems)));
                    }
                    if let Some(d) = a.remind_after_days {
                        if (1..=90).contains(&d) {
                            actions.push(Action::RemindAfterDays(d));
                        } else {
                            problems.push(loc.problem(format!("node `{id}`: remind_after_days must be 1 to 90")));
                        }
                    }
                    match a.letter {
                        Some(true) => actions.push(Action::Letter),
                        Some(false) => {
                            problems.push(loc.problem(format!("node `{id}`: write `letter = true` or leave it out")))
                        }
                        None => {}
                    }
                }
                let kinds = [
                    n.next.is_some() && n.input.is_none(),
                    n.options.is_some(),
                    n.input.is_some(),
                    n.branch.is_some(),
                    n.final_.is_some(),
                ];
                let kind = match kinds.iter().filter(|k| **k).count() {
                    0 => {
                        problems.push(loc.problem(format!(
                            "node `{id}` has no way on: give it `next`, `options`, `input`, `branch` or `final`"
                        )));
                        None
                    }
                    1 => {
                        if let Some(opts) = n.options {
                            if opts.is_empty() {
                                problems.push(loc.problem(format!("node `{id}` has no way on: `options` is empty")));
                            }
                            let mut seen = BTreeSet::new();
                            let options = opts
                                .into_iter()
                                .map(|o| {
                                    if !seen.insert(o.id.clone()) {
                                        problems.push(loc.problem(format!("node `{id}`: option id `{}` twice", o.id)));
                                    }
                                    if o.id.is_empty()
                                        || o.id.len() > 32
                                        || !o.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                                    {
                                        problems.push(loc.problem(format!(
                                            "node `{id}`: option id `{}` must be 1-32 letters, digits, _ or -",
                                            o.id
                                        )));
                                    }
                                    Choice {
                                        set: set_values(&o.set, &loc, &mut problems),
                                        id: o.id,
                                        label: o.label,
                                        to: target(&o.to),
                                        edit: o.edit.as_ref().map(target),
                                    }
                                })
                                .collect();
                            Some(NodeKind::Choice { options })
                        } else if let Some(input) = &n.input {
                            match InputKind::parse(input) {
                                None => {
                                    problems.push(loc.problem(format!(
                                        "node `{id}`: unknown input `{input}` (use amount, date, datetime, yesno, text or last4)"
                                    )));
                                    None
                                }
                                Some(kind) => {
                                    let (next, yes, no) = (
                                        n.next.as_ref().map(target),
                                        n.yes.as_ref().map(target),
                                        n.no.as_ref().map(target),
                                    );
                                    let ok = if kind == InputKind::YesNo {
                                        next.is_some() || (yes.is_some() && no.is_some())
                                    } else {
                                        next.is_some()
                                    };
                                    if !ok {
                                        problems.push(loc.problem(format!(
                                            "node `{id}` has no way on: an `{input}` input needs `next`{}",
                                            if kind == InputKind::YesNo { " or both `yes` and `no`" } else { "" }
                                        )));
                                    }
                                    if kind != InputKind::YesNo && (yes.is_some() || no.is_some()) {
                                        problems.push(loc.problem(format!(
                                            "node `{id}`: `yes`/`no` only go with `input = \"yesno\"`"
                                        )));
                                    }
                                    Some(NodeKind::Input { input: kind, next, yes, no })
                                }
                            }
                        } else if let Some(rules) = n.branch {
                            let count = rules.len();
                            let mut out = Vec::new();
                            for (i, r) in rules.into_iter().enumerate() {
                                let last = i + 1 == count;
                                let when = match r.when {
                                    None if !last => {
                                        problems.push(loc.problem(format!(
                                            "node `{id}`: only the last branch rule may go without `when`"
                                        )));
                                        None
                                    }
                                    None => None,
                                    Some(w) => match w.parse::<Condition>() {
                                        Ok(c) => Some(c),
                                        Err(e) => {
                                            problems
                                                .push(loc_of(r.to.span().start).problem(format!("node `{id}`: {e}")));
                                            None
                                        }
                                    },
                                };
                                out.push(Rule { when, to: target(&r.to) });
                            }
                            if out.last().is_none_or(|r| r.when.is_some()) {
                                problems.push(loc.problem(format!(
                                    "node `{id}` may have no way on: its last branch rule needs no `when` (the default)"
                                )));
                            }
                            Some(NodeKind::Branch { rules: out })
                        } else if let Some(outcome) = n.final_ {
                            Some(NodeKind::Final { outcome })
                        } else {
                            n.next.as_ref().map(|next| NodeKind::Message { next: target(next) })
                        }
                    }
                    _ => {
                        problems.push(loc.problem(format!(
                            "node `{id}` mixes kinds: use only one of `next` (message), `options`, `input`, `branch`, `final`"
                        )));
                        None
                    }
                };
                if n.next.is_some()
                    && matches!(kind, Some(NodeKind::Choice { .. } | NodeKind::Branch { .. } | NodeKind::Final { .. }))
                {
                    problems.push(
                        loc.problem(format!("node `{id}`: `next` does not go with {}", kind.as_ref().unwrap().name())),
                    );
                }
                if n.ask.is_some() && !matches!(kind, Some(NodeKind::Choice { .. } | NodeKind::Input { .. })) {
                    problems.push(loc.problem(format!("node `{id}`: `ask` only goes with choice and input nodes")));
                }
                if let Some(save) = &n.save
                    && !is_name(save)
                {
                    problems.push(loc.problem(format!("node `{id}`: `{save}` is not a valid answer name")));
                }
                if let Some(kind) = kind {
                    order.push(id.clone());
                    nodes.insert(
                        id.clone(),
                        Node {
                            id,
                            loc,
                            say,
                            ask: n.ask,
                            title: n.title,
                            actions,
                            save: n.save,
                            evidence: n.evidence,
                            kind,
                        },
                    );
                }
            }
        }

        let mut juris = BTreeMap::new();
        for (file, text) in jurisdictions {
            match parse_jurisdiction(file, text) {
                Ok(j) => {
                    juris.insert(j.id.clone(), j);
                }
                Err(ps) => problems.extend(ps),
            }
        }
        let first_file = flows.first().map(|(f, _)| f.clone()).unwrap_or_else(|| "flows".into());
        if juris.is_empty() && jurisdictions.is_empty() {
            problems.push(Problem {
                file: "flows/jurisdictions".into(),
                line: None,
                message: "no jurisdiction files (*.toml)".into(),
            });
        }
        let Some((header, header_loc)) = header else {
            problems.push(Problem {
                file: first_file,
                line: None,
                message: "no file has a [flow] table with `start`".into(),
            });
            problems.sort();
            return Err(problems);
        };
        let default_jurisdiction = match &header.default_jurisdiction {
            Some(d) => {
                if !juris.is_empty() && !juris.contains_key(d.get_ref()) {
                    problems.push(
                        header_loc
                            .problem(format!("default_jurisdiction `{}` has no file in jurisdictions/", d.get_ref())),
                    );
                }
                d.get_ref().clone()
            }
            None => juris.keys().next().cloned().unwrap_or_default(),
        };
        let mut answer_names = BTreeSet::new();
        for n in nodes.values() {
            answer_names.extend(n.save.iter().cloned());
            for a in &n.actions {
                if let Action::Set(vals) = a {
                    answer_names.extend(vals.iter().map(|(k, _)| k.clone()));
                }
            }
            if let NodeKind::Choice { options } = &n.kind {
                for o in options {
                    answer_names.extend(o.set.iter().map(|(k, _)| k.clone()));
                }
            }
        }
        let flow = Flow {
            start: header.start.get_ref().clone(),
            stuck_after: header.stuck_after.max(2),
            snooze_days: header.snooze_days.clamp(1, 90),
            default_jurisdiction,
            order,
            nodes,
            interrupts,
            jurisdictions: juris,
            answer_names,
        };
        if !flow.nodes.contains_key(&flow.start) {
            problems.push(header_loc.problem(format!("the start node `{}` does not exist", flow.start)));
        }
        super::validate::check(&flow, &mut problems);
        if problems.is_empty() {
            Ok(flow)
        } else {
            problems.sort();
            problems.dedup();
            Err(problems)
        }
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The jurisdiction of a case, falling back to the default when a deployment removed one.
    pub fn jurisdiction(&self, id: &str) -> &Jurisdiction {
        self.jurisdictions
            .get(id)
            .or_else(|| self.jurisdictions.get(&self.default_jurisdiction))
            .or_else(|| self.jurisdictions.values().next())
            .expect("a parsed flow has at least one jurisdiction")
    }

    /// Every message key the flow uses, with the placeholders passed and where.
    pub fn message_uses(&self) -> Vec<(String, Option<Vec<String>>, Loc)> {
        let mut out = Vec::new();
        for j in self.jurisdictions.values() {
            for d in &j.deadlines {
                out.push((format!("deadline-{}", d.id), Some(vec![]), Loc { file: j.file.clone(), line: d.line }));
            }
        }
        for id in &self.order {
            let n = &self.nodes[id];
            for s in &n.say {
                out.push((s.key.clone(), Some(s.args.clone()), n.loc.clone()));
            }
            for k in n.ask.iter().chain(n.title.iter()) {
                out.push((k.clone(), Some(vec![]), n.loc.clone()));
            }
            if let NodeKind::Choice { options } = &n.kind {
                for o in options {
                    out.push((o.label.clone(), Some(vec![]), o.to.loc.clone()));
                }
            }
            if let NodeKind::Final { outcome } = &n.kind {
                out.push((format!("outcome-{outcome}"), None, n.loc.clone()));
            }
            for a in &n.actions {
                match a {
                    Action::Done(step) => out.push((format!("step-{step}"), None, n.loc.clone())),
                    // Staff read why a case came to them, and what to do next, in their language.
                    Action::Handoff(reason) => {
                        out.push((format!("staff-reason-{reason}"), Some(vec![]), n.loc.clone()));
                        out.push((format!("staff-next-{reason}"), Some(vec![]), n.loc.clone()));
                    }
                    _ => {}
                }
            }
        }
        out
    }
}

// TEMPORARY shim until the parser split lands: interrupts are checked against BUILTIN_COMMANDS only.
impl Flow {
    pub fn parse_reserving(
        flows: &[(String, String)],
        jurisdictions: &[(String, String)],
        _reserved: &[&str],
    ) -> Result<Flow, Vec<Problem>> {
        Flow::parse(flows, jurisdictions)
    }
}
