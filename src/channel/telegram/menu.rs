//! The command menus Telegram shows, from the session's command table: people's commands in every private
//! chat, staff commands in the staff chat. A menu's language code is two letters, so zh-HK and zh-TW users
//! see the zh texts of zh-CN here (the conversation itself follows their full code, `zh-hk`, `zh-hant`).

use super::client::Client;
use crate::catalog::Catalog;
use crate::session::{Who, menu};
use teloxide::types::{BotCommand, ChatId};

/// Our locales and the language code Telegram knows them by (`None`: every other language).
const LANGUAGES: &[(&str, Option<&str>)] = &[("en-US", None), ("zh-CN", Some("zh"))];

/// The menu of one audience in one locale, as Telegram takes it.
pub fn commands(catalog: &Catalog, locale: &str, who: Who) -> Vec<BotCommand> {
    menu(catalog, locale, who).into_iter().map(|(name, description)| BotCommand::new(name, description)).collect()
}

/// Registers the menus: people's for all private chats, and staff's in the staff chat when there is one.
pub async fn register(bot: &Client, catalog: &Catalog, staff_chat: Option<ChatId>) {
    for &(locale, code) in LANGUAGES {
        if let Err(e) = bot.set_commands(commands(catalog, locale, Who::Person), code, None).await {
            tracing::warn!(kind = super::error_log::kind(&e), locale, "could not register the command menu");
        }
        if let Some(chat) = staff_chat
            && let Err(e) = bot.set_commands(commands(catalog, locale, Who::Staff), code, Some(chat)).await
        {
            tracing::warn!(kind = super::error_log::kind(&e), locale, "could not register the staff command menu");
        }
    }
}
