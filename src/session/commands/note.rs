//! `/note ID text` (staff): an internal note on the case; the person does not see it.

use super::add_note;
use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};

pub const COMMAND: Command = Command {
    name: "note",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-note",
    args: Some("cmd-note-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    Ok(match add_note(desk, args, false)? {
        Ok((c, _)) => StaffOutcome::staff(desk.t("staff-noted", &[("case_id", &c.id)])),
        Err(answer) => answer,
    })
}
