//! The command line of `swipefix-lab`: the load tool and the crash test, run against a built `swipefix`
//! binary (by default the one beside this executable, as `cargo build --release --workspace` leaves them).
//! Exit 0 when the run passed, 1 when the crash test found a loss, 2 when the run could not be made.

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "swipefix-lab",
    version,
    about = "Load and crash tests for swipefix, against a fake Bot API on 127.0.0.1"
)]
struct Cli {
    /// The `swipefix` binary to run as the bot (default: the one beside swipefix-lab).
    #[arg(long, global = true, env = "SWIPEFIX_BOT")]
    bot: Option<PathBuf>,
    /// The decision tree directory (default: ./flows).
    #[arg(long, global = true, env = "SWIPEFIX_FLOWS", default_value = "flows")]
    flows: PathBuf,
    /// The texts directory (default: ./locales).
    #[arg(long, global = true, env = "SWIPEFIX_LOCALES", default_value = "locales")]
    locales: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Drive simulated people through whole journeys against a real `swipefix telegram` process; prints
    /// turns answered per second, latency percentiles (to the last message of each reply), message-like calls
    /// per turn, 429s per method, the bot's CPU time and peak memory.
    Load {
        /// How many simulated people (with `--think`, arriving over the first 2 × MAX seconds).
        #[arg(long, default_value_t = 100)]
        users: usize,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 300)]
        timeout: u64,
        /// Each person thinks this long before each answer: MIN-MAX seconds, uniform (e.g. 2-8); default:
        /// they answer as soon as the reply is complete.
        #[arg(long, value_name = "MIN-MAX")]
        think: Option<crate::load::Think>,
        /// Seed of the thinking times (a run can be repeated); default: from the clock.
        #[arg(long)]
        seed: Option<u64>,
        /// `telegram`: the fake keeps Telegram's sending limits (429 over them) and the bot its throttle, as in
        /// production; `none`: neither.
        #[arg(long, default_value = "none", value_name = "telegram|none")]
        limits: crate::load::Limits,
        /// A reply is complete after this many milliseconds without a message-like call to the chat;
        /// default: 100, or 2000 with `--limits telegram`.
        #[arg(long, value_name = "MS")]
        quiet_ms: Option<u64>,
        /// Instead of `--users` at once, people keep coming (a random stream) for `--over` seconds, so many
        /// that they offer this many turns a second once the first have walked a whole journey; use with
        /// `--think`. Reports the offer as a share of the token's capacity with `--limits telegram`.
        #[arg(long, value_name = "TURNS/S", conflicts_with = "users", value_parser = positive_rate)]
        rate: Option<f64>,
        /// How long people keep coming with `--rate`, in seconds.
        #[arg(long, value_name = "SECS", default_value_t = 120, requires = "rate")]
        over: u64,
        /// Keep cases in PostgreSQL (a throwaway server unless --database is given) and run this many bot
        /// processes behind the fake's round-robin webhook, each with its share of the sending rate.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..=16))]
        postgres: Option<u16>,
        /// The PostgreSQL database for --postgres.
        #[arg(long, value_name = "URL", requires = "postgres")]
        database: Option<String>,
    },
    /// Kill a real `swipefix telegram` process with SIGKILL at random moments while simulated people talk to
    /// it, restart it each time, and check that no answered step is lost and no update is handled twice.
    /// Exits 1 if anything is.
    CrashTest {
        /// How many simulated people (with `--think`, arriving over the first 2 × MAX seconds).
        #[arg(long, default_value_t = 50)]
        users: usize,
        /// How many times the bot is killed.
        #[arg(long, default_value_t = 50)]
        kills: usize,
        /// Seed of the random kill times (a run can be repeated); default: from the clock.
        #[arg(long)]
        seed: Option<u64>,
        /// The bot's mean running time between a start and its kill, in milliseconds.
        #[arg(long, default_value_t = 300)]
        mean_run_ms: u64,
        /// Keep the database in this directory instead of a temporary one.
        #[arg(long)]
        keep: Option<PathBuf>,
        /// Run this many bot processes at once on one PostgreSQL, behind a round-robin webhook, and kill one
        /// at a time; then check that every follow-up fires once when they all start together.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=16))]
        replicas: u16,
        /// The PostgreSQL database for --replicas (default: a throwaway server from the machine's binaries).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
}

/// The bot binary: as given, or `swipefix` in this executable's folder.
fn bot_exe(given: Option<PathBuf>) -> Result<PathBuf> {
    let exe = match given {
        Some(p) => p,
        None => std::env::current_exe().context("cannot find my own executable")?.with_file_name("swipefix"),
    };
    anyhow::ensure!(
        exe.is_file(),
        "no swipefix binary at {} (build it with `cargo build --release`, or pass --bot)",
        exe.display()
    );
    Ok(exe)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let exe = bot_exe(cli.bot)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    match cli.command {
        Command::Load { users, timeout, think, seed, limits, quiet_ms, rate, over, postgres, database } => {
            let backend = match postgres {
                Some(n) => crate::load::Backend::Postgres { replicas: n.into(), database },
                None => crate::load::Backend::Sled,
            };
            let plan = crate::load::Plan {
                exe,
                users,
                timeout: Duration::from_secs(timeout),
                flows: cli.flows,
                locales: cli.locales,
                backend,
            };
            let scenario = crate::load::Scenario {
                think: think.unwrap_or_default(),
                seed: seed.unwrap_or_else(clock_seed),
                limits,
                quiet: quiet_ms.map(Duration::from_millis),
                open: rate.map(|turns_per_sec| crate::load::Open { turns_per_sec, over: Duration::from_secs(over) }),
            };
            println!("{}", rt.block_on(crate::load::run_scenario(plan, scenario))?);
            Ok(ExitCode::SUCCESS)
        }
        Command::CrashTest { users, kills, seed, mean_run_ms, keep, replicas, database } => {
            anyhow::ensure!(replicas > 1 || database.is_none(), "--database is for --replicas 2 or more");
            let seed = seed.unwrap_or_else(clock_seed);
            println!("seed                     {seed}");
            let plan = crate::crash::Plan {
                exe,
                users,
                kills,
                seed,
                mean_run: Duration::from_millis(mean_run_ms),
                resent_text: catalog_text(&cli.flows, &cli.locales, "ui-resent")?,
                flows: cli.flows,
                locales: cli.locales,
                keep,
            };
            let report = if replicas > 1 {
                let reminder_text = catalog_text(&plan.flows, &plan.locales, "ui-reminder")?;
                let r = crate::crash::Replicas { plan, replicas: replicas.into(), database, reminder_text };
                rt.block_on(crate::crash::run_replicas(r))?
            } else {
                rt.block_on(crate::crash::run(plan))?
            };
            println!("{report}");
            Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}

/// A text the crash test recognises in the bot's answers, in en-US: "I was restarted" (`ui-resent`), a
/// follow-up (`ui-reminder`).
fn catalog_text(flows: &Path, locales: &Path, key: &str) -> Result<String> {
    let catalog = swipefix::session::load_catalog(flows, locales)
        .map_err(|e| anyhow::anyhow!("the flows or texts have a problem: {e}"))?;
    Ok(catalog.i18n.raw("en-US", key, &[]))
}

/// `--rate`: a number of turns a second, more than 0 and at most 10,000.
fn positive_rate(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r <= 10_000.0 => Ok(r),
        _ => Err(format!("`{s}` is not a number of turns a second above 0 and at most 10000")),
    }
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
}

/// The command line's definition (its help, and a test that it is well formed).
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses the command line, runs the tool and says how it went.
pub fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("swipefix-lab: {e:#}");
            ExitCode::from(2)
        }
    }
}
