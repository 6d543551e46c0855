//! Typed text into an `Incoming`: `/commands` of the table (by name or alias, for people and shops), the
//! flow's interrupts, anything else as text. The one parser of commands every channel uses.

use super::commands::{self, Who};
use super::incoming::Incoming;

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
