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

fn run(mut turn: Turn<'_>, args: &Clean) -> Result<Reply, AppError> {
    let args = args.as_str();
    let tag = args.trim();
    if tag.is_empty() {
        return Ok(choose(&turn));
    }
    if !turn.catalog().i18n.supports(tag) {
        return Ok(unknown(&turn, tag));
    }
    let locale = turn.catalog().i18n.negotiate(tag);
    let mut case = match turn.current.clone() {
        Some(c) => c,
        None => turn.app().new_case(turn.user, &locale, turn.now)?,
    };
    case.locale = locale;
    turn.say_first("ui-lang-changed", vec![]);
    turn.step(case, Input::Resume)
}

/// Buttons, each labelled in its own language; pressing one sends `/lang <tag>`.
fn choose(turn: &Turn<'_>) -> Reply {
    let i18n = &turn.catalog().i18n;
    let buttons = i18n
        .locales()
        .iter()
        .map(|l| OutButton { id: format!("/lang {l}"), label: i18n.raw(l, "ui-lang-name", &[]) })
        .collect();
    Reply {
        messages: vec![OutMessage { text: turn.text("ui-lang-choose", &[]), buttons }],
        locale: turn.locale(),
        ..Reply::default()
    }
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
