//! What a person sent, told apart from commands with the one command table. Channels build an `Incoming`
//! (typed text through `Incoming::parse`, a pressed button, a file) and hand it to the session.

use super::commands::{self, Who};
use crate::engine::FileInput;

#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Show where the case stands (first contact of a session).
    Resume,
    Text(String),
    /// A pressed button: the option id, and which question it was shown with when the channel knows (a
    /// button from an older question is answered "that belongs to an earlier question" and changes nothing).
    Button {
        id: String,
        asked: Option<Asked>,
    },
    /// A photo or document.
    File(FileInput),
    /// A sticker, voice message, location...: something the bot cannot read.
    Unsupported,
    /// A command of the table (by its name), with the text that followed it.
    Command {
        name: &'static str,
        args: String,
    },
    /// A global interrupt of the flow (`/scam`, `/human`).
    Interrupt(String),
    UnknownCommand,
}

/// The question a button was shown with: the case and a tag of its node (`question_tag`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub case_id: String,
    pub tag: u32,
}

/// A short, stable tag of a node id that a button can carry (FNV-1a: the same across restarts and builds,
/// unlike std's hasher).
pub fn question_tag(node: &str) -> u32 {
    node.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

impl Incoming {
    /// Reads a typed line from a person: `/commands` of the table and the flow's interrupts become theirs,
    /// anything else is text.
    pub fn parse(text: &str, interrupts: &[String]) -> Incoming {
        let Some((name, args)) = commands::split(text) else { return Incoming::Text(text.to_string()) };
        if let Some(c) = commands::find(&name, &[Who::Person, Who::Merchant]) {
            return Incoming::Command { name: c.name, args };
        }
        match interrupts.iter().find(|i| **i == name) {
            Some(i) => Incoming::Interrupt(i.clone()),
            None => Incoming::UnknownCommand,
        }
    }

    /// A button pressed with no knowledge of where it was shown (a terminal's JSON line, a test).
    pub fn button(id: &str) -> Incoming {
        Incoming::Button { id: id.to_string(), asked: None }
    }

    /// The command `name` of the table with `args`; `name` must be in the table.
    pub fn command(name: &str, args: &str) -> Incoming {
        let c = commands::find(name, &[Who::Person, Who::Merchant]).expect("a command of the table");
        Incoming::Command { name: c.name, args: args.trim().to_string() }
    }
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
        assert_eq!(Incoming::parse("/frobnicate", &ids), Incoming::UnknownCommand);
        assert_eq!(Incoming::parse("/queue", &ids), Incoming::UnknownCommand, "staff commands are not a person's");
        assert_eq!(Incoming::parse("  hello", &ids), Incoming::Text("  hello".into()));
    }
}
