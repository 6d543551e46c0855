//! The analytics page: the figures of `stats::compute` — the same function `swipefix stats` prints — as
//! server-rendered SVG bar charts and tables: how many people reached each node, went on or stopped there;
//! outcomes by problem and jurisdiction; the hand-off rate and reasons; median times to staff's first
//! answer and to closing; and the tree itself with each node's counts.
//! Must not touch: the store (through `App`).

use super::Console;
use super::auth::Staff;
use super::page::{self, Here, Section, Texts};
use crate::stats::{NodeCount, OUTCOMES, Options, Stats};
use axum::extract::{Query, RawQuery, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Days without an answer after which an open case counts as abandoned, unless the page asks otherwise.
pub const STALE_DAYS: i64 = 14;

#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    /// `YYYY-MM-DD`: only cases opened since.
    #[serde(default)]
    since: String,
    #[serde(default)]
    stale: String,
}

/// `GET /analytics`.
pub async fn page(
    State(c): State<Arc<Console>>,
    staff: Staff,
    Query(p): Query<Params>,
    RawQuery(q): RawQuery,
) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    let since = chrono::NaiveDate::parse_from_str(p.since.trim(), "%Y-%m-%d").ok();
    let stale_days = p.stale.trim().parse::<i64>().ok().filter(|d| *d > 0).unwrap_or(STALE_DAYS);
    let o =
        Options { since: since.map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc()), stale_days, now: c.app.now() };
    let app = c.app.clone();
    let stats = match tokio::task::spawn_blocking(move || app.stats(o)).await {
        Ok(Ok(s)) => s,
        _ => return page::failed(&texts),
    };
    let body = html! {
        form.filters method="get" action="/analytics" {
            div { label for="since" { (texts.t("console-since", &[])) } input #since type="date" name="since" value=(p.since); }
            div { label for="stale" { (texts.t("console-stale-days", &[])) } input #stale type="number" min="1" name="stale" value=(stale_days); }
            div { button type="submit" { (texts.t("console-filter-apply", &[])) } }
        }
        (figures(&texts, &stats))
        h2 { (texts.t("console-funnel", &[])) }
        (funnel(&texts, &stats.nodes))
        h2 { (texts.t("console-outcomes", &[])) }
        (outcomes(&texts, &stats))
        h2 { (texts.t("console-handoff-reasons", &[])) }
        (bars(&texts, &stats.handoffs.reasons.iter().map(|(r, n)| (texts.t(&format!("staff-reason-{r}"), &[]), *n)).collect::<Vec<_>>()))
        h2 { (texts.t("console-tree", &[])) }
        (tree(&c, &texts, &stats.nodes))
    };
    let here = Here {
        section: Section::Analytics,
        path: format!("/analytics{}", q.map_or(String::new(), |q| format!("?{q}"))),
    };
    page::layout(&texts, &staff, &here, &texts.t("console-analytics-title", &[]), body).into_response()
}

fn figures(texts: &Texts, s: &Stats) -> Markup {
    let minutes = |m: Option<f64>| {
        m.map_or_else(|| "—".to_string(), |m| texts.t("console-minutes", &[("n", &format!("{m:.0}"))]))
    };
    let rate = format!("{:.0} %", s.handoffs.rate * 100.0);
    let items = [
        ("console-fig-cases", s.cases.to_string(), "cases"),
        ("console-fig-handoff-rate", rate, "handoff-rate"),
        ("console-fig-first-answer", minutes(s.first_answer_minutes), "first-answer"),
        ("console-fig-close", minutes(s.close_minutes), "close"),
    ];
    html! { div.figures { @for (key, value, id) in items {
        div.figure data-figure=(id) { span.meta { (texts.t(key, &[])) } b { (value) } }
    } } }
}

/// One bar per node people reached: the part that went on, the part that stopped there.
fn funnel(texts: &Texts, nodes: &[NodeCount]) -> Markup {
    let shown: Vec<&NodeCount> = nodes.iter().filter(|n| n.reached > 0).collect();
    let max = shown.iter().map(|n| n.reached).max().unwrap_or(1).max(1) as f64;
    let (row, label_w, bar_w) = (22.0, 220.0, 330.0);
    let height = row * shown.len() as f64 + 4.0;
    html! {
        @if shown.is_empty() { p.meta { (texts.t("console-none", &[])) } }
        @else {
            svg.chart role="img" aria-label=(texts.t("console-funnel", &[])) width="100%" viewBox={ "0 0 900 " (height) } {
                @for (i, n) in shown.iter().enumerate() {
                    @let y = i as f64 * row;
                    text x="0" y=(y + 15.0) { (n.node) }
                    rect.bar x=(label_w) y=(y + 3.0) height="16" width=(bar_w * n.reached as f64 / max) {
                        title { (n.node) ": " (n.reached) }
                    }
                    rect.bar.stopped x=(label_w) y=(y + 3.0) height="16" width=(bar_w * n.stopped as f64 / max) {}
                    text x=(label_w + bar_w + 8.0) y=(y + 15.0) { (texts.t("console-node-counts", &[("reached", &n.reached.to_string()), ("went_on", &n.went_on.to_string()), ("stopped", &n.stopped.to_string())])) }
                }
            }
        }
        table.nodes {
            thead { tr { @for k in ["console-node", "console-reached", "console-went-on", "console-ended", "console-stopped"] { th scope="col" { (texts.t(k, &[])) } } } }
            tbody { @for n in nodes.iter().filter(|n| n.reached > 0) {
                tr data-node=(n.node) data-reached=(n.reached) data-went-on=(n.went_on) data-ended=(n.ended) data-stopped=(n.stopped) {
                    td { (n.node) } td { (n.reached) } td { (n.went_on) } td { (n.ended) } td { (n.stopped) }
                }
            } }
        }
    }
}

/// Horizontal bars of `(label, count)`.
fn bars(texts: &Texts, items: &[(String, usize)]) -> Markup {
    let max = items.iter().map(|i| i.1).max().unwrap_or(1).max(1) as f64;
    let height = 22.0 * items.len() as f64 + 4.0;
    html! {
        @if items.is_empty() { p.meta { (texts.t("console-none", &[])) } }
        @else {
            svg.chart role="img" width="100%" viewBox={ "0 0 760 " (height) } {
                @for (i, (label, n)) in items.iter().enumerate() {
                    @let y = i as f64 * 22.0;
                    text x="0" y=(y + 15.0) { (label) }
                    rect.bar x="260" y=(y + 3.0) height="16" width=(400.0 * *n as f64 / max) {}
                    text x=(268.0 + 400.0 * *n as f64 / max) y=(y + 15.0) { (n) }
                }
            }
        }
    }
}

fn outcomes(texts: &Texts, s: &Stats) -> Markup {
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &s.outcomes {
        for (k, n) in &r.counts {
            *totals.entry(k.as_str()).or_insert(0) += n;
        }
    }
    let chart: Vec<(String, usize)> = OUTCOMES
        .iter()
        .map(|o| (texts.t(&format!("console-outcome-{o}"), &[]), *totals.get(o).unwrap_or(&0)))
        .collect();
    html! {
        (bars(texts, &chart))
        table.outcomes {
            thead { tr { th scope="col" { (texts.t("console-col-problem", &[])) } th scope="col" { (texts.t("console-col-jurisdiction", &[])) }
                @for o in OUTCOMES { th scope="col" { (texts.t(&format!("console-outcome-{o}"), &[])) } } } }
            tbody { @for r in &s.outcomes {
                tr data-problem=(r.problem) data-jurisdiction=(r.jurisdiction) {
                    td { (r.problem) } td { (r.jurisdiction.to_uppercase()) }
                    @for o in OUTCOMES { td data-outcome=(o) { (r.counts.get(*o).copied().unwrap_or(0)) } }
                }
            } }
        }
    }
}

/// The tree from the start node, each node once (where it is first reached), with its counts.
fn tree(c: &Console, texts: &Texts, nodes: &[NodeCount]) -> Markup {
    let flow = &c.app.catalog().flow;
    let counts: BTreeMap<&str, &NodeCount> = nodes.iter().map(|n| (n.node.as_str(), n)).collect();
    let mut seen = BTreeSet::new();
    html! { div.tree { ul { (branch(flow, &flow.start, &counts, texts, &mut seen, 0)) } } }
}

fn branch(
    flow: &crate::engine::Flow,
    id: &str,
    counts: &BTreeMap<&str, &NodeCount>,
    texts: &Texts,
    seen: &mut BTreeSet<String>,
    depth: usize,
) -> Markup {
    let Some(node) = flow.node(id).filter(|_| seen.insert(id.to_string()) && depth < 60) else { return html! {} };
    let children: Vec<String> = node.kind.targets().iter().map(|t| t.node.clone()).collect();
    html! {
        li data-tree-node=(id) {
            span.node { (id) } " "
            @if let Some(n) = counts.get(id) {
                span.meta { (texts.t("console-node-counts", &[("reached", &n.reached.to_string()), ("went_on", &n.went_on.to_string()), ("stopped", &n.stopped.to_string())])) }
            }
            @let inner: Vec<Markup> = children.iter().map(|ch| branch(flow, ch, counts, texts, seen, depth + 1)).collect();
            @if inner.iter().any(|m| !m.0.is_empty()) { ul { @for m in inner { (m) } } }
        }
    }
}
