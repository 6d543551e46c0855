//! The per-person flood limit: at most `max` messages or button presses in a window; the first one over gets
//! a polite answer, the rest of the window is ignored. A plain type that takes the time, tested without
//! HTTP. Comes before anything else, so a flood reaches neither the store nor the staff chat.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::sync::Mutex;

/// What to do with one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Fine,
    /// Over the limit: tell the person once.
    TellOnce,
    /// Over the limit and told: ignore.
    Ignore,
}

pub struct Flood {
    max: u32,
    window: Duration,
    windows: Mutex<HashMap<u64, (DateTime<Utc>, u32)>>,
}

impl Flood {
    /// How many windows are kept before old ones are dropped, so memory stays bounded.
    const KEPT: usize = 100_000;

    pub fn new(max: u32, window: Duration) -> Flood {
        Flood { max, window, windows: Mutex::new(HashMap::new()) }
    }

    /// Counts a message of `user` at `now`.
    pub fn check(&self, user: u64, now: DateTime<Utc>) -> Verdict {
        let mut w = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if w.len() > Self::KEPT {
            w.retain(|_, (start, _)| now - *start < self.window);
        }
        let entry = w.entry(user).or_insert((now, 0));
        if now - entry.0 >= self.window {
            *entry = (now, 0);
        }
        entry.1 = entry.1.saturating_add(1);
        match entry.1.checked_sub(self.max) {
            None | Some(0) => Verdict::Fine,
            Some(1) => Verdict::TellOnce,
            Some(_) => Verdict::Ignore,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn one_answer_per_window_then_silence_then_a_fresh_window() {
        let flood = Flood::new(2, Duration::seconds(10));
        let t0 = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        assert_eq!(flood.check(1, t0), Verdict::Fine);
        assert_eq!(flood.check(1, t0), Verdict::Fine);
        assert_eq!(flood.check(1, t0), Verdict::TellOnce);
        assert_eq!(flood.check(1, t0 + Duration::seconds(9)), Verdict::Ignore);
        assert_eq!(flood.check(2, t0), Verdict::Fine, "other people are counted apart");
        assert_eq!(flood.check(1, t0 + Duration::seconds(10)), Verdict::Fine);
    }
}
