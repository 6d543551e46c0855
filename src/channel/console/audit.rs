//! The audit view: every staff action on every case (opening a case page included) — who, when, what —
//! newest first, filtered by staff member, action or case; and the same as CSV. The entries live on the
//! cases (`Case::audit`), so erasing a person erases what staff did with their case too.
//! Must not touch: the store (through `App`).

use super::Console;
use super::auth::Staff;
use super::page::{self, Here, Section, Texts};
use crate::engine::AuditEntry;
use axum::extract::{Query, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::html;
use std::sync::Arc;

/// How many entries the page shows (the CSV has them all).
const SHOWN: usize = 500;

#[derive(Debug, Default, serde::Deserialize)]
pub struct Filters {
    #[serde(default)]
    by: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    case: String,
}

/// `(case id, entry)`, newest first, as the filters keep them. A read of the store: handlers call it in
/// `block_in_place`.
fn entries(c: &Console, f: &Filters) -> Result<Vec<(String, AuditEntry)>, crate::session::AppError> {
    let case = f.case.trim().to_ascii_uppercase();
    let mut out: Vec<(String, AuditEntry)> = c
        .app
        .cases()?
        .into_iter()
        .filter(|k| case.is_empty() || k.id.contains(&case))
        .flat_map(|k| k.audit.into_iter().map(move |a| (k.id.clone(), a)))
        .filter(|(_, a)| (f.by.is_empty() || a.by == f.by) && (f.action.is_empty() || a.action == f.action))
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.1.at));
    Ok(out)
}

/// `GET /audit`.
pub async fn page(
    State(c): State<Arc<Console>>,
    staff: Staff,
    Query(f): Query<Filters>,
    RawQuery(q): RawQuery,
) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    let list = match tokio::task::block_in_place(|| entries(&c, &f)) {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, "the audit log could not be read");
            return page::failed(&texts);
        }
    };
    let query = q.map_or(String::new(), |q| format!("?{q}"));
    let actions = ["view", "take", "reply", "note", "close", "assign"];
    let body = html! {
        form.filters method="get" action="/audit" {
            div { label for="by" { (texts.t("console-audit-by", &[])) } input #by name="by" value=(f.by) placeholder="tg:123"; }
            div { label for="action" { (texts.t("console-audit-action", &[])) }
                select #action name="action" { option value="" { (texts.t("console-filter-any", &[])) }
                    @for a in actions { option value=(a) selected[f.action == a] { (texts.t(&format!("console-action-{a}"), &[])) } } } }
            div { label for="case" { (texts.t("console-col-case", &[])) } input #case name="case" value=(f.case); }
            div { button type="submit" { (texts.t("console-filter-apply", &[])) } }
            div { a href={ "/audit.csv" (query) } download { (texts.t("console-audit-csv", &[])) } }
        }
        table.audit-log {
            caption.meta { (texts.count("console-audit-count", list.len())) }
            thead { tr { @for k in ["console-audit-when", "console-audit-by", "console-audit-action", "console-col-case", "console-audit-detail"] { th scope="col" { (texts.t(k, &[])) } } } }
            tbody { @for (id, a) in list.iter().take(SHOWN) {
                tr { td { (texts.time(a.at)) } td { (a.by) } td { (texts.t(&format!("console-action-{}", a.action), &[])) }
                     td { a href={ "/cases/" (id) } { (id) } } td { (a.detail.clone().unwrap_or_default()) } }
            } }
        }
    };
    let here = Here { section: Section::Audit, path: format!("/audit{query}") };
    page::layout(&texts, &staff, &here, &texts.t("console-audit-title", &[]), body).into_response()
}

/// `GET /audit.csv`: the filtered entries as CSV (cells a spreadsheet would run as formulas neutralised).
pub async fn csv(State(c): State<Arc<Console>>, staff: Staff, Query(f): Query<Filters>) -> Response {
    let texts = Texts::new(&c.app, &staff.locale);
    let Ok(list) = tokio::task::block_in_place(|| entries(&c, &f)) else { return page::failed(&texts) };
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows = vec![["at", "by", "action", "case", "detail"].map(String::from)];
    rows.extend(list.into_iter().map(|(id, a)| [a.at.to_rfc3339(), a.by, a.action, id, a.detail.unwrap_or_default()]));
    for r in rows {
        if w.write_record(r.map(crate::report::csv_cell)).is_err() {
            return page::failed(&texts);
        }
    }
    let body = w.into_inner().unwrap_or_default();
    let disposition = "attachment; filename=\"swipefix-audit.csv\"";
    ([(header::CONTENT_TYPE, "text/csv; charset=utf-8"), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response()
}
