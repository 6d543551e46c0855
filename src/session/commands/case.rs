//! `/case ID` (staff): the hand-off summary, the person's recent messages (masked) and the notes.

use super::{Command, Heard, Run, Who};
use crate::engine::Case;
use crate::engine::gate::Clean;
use crate::session::AppError;
use crate::session::desk::{Desk, StaffOutcome, case_and_rest};

pub const COMMAND: Command = Command {
    name: "case",
    aliases: &[],
    who: Who::Staff,
    help: "cmd-case",
    args: Some("cmd-case-args"),
    heard: Heard::Nothing,
    run: Run::Staff(run),
};

/// How many of the newest transcript lines and notes are shown.
const SHOWN: usize = 10;

fn run(desk: &Desk<'_>, args: &Clean) -> Result<StaffOutcome, AppError> {
    let args = args.as_str();
    let (id, _) = case_and_rest(args);
    if id.is_empty() {
        return Ok(super::usage(desk));
    }
    let Some(c) = desk.view(&id)? else { return Ok(desk.unknown(&id)) };
    let mut text = crate::report::handoff_summary(desk.app.catalog(), &c, &desk.locale);
    transcript(desk, &c, &mut text);
    notes(desk, &c, &mut text);
    Ok(StaffOutcome::staff(text))
}

fn transcript(desk: &Desk<'_>, c: &Case, text: &mut String) {
    if c.transcript.is_empty() {
        return;
    }
    text.push_str(&format!("\n\n{}", desk.t("staff-transcript-title", &[])));
    for l in c.transcript.iter().rev().take(SHOWN).rev() {
        text.push_str(&format!("\n› {} {} (→ {})", l.at.format("%m-%d %H:%M"), l.text, l.node));
    }
}

fn notes(desk: &Desk<'_>, c: &Case, text: &mut String) {
    if c.notes.is_empty() {
        return;
    }
    text.push_str(&format!("\n\n{}", desk.t("staff-notes-title", &[])));
    for n in c.notes.iter().rev().take(SHOWN).rev() {
        let mark = if n.sent { "→" } else { "✎" };
        text.push_str(&format!("\n{mark} {} ({}): {}", n.at.format("%Y-%m-%d %H:%M"), n.by, n.text));
    }
}
