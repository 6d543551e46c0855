//! The terminal channel: one person at stdin/stdout, as readable text (buttons print as `[1] label`) or as
//! JSON lines for other front ends (`--jsonl`). Works with piped input, one answer per line; end of input
//! leaves the case saved.

use crate::app::{App, AppError, Incoming, Reply};
use std::io::{BufRead, Write};

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
}

#[derive(serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum JsonOut<'a> {
    Message { text: &'a str, buttons: &'a [crate::app::OutButton] },
    Await { node: &'a str, input: &'a str },
    Error { text: &'a str },
}

impl Session<'_> {
    fn write_reply(&self, out: &mut dyn Write, reply: &Reply) -> std::io::Result<()> {
        for m in &reply.messages {
            match self.mode {
                Mode::Text => {
                    writeln!(out, "{}", m.text)?;
                    for (i, b) in m.buttons.iter().enumerate() {
                        writeln!(out, "  [{}] {}", i + 1, b.label)?;
                    }
                    writeln!(out)?;
                }
                Mode::Jsonl => {
                    let line = serde_json::to_string(&JsonOut::Message { text: &m.text, buttons: &m.buttons })?;
                    writeln!(out, "{line}")?;
                }
            }
        }
        if let (Mode::Jsonl, Some(a)) = (self.mode, &reply.awaiting) {
            writeln!(out, "{}", serde_json::to_string(&JsonOut::Await { node: &a.node, input: a.input })?)?;
        }
        out.flush()
    }

    fn write_error(&self, out: &mut dyn Write, err: &AppError) -> std::io::Result<()> {
        // The person gets a short localized answer; the operator gets the cause on stderr (no user text in it).
        let locale = self
            .app
            .current_case(&self.user)
            .ok()
            .flatten()
            .map_or_else(|| crate::i18n::DEFAULT_LOCALE.to_string(), |c| c.locale);
        let text = self.app.catalog.i18n.raw(&locale, "ui-save-failed", &[]);
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

    /// Runs until end of input. Every answer is saved (and flushed) before its reply is printed.
    pub fn run(&self, input: &mut dyn BufRead, out: &mut dyn Write) -> std::io::Result<()> {
        if let Some(lang) = &self.lang
            && let Err(e) = self.app.set_locale(&self.user, lang)
        {
            self.write_error(out, &e)?;
        }
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
                writeln!(out, "> {}\n", crate::engine::input::mask_sensitive(line))?;
            }
            self.handle(out, Incoming::parse(line, &interrupts))?;
        }
        if self.mode == Mode::Text
            && let Ok(Some(c)) = self.app.current_case(&self.user)
        {
            let text = self.app.catalog.i18n.raw(&c.locale, "ui-saved-bye", &[("case_id", &c.id)]);
            writeln!(out, "{text}")?;
        }
        self.app.store.flush().map_err(std::io::Error::other)?;
        Ok(())
    }
}
