//! What the session hands a channel after one message: texts with buttons, files, and what the channel must
//! do besides (delete a message holding card data, pass a message on to staff). Channel-neutral data.

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutButton {
    /// What comes back when it is pressed: an option id of the current question, or a command to run
    /// (starting with `/`, e.g. `/lang zh-CN`), which a channel sends back as if it had been typed.
    pub id: String,
    pub label: String,
}

impl OutButton {
    /// Whether pressing it runs a command rather than answering the current question.
    pub fn is_command(&self) -> bool {
        self.id.starts_with('/')
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutMessage {
    pub text: String,
    pub buttons: Vec<OutButton>,
}

impl OutMessage {
    pub fn text(text: String) -> OutMessage {
        OutMessage { text, buttons: vec![] }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Awaiting {
    pub node: String,
    pub input: &'static str,
}

/// What to show the person after one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub messages: Vec<OutMessage>,
    pub awaiting: Option<Awaiting>,
    /// The person's message held card data; delete it where the channel can.
    pub redact: bool,
    /// The person's messages before this one that were parts of a card number it completed: delete the
    /// last this-many of theirs too.
    pub redact_earlier: usize,
    /// The channel's ids of those earlier messages, where the case knows them (kept on its transcript).
    pub earlier_messages: Vec<i64>,
    /// Hand-off reasons raised in this turn (recorded on the case): the channel tells staff.
    pub handoffs: Vec<String>,
    /// The evidence files that go to staff with this turn's hand-off: each file once, with its first.
    pub staff_files: Vec<StaffFile>,
    pub case_id: Option<String>,
    pub locale: String,
    /// The update was handled before (a redelivery): nothing was done and nothing should be sent.
    pub duplicate: bool,
    /// A redelivered update whose reply may never have gone out (the process that applied it stopped): the
    /// current question again. The case did not change.
    pub resent: bool,
    /// Files to send with the reply: a merchant's QR code, a written application.
    pub attachments: Vec<Attachment>,
    /// `/forget yes` erased these records: a channel that kept files of them deletes every file whose name
    /// starts with one of these, then `-` or `.` (letters `<case id>-…`, QR codes `swipefix-<merchant>.png`).
    pub forgotten: Vec<String>,
    /// A pressed button belonged to an earlier question: nothing changed; the text says so (a channel may
    /// show it as a notice rather than a message).
    pub stale: bool,
    /// The case is with a staff member: this message goes to them (it is kept on the case too).
    pub relay: Option<Relay>,
    /// A shop registered a new name (its code): the channel posts `App::review_notice` to staff, who approve
    /// or reject it.
    pub staff_review: Option<String>,
}

impl Reply {
    /// A reply of one plain text.
    pub fn text(locale: String, text: String) -> Reply {
        Reply { messages: vec![OutMessage::text(text)], locale, ..Reply::default() }
    }
}

/// A person's message for the staff member who has their case, already in the staff language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relay {
    pub case_id: String,
    pub staff: String,
    /// The message as the person wrote it, through the gate (card data never gets this far).
    pub text: crate::engine::gate::Clean,
}

/// An evidence file to pass to staff: the channel's handle to it and its place among the case's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffFile {
    /// `photo` or `document`.
    pub kind: String,
    pub reference: String,
    /// 1-based, of `of` files the case holds.
    pub number: usize,
    pub of: usize,
}

/// A file that goes with a reply, made in memory: the channel sends it (Telegram) or writes it (terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub caption: String,
    pub kind: AttachmentKind,
    /// How many of the reply's messages come before it: a letter follows its text, not the next question.
    pub after: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachmentKind {
    /// Shown as a picture (a QR code PNG).
    Image,
    /// A file to keep or print (the written application, UTF-8 text).
    Document,
}
