//! Button data: what a pressed inline button sends back (≤ 64 bytes). An answer to a question carries
//! `<case id>|<question tag>|<option id>`, so a press on an old message's button is recognised as stale by
//! the session without keeping message ids; a button that runs a command carries the command (`/lang zh-CN`).

use crate::session::{Asked, Incoming, question_tag};

/// Telegram's limit for callback data.
pub const MAX_CALLBACK_DATA: usize = 64;

/// The callback data of an answer button: which case, which question, which answer.
pub fn encode(case_id: &str, node: &str, option: &str) -> String {
    let d = format!("{case_id}|{:08x}|{option}", question_tag(node));
    debug_assert!(d.len() <= MAX_CALLBACK_DATA, "{d}");
    d
}

/// The callback data of any button of a reply waiting at `node` of `case_id`.
pub fn for_button(case_id: &str, node: &str, id: &str) -> String {
    if id.starts_with('/') && id.len() <= MAX_CALLBACK_DATA { id.to_string() } else { encode(case_id, node, id) }
}

/// What a press means. Data that reads as nothing known is a stale button (it changes nothing).
pub fn decode(data: &str) -> Incoming {
    if data.starts_with('/') {
        return Incoming::parse(data, &[]);
    }
    // Language buttons of messages sent before buttons carried commands.
    if let Some(tag) = data.strip_prefix("lang:") {
        return Incoming::command("lang", tag);
    }
    let mut parts = data.splitn(3, '|');
    let parsed = (|| {
        let case_id = parts.next()?.to_string();
        let tag = u32::from_str_radix(parts.next()?, 16).ok()?;
        Some((Asked { case_id, tag }, parts.next()?.to_string()))
    })();
    match parsed {
        Some((asked, id)) => Incoming::button_on(&id, asked),
        None => Incoming::button_on("", Asked { case_id: String::new(), tag: 0 }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_and_fit() {
        let d = encode("SF-261125-ZZZZZZ", "application_wrong_amount", &"x".repeat(32));
        assert!(d.len() <= MAX_CALLBACK_DATA, "{} bytes", d.len());
        let want = Asked { case_id: "SF-261125-ZZZZZZ".into(), tag: question_tag("application_wrong_amount") };
        assert_eq!(decode(&d), Incoming::button_on(&"x".repeat(32), want));
    }

    #[test]
    fn commands_old_language_buttons_and_garbage() {
        assert_eq!(decode("/lang zh-CN"), Incoming::command("lang", "zh-CN"));
        assert_eq!(decode("lang:zh-TW"), Incoming::command("lang", "zh-TW"));
        assert_eq!(for_button("SF-1", "n", "/cases SF-2"), "/cases SF-2");
        match decode("garbage") {
            Incoming::Button { asked: Some(a), .. } => assert!(a.case_id.is_empty(), "stale"),
            other => panic!("{other:?}"),
        }
    }
}
