//! Whole-tree checks that need every node parsed: dangling targets, unreachable nodes, loops that never wait
//! for the person, and settings a node needs that a jurisdiction lacks. Locale checks live in
//! `crate::catalog`, which sees both the flow and the texts.

use super::case::Role;
use super::flow::{Action, BUILTIN_ARGS, Flow, NodeKind, Problem, RESUME, SNOOZE, SetValue};
use std::collections::{BTreeMap, BTreeSet};

pub(crate) fn check(flow: &Flow, problems: &mut Vec<Problem>) {
    // Targets exist.
    for n in flow.nodes.values() {
        for t in n.kind.targets() {
            if t.node != RESUME && !flow.nodes.contains_key(&t.node) {
                problems.push(t.loc.problem(format!("node `{}` goes to unknown node `{}`", n.id, t.node)));
            }
        }
    }
    for i in &flow.interrupts {
        if !flow.nodes.contains_key(&i.to.node) {
            problems.push(i.to.loc.problem(format!("interrupt `{}` goes to unknown node `{}`", i.id, i.to.node)));
        }
    }
    let mut ids = BTreeSet::new();
    for i in &flow.interrupts {
        if !ids.insert(&i.id) {
            problems.push(i.to.loc.problem(format!("interrupt `{}` is defined twice", i.id)));
        }
    }

    // A correction asks an input node again; "ask me again later" is a button of its own at follow-ups.
    for n in flow.nodes.values() {
        let NodeKind::Choice { options } = &n.kind else { continue };
        for o in options {
            if let Some(e) = &o.edit
                && flow.nodes.get(&e.node).is_some_and(|t| !matches!(t.kind, NodeKind::Input { .. }))
            {
                problems.push(e.loc.problem(format!(
                    "node `{}`: option `{}` edits `{}`, which is not an input node",
                    n.id, o.id, e.node
                )));
            }
            if o.id == SNOOZE && n.has_follow_up() {
                problems.push(o.to.loc.problem(format!(
                    "node `{}`: option id `{SNOOZE}` is the built-in \"ask me again later\" button of a node with a follow-up",
                    n.id
                )));
            }
        }
    }

    // Roles and jurisdictions set by options must exist.
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
                if k == "role" && Role::parse(&v).is_none() {
                    problems
                        .push(o.to.loc.problem(format!("node `{}`: role `{v}` must be cardholder or merchant", n.id)));
                }
                if k == "jurisdiction" && !flow.jurisdictions.contains_key(&v) {
                    problems.push(
                        o.to.loc.problem(format!("node `{}`: jurisdiction `{v}` has no file in jurisdictions/", n.id)),
                    );
                }
            }
        }
    }

    // Deadlines count from an answer some node saves, or from a step some node records.
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
                problems.push(Problem {
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

    // Reachability, overall and per jurisdiction.
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
            problems.push(n.loc.problem(format!("node `{id}` is unreachable: no node or interrupt leads to it")));
        }
    }

    // Loops of nodes that never wait for the person would spin forever.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new(); // 1 = on stack, 2 = done
    for id in &flow.order {
        find_loop(flow, id, &mut state, &mut Vec::new(), problems);
    }

    // Args, conditions and the settings they need.
    for id in &flow.order {
        let n = &flow.nodes[id];
        let mut settings: Vec<String> = Vec::new();
        for s in &n.say {
            for a in &s.args {
                if flow.answer_names.contains(a) || BUILTIN_ARGS.contains(&a.as_str()) {
                    continue;
                }
                // `deadline_<id>`: the date of a deadline some jurisdiction defines (unknown dates show as
                // "not given").
                if let Some(id) = a.strip_prefix("deadline_")
                    && flow.jurisdictions.values().any(|j| j.deadlines.iter().any(|d| d.id == id))
                {
                    continue;
                }
                if flow.jurisdictions.values().any(|j| j.settings.contains_key(a)) {
                    settings.push(a.clone());
                } else {
                    problems.push(n.loc.problem(format!(
                        "node `{id}`: `{}` passes `{a}`, which is no answer any node saves, no setting and no built-in ({})",
                        s.key,
                        BUILTIN_ARGS.join(", ")
                    )));
                }
            }
        }
        if let NodeKind::Branch { rules } = &n.kind {
            for r in rules.iter().filter_map(|r| r.when.as_ref()) {
                r.settings(&mut settings);
                let mut answers = Vec::new();
                r.answers(&mut answers);
                for a in answers {
                    if a != "role" && a != "jurisdiction" && !flow.answer_names.contains(&a) {
                        problems
                            .push(n.loc.problem(format!("node `{id}`: the condition uses `{a}`, which no node saves")));
                    }
                }
            }
        }
        for a in &n.actions {
            if let Action::Set(vals) = a {
                for (k, v) in vals {
                    if let (SetValue::Text(v), "jurisdiction") = (v, k.as_str())
                        && !flow.jurisdictions.contains_key(v)
                    {
                        problems.push(n.loc.problem(format!("node `{id}`: jurisdiction `{v}` has no file")));
                    }
                }
            }
        }
        for setting in settings {
            for (jid, reach) in &reach_by_j {
                let j = &flow.jurisdictions[jid];
                if reach.contains(id) && !j.settings.contains_key(&setting) {
                    problems.push(Problem {
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
