//! The last few message ids of each private chat, so that the messages of a card number sent in parts can be
//! deleted once the last part shows what they were. Ids only, never text; bounded in memory. The case keeps
//! its messages' ids too (`Reply::earlier_messages`), which is what works across processes; this is for
//! cases from before they did.
//!
//! Owns: remembering recent message ids per chat. Must not touch: message contents, the session.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use teloxide::types::{ChatId, MessageId};

/// Parts of a card number span at most three messages: the newest and two before it.
const KEPT: usize = 3;
/// Chats remembered at once; past this the memory starts over (a lost id costs one undeleted part).
const MAX_CHATS: usize = 50_000;

#[derive(Default)]
pub struct Recent {
    chats: Mutex<HashMap<ChatId, VecDeque<MessageId>>>,
}

impl Recent {
    /// Notes message `id` of `chat` as the newest.
    pub fn push(&self, chat: ChatId, id: MessageId) {
        let mut chats = self.chats.lock().unwrap_or_else(|e| e.into_inner());
        if chats.len() >= MAX_CHATS && !chats.contains_key(&chat) {
            chats.clear();
        }
        let ids = chats.entry(chat).or_default();
        ids.push_back(id);
        if ids.len() > KEPT {
            ids.pop_front();
        }
    }

    /// Up to `n` messages of `chat` before `id`, newest first.
    pub fn before(&self, chat: ChatId, id: MessageId, n: usize) -> Vec<MessageId> {
        let chats = self.chats.lock().unwrap_or_else(|e| e.into_inner());
        chats.get(&chat).map_or_else(Vec::new, |ids| ids.iter().rev().filter(|m| m.0 < id.0).take(n).copied().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_three_per_chat() {
        let r = Recent::default();
        for i in 1..=5 {
            r.push(ChatId(1), MessageId(i));
        }
        r.push(ChatId(2), MessageId(9));
        assert_eq!(r.before(ChatId(1), MessageId(5), 2), vec![MessageId(4), MessageId(3)]);
        assert_eq!(r.before(ChatId(1), MessageId(5), 5), vec![MessageId(4), MessageId(3)]);
        assert!(r.before(ChatId(3), MessageId(5), 2).is_empty());
    }
}
