//! `/note ID text` (staff): an internal note on the case; the person does not see it.

use super::{Command, Heard, Run, Who};
use crate::engine::Note;
use crate::engine::input::clean_text;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome, case_and_rest};

pub const COMMAND: Command = Command {
    name: "note",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-note",
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, args: &str) -> Result<StaffOutcome, AppError> {
    let (id, text) = case_and_rest(args);
    if id.is_empty() || text.is_empty() {
        return Ok(super::usage(desk));
    }
    let note = Note { by: desk.staff.to_string(), at: desk.app.now(), text: clean_text(&text), sent: false };
    let Some(c) = desk.update(&id, |c| c.notes.push(note.clone()))? else { return Ok(desk.unknown(&id)) };
    Ok(StaffOutcome::staff(desk.t("staff-noted", &[("case_id", &c.id)])))
}
