//! The `swipefix` command: `chat` (terminal channel), `telegram`, `console`, `stats`, `flow check|graph`,
//! `cases …`, `backup`, `restore`, `reminders run-due`, `retention run`, `db migrate|copy` — one function per subcommand. Wires
//! real resources (files, sled or PostgreSQL, the system clock) into the library; `anyhow` lives only here. The load and crash tools are `swipefix-lab`'s.

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use swipefix::catalog::default_dir;
use swipefix::channel::console::Courier;
use swipefix::channel::telegram::{self, Listen, Settings as TelegramSettings};
use swipefix::channel::terminal::{Mode, Session};
use swipefix::engine::graph::{GraphFormat, render};
use swipefix::session::{App, Clock, ManualClock, SystemClock};
use swipefix::session::{check_catalog, load_catalog as load_checked};
use swipefix::settings::Settings;
use swipefix::store::keys::{KEYS_FILE, MASTER_FILE};
use swipefix::store::location::master_from_env;
use swipefix::store::{CaseStore, Keyring, Location, MasterKey};

#[derive(Parser)]
#[command(name = "swipefix", version, about = "Help for people whose card payment at a POS terminal went wrong")]
struct Cli {
    /// The decision tree directory (default: ./flows).
    #[arg(long, global = true, env = "SWIPEFIX_FLOWS")]
    flows: Option<PathBuf>,
    /// The texts directory (default: ./locales).
    #[arg(long, global = true, env = "SWIPEFIX_LOCALES")]
    locales: Option<PathBuf>,
    /// Deployment settings (staff chat and users, Telegram pacing); default ./swipefix.toml if present.
    #[arg(long, global = true, env = "SWIPEFIX_CONFIG")]
    config: Option<PathBuf>,
    /// Use this fixed time instead of the clock (RFC 3339), for reproducible runs.
    #[arg(long, global = true, env = "SWIPEFIX_NOW")]
    now: Option<String>,
    /// Keep cases in PostgreSQL (postgres://user:password@host/db) instead of sled in --data: several bot
    /// processes can share it, and the CLI works while the bot runs. The master key comes from
    /// SWIPEFIX_MASTER_KEY, else the key file in --data.
    // A String, read by `location`: clap would repeat a value it cannot parse, password and all.
    #[arg(long, global = true, env = "SWIPEFIX_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Talk to the bot in this terminal (piped input works: one answer per line).
    Chat {
        /// Who you are; each user has their own cases.
        #[arg(long, default_value = "local")]
        user: String,
        /// Language tag, e.g. en-US, zh-CN, zh-HK, zh-TW (zh-MO, zh-Hant and zh work too).
        #[arg(long)]
        lang: Option<String>,
        /// Where cases are kept.
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data")]
        data: PathBuf,
        /// Machine interface: one JSON object per line out, plain lines in.
        #[arg(long)]
        jsonl: bool,
        /// Print each input line (useful with piped input, to read the conversation back).
        #[arg(long)]
        echo: bool,
    },
    /// Run the bot on Telegram (token in TELOXIDE_TOKEN; TELOXIDE_API_URL for a self-hosted or fake Bot API).
    Telegram {
        /// Where cases are kept.
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data")]
        data: PathBuf,
        /// Receive updates by webhook at this public URL instead of long polling (needs --listen).
        #[arg(long, env = "SWIPEFIX_WEBHOOK_URL", requires = "listen")]
        webhook_url: Option<url::Url>,
        /// The local address the webhook listener binds, e.g. 0.0.0.0:8443.
        #[arg(long, env = "SWIPEFIX_LISTEN", requires = "webhook_url")]
        listen: Option<std::net::SocketAddr>,
        /// The secret Telegram must send with every webhook call (letters, digits, _ and -); made up if unset.
        #[arg(long, env = "SWIPEFIX_WEBHOOK_SECRET", hide_env_values = true)]
        webhook_secret: Option<String>,
        /// Serve the staff console in a browser at this address too, e.g. 127.0.0.1:8080 (staff sign in with
        /// /console).
        #[arg(long, env = "SWIPEFIX_CONSOLE", value_name = "ADDR")]
        console: Option<std::net::SocketAddr>,
        /// The console's address as staff open it, for the links /console sends (default http://ADDR/ with
        /// --console; alone, the address of a `swipefix console` process beside this bot); put an HTTPS proxy
        /// in front of anything but a loopback address.
        #[arg(long, env = "SWIPEFIX_CONSOLE_URL", value_name = "URL")]
        console_url: Option<url::Url>,
    },
    /// The staff console in a browser, as a process of its own (with --database, beside the bot processes);
    /// `console link` prints a sign-in link.
    #[command(args_conflicts_with_subcommands = true)]
    Console {
        /// Where cases are kept (sled), and the master key file (`console link` needs only that).
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data", global = true)]
        data: PathBuf,
        /// The address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, env = "SWIPEFIX_CONSOLE", value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
        /// The console's address as staff open it, for sign-in links (default http://ADDR/).
        #[arg(long, env = "SWIPEFIX_CONSOLE_URL", value_name = "URL", global = true)]
        url: Option<url::Url>,
        #[command(subcommand)]
        command: Option<ConsoleCommand>,
    },
    /// Analytics of the cases: where people go on or stop in the tree, outcomes by problem and
    /// jurisdiction, the hand-off rate and reasons, median times to staff's first answer and to closing.
    Stats {
        /// Where cases are kept.
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data")]
        data: PathBuf,
        /// Print JSON (the figures the console's analytics page shows).
        #[arg(long)]
        json: bool,
        /// Only cases opened on or after this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<chrono::NaiveDate>,
        /// An open case with no answer for this many days counts as abandoned.
        #[arg(long, default_value_t = 14)]
        stale_days: u32,
    },
    /// Write every case, merchant and queued follow-up to FILE (JSON lines; `-` for standard output). The bot
    /// must be stopped: only one process can open the database.
    Backup {
        file: PathBuf,
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data")]
        data: PathBuf,
    },
    /// Restore a backup into an empty data directory (`-` reads standard input). Records are sealed with the
    /// keys of the data directory the backup came from: restore into it, or pass it as --keys-from. Records
    /// erased since the backup was taken (their keys are gone) are skipped.
    Restore {
        file: PathBuf,
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data")]
        data: PathBuf,
        /// Copy the key file and master key file from this data directory into --data first.
        #[arg(long)]
        keys_from: Option<PathBuf>,
    },
    /// Erasing cases that are kept no longer (`[retention]` in swipefix.toml).
    Retention {
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data", global = true)]
        data: PathBuf,
        #[command(subcommand)]
        command: RetentionCommand,
    },
    /// Follow-up reminders.
    Reminders {
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data", global = true)]
        data: PathBuf,
        #[command(subcommand)]
        command: RemindersCommand,
    },
    /// Check or draw the decision tree.
    Flow {
        #[command(subcommand)]
        command: FlowCommand,
    },
    /// The database: bring a PostgreSQL schema up to date, or move a deployment between stores.
    Db {
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data", global = true)]
        data: PathBuf,
        #[command(subcommand)]
        command: DbCommand,
    },
    /// Look at stored cases.
    Cases {
        #[arg(long, env = "SWIPEFIX_DATA", default_value = "data", global = true)]
        data: PathBuf,
        #[command(subcommand)]
        command: CasesCommand,
    },
}

#[derive(Subcommand)]
enum ConsoleCommand {
    /// Print a single-use sign-in link (valid for ten minutes) for a staff member: for the first setup,
    /// before anyone can ask the bot for one.
    Link {
        /// The staff member's Telegram user id (one of `[staff] users`).
        #[arg(long)]
        staff: u64,
        /// The console's language for them (default: the staff language).
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Subcommand)]
enum FlowCommand {
    /// Report every problem in the flows and texts (exit 1), or exit 0 when clean.
    Check {
        /// The flows directory (default: ./flows); its sibling `locales` holds the texts.
        dir: Option<PathBuf>,
    },
    /// Print the tree as a Mermaid or Graphviz diagram.
    Graph {
        #[arg(long, value_enum, default_value = "mermaid")]
        format: Format,
    },
}

#[derive(Subcommand)]
enum DbCommand {
    /// Apply the PostgreSQL schema's migrations (`--database`); the bot does this at start too. Refuses a
    /// database whose schema is newer than this swipefix.
    Migrate,
    /// Copy every case, merchant and follow-up from one store to an empty one, with their keys: e.g. `--from
    /// sled:data --to postgres://…` (or back). Stop the bot on a sled source first.
    Copy {
        /// `sled:DIR` or `postgres://…`.
        #[arg(long)]
        from: String,
        /// `sled:DIR` (a new directory) or `postgres://…` (an empty database).
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand)]
enum RemindersCommand {
    /// Deliver the follow-ups that are due to Telegram users (for cron, when `swipefix telegram` is not
    /// running; it does the same every minute itself). Terminal users see theirs at their next `chat`.
    RunDue,
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Erase, once, the closed cases past `closed_after_days` and the cases untouched for
    /// `inactive_after_days` (for cron; `swipefix telegram` does it hourly itself, `chat` at its start).
    /// Prints how many were erased.
    Run,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Mermaid,
    Dot,
}

#[derive(Subcommand)]
enum CasesCommand {
    /// Every case, oldest first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One case, by id or by its owner (the newest of theirs): the hand-off summary staff read, then the
    /// stored details.
    Show {
        #[arg(required_unless_present = "user")]
        case_id: Option<String>,
        #[arg(long, conflicts_with = "case_id")]
        user: Option<String>,
        #[arg(long)]
        json: bool,
        /// The summary's language (default: the staff language from the settings).
        #[arg(long)]
        lang: Option<String>,
    },
    /// The written application (书面申请) of a case, to print and sign.
    Letter {
        case_id: String,
        /// The letter's language (default: the case's).
        #[arg(long)]
        lang: Option<String>,
        /// Write it to this file instead of printing it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Cases for reporting, oldest first.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Only cases with this status (open, waiting, escalated, handed_off, resolved, closed).
        #[arg(long)]
        status: Option<String>,
        /// Only cases created on or after this date (YYYY-MM-DD).
        #[arg(long)]
        since: Option<chrono::NaiveDate>,
    },
}

fn load_catalog(cli: &Cli) -> Result<swipefix::catalog::Catalog> {
    let flows = default_dir(cli.flows.clone(), "flows");
    let locales = default_dir(cli.locales.clone(), "locales");
    load_checked(&flows, &locales).map_err(|e| match e.0.len() {
        1 => anyhow::anyhow!("the flows or texts have a problem: {e}"),
        n => anyhow::anyhow!("the flows or texts have {n} problems:\n{e}"),
    })
}

/// The catalog a running bot uses: the checked flows and texts, with the deployment's abuse limits
/// (`[abuse]` in `swipefix.toml`) for the engine to apply.
fn load_app_catalog(cli: &Cli) -> Result<Arc<swipefix::catalog::Catalog>> {
    let mut catalog = load_catalog(cli)?;
    let settings = Settings::load(cli.config.as_deref(), |k| std::env::var(k).ok())?;
    catalog.flow.limits = settings.abuse.engine_limits();
    Ok(Arc::new(catalog))
}

fn clock(cli: &Cli) -> Result<Arc<dyn Clock>> {
    Ok(match &cli.now {
        Some(t) => {
            let at = chrono::DateTime::parse_from_rfc3339(t)
                .with_context(|| format!("--now `{t}` is not an RFC 3339 time"))?;
            Arc::new(ManualClock::new(at.with_timezone(&chrono::Utc)))
        }
        None => Arc::new(SystemClock),
    })
}

/// Where cases are: `--database`, else sled in `data`.
fn location(cli: &Cli, data: &Path) -> Result<Location> {
    match &cli.database {
        Some(d) => parse_location("--database (SWIPEFIX_DATABASE_URL)", d),
        None => Ok(Location::Sled(data.to_path_buf())),
    }
}

/// A location given as `flag`; the message never repeats the value (it may hold a password).
fn parse_location(flag: &str, value: &str) -> Result<Location> {
    value.parse().map_err(|e| anyhow::anyhow!("{flag}: {e}"))
}

/// The store, with the master key from `SWIPEFIX_MASTER_KEY` when it is set (else the key file in `data`,
/// made on first start).
fn open_store(cli: &Cli, data: &Path) -> Result<Arc<dyn CaseStore>> {
    Ok(location(cli, data)?.open(master_from_env()?, data)?)
}

/// Refuses a command on a sled directory that holds no database (a typo in --data would make an empty one).
fn existing_store(cli: &Cli, data: &Path, what: &str) -> Result<Arc<dyn CaseStore>> {
    let at = location(cli, data)?;
    if !at.exists() {
        bail!(
            "there is no database in {} {what} (run `swipefix chat` first, or pass --data or --database)",
            data.display()
        );
    }
    open_store(cli, data)
}

/// The deployment settings (`--config`, `./swipefix.toml`, the environment).
fn deployment(cli: &Cli) -> Result<Settings> {
    Ok(Settings::load(cli.config.as_deref(), |k| std::env::var(k).ok())?)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Chat { user, lang, data, jsonl, echo } => chat(&cli, user, lang.clone(), data, *jsonl, *echo),
        Command::Telegram { data, webhook_url, listen, webhook_secret, console, console_url } => {
            let listen = match (webhook_url, listen) {
                (Some(url), Some(address)) => {
                    Listen::Webhook { url: url.clone(), address: *address, secret: webhook_secret.clone() }
                }
                _ => Listen::Polling,
            };
            serve_telegram(&cli, data, listen, *console, console_url.clone())
        }
        Command::Console { data, listen, url, command: None } => serve_console(&cli, data, *listen, url.clone()),
        Command::Console { data, url, command: Some(ConsoleCommand::Link { staff, lang }), .. } => {
            console_link(&cli, data, url.as_ref(), *staff, lang.as_deref())
        }
        Command::Stats { data, json, since, stale_days } => stats(&cli, data, *json, *since, *stale_days),
        Command::Reminders { data, command: RemindersCommand::RunDue } => reminders_run_due(&cli, data),
        Command::Retention { data, command: RetentionCommand::Run } => retention_run(&cli, data),
        Command::Flow { command: FlowCommand::Check { dir } } => flow_check(&cli, dir.as_ref()),
        Command::Flow { command: FlowCommand::Graph { format } } => flow_graph(&cli, *format),
        Command::Backup { file, data } => backup(&cli, file, data),
        Command::Restore { file, data, keys_from } => restore(&cli, file, data, keys_from.as_deref()),
        Command::Db { data, command: DbCommand::Migrate } => db_migrate(&cli, data),
        Command::Db { data, command: DbCommand::Copy { from, to } } => {
            db_copy(&cli, data, &parse_location("--from", from)?, &parse_location("--to", to)?)
        }
        Command::Cases { data, command } => {
            let store = existing_store(&cli, data, "to look at")?;
            match command {
                CasesCommand::List { json } => cases_list(store.as_ref(), *json),
                CasesCommand::Letter { case_id, lang, out } => {
                    cases_letter(&cli, store.as_ref(), case_id, lang.as_deref(), out.as_deref())
                }
                CasesCommand::Export { format, status, since } => {
                    cases_export(store.as_ref(), *format, status.as_deref(), *since)
                }
                CasesCommand::Show { case_id, user, json, lang } => {
                    cases_show(&cli, store.as_ref(), case_id.as_deref(), user.as_deref(), *json, lang.as_deref())
                }
            }
        }
    }
}

/// `swipefix chat`: one person at this terminal.
fn chat(cli: &Cli, user: &str, lang: Option<String>, data: &Path, jsonl: bool, echo: bool) -> Result<ExitCode> {
    let catalog = load_app_catalog(cli)?;
    let app = App::new(catalog, open_store(cli, data)?, clock(cli)?);
    app.set_retention(deployment(cli)?.retention);
    let stdin = std::io::stdin();
    let session = Session {
        app: &app,
        user: format!("cli:{user}"),
        lang,
        mode: if jsonl { Mode::Jsonl } else { Mode::Text },
        prompt: !jsonl && stdin.is_terminal(),
        echo: echo && !jsonl,
        files: Some(data.join("files")),
    };
    let mut input = stdin.lock();
    let mut out = std::io::stdout().lock();
    session.run(&mut input, &mut out).context("the terminal session failed")?;
    Ok(ExitCode::SUCCESS)
}

/// The token from `TELOXIDE_TOKEN` and the Bot API from `TELOXIDE_API_URL`; `why` says what needs it.
fn telegram_bot(why: &str) -> Result<telegram::Bot> {
    let Some(token) = std::env::var("TELOXIDE_TOKEN").ok().filter(|t| !t.trim().is_empty()) else {
        bail!("TELOXIDE_TOKEN is not set: {why}");
    };
    let api = std::env::var("TELOXIDE_API_URL").ok().filter(|a| !a.trim().is_empty());
    Ok(telegram::bot(&token, api.as_deref())?)
}

/// `swipefix telegram`: the bot, until SIGINT or SIGTERM; with `console`, the staff console beside it.
fn serve_telegram(
    cli: &Cli,
    data: &Path,
    listen: Listen,
    console: Option<std::net::SocketAddr>,
    console_url: Option<url::Url>,
) -> Result<ExitCode> {
    let bot = telegram_bot("create a bot with @BotFather and export TELOXIDE_TOKEN=<token>")?;
    let catalog = load_app_catalog(cli)?;
    let app = Arc::new(App::new(catalog, open_store(cli, data)?, clock(cli)?));
    let deployment = deployment(cli)?;
    app.set_retention(deployment.retention);
    if deployment.staff.chat_id.is_none() {
        tracing::warn!("no staff chat configured ([staff] chat_id): hand-offs are recorded, not delivered");
    }
    let mut settings = TelegramSettings::from(deployment);
    let staff = Arc::new(roster(cli));
    settings.roster = Some(staff.clone());
    let beside = match (console, console_url) {
        (Some(address), url) => Some(console_beside(&app, address, url, staff)?),
        // The desk is another process: /console links point there.
        (None, Some(url)) => {
            app.enable_console(url);
            None
        }
        (None, None) => None,
    };
    // Turns block on the store; group commit keeps few of them waiting at once, so a small pool will do.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(8)
        .build()
        .context("cannot start the async runtime")?;
    rt.block_on(telegram::run(app, bot, listen, settings, beside, telegram::shutdown_signal()))?;
    Ok(ExitCode::SUCCESS)
}

/// The console beside the bot: its listener and address (`bind_console`) and who may sign in.
fn console_beside(
    app: &App,
    address: std::net::SocketAddr,
    url: Option<url::Url>,
    roster: Arc<swipefix::channel::console::Roster>,
) -> Result<telegram::ConsoleBeside> {
    let (listener, secure) = bind_console(app, address, url)?;
    Ok(telegram::ConsoleBeside { listener, roster, secure })
}

/// The console's listener (bound now, so a taken port stops the start), with the console's address given to
/// the app for sign-in links; whether that address is HTTPS.
fn bind_console(
    app: &App,
    address: std::net::SocketAddr,
    url: Option<url::Url>,
) -> Result<(std::net::TcpListener, bool)> {
    let listener = std::net::TcpListener::bind(address)
        .with_context(|| format!("cannot listen on {address} for the staff console"))?;
    let url = console_url(address, url)?;
    let secure = url.scheme() == "https";
    app.enable_console(url);
    Ok((listener, secure))
}

/// The console's public address: `url`, else `http://ADDR/` — which only a loopback address may use
/// unannounced: links to 0.0.0.0 open nothing, and cookies over plain HTTP on a network can be read.
fn console_url(address: std::net::SocketAddr, url: Option<url::Url>) -> Result<url::Url> {
    let url = match url {
        Some(u) if u.scheme() == "http" || u.scheme() == "https" => u,
        Some(u) => bail!("--console-url `{u}` is not an http:// or https:// address"),
        None if address.ip().is_unspecified() => {
            bail!("the console listens on {address}: pass --console-url with the address staff open (https://…)")
        }
        None => url::Url::parse(&format!("http://{address}/"))?,
    };
    if url.scheme() == "http" && !address.ip().is_loopback() {
        tracing::warn!(%address, "the console is reached over plain HTTP on a network: put an HTTPS proxy in front of it");
    }
    Ok(url)
}

/// The staff list, read from the settings again at every console request: a staff id taken out of
/// `swipefix.toml` loses the console at once.
fn roster(cli: &Cli) -> swipefix::channel::console::Roster {
    let config = cli.config.clone();
    swipefix::channel::console::Roster::new(move || {
        Settings::load(config.as_deref(), |k| std::env::var(k).ok()).map(|s| s.staff.users).map_err(|e| e.to_string())
    })
}

/// `swipefix console --listen ADDR`: the console alone (answers go out through the bot's token if set).
fn serve_console(
    cli: &Cli,
    data: &Path,
    listen: Option<std::net::SocketAddr>,
    url: Option<url::Url>,
) -> Result<ExitCode> {
    let Some(address) = listen else { bail!("pass --listen ADDR (e.g. 127.0.0.1:8080), or `console link --staff ID`") };
    let catalog = load_app_catalog(cli)?;
    let app = Arc::new(App::new(catalog, open_store(cli, data)?, clock(cli)?));
    let settings = TelegramSettings::from(deployment(cli)?);
    let (listener, secure) = bind_console(&app, address, url)?;
    let bot = telegram_bot("answers typed in the console are sent through the bot").ok();
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let courier: Arc<dyn Courier> = match bot {
            Some(b) => telegram::courier(b, &settings),
            None => {
                tracing::warn!("TELOXIDE_TOKEN is not set: answers are kept on the cases but not delivered");
                Arc::new(swipefix::channel::console::NoCourier)
            }
        };
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        tracing::info!(%address, "the staff console is listening");
        let console = swipefix::channel::console::Console::new(app.clone(), Arc::new(roster(cli)), courier, secure);
        swipefix::channel::console::serve(listener, console, telegram::shutdown_signal()).await?;
        app.flush()?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `swipefix console link --staff ID`: a sign-in link, printed. Needs only the master key (the bot may hold
/// a sled database meanwhile).
fn console_link(cli: &Cli, data: &Path, url: Option<&url::Url>, staff: u64, lang: Option<&str>) -> Result<ExitCode> {
    use swipefix::session::signin;
    let deployment = deployment(cli)?;
    if !deployment.staff.users.contains(&staff) {
        bail!("{staff} is not on the staff list (`[staff] users` in swipefix.toml, or SWIPEFIX_STAFF_USERS)");
    }
    let Some(url) = url else {
        bail!("pass --url with the console's address as staff open it (e.g. --url http://127.0.0.1:8080/)");
    };
    let master = match master_from_env()? {
        Some(m) => m,
        None => read_master(&data.join(MASTER_FILE))?,
    };
    let catalog = load_app_catalog(cli)?;
    let locale = catalog.i18n.negotiate(lang.unwrap_or(&deployment.staff.language));
    let token =
        signin::SignIn::new(master.secret(signin::PURPOSE)).token(&format!("tg:{staff}"), &locale, clock(cli)?.now());
    let link = signin::link(&signin::base(url.clone()), &token).context("the console address does not take a path")?;
    println!("{link}");
    eprintln!("(works once, within {} minutes)", signin::LINK_LIFETIME.num_minutes());
    Ok(ExitCode::SUCCESS)
}

/// The master key in `file`, which must exist (a link for a deployment that never started would not work).
fn read_master(file: &Path) -> Result<MasterKey> {
    let text = std::fs::read_to_string(file).with_context(|| {
        format!("cannot read the master key {} (start the bot once, or set SWIPEFIX_MASTER_KEY)", file.display())
    })?;
    Ok(MasterKey::parse(&file.display().to_string(), &text)?)
}

/// `swipefix stats`: the analytics, as text or JSON.
fn stats(cli: &Cli, data: &Path, json: bool, since: Option<chrono::NaiveDate>, stale_days: u32) -> Result<ExitCode> {
    let catalog = load_app_catalog(cli)?;
    let app = App::new(catalog, existing_store(cli, data, "to count")?, clock(cli)?);
    let since = since.map(|d| d.and_time(chrono::NaiveTime::MIN).and_utc());
    let s = app.stats(swipefix::stats::Options { since, stale_days: i64::from(stale_days), now: app.now() })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        print!("{}", swipefix::stats::text(&s));
    }
    Ok(ExitCode::SUCCESS)
}

/// `swipefix reminders run-due`: the due follow-ups of Telegram users, once (for cron).
fn reminders_run_due(cli: &Cli, data: &Path) -> Result<ExitCode> {
    let bot = telegram_bot("follow-ups of Telegram users are sent through the bot")?;
    let catalog = load_app_catalog(cli)?;
    let app = Arc::new(App::new(catalog, open_store(cli, data)?, clock(cli)?));
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let sent = rt.block_on(telegram::deliver_due_once(app, bot))?;
    println!("{sent} follow-up(s) handled");
    Ok(ExitCode::SUCCESS)
}

/// `swipefix retention run`: erases what `[retention]` no longer keeps, with the files kept of it, once.
fn retention_run(cli: &Cli, data: &Path) -> Result<ExitCode> {
    let store = existing_store(cli, data, "to apply the retention to")?;
    let policy = deployment(cli)?.retention;
    let app = App::new(Arc::new(load_catalog(cli)?), store, clock(cli)?);
    let run = app.run_retention(&policy)?;
    swipefix::channel::terminal::forget_files(&data.join("files"), &run.erased.file_stems());
    println!(
        "erased {} closed case(s) older than {} days and {} case(s) untouched for {} days",
        run.closed, policy.closed_after_days, run.inactive, policy.inactive_after_days
    );
    Ok(ExitCode::SUCCESS)
}

/// `swipefix flow check [DIR]`: every problem, or a one-line summary of a clean tree.
fn flow_check(cli: &Cli, dir: Option<&PathBuf>) -> Result<ExitCode> {
    let flows = default_dir(dir.cloned().or(cli.flows.clone()), "flows");
    let locales = match (&cli.locales, dir) {
        (Some(l), _) => l.clone(),
        (None, Some(d)) => d.parent().map_or_else(|| PathBuf::from("locales"), |p| p.join("locales")),
        (None, None) => default_dir(None, "locales"),
    };
    match check_catalog(&flows, &locales) {
        Ok(c) => {
            println!(
                "ok: {} nodes, {} jurisdictions ({}), {} locales ({})",
                c.flow.nodes.len(),
                c.flow.jurisdictions.len(),
                c.flow.jurisdictions.keys().cloned().collect::<Vec<_>>().join(", "),
                c.i18n.locales().len(),
                c.i18n.locales().join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("{e}");
            eprintln!("{} problem(s) in {} and {}", e.0.len(), flows.display(), locales.display());
            Ok(ExitCode::from(1))
        }
    }
}

/// `swipefix flow graph`: the tree as a diagram.
fn flow_graph(cli: &Cli, format: Format) -> Result<ExitCode> {
    let c = load_catalog(cli)?;
    let f = match format {
        Format::Mermaid => GraphFormat::Mermaid,
        Format::Dot => GraphFormat::Dot,
    };
    print!("{}", render(&c.flow, f));
    Ok(ExitCode::SUCCESS)
}

/// `swipefix backup FILE`: written beside the target and renamed, so a failed backup never replaces a good one.
fn backup(cli: &Cli, file: &Path, data: &Path) -> Result<ExitCode> {
    let store = existing_store(cli, data, "to back up")?;
    let now = clock(cli)?.now();
    let counts = if file.as_os_str() == "-" {
        swipefix::store::backup::backup(store.as_ref(), now, &mut std::io::stdout().lock())?
    } else {
        let tmp = file.with_extension("partial");
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?,
        );
        let counts = swipefix::store::backup::backup(store.as_ref(), now, &mut out)?;
        out.into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_all())
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, file).with_context(|| format!("cannot write {}", file.display()))?;
        counts
    };
    eprintln!(
        "backed up {} cases, {} merchants, {} follow-ups from {}",
        counts.cases,
        counts.merchants,
        counts.reminders,
        location(cli, data)?
    );
    Ok(ExitCode::SUCCESS)
}

/// `--keys-from DIR`: the key file and master key file of `from` into `data`, which must hold no keys yet.
fn copy_keys(from: &Path, data: &Path) -> Result<()> {
    if data.join(KEYS_FILE).exists() {
        bail!("{} already holds keys: restore into a new --data directory", data.join(KEYS_FILE).display());
    }
    std::fs::create_dir_all(data).with_context(|| format!("cannot create {}", data.display()))?;
    for name in [KEYS_FILE, MASTER_FILE] {
        let (src, dst) = (from.join(name), data.join(name));
        if src.exists() || name == KEYS_FILE {
            std::fs::copy(&src, &dst).with_context(|| format!("cannot copy {} to {}", src.display(), dst.display()))?;
        }
    }
    Ok(())
}

/// `swipefix restore FILE`: into an empty data directory (or an empty PostgreSQL database) only.
fn restore(cli: &Cli, file: &Path, data: &Path, keys_from: Option<&Path>) -> Result<ExitCode> {
    let mut input: Box<dyn std::io::BufRead> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        ))
    };
    let at = location(cli, data)?;
    let store = match (&at, keys_from) {
        (Location::Sled(dir), Some(from)) => {
            copy_keys(from, dir)?;
            open_store(cli, data)?
        }
        // PostgreSQL keeps its keys in the database: take over the ones of the directory the backup came from.
        (Location::Postgres(_), Some(from)) => {
            let master = master_from_env()?;
            let theirs = Keyring::open(from, master.clone())?;
            let store = at.open(Some(master_of(master, from)?), data)?;
            store.keys().adopt(&theirs)?;
            store
        }
        (_, None) => open_store(cli, data)?,
    };
    let counts = swipefix::store::backup::restore(store.as_ref(), &mut input)
        .with_context(|| format!("{} was not restored", file.display()))?;
    eprintln!(
        "restored {} cases, {} merchants, {} follow-ups into {at} ({} records erased since the backup skipped)",
        counts.cases, counts.merchants, counts.reminders, counts.erased
    );
    Ok(ExitCode::SUCCESS)
}

/// `master` (from the environment), else the master key file in `dir`, which must exist.
fn master_of(master: Option<MasterKey>, dir: &Path) -> Result<MasterKey> {
    if let Some(m) = master {
        return Ok(m);
    }
    let file = dir.join(MASTER_FILE);
    if !file.exists() {
        bail!("no master key: set SWIPEFIX_MASTER_KEY, or keep the key file at {}", file.display());
    }
    Ok(MasterKey::load_or_create(&file)?)
}

/// `swipefix db migrate`: the PostgreSQL schema brought up to date (opening does it).
fn db_migrate(cli: &Cli, data: &Path) -> Result<ExitCode> {
    let Location::Postgres(url) = location(cli, data)? else {
        bail!("db migrate needs --database postgres://… (or SWIPEFIX_DATABASE_URL); sled needs no migrations");
    };
    let master = master_of(master_from_env()?, data)?;
    let store = swipefix::store::PgStore::open(&url, &master)?;
    let m = store.migrated();
    match m.from == m.to {
        true => println!("{}: schema at version {}, nothing to do", store.url(), m.to),
        false => println!("{}: schema migrated from version {} to {}", store.url(), m.from, m.to),
    }
    Ok(ExitCode::SUCCESS)
}

/// `swipefix db copy --from A --to B`: a whole deployment into an empty store, with the same master key.
fn db_copy(cli: &Cli, data: &Path, from: &Location, to: &Location) -> Result<ExitCode> {
    if !from.exists() {
        bail!("there is no database at {from} to copy");
    }
    if let Location::Sled(dir) = to
        && to.exists()
    {
        bail!("{} already holds a database: copy into a new directory", dir.display());
    }
    // The key: the environment's, else the sled side's key file, else the one in --data.
    let sled_dir = [from, to].into_iter().find_map(|l| match l {
        Location::Sled(d) if d.join(MASTER_FILE).exists() => Some(d.clone()),
        _ => None,
    });
    let master = master_of(master_from_env()?, sled_dir.as_deref().unwrap_or(data))?;
    if let Location::Sled(dir) = to
        && master_from_env()?.is_none()
    {
        // A new sled directory keeps the key file beside its database, as one made by the bot does.
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        master.save_new(&dir.join(MASTER_FILE))?;
    }
    let source = from.open(Some(master.clone()), data)?;
    let target = to.open(Some(master), data)?;
    let counts = swipefix::store::copy::copy(source.as_ref(), target.as_ref(), clock(cli)?.now())
        .with_context(|| format!("{from} was not copied to {to}"))?;
    eprintln!(
        "copied {} cases, {} merchants, {} follow-ups from {from} to {to}",
        counts.cases, counts.merchants, counts.reminders
    );
    Ok(ExitCode::SUCCESS)
}

/// `swipefix cases list`: one line per case, or JSON.
fn cases_list(store: &dyn CaseStore, json: bool) -> Result<ExitCode> {
    let cases = store.list()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&cases)?);
    } else if cases.is_empty() {
        println!("no cases");
    } else {
        println!("{:<18} {:<14} {:<11} {:<10} {:<6} {:<20} NODE", "CASE", "OWNER", "STATUS", "ROLE", "LANG", "UPDATED");
        for c in cases {
            println!(
                "{:<18} {:<14} {:<11} {:<10} {:<6} {:<20} {}",
                c.id,
                c.owner,
                c.status.as_str(),
                c.role.map_or("-", |r| r.as_str()),
                c.locale,
                c.updated.format("%Y-%m-%d %H:%M"),
                c.node
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `swipefix cases letter ID`: the written application, printed or written to a file.
fn cases_letter(
    cli: &Cli,
    store: &dyn CaseStore,
    case_id: &str,
    lang: Option<&str>,
    out: Option<&Path>,
) -> Result<ExitCode> {
    let Some(c) = store.load(case_id)? else {
        eprintln!("no such case: {case_id}");
        return Ok(ExitCode::from(1));
    };
    let catalog = load_catalog(cli)?;
    let locale = catalog.i18n.negotiate(lang.unwrap_or(&c.locale));
    let j = catalog.flow.jurisdiction(&c.jurisdiction);
    let today = j.local(&c, clock(cli)?.now()).date();
    let text = swipefix::report::letter(&catalog, &c, &locale, today);
    match out {
        Some(path) => {
            std::fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))?;
            println!("written to {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `swipefix cases export`: cases for reporting, as JSON or CSV.
fn cases_export(
    store: &dyn CaseStore,
    format: ExportFormat,
    status: Option<&str>,
    since: Option<chrono::NaiveDate>,
) -> Result<ExitCode> {
    let wanted = match status {
        Some(s) => Some(swipefix::engine::Status::parse(s).with_context(|| {
            format!("unknown status `{s}` (open, waiting, escalated, handed_off, resolved, closed)")
        })?),
        None => None,
    };
    let cases: Vec<_> = store
        .list()?
        .into_iter()
        .filter(|c| wanted.is_none_or(|w| c.status == w))
        .filter(|c| since.is_none_or(|d| c.created.date_naive() >= d))
        .collect();
    let mut out = std::io::stdout().lock();
    match format {
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &cases)?;
            println!();
        }
        ExportFormat::Csv => swipefix::report::write_csv(&cases, &mut out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `swipefix cases show`: the summary staff read and the stored details, or the case as JSON.
fn cases_show(
    cli: &Cli,
    store: &dyn CaseStore,
    case_id: Option<&str>,
    user: Option<&str>,
    json: bool,
    lang: Option<&str>,
) -> Result<ExitCode> {
    let case = match (case_id, user) {
        (Some(id), _) => store.load(id)?,
        (None, Some(u)) => {
            let owner = if u.contains(':') { u.to_string() } else { format!("cli:{u}") };
            swipefix::session::current_of(store.cases_of(&owner)?)
        }
        (None, None) => None,
    };
    let Some(c) = case else {
        eprintln!("no such case");
        return Ok(ExitCode::from(1));
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&c)?);
    } else {
        let catalog = load_catalog(cli)?;
        let settings = Settings::load(cli.config.as_deref(), |k| std::env::var(k).ok())?;
        let locale = catalog.i18n.negotiate(lang.unwrap_or(&settings.staff.language));
        println!("{}\n", swipefix::report::handoff_summary(&catalog, &c, &locale));
        print!("{}", swipefix::report::case_text(&c));
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    // sled logs from deferred work that can run while a thread is exiting, when the log's thread-local buffer
    // is gone (a panic, then an abort, seen at trace level): only its warnings and errors are logged.
    let filter = tracing_subscriber::EnvFilter::try_from_env("SWIPEFIX_LOG")
        .unwrap_or_else(|_| "warn".into())
        .add_directive("sled=warn".parse().expect("a valid directive"));
    // Colour only for a person at a terminal: a log file or a collector gets plain text (or JSON lines).
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    match std::env::var("SWIPEFIX_LOG_FORMAT").unwrap_or_default().trim() {
        "" | "text" => logs.init(),
        "json" => logs.json().init(),
        other => {
            eprintln!("swipefix: SWIPEFIX_LOG_FORMAT is `{other}`; it is `json` (one JSON object a line) or `text`");
            return ExitCode::from(2);
        }
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("swipefix: {e:#}");
            ExitCode::from(2)
        }
    }
}
