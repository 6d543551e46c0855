//! `/mycases` (registered shops): the cases of the shop's customers by id, status and date — never their
//! personal data.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::merchant::referred;
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "mycases",
    aliases: &[],
    who: Who::Merchant,
    help: "cmd-mycases",
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
    let cases = referred(store, &m)?;
    let list = cases
        .iter()
        .map(|(id, status, created)| {
            let status = turn.text(&format!("status-{}", status.as_str()), &[]);
            format!("• {id} — {status} — {}", created.format("%Y-%m-%d"))
        })
        .collect::<Vec<_>>()
        .join("\n");
    Ok(turn.text_reply("ui-merchant-cases", &[("shop", &m.shop), ("count", &cases.len().to_string()), ("list", &list)]))
}
