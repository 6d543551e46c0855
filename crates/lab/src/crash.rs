//! The crash test behind `swipefix-lab crash-test`: a fake Bot API on loopback, a real `swipefix telegram` child
//! process, and N simulated people talking to it without pause while the process is killed with SIGKILL at
//! random moments (some while it is still starting) and started again on the same data directory. At the
//! end the bot is stopped cleanly and the database is read back to check what the people saw:
//!
//! - every update whose reply a person saw is on one of their cases (its transcript line carries the update
//!   id): no acknowledged step is lost;
//! - no update appears twice on a person's cases: none was handled twice, although Telegram hands an update
//!   out again when a bot died before confirming it;
//! - every start of the bot opened the database and came up.
//!
//! Touches nothing but 127.0.0.1 and its temporary directories. Randomness is seeded (`--seed`), so a run
//! that found a problem can be repeated.

mod replicas;

pub use replicas::{FollowUps, Replicas, run as run_replicas};

use crate::fake_telegram::FakeTelegram;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use swipefix::store::{CaseStore, SledStore};

pub struct Plan {
    /// The `swipefix` executable to run as the bot.
    pub exe: PathBuf,
    pub users: usize,
    pub kills: usize,
    pub seed: u64,
    /// How long the bot runs between a start and its kill, on average (uniform from 0 to twice this).
    pub mean_run: Duration,
    pub flows: PathBuf,
    pub locales: PathBuf,
    /// Keep the data directory here (for a look afterwards) instead of a temporary one.
    pub keep: Option<PathBuf>,
    /// How the bot's "where we were" message after a restart begins, in en-US (`ui-resent`).
    pub resent_text: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub users: usize,
    pub kills: usize,
    /// Of the kills, how many hit the bot before it was up (opening the database, loading the tree).
    pub kills_while_starting: usize,
    pub starts: usize,
    pub updates: usize,
    pub acknowledged: usize,
    /// Sent and never answered: the bot was killed before replying (the person would send it again)...
    pub unanswered: usize,
    /// ...of which the bot had applied (saved) this many before it died.
    pub unanswered_applied: usize,
    /// Answered only by the next bot repeating its question ("this is where we are").
    pub resent: usize,
    /// Updates waited on at a kill and still queued (not confirmed): the next bot got them.
    pub carried_over: usize,
    pub cases: usize,
    /// Acknowledged updates not found on any case of the person.
    pub lost: usize,
    /// Updates found more than once on a person's cases.
    pub twice: usize,
    pub elapsed: Duration,
    /// Bot processes serving at once (1: one polling bot).
    pub replicas: usize,
    /// With replicas: the follow-up phase.
    pub followups: Option<FollowUps>,
    /// Everything that went wrong, one line each (starts that failed, checks that failed).
    pub failures: Vec<String>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.failures.is_empty()
            && self.lost == 0
            && self.twice == 0
            && self.followups.as_ref().is_none_or(FollowUps::ok)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "users                    {}", self.users)?;
        if self.replicas > 1 {
            writeln!(f, "replicas                 {} (webhook, round robin, one PostgreSQL)", self.replicas)?;
        }
        writeln!(f, "kills (SIGKILL)          {} ({} while starting)", self.kills, self.kills_while_starting)?;
        writeln!(f, "bot starts               {} (database opened: {})", self.starts, self.starts)?;
        writeln!(f, "updates sent             {}", self.updates)?;
        writeln!(f, "acknowledged (replied)   {}", self.acknowledged)?;
        writeln!(
            f,
            "unanswered (killed)      {} ({} of them applied before the kill)",
            self.unanswered, self.unanswered_applied
        )?;
        writeln!(f, "answered after restart   {} (the question again)", self.resent)?;
        match self.replicas {
            0 | 1 => writeln!(f, "in flight at a kill      {} (handed to the next bot)", self.carried_over)?,
            _ => {
                writeln!(f, "waited on at kills       {} (summed; queued, or with another replica)", self.carried_over)?
            }
        }
        writeln!(f, "cases checked            {}", self.cases)?;
        writeln!(f, "lost acknowledged steps  {}", self.lost)?;
        writeln!(f, "updates handled twice    {}", self.twice)?;
        if let Some(fu) = &self.followups {
            writeln!(f, "follow-ups due           {} ({} at their question, to tell)", fu.due, fu.expected)?;
            writeln!(f, "follow-ups told          {} ({} people told too often)", fu.told, fu.told_twice)?;
            writeln!(f, "follow-ups left queued   {} (unmarked on their case: {})", fu.left, fu.unmarked)?;
            writeln!(f, "queue entries orphaned   {} (their case's save undone; dropped, told no one)", fu.orphans)?;
        }
        write!(f, "elapsed                  {:.1} s", self.elapsed.as_secs_f64())?;
        for fail in &self.failures {
            write!(f, "\nFAILED: {fail}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CrashError {
    #[error("the fake Bot API could not start: {0}")]
    Fake(std::io::Error),
    #[error("cannot start the bot ({0}): {1}")]
    Spawn(String, std::io::Error),
    #[error("no temporary directory: {0}")]
    Temp(std::io::Error),
    #[error("no database for the replicas: {0}")]
    Database(String),
}

/// One person's journey, repeated: a new case each time. It ends at a question with a follow-up (a failed
/// payment whose money has not come back), so every finished journey leaves a follow-up queued.
const JOURNEY: &[&str] = &[
    "/start",
    "cn",
    "cardholder",
    "no",
    "failed_deducted",
    "88",
    "yesterday 18:05",
    "1234",
    "Corner Shop",
    "failed_no_slip",
    "have_slip",
];

/// What one simulated person sent: each update id, and what became of it.
struct Sent {
    chat: i64,
    updates: Vec<(u64, Outcome)>,
}

/// The update each person is waiting on. The driver decides, once a killed bot has exited, which of these
/// can never be answered: one that bot had confirmed (taken off the fake's queue) and not answered. One
/// still queued goes to the next bot. So whether a reply is still coming is known, not guessed from a timeout.
#[derive(Default)]
struct Waiting {
    by_chat: std::sync::Mutex<HashMap<i64, Wait>>,
}

struct Wait {
    update: u64,
    /// Messages the chat had before this update was sent.
    seen: usize,
    lost: bool,
    wake: Arc<tokio::sync::Notify>,
}

impl Waiting {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, Wait>> {
        self.by_chat.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// After a kill: marks the updates waited on that are `gone` — taken by the killed bot and not answered,
    /// so no reply can come — and wakes their people. Returns how many unanswered ones are still on their way
    /// (queued for the next bot, or in another bot's hands).
    fn judge(&self, fake: &FakeTelegram, resent: &str, gone: impl Fn(u64) -> bool) -> usize {
        let mut carried = 0;
        for (chat, w) in self.lock().iter_mut() {
            if w.lost || replied(fake, *chat, w.seen, resent) {
                continue;
            }
            if gone(w.update) {
                w.lost = true;
                w.wake.notify_one();
            } else {
                carried += 1;
            }
        }
        carried
    }
}

/// Whether a reply came to `chat` after its `seen`-th message. A "where we were" message after a restart
/// (the bot repeating its question for an earlier update it may not have answered) is no reply to this one.
fn replied(fake: &FakeTelegram, chat: i64, seen: usize, resent: &str) -> bool {
    fake.sent_since(chat, seen).iter().any(|m| !m.text().starts_with(resent))
}

/// A person sends a line and waits for its reply (or for the driver to rule it lost), then the next.
async fn person(fake: FakeTelegram, chat: i64, stop: Arc<AtomicBool>, waiting: Arc<Waiting>, resent: Arc<str>) -> Sent {
    let mut updates = Vec::new();
    let mut i = 0;
    while !stop.load(Ordering::Relaxed) {
        let line = JOURNEY[i % JOURNEY.len()];
        // A new one each time: a ruling on an earlier message must not end this wait.
        let wake = Arc::new(tokio::sync::Notify::new());
        // Sent and registered under the lock `judge` holds: it never sees one without the other.
        let (id, seen) = {
            let mut by_chat = waiting.lock();
            let seen = fake.sent_count(chat);
            let id = fake.push_text(chat, Some("en"), line)["update_id"].as_u64().unwrap_or(0);
            by_chat.insert(chat, Wait { update: id, seen, lost: false, wake: wake.clone() });
            (id, seen)
        };
        let mut next = seen;
        let outcome = loop {
            tokio::select! {
                reply = fake.message_to(chat, next, STUCK) => match reply {
                    Some(m) if m.text().starts_with(&*resent) => next += 1,
                    Some(_) => break Outcome::Replied,
                    None => break Outcome::Stuck,
                },
                // Ruled out: no reply is coming. A "where we were" message may have been the only answer (the
                // bot applied this update, died before replying, and the next one showed the question again).
                () = wake.notified() => break if next > seen { Outcome::Resent } else { Outcome::Lost },
            }
        };
        waiting.lock().remove(&chat);
        let outcome = if replied(&fake, chat, seen, &resent) { Outcome::Replied } else { outcome };
        updates.push((id, outcome));
        fake.forget_sent(chat);
        // A journey starts a new case; until that start is answered the person tries it again, so that no
        // case collects more than one journey (a case keeps its last 50 lines).
        if outcome == Outcome::Replied || i % JOURNEY.len() != 0 {
            i += 1;
        }
    }
    Sent { chat, updates }
}

/// How long a queued update may go unanswered while a bot runs before it counts as dropped.
const STUCK: Duration = Duration::from_secs(120);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Replied,
    /// Taken by a bot that was killed before it replied.
    Lost,
    /// Answered only by the next bot's "this is where we are" (the question again).
    Resent,
    /// Never answered although a bot was running: a dropped update.
    Stuck,
}

struct Bot {
    child: tokio::process::Child,
    log: PathBuf,
}

fn start_bot(plan: &Plan, fake: &FakeTelegram, data: &Path, logs: &Path, n: usize) -> Result<Bot, CrashError> {
    start_bot_with(plan, fake, data, &logs.join(format!("bot-{n}.log")), |c| c)
}

/// A bot process; `more` adds its arguments and environment (a replica's listener and database).
fn start_bot_with(
    plan: &Plan,
    fake: &FakeTelegram,
    data: &Path,
    log: &Path,
    more: impl FnOnce(&mut tokio::process::Command) -> &mut tokio::process::Command,
) -> Result<Bot, CrashError> {
    let stderr = std::fs::File::create(log).map_err(CrashError::Temp)?;
    let mut cmd = crate::load::bot_command(&plan.exe, fake, data, &plan.flows, &plan.locales);
    // People here type as fast as the machine lets them: no flood limit (`[telegram] flood_max`).
    cmd.env("SWIPEFIX_FLOOD_MAX", "0").env("SWIPEFIX_LOG", "warn").stderr(stderr);
    let child = more(&mut cmd).spawn().map_err(|e| CrashError::Spawn(plan.exe.display().to_string(), e))?;
    Ok(Bot { child, log: log.to_path_buf() })
}

/// The last lines the bot wrote to stderr: why a start failed.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().rev().take(3).collect();
    lines.into_iter().rev().collect::<Vec<_>>().join(" | ")
}

/// Waits until the bot started as number `n` is up (registered its commands), or has exited.
async fn wait_up(fake: &FakeTelegram, bot: &mut Bot, commands_before: u64) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if fake.wait_for_count("setMyCommands", commands_before, Duration::from_millis(100)).await {
            return Ok(());
        }
        if let Ok(Some(status)) = bot.child.try_wait() {
            return Err(format!("the bot exited by itself ({status}): {}", tail(&bot.log)));
        }
        if Instant::now() > deadline {
            return Err(format!("the bot did not come up within 60 s: {}", tail(&bot.log)));
        }
    }
}

pub async fn run(plan: Plan) -> Result<Report, CrashError> {
    let fake = FakeTelegram::start().await.map_err(CrashError::Fake)?;
    fake.stop_keeping_calls();
    let temp = tempfile::tempdir().map_err(CrashError::Temp)?;
    let data = plan.keep.clone().unwrap_or_else(|| temp.path().join("data"));
    // With --keep, the bots' stderr logs are kept beside the data directory too.
    let logs = plan.keep.as_ref().map_or_else(|| temp.path().join("logs"), |k| k.with_extension("logs"));
    std::fs::create_dir_all(&logs).map_err(CrashError::Temp)?;
    let mut rng = fastrand::Rng::with_seed(plan.seed);
    let mut report = Report { users: plan.users, replicas: 1, ..Report::default() };
    let start = Instant::now();

    let stop = Arc::new(AtomicBool::new(false));
    let waiting = Arc::new(Waiting::default());
    let resent: Arc<str> = plan.resent_text.clone().into();
    let people: Vec<_> = (0..plan.users)
        .map(|u| {
            tokio::spawn(person(fake.clone(), 2_000_000 + u as i64, stop.clone(), waiting.clone(), resent.clone()))
        })
        .collect();

    for k in 0..plan.kills {
        let before = fake.count("setMyCommands");
        let mut bot = start_bot(&plan, &fake, &data, &logs, k)?;
        report.starts += 1;
        let mean = plan.mean_run.as_millis().max(1) as u64;
        if rng.u32(0..5) == 0 {
            // While it opens the database and loads the tree.
            tokio::time::sleep(Duration::from_millis(rng.u64(0..=mean / 2))).await;
            if !fake.wait_for_count("setMyCommands", before + 1, Duration::ZERO).await {
                report.kills_while_starting += 1;
            }
        } else {
            if let Err(e) = wait_up(&fake, &mut bot, before).await {
                report.failures.push(format!("start {}: {e}", k + 1));
                break;
            }
            tokio::time::sleep(Duration::from_millis(rng.u64(0..=2 * mean))).await;
        }
        if let Ok(Some(status)) = bot.child.try_wait() {
            report.failures.push(format!("start {}: the bot exited by itself ({status}): {}", k + 1, tail(&bot.log)));
            break;
        }
        let _ = bot.child.start_kill();
        let _ = bot.child.wait().await;
        // A request the bot finished sending just before it died is being recorded: let it land.
        tokio::time::sleep(Duration::from_millis(50)).await;
        report.kills += 1;
        // One bot at a time: what it took off the queue and did not answer is lost.
        report.carried_over += waiting.judge(&fake, &resent, |u| !fake.is_pending(u));
    }

    // The last start: everyone stops sending, the bot takes what is queued, then stops cleanly (SIGTERM) —
    // finishing what it has in hand — and whatever is still waited on gets no answer.
    let before = fake.count("setMyCommands");
    let mut bot = start_bot(&plan, &fake, &data, &logs, plan.kills)?;
    report.starts += 1;
    let up = wait_up(&fake, &mut bot, before).await;
    stop.store(true, Ordering::Relaxed);
    if up.is_ok() {
        let drained = Instant::now() + STUCK;
        while fake.pending_updates() > 0 && Instant::now() < drained {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    match up {
        Ok(()) => {
            if let Err(e) = terminate(&mut bot).await {
                report.failures.push(format!("the last start did not stop cleanly: {e}: {}", tail(&bot.log)));
            }
        }
        Err(e) => report.failures.push(format!("the last start: {e}")),
    }
    let _ = bot.child.start_kill();
    let _ = bot.child.wait().await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    waiting.judge(&fake, &resent, |_| true);
    let sent = collect(people).await;
    match SledStore::open(&data) {
        Ok(store) => check(&store, &sent, &mut report),
        Err(e) => report.failures.push(format!("the database does not open after the run: {e}")),
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

/// SIGTERM, then the exit status: 0 is a clean stop (updates in hand finished, the store flushed).
async fn terminate(bot: &mut Bot) -> Result<(), String> {
    let Some(pid) = bot.child.id() else { return Err("no process id".into()) };
    let sent = tokio::process::Command::new("kill").arg("-TERM").arg(pid.to_string()).status().await;
    if !sent.is_ok_and(|s| s.success()) {
        return Err("could not send SIGTERM".into());
    }
    match tokio::time::timeout(Duration::from_secs(60), bot.child.wait()).await {
        Ok(Ok(s)) if s.success() => Ok(()),
        Ok(Ok(s)) => Err(format!("exit status {s}")),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("still running 60 s after SIGTERM".into()),
    }
}

/// What every person sent, once they have stopped.
async fn collect(people: Vec<tokio::task::JoinHandle<Sent>>) -> Vec<Sent> {
    let mut sent = Vec::new();
    for p in people {
        if let Ok(s) = p.await {
            sent.push(s);
        }
    }
    sent
}

/// Reads the database back and compares it with what the people saw.
fn check(store: &dyn CaseStore, sent: &[Sent], report: &mut Report) {
    let cases = match store.list() {
        Ok(c) => c,
        Err(e) => {
            report.failures.push(format!("the cases cannot be read: {e}"));
            return;
        }
    };
    report.cases = cases.len();
    // How often each update of each person is on their cases.
    let mut applied: HashMap<&str, HashMap<u64, usize>> = HashMap::new();
    for c in &cases {
        for line in &c.transcript {
            if let Some(u) = line.update {
                *applied.entry(c.owner.as_str()).or_default().entry(u).or_default() += 1;
            }
        }
    }
    for s in sent {
        let owner = format!("tg:{}", s.chat);
        let seen = applied.get(owner.as_str());
        for &(u, outcome) in &s.updates {
            report.updates += 1;
            let times = seen.and_then(|m| m.get(&u)).copied().unwrap_or(0);
            if outcome == Outcome::Stuck {
                report.failures.push(format!("update {u} of {owner} was never answered while the bot ran"));
            }
            if outcome == Outcome::Replied {
                report.acknowledged += 1;
                if times == 0 {
                    report.lost += 1;
                    if report.lost <= 5 {
                        report.failures.push(format!("update {u} of {owner} was answered but is on no case"));
                    }
                }
            } else if outcome == Outcome::Resent {
                report.resent += 1;
            } else {
                report.unanswered += 1;
                if times > 0 {
                    report.unanswered_applied += 1;
                }
            }
        }
    }
    for (owner, updates) in &applied {
        for (u, times) in updates {
            if *times > 1 {
                report.twice += 1;
                if report.twice <= 5 {
                    report.failures.push(format!("update {u} of {owner} was handled {times} times"));
                }
            }
        }
    }
}
