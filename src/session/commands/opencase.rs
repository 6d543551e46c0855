//! `/opencase` (registered shops): opens a case for a customer the shop charged wrongly and returns a
//! one-time link (and QR code) that attaches the customer to it.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::merchant::{link, open_case};
use crate::session::{AppError, Reply, Turn, render};

pub const COMMAND: Command = Command {
    name: "opencase",
    aliases: &[],
    who: Who::Merchant,
    help: "cmd-opencase",
    args: None,
    heard: Heard::Nothing,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, _args: &Clean) -> Result<Reply, AppError> {
    let store = turn.app().store();
    let m = match super::registered_shop(&turn)? {
        Ok(m) => m,
        Err(how) => return Ok(how),
    };
    let (c, join) = open_case(store, &turn.catalog().flow, &m, &turn.locale(), turn.now)?;
    turn.committer().durable()?;
    let link = link(turn.app().bot_username(), &join);
    let text = turn.text("ui-merchant-case-opened", &[("case_id", &c.id), ("link", &link)]);
    Ok(render::with_qr(turn.locale(), text, &link, format!("{}.png", c.id), c.id.clone()))
}
