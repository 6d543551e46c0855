//! The support desk: what staff do with cases, whatever the channel — list the open hand-offs, read a case,
//! take it, reply to the person, note, close. Each operation loads the case, changes it, saves it with its
//! version (retrying on a conflict) and returns texts: one for staff, maybe one for the person.
//! Who counts as staff is the channel's check (settings), made before any of this runs.

use crate::app::App;
use crate::engine::{Case, Note, Status};
use crate::store::StoreError;

/// The outcomes staff can close a case with.
pub const OUTCOMES: &[&str] = &["resolved", "refunded", "rejected", "police", "other"];

/// A staff command, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Queue,
    Case(String),
    Take(String),
    Reply(String, String),
    Note(String, String),
    Close(String, String, Option<String>),
    Usage,
}

impl Command {
    /// Reads `/queue`, `/case ID`, `/take ID`, `/reply ID text`, `/note ID text`, `/close ID outcome [note]`.
    /// `None` when the text is no staff command at all.
    pub fn parse(text: &str) -> Option<Command> {
        let t = text.trim().strip_prefix('/')?;
        let (name, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
        let name = name.split('@').next().unwrap_or(name).to_ascii_lowercase();
        let rest = rest.trim();
        let (id, tail) = rest.split_once(char::is_whitespace).map_or((rest, ""), |(a, b)| (a, b.trim()));
        let id = id.to_ascii_uppercase();
        Some(match (name.as_str(), id.is_empty(), tail.is_empty()) {
            ("queue", _, _) => Command::Queue,
            ("case", false, _) => Command::Case(id),
            ("take", false, _) => Command::Take(id),
            ("reply", false, false) => Command::Reply(id, tail.to_string()),
            ("note", false, false) => Command::Note(id, tail.to_string()),
            ("close", false, false) => {
                let (outcome, note) =
                    tail.split_once(char::is_whitespace).map_or((tail, None), |(o, n)| (o, Some(n.trim().to_string())));
                Command::Close(id, outcome.to_ascii_lowercase(), note)
            }
            ("case" | "take" | "reply" | "note" | "close", _, _) => Command::Usage,
            _ => return None,
        })
    }
}

/// What a staff command produced.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// For the staff chat.
    pub staff_text: String,
    /// For the person: their id (`tg:…`) and the text in their language.
    pub to_person: Option<(String, String)>,
}

pub struct Desk<'a> {
    pub app: &'a App,
    /// The staff language.
    pub locale: String,
}

impl Desk<'_> {
    fn t(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.app.catalog.i18n.raw(&self.locale, key, args)
    }

    /// Loads, changes and saves a case, retrying on a conflict with a fresh copy.
    fn update(&self, id: &str, change: impl Fn(&mut Case)) -> Result<Option<Case>, StoreError> {
        for _ in 0..5 {
            let Some(mut c) = self.app.store.load(id)? else { return Ok(None) };
            change(&mut c);
            c.updated = self.app.clock.now();
            match self.app.store.save(&c) {
                Ok(v) => {
                    c.version = v;
                    self.app.store.flush()?;
                    return Ok(Some(c));
                }
                Err(StoreError::Conflict { .. }) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(StoreError::Backend(format!("case {id} kept changing; try again")))
    }

    /// Cases waiting for staff, oldest hand-off first.
    pub fn queue(&self) -> Result<Vec<Case>, StoreError> {
        let mut open: Vec<Case> = self
            .app
            .store
            .list()?
            .into_iter()
            .filter(|c| c.status == Status::HandedOff && !c.handoffs.is_empty())
            .collect();
        open.sort_by_key(|c| c.handoffs.last().map(|h| h.at));
        Ok(open)
    }

    pub fn run(&self, staff: &str, cmd: Command) -> Result<Outcome, StoreError> {
        let unknown =
            |id: &str| Outcome { staff_text: self.t("staff-unknown-case", &[("case_id", id)]), to_person: None };
        let now = self.app.clock.now();
        Ok(match cmd {
            Command::Usage => Outcome { staff_text: self.t("staff-usage", &[]), to_person: None },
            Command::Queue => {
                let q = self.queue()?;
                if q.is_empty() {
                    return Ok(Outcome { staff_text: self.t("staff-queue-empty", &[]), to_person: None });
                }
                let i18n = &self.app.catalog.i18n;
                let lines: Vec<String> = q
                    .iter()
                    .map(|c| {
                        let h = c.handoffs.last().expect("filtered");
                        let reason = self.t(&format!("staff-reason-{}", h.reason), &[]);
                        let since = i18n.format_datetime(&self.locale, h.at.naive_utc());
                        let who = c.assignee.clone().unwrap_or_else(|| self.t("staff-unassigned", &[]));
                        format!("• {} — {reason} — {since} UTC — {who}", c.id)
                    })
                    .collect();
                Outcome {
                    staff_text: format!(
                        "{}\n{}",
                        self.t("staff-queue-title", &[("count", &q.len().to_string())]),
                        lines.join("\n")
                    ),
                    to_person: None,
                }
            }
            Command::Case(id) => match self.app.store.load(&id)? {
                None => unknown(&id),
                Some(c) => {
                    let mut text = crate::report::handoff_summary(&self.app.catalog, &c, &self.locale);
                    if !c.transcript.is_empty() {
                        text.push_str(&format!("\n\n{}", self.t("staff-transcript-title", &[])));
                        for l in c.transcript.iter().rev().take(10).rev() {
                            text.push_str(&format!("\n› {} {} (→ {})", l.at.format("%m-%d %H:%M"), l.text, l.node));
                        }
                    }
                    if !c.notes.is_empty() {
                        text.push_str(&format!("\n\n{}", self.t("staff-notes-title", &[])));
                        for n in c.notes.iter().rev().take(10).rev() {
                            let mark = if n.sent { "→" } else { "✎" };
                            text.push_str(&format!(
                                "\n{mark} {} ({}): {}",
                                n.at.format("%Y-%m-%d %H:%M"),
                                n.by,
                                n.text
                            ));
                        }
                    }
                    Outcome { staff_text: text, to_person: None }
                }
            },
            Command::Take(id) => match self.update(&id, |c| c.assignee = Some(staff.to_string()))? {
                None => unknown(&id),
                Some(c) => Outcome {
                    staff_text: self.t("staff-taken", &[("case_id", &c.id), ("staff", staff)]),
                    to_person: Some((c.owner.clone(), self.app.catalog.i18n.raw(&c.locale, "ui-staff-taken", &[]))),
                },
            },
            Command::Reply(id, text) => {
                let text = crate::engine::input::clean_text(&text);
                let note = Note { by: staff.to_string(), at: now, text: text.clone(), sent: true };
                match self.update(&id, |c| c.notes.push(note.clone()))? {
                    None => unknown(&id),
                    Some(c) => Outcome {
                        staff_text: self.t("staff-replied", &[("case_id", &c.id)]),
                        to_person: Some((
                            c.owner.clone(),
                            self.app.catalog.i18n.raw(&c.locale, "ui-staff-reply", &[("text", &text)]),
                        )),
                    },
                }
            }
            Command::Note(id, text) => {
                let note =
                    Note { by: staff.to_string(), at: now, text: crate::engine::input::clean_text(&text), sent: false };
                match self.update(&id, |c| c.notes.push(note.clone()))? {
                    None => unknown(&id),
                    Some(c) => Outcome { staff_text: self.t("staff-noted", &[("case_id", &c.id)]), to_person: None },
                }
            }
            Command::Close(id, outcome, note) => {
                if !OUTCOMES.contains(&outcome.as_str()) {
                    return Ok(Outcome { staff_text: self.t("staff-usage", &[]), to_person: None });
                }
                let note = note.map(|n| Note {
                    by: staff.to_string(),
                    at: now,
                    text: crate::engine::input::clean_text(&n),
                    sent: false,
                });
                let closed = self.update(&id, |c| {
                    c.outcome = Some(format!("staff_{outcome}"));
                    c.status =
                        if outcome == "resolved" || outcome == "refunded" { Status::Resolved } else { Status::Closed };
                    c.assignee = None;
                    c.notes.extend(note.clone());
                })?;
                match closed {
                    None => unknown(&id),
                    Some(c) => {
                        let label = self.app.catalog.i18n.raw(&c.locale, &format!("outcome-staff_{outcome}"), &[]);
                        Outcome {
                            staff_text: self.t("staff-closed", &[("case_id", &c.id), ("outcome", &outcome)]),
                            to_person: Some((
                                c.owner.clone(),
                                self.app.catalog.i18n.raw(
                                    &c.locale,
                                    "ui-staff-closed",
                                    &[("case_id", &c.id), ("outcome", &label)],
                                ),
                            )),
                        }
                    }
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_staff_commands() {
        assert_eq!(Command::parse("/queue"), Some(Command::Queue));
        assert_eq!(Command::parse("/case sf-261125-0001"), Some(Command::Case("SF-261125-0001".into())));
        assert_eq!(
            Command::parse("/reply SF-1 Hello there"),
            Some(Command::Reply("SF-1".into(), "Hello there".into()))
        );
        assert_eq!(
            Command::parse("/close SF-1 refunded paid back"),
            Some(Command::Close("SF-1".into(), "refunded".into(), Some("paid back".into())))
        );
        assert_eq!(Command::parse("/reply SF-1"), Some(Command::Usage));
        assert_eq!(Command::parse("/take@swipefix_bot SF-1"), Some(Command::Take("SF-1".into())));
        assert_eq!(Command::parse("hello"), None);
        assert_eq!(Command::parse("/start"), None);
    }
}
