//! `/start [CODE]`: a new case (the old ones are kept). A code from a deep link is a merchant's referral
//! (`m_…`: the shop goes on the case) or a join code (`c_…`: the person takes over the case a shop opened
//! for them).

use super::{Command, Heard, Run, Who};
use crate::engine::gate::{self, Clean};
use crate::engine::{Answer, Arg, Case, Input};
use crate::merchant::{JOIN_PREFIX, MERCHANT_PREFIX, pending_case};
use crate::session::{AppError, Reply, Turn};

pub const COMMAND: Command = Command {
    name: "start",
    aliases: &["new", "新案件"],
    who: Who::Person,
    help: "cmd-start",
    args: None,
    heard: Heard::Name,
    run: Run::Person(run),
};

fn run(mut turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    // Deep-link payloads are at most 64 of these characters; anything else is no code.
    let payload = Some(args.clone())
        .filter(|p| !p.is_empty() && p.as_str().len() <= 64)
        .filter(|p| p.as_str().chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-'));
    if let Some(join) = payload.as_ref().map(Clean::as_str).filter(|p| p.starts_with(JOIN_PREFIX))
        && let Some(c) = pending_case(turn.app().store(), join)?
    {
        return joined(turn, c);
    }
    let mut c = turn.fresh_case()?;
    if let Some(code) = payload.as_ref().map(Clean::as_str).filter(|p| p.starts_with(MERCHANT_PREFIX))
        && let Some(m) = turn.app().store().merchant(code)?
    {
        c.answers.insert("merchant_name".into(), Answer::Text(gate::admit(&m.shop).text));
        turn.say_first("ui-referred-by", vec![("shop", Arg::Text(m.shop))]);
    }
    c.referrer = payload;
    turn.step(c, Input::Resume)
}

/// The person takes over the case a shop opened for them; it becomes their current case.
fn joined(mut turn: Turn<'_>, mut c: Case) -> Result<Reply, AppError> {
    c.owner = turn.user.to_string();
    c.locale = turn.locale();
    c.focus = Some(turn.app().store().next_id()?);
    let shop = match c.answers.get("merchant_name") {
        Some(Answer::Text(s)) => s.to_string(),
        _ => String::new(),
    };
    turn.say_first("ui-joined-case", vec![("case_id", Arg::Text(c.id.clone())), ("shop", Arg::Text(shop))]);
    // The owner changed, so the case is saved whatever the step does.
    turn.step_new(c, Input::Resume)
}
