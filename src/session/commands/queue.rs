//! `/queue` (staff): the open hand-offs, oldest first.

use super::{Command, Heard, Run, Who};
use crate::engine::Status;
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};

pub const COMMAND: Command = Command {
    name: "queue",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-queue",
    args: None,
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, _args: &Clean) -> Result<StaffOutcome, AppError> {
    let mut open: Vec<_> = desk
        .app
        .store()
        .list()?
        .into_iter()
        .filter(|c| c.status == Status::HandedOff && !c.handoffs.is_empty())
        .collect();
    if open.is_empty() {
        return Ok(StaffOutcome::staff(desk.t("staff-queue-empty", &[])));
    }
    open.sort_by_key(|c| c.handoffs.last().map(|h| h.at));
    let i18n = &desk.app.catalog().i18n;
    let lines: Vec<String> = open
        .iter()
        .map(|c| {
            let h = c.handoffs.last().expect("filtered");
            let reason = desk.t(&format!("staff-reason-{}", h.reason), &[]);
            let since = i18n.format_datetime(&desk.locale, h.at.naive_utc());
            let who = c.assignee.clone().unwrap_or_else(|| desk.t("staff-unassigned", &[]));
            format!("• {} — {reason} — {since} UTC — {who}", c.id)
        })
        .collect();
    let title = desk.t("staff-queue-title", &[("count", &open.len().to_string())]);
    Ok(StaffOutcome::staff(format!("{title}\n{}", lines.join("\n"))))
}
