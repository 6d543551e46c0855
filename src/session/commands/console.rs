//! `/console` (staff): a sign-in link for the browser console, sent to the staff member alone (a private
//! chat), never into the staff chat. Works only where a console was configured (`App::enable_console`).

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};

pub const COMMAND: Command = Command {
    name: "console",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-console",
    args: None,
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, _args: &Clean) -> Result<StaffOutcome, AppError> {
    let Some(link) = desk.app.console_link(desk.staff, &desk.locale) else {
        return Ok(StaffOutcome::staff(desk.t("staff-console-off", &[])));
    };
    let minutes = crate::session::signin::LINK_LIFETIME.num_minutes().to_string();
    Ok(StaffOutcome {
        staff_text: desk.t("staff-console-sent", &[]),
        private: Some(desk.t("staff-console-link", &[("link", &link), ("minutes", &minutes)])),
        ..StaffOutcome::default()
    })
}
