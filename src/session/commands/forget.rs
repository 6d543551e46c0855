//! `/forget`, then `/forget yes`: deletes every record of the person (cases, merchant registration). The
//! channel deletes files it kept of those cases (`Reply::forgotten`).

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
    let store = turn.app().store();
    let cases = store.cases_of(turn.user)?;
    let count = cases.len().to_string();
    if !confirm {
        return Ok(turn.text_reply("ui-forget-confirm", &[("count", &count)]));
    }
    store.delete_user(turn.user)?;
    // Through the group flush like every other change: told "deleted" only once it is on disk.
    turn.committer().durable()?;
    let mut reply = turn.text_reply("ui-forgotten", &[("count", &count)]);
    reply.forgotten = cases.into_iter().map(|c| c.id).collect();
    Ok(reply)
}
