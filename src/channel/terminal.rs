//! The terminal channel: one person at stdin/stdout, as readable text (buttons print as `[1] label`) or as
//! JSON lines for other front ends (`--jsonl`). Works with piped input, one answer per line; end of input
//! leaves the case saved. Files that go with a reply (a written application, a QR code) are written to the
//! session's files folder (`<data>/files` from the CLI) and their paths printed; erased records' files are
//! deleted from it (`/forget`, retention at the start of a session).

use crate::session::{App, AppError, Attachment, Incoming, OutMessage, Reply};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Text,
    Jsonl,
}

/// Settings of one terminal session.
pub struct Session<'a> {
    pub app: &'a App,
    pub user: String,
    pub lang: Option<String>,
    pub mode: Mode,
    /// Print a `> ` prompt (only when a person is typing).
    pub prompt: bool,
    /// Print each input line after `> ` (transcripts, piped demos).
    pub echo: bool,
    /// Where files that come with replies are written; `None` prints only their names.
    pub files: Option<PathBuf>,
}

#[derive(serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum JsonOut<'a> {
    Message {
        text: &'a str,
        buttons: &'a [crate::session::OutButton],
    },
    Await {
        node: &'a str,
        input: &'a str,
    },
    /// A file that came with the reply: written to `path` (absent when it could not be or no folder is set).
    File {
        name: &'a str,
        caption: &'a str,
        path: Option<String>,
    },
    Error {
        text: &'a str,
    },
}

/// Whether the reply waits for a typed answer rather than a choice.
fn typed(reply: &Reply) -> bool {
    reply.awaiting.as_ref().is_some_and(|a| !matches!(a.input, "choice" | "yesno"))
}

impl Session<'_> {
    fn write_reply(&self, out: &mut dyn Write, reply: &Reply) -> std::io::Result<()> {
        let mut from = 0;
        for a in &reply.attachments {
            let upto = a.after.clamp(from, reply.messages.len());
            self.write_messages(out, &reply.messages[from..upto], typed(reply))?;
            self.write_file(out, reply, a)?;
            from = upto;
        }
        self.write_messages(out, &reply.messages[from..], typed(reply))?;
        if !reply.forgotten.is_empty()
            && let Some(dir) = &self.files
        {
            forget_files(dir, &reply.forgotten);
        }
        if let (Mode::Jsonl, Some(a)) = (self.mode, &reply.awaiting) {
            writeln!(out, "{}", serde_json::to_string(&JsonOut::Await { node: &a.node, input: a.input })?)?;
        }
        out.flush()
    }

    /// Writes one attachment into the files folder and says where it is. A file that cannot be written is
    /// reported, and the conversation goes on: the letter's text is in the chat as well.
    fn write_file(&self, out: &mut dyn Write, reply: &Reply, a: &Attachment) -> std::io::Result<()> {
        let written = self.files.as_ref().and_then(|dir| {
            let path = dir.join(&a.file_name);
            let result = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, &a.bytes));
            match result {
                Ok(()) => Some(path.display().to_string()),
                Err(e) => {
                    tracing::error!(error = %e, file = %path.display(), "could not write a file for the person");
                    None
                }
            }
        });
        match self.mode {
            Mode::Text => {
                let shown = written.clone().unwrap_or_else(|| a.file_name.clone());
                let text = self.app.catalog().i18n.raw(&reply.locale, "ui-file-saved", &[("path", &shown)]);
                writeln!(out, "{text}\n")
            }
            Mode::Jsonl => {
                let line =
                    serde_json::to_string(&JsonOut::File { name: &a.file_name, caption: &a.caption, path: written })?;
                writeln!(out, "{line}")
            }
        }
    }

    /// `typed`: the question wants a typed answer (an amount, a date), so a number typed is that answer, not
    /// a button's: its buttons ("I don't know") are shown to be typed by their words.
    fn write_messages(&self, out: &mut dyn Write, messages: &[OutMessage], typed: bool) -> std::io::Result<()> {
        for m in messages {
            match self.mode {
                Mode::Text => {
                    writeln!(out, "{}", m.text)?;
                    for (i, b) in m.buttons.iter().enumerate() {
                        // A button that runs a command is typed as that command; the others by number.
                        if b.is_command() {
                            writeln!(out, "  {} — {}", b.id, b.label)?;
                        } else if typed {
                            writeln!(out, "  [{}]", b.label)?;
                        } else {
                            writeln!(out, "  [{}] {}", i + 1, b.label)?;
                        }
                    }
                    writeln!(out)?;
                }
                Mode::Jsonl => {
                    let line = serde_json::to_string(&JsonOut::Message { text: &m.text, buttons: &m.buttons })?;
                    writeln!(out, "{line}")?;
                }
            }
        }
        Ok(())
    }

    fn write_error(&self, out: &mut dyn Write, err: &AppError) -> std::io::Result<()> {
        // The person gets a short localized answer; the operator gets the cause on stderr (no user text in it).
        let locale = self.app.locale_of(&self.user, None);
        let text = self.app.catalog().i18n.raw(&locale, "ui-save-failed", &[]);
        tracing::error!(error = %err, "could not handle a message");
        match self.mode {
            Mode::Text => writeln!(out, "{text}\n")?,
            Mode::Jsonl => writeln!(out, "{}", serde_json::to_string(&JsonOut::Error { text: &text })?)?,
        }
        out.flush()
    }

    fn handle(&self, out: &mut dyn Write, incoming: Incoming) -> std::io::Result<()> {
        match self.app.handle(&self.user, self.lang.as_deref(), incoming) {
            Ok(r) => self.write_reply(out, &r),
            Err(e) => self.write_error(out, &e),
        }
    }

    /// Retention, as the bot does it in the background: cases past `[retention]` are erased (with their
    /// files) before the session starts. A failure is logged; the person can still talk.
    fn erase_expired(&self) {
        match self.app.run_retention(&self.app.retention()) {
            Ok(run) => {
                if let Some(dir) = &self.files {
                    forget_files(dir, &run.erased.file_stems());
                }
            }
            Err(e) => tracing::error!(error = %e, "retention could not erase expired cases"),
        }
    }

    /// Runs until end of input. Every answer is saved (and flushed) before its reply is printed.
    pub fn run(&self, input: &mut dyn BufRead, out: &mut dyn Write) -> std::io::Result<()> {
        if let Some(lang) = &self.lang
            && let Err(e) = self.app.set_locale(&self.user, lang)
        {
            self.write_error(out, &e)?;
        }
        self.erase_expired();
        // Follow-ups that came due while the person was away are shown first.
        // A follow-up already asks the question: then there is no need to show it again.
        let followed_up = match self.app.fire_due(|owner| owner == self.user) {
            Ok(due) => {
                for (_, reply) in &due {
                    self.write_reply(out, reply)?;
                }
                !due.is_empty()
            }
            Err(e) => {
                self.write_error(out, &e)?;
                false
            }
        };
        if !followed_up {
            self.handle(out, Incoming::Resume)?;
        }
        let interrupts = self.app.interrupt_ids();
        let mut buf = Vec::new();
        loop {
            if self.prompt {
                write!(out, "> ")?;
                out.flush()?;
            }
            buf.clear();
            // Read bytes, not a String: a line of invalid UTF-8 must not end the session.
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            let line = String::from_utf8_lossy(&buf);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                continue;
            }
            if self.echo && self.mode == Mode::Text {
                // Never echo a card number or a code, even back to the terminal it came from.
                writeln!(out, "> {}\n", crate::engine::gate::admit(line).text.for_record().long_runs_masked(8))?;
            }
            self.handle(out, Incoming::parse(line, &interrupts))?;
        }
        if self.mode == Mode::Text
            && let Ok(Some(c)) = self.app.current_case(&self.user)
        {
            let text = self.app.catalog().i18n.raw(&c.locale, "ui-saved-bye", &[("case_id", &c.id)]);
            writeln!(out, "{text}")?;
        }
        self.app.flush().map_err(std::io::Error::other)?;
        Ok(())
    }
}

/// Erased records' files go too: every file in `dir` whose name is one of `stems` then `-` or `.` (a case's
/// letters and QR code, a merchant's QR code). Also used by `swipefix retention run`.
pub fn forget_files(dir: &Path, cases: &[String]) {
    if cases.is_empty() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let theirs = cases.iter().any(|c| name.starts_with(&format!("{c}-")) || name.starts_with(&format!("{c}.")));
        if theirs && let Err(err) = std::fs::remove_file(e.path()) {
            tracing::error!(error = %err, file = %e.path().display(), "could not delete a forgotten case's file");
        }
    }
}
