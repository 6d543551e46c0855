//! The load tool behind `swipefix-lab load`: a fake Bot API on loopback, a real `swipefix telegram` child
//! process pointed at it, and N simulated people walking whole journeys at once. It reports updates/s,
//! latency from "update handed to the bot" to "its first reply arrived" (p50/p99), and the bot's peak RSS.
//! Bounded in count and time; it stops by itself and touches nothing but 127.0.0.1.

use crate::fake_telegram::FakeTelegram;
use std::fmt;
use std::path::PathBuf;
use std::process::Stdio;
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

#[derive(Debug)]
pub struct Report {
    pub users: usize,
    pub updates: usize,
    pub answered: usize,
    pub elapsed: Duration,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    pub peak_rss_kb: Option<u64>,
    /// CPU time the bot process used (user + system), if known.
    pub bot_cpu: Option<Duration>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        writeln!(f, "users            {}", self.users)?;
        writeln!(f, "updates          {} sent, {} answered", self.updates, self.answered)?;
        writeln!(f, "elapsed          {:.2} s", secs)?;
        writeln!(f, "throughput       {:.0} updates/s", self.answered as f64 / secs)?;
        writeln!(f, "latency p50      {:.1} ms", self.p50.as_secs_f64() * 1000.0)?;
        writeln!(f, "latency p99      {:.1} ms", self.p99.as_secs_f64() * 1000.0)?;
        writeln!(f, "latency max      {:.1} ms", self.max.as_secs_f64() * 1000.0)?;
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

pub async fn run(plan: Plan) -> Result<Report, LoadError> {
    let fake = FakeTelegram::start().await.map_err(LoadError::Fake)?;
    let data = tempfile::tempdir().map_err(LoadError::Temp)?;
    let mut child = bot_command(&plan.exe, &fake, data.path(), &plan.flows, &plan.locales)
        .env("SWIPEFIX_LOG", "error")
        .spawn()
        .map_err(|e| LoadError::Spawn(plan.exe.display().to_string(), e))?;
    let pid = child.id().unwrap_or(0);
    if !fake.wait_for_poll(Duration::from_secs(60)).await {
        let _ = child.start_kill();
        return Err(LoadError::NotUp);
    }

    let deadline = Instant::now() + plan.timeout;
    let cpu_before = cpu_time(pid);
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(plan.users);
    for u in 0..plan.users {
        let fake = fake.clone();
        let chat = 1_000_000 + u as i64;
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(JOURNEY.len());
            let mut seen = 0;
            for line in JOURNEY {
                let remaining = deadline.saturating_duration_since(Instant::now());
                if remaining.is_zero() {
                    break;
                }
                let update = fake.push_text(chat, Some("en"), line);
                let id = update["update_id"].as_u64().unwrap_or(0);
                let Some(reply) = fake.message_to(chat, seen, remaining).await else { break };
                // Every further message of this turn arrives before the next update is handled (one chat is
                // handled in order), so counting them all keeps the next wait on the next turn's reply.
                seen = fake.sent_to(chat).len();
                if let Some(served) = fake.served_at(id) {
                    latencies.push(reply.at.saturating_duration_since(served));
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        if let Ok(l) = t.await {
            latencies.extend(l);
        }
    }
    let elapsed = start.elapsed();
    let peak = peak_rss_kb(pid);
    let cpu_after = cpu_time(pid);
    let bot_cpu = match (cpu_before, cpu_after) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    let _ = child.start_kill();
    let _ = child.wait().await;
    latencies.sort();
    Ok(Report {
        users: plan.users,
        updates: plan.users * JOURNEY.len(),
        answered: latencies.len(),
        elapsed,
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        max: latencies.last().copied().unwrap_or_default(),
        peak_rss_kb: peak,
        bot_cpu,
    })
}
