//! `/back`: the previous question again.

use super::{Command, Heard, Run, Who};
use crate::engine::Input;
use crate::engine::gate::Clean;
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "back",
    aliases: &["返回"],
    who: Who::Person,
    help: "cmd-back",
    args: None,
    heard: Heard::Name,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, _args: &Clean) -> Result<Reply, AppError> {
    turn.engine(Input::Back)
}
