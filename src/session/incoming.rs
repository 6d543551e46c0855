//! What a person sent. Channels build an `Incoming` (typed text through `Incoming::parse`, which tells
//! commands apart with the command table, a pressed button, a file) and hand it to the session. Every string
//! in it has passed the gate (`engine::gate`): the constructors in `parse` are the only way to make one from
//! outside text, and the fields' types (`Gated`, `Clean`) say so.

use crate::engine::FileInput;
use crate::engine::gate::{Clean, Gated};

#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Show where the case stands (first contact of a session).
    Resume,
    Text(Gated),
    /// A pressed button: the option id, and which question it was shown with when the channel knows (a
    /// button from an older question is answered "that belongs to an earlier question" and changes nothing).
    Button {
        id: Clean,
        asked: Option<Asked>,
    },
    /// A photo or document.
    File(FileInput),
    /// A sticker, voice message, location...: something the bot cannot read.
    Unsupported,
    /// A command of the table (by its name), with the text that followed it.
    Command {
        name: &'static str,
        /// What followed the name, with what the gate found in the whole line.
        args: Gated,
    },
    /// A global interrupt of the flow (`/scam`, `/human`).
    Interrupt(String),
    /// A `/word` that is no command of the person's (a staff command in the staff chat, a typo): the line
    /// is kept for what the gate found in it.
    UnknownCommand(Gated),
}

/// The question a button was shown with: the case and a tag of its node (`question_tag`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub case_id: String,
    pub tag: u32,
}

impl Incoming {
    /// What the gate found that must not stay in the chat (a card number, an offered code): the channel
    /// deletes the message where it can.
    pub fn sensitive(&self) -> bool {
        match self {
            Incoming::Text(g) | Incoming::Command { args: g, .. } | Incoming::UnknownCommand(g) => g.found.sensitive(),
            Incoming::File(f) => f.caption.iter().chain(&f.file_name).any(|g| g.found.sensitive()),
            _ => false,
        }
    }
}

/// A short, stable tag of a node id that a button can carry (FNV-1a: the same across restarts and builds,
/// unlike std's hasher).
pub fn question_tag(node: &str) -> u32 {
    node.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}
