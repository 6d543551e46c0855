//! The Bot API client the channel sends with: through the sending budget (`budget`, `budget_task`) against
//! Telegram, or direct against a local fake that has no limits. One method per request the channel makes;
//! the message-like ones (sends, edits, files) take a grant first and retry a 429 after its `retry_after`.

use super::budget::Class;
use super::budget_task::{BudgetHandle, Grant};
use crate::session::{Attachment, AttachmentKind};
use futures::future::BoxFuture;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use teloxide::RequestError;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, BotCommandScope, CallbackQuery, ChatId, InlineKeyboardMarkup, InputFile, MessageId, Recipient,
};

/// The bot, and the budget its message-like calls go through (none against a fake without limits). `class`
/// says whose call this client makes: a reply to a person, the staff chat, a follow-up.
#[derive(Clone, Debug)]
pub struct Client {
    bot: Bot,
    budget: Option<BudgetHandle>,
    class: Class,
    /// Watches this client's first call for lateness (`watching`).
    late: Option<Arc<Late>>,
}

/// What to do if a reply's first call is still waiting for the budget at `at`: `tell` the person (it sends
/// the busy notice, which goes ahead of the reply in its chat). The estimate made when the turn was
/// handled cannot see the notices and staff calls that come later and go first; this catches every reply
/// that turns out late all the same.
pub struct Late {
    at: tokio::time::Instant,
    tell: Box<dyn Fn() -> BoxFuture<'static, ()> + Send + Sync>,
    /// Only the first call is watched: once it went, the person has their answer.
    armed: AtomicBool,
}

impl Late {
    pub fn new(at: tokio::time::Instant, tell: impl Fn() -> BoxFuture<'static, ()> + Send + Sync + 'static) -> Late {
        Late { at, tell: Box::new(tell), armed: AtomicBool::new(true) }
    }

    /// True once: for the first call made.
    fn first(&self) -> bool {
        self.armed.swap(false, Ordering::Relaxed)
    }
}

impl std::fmt::Debug for Late {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Late").field("at", &self.at).finish_non_exhaustive()
    }
}

pub type Sent = Result<(), teloxide::RequestError>;

impl Client {
    /// A client whose message-like calls go straight out (a local fake without limits, tests).
    pub fn direct(bot: Bot) -> Client {
        Client { bot, budget: None, class: Class::Reply, late: None }
    }

    /// A client whose message-like calls go through `budget`, as replies to people.
    pub fn budgeted(bot: Bot, budget: BudgetHandle) -> Client {
        Client { bot, budget: Some(budget), class: Class::Reply, late: None }
    }

    /// The same client, making calls of another class (follow-ups are `Background`).
    pub fn with_class(&self, class: Class) -> Client {
        Client { class, late: None, ..self.clone() }
    }

    /// The same client, whose first message-like call runs `late` if it still waits for the budget then.
    pub fn watching(&self, late: Late) -> Client {
        Client { late: Some(Arc::new(late)), ..self.clone() }
    }

    /// One message-like call to `chat`: after a grant of the budget, and again after a 429's
    /// `retry_after` (never dropped); `call` makes the request each time.
    async fn message_like<F, Fut>(&self, chat: ChatId, call: F) -> Sent
    where
        F: Fn(Bot) -> Fut,
        Fut: Future<Output = Sent>,
    {
        let Some(budget) = &self.budget else { return call(self.bot.clone()).await };
        let mut grant = match self.late.as_ref().filter(|l| l.first()) {
            Some(late) => grant_or_tell(budget, chat, self.class, late).await,
            None => budget.grant(chat.0, self.class).await,
        };
        loop {
            match call(self.bot.clone()).await {
                Err(RequestError::RetryAfter(s)) => grant = grant.too_many(s.duration()).await,
                other => return other,
            }
        }
    }

    /// About how long this client's next call to `chat` (or the one waiting first there) would wait for the
    /// budget; none without one.
    pub async fn wait_for(&self, chat: ChatId) -> Duration {
        match &self.budget {
            Some(b) => b.estimate(chat.0, self.class).await,
            None => Duration::ZERO,
        }
    }

    pub async fn send(&self, chat: ChatId, text: String, keyboard: Option<InlineKeyboardMarkup>) -> Sent {
        self.message_like(chat, |b| {
            let mut req = b.send_message(chat, text.clone());
            if let Some(k) = keyboard.clone() {
                req = req.reply_markup(k);
            }
            async move { req.await.map(|_| ()) }
        })
        .await
    }

    pub async fn delete(&self, chat: ChatId, id: MessageId) -> Sent {
        self.bot.delete_message(chat, id).await.map(|_| ())
    }

    pub async fn answer(&self, q: &CallbackQuery, text: Option<String>) -> Sent {
        let mut req = self.bot.answer_callback_query(q.id.clone());
        if let Some(t) = text {
            req = req.text(t);
        }
        req.await.map(|_| ())
    }

    pub async fn edit_text(&self, chat: ChatId, id: MessageId, text: String) -> Sent {
        self.message_like(chat, |b| {
            let req = b.edit_message_text(chat, id, text.clone());
            async move { req.await.map(|_| ()) }
        })
        .await
    }

    pub async fn drop_keyboard(&self, chat: ChatId, id: MessageId) -> Sent {
        self.message_like(chat, |b| {
            let req = b.edit_message_reply_markup(chat, id);
            async move { req.await.map(|_| ()) }
        })
        .await
    }

    /// Forwards a file Telegram already has (evidence) by its reference.
    pub async fn send_file(&self, chat: ChatId, kind: &str, reference: &str, caption: String) -> Sent {
        let file = InputFile::file_id(teloxide::types::FileId(reference.to_string()));
        let photo = kind == "photo";
        self.message_like(chat, |b| {
            let (file, caption) = (file.clone(), caption.clone());
            async move {
                match photo {
                    true => b.send_photo(chat, file).caption(caption).await.map(|_| ()),
                    false => b.send_document(chat, file).caption(caption).await.map(|_| ()),
                }
            }
        })
        .await
    }

    /// Uploads a file made in memory: a picture (a QR code) or a document (a letter).
    pub async fn send_attachment(&self, chat: ChatId, a: &Attachment) -> Sent {
        self.message_like(chat, |b| {
            let file = InputFile::memory(a.bytes.clone()).file_name(a.file_name.clone());
            let (caption, kind) = (a.caption.clone(), a.kind);
            async move {
                match kind {
                    AttachmentKind::Image => b.send_photo(chat, file).caption(caption).await.map(|_| ()),
                    AttachmentKind::Document => b.send_document(chat, file).caption(caption).await.map(|_| ()),
                }
            }
        })
        .await
    }

    /// Sets the command menu for `language` (all languages when `None`), in one chat or in all private chats.
    pub async fn set_commands(&self, cmds: Vec<BotCommand>, language: Option<&str>, chat: Option<ChatId>) -> Sent {
        let mut req = self.bot.set_my_commands(cmds);
        if let Some(l) = language {
            req = req.language_code(l);
        }
        if let Some(c) = chat {
            req = req.scope(BotCommandScope::Chat { chat_id: Recipient::Id(c) });
        }
        req.await.map(|_| ())
    }
}

/// A grant for a call of `class` to `chat`; if it has not come by `late.at`, the person is told first.
async fn grant_or_tell(budget: &BudgetHandle, chat: ChatId, class: Class, late: &Late) -> Grant {
    let asked = budget.grant(chat.0, class);
    tokio::pin!(asked);
    tokio::select! {
        biased;
        grant = &mut asked => grant,
        () = tokio::time::sleep_until(late.at) => {
            (late.tell)().await;
            asked.await
        }
    }
}
