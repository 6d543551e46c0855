//! `/cases [ID]`: the person's own cases (id, status, date; newest first), and switching to one of them —
//! it becomes the current case and the conversation goes on where that case stands.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::engine::{Arg, Case, Input};
use crate::session::{AppError, OutButton, OutMessage, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "cases",
    aliases: &["案件"],
    who: Who::Person,
    help: "cmd-cases",
    args: None,
    heard: Heard::Name,
    run: Run::Person(run),
};

/// How many of the newest cases are listed (with a button each).
const LISTED: usize = 10;

fn run(turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    let args = args.as_str();
    let cases = turn.app().store().cases_of(turn.user)?;
    let wanted = args.trim().to_ascii_uppercase();
    if wanted.is_empty() {
        return Ok(list(&turn, &cases, None));
    }
    match cases.iter().position(|c| c.id == wanted) {
        Some(i) => switch(turn, cases.into_iter().nth(i).expect("found")),
        None => Ok(list(&turn, &cases, Some(&wanted))),
    }
}

/// Makes `c` the current case and shows where it stands.
fn switch(mut turn: Turn<'_>, mut c: Case) -> Result<Reply, AppError> {
    c.focus = Some(turn.app().store().next_id()?);
    turn.say_first("ui-cases-switched", vec![("case_id", Arg::Text(c.id.clone()))]);
    // The focus changed, so the case is saved whatever the step does.
    turn.step_new(c, Input::Resume)
}

/// The list, newest first, the current one marked, a button for each other one; `unknown` is an id the
/// person asked for that is not theirs.
fn list(turn: &Turn<'_>, cases: &[Case], unknown: Option<&str>) -> Reply {
    if cases.is_empty() {
        return turn.text_reply("ui-cases-none", &[]);
    }
    // The turn loaded the current case already.
    let current = turn.current.as_ref().map(|c| c.id.clone());
    let mut lines = Vec::new();
    let mut buttons = Vec::new();
    let locale = turn.locale();
    for c in cases.iter().rev().take(LISTED) {
        let status = turn.text(&format!("status-{}", c.status.as_str()), &[]);
        let date = turn.catalog().i18n.format_date(&locale, c.created.date_naive());
        let is_current = current.as_deref() == Some(c.id.as_str());
        let mark = if is_current { current_mark(&turn.text("ui-cases-current", &[])) } else { String::new() };
        lines.push(format!("• {} — {status} — {date}{mark}", c.id));
        if !is_current {
            buttons.push(OutButton { id: format!("/cases {}", c.id), label: format!("{} · {status}", c.id) });
        }
    }
    let mut messages = Vec::new();
    if let Some(id) = unknown {
        messages.push(OutMessage::text(turn.text("ui-cases-unknown", &[("case_id", id)])));
    }
    let mut text = turn.text("ui-cases", &[("count", &cases.len().to_string()), ("list", &lines.join("\n"))]);
    if !buttons.is_empty() {
        text = format!("{text}\n{}", turn.text("ui-cases-hint", &[]));
    }
    messages.push(OutMessage { text, buttons });
    Reply { messages, locale: turn.locale(), ..Reply::default() }
}

/// "(current)" after a space; a full-width "（当前）" brings its own.
fn current_mark(text: &str) -> String {
    if text.starts_with(|c: char| c.is_ascii()) { format!(" {text}") } else { text.to_string() }
}
