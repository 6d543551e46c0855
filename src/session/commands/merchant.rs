//! `/merchant [shop; terminal ids]`: a shop registers (or renames itself) and gets its referral link and a
//! QR code of it for the till; bare `/merchant` shows them again, with where staff's review of the name
//! stands. A name that breaks a rule (`merchant::name`) is refused with the rule it broke; a new name goes to
//! staff for review (`Reply::staff_review`).

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::engine::input::clean_text;
use crate::merchant::name::NameProblem;
use crate::merchant::{link, name_rules, register};
use crate::session::{AppError, Reply, Turn, render};
use crate::store::{Merchant, Review};

pub const COMMAND: Command = Command {
    name: "merchant",
    aliases: &["shop", "商户", "商家"],
    who: Who::Merchant,
    help: "cmd-merchant",
    args: None,
    heard: Heard::Nothing,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    let args = args.as_str();
    if args.trim().is_empty() {
        return Ok(match super::registered_shop(&turn)? {
            Ok(m) => registered(&turn, &m),
            Err(how) => how,
        });
    }
    let (typed, terminals) = parse(args);
    if typed.trim().is_empty() {
        return Ok(turn.text_reply("ui-merchant-usage", &[]));
    }
    let shop = match name_rules(&turn.catalog().i18n).check(typed) {
        Ok(shop) => shop,
        Err(problem) => return Ok(refused(&turn, &problem)),
    };
    // The name was checked and normalized after the gate; the gate runs again on what is kept.
    let (shop, terminals) = (Clean::from(shop.as_str()), terminals.iter().map(|t| Clean::from(t.as_str())).collect());
    let (m, to_review) = register(turn.app().store(), turn.user, &shop, terminals, &turn.locale(), turn.now)?;
    turn.committer().durable()?;
    let mut reply = registered(&turn, &m);
    reply.staff_review = to_review.then(|| m.code.clone());
    Ok(reply)
}

/// The shop's link, QR code and terminals, and where staff's review of its name stands.
fn registered(turn: &Turn<'_>, m: &Merchant) -> Reply {
    let link = link(turn.app().bot_username(), &m.code);
    let terminals = crate::merchant::terminal_list(m);
    let text = turn.text("ui-merchant-registered", &[("shop", &m.shop), ("link", &link), ("terminals", &terminals)]);
    let review = match &m.review {
        Review::Pending => turn.text("ui-merchant-review-pending", &[]),
        Review::Approved { .. } => turn.text("ui-merchant-review-approved", &[]),
        Review::Rejected { reason, .. } => turn.text("ui-merchant-review-rejected", &[("reason", reason)]),
    };
    render::with_qr(
        turn.locale(),
        format!("{text}\n\n{review}"),
        &link,
        format!("swipefix-{}.png", m.code),
        m.shop.to_string(),
    )
}

/// The rule the name broke, in the person's language.
fn refused(turn: &Turn<'_>, problem: &NameProblem) -> Reply {
    let args = problem.args();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    turn.text_reply(problem.key(), &args)
}

/// `Shop name; T1, T2`: the name as typed (the rules judge it, line breaks included) and terminal ids (≤ 32
/// characters each), cleaned of control characters.
fn parse(args: &str) -> (&str, Vec<String>) {
    let (shop, terms) = args.split_once(';').unwrap_or((args, ""));
    let terminals = terms
        .split([',', ' '])
        .map(|t| clean_text(t).chars().take(32).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    (shop, terminals)
}
