//! `/merchant [shop; terminal ids]`: a shop registers (or renames itself) and gets its referral link and a
//! QR code of it for the till; bare `/merchant` shows them again.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::engine::input::clean_text;
use crate::merchant::{link, register};
use crate::session::{AppError, Reply, Turn, render};

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
    let store = turn.app().store();
    let m = if args.trim().is_empty() {
        match super::registered_shop(&turn)? {
            Ok(m) => m,
            Err(how) => return Ok(how),
        }
    } else {
        let (shop, terminals) = parse(args);
        if shop.is_empty() {
            return Ok(turn.text_reply("ui-merchant-usage", &[]));
        }
        let m = register(store, turn.user, &shop, terminals, turn.now)?;
        turn.committer().durable()?;
        m
    };
    let link = link(turn.app().bot_username(), &m.code);
    let terminals = if m.terminals.is_empty() { "—".to_string() } else { m.terminals.join(", ") };
    let text = turn.text("ui-merchant-registered", &[("shop", &m.shop), ("link", &link), ("terminals", &terminals)]);
    Ok(render::with_qr(turn.locale(), text, &link, format!("swipefix-{}.png", m.code), m.shop.clone()))
}

/// `Shop name; T1, T2`: the name (≤ 100 characters) and terminal ids (≤ 32 each), cleaned of control
/// characters.
fn parse(args: &str) -> (String, Vec<String>) {
    let (shop, terms) = args.split_once(';').unwrap_or((args, ""));
    let shop = clean_text(shop).chars().take(100).collect::<String>();
    let terminals = terms
        .split([',', ' '])
        .map(|t| clean_text(t).chars().take(32).collect::<String>())
        .filter(|t| !t.is_empty())
        .collect();
    (shop, terminals)
}
