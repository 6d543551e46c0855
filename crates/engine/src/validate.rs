//! Whole-tree checks that need every node parsed: dangling targets, unreachable nodes, loops that never wait
//! for the person, settings a node needs that a jurisdiction lacks, and settings an answer would hide. Run
//! by `parse` once every file is read.
//!
//! Owns: the rules that span nodes and files (`check`), and which nodes are reachable (`reachable`).
//! Must not touch: the TOML text (the tree arrives parsed) or the texts of messages: locale checks live in
//! the application's `catalog`, which sees both the flow and the texts. Depends on `flow` only for types.

use super::case::Role;
use super::flow::{Action, BUILTIN_ARGS, Choice, Flow, Node, NodeKind, Problem, RESUME, SNOOZE, SetValue};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn check(flow: &Flow, problems: &mut Vec<Problem>) {
    let mut c = Checker { flow, problems };
    c.targets_exist();
    c.interrupts();
    c.edits_and_snooze();
    c.option_values();
    c.deadline_sources();
    c.hidden_settings();
    let reach_by_j = c.reachability();
    c.loops();
    for id in &flow.order {
        c.node_needs(id, &reach_by_j);
    }
}

/// The tree being checked and the problems found so far. Each method is one check; they are independent
/// (the caller sorts the problems), except that the settings check needs the reachability per jurisdiction.
struct Checker<'f, 'p> {
    flow: &'f Flow,
    problems: &'p mut Vec<Problem>,
}

impl<'f> Checker<'f, '_> {
    /// Every node's targets exist (`@resume` is the interrupt's way back, not a node).
    fn targets_exist(&mut self) {
        let flow = self.flow;
        for n in flow.nodes.values() {
            for t in n.kind.targets() {
                if t.node != RESUME && !flow.nodes.contains_key(&t.node) {
                    self.problems.push(t.loc.problem(format!("node `{}` goes to unknown node `{}`", n.id, t.node)));
                }
            }
        }
    }

    /// Interrupts go to a node that exists, and each id (the `/command`) is used once.
    fn interrupts(&mut self) {
        let flow = self.flow;
        for i in &flow.interrupts {
            if !flow.nodes.contains_key(&i.to.node) {
                self.problems
                    .push(i.to.loc.problem(format!("interrupt `{}` goes to unknown node `{}`", i.id, i.to.node)));
            }
        }
        let mut ids = BTreeSet::new();
        for i in &flow.interrupts {
            if !ids.insert(&i.id) {
                self.problems.push(i.to.loc.problem(format!("interrupt `{}` is defined twice", i.id)));
            }
        }
    }

    /// A correction asks an input node again; "ask me again later" is a button of its own at follow-ups, so
    /// no option there may take its id.
    fn edits_and_snooze(&mut self) {
        let flow = self.flow;
        for n in flow.nodes.values() {
            let NodeKind::Choice { options } = &n.kind else { continue };
            for o in options {
                if let Some(e) = &o.edit
                    && flow.nodes.get(&e.node).is_some_and(|t| !matches!(t.kind, NodeKind::Input { .. }))
                {
                    self.problems.push(e.loc.problem(format!(
                        "node `{}`: option `{}` edits `{}`, which is not an input node",
                        n.id, o.id, e.node
                    )));
                }
                if o.id == SNOOZE && n.has_follow_up() {
                    self.problems.push(o.to.loc.problem(format!(
                        "node `{}`: option id `{SNOOZE}` is the built-in \"ask me again later\" button of a node with a follow-up",
                        n.id
                    )));
                }
            }
        }
    }

    /// Roles and jurisdictions set by options (by `set`, or as the saved answer) must exist.
    fn option_values(&mut self) {
        let flow = self.flow;
        for n in flow.nodes.values() {
            let NodeKind::Choice { options } = &n.kind else { continue };
            for o in options {
                let mut sets: Vec<(&str, String)> = o
                    .set
                    .iter()
                    .filter_map(|(k, v)| if let SetValue::Text(t) = v { Some((k.as_str(), t.clone())) } else { None })
                    .collect();
                if let Some(save) = &n.save {
                    sets.push((save.as_str(), o.id.clone()));
                }
                for (k, v) in sets {
                    self.option_value(n, o, k, &v);
                }
            }
        }
    }

    fn option_value(&mut self, n: &Node, o: &Choice, k: &str, v: &str) {
        if k == "role" && Role::parse(v).is_none() {
            self.problems.push(o.to.loc.problem(format!("node `{}`: role `{v}` must be cardholder or merchant", n.id)));
        }
        if k == super::jurisdiction::ZONE_ANSWER && v.parse::<chrono_tz::Tz>().is_err() {
            self.problems.push(
                o.to.loc
                    .problem(format!("node `{}`: zone `{v}` is not an IANA time zone such as `Europe/Berlin`", n.id)),
            );
        }
        if k == "jurisdiction" && !self.flow.jurisdictions.contains_key(v) {
            self.problems
                .push(o.to.loc.problem(format!("node `{}`: jurisdiction `{v}` has no file in jurisdictions/", n.id)));
        }
    }

    /// Deadlines count from an answer some node saves, or from a step some node records.
    fn deadline_sources(&mut self) {
        let flow = self.flow;
        let steps: BTreeSet<&str> = flow
            .nodes
            .values()
            .flat_map(|n| n.actions.iter())
            .filter_map(|a| if let Action::Done(s) = a { Some(s.as_str()) } else { None })
            .chain(["evidence_received"])
            .collect();
        for j in flow.jurisdictions.values() {
            for d in &j.deadlines {
                let ok = match d.from.strip_prefix("step:") {
                    Some(step) => steps.contains(step),
                    None => flow.answer_names.contains(&d.from),
                };
                if !ok {
                    self.problems.push(Problem {
                        file: j.file.clone(),
                        line: Some(d.line),
                        message: format!(
                            "deadline `{}` counts from `{}`, which is no answer a node saves nor a `step:` a node records",
                            d.id, d.from
                        ),
                    });
                }
            }
        }
    }

    /// A text's arg is looked up as an answer, a built-in and a deadline's date before it is looked up as a
    /// setting (`step`), so a setting with one of those names is never shown, and the check that every
    /// jurisdiction reaching a node has the settings its texts use would pass it by.
    fn hidden_settings(&mut self) {
        let flow = self.flow;
        for j in flow.jurisdictions.values() {
            for name in j.settings.keys() {
                let hidden_by = if flow.answer_names.contains(name) {
                    "an answer some node saves"
                } else if BUILTIN_ARGS.contains(&name.as_str()) {
                    "a built-in"
                } else if name.starts_with("deadline_") {
                    "a deadline's date (`deadline_<id>`)"
                } else {
                    continue;
                };
                self.problems.push(Problem {
                    file: j.file.clone(),
                    line: j.lines.get(name).copied(),
                    message: format!(
                        "setting `{name}` has the name of {hidden_by}, which texts get instead: rename the setting"
                    ),
                });
            }
        }
    }

    /// Reports nodes nothing leads to, and returns the nodes reachable in each jurisdiction (for the settings
    /// each one must have). A node counts as reachable if it is in some jurisdiction or with none picked.
    fn reachability(&mut self) -> BTreeMap<String, BTreeSet<String>> {
        let flow = self.flow;
        let mut any_reach = BTreeSet::new();
        let mut reach_by_j = BTreeMap::new();
        for j in flow.jurisdictions.keys() {
            let r = reachable(flow, Some(j));
            any_reach.extend(r.iter().cloned());
            reach_by_j.insert(j.clone(), r);
        }
        any_reach.extend(reachable(flow, None));
        for id in &flow.order {
            if !any_reach.contains(id) {
                let n = &flow.nodes[id];
                self.problems
                    .push(n.loc.problem(format!("node `{id}` is unreachable: no node or interrupt leads to it")));
            }
        }
        reach_by_j
    }

    /// Loops of nodes that never wait for the person would spin forever.
    fn loops(&mut self) {
        let flow = self.flow;
        let mut state: BTreeMap<&str, u8> = BTreeMap::new(); // 1 = on stack, 2 = done
        for id in &flow.order {
            find_loop(flow, id, &mut state, &mut Vec::new(), self.problems);
        }
    }

    /// What one node needs: the placeholders its messages pass, the answers and settings its conditions read,
    /// the jurisdictions its `set` actions pick, and every setting it needs in each jurisdiction it is
    /// reachable in.
    fn node_needs(&mut self, id: &str, reach_by_j: &BTreeMap<String, BTreeSet<String>>) {
        let n = &self.flow.nodes[id];
        let mut settings = self.say_settings(id, n);
        self.condition_needs(id, n, &mut settings);
        self.set_jurisdictions(id, n);
        for setting in settings {
            self.setting_present(id, n, &setting, reach_by_j);
        }
    }

    /// The settings a node's messages pass. Any other placeholder must be an answer some node saves, a
    /// deadline's date or a built-in.
    fn say_settings(&mut self, id: &str, n: &Node) -> Vec<String> {
        let flow = self.flow;
        let mut settings = Vec::new();
        for s in &n.say {
            for a in &s.args {
                if flow.answer_names.contains(a) || BUILTIN_ARGS.contains(&a.as_str()) || is_deadline_arg(flow, a) {
                    continue;
                }
                if flow.jurisdictions.values().any(|j| j.settings.contains_key(a)) {
                    settings.push(a.clone());
                } else {
                    self.problems.push(n.loc.problem(format!(
                        "node `{id}`: `{}` passes `{a}`, which is no answer any node saves, no setting and no built-in ({})",
                        s.key,
                        BUILTIN_ARGS.join(", ")
                    )));
                }
            }
        }
        settings
    }

    /// Adds the settings a branch's conditions read; an answer they read must be one some node saves (`role`
    /// and `jurisdiction` are the case's own).
    fn condition_needs(&mut self, id: &str, n: &Node, settings: &mut Vec<String>) {
        let NodeKind::Branch { rules } = &n.kind else { return };
        for r in rules.iter().filter_map(|r| r.when.as_ref()) {
            r.settings(settings);
            let mut answers = Vec::new();
            r.answers(&mut answers);
            for a in answers {
                if a != "role" && a != "jurisdiction" && !self.flow.answer_names.contains(&a) {
                    self.problems
                        .push(n.loc.problem(format!("node `{id}`: the condition uses `{a}`, which no node saves")));
                }
            }
        }
    }

    /// A `set` action that picks a jurisdiction must pick one that has a file.
    fn set_jurisdictions(&mut self, id: &str, n: &Node) {
        for a in &n.actions {
            let Action::Set(vals) = a else { continue };
            for (k, v) in vals {
                if let (SetValue::Text(v), "jurisdiction") = (v, k.as_str())
                    && !self.flow.jurisdictions.contains_key(v)
                {
                    self.problems.push(n.loc.problem(format!("node `{id}`: jurisdiction `{v}` has no file")));
                }
            }
        }
    }

    /// A setting a node needs must be in every jurisdiction the node is reachable in; the problem is the
    /// jurisdiction file's, which is where it is fixed.
    fn setting_present(&mut self, id: &str, n: &Node, setting: &str, reach_by_j: &BTreeMap<String, BTreeSet<String>>) {
        for (jid, reach) in reach_by_j {
            let j = &self.flow.jurisdictions[jid];
            if reach.contains(id) && !j.settings.contains_key(setting) {
                self.problems.push(Problem {
                    file: j.file.clone(),
                    line: None,
                    message: format!(
                        "missing setting `{setting}`, needed by node `{id}` ({}:{})",
                        n.loc.file, n.loc.line
                    ),
                });
            }
        }
    }
}

/// `deadline_<id>`: the date of a deadline some jurisdiction defines (unknown dates show as "not given").
/// `deadline_ID` (the date) or `deadline_ID_passed` (`yes`/`no`) of a deadline some jurisdiction has.
fn is_deadline_arg(flow: &Flow, arg: &str) -> bool {
    let Some(id) = arg.strip_prefix("deadline_") else { return false };
    let id = id.strip_suffix("_passed").unwrap_or(id);
    flow.jurisdictions.values().any(|j| j.deadlines.iter().any(|d| d.id == id))
}

/// Nodes reachable from the start and the interrupts. With `Some(j)`, choices and branches that pick
/// another jurisdiction are not followed.
pub(crate) fn reachable(flow: &Flow, j: Option<&str>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = vec![flow.start.clone()];
    todo.extend(flow.interrupts.iter().map(|i| i.to.node.clone()));
    while let Some(id) = todo.pop() {
        if id == RESUME || !seen.insert(id.clone()) {
            continue;
        }
        let Some(n) = flow.nodes.get(&id) else { continue };
        match (&n.kind, j) {
            (NodeKind::Choice { options }, Some(j)) => {
                for o in options {
                    let picks = o
                        .set
                        .iter()
                        .find_map(|(k, v)| match v {
                            SetValue::Text(t) if k == "jurisdiction" => Some(t.as_str()),
                            _ => None,
                        })
                        .or(if n.save.as_deref() == Some("jurisdiction") { Some(o.id.as_str()) } else { None });
                    if picks.is_none_or(|p| p == j) {
                        todo.push(o.to.node.clone());
                        todo.extend(o.edit.iter().map(|e| e.node.clone()));
                    }
                }
            }
            (NodeKind::Branch { rules }, Some(j)) => {
                for r in rules {
                    match r.when.as_ref().and_then(|c| c.static_jurisdiction(j)) {
                        Some(false) => continue,
                        Some(true) => {
                            todo.push(r.to.node.clone());
                            break;
                        }
                        None => todo.push(r.to.node.clone()),
                    }
                }
            }
            (kind, _) => todo.extend(kind.targets().into_iter().map(|t| t.node.clone())),
        }
    }
    seen
}

fn find_loop<'a>(
    flow: &'a Flow,
    id: &'a str,
    state: &mut BTreeMap<&'a str, u8>,
    path: &mut Vec<&'a str>,
    problems: &mut Vec<Problem>,
) {
    let Some(n) = flow.nodes.get(id) else { return };
    if n.kind.waits() || matches!(n.kind, NodeKind::Final { .. }) {
        return;
    }
    match state.get(id) {
        Some(2) => return,
        Some(1) => {
            let from = path.iter().position(|p| *p == id).unwrap_or(0);
            let mut cycle: Vec<&str> = path[from..].to_vec();
            cycle.push(id);
            problems.push(n.loc.problem(format!("nodes loop without ever asking the person: {}", cycle.join(" -> "))));
            return;
        }
        _ => {}
    }
    state.insert(id, 1);
    path.push(id);
    for t in n.kind.targets() {
        find_loop(flow, &t.node, state, path, problems);
    }
    path.pop();
    state.insert(id, 2);
}
