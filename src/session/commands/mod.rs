//! The command table: every `/command` the bot knows, one row each — its name, other names people type
//! (localized ones too), who may use it, its help text and what runs it. Parsing, the reserved names `flow
//! check` enforces, the Telegram menus and `/help` all read this table. One file per command: adding one is
//! a file, a row here and its texts (`cmd-<name>` and what it says) in every locale.

mod approve;
mod assign;
mod back;
mod case;
mod cases;
mod close;
mod console;
mod forget;
mod help;
pub(crate) mod lang;
mod merchant;
mod mycases;
mod note;
mod opencase;
mod queue;
mod reject;
mod remind;
mod reply;
pub(super) mod shops;
mod start;
mod status;
mod take;

use super::AppError;
pub use super::audience::Who;
use super::desk::{Desk, StaffOutcome, case_and_rest};
use super::render::MenuRow;
use super::reply::Reply;
use super::turn::Turn;
use crate::catalog::Catalog;
use crate::engine::Case;
use crate::engine::gate::{self, Clean};
use crate::store::Merchant;
pub use close::OUTCOMES as CLOSE_OUTCOMES;

/// What the transcript of a case keeps of a command (never its arguments where they may be personal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heard {
    Name,
    /// `/remind off`: the arguments are a fixed word.
    NameAndArgs,
    Nothing,
}

/// What runs a command.
#[derive(Clone, Copy)]
pub enum Run {
    /// A person's command, within their turn; the arguments are what followed the name.
    Person(fn(Turn<'_>, &Clean) -> Result<Reply, AppError>),
    /// A staff command at the desk.
    Staff(fn(&Desk<'_>, &Clean) -> Result<StaffOutcome, AppError>),
}

pub struct Command {
    pub name: &'static str,
    /// Other names for it, lower case; Telegram's menu shows only `name`, people may type any.
    pub aliases: &'static [&'static str],
    pub who: Who,
    /// Its line in `/help` and the Telegram menu: `cmd-<name>`, in every locale.
    pub help: &'static str,
    /// How its arguments are written, in `/help` (`cmd-<name>-args`: "ID text"), for commands that take some.
    pub args: Option<&'static str>,
    pub heard: Heard,
    pub run: Run,
}

/// The table, in the order menus and `/help` list it.
pub const TABLE: &[&Command] = &[
    &start::COMMAND,
    &status::COMMAND,
    &back::COMMAND,
    &cases::COMMAND,
    &lang::COMMAND,
    &help::COMMAND,
    &remind::COMMAND,
    &forget::COMMAND,
    &merchant::COMMAND,
    &opencase::COMMAND,
    &mycases::COMMAND,
    &queue::COMMAND,
    &case::COMMAND,
    &take::COMMAND,
    &assign::COMMAND,
    &reply::COMMAND,
    &note::COMMAND,
    &close::COMMAND,
    &shops::COMMAND,
    &approve::COMMAND,
    &reject::COMMAND,
    &console::COMMAND,
];

/// Splits `/name rest` into the lower-cased name (without Telegram's `@botname` in groups) and the rest;
/// `None` when the text is no command.
pub fn split(text: &str) -> Option<(String, String)> {
    let cmd = text.trim().strip_prefix('/')?;
    let (name, rest) = cmd.split_once(char::is_whitespace).unwrap_or((cmd, ""));
    let name = name.split('@').next().unwrap_or(name).to_lowercase();
    Some((name, rest.trim().to_string()))
}

/// The command called `name` (or one of its aliases) that one of `who` may use.
pub fn find(name: &str, who: &[Who]) -> Option<&'static Command> {
    TABLE.iter().copied().find(|c| who.contains(&c.who) && (c.name == name || c.aliases.contains(&name)))
}

/// The command named `name` exactly.
pub fn named(name: &str) -> Option<&'static Command> {
    TABLE.iter().copied().find(|c| c.name == name)
}

/// Every name and alias: a flow's interrupt may not take one (`flow check` says so, with file and line).
pub fn reserved_names() -> Vec<&'static str> {
    TABLE.iter().flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied())).collect()
}

/// The help text keys of the table: every locale must have them.
pub fn help_keys() -> Vec<&'static str> {
    TABLE.iter().flat_map(|c| std::iter::once(c.help).chain(c.args)).collect()
}

/// The table as menus and help show it.
pub fn rows() -> Vec<MenuRow> {
    TABLE.iter().map(|c| MenuRow { name: c.name, help: c.help, args: c.args, who: c.who }).collect()
}

/// The staff commands and how to use them: what a staff member gets for `/help` or a malformed command.
pub fn usage(desk: &Desk<'_>) -> StaffOutcome {
    StaffOutcome::staff(staff_help(desk.app.catalog(), &desk.locale))
}

fn staff_help(catalog: &Catalog, locale: &str) -> String {
    super::render::help(catalog, &rows(), locale, Who::Staff)
}

/// Adds a note by this staff member to case `args`' id with the rest of `args` as its text (`sent`: an
/// answer the person gets). `Err` is the answer to staff when there is no such case or no text.
fn add_note(desk: &Desk<'_>, args: &str, sent: bool) -> Result<Result<(Case, Clean), StaffOutcome>, AppError> {
    let (id, text) = case_and_rest(args);
    if id.is_empty() || text.is_empty() {
        return Ok(Err(usage(desk)));
    }
    let text = gate::admit(&text).text;
    let note = crate::engine::Note { by: desk.staff.to_string(), at: desk.app.now(), text: text.clone(), sent };
    let action = if sent { "reply" } else { "note" };
    Ok(match desk.act(&id, action, None, |c| c.notes.push(note.clone()))? {
        Some(c) => Ok((c, text)),
        None => Err(desk.unknown(&id)),
    })
}

/// The shop `turn`'s person registered; `Err` is the answer for someone who has none (how to register).
fn registered_shop(turn: &Turn<'_>) -> Result<Result<Merchant, Reply>, AppError> {
    Ok(turn.app().store().merchant_of(turn.user)?.ok_or_else(|| turn.text_reply("ui-merchant-usage", &[])))
}

/// The rows for one audience, in table order.
pub fn of(who: Who) -> impl Iterator<Item = &'static Command> {
    TABLE.iter().copied().filter(move |c| c.who == who)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_lower_case_and_fit_telegram() {
        let names = reserved_names();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "a name or alias is used twice");
        for c in TABLE {
            // Telegram's menu takes 1-32 of a-z, 0-9 and _.
            assert!(c.name.len() <= 32 && c.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", c.name);
            assert_eq!(c.help, format!("cmd-{}", c.name));
            assert!(c.args.is_none_or(|a| a == format!("cmd-{}-args", c.name)), "{}", c.name);
            assert!(c.aliases.iter().all(|a| a.to_lowercase() == *a), "{}", c.name);
        }
    }
}
