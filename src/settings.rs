//! Deployment settings that are not part of the decision tree: who the support staff are and where their
//! chat is, how the Telegram channel paces itself, how long cases are kept. A TOML file (`swipefix.toml`, or
//! `--config FILE`) with environment overrides; everything is optional, and a problem names the file and the
//! field.
//!
//! ```toml
//! [staff]
//! chat_id = -1001234567890        # the staff group (Telegram chat id)
//! users = [11111111, 22222222]    # Telegram user ids allowed to use staff commands
//! language = "en-US"              # the language of hand-off summaries
//!
//! [telegram]
//! throttle = true                 # keep to Telegram's sending limits (off only against a local fake API)
//! flood_max = 20                  # at most this many messages from one person per window (0: no limit)
//! flood_window_secs = 10
//! send_per_second = 29
//! busy_after_secs = 5
//!
//! [abuse]
//! evidence_max = 20               # evidence files kept per case; more get a polite answer
//! handoff_again_hours = 24        # a closed case hands off to staff again at most once in this many hours
//! staff_queue = 500               # staff-chat messages waiting to be sent at most; more are dropped (logged)
//! staff_per_minute = 20           # staff-chat messages sent per minute at most (Telegram's group limit)
//! refusal_every_secs = 600        # one "only staff can do that" per person in the staff chat in this time
//! [retention]
//! closed_after_days = 180         # a closed case is erased this long after its last change (0: never)
//! inactive_after_days = 365       # any case untouched this long is erased (0: never)
//! ```
//! Environment: `SWIPEFIX_STAFF_CHAT`, `SWIPEFIX_STAFF_USERS` (comma-separated), `SWIPEFIX_STAFF_LANG`,
//! `SWIPEFIX_THROTTLE` (`on`/`off`), `SWIPEFIX_FLOOD_MAX`.

use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub staff: Staff,
    #[serde(default)]
    pub telegram: Telegram,
    #[serde(default)]
    pub abuse: Abuse,
    #[serde(default)]
    pub retention: Retention,
}

/// What one person may ask of the bot and of staff, so that nobody can slow the bot down for everyone else
/// or bury the staff chat. The README's "abuse limits" table lists these with the other limits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Abuse {
    /// Evidence files kept per case; more get a polite answer and are not kept.
    pub evidence_max: u32,
    /// A closed case hands off to staff again (a new summary) at most once in this many hours.
    pub handoff_again_hours: u32,
    /// Staff-chat messages (summaries, evidence, relays, refusals) waiting to be sent at most; beyond it new
    /// ones are dropped and logged (hand-offs stay on the case and in `/queue`).
    pub staff_queue: u32,
    /// Staff-chat messages sent per minute at most: Telegram allows a group about 20.
    pub staff_per_minute: u32,
    /// Someone who is not staff gets "only staff can use these commands" once in this many seconds.
    pub refusal_every_secs: u32,
}

impl Default for Abuse {
    fn default() -> Abuse {
        Abuse {
            evidence_max: 20,
            handoff_again_hours: 24,
            staff_queue: 500,
            staff_per_minute: 20,
            refusal_every_secs: 600,
        }
    }
}

impl Abuse {
    /// The limits the engine applies in a turn.
    pub fn engine_limits(&self) -> crate::engine::Limits {
        crate::engine::Limits {
            evidence_max: self.evidence_max.max(1) as usize,
            handoff_again_hours: self.handoff_again_hours,
        }
    }
}

/// How long cases are kept (README, Privacy). Erased through the same path as `/forget`: keys first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retention {
    /// A closed case (the person reached an outcome, or staff closed it) is erased this many days after its
    /// last change: long enough for a chargeback or a complaint to run its course. 0 keeps them.
    pub closed_after_days: u32,
    /// Any case untouched for this many days is erased, closed or not. 0 keeps them.
    pub inactive_after_days: u32,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention { closed_after_days: 180, inactive_after_days: 365 }
    }
}

/// How the Telegram channel paces itself.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Telegram {
    /// Respect Telegram's sending limits (30 messages/s overall, ~1/s per chat). Off only against a local
    /// fake Bot API (the lab's load and crash tests), which has none.
    pub throttle: bool,
    /// At most this many messages from one person in one window; more get one polite answer and are then
    /// ignored until the window ends. 0 means no limit.
    pub flood_max: u32,
    pub flood_window_secs: u32,
    /// Message-like calls (sends, edits, files) a second, all chats together: a little under Telegram's 30.
    pub send_per_second: u32,
    /// A person whose reply will take longer than this is told once that it is coming.
    pub busy_after_secs: u32,
}

impl Default for Telegram {
    fn default() -> Telegram {
        Telegram { throttle: true, flood_max: 20, flood_window_secs: 10, send_per_second: 29, busy_after_secs: 5 }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// The staff group's chat id; hand-offs are only recorded on the case when unset.
    pub chat_id: Option<i64>,
    /// Telegram user ids allowed to act on cases.
    #[serde(default)]
    pub users: Vec<u64>,
    /// The language of summaries posted to the staff chat.
    #[serde(default = "default_language")]
    pub language: String,
}

impl Default for Staff {
    fn default() -> Staff {
        Staff { chat_id: None, users: vec![], language: default_language() }
    }
}

fn default_language() -> String {
    crate::i18n::DEFAULT_LOCALE.to_string()
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{file}: {message}")]
pub struct SettingsError {
    pub file: String,
    pub message: String,
}

impl Settings {
    /// Parses settings text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Settings, SettingsError> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let msg = e.message().lines().next().unwrap_or("invalid TOML").to_string();
            SettingsError {
                file: file.into(),
                message: match line {
                    Some(l) => format!("line {l}: {msg}"),
                    None => msg,
                },
            }
        })
    }

    /// Reads `path` if given (it must exist), else `./swipefix.toml` if present, else defaults; then applies
    /// the environment (`var` is `std::env::var` outside tests).
    pub fn load(path: Option<&Path>, var: impl Fn(&str) -> Option<String>) -> Result<Settings, SettingsError> {
        let default = Path::new("swipefix.toml");
        let mut s = match path {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| SettingsError {
                    file: p.display().to_string(),
                    message: format!("cannot read: {e}"),
                })?;
                Settings::parse(&p.display().to_string(), &text)?
            }
            None if default.is_file() => {
                let text = std::fs::read_to_string(default).map_err(|e| SettingsError {
                    file: "swipefix.toml".into(),
                    message: format!("cannot read: {e}"),
                })?;
                Settings::parse("swipefix.toml", &text)?
            }
            None => Settings::default(),
        };
        let env_err = |name: &str, message: String| SettingsError { file: format!("environment {name}"), message };
        if let Some(v) = var("SWIPEFIX_STAFF_CHAT").filter(|v| !v.trim().is_empty()) {
            s.staff.chat_id =
                Some(v.trim().parse().map_err(|_| env_err("SWIPEFIX_STAFF_CHAT", format!("`{v}` is not a chat id")))?);
        }
        if let Some(v) = var("SWIPEFIX_STAFF_USERS").filter(|v| !v.trim().is_empty()) {
            s.staff.users = v.split(',').map(|u| u.trim().parse::<u64>()).collect::<Result<_, _>>().map_err(|_| {
                env_err("SWIPEFIX_STAFF_USERS", format!("`{v}` is not a comma-separated list of user ids"))
            })?;
        }
        if let Some(v) = var("SWIPEFIX_STAFF_LANG").filter(|v| !v.trim().is_empty()) {
            s.staff.language = v.trim().to_string();
        }
        if let Some(v) = var("SWIPEFIX_THROTTLE").filter(|v| !v.trim().is_empty()) {
            s.telegram.throttle = match v.trim().to_ascii_lowercase().as_str() {
                "on" | "true" | "1" | "yes" => true,
                "off" | "false" | "0" | "no" => false,
                _ => return Err(env_err("SWIPEFIX_THROTTLE", format!("`{v}` is neither `on` nor `off`"))),
            };
        }
        if let Some(v) = var("SWIPEFIX_FLOOD_MAX").filter(|v| !v.trim().is_empty()) {
            s.telegram.flood_max =
                v.trim().parse().map_err(|_| env_err("SWIPEFIX_FLOOD_MAX", format!("`{v}` is not a count")))?;
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_overrides() {
        let s = Settings::parse("x.toml", "[staff]\nchat_id = -100\nusers = [1, 2]\nlanguage = \"zh-CN\"\n").unwrap();
        assert_eq!(s.staff.chat_id, Some(-100));
        assert_eq!(s.staff.users, [1, 2]);
        let e = Settings::parse("x.toml", "[staff]\nchat = 1\n").unwrap_err();
        assert!(e.to_string().starts_with("x.toml: line 2:"), "{e}");
        let env = |k: &str| match k {
            "SWIPEFIX_STAFF_CHAT" => Some("-42".to_string()),
            "SWIPEFIX_STAFF_USERS" => Some("7, 8".to_string()),
            _ => None,
        };
        let s = Settings::load(None, env).unwrap();
        assert_eq!(s.staff.chat_id, Some(-42));
        assert_eq!(s.staff.users, [7, 8]);
        assert_eq!(s.staff.language, "en-US");
        let bad = Settings::load(None, |k| (k == "SWIPEFIX_STAFF_USERS").then(|| "a,b".to_string())).unwrap_err();
        assert!(bad.to_string().contains("SWIPEFIX_STAFF_USERS"), "{bad}");
    }

    #[test]
    fn telegram_pacing_from_file_and_environment() {
        let s = Settings::parse("x.toml", "[telegram]\nflood_max = 5\n").unwrap();
        assert_eq!(s.telegram, Telegram { flood_max: 5, ..Telegram::default() });
        let off = Settings::load(None, |k| (k == "SWIPEFIX_THROTTLE").then(|| "off".to_string())).unwrap();
        assert!(!off.telegram.throttle);
        let bad = Settings::load(None, |k| (k == "SWIPEFIX_THROTTLE").then(|| "maybe".to_string())).unwrap_err();
        assert!(bad.to_string().contains("SWIPEFIX_THROTTLE"), "{bad}");
        let e = Settings::parse("x.toml", "[telegram]\nflood = 1\n").unwrap_err();
        assert!(e.to_string().starts_with("x.toml: line 2:"), "{e}");
    }

    #[test]
    fn abuse_limits_have_defaults_and_reach_the_engine() {
        let s = Settings::parse("x.toml", "[abuse]\nevidence_max = 5\nhandoff_again_hours = 2\n").unwrap();
        assert_eq!(s.abuse, Abuse { evidence_max: 5, handoff_again_hours: 2, ..Abuse::default() });
        assert_eq!(s.abuse.engine_limits(), crate::engine::Limits { evidence_max: 5, handoff_again_hours: 2 });
        assert_eq!(Settings::default().abuse.engine_limits(), crate::engine::Limits::default());
        let e = Settings::parse("x.toml", "[abuse]\nevidence = 1\n").unwrap_err();
        assert!(e.to_string().starts_with("x.toml: line 2:"), "{e}");
    }

    #[test]
    fn retention_defaults_and_overrides() {
        assert_eq!(Settings::default().retention, Retention { closed_after_days: 180, inactive_after_days: 365 });
        let s = Settings::parse("x.toml", "[retention]\nclosed_after_days = 30\n").unwrap();
        assert_eq!(s.retention, Retention { closed_after_days: 30, inactive_after_days: 365 });
        let e = Settings::parse("x.toml", "[retention]\nclosed_days = 1\n").unwrap_err();
        assert!(e.to_string().starts_with("x.toml: line 2:"), "{e}");
    }
}
