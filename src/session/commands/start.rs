//! `/start [CODE]`: a new case (the old ones are kept). A code from a deep link is a merchant's referral
//! (`m_…`: the shop goes on the case) or a join code (`c_…`: the person takes over the case a shop opened
//! for them). A shop's name is told to the customer only once staff approved it, and always as what the shop
//! registered as, never in the bot's own words.

use super::{Command, Heard, Run, Who};
use crate::engine::gate::Clean;
use crate::engine::{Answer, Arg, Case, Input, Role};
use crate::merchant::{JOIN_PREFIX, MERCHANT_PREFIX, pending_case, referrer_of, vetted_name};
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
        // A shop sends its customers: whoever comes by its link paid with their card, so that is not asked.
        c.role = Some(Role::Cardholder);
        match vetted_name(&m) {
            Some(shop) => {
                c.answers.insert("merchant_name".into(), Answer::Text(shop.into()));
                turn.say_first("ui-referred-by", vec![("shop", Arg::Text(shop.to_string()))]);
            }
            None => turn.say_first("ui-referred-unvetted", vec![]),
        }
    }
    c.referrer = payload;
    turn.step(c, Input::Resume)
}

/// The person takes over the case a shop opened for them; it becomes their current case, whatever other
/// cases they have (its `focus` is the newest number the store handed out).
fn joined(mut turn: Turn<'_>, mut c: Case) -> Result<Reply, AppError> {
    c.owner = turn.user.to_string();
    c.locale = turn.locale();
    // The shop opened it for the customer it charged: their role and the shop are known, never asked again.
    c.role = Some(Role::Cardholder);
    c.focus = Some(turn.app().store().next_id()?);
    let shop = referrer_of(turn.app().store(), &c)?;
    let case_id = Arg::Text(c.id.clone());
    match shop.as_ref().and_then(vetted_name) {
        Some(shop) => {
            c.answers.insert("merchant_name".into(), Answer::Text(shop.into()));
            turn.say_first("ui-joined-case", vec![("case_id", case_id), ("shop", Arg::Text(shop.to_string()))]);
        }
        None => turn.say_first("ui-joined-case-unvetted", vec![("case_id", case_id)]),
    }
    // The owner changed, so the case is saved whatever the step does.
    turn.step_new(c, Input::Resume)
}
