//! The crash test with replicas (`swipefix-lab crash-test --replicas N`): N bot processes on one PostgreSQL,
//! behind the fake Bot API's round-robin webhook sender, SIGKILLed one at a time at random and started again
//! while the others go on serving. Then the follow-ups: all N start at once with the clock past every
//! follow-up, and race to fire them.
//!
//! Checked, besides what the one-process test checks (no answered step lost, no update handled twice):
//! every due follow-up fired once — its case marked, its person told once, the queue empty.
//!
//! Owns: the replicas' lifecycle and the follow-up phase. Must not touch: the people and the checks of the
//! cases (the parent module's).

use super::{Bot, CrashError, Plan, Report, Sent, Waiting, check, collect, person, start_bot_with, tail, terminate};
use crate::fake_telegram::FakeTelegram;
use crate::postgres::TempPostgres;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use swipefix::store::{CaseStore, MasterKey, PgStore};

pub struct Replicas {
    pub plan: Plan,
    /// How many bot processes serve at once.
    pub replicas: usize,
    /// The database; a throwaway PostgreSQL is started when none is given.
    pub database: Option<String>,
    /// How a follow-up's message begins, in en-US (`ui-reminder`).
    pub reminder_text: String,
}

/// What the follow-up phase found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FollowUps {
    /// Queued and due when the replicas started.
    pub due: usize,
    /// Of those, at their question still: each must tell its person once.
    pub expected: usize,
    /// Follow-up messages the people received.
    pub told: usize,
    /// People told more often than their cases had follow-ups to tell.
    pub told_twice: usize,
    /// Left queued at the end.
    pub left: usize,
    /// Queue entries their case does not know (queued before a save that a kill or a conflict undid, by
    /// design): dropped when due, telling no one.
    pub orphans: usize,
    /// Due follow-ups of their case not marked fired on it.
    pub unmarked: usize,
}

impl FollowUps {
    pub fn ok(&self) -> bool {
        self.told == self.expected && self.told_twice == 0 && self.left == 0 && self.unmarked == 0
    }
}

const SECRET: &str = "crash-test-secret";
/// The follow-up phase's clock: far past every follow-up of the run (5 days out), short of retention.
const LATER: chrono::Duration = chrono::Duration::days(30);

/// The replicas' common settings.
struct Setup {
    url: String,
    master: String,
    ports: Vec<u16>,
    logs: PathBuf,
    temp: PathBuf,
}

impl Setup {
    /// Replica `i`'s `n`-th start, at `now` (the clock) if given.
    fn start(
        &self,
        r: &Replicas,
        fake: &FakeTelegram,
        i: usize,
        n: usize,
        now: Option<&str>,
    ) -> Result<Bot, CrashError> {
        let data = self.temp.join(format!("data-{i}"));
        let log = self.logs.join(format!("replica-{i}-start-{n}.log"));
        let port = self.ports[i];
        start_bot_with(&r.plan, fake, &data, &log, |c| {
            crate::load::as_replica(c, port, SECRET, &self.url, &self.master);
            if let Some(t) = now {
                c.env("SWIPEFIX_NOW", t);
            }
            c
        })
    }
}

pub async fn run(r: Replicas) -> Result<Report, CrashError> {
    let server = match &r.database {
        Some(_) => None,
        None => Some(TempPostgres::start().map_err(|e| CrashError::Database(e.to_string()))?),
    };
    let url = r.database.clone().or(server.as_ref().map(TempPostgres::url)).unwrap_or_default();
    let fake = FakeTelegram::start().await.map_err(CrashError::Fake)?;
    fake.stop_keeping_calls();
    let temp = tempfile::tempdir().map_err(CrashError::Temp)?;
    let logs = r.plan.keep.as_ref().map_or_else(|| temp.path().join("logs"), |k| k.with_extension("logs"));
    std::fs::create_dir_all(&logs).map_err(CrashError::Temp)?;
    let ports =
        (0..r.replicas).map(|_| crate::load::free_port()).collect::<Result<Vec<_>, _>>().map_err(CrashError::Temp)?;
    let targets = ports.iter().map(|p| format!("http://127.0.0.1:{p}/hook")).collect();
    let setup = Setup { url, master: MasterKey::generate().to_hex(), ports, logs, temp: temp.path().into() };
    let sender = fake.deliver_by_webhook(targets, SECRET);
    let mut report = Report { users: r.plan.users, replicas: r.replicas, ..Report::default() };
    let start = Instant::now();
    let sent = serve_and_kill(&r, &fake, &setup, &mut report).await?;
    let master = MasterKey::parse("the run's key", &setup.master).expect("a key made here");
    match PgStore::open(&setup.url, &master) {
        Ok(store) => {
            check(&store, &sent, &mut report);
            if report.failures.is_empty() {
                report.followups = Some(follow_ups(&r, &fake, &setup, &store, &mut report).await?);
            }
        }
        Err(e) => report.failures.push(format!("the database does not open after the run: {e}")),
    }
    sender.abort();
    report.elapsed = start.elapsed();
    Ok(report)
}

/// The people talk while replicas are killed and restarted; at the end every replica stops cleanly.
async fn serve_and_kill(
    r: &Replicas,
    fake: &FakeTelegram,
    setup: &Setup,
    report: &mut Report,
) -> Result<Vec<Sent>, CrashError> {
    let stop = Arc::new(AtomicBool::new(false));
    let waiting = Arc::new(Waiting::default());
    let resent: Arc<str> = r.plan.resent_text.clone().into();
    let people: Vec<_> = (0..r.plan.users)
        .map(|u| {
            tokio::spawn(person(fake.clone(), 3_000_000 + u as i64, stop.clone(), waiting.clone(), resent.clone()))
        })
        .collect();
    let mut bots = (0..r.replicas).map(|i| setup.start(r, fake, i, 0, None)).collect::<Result<Vec<_>, _>>()?;
    report.starts += r.replicas;
    if !fake.wait_for_count("setMyCommands", r.replicas as u64 - 1, Duration::from_secs(60)).await {
        report.failures.push(format!("the replicas did not come up within 60 s: {}", tail(&bots[0].log)));
    }
    let mut rng = fastrand::Rng::with_seed(r.plan.seed);
    let mean = r.plan.mean_run.as_millis().max(1) as u64;
    for k in 0..r.plan.kills {
        if !report.failures.is_empty() {
            break;
        }
        // Between kills the people get on: a random time, and at least one reply each on average (a slow
        // machine — a debug build under a full test run — would otherwise kill faster than anyone is answered).
        let replies = fake.count("sendMessage");
        tokio::time::sleep(Duration::from_millis(rng.u64(0..=2 * mean))).await;
        fake.wait_for_count("sendMessage", replies + r.plan.users as u64, Duration::from_secs(60)).await;
        let i = rng.usize(0..r.replicas);
        if let Ok(Some(status)) = bots[i].child.try_wait() {
            report.failures.push(format!("replica {i} exited by itself ({status}): {}", tail(&bots[i].log)));
            break;
        }
        let _ = bots[i].child.start_kill();
        let _ = bots[i].child.wait().await;
        // A request the bot finished sending just before it died is being recorded: let it land.
        tokio::time::sleep(Duration::from_millis(50)).await;
        report.kills += 1;
        // What this replica confirmed and did not answer is lost; what it held unconfirmed goes to another.
        report.carried_over += waiting.judge(fake, &resent, |u| fake.confirmed_by(u) == Some(i));
        bots[i] = setup.start(r, fake, i, k + 1, None)?;
        report.starts += 1;
    }
    stop.store(true, Ordering::Relaxed);
    let drained = Instant::now() + super::STUCK;
    while fake.pending_updates() > 0 && Instant::now() < drained {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop_all(&mut bots, &setup.ports, report).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    waiting.judge(fake, &resent, |_| true);
    Ok(collect(people).await)
}

/// SIGTERM to every replica once it is up (its webhook takes connections); each must stop cleanly.
async fn stop_all(bots: &mut [Bot], ports: &[u16], report: &mut Report) {
    for (i, bot) in bots.iter_mut().enumerate() {
        let up = Instant::now() + Duration::from_secs(60);
        while tokio::net::TcpStream::connect(("127.0.0.1", ports[i])).await.is_err() && Instant::now() < up {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        if let Err(e) = terminate(bot).await {
            report.failures.push(format!("replica {i} did not stop cleanly: {e}: {}", tail(&bot.log)));
        }
        let _ = bot.child.start_kill();
        let _ = bot.child.wait().await;
    }
}

/// Every replica starts at once with the clock `LATER` on; they race to fire the due follow-ups.
async fn follow_ups(
    r: &Replicas,
    fake: &FakeTelegram,
    setup: &Setup,
    store: &PgStore,
    report: &mut Report,
) -> Result<FollowUps, CrashError> {
    let later = chrono::Utc::now() + LATER;
    let due = store.due(later).unwrap_or_default();
    let expected = expected_per_chat(store, &due);
    let known = |id: &str, at| matches!(store.load(id), Ok(Some(c)) if c.reminders.iter().any(|r| same_ms(r.at, at)));
    let (due, orphans): (Vec<_>, Vec<_>) = due.into_iter().partition(|(at, id)| known(id, *at));
    let mut out =
        FollowUps { due: due.len(), expected: expected.values().sum(), orphans: orphans.len(), ..FollowUps::default() };
    let at = later.to_rfc3339();
    let mut bots = (0..r.replicas).map(|i| setup.start(r, fake, i, 1000, Some(&at))).collect::<Result<Vec<_>, _>>()?;
    report.starts += r.replicas;
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline && told(fake, &expected, &r.reminder_text).0 < out.expected {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop_all(&mut bots, &setup.ports, report).await;
    (out.told, out.told_twice) = told(fake, &expected, &r.reminder_text);
    out.left = store.due(later).map_or(usize::MAX, |q| q.len());
    // Orphans fire nothing; their entries must be gone too (counted in `left`).
    out.unmarked = due.iter().filter(|(at, id)| !marked(store, id, *at)).count();
    Ok(out)
}

/// How many follow-ups each chat is to be told: those whose case still waits at the follow-up's question.
fn expected_per_chat(store: &PgStore, due: &[(chrono::DateTime<chrono::Utc>, String)]) -> HashMap<i64, usize> {
    let mut out = HashMap::new();
    for (at, id) in due {
        let Ok(Some(c)) = store.load(id) else { continue };
        let speaks = c.reminders.iter().any(|r| same_ms(r.at, *at) && !r.done && r.node == c.node) && !c.is_closed();
        if let (true, Some(chat)) = (speaks, c.owner.strip_prefix("tg:").and_then(|n| n.parse().ok())) {
            *out.entry(chat).or_default() += 1;
        }
    }
    out
}

/// Follow-up messages the people got, and how many people got more than they were to.
fn told(fake: &FakeTelegram, expected: &HashMap<i64, usize>, text: &str) -> (usize, usize) {
    let (mut all, mut twice) = (0, 0);
    for (chat, want) in expected {
        let n = fake.sent_to(*chat).iter().filter(|m| m.text().starts_with(text)).count();
        all += n;
        twice += usize::from(n > *want);
    }
    (all, twice)
}

/// Whether the case marks its follow-up at `at` fired.
fn marked(store: &PgStore, id: &str, at: chrono::DateTime<chrono::Utc>) -> bool {
    matches!(store.load(id), Ok(Some(c)) if c.reminders.iter().any(|r| same_ms(r.at, at) && r.done))
}

/// The queue keeps follow-up times to the millisecond.
fn same_ms(a: chrono::DateTime<chrono::Utc>, b: chrono::DateTime<chrono::Utc>) -> bool {
    a.timestamp_millis() == b.timestamp_millis()
}
