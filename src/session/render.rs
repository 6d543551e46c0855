//! The engine's effects as a `Reply` in the person's language: texts and buttons, what is awaited, hand-offs,
//! the written application as files, and the help built from the command table.

use super::audience::Who;
use super::reply::{Attachment, AttachmentKind, Awaiting, OutButton, OutMessage, Reply, StaffFile};
use crate::catalog::Catalog;
use crate::engine::step::Effect;
use crate::engine::{Case, Setting};
use chrono::{DateTime, Utc};

/// What rendering needs besides the effects: the texts and tree, the time, and the command table's rows.
#[derive(Clone, Copy)]
pub struct Renderer<'a> {
    pub catalog: &'a Catalog,
    pub rows: &'a [MenuRow],
    pub now: DateTime<Utc>,
}

/// Adds the rendering of `fx` for `case` to `reply`.
pub fn effects(r: Renderer<'_>, reply: &mut Reply, case: &Case, fx: &[Effect]) {
    let (catalog, now) = (r.catalog, r.now);
    let i18n = &catalog.i18n;
    for e in fx {
        match e {
            Effect::Say { key, args, buttons } => reply.messages.push(OutMessage {
                text: i18n.render(&case.locale, key, args),
                buttons: buttons
                    .iter()
                    .map(|b| OutButton { id: b.id.clone(), label: i18n.raw(&case.locale, &b.label, &[]) })
                    .collect(),
            }),
            Effect::Await { node, input } => reply.awaiting = Some(Awaiting { node: node.clone(), input }),
            Effect::Handoff { reason, files } => {
                reply.handoffs.push(reason.clone());
                reply.staff_files.extend(files.iter().filter_map(|&i| staff_file(case, i)));
            }
            Effect::Close { .. } | Effect::Schedule { .. } => {}
            Effect::Redact => reply.redact = true,
            Effect::RedactEarlier(n) => reply.redact_earlier = *n,
            Effect::Letter => letter(catalog, now, reply, case),
            Effect::Help => reply.messages.push(OutMessage::text(help(catalog, r.rows, &case.locale, Who::Person))),
        }
    }
}

/// The `i`-th evidence file of `case`, as staff get it.
fn staff_file(case: &Case, i: usize) -> Option<StaffFile> {
    let e = case.evidence.get(i)?;
    Some(StaffFile { kind: e.kind.clone(), reference: e.reference.clone(), number: i + 1, of: case.evidence.len() })
}

/// One command as menus and help list it: its name, its help text key and who it is for.
#[derive(Debug, Clone, Copy)]
pub struct MenuRow {
    pub name: &'static str,
    pub help: &'static str,
    /// How its arguments are written (a text key), for commands that take some.
    pub args: Option<&'static str>,
    pub who: Who,
}

/// The commands one audience sees, `(name, description)` in `locale`, in the order of `rows`: for people,
/// their commands, then the flow's interrupts (`/scam`, `/human`), then the shops' commands; for staff,
/// theirs. It feeds `/help` and the Telegram menus.
pub fn menu(catalog: &Catalog, rows: &[MenuRow], locale: &str, who: Who) -> Vec<(String, String)> {
    let i18n = &catalog.i18n;
    let of =
        |w: Who| rows.iter().filter(move |r| r.who == w).map(|r| (r.name.to_string(), i18n.raw(locale, r.help, &[])));
    match who {
        Who::Staff => of(Who::Staff).collect(),
        Who::Person | Who::Merchant => of(Who::Person)
            .chain(
                catalog.flow.interrupts.iter().map(|i| (i.id.clone(), i18n.raw(locale, &format!("cmd-{}", i.id), &[]))),
            )
            .chain(of(Who::Merchant))
            .collect(),
    }
}

/// What the bot can do: an introduction, a line per command of `menu` (`/reply ID text — …` where the
/// command takes arguments), and (for people) the promise never to ask for card data.
pub fn help(catalog: &Catalog, rows: &[MenuRow], locale: &str, who: Who) -> String {
    let i18n = &catalog.i18n;
    let args = |name: &str| match rows.iter().find(|r| r.name == name).and_then(|r| r.args) {
        Some(key) => format!(" {}", i18n.raw(locale, key, &[])),
        None => String::new(),
    };
    let lines = menu(catalog, rows, locale, who).into_iter().map(|(n, d)| format!("/{n}{} — {d}", args(&n))).collect();
    let (intro, outro) = match who {
        Who::Staff => (i18n.raw(locale, "staff-help-intro", &[]), None),
        Who::Person | Who::Merchant => {
            (i18n.raw(locale, "ui-help-intro", &[]), Some(i18n.raw(locale, "ui-help-outro", &[])))
        }
    };
    let lines: Vec<String> = lines;
    let mut text = format!("{intro}\n{}", lines.join("\n"));
    if let Some(o) = outro {
        text = format!("{text}\n{o}");
    }
    text
}

/// The written application: its text as a message, and as a file in the person's language — and, when
/// the jurisdiction names the language banks work in (`bank_language`) and it is another, a copy in that.
fn letter(catalog: &Catalog, now: DateTime<Utc>, reply: &mut Reply, case: &Case) {
    let i18n = &catalog.i18n;
    let jurisdiction = catalog.flow.jurisdiction(&case.jurisdiction);
    let today = jurisdiction.local(case, now).date();
    let text = crate::report::letter(catalog, case, &case.locale, today);
    reply.messages.push(OutMessage::text(text.trim_end().to_string()));
    let mut files = vec![(case.locale.clone(), text)];
    let bank = match jurisdiction.settings.get("bank_language") {
        Some(Setting::Text(tag)) if i18n.supports(tag) => Some(i18n.negotiate(tag)),
        _ => None,
    };
    if let Some(bank) = bank.filter(|b| *b != case.locale) {
        let language = i18n.language_name(&case.locale, &bank);
        reply.messages.push(OutMessage::text(i18n.raw(
            &case.locale,
            "ui-letter-bank-copy",
            &[("language", &language)],
        )));
        files.push((bank.clone(), crate::report::letter(catalog, case, &bank, today)));
    }
    for (locale, text) in files {
        let language = i18n.language_name(&case.locale, &locale);
        reply.attachments.push(Attachment {
            file_name: crate::report::letter_file_name(&case.id, &locale),
            bytes: text.into_bytes(),
            caption: i18n.raw(&case.locale, "ui-letter-caption", &[("case_id", &case.id), ("language", &language)]),
            kind: AttachmentKind::Document,
            after: reply.messages.len(),
        });
    }
}

/// A one-message reply with a QR code of `link` attached (a merchant's till sign, a customer's join link).
pub fn with_qr(locale: String, text: String, link: &str, file_name: String, caption: String) -> Reply {
    let attachments = match crate::merchant::qr_png(link) {
        Ok(png) => vec![Attachment { file_name, bytes: png, caption, kind: AttachmentKind::Image, after: 1 }],
        Err(e) => {
            tracing::warn!(error = %e, "could not draw a QR code");
            vec![]
        }
    };
    Reply { attachments, ..Reply::text(locale, text) }
}
