//! The inbox: cases handed to staff, oldest waiting first, with how long they have waited, the problem, the
//! jurisdiction, the amount and who has them; filters (status, problem, jurisdiction, taken by, older than
//! N hours) and a search (case id, shop, last 4). It updates itself: a watcher reads the store every
//! `WATCH_EVERY` and bumps `Changes` when a hand-off appears or a handed-off case changes — whichever
//! process changed it — and each open inbox hears it over server-sent events and fetches its rows again.
//! Must not touch: case pages, actions.

use super::Console;
use super::auth::Staff;
use super::page::{self, Here, Section, Texts};
use crate::engine::{Answer, Case};
use axum::extract::{Query, RawQuery, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use chrono::{DateTime, Utc};
use maud::{Markup, html};
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

/// How often the watcher reads the store for changes made elsewhere.
const WATCH_EVERY: Duration = Duration::from_secs(2);

/// A counter bumped at every change of the hand-offs.
pub struct Changes(tokio::sync::watch::Sender<u64>);

impl Default for Changes {
    fn default() -> Changes {
        Changes(tokio::sync::watch::channel(0).0)
    }
}

impl Changes {
    /// Something changed: every open inbox fetches its rows again.
    pub fn bump(&self) {
        self.0.send_modify(|n| *n += 1);
    }
}

/// Reads the store every `WATCH_EVERY` while an inbox is open, and bumps `Changes` when the handed-off
/// cases (their ids and versions) differ from the last read.
pub async fn watch(console: Arc<Console>) {
    let mut tick = tokio::time::interval(WATCH_EVERY);
    let mut last = None;
    loop {
        tick.tick().await;
        // Nobody has an inbox open: nothing to read the store for. The first read once someone has is told
        // to them (`last` is then unknown): what changed between their page and that read is not missed.
        if console.changes.0.receiver_count() == 0 {
            last = None;
            continue;
        }
        let app = console.app.clone();
        let Ok(Ok(cases)) = tokio::task::spawn_blocking(move || app.handed_off()).await else { continue };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for c in &cases {
            (&c.id, c.version).hash(&mut h);
        }
        let now = Some(h.finish());
        if last != now {
            console.changes.bump();
        }
        last = now;
    }
}

/// `GET /events`: one `change` event per change of the hand-offs.
pub async fn events(State(c): State<Arc<Console>>, _staff: Staff) -> impl IntoResponse {
    let (rx, stop) = (c.changes.0.subscribe(), c.stopping.subscribe());
    // Ends when the console stops: a stream left open would keep the server's graceful stop waiting.
    let stream = futures::stream::unfold((rx, stop), |(mut rx, mut stop)| async move {
        tokio::select! {
            changed = rx.changed() => changed.ok()?,
            _ = stop.wait_for(|s| *s) => return None,
        }
        let n = *rx.borrow_and_update();
        Some((Ok::<_, std::convert::Infallible>(Event::default().event("change").data(n.to_string())), (rx, stop)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The inbox's filters, from the query string.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Filters {
    /// `open` (default), `closed` or `all`.
    #[serde(default)]
    status: String,
    #[serde(default)]
    problem: String,
    #[serde(default)]
    jurisdiction: String,
    /// `me`, `none` or a staff id; empty for anyone.
    #[serde(default)]
    taken: String,
    /// Waiting longer than this many hours.
    #[serde(default)]
    older: String,
    #[serde(default)]
    q: String,
}

impl Filters {
    fn keeps(&self, c: &Case, staff: &Staff, now: DateTime<Utc>) -> bool {
        let status = match self.status.as_str() {
            "all" => true,
            "closed" => c.is_closed(),
            _ => !c.is_closed(),
        };
        let taken = match self.taken.as_str() {
            "" => true,
            "me" => c.assignee.as_deref() == Some(staff.id.as_str()),
            "none" => c.assignee.is_none(),
            other => c.assignee.as_deref() == Some(other),
        };
        let older = older_than(&self.older).is_none_or(|d| now - waiting_since(c) >= d);
        status
            && taken
            && older
            && (self.problem.is_empty() || crate::stats::problem_of(c) == self.problem)
            && (self.jurisdiction.is_empty() || c.jurisdiction == self.jurisdiction)
            && matches_search(c, self.q.trim())
    }
}

/// "Waiting more than N hours" as a duration: 0 to ten years; anything else is no filter.
fn older_than(hours: &str) -> Option<chrono::Duration> {
    hours.trim().parse::<i64>().ok().filter(|h| (0..=87_600).contains(h)).and_then(chrono::Duration::try_hours)
}

/// When the case was last handed to staff.
fn waiting_since(c: &Case) -> DateTime<Utc> {
    c.handoffs.last().map_or(c.created, |h| h.at)
}

/// The search: a case id (or part), a shop's name (any case), the card's last 4.
fn matches_search(c: &Case, q: &str) -> bool {
    if q.is_empty() {
        return true;
    }
    let lower = q.to_lowercase();
    let text = |name: &str| match c.answers.get(name) {
        Some(Answer::Text(t)) => t.as_str().to_lowercase().contains(&lower),
        Some(Answer::Last4(d)) => d == q,
        _ => false,
    };
    c.id.to_lowercase().contains(&lower) || text("merchant_name") || text("card_last4")
}

/// The handed-off cases the filters keep, oldest waiting first. A read of the store: handlers call it in
/// `block_in_place`, so the runtime's other tasks move to another worker meanwhile.
fn listed(c: &Console, staff: &Staff, f: &Filters) -> Result<(Vec<Case>, Vec<Case>), crate::session::AppError> {
    let all = c.app.handed_off()?;
    let now = c.app.now();
    let mut kept: Vec<Case> = all.iter().filter(|k| f.keeps(k, staff, now)).cloned().collect();
    kept.sort_by_key(waiting_since);
    Ok((all, kept))
}

/// `GET /`: the inbox.
pub async fn page(
    State(c): State<Arc<Console>>,
    staff: Staff,
    Query(f): Query<Filters>,
    RawQuery(query): RawQuery,
) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    let (all, kept) = match tokio::task::block_in_place(|| listed(&c, &staff, &f)) {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, "the inbox could not be read");
            return page::failed(&texts);
        }
    };
    let body = html! {
        (filters(&texts, &f, &all))
        p #live.live aria-live="polite" data-updated=(texts.t("console-live-updated", &[])) data-lost=(texts.t("console-live-lost", &[])) {}
        (table(&c, &texts, &kept))
    };
    let here = Here { section: Section::Inbox, path: format!("/{}", query.map_or(String::new(), |q| format!("?{q}"))) };
    page::layout(&texts, &staff, &here, &texts.t("console-inbox-title", &[]), body).into_response()
}

const HEADINGS: [&str; 7] = [
    "console-col-case",
    "console-col-waiting",
    "console-col-problem",
    "console-col-jurisdiction",
    "console-col-amount",
    "console-col-reason",
    "console-col-taken",
];

/// The list: its count, headings and rows (what a live update replaces).
fn table(c: &Console, texts: &Texts, kept: &[Case]) -> Markup {
    html! {
        table #inbox.inbox {
            caption.meta { (texts.count("console-inbox-count", kept.len())) }
            thead { tr {
                @for key in HEADINGS { th scope="col" { (texts.t(key, &[])) } }
            } }
            tbody { (rows_markup(c, texts, kept)) }
        }
    }
}

/// `GET /inbox/rows`: the list alone, for the live update.
pub async fn rows(State(c): State<Arc<Console>>, staff: Staff, Query(f): Query<Filters>) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    match tokio::task::block_in_place(|| listed(&c, &staff, &f)) {
        Ok((_, kept)) => Html(table(&c, &texts, &kept).into_string()).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "the inbox could not be read");
            page::failed(&texts)
        }
    }
}

fn rows_markup(c: &Console, texts: &Texts, cases: &[Case]) -> Markup {
    let now = c.app.now();
    let catalog = c.app.catalog();
    html! {
        @if cases.is_empty() {
            tr { td colspan="7" { (texts.t("console-inbox-empty", &[])) } }
        }
        @for k in cases {
            @let since = waiting_since(k);
            @let reason = k.handoffs.last().map_or("asked_for_human", |h| h.reason.as_str());
            tr {
                td data-label=(texts.t(HEADINGS[0], &[])) { a href={ "/cases/" (k.id) } { (k.id) } }
                td data-label=(texts.t(HEADINGS[1], &[])) class=[(now - since >= chrono::Duration::hours(24)).then_some("age-old")] {
                    time datetime=(since.to_rfc3339()) title=(texts.time(since)) { (texts.age(since, now)) }
                }
                td data-label=(texts.t(HEADINGS[2], &[])) { (crate::report::problem_text(catalog, k, &texts.locale)) }
                td data-label=(texts.t(HEADINGS[3], &[])) { (k.jurisdiction.to_uppercase()) }
                td data-label=(texts.t(HEADINGS[4], &[])) { (crate::report::answer_text(catalog, k, "amount", &texts.locale).unwrap_or_default()) }
                td data-label=(texts.t(HEADINGS[5], &[])) { (texts.t(&format!("staff-reason-{reason}"), &[])) }
                td data-label=(texts.t(HEADINGS[6], &[])) {
                    @match &k.assignee {
                        Some(who) => span.badge { (who) },
                        None => span.badge.none { (texts.t("staff-unassigned", &[])) },
                    }
                }
            }
        }
    }
}

/// The filter form (a GET: filters are in the address, so a view can be bookmarked).
fn filters(texts: &Texts, f: &Filters, all: &[Case]) -> Markup {
    let problems: BTreeSet<String> = all.iter().map(crate::stats::problem_of).collect();
    let places: BTreeSet<&str> = all.iter().map(|k| k.jurisdiction.as_str()).collect();
    let takers: BTreeSet<&str> = all.iter().filter_map(|k| k.assignee.as_deref()).collect();
    let any = texts.t("console-filter-any", &[]);
    html! {
        form.filters method="get" action="/" role="search" {
            div { label for="q" { (texts.t("console-search", &[])) }
                input #q type="search" name="q" value=(f.q) placeholder=(texts.t("console-search-hint", &[])); }
            div { label for="status" { (texts.t("console-filter-status", &[])) }
                select #status name="status" {
                    @for (v, key) in [("open", "console-status-open"), ("closed", "console-status-closed"), ("all", "console-status-all")] {
                        option value=(v) selected[f.status == v || (f.status.is_empty() && v == "open")] { (texts.t(key, &[])) }
                    }
                } }
            div { label for="problem" { (texts.t("console-col-problem", &[])) }
                select #problem name="problem" { option value="" { (any) }
                    @for p in &problems { option value=(p) selected[f.problem == *p] { (p) } } } }
            div { label for="jurisdiction" { (texts.t("console-col-jurisdiction", &[])) }
                select #jurisdiction name="jurisdiction" { option value="" { (any) }
                    @for j in &places { option value=(j) selected[f.jurisdiction == *j] { (j.to_uppercase()) } } } }
            div { label for="taken" { (texts.t("console-col-taken", &[])) }
                select #taken name="taken" { option value="" { (any) }
                    option value="me" selected[f.taken == "me"] { (texts.t("console-taken-me", &[])) }
                    option value="none" selected[f.taken == "none"] { (texts.t("staff-unassigned", &[])) }
                    @for t in &takers { option value=(t) selected[f.taken == *t] { (t) } } } }
            div { label for="older" { (texts.t("console-filter-older", &[])) }
                input #older type="number" min="0" name="older" value=(f.older) inputmode="numeric"; }
            div { button type="submit" { (texts.t("console-filter-apply", &[])) } }
        }
    }
}
