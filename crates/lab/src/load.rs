//! The load tool behind `swipefix-lab load`: a fake Bot API on loopback, a real `swipefix telegram` child
//! process pointed at it, and N simulated people walking whole journeys at once, each answering as soon as
//! the bot's reply is complete or after thinking a while (`Think`). Optionally the fake keeps Telegram's
//! sending limits and the bot its throttle, as in production (`Limits`). It reports turns answered per
//! second, latency percentiles, message-like calls per turn and 429s per method, the bot's CPU time and peak
//! RSS. Bounded in count and time; it stops by itself and touches nothing but 127.0.0.1.
//!
//! Owns: the simulated people, the rule that says a reply is complete, the report and its format.
//! Must not touch: the bot beyond its process (it reads /proc for CPU and memory); the limit rules
//! (`send_limits`).
//!
//! **A turn** is one update of a person and the bot's reply to it. **The reply is complete** when no
//! message-like call (a send, an edit, a file: `MESSAGE_LIKE`) has reached the person's chat for `quiet`
//! after the last one. The bot sends a reply's messages one after another: milliseconds apart without limits
//! (`quiet` 100 ms by default, short too so that 1,000 people pausing that long after each reply still keep
//! the bot saturated, as the tool's original runs did), about a second apart in one chat under Telegram's
//! (its throttle; `quiet` 2 s by default, longer than that spacing and than a `retry_after` of 1). A turn's **latency** runs from the
//! update being handed to the bot (`getUpdates`) to the last message-like call of its reply; `first reply`
//! is to the first. Only after the quiet does the person answer, `think` after the reply's last call (at
//! once if that has passed). A reply with a pause longer than `quiet` inside it is cut in two: its late part
//! counts with the next turn, whose latency stays right while this turn's is short by the late part.

use crate::fake_telegram::{Accepted, FakeTelegram, SendLimits};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::process::Stdio;
use std::str::FromStr;
use std::time::{Duration, Instant};

/// One person's journey: typed answers and button ids, each answered by the bot.
pub const JOURNEY: &[&str] = &[
    "/start",
    "cn",
    "cardholder",
    "no",
    "double",
    "1,280.50",
    "yesterday 18:05",
    "1234",
    "Corner Shop",
    "both_ok",
    "/status",
    "have_slip",
];

pub struct Plan {
    /// The `swipefix` executable to run as the bot.
    pub exe: PathBuf,
    pub users: usize,
    pub timeout: Duration,
    pub flows: PathBuf,
    pub locales: PathBuf,
}

/// How long a simulated person thinks before each answer: uniform between `min` and `max`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Think {
    pub min: Duration,
    pub max: Duration,
}

impl Think {
    /// Not at all: the person answers as soon as the reply is complete.
    pub fn none() -> Think {
        Think::default()
    }

    fn is_none(&self) -> bool {
        self.max.is_zero()
    }

    /// When a thinking person first writes: at a uniform moment of the first `2 × max`, so that a run measures
    /// people arriving over time, not all at the same instant (which only measures the first burst).
    pub fn arrival(&self, rng: &mut fastrand::Rng) -> Duration {
        self.max.mul_f64(2.0 * rng.f64())
    }

    /// One thinking time, drawn from `rng` (seeded, so a run's people think alike each time).
    pub fn draw(&self, rng: &mut fastrand::Rng) -> Duration {
        self.min + self.max.saturating_sub(self.min).mul_f64(rng.f64())
    }
}

/// `MIN-MAX` in seconds (`2-8`, `0.5-1.5`), or one number for a fixed time.
impl FromStr for Think {
    type Err = String;
    fn from_str(s: &str) -> Result<Think, String> {
        let secs = |v: &str| {
            v.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0 && *x <= 3600.0)
                .map(Duration::from_secs_f64)
                .ok_or_else(|| format!("`{v}` is not a number of seconds from 0 to 3600"))
        };
        let (min, max) = match s.split_once('-') {
            Some((a, b)) => (secs(a)?, secs(b)?),
            None => (secs(s)?, secs(s)?),
        };
        if min > max {
            return Err(format!("`{s}`: the least time is more than the most"));
        }
        Ok(Think { min, max })
    }
}

impl fmt::Display for Think {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            return write!(f, "none");
        }
        write!(f, "{}-{} s", self.min.as_secs_f64(), self.max.as_secs_f64())
    }
}

/// Whether the fake keeps Telegram's sending limits (and the bot, as in production, its throttle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Limits {
    /// No limits, no throttle: what the bot itself can do.
    #[default]
    None,
    /// `SendLimits::telegram()` in the fake, `SWIPEFIX_THROTTLE=on` in the bot.
    Telegram,
}

impl Limits {
    pub fn send_limits(self) -> Option<SendLimits> {
        match self {
            Limits::None => None,
            Limits::Telegram => Some(SendLimits::telegram()),
        }
    }

    /// How long without a message-like call ends a reply (see the module's header).
    pub fn default_quiet(self) -> Duration {
        match self {
            Limits::None => Duration::from_millis(100),
            Limits::Telegram => Duration::from_secs(2),
        }
    }
}

impl FromStr for Limits {
    type Err = String;
    fn from_str(s: &str) -> Result<Limits, String> {
        match s {
            "none" => Ok(Limits::None),
            "telegram" => Ok(Limits::Telegram),
            _ => Err(format!("`{s}` is neither `telegram` nor `none`")),
        }
    }
}

impl fmt::Display for Limits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.send_limits() {
            None => write!(f, "none"),
            Some(l) => write!(
                f,
                "telegram ({}/s in all, {} in {} s in a private chat, {}/min in a group)",
                l.per_second,
                l.per_chat_burst,
                l.private_window().as_secs_f64(),
                l.group_per_minute
            ),
        }
    }
}

/// How the simulated people behave and what the fake enforces. The default is the tool's original run:
/// no thinking, no limits.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scenario {
    pub think: Think,
    /// Seeds every person's thinking times (person `i` draws from `seed` and `i`).
    pub seed: u64,
    pub limits: Limits,
    /// How long without a message-like call ends a reply; `None`: `Limits::default_quiet`.
    pub quiet: Option<Duration>,
}

impl Scenario {
    pub fn quiet(&self) -> Duration {
        self.quiet.unwrap_or(self.limits.default_quiet())
    }
}

/// One turn as a person saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// From the update handed to the bot to the reply's first message-like call.
    pub first: Duration,
    /// From the update handed to the bot to the reply's last message-like call.
    pub last: Duration,
    /// The reply's message-like calls, in order.
    pub calls: Vec<&'static str>,
}

impl Turn {
    /// `reply` is never empty (a turn has at least one call).
    fn of(reply: &[Accepted], start: Instant) -> Turn {
        let since = |a: &Accepted| a.at.saturating_duration_since(start);
        Turn {
            first: reply.first().map(since).unwrap_or_default(),
            last: reply.last().map(since).unwrap_or_default(),
            calls: reply.iter().map(|a| a.method).collect(),
        }
    }
}

#[derive(Debug)]
pub struct Report {
    pub users: usize,
    pub scenario: Scenario,
    pub updates: usize,
    /// Turns whose reply came (one update a turn).
    pub answered: usize,
    pub elapsed: Duration,
    /// Latency to the last message-like call of the reply.
    pub p50: Duration,
    pub p95: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// Latency to the first message-like call of the reply (what this tool measured before it had `think`).
    pub first_p50: Duration,
    pub first_p99: Duration,
    /// Message-like calls per answered turn, per method (methods with none left out).
    pub calls_per_turn: BTreeMap<&'static str, f64>,
    /// Message-like calls the fake refused with 429, per method.
    pub refused: BTreeMap<&'static str, u64>,
    pub peak_rss_kb: Option<u64>,
    /// CPU time the bot process used (user + system), if known.
    pub bot_cpu: Option<Duration>,
}

impl Report {
    /// The sums over the people's turns; the bot's CPU and memory are the caller's to fill in.
    pub fn of(users: usize, scenario: Scenario, turns: &[Turn], elapsed: Duration) -> Report {
        let mut last: Vec<Duration> = turns.iter().map(|t| t.last).collect();
        let mut first: Vec<Duration> = turns.iter().map(|t| t.first).collect();
        last.sort();
        first.sort();
        Report {
            users,
            scenario,
            updates: users * JOURNEY.len(),
            answered: turns.len(),
            elapsed,
            p50: percentile(&last, 0.50),
            p95: percentile(&last, 0.95),
            p99: percentile(&last, 0.99),
            max: last.last().copied().unwrap_or_default(),
            first_p50: percentile(&first, 0.50),
            first_p99: percentile(&first, 0.99),
            calls_per_turn: calls_per_turn(turns),
            refused: BTreeMap::new(),
            peak_rss_kb: None,
            bot_cpu: None,
        }
    }
}

/// Each method's message-like calls divided by the turns.
fn calls_per_turn(turns: &[Turn]) -> BTreeMap<&'static str, f64> {
    let mut sums: BTreeMap<&'static str, f64> = BTreeMap::new();
    for method in turns.iter().flat_map(|t| &t.calls) {
        *sums.entry(method).or_default() += 1.0;
    }
    let n = turns.len().max(1) as f64;
    sums.values_mut().for_each(|v| *v /= n);
    sums
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let think = match self.scenario.think.is_none() {
            true => "none".to_string(),
            false => format!("{}, uniform, seed {}", self.scenario.think, self.scenario.seed),
        };
        writeln!(f, "users            {}", self.users)?;
        writeln!(f, "think            {think}")?;
        writeln!(f, "limits           {}", self.scenario.limits)?;
        writeln!(f, "reply complete   after {:.0} ms without a message-like call", ms(self.scenario.quiet()))?;
        writeln!(f, "updates          {} sent, {} answered", self.updates, self.answered)?;
        writeln!(f, "elapsed          {:.2} s", secs)?;
        writeln!(f, "throughput       {:.0} updates/s", self.answered as f64 / secs)?;
        writeln!(f, "turns            {} answered, {:.2}/s", self.answered, self.answered as f64 / secs)?;
        writeln!(f, "latency p50      {:.1} ms", ms(self.p50))?;
        writeln!(f, "latency p95      {:.1} ms", ms(self.p95))?;
        writeln!(f, "latency p99      {:.1} ms", ms(self.p99))?;
        writeln!(f, "latency max      {:.1} ms", ms(self.max))?;
        writeln!(f, "first reply      p50 {:.1} ms, p99 {:.1} ms", ms(self.first_p50), ms(self.first_p99))?;
        // Folded from +0.0: an empty `sum()` of floats is -0.0, which prints as "-0.00".
        let total = self.calls_per_turn.values().fold(0.0, |a, b| a + b);
        writeln!(
            f,
            "calls per turn   {total:.2}{}",
            listed(self.calls_per_turn.iter().map(|(m, v)| format!("{m} {v:.2}")))
        )?;
        let refused: u64 = self.refused.values().sum();
        writeln!(f, "429s             {refused}{}", listed(self.refused.iter().map(|(m, n)| format!("{m} {n}"))))?;
        if let Some(cpu) = self.bot_cpu {
            writeln!(
                f,
                "bot CPU          {:.2} s ({:.0}% of one core)",
                cpu.as_secs_f64(),
                cpu.as_secs_f64() / secs * 100.0
            )?;
        }
        match self.peak_rss_kb {
            Some(kb) => write!(f, "bot peak RSS     {:.1} MB", kb as f64 / 1024.0),
            None => write!(f, "bot peak RSS     unknown (no /proc)"),
        }
    }
}

/// `: a 1, b 2` after a total, or nothing when there is nothing to list.
fn listed(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    if items.is_empty() { String::new() } else { format!(": {}", items.join(", ")) }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the fake Bot API could not start: {0}")]
    Fake(std::io::Error),
    #[error("cannot start the bot ({0}): {1}")]
    Spawn(String, std::io::Error),
    #[error("the bot did not come up within 60 s (is the tree valid? try `swipefix flow check`)")]
    NotUp,
    #[error("no temporary directory: {0}")]
    Temp(std::io::Error),
}

/// The peak resident memory of a process, from /proc (Linux).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU time of a process, from /proc/<pid>/stat (Linux; 100 ticks per second).
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// A `swipefix telegram` process against `fake`, without Telegram's sending limits (it is a local fake),
/// keeping its cases in `data`. The caller adds the log level and where stderr goes.
pub fn bot_command(
    exe: &std::path::Path,
    fake: &FakeTelegram,
    data: &std::path::Path,
    flows: &std::path::Path,
    locales: &std::path::Path,
) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(exe);
    cmd.arg("telegram")
        .arg("--data")
        .arg(data)
        .env("TELOXIDE_TOKEN", "123456:local-test")
        .env("TELOXIDE_API_URL", fake.api_url())
        .env("SWIPEFIX_FLOWS", flows)
        .env("SWIPEFIX_LOCALES", locales)
        // A local fake has no sending limits to respect (`[telegram] throttle` in swipefix.toml).
        .env("SWIPEFIX_THROTTLE", "off")
        .env_remove("SWIPEFIX_NOW")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .kill_on_drop(true);
    cmd
}

/// The original run: people answer at once, no limits.
pub async fn run(plan: Plan) -> Result<Report, LoadError> {
    run_scenario(plan, Scenario::default()).await
}

pub async fn run_scenario(plan: Plan, scenario: Scenario) -> Result<Report, LoadError> {
    let fake = FakeTelegram::start().await.map_err(LoadError::Fake)?;
    fake.limit_sending(scenario.limits.send_limits());
    let data = tempfile::tempdir().map_err(LoadError::Temp)?;
    let throttle = if scenario.limits == Limits::Telegram { "on" } else { "off" };
    let mut child = bot_command(&plan.exe, &fake, data.path(), &plan.flows, &plan.locales)
        .env("SWIPEFIX_THROTTLE", throttle)
        .env("SWIPEFIX_LOG", "error")
        .spawn()
        .map_err(|e| LoadError::Spawn(plan.exe.display().to_string(), e))?;
    let pid = child.id().unwrap_or(0);
    if !fake.wait_for_poll(Duration::from_secs(60)).await {
        let _ = child.start_kill();
        return Err(LoadError::NotUp);
    }

    let cpu_before = cpu_time(pid);
    let start = Instant::now();
    let turns = crowd(&fake, plan.users, start + plan.timeout, scenario).await;
    let mut report = Report::of(plan.users, scenario, &turns, start.elapsed());
    report.refused = fake.refused_by_method();
    report.peak_rss_kb = peak_rss_kb(pid);
    report.bot_cpu = match (cpu_before, cpu_time(pid)) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    let _ = child.start_kill();
    let _ = child.wait().await;
    Ok(report)
}

/// `users` people walking the journey at once until `deadline`; every turn any of them saw answered.
async fn crowd(fake: &FakeTelegram, users: usize, deadline: Instant, scenario: Scenario) -> Vec<Turn> {
    let tasks: Vec<_> = (0..users)
        .map(|u| {
            let fake = fake.clone();
            // Each person's own generator, so their thinking times do not depend on how tasks interleave.
            let rng = fastrand::Rng::with_seed(scenario.seed ^ (u as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            tokio::spawn(person(fake, 1_000_000 + u as i64, deadline, scenario, rng))
        })
        .collect();
    let mut turns = Vec::new();
    for t in tasks {
        if let Ok(mine) = t.await {
            turns.extend(mine);
        }
    }
    turns
}

/// One person's journey: each line sent, its reply read to the end, then a thought before the next. Stops at
/// the first reply that does not come, or at `deadline`.
async fn person(
    fake: FakeTelegram,
    chat: i64,
    deadline: Instant,
    scenario: Scenario,
    mut rng: fastrand::Rng,
) -> Vec<Turn> {
    let mut turns = Vec::with_capacity(JOURNEY.len());
    let arrive = Instant::now() + scenario.think.arrival(&mut rng);
    tokio::time::sleep_until(arrive.min(deadline).into()).await;
    for line in JOURNEY {
        if Instant::now() >= deadline {
            break;
        }
        let seen = fake.accepted_count_to(chat);
        let pushed = Instant::now();
        let id = fake.push_text(chat, Some("en"), line)["update_id"].as_u64().unwrap_or(0);
        let Some(reply) = read_reply(&fake, chat, seen, deadline, scenario.quiet()).await else { break };
        turns.push(Turn::of(&reply, fake.served_at(id).unwrap_or(pushed)));
        let answer_at = reply.last().map_or(pushed, |a| a.at) + scenario.think.draw(&mut rng);
        tokio::time::sleep_until(answer_at.min(deadline).into()).await;
    }
    turns
}

/// The message-like calls of one reply: from the `from`-th call to `chat` on, until `quiet` passes without
/// another (see the module's header). `None` when not even the first came before `deadline`.
async fn read_reply(
    fake: &FakeTelegram,
    chat: i64,
    from: usize,
    deadline: Instant,
    quiet: Duration,
) -> Option<Vec<Accepted>> {
    let first = fake.wait_accepted(chat, from, deadline.saturating_duration_since(Instant::now())).await?;
    let mut reply = vec![first];
    loop {
        let limit = quiet.min(deadline.saturating_duration_since(Instant::now()));
        match fake.wait_accepted(chat, from + reply.len(), limit).await {
            Some(call) => reply.push(call),
            None => return Some(reply),
        }
    }
}

#[cfg(test)]
mod tests;
