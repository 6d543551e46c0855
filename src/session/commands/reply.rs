//! `/reply ID text` (staff): answers the person in the bot's name; the answer is kept on the case.

use super::add_note;
use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};

pub const COMMAND: Command = Command {
    name: "reply",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-reply",
    args: Some("cmd-reply-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    Ok(match add_note(desk, args, true)? {
        Ok((c, text)) => StaffOutcome {
            staff_text: desk.t("staff-replied", &[("case_id", &c.id)]),
            to_person: desk.to_person(&c, "ui-staff-reply", &[("text", text.as_str())]),
            ..StaffOutcome::default()
        },
        Err(answer) => answer,
    })
}
