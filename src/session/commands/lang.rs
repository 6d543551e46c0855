//! `/lang [TAG]`: buttons to choose a language, or the change to TAG (`zh-MO` → zh-HK, `zh-Hant` → zh-TW,
//! `zh` → zh-CN).

use super::{Command, Heard, Run, Who};
use crate::engine::Input;
use crate::engine::gate::Clean;
use crate::session::{AppError, OutButton, OutMessage, Reply, Turn, render};

pub const COMMAND: Command = Command {
    name: "lang",
    aliases: &["language", "语言", "語言"],
    who: Who::Person,
    help: "cmd-lang",
    args: None,
    heard: Heard::Name,
    run: Run::Person(run),
};

fn run(turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    let args = args.as_str();
    let tag = args.trim();
    if tag.is_empty() {
        return choose(&turn);
    }
    if !turn.catalog().i18n.supports(tag) {
        return Ok(unknown(&turn, tag));
    }
    switch(turn, tag)
}

/// Changes the current case's language (a new person gets a case in it) and shows where the case stands.
pub(crate) fn switch(mut turn: Turn<'_>, tag: &str) -> Result<Reply, AppError> {
    let locale = turn.catalog().i18n.negotiate(tag);
    let mut case = match turn.current.clone() {
        Some(c) => c,
        None => turn.app().new_case(turn.user, &locale, turn.now)?,
    };
    case.locale = locale;
    case.picking_lang = false;
    turn.say_first("ui-lang-changed", vec![]);
    turn.step(case, Input::Resume)
}

/// The message typed right after the language buttons, if it picks one: a button's number (`2`), a
/// language's name as on its button, or a tag (`zh-HK`). `None` lets it go to the case as usual.
pub(crate) fn picked(turn: &Turn<'_>, typed: &str) -> Option<String> {
    let i18n = &turn.catalog().i18n;
    let locales = i18n.locales();
    let typed = typed.trim();
    let by_number = typed.parse::<usize>().ok().filter(|n| (1..=locales.len()).contains(n)).map(|n| &locales[n - 1]);
    let by_name = locales
        .iter()
        .find(|l| l.eq_ignore_ascii_case(typed) || i18n.raw(l, "ui-lang-name", &[]).trim().eq_ignore_ascii_case(typed));
    by_number.or(by_name).cloned()
}

/// Buttons, each labelled in its own language; pressing one sends `/lang <tag>`. The case remembers that
/// they were shown, so that the next typed message may choose one ("2") instead of answering the question.
fn choose(turn: &Turn<'_>) -> Result<Reply, AppError> {
    if let Some(mut c) = turn.current.clone().filter(|c| !c.picking_lang) {
        c.picking_lang = true;
        turn.app().committer().save(&mut c)?;
    }
    let i18n = &turn.catalog().i18n;
    let buttons = i18n
        .locales()
        .iter()
        .map(|l| OutButton { id: format!("/lang {l}"), label: i18n.raw(l, "ui-lang-name", &[]) })
        .collect();
    Ok(Reply {
        messages: vec![OutMessage { text: turn.text("ui-lang-choose", &[]), buttons }],
        locale: turn.locale(),
        ..Reply::default()
    })
}

/// A language the bot does not speak: the ones it does, and the current question again.
fn unknown(turn: &Turn<'_>, tag: &str) -> Reply {
    let i18n = &turn.catalog().i18n;
    let available = i18n
        .locales()
        .iter()
        .map(|l| format!("{l} ({})", i18n.raw(l, "ui-lang-name", &[])))
        .collect::<Vec<_>>()
        .join(", ");
    let mut reply = turn.text_reply("ui-lang-unknown", &[("tag", tag), ("available", &available)]);
    if let Some(c) = &turn.current {
        // Ask the current question again so the person knows where they are.
        let (_, fx) = crate::engine::step(&turn.catalog().flow, c, Input::Resume, turn.now);
        render::effects(turn.renderer(), &mut reply, c, &fx);
    }
    reply
}
