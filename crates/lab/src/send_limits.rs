//! Telegram's sending limits as the fake Bot API keeps them: which calls are message-like, the rules that
//! admit or refuse one at a given instant with the `retry_after` Telegram would give, and the tallies of what
//! was accepted and refused. Plain types that take `now`, so every rule is tested without HTTP or a clock.
//!
//! Owns: the limit rules, `retry_after`, the counts per method and the refusals per chat.
//! Must not touch: HTTP, the wall clock (every decision takes `now`), the fake's record of calls.
//!
//! The rules are sliding windows over the calls *accepted* so far. A refused call takes no quota, so a client
//! that waits `retry_after` and tries again is admitted unless someone else took the place meanwhile.
//! - All chats together: at most `per_second` calls in any 1 s.
//! - One private chat (a positive id): at most `per_chat_burst` calls in any
//!   `per_chat_burst / per_chat_per_second` seconds. With Telegram's 1 a second and bursts of 3: three at once
//!   pass, the fourth waits until the first is 3 s old; a steady 1 a second always passes. (A sliding window
//!   rather than a token bucket: after a burst it is the stricter of the two, and its wait is exact.)
//! - One group (a negative id): at most `group_per_minute` calls in any 60 s.
//!
//! Telegram documents only the rough numbers ("about 30 a second", "no more than one a second in a chat",
//! "20 a minute in a group"); the exact windows above are the fake's, chosen to be simple and stated.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

/// The calls that send or change a message a person sees, and so count toward Telegram's limits. Others
/// (`answerCallbackQuery`, `deleteMessage`, `getUpdates`, ...) are never limited.
pub const MESSAGE_LIKE: [&str; 5] =
    ["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendPhoto", "sendDocument"];

/// The method's name as `MESSAGE_LIKE` spells it if it is message-like (the Bot API ignores case).
pub fn message_like(method: &str) -> Option<&'static str> {
    MESSAGE_LIKE.iter().copied().find(|m| m.eq_ignore_ascii_case(method))
}

/// Telegram's sending limits, as the fake keeps them when asked to. Every field is at least 1 (a 0 is read
/// as 1: a limit that admits nothing would only hang the bot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendLimits {
    /// Message-like calls to all chats together in any second.
    pub per_second: usize,
    /// The steady rate one private chat may get, per second.
    pub per_chat_per_second: usize,
    /// How many calls one private chat may get at once; the window is `per_chat_burst / per_chat_per_second`.
    pub per_chat_burst: usize,
    /// Message-like calls to one group (a negative chat id) in any minute.
    pub group_per_minute: usize,
}

impl SendLimits {
    /// About what Telegram allows a bot: 30 a second in all, 1 a second in a private chat with bursts of 3,
    /// 20 a minute in a group.
    pub fn telegram() -> SendLimits {
        SendLimits { per_second: 30, per_chat_per_second: 1, per_chat_burst: 3, group_per_minute: 20 }
    }

    /// The window of one private chat's burst.
    pub fn private_window(&self) -> Duration {
        Duration::from_secs(1) * self.per_chat_burst.max(1) as u32 / self.per_chat_per_second.max(1) as u32
    }

    /// How many calls `chat` may get in its window, and the window.
    fn chat_rule(&self, chat: i64) -> (usize, Duration) {
        if chat < 0 {
            (self.group_per_minute.max(1), Duration::from_secs(60))
        } else {
            (self.per_chat_burst.max(1), self.private_window())
        }
    }
}

/// A call over the limits: how long until it would be admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub wait: Duration,
}

impl Refusal {
    /// `parameters.retry_after`: the wait in whole seconds, rounded up (a client that waits exactly that long
    /// is admitted) and at least 1, as Telegram never says 0.
    pub fn retry_after_secs(&self) -> u64 {
        let secs = self.wait.as_secs() + u64::from(self.wait.subsec_nanos() > 0);
        secs.max(1)
    }
}

/// What the limits said of one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not message-like: never limited, not counted.
    NotLimited,
    /// Message-like and within the limits (or no limits are kept): counted as accepted.
    Accepted,
    /// Message-like and over a limit: answered with 429.
    Refused(Refusal),
}

/// When a window that holds `cap` calls has room for one more at `now`: `None` if it has room now.
fn wait_in(times: &VecDeque<Instant>, cap: usize, window: Duration, now: Instant) -> Option<Duration> {
    let inside = times.iter().rev().take_while(|t| now.duration_since(**t) < window).count();
    if inside < cap {
        return None;
    }
    // Room comes when `inside - cap + 1` calls have left: the one at this index is the last of them.
    let must_leave = times[times.len() - inside + (inside - cap)];
    Some(window - now.duration_since(must_leave))
}

/// Drops the times a window of `window` no longer sees at `now` (they only age).
fn forget_before(times: &mut VecDeque<Instant>, window: Duration, now: Instant) {
    while times.front().is_some_and(|t| now.duration_since(*t) >= window) {
        times.pop_front();
    }
}

/// The fake's sending bookkeeping: the limits (if kept), the recent accepted calls they look at, and the
/// counts. Times are kept only while limits are on, so a long run without them stays flat in memory.
#[derive(Debug, Default)]
pub struct Sending {
    limits: Option<SendLimits>,
    /// Accepted calls in the last second, all chats together.
    recent: VecDeque<Instant>,
    /// Accepted calls per chat, within that chat's window.
    recent_per_chat: HashMap<i64, VecDeque<Instant>>,
    accepted: BTreeMap<&'static str, u64>,
    refused: BTreeMap<&'static str, u64>,
    refused_per_chat: HashMap<i64, u64>,
}

impl Sending {
    pub fn new(limits: Option<SendLimits>) -> Sending {
        Sending { limits, ..Sending::default() }
    }

    /// Keeps `limits` from now on (`None`: none). Calls accepted while no limits were kept are not in the
    /// windows (their times were not kept).
    pub fn set_limits(&mut self, limits: Option<SendLimits>) {
        self.limits = limits;
    }

    /// Decides on a call of `method` to `chat` (`None` when it names no chat, e.g. an inline message) at
    /// `now`, and counts it.
    pub fn check(&mut self, method: &str, chat: Option<i64>, now: Instant) -> Verdict {
        let Some(method) = message_like(method) else { return Verdict::NotLimited };
        match self.admit(chat, now) {
            Ok(()) => {
                *self.accepted.entry(method).or_default() += 1;
                Verdict::Accepted
            }
            Err(refusal) => {
                *self.refused.entry(method).or_default() += 1;
                if let Some(c) = chat {
                    *self.refused_per_chat.entry(c).or_default() += 1;
                }
                Verdict::Refused(refusal)
            }
        }
    }

    /// Admits a message-like call to `chat` at `now` (and notes it), or says how long until it would be.
    pub fn admit(&mut self, chat: Option<i64>, now: Instant) -> Result<(), Refusal> {
        let Some(limits) = self.limits else { return Ok(()) };
        let second = Duration::from_secs(1);
        forget_before(&mut self.recent, second, now);
        let mut wait = wait_in(&self.recent, limits.per_second.max(1), second, now);
        if let Some(c) = chat {
            let (cap, window) = limits.chat_rule(c);
            let times = self.recent_per_chat.entry(c).or_default();
            forget_before(times, window, now);
            // Every rule must admit it, so the call waits for the slowest; each wait only shrinks with time.
            wait = wait.max(wait_in(times, cap, window, now));
        }
        if let Some(wait) = wait {
            return Err(Refusal { wait });
        }
        self.recent.push_back(now);
        if let Some(c) = chat {
            self.recent_per_chat.entry(c).or_default().push_back(now);
        }
        Ok(())
    }

    /// Message-like calls of `method` accepted (any case; 0 for others).
    pub fn accepted(&self, method: &str) -> u64 {
        message_like(method).and_then(|m| self.accepted.get(m)).copied().unwrap_or(0)
    }

    /// Message-like calls of `method` refused with 429.
    pub fn refused(&self, method: &str) -> u64 {
        message_like(method).and_then(|m| self.refused.get(m)).copied().unwrap_or(0)
    }

    /// Message-like calls to `chat` refused with 429.
    pub fn refused_in(&self, chat: i64) -> u64 {
        self.refused_per_chat.get(&chat).copied().unwrap_or(0)
    }

    /// Accepted calls per method, only methods with any.
    pub fn accepted_by_method(&self) -> BTreeMap<&'static str, u64> {
        self.accepted.clone()
    }

    /// Calls refused with 429 per method, only methods with any.
    pub fn refused_by_method(&self) -> BTreeMap<&'static str, u64> {
        self.refused.clone()
    }
}

#[cfg(test)]
mod tests;
