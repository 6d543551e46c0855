//! `/take ID` (staff): the staff member takes the case; the person is told, and their plain messages go to
//! staff until the case is closed.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome, case_and_rest};

pub const COMMAND: Command = Command {
    name: "take",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-take",
    args: Some("cmd-take-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    let (id, _) = case_and_rest(args);
    if id.is_empty() {
        return Ok(super::usage(desk));
    }
    let Some(c) = desk.act(&id, "take", None, |c| c.assignee = Some(desk.staff.to_string()))? else {
        return Ok(desk.unknown(&id));
    };
    Ok(StaffOutcome {
        staff_text: desk.t("staff-taken", &[("case_id", &c.id), ("staff", desk.staff)]),
        to_person: desk.to_person(&c, "ui-staff-taken", &[]),
        ..StaffOutcome::default()
    })
}
