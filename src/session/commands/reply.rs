//! `/reply ID text` (staff): answers the person in the bot's name; the answer is kept on the case.

use super::{Command, Heard, Run, Who};
use crate::engine::Note;
use crate::engine::input::clean_text;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome, case_and_rest};

pub const COMMAND: Command = Command {
    name: "reply",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-reply",
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, args: &str) -> Result<StaffOutcome, AppError> {
    let (id, text) = case_and_rest(args);
    if id.is_empty() || text.is_empty() {
        return Ok(super::usage(desk));
    }
    let text = clean_text(&text);
    let note = Note { by: desk.staff.to_string(), at: desk.app.now(), text: text.clone(), sent: true };
    let Some(c) = desk.update(&id, |c| c.notes.push(note.clone()))? else { return Ok(desk.unknown(&id)) };
    Ok(StaffOutcome {
        staff_text: desk.t("staff-replied", &[("case_id", &c.id)]),
        to_person: desk.to_person(&c, "ui-staff-reply", &[("text", &text)]),
    })
}
