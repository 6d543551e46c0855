//! `/status`: where the case stands — status, step, the facts given, steps done, deadlines ahead.

use super::{Command, Heard, Run, Who};
use crate::engine::Input;
use crate::engine::gate::Clean;
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "status",
    aliases: &["进度", "進度"],
    who: Who::Person,
    help: "cmd-status",
    args: None,
    heard: Heard::Name,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, _args: &Clean) -> Result<Reply, AppError> {
    turn.engine(Input::Status)
}
