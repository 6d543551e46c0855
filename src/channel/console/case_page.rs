//! A case page: the hand-off summary, the masked transcript, the evidence (images fetched through the
//! courier when shown, never written to disk), a timeline with the deadlines, notes and replies, the case's
//! audit log; and the actions — take, reply, note, close with an outcome, hand to another staff member —
//! which run the session's staff commands, the same code as the Telegram staff chat's. Opening the page is
//! written to the audit log.
//! Must not touch: the store (through `App`), teloxide (the courier delivers).

use super::Console;
use super::auth::Staff;
use super::page::{self, Here, Section, Texts};
use crate::engine::Case;
use crate::engine::step::Arg;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// The actions a form may post, and the staff command each runs.
const ACTIONS: &[&str] = &["take", "reply", "note", "close", "assign"];

/// What can go wrong with an action, as the page says it (`console-error-*`).
const ERRORS: &[&str] = &["empty", "delivery", "failed", "notstaff", "stale"];

/// Whether a path's case id could be one (letters, digits and `-`, not too long): anything else is no case,
/// and never reaches a staff command's line, where a space would end the id.
fn id_shaped(id: &str) -> bool {
    !id.is_empty() && id.len() <= 40 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// What the page was sent back with after an action: which action was done, or what went wrong (fixed
/// words, so nothing typed is ever echoed from the address).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    #[serde(default)]
    done: String,
    #[serde(default)]
    error: String,
}

/// `GET /cases/{id}`.
pub async fn page(
    State(c): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
    Query(d): Query<Done>,
) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    if !id_shaped(&id) {
        return page::not_found(&texts, &id);
    }
    let (app, who, key) = (c.app.clone(), staff.id.clone(), id.to_ascii_uppercase());
    // The page shown again right after this staff member's own action is not another look; any other
    // opening is written to the audit log (an address with a made-up `done` does not skip it).
    let done = ACTIONS.contains(&d.done.as_str()).then(|| d.done.clone());
    let loaded = tokio::task::spawn_blocking(move || {
        // Only a page after an action reads the case first, to see whether this staff member just did it.
        if let Some(done) = done
            && let Some(c) = app.case(&key)?
            && c.audit.last().is_some_and(|a| a.by == who && a.action == done)
        {
            return Ok(Some(c));
        }
        app.staff_view(&who, &key)
    })
    .await;
    let case = match loaded {
        Ok(Ok(Some(case))) => case,
        Ok(Ok(None)) => return page::not_found(&texts, &id),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "a case page could not be read");
            return page::failed(&texts);
        }
        Err(e) => panic!("a case page panicked: {e}"),
    };
    let body = html! {
        (notice(&texts, &d))
        div.grid {
            div { (summary(&c, &texts, &case)) (transcript(&texts, &case)) (evidence(&texts, &case)) (notes(&texts, &case)) (audit_list(&texts, &case)) }
            div { (state(&c, &texts, &case)) (actions(&c, &texts, &staff, &case)) (timeline(&c, &texts, &case)) }
        }
    };
    let here = Here { section: Section::Inbox, path: format!("/cases/{}", case.id) };
    page::layout(&texts, &staff, &here, &texts.t("console-case-title", &[("case_id", &case.id)]), body).into_response()
}

fn notice(texts: &Texts, d: &Done) -> Markup {
    let done = ACTIONS.iter().find(|a| **a == d.done);
    let error = ERRORS.iter().find(|e| **e == d.error);
    html! {
        @if let Some(a) = done { p.notice role="status" { (texts.t(&format!("console-done-{a}"), &[])) } }
        @if let Some(e) = error { p.notice.error role="alert" { (texts.t(&format!("console-error-{e}"), &[])) } }
    }
}

fn summary(c: &Console, texts: &Texts, case: &Case) -> Markup {
    let text = crate::report::handoff_summary(c.app.catalog(), case, &texts.locale);
    html! { section.panel aria-labelledby="h-summary" {
        h2 #h-summary { (texts.t("console-summary", &[])) }
        pre.summary { (text) }
    } }
}

fn transcript(texts: &Texts, case: &Case) -> Markup {
    html! { section.panel aria-labelledby="h-transcript" {
        h2 #h-transcript { (texts.t("staff-transcript-title", &[])) }
        @if case.transcript.is_empty() { p.meta { (texts.t("console-none", &[])) } }
        ol.transcript { @for l in &case.transcript {
            li { span.meta { (texts.time(l.at)) " · " (l.node) @if l.relayed { " · " (texts.t("console-to-staff", &[])) } } br; (l.text.as_str()) }
        } }
    } }
}

fn evidence(texts: &Texts, case: &Case) -> Markup {
    html! { section.panel.evidence aria-labelledby="h-evidence" {
        h2 #h-evidence { (texts.t("console-evidence", &[])) }
        @if case.evidence.is_empty() { p.meta { (texts.t("console-none", &[])) } }
        @for (n, e) in case.evidence.iter().enumerate() {
            @let href = format!("/cases/{}/files/{n}", case.id);
            @let caption = e.caption.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default();
            figure {
                @if e.kind == "photo" { img src=(href) alt=(if caption.is_empty() { texts.t("console-evidence-photo", &[]) } else { caption.clone() }) loading="lazy"; }
                @else { a href=(href) { (e.file_name.as_ref().map_or_else(|| texts.t("console-evidence-file", &[]), |f| f.as_str().to_string())) } }
                figcaption.meta { (texts.time(e.at)) @if !caption.is_empty() { " · " (caption) } }
            }
        }
    } }
}

fn notes(texts: &Texts, case: &Case) -> Markup {
    html! { section.panel aria-labelledby="h-notes" {
        h2 #h-notes { (texts.t("console-notes", &[])) }
        @if case.notes.is_empty() { p.meta { (texts.t("console-none", &[])) } }
        ul.notes { @for n in &case.notes {
            @let kind = if n.sent { "console-note-reply" } else { "console-note-internal" };
            li { span.meta { (texts.t(kind, &[])) " · " (n.by) " · " (texts.time(n.at)) } br; (n.text.as_str()) }
        } }
    } }
}

fn audit_list(texts: &Texts, case: &Case) -> Markup {
    html! { section.panel aria-labelledby="h-audit" {
        h2 #h-audit { (texts.t("console-audit-case", &[])) }
        ul.audit { @for a in &case.audit {
            li { span.meta { (texts.time(a.at)) } " " (a.by) " — " (texts.t(&format!("console-action-{}", a.action), &[]))
                @if let Some(d) = &a.detail { " (" (d) ")" } }
        } }
    } }
}

fn state(c: &Console, texts: &Texts, case: &Case) -> Markup {
    let now = c.app.now();
    html! { section.panel aria-labelledby="h-state" {
        h2 #h-state { (texts.t("console-state", &[])) }
        dl {
            dt { (texts.t("console-filter-status", &[])) } dd { (texts.t(&format!("status-{}", case.status.as_str()), &[])) }
            dt { (texts.t("console-col-taken", &[])) } dd { (case.assignee.clone().unwrap_or_else(|| texts.t("staff-unassigned", &[]))) }
            @if let Some(h) = case.handoffs.last() {
                dt { (texts.t("console-col-waiting", &[])) } dd { (texts.age(h.at, now)) }
            }
        }
    } }
}

fn actions(c: &Console, texts: &Texts, staff: &Staff, case: &Case) -> Markup {
    let id = &case.id;
    let roster = c.roster.current();
    html! { section.panel.actions aria-labelledby="h-actions" {
        h2 #h-actions { (texts.t("console-actions", &[])) }
        @if case.assignee.as_deref() != Some(staff.id.as_str()) {
            @let label = if case.assignee.is_some() { "console-take-over" } else { "console-take" };
            form method="post" action={ "/cases/" (id) "/take" } { (csrf(staff)) (seen(case)) button #take type="submit" { (texts.t(label, &[])) } }
        }
        form method="post" action={ "/cases/" (id) "/reply" } { (csrf(staff)) (seen(case))
            label for="reply-text" { (texts.t("console-reply", &[])) }
            textarea #reply-text name="text" required maxlength="3000" {}
            p.meta { (texts.t("console-reply-hint", &[])) }
            button #send-reply type="submit" { (texts.t("console-reply-send", &[])) } }
        form method="post" action={ "/cases/" (id) "/note" } { (csrf(staff)) (seen(case))
            label for="note-text" { (texts.t("console-note", &[])) }
            textarea #note-text name="text" required maxlength="3000" {}
            button.quiet type="submit" { (texts.t("console-note-add", &[])) } }
        form method="post" action={ "/cases/" (id) "/close" } { (csrf(staff)) (seen(case))
            label for="outcome" { (texts.t("console-close-outcome", &[])) }
            div.row { select #outcome name="outcome" { @for o in crate::session::CLOSE_OUTCOMES {
                option value=(o) { (texts.t(&format!("outcome-staff_{o}"), &[])) } } }
                button #close type="submit" { (texts.t("console-close", &[])) } } }
        form method="post" action={ "/cases/" (id) "/assign" } { (csrf(staff)) (seen(case))
            label for="assign-to" { (texts.t("console-assign", &[])) }
            div.row { select #assign-to name="to" { @for s in &roster { option value=(s) { "tg:" (s) } } }
                button.quiet type="submit" { (texts.t("console-assign-button", &[])) } } }
    } }
}

fn csrf(staff: &Staff) -> Markup {
    html! { input type="hidden" name="csrf" value=(staff.csrf); }
}

/// The case's state as the page showed it (who has it, whether it is closed): an action posted from a page
/// that no longer shows the case as it is — another staff member took or closed it meanwhile — is refused.
fn seen(case: &Case) -> Markup {
    html! { input type="hidden" name="seen" value=(stamp(case)); }
}

fn stamp(case: &Case) -> String {
    format!("{}|{}", case.assignee.as_deref().unwrap_or("-"), case.outcome.as_deref().unwrap_or("-"))
}

/// What happened to a case and what is due, oldest first: opened, steps done, hand-offs, the deadlines.
fn timeline(c: &Console, texts: &Texts, case: &Case) -> Markup {
    let catalog = c.app.catalog();
    let now = c.app.now();
    let j = catalog.flow.jurisdiction(&case.jurisdiction);
    let today = j.local(case, now).date();
    let mut done: Vec<(chrono::NaiveDate, String, bool)> =
        vec![(case.created.date_naive(), texts.t("console-opened", &[]), true)];
    done.extend(case.steps.iter().map(|s| (s.at.date_naive(), texts.t(&format!("step-{}", s.step), &[]), true)));
    done.extend(
        case.handoffs.iter().map(|h| (h.at.date_naive(), texts.t(&format!("staff-reason-{}", h.reason), &[]), true)),
    );
    let due = crate::engine::deadline::deadlines(&catalog.flow, case, now);
    done.extend(due.iter().map(|d| (d.date, texts.t(&format!("deadline-{}", d.id), &[]), d.passed(today))));
    done.sort_by_key(|e| e.0);
    html! { section.panel aria-labelledby="h-timeline" {
        h2 #h-timeline { (texts.t("console-timeline", &[])) }
        ol.timeline { @for (date, what, past) in &done {
            li class=[past.then_some("passed")] { span.meta { (catalog.i18n.format_arg(&texts.locale, &Arg::Date(*date))) } br; (what) }
        } }
    } }
}

/// A posted action's fields.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    to: String,
    /// `stamp` of the case on the page the form was on (empty: not checked, for scripts).
    #[serde(default)]
    seen: String,
}

/// `POST /cases/{id}/{action}`: runs the staff command, delivers what the person is to get, and returns to
/// the case page saying what was done.
pub async fn act(
    State(c): State<Arc<Console>>,
    staff: Staff,
    Path((id, action)): Path<(String, String)>,
    axum::Form(f): axum::Form<ActionForm>,
) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    if !staff.csrf_ok(&f.csrf) {
        return page::forbidden(&texts);
    }
    if !id_shaped(&id) {
        return page::not_found(&texts, &id);
    }
    let id = id.to_ascii_uppercase();
    let line = match checked_line(&c, &action, &id, &f) {
        Ok(line) => line,
        Err(Some(why)) => return back(&id, why),
        Err(None) => return (StatusCode::NOT_FOUND, "no such action\n").into_response(),
    };
    let outcome = match run(&c, &staff, &action, &id, line, &f).await {
        Ok(o) => o,
        Err(refused) => return refused,
    };
    c.changes.bump();
    if let Some((owner, text)) = outcome.to_person
        && let Err(e) = c.courier.deliver(&owner, text).await
    {
        tracing::warn!(case = %id, error = %e, "a staff answer from the console could not be delivered");
        return back(&id, &format!("done={action}&error=delivery"));
    }
    back(&id, &format!("done={action}"))
}

/// The staff command line of a form; else what the page says (an empty field, a hand-over to someone not
/// on the staff list), or `None` for no such action.
fn checked_line(c: &Console, action: &str, id: &str, f: &ActionForm) -> Result<String, Option<&'static str>> {
    if action == "assign" && !f.to.trim().parse::<u64>().is_ok_and(|to| c.roster.current().contains(&to)) {
        return Err(Some("error=notstaff"));
    }
    command_line(action, id, f).ok_or_else(|| ACTIONS.contains(&action).then_some("error=empty"))
}

/// What became of a posted action.
enum Ran {
    Done(crate::session::StaffOutcome),
    /// No such case (or it was erased).
    Gone,
    /// The page the form came from no longer shows the case as it is.
    Stale,
    Failed(Option<crate::session::AppError>),
}

/// Runs the staff command on a blocking thread, after one read of the case: not when there is no such case,
/// nor when the form came from a page that no longer shows the case as it is (a note is fine whatever
/// happened meanwhile). `Err` is the answer to send back.
async fn run(
    c: &Console,
    staff: &Staff,
    action: &str,
    id: &str,
    line: String,
    f: &ActionForm,
) -> Result<crate::session::StaffOutcome, Response> {
    let (app, who, locale, key) = (c.app.clone(), staff.id.clone(), staff.locale.clone(), id.to_string());
    let check = (action != "note" && !f.seen.is_empty()).then(|| f.seen.clone());
    let ran = tokio::task::spawn_blocking(move || {
        let now = match app.case(&key) {
            Ok(Some(now)) => now,
            Ok(None) => return Ran::Gone,
            Err(e) => return Ran::Failed(Some(e)),
        };
        if check.is_some_and(|seen| stamp(&now) != seen) {
            return Ran::Stale;
        }
        match app.staff(&who, &locale, &line) {
            Some(Ok(outcome)) => Ran::Done(outcome),
            Some(Err(e)) => Ran::Failed(Some(e)),
            None => Ran::Failed(None),
        }
    })
    .await
    .unwrap_or_else(|e| panic!("a console action panicked: {e}"));
    match ran {
        Ran::Done(outcome) => Ok(outcome),
        Ran::Gone => Err(page::not_found(&Texts::new(&c.app, &staff.locale), id)),
        Ran::Stale => Err(back(id, "error=stale")),
        Ran::Failed(e) => {
            if let Some(e) = e {
                tracing::error!(case = %id, action, error = %e, "a console action failed");
            }
            metrics::counter!(crate::telemetry::ERRORS, "kind" => "console").increment(1);
            Err(back(id, "error=failed"))
        }
    }
}

/// The staff command a form stands for; `None` when a field it needs is empty.
fn command_line(action: &str, id: &str, f: &ActionForm) -> Option<String> {
    let text = f.text.trim();
    let needs = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_string());
    Some(match action {
        "take" => format!("/take {id}"),
        "reply" => format!("/reply {id} {}", needs(text)?),
        "note" => format!("/note {id} {}", needs(text)?),
        "close" => {
            let outcome = needs(&f.outcome).filter(|o| crate::session::CLOSE_OUTCOMES.contains(&o.as_str()))?;
            format!("/close {id} {outcome} {text}")
        }
        "assign" => format!("/assign {id} {}", needs(&f.to)?),
        _ => return None,
    })
}

fn back(id: &str, query: &str) -> Response {
    Redirect::to(&format!("/cases/{id}?{query}")).into_response()
}

/// `GET /cases/{id}/files/{n}`: the case's `n`th file, fetched from the channel now and passed through.
/// Images are shown inline; anything else is a download (never rendered as a page of ours).
pub async fn file(State(c): State<Arc<Console>>, staff: Staff, Path((id, n)): Path<(String, usize)>) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    let (app, key) = (c.app.clone(), id.to_ascii_uppercase());
    let found = tokio::task::spawn_blocking(move || app.case(&key)).await.ok().and_then(Result::ok).flatten();
    let Some(e) = found.and_then(|k| k.evidence.get(n).cloned()).filter(|_| id_shaped(&id)) else {
        return page::not_found(&texts, &id);
    };
    let Ok(_permit) = c.fetches.acquire().await else { return page::failed(&texts) };
    match c.courier.fetch(&e.reference).await {
        Ok((bytes, kind)) => {
            let image = matches!(kind.as_str(), "image/jpeg" | "image/png" | "image/webp" | "image/gif");
            let kind = if image { kind } else { "application/octet-stream".into() };
            let disposition = if image { "inline" } else { "attachment" };
            ([(header::CONTENT_TYPE, kind), (header::CONTENT_DISPOSITION, disposition.to_string())], bytes)
                .into_response()
        }
        Err(err) => {
            tracing::warn!(case = %id, error = %err, "an evidence file could not be fetched");
            (StatusCode::BAD_GATEWAY, texts.t("console-evidence-unavailable", &[])).into_response()
        }
    }
}
