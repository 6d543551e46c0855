//! The load tool behind `swipefix-lab load`: a fake Bot API on loopback, a real `swipefix telegram` child
//! process pointed at it, and N simulated people walking whole journeys at once, each answering as soon as
//! the bot's reply is complete or after thinking a while (`Think`). Optionally the fake keeps Telegram's
//! sending limits and the bot its throttle, as in production (`Limits`). It reports turns answered per
//! second, latency percentiles, message-like calls per turn and 429s per method, the bot's CPU time and peak
//! RSS. Bounded in count and time; it stops by itself and touches nothing but 127.0.0.1.
//!
//! People come as a crowd (`--users`, all within the first moments) or as an open stream (`--rate`,
//! `Open`): a real bot's people keep coming whether or not it keeps up, so only a stream shows a bot that
//! falls behind. A busy notice ("many people are writing…") is told apart from a reply by its first words;
//! the report counts the turns later than the bot's `busy_after` and whether their people were told first.
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
//! person's message (the update queued at the fake) to the last message-like call of its reply, as the
//! person waits it — time the update waits for the bot's `getUpdates` included; `first reply` is to the
//! first. Only after the quiet does the person answer, `think` after the reply's last call (at
//! once if that has passed). A reply with a pause longer than `quiet` inside it is cut in two: its late part
//! counts with the next turn, whose latency stays right while this turn's is short by the late part.

use crate::fake_telegram::{FakeTelegram, SendLimits};
use std::fmt;
use std::path::PathBuf;
use std::process::Stdio;
use std::str::FromStr;
use std::time::{Duration, Instant};

mod people;
mod report;
pub use people::{Seen, Turn};
pub use report::{BUSY_AFTER, Busy, Report, Steady, TOLD_SLACK};

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
    /// How many people at once (not used with `Scenario::open`, whose stream decides).
    pub users: usize,
    pub timeout: Duration,
    pub flows: PathBuf,
    pub locales: PathBuf,
    /// Where the bot keeps its cases, and how many processes serve.
    pub backend: Backend,
}

/// The bot under load: one polling process on sled (the default), or N processes behind the fake's
/// round-robin webhook on one PostgreSQL (a throwaway server unless `database` is given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Backend {
    #[default]
    Sled,
    Postgres {
        replicas: usize,
        database: Option<String>,
    },
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

    /// The mean thinking time.
    pub fn mean(&self) -> Duration {
        (self.min + self.max) / 2
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
    /// People who keep coming instead of `Plan::users` at once.
    pub open: Option<Open>,
}

/// People who keep coming, as to a real bot, whether or not it keeps up: a random (Poisson) stream for
/// `over`, at the rate that offers `turns_per_sec` turns a second once the first have walked a whole
/// journey. (A fixed crowd offers less as its replies slow down, so it cannot show a bot falling behind.)
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Open {
    pub turns_per_sec: f64,
    pub over: Duration,
}

impl Open {
    /// When each person comes, from the start: exponential gaps at `turns_per_sec` ÷ the journey's turns
    /// people a second, drawn from `rng`.
    pub fn arrivals(&self, rng: &mut fastrand::Rng) -> Vec<Duration> {
        let per_sec = self.turns_per_sec / JOURNEY.len() as f64;
        let mut at = 0.0;
        let mut out = Vec::new();
        if per_sec <= 0.0 {
            return out;
        }
        loop {
            // 1 - f64() is in (0, 1]: its logarithm is finite.
            at += -(1.0 - rng.f64()).ln() / per_sec;
            if at >= self.over.as_secs_f64() {
                break;
            }
            out.push(Duration::from_secs_f64(at));
        }
        out
    }
}

impl fmt::Display for Open {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let people = self.turns_per_sec / JOURNEY.len() as f64;
        let (rate, over) = (self.turns_per_sec, self.over.as_secs_f64());
        write!(f, "open: {people:.2} people/s ({rate:.1} turns/s) for {over:.0} s")
    }
}

impl Scenario {
    pub fn quiet(&self) -> Duration {
        self.quiet.unwrap_or(self.limits.default_quiet())
    }
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

/// A port of 127.0.0.1 free a moment ago (a server about to start takes it).
pub(crate) fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Makes `cmd` one of several bot processes behind one webhook (the fake's round-robin sender calls
/// `127.0.0.1:port`), on PostgreSQL at `url` with the master key `master`.
pub(crate) fn as_replica<'c>(
    cmd: &'c mut tokio::process::Command,
    port: u16,
    secret: &str,
    url: &str,
    master: &str,
) -> &'c mut tokio::process::Command {
    cmd.args(["--webhook-url", "https://bot.example/hook", "--listen", &format!("127.0.0.1:{port}")])
        .env("SWIPEFIX_WEBHOOK_SECRET", secret)
        .env("SWIPEFIX_DATABASE_URL", url)
        .env("SWIPEFIX_MASTER_KEY", master)
}

/// The original run: people answer at once, no limits.
pub async fn run(plan: Plan) -> Result<Report, LoadError> {
    run_scenario(plan, Scenario::default()).await
}

pub async fn run_scenario(plan: Plan, scenario: Scenario) -> Result<Report, LoadError> {
    let notice = busy_notice(&plan)?;
    let fake = FakeTelegram::start().await.map_err(LoadError::Fake)?;
    fake.limit_sending(scenario.limits.send_limits());
    let data = tempfile::tempdir().map_err(LoadError::Temp)?;
    let bots = bots::start(&plan, &fake, data.path(), scenario.limits).await?;

    let cpu_before = bots.cpu();
    let start = Instant::now();
    let run = people::Run { fake: fake.clone(), start, deadline: start + plan.timeout, scenario, notice };
    let seen = people::crowd(&run, plan.users).await;
    let mut report = Report::of(&seen, scenario, seen.ended);
    report.refused = fake.refused_by_method();
    report.peak_rss_kb = bots.peak_rss_kb();
    let cpu_after = bots.cpu();
    report.bot_cpu = cpu_after.bots.checked_sub(cpu_before.bots);
    report.db_cpu = cpu_after.database.zip(cpu_before.database).and_then(|(a, b)| a.checked_sub(b));
    report.processes = bots.processes();
    bots.stop().await;
    Ok(report)
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("the fake Bot API could not start: {0}")]
    Fake(std::io::Error),
    #[error("cannot start the bot ({0}): {1}")]
    Spawn(String, std::io::Error),
    #[error("the bot did not come up within 60 s (is the tree valid? try `swipefix flow check`)")]
    NotUp,
    #[error("the flows or texts have a problem: {0}")]
    Catalog(String),
    #[error("no temporary directory: {0}")]
    Temp(std::io::Error),
    #[error("no PostgreSQL for the run: {0}")]
    Database(String),
}

/// The peak resident memory of a process, from /proc (Linux).
pub(crate) fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// User + system CPU time of a process, from /proc/<pid>/stat (Linux; 100 ticks per second).
pub(crate) fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The first words of the busy notice in English (the simulated people's language): what comes before its
/// number of seconds.
fn busy_notice(plan: &Plan) -> Result<std::sync::Arc<str>, LoadError> {
    let catalog =
        swipefix::session::load_catalog(&plan.flows, &plan.locales).map_err(|e| LoadError::Catalog(e.to_string()))?;
    let text = catalog.i18n.raw("en-US", "ui-busy", &[("seconds", "\u{0}")]);
    // Fluent may wrap a placeable in Unicode isolation marks; they are not part of the words.
    let words = text.split('\u{0}').next().unwrap_or_default().trim_end_matches(['\u{2068}', '\u{2069}']);
    Ok(words.into())
}

mod bots;
#[cfg(test)]
mod tests;
