//! Turning a `Reply` into Telegram messages: texts merged into as few messages as fit (Telegram allows about
//! one message a second per chat), split under 4,096 characters at line breaks, buttons as an inline
//! keyboard on the last piece, files after the message they belong to.

use super::callback;
use super::client::Client;
use crate::session::{OutMessage, Reply};
use teloxide::types::{ChatId, InlineKeyboardButton, InlineKeyboardMarkup};

/// Telegram's limit for one message's text.
pub const MAX_TELEGRAM_TEXT: usize = 4096;

/// Splits a text into pieces under Telegram's limit, at line breaks where possible.
pub fn split_text(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive('\n') {
        if cur.chars().count() + line.chars().count() > max && !cur.is_empty() {
            out.push(std::mem::take(&mut cur).trim_end().to_string());
        }
        if line.chars().count() > max {
            // One very long line: cut it by characters.
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(max) {
                out.push(chunk.iter().collect::<String>().trim_end().to_string());
            }
            continue;
        }
        cur.push_str(line);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim_end().to_string());
    }
    out
}

/// Joins the turn's messages into as few Telegram messages as possible: texts without buttons are merged
/// with the next, so a person gets one message per turn where it fits.
pub fn merge(messages: &[OutMessage]) -> Vec<OutMessage> {
    let mut out: Vec<OutMessage> = Vec::new();
    for m in messages {
        match out.last_mut() {
            Some(last)
                if last.buttons.is_empty()
                    && last.text.chars().count() + m.text.chars().count() + 2 <= MAX_TELEGRAM_TEXT =>
            {
                last.text = format!("{}\n\n{}", last.text, m.text);
                last.buttons = m.buttons.clone();
            }
            _ => out.push(m.clone()),
        }
    }
    out
}

/// The keyboard of a message of `reply`: one button a row.
fn keyboard(reply: &Reply, m: &OutMessage) -> InlineKeyboardMarkup {
    let node = reply.awaiting.as_ref().map(|a| a.node.as_str()).unwrap_or("");
    let case_id = reply.case_id.as_deref().unwrap_or("");
    let rows = m
        .buttons
        .iter()
        .map(|b| vec![InlineKeyboardButton::callback(b.label.clone(), callback::for_button(case_id, node, &b.id))]);
    InlineKeyboardMarkup::new(rows)
}

/// Sends a reply: merged texts, split under the limit, buttons on the last piece; files after the message
/// they belong to (a letter after its text, before the next question).
pub async fn send_reply(bot: &Client, chat: ChatId, reply: &Reply) -> Result<(), teloxide::RequestError> {
    let mut from = 0;
    for a in &reply.attachments {
        let upto = a.after.clamp(from, reply.messages.len());
        send_messages(bot, chat, reply, &reply.messages[from..upto]).await?;
        bot.send_attachment(chat, a).await?;
        from = upto;
    }
    send_messages(bot, chat, reply, &reply.messages[from..]).await
}

async fn send_messages(
    bot: &Client,
    chat: ChatId,
    reply: &Reply,
    messages: &[OutMessage],
) -> Result<(), teloxide::RequestError> {
    for m in merge(messages) {
        let pieces = split_text(&m.text, MAX_TELEGRAM_TEXT);
        let n = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            let last = i + 1 == n && !m.buttons.is_empty();
            bot.send(chat, piece, last.then(|| keyboard(reply, &m))).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::OutButton;

    #[test]
    fn long_texts_are_split_under_the_limit_at_line_breaks() {
        let text = (0..300).map(|i| format!("line {i} {}", "x".repeat(30))).collect::<Vec<_>>().join("\n");
        let parts = split_text(&text, MAX_TELEGRAM_TEXT);
        assert!(parts.len() >= 3);
        assert!(parts.iter().all(|p| p.chars().count() <= MAX_TELEGRAM_TEXT));
        assert_eq!(parts.join("\n"), text);
        let one_line = "字".repeat(9000);
        let parts = split_text(&one_line, MAX_TELEGRAM_TEXT);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts.concat(), one_line);
    }

    #[test]
    fn messages_without_buttons_merge_into_the_next() {
        let m = |t: &str, b: bool| OutMessage {
            text: t.into(),
            buttons: if b { vec![OutButton { id: "x".into(), label: "X".into() }] } else { vec![] },
        };
        let merged = merge(&[m("a", false), m("b", false), m("c", true), m("d", false)]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].text, "a\n\nb\n\nc");
        assert_eq!(merged[0].buttons.len(), 1);
        assert_eq!(merged[1].text, "d");
    }
}
