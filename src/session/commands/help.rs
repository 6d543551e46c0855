//! `/help`: what the bot can do — the commands of the table and the flow's interrupts, then the current
//! question again. In the staff chat it lists the staff commands (`Desk::run`).

use super::{Command, Heard, Run, Who};
use crate::engine::Input;
use crate::engine::gate::Clean;
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "help",
    aliases: &["帮助", "幫助", "說明"],
    who: Who::Person,
    help: "cmd-help",
    args: None,
    heard: Heard::Name,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, _args: &Clean) -> Result<Reply, AppError> {
    turn.engine(Input::Help)
}
