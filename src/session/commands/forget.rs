//! `/forget`, then `/forget yes`: erases every record of the person through `App::erase_person` (keys first,
//! then cases, follow-ups, indexes, merchant registration). The channel deletes files it kept of those
//! records (`Reply::forgotten`).

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "forget",
    aliases: &["删除", "刪除"],
    who: Who::Person,
    help: "cmd-forget",
    args: None,
    heard: Heard::Nothing,
    run: Run::Person(run),
};

/// The words that confirm.
const YES: &[&str] = &["yes", "y", "是", "确认", "確認"];

fn run(turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    let args = args.as_str();
    let confirm = YES.contains(&args.trim().to_lowercase().as_str());
    let count = turn.app().store().cases_of(turn.user)?.len().to_string();
    if !confirm {
        return Ok(turn.text_reply("ui-forget-confirm", &[("count", &count)]));
    }
    // Durable before the answer: told "deleted" only once it is on disk.
    let erased = turn.app().erase_person(turn.user)?;
    let mut reply = turn.text_reply("ui-forgotten", &[("count", &count)]);
    reply.forgotten = erased.file_stems();
    Ok(reply)
}
