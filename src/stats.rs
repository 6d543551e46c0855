//! Analytics of the cases: per node of the tree, how many people reached it, went on from it, ended there
//! or stopped there (no answer for `stale_days`); outcomes by problem and jurisdiction; the hand-off rate and
//! reasons; the median time to staff's first answer and to closing. `swipefix stats` prints it and the
//! console draws it: both call `compute`, so they cannot disagree.
//!
//! What a case tells: the nodes where the person answered (`history`, and the node of each transcript line)
//! and the node it is at. Nodes the flow passes through without asking (messages, branches) are not kept
//! on a case, so they are not counted. `/back` takes a node off `history`; the transcript keeps it.
//! Must not touch: the store (the caller lists the cases), texts.

use crate::engine::{Answer, Case, Flow};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Which cases, and when a quiet one counts as given up.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Only cases opened at or after this.
    pub since: Option<DateTime<Utc>>,
    /// A case not closed and not touched for this many days was abandoned.
    pub stale_days: i64,
    pub now: DateTime<Utc>,
}

/// The outcome groups, in the order shown.
pub const OUTCOMES: &[&str] = &["resolved", "refunded", "rejected", "police", "abandoned", "other", "open"];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub cases: usize,
    pub since: Option<DateTime<Utc>>,
    pub stale_days: i64,
    /// Every node where people answer or end, in the order people meet them (`journey_order`).
    pub nodes: Vec<NodeCount>,
    /// Outcome group → count, per problem and jurisdiction.
    pub outcomes: Vec<OutcomeRow>,
    pub handoffs: Handoffs,
    /// Median minutes from a case's first hand-off to staff's first answer, over the cases answered.
    pub first_answer_minutes: Option<f64>,
    /// Median minutes from a case's first hand-off to staff closing it, over the cases staff closed.
    pub close_minutes: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeCount {
    pub node: String,
    /// People whose case was at this node.
    pub reached: usize,
    /// ...and answered there, going on.
    pub went_on: usize,
    /// ...whose case ended there (a final node).
    pub ended: usize,
    /// ...who are at it, not closed, and silent for `stale_days`.
    pub stopped: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeRow {
    pub problem: String,
    pub jurisdiction: String,
    pub counts: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Handoffs {
    /// Cases handed off at least once.
    pub cases: usize,
    /// `cases` over all cases (0 when there are none).
    pub rate: f64,
    /// Reason → hand-offs.
    pub reasons: BTreeMap<String, usize>,
}

/// The figures over `cases`.
pub fn compute(flow: &Flow, cases: &[Case], o: Options) -> Stats {
    let cases: Vec<&Case> = cases.iter().filter(|c| o.since.is_none_or(|s| c.created >= s)).collect();
    let handed: Vec<&&Case> = cases.iter().filter(|c| !c.handoffs.is_empty()).collect();
    let mut reasons = BTreeMap::new();
    for h in cases.iter().flat_map(|c| &c.handoffs) {
        *reasons.entry(h.reason.clone()).or_insert(0) += 1;
    }
    let rate = if cases.is_empty() { 0.0 } else { handed.len() as f64 / cases.len() as f64 };
    Stats {
        cases: cases.len(),
        since: o.since,
        stale_days: o.stale_days,
        nodes: node_counts(flow, &cases, &o),
        outcomes: outcome_rows(&cases, &o),
        handoffs: Handoffs { cases: handed.len(), rate, reasons },
        first_answer_minutes: median(handed.iter().filter_map(|c| first_answer(c)).collect()),
        close_minutes: median(handed.iter().filter_map(|c| closing(c)).collect()),
    }
}

/// Whether a case not closed has been silent for `stale_days`.
fn abandoned(c: &Case, o: &Options) -> bool {
    !c.is_closed() && o.now - c.updated >= chrono::Duration::days(o.stale_days)
}

fn node_counts(flow: &Flow, cases: &[&Case], o: &Options) -> Vec<NodeCount> {
    let counted = |id: &str| flow.node(id).is_some_and(|n| n.kind.waits() || n.kind.name() == "final");
    let mut counts: BTreeMap<&str, NodeCount> = flow
        .order
        .iter()
        .filter(|id| counted(id))
        .map(|id| (id.as_str(), NodeCount { node: id.clone(), reached: 0, went_on: 0, ended: 0, stopped: 0 }))
        .collect();
    for c in cases {
        let answered: BTreeSet<&str> =
            c.history.iter().map(String::as_str).chain(c.transcript.iter().map(|l| l.node.as_str())).collect();
        for id in answered.iter().copied().chain([c.node.as_str()]).collect::<BTreeSet<_>>() {
            let Some(n) = counts.get_mut(id) else { continue };
            n.reached += 1;
            if id != c.node {
                n.went_on += 1;
            } else if c.is_closed() {
                n.ended += 1;
            } else if abandoned(c, o) {
                n.stopped += 1;
            }
        }
    }
    journey_order(flow).iter().filter_map(|id| counts.remove(id.as_str())).collect()
}

/// The nodes in the order a person meets them: breadth first from the start, then from each interrupt's
/// target, then any left in the files' order.
pub fn journey_order(flow: &Flow) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let roots = std::iter::once(flow.start.as_str()).chain(flow.interrupts.iter().map(|i| i.to.node.as_str()));
    for root in roots.chain(flow.order.iter().map(String::as_str)) {
        let mut queue = std::collections::VecDeque::from([root.to_string()]);
        while let Some(id) = queue.pop_front() {
            let Some(node) = flow.node(&id) else { continue };
            if !seen.insert(id.clone()) {
                continue;
            }
            queue.extend(node.kind.targets().iter().map(|t| t.node.clone()));
            out.push(id);
        }
    }
    out
}

/// The outcome group of a case.
pub fn outcome_group(c: &Case, o: &Options) -> &'static str {
    match c.outcome.as_deref().map(|s| s.strip_prefix("staff_").unwrap_or(s)) {
        Some("resolved") => "resolved",
        Some("refunded") => "refunded",
        Some("rejected") => "rejected",
        Some("police") => "police",
        Some(_) => "other",
        None if abandoned(c, o) => "abandoned",
        None => "open",
    }
}

/// The problem a case is about: the answer that names it (the cardholder's `error_type` or the merchant's
/// `m_error`) and the option chosen; `None` before it is answered.
pub fn problem_choice(c: &Case) -> Option<(&'static str, &str)> {
    ["error_type", "m_error"].into_iter().find_map(|name| match c.answers.get(name) {
        Some(Answer::Choice(v)) => Some((name, v.as_str())),
        _ => None,
    })
}

/// The problem a case is about as analytics group it, `unknown` before it is answered.
pub fn problem_of(c: &Case) -> String {
    problem_choice(c).map_or_else(|| "unknown".into(), |(_, v)| v.to_string())
}

fn outcome_rows(cases: &[&Case], o: &Options) -> Vec<OutcomeRow> {
    let mut rows: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    for c in cases {
        let row = rows.entry((problem_of(c), c.jurisdiction.clone())).or_default();
        *row.entry(outcome_group(c, o).to_string()).or_insert(0) += 1;
    }
    rows.into_iter().map(|((problem, jurisdiction), counts)| OutcomeRow { problem, jurisdiction, counts }).collect()
}

/// Minutes from the first hand-off to staff's first answer to the person after it.
fn first_answer(c: &Case) -> Option<f64> {
    let from = c.handoffs.first()?.at;
    let at = c.notes.iter().filter(|n| n.sent && n.at >= from).map(|n| n.at).min()?;
    Some(minutes(at - from))
}

/// Minutes from the first hand-off to staff closing the case.
fn closing(c: &Case) -> Option<f64> {
    let from = c.handoffs.first()?.at;
    let at = c.audit.iter().filter(|a| a.action == "close" && a.at >= from).map(|a| a.at).next_back()?;
    Some(minutes(at - from))
}

fn minutes(d: chrono::Duration) -> f64 {
    d.num_milliseconds() as f64 / 60_000.0
}

/// The median, the mean of the middle two for an even count; `None` for no values.
fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len().is_multiple_of(2) { (v[m - 1] + v[m]) / 2.0 } else { v[m] })
}

/// The figures as plain text for a terminal (`swipefix stats`): ids and numbers, no texts to translate.
pub fn text(s: &Stats) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let since = s.since.map_or_else(|| "all time".to_string(), |d| format!("since {}", d.date_naive()));
    let _ = writeln!(out, "cases            {} ({since}; abandoned after {} quiet days)", s.cases, s.stale_days);
    let _ = writeln!(out, "handed to staff  {} ({:.1} %)", s.handoffs.cases, s.handoffs.rate * 100.0);
    for (reason, n) in &s.handoffs.reasons {
        let _ = writeln!(out, "  {reason:<22} {n}");
    }
    let minutes = |m: Option<f64>| m.map_or_else(|| "-".to_string(), |m| format!("{m:.1} min"));
    let _ = writeln!(out, "median to first staff answer  {}", minutes(s.first_answer_minutes));
    let _ = writeln!(out, "median to close               {}", minutes(s.close_minutes));
    let _ = writeln!(out, "\noutcomes\n  {:<16} {:<6} {}", "problem", "where", OUTCOMES.join(" "));
    for r in &s.outcomes {
        let cells: Vec<String> =
            OUTCOMES.iter().map(|o| format!("{:>w$}", r.counts.get(*o).copied().unwrap_or(0), w = o.len())).collect();
        let _ = writeln!(out, "  {:<16} {:<6} {}", r.problem, r.jurisdiction, cells.join(" "));
    }
    let _ = writeln!(out, "\nnodes people reached (reached / went on / ended / stopped)");
    for n in s.nodes.iter().filter(|n| n.reached > 0) {
        let _ = writeln!(out, "  {:<32} {:>5} {:>5} {:>5} {:>5}", n.node, n.reached, n.went_on, n.ended, n.stopped);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(super::median(vec![]), None);
        assert_eq!(super::median(vec![5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(super::median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
