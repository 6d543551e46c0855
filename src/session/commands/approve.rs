//! `/approve CODE [anyway]` (staff): a shop's name is checked; from now on its link greets customers with
//! the name (as what the shop registered as) and the shop is told. A name that breaks the rules cannot be
//! approved; one another registration already has needs `anyway`, after staff checked it is the same
//! business.

use super::shops::{broken_rule, code_and_rest, same_name_list, to_shop};
use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::merchant::{decide, name_rules, same_name};
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};
use crate::store::Review;

pub const COMMAND: Command = Command {
    name: "approve",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-approve",
    args: Some("cmd-approve-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

/// The word that approves a name another registration has too.
const ANYWAY: &str = "anyway";

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    let (code, rest) = code_and_rest(args);
    if code.is_empty() {
        return Ok(super::usage(desk));
    }
    let store = desk.app.store();
    let Some(m) = store.merchant(&code)? else {
        return Ok(StaffOutcome::staff(desk.t("staff-merchant-unknown", &[("code", &code)])));
    };
    let said = |key: &str| StaffOutcome::staff(desk.t(key, &[("code", &m.code), ("shop", &m.shop)]));
    if m.is_approved() {
        return Ok(said("staff-merchant-already-approved"));
    }
    if let Some(rule) = broken_rule(desk, &name_rules(&desk.app.catalog().i18n), &m) {
        let text = desk.t("staff-merchant-cannot-approve", &[("code", &m.code), ("rule", &rule)]);
        return Ok(StaffOutcome::staff(text));
    }
    let same = same_name(store, &m)?;
    if !same.is_empty() && !rest.eq_ignore_ascii_case(ANYWAY) {
        let list = same_name_list(desk, &same);
        let text = desk.t("staff-merchant-same-name-approve", &[("code", &m.code), ("shop", &m.shop), ("list", &list)]);
        return Ok(StaffOutcome::staff(text));
    }
    let review = Review::Approved { by: desk.staff.to_string(), at: desk.app.now() };
    let Some(m) = decide(store, &m.code, review)? else {
        return Ok(StaffOutcome::staff(desk.t("staff-merchant-unknown", &[("code", &code)])));
    };
    desk.app.committer().durable()?;
    Ok(StaffOutcome {
        staff_text: desk.t("staff-merchant-approved", &[("code", &m.code), ("shop", &m.shop)]),
        to_person: to_shop(desk, &m, "ui-merchant-approved", &[("shop", &m.shop)]),
        ..StaffOutcome::default()
    })
}
