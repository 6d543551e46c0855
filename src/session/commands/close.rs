//! `/close ID outcome [note]` (staff): closes the case with one of `OUTCOMES`; the person is told.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::{self, Clean};
use crate::engine::{Note, Status};
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome, case_and_rest};

pub const COMMAND: Command = Command {
    name: "close",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-close",
    args: Some("cmd-close-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

/// The outcomes staff can close a case with.
pub const OUTCOMES: &[&str] = &["resolved", "refunded", "rejected", "police", "other"];

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    let (id, rest) = case_and_rest(args);
    let (outcome, note) = rest.split_once(char::is_whitespace).map_or((rest.as_str(), None), |(o, n)| (o, Some(n)));
    let outcome = outcome.to_ascii_lowercase();
    if id.is_empty() || !OUTCOMES.contains(&outcome.as_str()) {
        return Ok(super::usage(desk));
    }
    let note =
        note.map(|n| Note { by: desk.staff.to_string(), at: desk.app.now(), text: gate::admit(n).text, sent: false });
    let closed = desk.act(&id, "close", Some(&outcome), |c| {
        c.outcome = Some(format!("staff_{outcome}"));
        c.status = if outcome == "resolved" || outcome == "refunded" { Status::Resolved } else { Status::Closed };
        c.assignee = None;
        c.notes.extend(note.clone());
    })?;
    let Some(c) = closed else { return Ok(desk.unknown(&id)) };
    let label = desk.app.catalog().i18n.raw(&c.locale, &format!("outcome-staff_{outcome}"), &[]);
    Ok(StaffOutcome {
        staff_text: desk.t("staff-closed", &[("case_id", &c.id), ("outcome", &outcome)]),
        to_person: desk.to_person(&c, "ui-staff-closed", &[("case_id", &c.id), ("outcome", &label)]),
        ..StaffOutcome::default()
    })
}
