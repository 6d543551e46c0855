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
    /// A little under Telegram's published limits (29 of 30 a second, evenly spaced), so that a clock's
    /// jitter does not cost a 429.
    pub fn telegram() -> Limits {
        Limits { per_second: 29, chat_burst: 3, chat_per_second: 1.0 }
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
    /// The grants of the last `RATE_WINDOW`, by class: how much of the budget the classes ahead of another
    /// have lately taken (for `estimate`).
    lately: VecDeque<(Instant, Class)>,
    /// The next grant's slot: one every `spacing`, counted from the slots, not from when the task woke (a
    /// wake is always a little late, and counting from it lost one grant a second in ten).
    slot: Option<Instant>,
    next: Ticket,
}

impl Budget {
    pub fn new(limits: Limits) -> Budget {
        Budget { limits, chats: HashMap::new(), recent: VecDeque::new(), lately: VecDeque::new(), slot: None, next: 0 }
    }

    /// Queues a call to `chat`; its ticket comes back from `grant` when it may go. A busy notice goes ahead
    /// of what already waits in its chat: it is about the reply waiting there.
    pub fn ask(&mut self, chat: i64, class: Class) -> Ticket {
        self.next += 1;
        let waiting = &mut self.chats.entry(chat).or_default().waiting;
        match class {
            Class::Notice => waiting.push_front((self.next, class)),
            _ => waiting.push_back((self.next, class)),
        }
        self.next
    }

    /// How many calls wait, all chats together, of `class` or before it.
    pub fn waiting_before(&self, class: Class) -> usize {
        self.chats.values().flat_map(|c| &c.waiting).filter(|(_, k)| *k <= class).count()
    }

    /// About how long a call of `class` to `chat` would wait: the one waiting first in the chat, if it is of
    /// `class`, else one asked now. The calls granted before it in all chats at the rate left to its class,
    /// or its own chat's queue and 429 wait, whichever is longer.
    pub fn estimate(&self, chat: i64, class: Class, now: Instant) -> Duration {
        let c = self.chats.get(&chat);
        let waiting = c.and_then(|c| c.waiting.front()).filter(|(_, k)| *k == class).map(|(t, _)| *t);
        let ahead = match waiting {
            Some(ticket) => self.waiting_ahead_of(class, ticket),
            None => self.waiting_before(class),
        };
        let global = Duration::from_secs_f64(ahead as f64 / self.rate_left(class, now));
        let Some(c) = c else { return global };
        let frozen = c.frozen_until.map_or(Duration::ZERO, |t| t.saturating_duration_since(now));
        let queued = if waiting.is_some() { 0 } else { c.waiting.len() };
        let own = Duration::from_secs_f64(queued as f64 / self.limits.chat_per_second.max(0.01));
        global.max(frozen + own)
    }

    /// How many waiting calls go before `ticket` of `class`: better classes, and older tickets of its own.
    fn waiting_ahead_of(&self, class: Class, ticket: Ticket) -> usize {
        self.chats.values().flat_map(|c| &c.waiting).filter(|(t, k)| (*k, *t) < (class, ticket)).count()
    }

    /// Calls a second that `class` may expect: the budget less what classes ahead of it (busy notices, for
    /// replies) took over the last `RATE_WINDOW`. Counting only the queue at the full rate promised replies
    /// a quarter too early when many people were being told at once (measured at 150 % of the budget).
    fn rate_left(&self, class: Class, now: Instant) -> f64 {
        let ahead = self.lately.iter().filter(|(t, k)| *k < class && now.duration_since(*t) < RATE_WINDOW).count();
        let full = f64::from(self.limits.per_second.max(1));
        (full - ahead as f64 / RATE_WINDOW.as_secs_f64()).max(1.0)
    }

    /// The tickets that may go now, best class first; each is counted against the budget.
    pub fn grant(&mut self, now: Instant) -> Vec<(i64, Ticket)> {
        while self.recent.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1)) {
            self.recent.pop_front();
        }
        while self.lately.front().is_some_and(|(t, _)| now.duration_since(*t) >= RATE_WINDOW) {
            self.lately.pop_front();
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
        // Evenly spaced, not in bursts: a call reaches Telegram a few milliseconds after its grant, and a
        // burst granted as the last second's calls leave the window arrives inside Telegram's own window
        // with the tail of those (measured: 429s at half the budget). One grant per spacing.
        let spaced = self.slot.is_none_or(|s| now >= s);
        let room = match spaced {
            true => (self.limits.per_second as usize).saturating_sub(self.recent.len()).min(1),
            false => 0,
        };
        let mut out = Vec::new();
        for (class, ticket, id) in ready.into_iter().take(room) {
            let chat = self.chats.get_mut(&id).expect("listed above");
            chat.waiting.pop_front();
            chat.busy = true;
            chat.granted.push_back(now);
            self.recent.push_back(now);
            self.lately.push_back((now, class));
            // A slot missed by less than one spacing is caught up; an older one (an idle spell) is not.
            let planned = self.slot.filter(|s| now.duration_since(*s) < self.spacing()).unwrap_or(now);
            self.slot = Some(planned + self.spacing());
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

    /// The time between two grants: the second shared out evenly.
    fn spacing(&self) -> Duration {
        Duration::from_secs_f64(1.0 / f64::from(self.limits.per_second.max(1)))
    }

    /// When `grant` may next have something to give, if anything waits.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let full = match self.recent.len() >= self.limits.per_second as usize {
            true => self.recent.front().map(|t| *t + Duration::from_secs(1)),
            false => None,
        };
        let global = full.max(self.slot);
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

/// The window a chat's burst is counted in (3 calls at 1 a second: 3 s), and a little more: Telegram counts
/// when a call arrives, a few milliseconds after its grant, and a window that is exactly as long lets the
/// fourth call of a chat arrive just inside it.
fn window(limits: &Limits) -> Duration {
    Duration::from_secs_f64(f64::from(limits.chat_burst) / limits.chat_per_second.max(0.01)) + CHAT_MARGIN
}

/// See `window`.
const CHAT_MARGIN: Duration = Duration::from_millis(250);

/// How far back `estimate` looks at the share of the budget taken by classes ahead of the one asking.
const RATE_WINDOW: Duration = Duration::from_secs(10);

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

    /// Runs the schedule from `from` to `until`, waking when it says, each call done at once: the grants
    /// and when they were made (seconds after `from`).
    fn run(b: &mut Budget, from: Instant, until: f64) -> Vec<(i64, Ticket, f64)> {
        let mut out = Vec::new();
        let mut now = from;
        while now.duration_since(from).as_secs_f64() <= until {
            for (chat, ticket) in b.grant(now) {
                b.done(chat);
                out.push((chat, ticket, now.duration_since(from).as_secs_f64()));
            }
            match b.next_wake(now) {
                Some(w) if w > now => now = w,
                Some(_) => {}
                None => break,
            }
        }
        out
    }

    #[test]
    fn a_chat_is_served_in_order_one_call_at_a_time_three_in_any_three_seconds() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        let tickets: Vec<_> = (0..5).map(|_| b.ask(7, Class::Reply)).collect();
        // One in flight at a time: the second waits for the first to be done.
        assert_eq!(b.grant(t), vec![(7, tickets[0])]);
        assert_eq!(b.grant(t + Duration::from_secs(1)), vec![]);
        b.done(7);
        let got = run(&mut b, t + Duration::from_secs(1), 10.0);
        let order: Vec<Ticket> = got.iter().map(|(_, k, _)| *k).collect();
        assert_eq!(order, tickets[1..].to_vec(), "in the order asked");
        // Three in the window (with its margin): the fourth waits until the first has left it.
        assert!(got[2].2 >= 2.25 - 1.0, "{got:?}");
    }

    #[test]
    fn grants_are_evenly_spaced_and_replies_go_first_when_the_budget_is_short() {
        let t = Instant::now();
        let mut b = Budget::new(limits(2));
        let bg = b.ask(1, Class::Background);
        let staff = b.ask(-100, Class::Staff);
        let reply = b.ask(2, Class::Reply);
        assert_eq!(b.estimate(3, Class::Reply, t), Duration::from_millis(500), "one reply ahead, two a second");
        let got = run(&mut b, t, 5.0);
        assert_eq!(got.iter().map(|(c, k, _)| (*c, *k)).collect::<Vec<_>>(), vec![(2, reply), (-100, staff), (1, bg)]);
        let times: Vec<f64> = got.iter().map(|(_, _, at)| *at).collect();
        assert_eq!(times, vec![0.0, 0.5, 1.0], "half a second apart at two a second");
    }

    #[test]
    fn a_reply_s_estimate_counts_the_budget_that_notices_have_lately_taken() {
        let t = Instant::now();
        let mut b = Budget::new(limits(10));
        // For 10 s, half the grants were notices.
        for i in 0..100 {
            let class = if i % 2 == 0 { Class::Notice } else { Class::Reply };
            b.ask(i, class);
        }
        run(&mut b, t, 9.99);
        let now = t + Duration::from_secs(10);
        for chat in 1000..1040 {
            b.ask(chat, Class::Reply);
        }
        // 40 replies ahead at the 5 a second left to replies: 8 s, not the 4 s of the full rate.
        let est = b.estimate(7, Class::Reply, now);
        assert!((7.5..8.5).contains(&est.as_secs_f64()), "{est:?}");
        // Notices themselves have nothing ahead of them.
        assert_eq!(b.estimate(7, Class::Notice, now), Duration::ZERO);
    }

    #[test]
    fn a_waiting_call_s_estimate_counts_only_what_goes_before_it_and_a_notice_jumps_its_chat() {
        let t = Instant::now();
        let mut b = Budget::new(limits(10));
        for chat in 0..20 {
            b.ask(chat, Class::Reply);
        }
        let mine = b.ask(7, Class::Reply);
        for chat in 100..140 {
            b.ask(chat, Class::Reply);
        }
        // Chat 7 waits first with ticket 8 (asked among the first 20), then `mine`: the estimate is for ticket 8.
        assert_eq!(b.estimate(7, Class::Reply, t), Duration::from_millis(700), "7 replies ahead at 10 a second");
        assert_eq!(b.estimate(500, Class::Reply, t), Duration::from_millis(6100), "a new one: all 61 ahead");
        let notice = b.ask(7, Class::Notice);
        let got = run(&mut b, t, 10.0);
        let in_seven: Vec<Ticket> = got.iter().filter(|(c, _, _)| *c == 7).map(|(_, k, _)| *k).collect();
        assert_eq!(in_seven, vec![notice, 8, mine], "the notice first in its chat, then the chat's order");
        assert_eq!(got[0].1, notice, "and first of all");
    }

    #[test]
    fn a_429_freezes_that_chat_for_its_retry_after_and_the_call_is_asked_again_first() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        let first = b.ask(7, Class::Reply);
        let second = b.ask(7, Class::Reply);
        assert_eq!(b.grant(t), vec![(7, first)]);
        b.too_many(7, first, Class::Reply, Duration::from_secs(5), t);
        assert_eq!(b.grant(t + Duration::from_secs(4)), vec![], "frozen");
        assert_eq!(b.next_wake(t), Some(t + Duration::from_secs(5)));
        let got = run(&mut b, t + Duration::from_secs(5), 10.0);
        assert_eq!(got.iter().map(|(_, k, _)| *k).collect::<Vec<_>>(), vec![first, second], "the same call first");
    }

    #[test]
    fn chats_are_forgotten_once_their_window_is_over() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        for chat in 0..100 {
            b.ask(chat, Class::Reply);
        }
        assert_eq!(run(&mut b, t, 20.0).len(), 100);
        b.grant(t + Duration::from_secs(30));
        assert!(b.chats.is_empty(), "{} chats kept", b.chats.len());
    }

    #[test]
    fn a_flood_of_background_sends_does_not_hold_back_a_reply_beyond_the_budget() {
        let t = Instant::now();
        let mut b = Budget::new(limits(30));
        for chat in 0..500 {
            b.ask(1000 + chat, Class::Background);
        }
        let before = run(&mut b, t, 0.99);
        assert_eq!(before.len(), 30, "a second's budget");
        let reply = b.ask(5, Class::Reply);
        assert_eq!(b.waiting_before(Class::Reply), 1);
        let after = run(&mut b, t + Duration::from_secs(1), 0.0);
        assert_eq!(after.first().map(|(c, k, _)| (*c, *k)), Some((5, reply)), "the reply takes the next grant");
    }
}
