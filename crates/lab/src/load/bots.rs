//! The bot processes a load run drives: one polling process on sled, or N webhook processes on one
//! PostgreSQL behind the fake's round-robin sender (`Backend`); their CPU time, the database server's, and
//! their memory, from /proc.
//! Owns: starting and stopping them. Must not touch: the people or the report's sums.

use super::{Backend, Limits, LoadError, Plan, bot_command, cpu_time, peak_rss_kb};
use crate::fake_telegram::FakeTelegram;
use crate::postgres::TempPostgres;
use std::path::Path;
use std::time::Duration;

pub struct Bots {
    children: Vec<tokio::process::Child>,
    pids: Vec<u32>,
    server: Option<TempPostgres>,
    sender: Option<tokio::task::JoinHandle<()>>,
}

/// CPU time so far: the bot processes', and the database server's (with its connections) when there is one.
pub struct Cpu {
    pub bots: Duration,
    pub database: Option<Duration>,
}

const SECRET: &str = "load-secret";
/// Telegram's messages a second for a token, shared by the processes (`[telegram] send_per_second`).
const TOKEN_RATE: usize = 29;

pub async fn start(plan: &Plan, fake: &FakeTelegram, data: &Path, limits: Limits) -> Result<Bots, LoadError> {
    let throttle = if limits == Limits::Telegram { "on" } else { "off" };
    match &plan.backend {
        Backend::Sled => {
            let child = spawn(plan, fake, data, throttle, |c| c)?;
            let bots = Bots { pids: vec![child.id().unwrap_or(0)], children: vec![child], server: None, sender: None };
            if !fake.wait_for_poll(Duration::from_secs(60)).await {
                bots.stop().await;
                return Err(LoadError::NotUp);
            }
            Ok(bots)
        }
        Backend::Postgres { replicas, database } => postgres(plan, fake, data, throttle, *replicas, database).await,
    }
}

fn spawn(
    plan: &Plan,
    fake: &FakeTelegram,
    data: &Path,
    throttle: &str,
    more: impl FnOnce(&mut tokio::process::Command) -> &mut tokio::process::Command,
) -> Result<tokio::process::Child, LoadError> {
    let mut cmd = bot_command(&plan.exe, fake, data, &plan.flows, &plan.locales);
    cmd.env("SWIPEFIX_THROTTLE", throttle).env("SWIPEFIX_LOG", "error");
    more(&mut cmd).spawn().map_err(|e| LoadError::Spawn(plan.exe.display().to_string(), e))
}

/// N processes on one PostgreSQL, each with its share of the token's sending rate.
async fn postgres(
    plan: &Plan,
    fake: &FakeTelegram,
    data: &Path,
    throttle: &str,
    replicas: usize,
    database: &Option<String>,
) -> Result<Bots, LoadError> {
    let server = match database {
        Some(_) => None,
        None => Some(TempPostgres::start().map_err(|e| LoadError::Database(e.to_string()))?),
    };
    let url = database.clone().or(server.as_ref().map(TempPostgres::url)).unwrap_or_default();
    let master = swipefix::store::MasterKey::generate().to_hex();
    let config = data.join("replica.toml");
    let share = format!("[telegram]\nsend_per_second = {}\n", (TOKEN_RATE / replicas.max(1)).max(1));
    std::fs::write(&config, share).map_err(LoadError::Temp)?;
    let mut children = Vec::new();
    let mut targets = Vec::new();
    for i in 0..replicas {
        let port = super::free_port().map_err(LoadError::Temp)?;
        targets.push(format!("http://127.0.0.1:{port}/hook"));
        let child = spawn(plan, fake, &data.join(format!("data-{i}")), throttle, |c| {
            super::as_replica(c, port, SECRET, &url, &master).env("SWIPEFIX_CONFIG", &config)
        })?;
        children.push(child);
    }
    let pids = children.iter().map(|c| c.id().unwrap_or(0)).collect();
    let sender = Some(fake.deliver_by_webhook(targets, SECRET));
    let bots = Bots { children, pids, server, sender };
    if !fake.wait_for_count("setMyCommands", replicas as u64 - 1, Duration::from_secs(60)).await {
        bots.stop().await;
        return Err(LoadError::NotUp);
    }
    Ok(bots)
}

impl Bots {
    pub fn cpu(&self) -> Cpu {
        let bots = self.pids.iter().filter_map(|p| cpu_time(*p)).sum();
        let database = self.server.as_ref().map(|s| tree_cpu(s.pid()));
        Cpu { bots, database }
    }

    /// The largest peak resident memory of the bot processes.
    pub fn peak_rss_kb(&self) -> Option<u64> {
        self.pids.iter().filter_map(|p| peak_rss_kb(*p)).max()
    }

    pub fn processes(&self) -> usize {
        self.pids.len()
    }

    pub async fn stop(mut self) {
        for c in &mut self.children {
            let _ = c.start_kill();
            let _ = c.wait().await;
        }
        if let Some(s) = self.sender.take() {
            s.abort();
        }
    }
}

/// CPU time of a process and its children (a PostgreSQL server and its connections), from /proc.
fn tree_cpu(root: u32) -> Duration {
    let children = std::fs::read_dir("/proc").into_iter().flatten().flatten().filter_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        let ppid: u32 = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == root).then_some(pid)
    });
    children.chain([root]).filter_map(cpu_time).sum()
}
