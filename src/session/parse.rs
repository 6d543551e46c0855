//! Outside text into an `Incoming`, through the gate first: `/commands` of the table (by name or alias, for
//! people and shops), the flow's interrupts, anything else as text; pressed buttons and files. The one
//! parser of commands every channel uses.

use super::commands::{self, Who};
use super::incoming::Incoming;
use crate::engine::FileInput;
use crate::engine::gate::{self, Gated};

/// The longest button id a channel passes on: option ids and Telegram's callback data are far shorter.
const MAX_BUTTON_CHARS: usize = 64;
/// File names are kept short: they end up in summaries.
const MAX_FILE_NAME_CHARS: usize = 200;

impl Incoming {
    /// Reads a typed line (a message or a caption) from a person: `/commands` of the table and the flow's
    /// interrupts become theirs, anything else is text.
    pub fn parse(text: &str, interrupts: &[String]) -> Incoming {
        let line = gate::admit(text);
        let Some((name, args)) = commands::split(line.text.as_str()) else { return Incoming::Text(line) };
        if let Some(c) = commands::find(&name, &[Who::Person, Who::Merchant]) {
            return Incoming::Command { name: c.name, args: args_of(&args, line) };
        }
        match interrupts.iter().find(|i| **i == name) {
            Some(i) => Incoming::Interrupt(i.clone()),
            None => Incoming::UnknownCommand(line),
        }
    }

    /// A button pressed with no knowledge of where it was shown (a terminal's JSON line, a test).
    pub fn button(id: &str) -> Incoming {
        Incoming::Button { id: gate::admit_capped(id, MAX_BUTTON_CHARS).text, asked: None }
    }

    /// A button pressed on the question `asked` was shown with.
    pub fn button_on(id: &str, asked: super::Asked) -> Incoming {
        Incoming::Button { id: gate::admit_capped(id, MAX_BUTTON_CHARS).text, asked: Some(asked) }
    }

    /// The command `name` of the table with `args`; `name` must be in the table.
    pub fn command(name: &str, args: &str) -> Incoming {
        let c = commands::find(name, &[Who::Person, Who::Merchant]).expect("a command of the table");
        Incoming::parse(&format!("/{} {args}", c.name), &[])
    }

    /// A photo or document: the channel's handles to it, and its caption and file name through the gate.
    pub fn file(kind: &str, reference: &str, fingerprint: &str, caption: Option<&str>, name: Option<&str>) -> Incoming {
        Incoming::File(FileInput {
            kind: kind.to_string(),
            reference: reference.to_string(),
            fingerprint: fingerprint.to_string(),
            caption: caption.map(gate::admit),
            file_name: name.map(|n| gate::admit_capped(n, MAX_FILE_NAME_CHARS)),
        })
    }
}

/// A command's arguments: their cleaned text, with what the gate found in the whole line (a card number in
/// the arguments is found, and the message deleted, like one in a plain message).
fn args_of(args: &str, line: Gated) -> Gated {
    let Gated { text, found } = gate::admit(args);
    Gated { text, found: gate::Found { card: line.found.card, secret: line.found.secret, ..found } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_aliases_and_interrupts_are_told_apart() {
        let ids = vec!["scam".to_string()];
        assert_eq!(Incoming::parse("/start m_abc", &ids), Incoming::command("start", "m_abc"));
        assert_eq!(Incoming::parse("/New@swipefix_bot", &ids), Incoming::command("start", ""));
        assert_eq!(Incoming::parse("/帮助", &ids), Incoming::command("help", ""));
        assert_eq!(Incoming::parse("/scam", &ids), Incoming::Interrupt("scam".into()));
        assert!(matches!(Incoming::parse("/frobnicate", &ids), Incoming::UnknownCommand(_)));
        let queue = Incoming::parse("/queue", &ids);
        assert!(matches!(queue, Incoming::UnknownCommand(_)), "staff commands are not a person's");
        assert!(Incoming::parse("/reply SF-1 4111 1111 1111 1111", &ids).sensitive());
        assert!(matches!(Incoming::parse("  hello", &ids), Incoming::Text(g) if g.text.as_str() == "hello"));
    }
}
