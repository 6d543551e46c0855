//! `/remind off`: no more follow-up messages for the current case. Bare `/remind` says how.

use super::{Command, Heard, Run, Who};
use crate::engine::Input;
use crate::engine::gate::Clean;
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "remind",
    aliases: &["提醒"],
    who: Who::Person,
    help: "cmd-remind",
    args: None,
    heard: Heard::NameAndArgs,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    let args = args.as_str();
    if matches!(args.trim().to_lowercase().as_str(), "off" | "关" | "關" | "关闭" | "關閉") {
        return turn.engine(Input::RemindOff);
    }
    Ok(turn.text_reply("ui-remind-usage", &[]))
}
