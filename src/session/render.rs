//! The engine's effects as a `Reply` in the person's language: texts and buttons, what is awaited, hand-offs,
//! the written application as files, and the help built from the command table.

use super::commands::{self, Who};
use super::reply::{Attachment, AttachmentKind, Awaiting, OutButton, OutMessage, Reply};
use crate::catalog::Catalog;
use crate::engine::step::Effect;
use crate::engine::{Case, Setting};
use chrono::{DateTime, Utc};

/// Adds the rendering of `fx` for `case` to `reply`.
pub fn effects(catalog: &Catalog, now: DateTime<Utc>, reply: &mut Reply, case: &Case, fx: &[Effect]) {
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
            Effect::Handoff { reason } => reply.handoffs.push(reason.clone()),
            Effect::Close { .. } | Effect::Schedule { .. } => {}
            Effect::Redact => reply.redact = true,
            Effect::Letter => letter(catalog, now, reply, case),
            Effect::Help => reply.messages.push(OutMessage::text(help(catalog, &case.locale, Who::Person))),
        }
    }
}

/// The commands one audience sees, `(name, description)` in `locale`, in table order: for people, their
/// commands, then the flow's interrupts (`/scam`, `/human`), then the shops' commands; for staff, theirs.
/// It feeds `/help` and the Telegram menus.
pub fn menu(catalog: &Catalog, locale: &str, who: Who) -> Vec<(String, String)> {
    let i18n = &catalog.i18n;
    let row = |name: &str, key: &str| (name.to_string(), i18n.raw(locale, key, &[]));
    match who {
        Who::Staff => commands::of(Who::Staff).map(|c| row(c.name, c.help)).collect(),
        Who::Person | Who::Merchant => commands::of(Who::Person)
            .map(|c| row(c.name, c.help))
            .chain(catalog.flow.interrupts.iter().map(|i| row(&i.id, &format!("cmd-{}", i.id))))
            .chain(commands::of(Who::Merchant).map(|c| row(c.name, c.help)))
            .collect(),
    }
}

/// What the bot can do: an introduction, a line per command of `menu`, and (for people) the promise never
/// to ask for card data.
pub fn help(catalog: &Catalog, locale: &str, who: Who) -> String {
    let i18n = &catalog.i18n;
    let rows = menu(catalog, locale, who).into_iter();
    let (intro, lines, outro): (String, Vec<String>, Option<String>) = match who {
        // Staff texts carry the arguments: `/reply ID text — …`.
        Who::Staff => {
            (i18n.raw(locale, "staff-help-intro", &[]), rows.map(|(n, d)| format!("/{n} {d}")).collect(), None)
        }
        Who::Person | Who::Merchant => (
            i18n.raw(locale, "ui-help-intro", &[]),
            rows.map(|(n, d)| format!("/{n} — {d}")).collect(),
            Some(i18n.raw(locale, "ui-help-outro", &[])),
        ),
    };
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
    let today = jurisdiction.local_time(now).date();
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
