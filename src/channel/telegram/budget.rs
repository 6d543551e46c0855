//! The sending budget of one bot token, as a schedule: who may send a message-like call (sendMessage, an
//! edit, a document) now. Telegram allows about 30 such calls a second in all and about one a second per
//! chat (a short burst is tolerated), and answers more with 429 and `retry_after`; teloxide's `Throttle`
//! keeps one shared queue and lets edits through unqueued, so a backlog of anyone's sends delayed everyone
//! and edits over the limit were lost.
//!
//! Here each call first asks for a grant. Grants go, within the global rate and each chat's bucket, by
//! class — a reply to a person waiting now, then staff-chat traffic, then follow-ups and other background
//! sends — and within a chat strictly in the order asked (a chat has one call in flight at a time). A 429
//! freezes that chat for its `retry_after`; the caller retries the same call, so nothing is dropped.
//!
//! Owns: the schedule (pure: the time comes in as an argument). Must not touch: HTTP or tokio (the driver,
//! `budget_task`, runs it), what is sent.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Who is waiting for a call: decides the order when the budget is short.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// "Many people are writing, your reply is coming": one short message to a person whose reply is late.
    Notice = 0,
    /// A reply to a person who just wrote.
    Reply = 1,
    /// The staff chat: hand-off summaries, answers to staff.
    Staff = 2,
    /// Follow-ups and anything that can go a minute later.
    Background = 3,
}

/// The budget's numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Calls a second, all chats together.
    pub per_second: u32,
    /// Calls one chat may get in any window of `chat_burst / chat_per_second` seconds (3 in any 3 s): a
    /// short burst, one a second over time. A sliding window, as strict as Telegram's own count.
    pub chat_burst: u32,
    pub chat_per_second: f64,
}

impl Limits {
    /// A little under Telegram's published limits, so that a clock's jitter does not cost a 429.
    pub fn telegram() -> Limits {
        Limits { per_second: 28, chat_burst: 3, chat_per_second: 1.0 }
    }
}

/// A request for a grant, by id.
pub type Ticket = u64;

#[derive(Debug, Default)]
struct Chat {
    /// When the chat's calls of the current window were granted.
    granted: VecDeque<Instant>,
    /// A call of this chat is in flight: the next one waits for it (order within a chat).
    busy: bool,
    /// A 429 said to wait until then.
    frozen_until: Option<Instant>,
    /// Tickets waiting, in the order asked, with their class.
    waiting: VecDeque<(Ticket, Class)>,
}

/// The schedule. `ask` queues a call; `grant` says which may go now; `done` and `too_many` report back.
#[derive(Debug)]
pub struct Budget {
    limits: Limits,
    chats: HashMap<i64, Chat>,
    /// When the calls of the last second went.
    recent: VecDeque<Instant>,
    next: Ticket,
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        Budget { limits, chats: HashMap::new(), recent: VecDeque::new(), next: 0 }
    }

    /// Queues a call to `chat`; its ticket comes back from `grant` when it may go.
    pub fn ask(&mut self, chat: i64, class: Class) -> Ticket {
        self.next += 1;
        self.chats.entry(chat).or_default().waiting.push_back((self.next, class));
        self.next
    }

    /// How many calls wait, all chats together, of `class` or before it.
    pub fn waiting_before(&self, class: Class) -> usize {
        self.chats.values().flat_map(|c| &c.waiting).filter(|(_, k)| *k <= class).count()
    }

    /// About how long a call of `class` to `chat` asked now would wait: the calls ahead of it in all chats
    /// at the global rate, or its own chat's queue and 429 wait, whichever is longer.
    pub fn estimate(&self, chat: i64, class: Class, now: Instant) -> Duration {
        let global =
            Duration::from_secs_f64(self.waiting_before(class) as f64 / f64::from(self.limits.per_second.max(1)));
        let Some(c) = self.chats.get(&chat) else { return global };
        let frozen = c.frozen_until.map_or(Duration::ZERO, |t| t.saturating_duration_since(now));
        let own = Duration::from_secs_f64(c.waiting.len() as f64 / self.limits.chat_per_second.max(0.01));
        global.max(frozen + own)
    }

    /// The tickets that may go now, best class first; each is counted against the budget.
    pub fn grant(&mut self, now: Instant) -> Vec<(i64, Ticket)> {
        while self.recent.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1)) {
            self.recent.pop_front();
        }
        let mut ready: Vec<(Class, Ticket, i64)> = Vec::new();
        for (id, chat) in &mut self.chats {
            if chat.busy || chat.frozen_until.is_some_and(|t| t > now) {
                continue;
            }
            slide(chat, &self.limits, now);
            if let Some((ticket, class)) = chat.waiting.front()
                && chat.granted.len() < self.limits.chat_burst as usize
            {
                ready.push((*class, *ticket, *id));
            }
        }
        // A chat with nothing waiting, in flight or counted is forgotten: memory stays bounded.
        self.chats.retain(|_, c| c.busy || !c.waiting.is_empty() || c.frozen_until.is_some() || !c.granted.is_empty());
        // Best class first; within a class, the oldest ticket (tickets grow).
        ready.sort();
        let room = (self.limits.per_second as usize).saturating_sub(self.recent.len());
        let mut out = Vec::new();
        for (_, ticket, id) in ready.into_iter().take(room) {
            let chat = self.chats.get_mut(&id).expect("listed above");
            chat.waiting.pop_front();
            chat.busy = true;
            chat.granted.push_back(now);
            self.recent.push_back(now);
            out.push((id, ticket));
        }
        out
    }

    /// The call granted to `chat` went (or failed for good): the chat's next call may be granted.
    pub fn done(&mut self, chat: i64) {
        if let Some(c) = self.chats.get_mut(&chat) {
            c.busy = false;
            // (Forgotten by `grant` once its window is over.)
        }
    }

    /// The call granted to `chat` got a 429: it is asked again first in its chat, which waits `retry_after`.
    pub fn too_many(&mut self, chat: i64, ticket: Ticket, class: Class, retry_after: Duration, now: Instant) {
        let c = self.chats.entry(chat).or_default();
        c.busy = false;
        c.frozen_until = Some(now + retry_after);
        c.waiting.push_front((ticket, class));
    }

    /// When `grant` may next have something to give, if anything waits.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let global = match self.recent.len() >= self.limits.per_second as usize {
            true => self.recent.front().map(|t| *t + Duration::from_secs(1)),
            false => None,
        };
        let window = window(&self.limits);
        let chats = self.chats.values().filter(|c| !c.busy && !c.waiting.is_empty()).map(|c| {
            let room = match c.granted.len() < self.limits.chat_burst as usize {
                true => now,
                false => c.granted.front().map_or(now, |t| *t + window),
            };
            room.max(c.frozen_until.unwrap_or(now))
        });
        let soonest = chats.min()?;
        Some(global.map_or(soonest, |g| g.max(soonest)))
    }
}

/// The window a chat's burst is counted in (3 calls at 1 a second: 3 s).
fn window(limits: &Limits) -> Duration {
    Duration::from_secs_f64(f64::from(limits.chat_burst) / limits.chat_per_second.max(0.01))
}

/// Forgets a chat's grants older than the window, and a 429's wait that is over.
fn slide(chat: &mut Chat, limits: &Limits, now: Instant) {
    let window = window(limits);
    while chat.granted.front().is_some_and(|t| now.duration_since(*t) >= window) {
        chat.granted.pop_front();
    }
    if chat.frozen_until.is_some_and(|t| t <= now) {
        chat.frozen_until = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(per_second: u32) -> Limits {
        Limits { per_second, chat_burst: 3, chat_per_second: 1.0 }
    }

    /// Grants everything it can at `now`, reporting each call done at once.
    fn drain(b: &mut Budget, now: Instant) -> Vec<(i64, Ticket)> {
        let g = b.grant(now);
        for (chat, _) in &g {
            b.done(*chat);
        }
        g
    }

    #[test]
    fn a_chat_is_served_in_order_one_call_at_a_time_within_its_bucket() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        let tickets: Vec<_> = (0..5).map(|_| b.ask(7, Class::Reply)).collect();
        // One in flight at a time: the second waits for the first to be done.
        assert_eq!(b.grant(t), vec![(7, tickets[0])]);
        assert_eq!(b.grant(t), vec![]);
        b.done(7);
        assert_eq!(drain(&mut b, t), vec![(7, tickets[1])]);
        assert_eq!(drain(&mut b, t), vec![(7, tickets[2])]);
        // Three in the window of 3 s: the next waits until the first leaves it, and the schedule says when.
        assert_eq!(drain(&mut b, t), vec![]);
        assert_eq!(b.next_wake(t), Some(t + Duration::from_secs(3)));
        assert_eq!(drain(&mut b, t + Duration::from_secs(2)), vec![]);
        assert_eq!(drain(&mut b, t + Duration::from_secs(3)), vec![(7, tickets[3])]);
    }

    #[test]
    fn replies_go_before_staff_and_background_when_the_budget_is_short() {
        let t = Instant::now();
        let mut b = Budget::new(limits(2));
        let bg = b.ask(1, Class::Background);
        let staff = b.ask(-100, Class::Staff);
        let reply = b.ask(2, Class::Reply);
        assert_eq!(b.estimate(3, Class::Reply, t), Duration::from_millis(500), "one reply ahead, two a second");
        assert_eq!(drain(&mut b, t), vec![(2, reply), (-100, staff)]);
        assert_eq!(drain(&mut b, t), vec![], "two a second in all");
        assert_eq!(b.next_wake(t), Some(t + Duration::from_secs(1)));
        assert_eq!(drain(&mut b, t + Duration::from_secs(1)), vec![(1, bg)]);
    }

    #[test]
    fn a_429_freezes_that_chat_for_its_retry_after_and_the_call_is_asked_again_first() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        let first = b.ask(7, Class::Reply);
        let second = b.ask(7, Class::Reply);
        let other = b.ask(8, Class::Reply);
        let granted = b.grant(t);
        assert!(granted.contains(&(7, first)) && granted.contains(&(8, other)));
        b.done(8);
        b.too_many(7, first, Class::Reply, Duration::from_secs(5), t);
        assert_eq!(b.grant(t + Duration::from_secs(4)), vec![], "frozen");
        assert_eq!(b.next_wake(t), Some(t + Duration::from_secs(5)));
        assert_eq!(drain(&mut b, t + Duration::from_secs(5)), vec![(7, first)], "the same call, still first");
        assert_eq!(drain(&mut b, t + Duration::from_secs(5)), vec![(7, second)]);
    }

    #[test]
    fn chats_are_forgotten_once_their_window_is_over() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        for chat in 0..100 {
            b.ask(chat, Class::Reply);
        }
        assert_eq!(drain(&mut b, t).len(), 30);
        drain(&mut b, t + Duration::from_secs(1));
        drain(&mut b, t + Duration::from_secs(2));
        drain(&mut b, t + Duration::from_secs(3));
        drain(&mut b, t + Duration::from_secs(10));
        assert!(b.chats.is_empty(), "{} chats kept", b.chats.len());
    }

    #[test]
    fn a_flood_of_background_sends_does_not_hold_back_a_reply_beyond_the_budget() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        for chat in 0..500 {
            b.ask(1000 + chat, Class::Background);
        }
        assert_eq!(drain(&mut b, t).len(), 30);
        let reply = b.ask(5, Class::Reply);
        assert_eq!(b.waiting_before(Class::Reply), 1);
        // The next second's budget goes to the reply first.
        let next = drain(&mut b, t + Duration::from_secs(1));
        assert_eq!(next.first(), Some(&(5, reply)));
        assert_eq!(next.len(), 30);
    }
}
