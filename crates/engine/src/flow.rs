//! The decision tree as data: nodes and their kinds, options, rules, actions, interrupts, and `Flow`, the
//! whole checked tree with its jurisdictions. The format is documented in `flows/README.md`.
//!
//! Owns: the tree's types, the names the format reserves (`RESUME`, `SNOOZE`, `BUILTIN_ARGS`) and small read-only questions about a tree (`targets`, `buttons`, `message_uses`).
//! Must not touch: reading or checking files. `Flow::parse` lives in `parse` and the whole-tree checks in
//! `validate`; both use these types, so this module depends on neither (that would be an import cycle).
//! `Problem`, `Loc`, the jurisdiction types and `parse_jurisdiction` are re-exported here, where callers
//! have always found them.

use super::case::Status;
use super::condition::Condition;
pub use super::jurisdiction::{DayCount, DeadlineRule, Jurisdiction, Length, parse_jurisdiction};
pub use super::problem::{Loc, Problem};
pub use super::setting::Setting;
pub use super::understand::Lexicon;
use std::collections::{BTreeMap, BTreeSet};

/// The target that returns to where an interrupt fired.
pub const RESUME: &str = "@resume";

/// Built-in placeholders a flow may pass besides answers and settings: the case id, the jurisdiction's
/// currency, and today's date in the jurisdiction's time (the date a letter is written).
pub const BUILTIN_ARGS: &[&str] = &["case_id", "currency", "today"];

/// The option id of the "ask me again later" button a node with a follow-up shows.
pub const SNOOZE: &str = "snooze";

/// The option id of the "I don't know" button of an input node with an `unknown` target.
pub const UNKNOWN: &str = "unknown";

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

    pub(crate) fn parse(s: &str) -> Option<InputKind> {
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
    Message {
        next: Target,
    },
    Choice {
        options: Vec<Choice>,
    },
    /// `unknown`: where "I don't know" goes (a button, and the words for it), where a person may not know.
    Input {
        input: InputKind,
        next: Option<Target>,
        yes: Option<Target>,
        no: Option<Target>,
        unknown: Option<Target>,
    },
    Branch {
        rules: Vec<Rule>,
    },
    Final {
        outcome: String,
    },
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
            NodeKind::Input { next, yes, no, unknown, .. } => [next, yes, no, unknown].into_iter().flatten().collect(),
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
        if matches!(self.kind, NodeKind::Input { unknown: Some(_), .. }) {
            out.push(Button { id: UNKNOWN.into(), label: "btn-dont-know".into() });
        }
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
    /// What one person may ask of the bot and of staff: a deployment's setting (`[abuse]` in
    /// `swipefix.toml`), not part of the flow files; defaults until the caller sets it.
    pub limits: Limits,
    /// What a person's own story may answer ahead (`[understanding]` of the flow files).
    pub understanding: Understanding,
    /// The phrase lists of every language, merged: the caller reads `locales/*/phrases.toml` and sets it.
    pub lexicon: Lexicon,
}

/// `[understanding]`: where a typed story is read, and what a confirmed one answers ahead.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Understanding {
    /// The questions at which a typed story is read (those asked before the problem is known).
    pub at: BTreeSet<String>,
    /// Problem id → the answers its confirmation gives ahead (answer name → option id).
    pub prefill: BTreeMap<String, BTreeMap<String, String>>,
    /// Problem id → the interrupt its story shows at once, from any question (a scam call).
    pub interrupts: BTreeMap<String, String>,
    /// Fact (`amount`, `when`, `shop`, `last4`, `region`) → the answer it gives ahead.
    pub facts: BTreeMap<String, String>,
}

/// The facts a story may state (see `understand::Facts`).
pub const FACTS: &[&str] = &["amount", "when", "shop", "last4", "region"];

/// Limits that keep one person from burdening staff or the store. Plain numbers; the caller fills them from
/// its settings, the engine applies them in `step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// At most this many evidence files per case; more get a polite answer and are not kept.
    pub evidence_max: usize,
    /// A closed case hands off again (a new summary for staff) at most once in this many hours.
    pub handoff_again_hours: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { evidence_max: 20, handoff_again_hours: 24 }
    }
}

impl Flow {
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
