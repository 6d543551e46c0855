//! `/shops` (staff): shop registrations waiting for review, oldest first, each with what staff should know
//! before approving it (another shop with the same name; a name from before the rules that breaks them).
//! Also the notice staff get when a shop registers a name, and the helpers `/approve` and `/reject` share.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::merchant::name::NameRules;
use crate::merchant::{name_rules, pending, same_name};
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome};
use crate::store::Merchant;

pub const COMMAND: Command = Command {
    name: "shops",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-shops",
    args: None,
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

fn run(desk: &Desk<'_>, _args: &Clean) -> Result<StaffOutcome, AppError> {
    let waiting = pending(desk.app.store())?;
    if waiting.is_empty() {
        return Ok(StaffOutcome::staff(desk.t("staff-shops-empty", &[])));
    }
    let rules = name_rules(&desk.app.catalog().i18n);
    let mut lines = vec![desk.t("staff-shops-title", &[("count", &waiting.len().to_string())])];
    for m in &waiting {
        let since = desk.app.catalog().i18n.format_datetime(&desk.locale, m.created.naive_utc());
        lines.push(
            desk.t("staff-shops-line", &[("shop", &m.shop), ("code", &m.code), ("owner", &m.owner), ("since", &since)]),
        );
        lines.extend(warnings(desk, &rules, m)?.into_iter().map(|w| format!("  {w}")));
    }
    Ok(StaffOutcome::staff(lines.join("\n")))
}

/// What staff are told when a shop registers a name: who, which name, how to decide, and any warning.
pub(crate) fn notice(desk: &Desk<'_>, m: &Merchant) -> Result<String, AppError> {
    let terminals = crate::merchant::terminal_list(m);
    let mut text = desk.t(
        "staff-merchant-review",
        &[("shop", &m.shop), ("code", &m.code), ("owner", &m.owner), ("terminals", &terminals)],
    );
    for w in warnings(desk, &name_rules(&desk.app.catalog().i18n), m)? {
        text.push('\n');
        text.push_str(&w);
    }
    Ok(text)
}

/// Warnings about a registration: the rule its name breaks (records from before the rules), and other
/// registrations of the same name with where they stand.
fn warnings(desk: &Desk<'_>, rules: &NameRules, m: &Merchant) -> Result<Vec<String>, AppError> {
    let mut out = Vec::new();
    if let Some(rule) = broken_rule(desk, rules, m) {
        out.push(desk.t("staff-merchant-breaks-rules", &[("rule", &rule)]));
    }
    let same = same_name(desk.app.store(), m)?;
    if !same.is_empty() {
        out.push(desk.t("staff-merchant-same-name", &[("list", &same_name_list(desk, &same))]));
    }
    Ok(out)
}

/// The rule `m`'s name breaks, in the staff language; `None` when it keeps them all.
pub(super) fn broken_rule(desk: &Desk<'_>, rules: &NameRules, m: &Merchant) -> Option<String> {
    let problem = rules.check(&m.shop).err()?;
    let args = problem.args();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(desk.t(problem.key(), &args))
}

/// `m_… «Name» (approved), …`: other registrations of a name.
pub(super) fn same_name_list(desk: &Desk<'_>, same: &[Merchant]) -> String {
    same.iter()
        .map(|o| {
            let state = desk.t(&format!("staff-review-{}", o.review.state()), &[]);
            desk.t("staff-merchant-other", &[("code", &o.code), ("shop", &o.shop), ("state", &state)])
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits `/approve` and `/reject` arguments into the registration code (lower case, as codes are written)
/// and the rest.
pub(super) fn code_and_rest(args: &str) -> (String, String) {
    let (code, rest) = args.split_once(char::is_whitespace).map_or((args, ""), |(a, b)| (a, b.trim()));
    (code.to_lowercase(), rest.to_string())
}

/// A text for the shop `m`'s owner in the language they registered in.
pub(super) fn to_shop(desk: &Desk<'_>, m: &Merchant, key: &str, args: &[(&str, &str)]) -> Option<(String, String)> {
    let locale = m.locale.clone().unwrap_or_else(|| desk.app.locale_of(&m.owner, None));
    Some((m.owner.clone(), desk.app.catalog().i18n.raw(&locale, key, args)))
}
