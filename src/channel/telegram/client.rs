//! The Bot API client the channel sends with: throttled to Telegram's limits (teloxide `Throttle`), or
//! direct against a local fake that has none. One method per request the channel makes.

use crate::session::{Attachment, AttachmentKind};
use teloxide::adaptors::Throttle;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, BotCommandScope, CallbackQuery, ChatId, InlineKeyboardMarkup, InputFile, MessageId, Recipient,
};

/// Throttle keeps a queue sized by its limits and a minute of history, which only makes sense against Telegram.
#[derive(Clone)]
pub enum Client {
    Direct(Bot),
    Throttled(Throttle<Bot>),
}

/// Runs the same request code against either client.
macro_rules! both {
    ($client:expr, $b:ident => $body:expr) => {
        match $client {
            Client::Direct($b) => $body,
            Client::Throttled($b) => $body,
        }
    };
}

pub type Sent = Result<(), teloxide::RequestError>;

impl Client {
    pub async fn send(&self, chat: ChatId, text: String, keyboard: Option<InlineKeyboardMarkup>) -> Sent {
        both!(self, b => {
            let mut req = b.send_message(chat, text);
            if let Some(k) = keyboard {
                req = req.reply_markup(k);
            }
            req.await.map(|_| ())
        })
    }

    pub async fn delete(&self, chat: ChatId, id: MessageId) -> Sent {
        both!(self, b => b.delete_message(chat, id).await.map(|_| ()))
    }

    pub async fn answer(&self, q: &CallbackQuery, text: Option<String>) -> Sent {
        both!(self, b => {
            let mut req = b.answer_callback_query(q.id.clone());
            if let Some(t) = text {
                req = req.text(t);
            }
            req.await.map(|_| ())
        })
    }

    pub async fn edit_text(&self, chat: ChatId, id: MessageId, text: String) -> Sent {
        both!(self, b => b.edit_message_text(chat, id, text).await.map(|_| ()))
    }

    pub async fn drop_keyboard(&self, chat: ChatId, id: MessageId) -> Sent {
        both!(self, b => b.edit_message_reply_markup(chat, id).await.map(|_| ()))
    }

    /// Forwards a file Telegram already has (evidence) by its reference.
    pub async fn send_file(&self, chat: ChatId, kind: &str, reference: &str, caption: String) -> Sent {
        let file = InputFile::file_id(teloxide::types::FileId(reference.to_string()));
        both!(self, b => {
            if kind == "photo" {
                b.send_photo(chat, file).caption(caption).await.map(|_| ())
            } else {
                b.send_document(chat, file).caption(caption).await.map(|_| ())
            }
        })
    }

    /// Uploads a file made in memory: a picture (a QR code) or a document (a letter).
    pub async fn send_attachment(&self, chat: ChatId, a: &Attachment) -> Sent {
        let file = InputFile::memory(a.bytes.clone()).file_name(a.file_name.clone());
        let caption = a.caption.clone();
        both!(self, b => match a.kind {
            AttachmentKind::Image => b.send_photo(chat, file).caption(caption).await.map(|_| ()),
            AttachmentKind::Document => b.send_document(chat, file).caption(caption).await.map(|_| ()),
        })
    }

    /// Sets the command menu for `language` (all languages when `None`), in one chat or in all private chats.
    pub async fn set_commands(&self, cmds: Vec<BotCommand>, language: Option<&str>, chat: Option<ChatId>) -> Sent {
        both!(self, b => {
            let mut req = b.set_my_commands(cmds);
            if let Some(l) = language {
                req = req.language_code(l);
            }
            if let Some(c) = chat {
                req = req.scope(BotCommandScope::Chat { chat_id: Recipient::Id(c) });
            }
            req.await.map(|_| ())
        })
    }
}
