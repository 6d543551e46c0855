//! `/assign ID USER` (staff): hands the case to another staff member (their Telegram user id); the case
//! keeps its hand-off, and the person's messages, still relayed to the staff chat, name the new assignee.
//! The person is not told: for them our team still has the case. Whether USER is staff is the channel's
//! check (the console offers and accepts only ids on the staff list).

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome, case_and_rest};

pub const COMMAND: Command = Command {
    name: "assign",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-assign",
    args: Some("cmd-assign-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let (id, rest) = case_and_rest(args.as_str());
    let Some(to) = staff_key(&rest) else { return Ok(super::usage(desk)) };
    if id.is_empty() {
        return Ok(super::usage(desk));
    }
    let Some(c) = desk.act(&id, "assign", Some(&to), |c| c.assignee = Some(to.clone()))? else {
        return Ok(desk.unknown(&id));
    };
    Ok(StaffOutcome::staff(desk.t("staff-assigned", &[("case_id", &c.id), ("staff", &to)])))
}

/// A staff member as cases name them (`tg:<id>`), from `123` or `tg:123`; `None` for anything else.
fn staff_key(text: &str) -> Option<String> {
    let id = text.trim();
    let id = id.strip_prefix("tg:").unwrap_or(id);
    id.parse::<u64>().ok().map(|n| format!("tg:{n}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn staff_are_named_by_their_telegram_id() {
        assert_eq!(super::staff_key("42").as_deref(), Some("tg:42"));
        assert_eq!(super::staff_key(" tg:42 ").as_deref(), Some("tg:42"));
        assert_eq!(super::staff_key("bob"), None);
        assert_eq!(super::staff_key(""), None);
    }
}
