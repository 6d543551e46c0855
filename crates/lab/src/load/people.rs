//! The simulated people: when each comes, what they send, how they read a reply and how long they think
//! before the next line.
//!
//! Owns: arrivals, the journey walked, what counts as one reply (see the load module's header) and telling
//! a busy notice from a reply. Must not touch: the sums (`report`).

use super::{JOURNEY, Scenario};
use crate::fake_telegram::{Accepted, FakeTelegram};
use std::time::{Duration, Instant};

/// One turn as a person saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// Which person (0-based, in the order they came).
    pub person: usize,
    /// From the person's message to the reply's first message-like call.
    pub first: Duration,
    /// From the person's message to the reply's last message-like call.
    pub last: Duration,
    /// The reply's message-like calls, in order (busy notices not among them).
    pub calls: Vec<&'static str>,
    /// When the reply's last call came, from the start of the run.
    pub done_at: Duration,
    /// Busy notices ("many people are writing…") that came while this turn waited for its reply.
    pub told: usize,
}

/// Everything the people saw.
#[derive(Debug, Default)]
pub struct Seen {
    pub turns: Vec<Turn>,
    /// How many people came.
    pub people: usize,
    /// Message-like calls to people that were neither a reply nor a notice: an update answered twice, or
    /// a reply after its person had given up waiting.
    pub stray: usize,
    /// When the last person was done, from the start of the run.
    pub ended: Duration,
}

/// Where the run is: the fake, when it started and must end, and the first words of the busy notice.
#[derive(Clone)]
pub struct Run {
    pub fake: FakeTelegram,
    pub start: Instant,
    pub deadline: Instant,
    pub scenario: Scenario,
    pub notice: std::sync::Arc<str>,
}

/// The chat (and user) id of person `u`.
fn chat_of(u: usize) -> i64 {
    1_000_000 + u as i64
}

/// Person `u`'s own generator, so their thinking times do not depend on how tasks interleave.
fn rng_of(seed: u64, u: usize) -> fastrand::Rng {
    fastrand::Rng::with_seed(seed ^ (u as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// When each person comes, from the start of the run, with their generator: `users` people over the first
/// 2 × the longest thought (`Think::arrival`), or the open stream of `Open::arrivals`.
fn arrivals(scenario: &Scenario, users: usize) -> Vec<(Duration, fastrand::Rng)> {
    match scenario.open {
        None => (0..users)
            .map(|u| {
                let mut rng = rng_of(scenario.seed, u);
                (scenario.think.arrival(&mut rng), rng)
            })
            .collect(),
        Some(open) => {
            let times = open.arrivals(&mut fastrand::Rng::with_seed(scenario.seed));
            times.into_iter().enumerate().map(|(u, at)| (at, rng_of(scenario.seed, u))).collect()
        }
    }
}

/// Everyone's journeys until `run.deadline`; then, after one more quiet, the calls nobody read.
pub async fn crowd(run: &Run, users: usize) -> Seen {
    let tasks: Vec<_> = arrivals(&run.scenario, users)
        .into_iter()
        .enumerate()
        .map(|(u, (at, rng))| tokio::spawn(person(run.clone(), u, at, rng)))
        .collect();
    let mut seen = Seen { people: tasks.len(), ..Seen::default() };
    let mut read = Vec::new();
    for t in tasks {
        if let Ok((turns, calls_read)) = t.await {
            seen.turns.extend(turns);
            read.push(calls_read);
        }
    }
    seen.ended = run.start.elapsed();
    tokio::time::sleep(run.scenario.quiet()).await;
    seen.stray = read.iter().enumerate().map(|(u, n)| run.fake.accepted_count_to(chat_of(u)).saturating_sub(*n)).sum();
    seen
}

/// One person's journey: each line sent, its reply read to the end, then a thought before the next. Stops
/// at the first reply that does not come, or at the deadline. Returns the turns and how many message-like
/// calls the person read.
async fn person(run: Run, u: usize, arrive: Duration, mut rng: fastrand::Rng) -> (Vec<Turn>, usize) {
    let chat = chat_of(u);
    let mut turns = Vec::with_capacity(JOURNEY.len());
    tokio::time::sleep_until((run.start + arrive).min(run.deadline).into()).await;
    let mut read = 0;
    for line in JOURNEY {
        if Instant::now() >= run.deadline {
            break;
        }
        let pushed = Instant::now();
        run.fake.push_text(chat, Some("en"), line);
        let Some((reply, told)) = read_reply(&run, chat, read).await else { break };
        read += reply.len() + told;
        turns.push(Turn::of(u, &reply, pushed, run.start, told));
        let answer_at = reply.last().map_or(pushed, |a| a.at) + run.scenario.think.draw(&mut rng);
        tokio::time::sleep_until(answer_at.min(run.deadline).into()).await;
    }
    (turns, read)
}

/// The message-like calls of one reply, from the `from`-th call to `chat` on, until the quiet passes
/// without another (see the module's header), and how many busy notices came first. `None` when not even
/// the first came before the deadline.
async fn read_reply(run: &Run, chat: i64, from: usize) -> Option<(Vec<Accepted>, usize)> {
    let left = || run.deadline.saturating_duration_since(Instant::now());
    let mut told = 0;
    let first = loop {
        let call = run.fake.wait_accepted(chat, from + told, left()).await?;
        if !is_notice(&run.notice, &call) {
            break call;
        }
        told += 1;
    };
    let mut reply = vec![first];
    loop {
        let limit = run.scenario.quiet().min(left());
        match run.fake.wait_accepted(chat, from + told + reply.len(), limit).await {
            Some(call) => reply.push(call),
            None => return Some((reply, told)),
        }
    }
}

/// A busy notice: its text starts with the notice's first words (`notice`; never when that is empty).
fn is_notice(notice: &str, call: &Accepted) -> bool {
    !notice.is_empty() && call.method == "sendMessage" && call.text.starts_with(notice)
}

impl Turn {
    /// `reply` is never empty (a turn has at least one call).
    fn of(person: usize, reply: &[Accepted], sent: Instant, start: Instant, told: usize) -> Turn {
        let since = |a: &Accepted| a.at.saturating_duration_since(sent);
        let last_at = reply.last().map_or(sent, |a| a.at);
        Turn {
            person,
            first: reply.first().map(since).unwrap_or_default(),
            last: reply.last().map(since).unwrap_or_default(),
            calls: reply.iter().map(|a| a.method).collect(),
            done_at: last_at.saturating_duration_since(start),
            told,
        }
    }
}
