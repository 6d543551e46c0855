//! `/reject CODE reason` (staff): a shop's name is refused, or an approval withdrawn; its link keeps working
//! without the name, and the shop is told why and that it may register another name.

use super::shops::{code_and_rest, to_shop};
use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::engine::input::clean_text;
use crate::merchant::decide;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};
use crate::store::Review;

pub const COMMAND: Command = Command {
    name: "reject",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-reject",
    args: Some("cmd-reject-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

/// The longest reason kept and sent to the shop.
const MAX_REASON: usize = 300;

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    let (code, reason) = code_and_rest(args);
    let reason: String = clean_text(&reason).chars().take(MAX_REASON).collect();
    if code.is_empty() || reason.is_empty() {
        return Ok(super::usage(desk));
    }
    let review = Review::Rejected { by: desk.staff.to_string(), at: desk.app.now(), reason: reason.clone() };
    let Some(m) = decide(desk.app.store(), &code, review)? else {
        return Ok(StaffOutcome::staff(desk.t("staff-merchant-unknown", &[("code", &code)])));
    };
    desk.app.committer().durable()?;
    Ok(StaffOutcome {
        staff_text: desk.t("staff-merchant-rejected", &[("code", &m.code), ("shop", &m.shop), ("reason", &reason)]),
        to_person: to_shop(desk, &m, "ui-merchant-rejected", &[("shop", &m.shop), ("reason", &reason)]),
        ..StaffOutcome::default()
    })
}
