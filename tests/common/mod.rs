//! Fixtures shared by the test modules.

use chrono::{DateTime, TimeZone, Utc};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use swipefix::catalog::Catalog;
use swipefix::channel::terminal::{Mode, Session};
use swipefix::session::{App, ManualClock};
use swipefix::store::{CaseStore, MemoryStore};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped flows and texts, loaded once.
pub fn catalog() -> Arc<Catalog> {
    static C: OnceLock<Arc<Catalog>> = OnceLock::new();
    C.get_or_init(|| {
        let c = swipefix::session::load_catalog(&root().join("flows"), &root().join("locales"))
            .unwrap_or_else(|e| panic!("the shipped flows must load:\n{e}"));
        Arc::new(c)
    })
    .clone()
}

/// A fixed moment all tests start at: 2026-11-25 10:00 UTC (18:00 in China).
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap()
}

pub fn app_with(store: Arc<dyn CaseStore>) -> (App, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(t0()));
    (App::new(catalog(), store, clock.clone()), clock)
}

pub fn memory_app() -> (App, Arc<ManualClock>) {
    app_with(Arc::new(MemoryStore::new()))
}

/// An app on a memory store, and the store itself to look into.
pub fn memory_app_and_store() -> (App, Arc<dyn CaseStore>) {
    let store: Arc<dyn CaseStore> = Arc::new(MemoryStore::new());
    (app_with(store.clone()).0, store)
}

/// Runs lines through the terminal channel's code path and returns what it printed.
pub fn chat(app: &App, user: &str, lang: Option<&str>, mode: Mode, lines: &[&str]) -> String {
    chat_with_files(app, user, lang, mode, lines, None)
}

/// `chat`, writing the files that come with replies (letters) into `files`.
pub fn chat_with_files(
    app: &App,
    user: &str,
    lang: Option<&str>,
    mode: Mode,
    lines: &[&str],
    files: Option<PathBuf>,
) -> String {
    let session = Session {
        app,
        user: user.into(),
        lang: lang.map(str::to_string),
        mode,
        prompt: false,
        echo: mode == Mode::Text,
        files,
    };
    let input = lines.join("\n") + "\n";
    let mut out = Vec::new();
    session.run(&mut input.as_bytes(), &mut out).expect("session runs");
    String::from_utf8(out).expect("utf-8 output")
}

/// The shipped locales: one directory each under `locales/`, sorted.
pub fn shipped_locales() -> Vec<String> {
    let mut tags: Vec<String> = std::fs::read_dir(root().join("locales"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    tags.sort();
    tags
}

/// A copy of the shipped flows and locales in a temp dir, for tests that break them.
pub fn copy_tree(dst: &Path) {
    let locales = shipped_locales().into_iter().map(|l| format!("locales/{l}"));
    let dirs = ["flows", "flows/jurisdictions", "locales"].map(String::from).into_iter().chain(locales);
    for dir in dirs {
        std::fs::create_dir_all(dst.join(&dir)).unwrap();
        for e in std::fs::read_dir(root().join(&dir)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, dst.join(&dir).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
}

/// A failed payment in China whose money has not come back: typed answers that leave the case waiting at
/// `reversal_check` (the question with a follow-up).
pub const TO_REVERSAL_CHECK: &[&str] = &[
    "hi",
    "cn",
    "cardholder",
    "no",
    "failed_deducted",
    "88",
    "yesterday 18:05",
    "1234",
    "Shop",
    "failed_no_slip",
    "have_slip",
];

/// Sends typed lines as `user` through the app (commands parsed as a channel would).
pub fn walk(app: &App, user: &str, lang: Option<&str>, lines: &[&str]) {
    let ids = app.interrupt_ids();
    for l in lines {
        app.handle(user, lang, swipefix::session::Incoming::parse(l, &ids)).unwrap();
    }
}

/// A real `swipefix telegram` process in `dir` against a fake Bot API at `api`, logging at `log` to `stderr`.
pub fn spawn_telegram(api: &str, dir: &Path, log: &str, stderr: std::process::Stdio) -> tokio::process::Child {
    spawn_telegram_with(api, dir, log, stderr, &[])
}

/// `spawn_telegram` with more environment variables (`SWIPEFIX_DATABASE_URL`, …).
pub fn spawn_telegram_with(
    api: &str,
    dir: &Path,
    log: &str,
    stderr: std::process::Stdio,
    env: &[(&str, &str)],
) -> tokio::process::Child {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_swipefix"))
        .args(["telegram", "--data", "data"])
        .current_dir(dir)
        .env_remove("SWIPEFIX_DATABASE_URL")
        .env_remove("SWIPEFIX_MASTER_KEY")
        .envs(env.iter().copied())
        // The fake Bot API has no sending limits to respect (`[telegram] throttle`).
        .env("SWIPEFIX_THROTTLE", "off")
        .env("SWIPEFIX_LOG", log)
        .env("TELOXIDE_TOKEN", "123456:TEST")
        .env("TELOXIDE_API_URL", api)
        .env("SWIPEFIX_FLOWS", root().join("flows"))
        .env("SWIPEFIX_LOCALES", root().join("locales"))
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(stderr)
        .kill_on_drop(true)
        .spawn()
        .expect("the bot starts")
}

/// Sends SIGTERM to a child process.
pub fn sigterm(child: &tokio::process::Child) {
    let pid = child.id().expect("still running").to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
}

/// Runs the `swipefix` binary in `cwd` on the shipped tree at the tests' fixed time, with `stdin` as input.
pub fn swipefix(args: &[&str], cwd: &Path, stdin: &str) -> std::process::Output {
    swipefix_with(args, cwd, stdin, &[])
}

/// `swipefix` with more environment variables (`SWIPEFIX_LOG`, …).
pub fn swipefix_with(args: &[&str], cwd: &Path, stdin: &str, env: &[(&str, &str)]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_swipefix"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SWIPEFIX_DATABASE_URL")
        .env_remove("SWIPEFIX_MASTER_KEY")
        .envs(env.iter().copied())
        .env("SWIPEFIX_FLOWS", root().join("flows"))
        .env("SWIPEFIX_LOCALES", root().join("locales"))
        .env("SWIPEFIX_NOW", "2026-11-25T10:00:00Z")
        .env_remove("SWIPEFIX_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `swipefix flow check flows` in `dir`, with no tree from the environment.
pub fn flow_check(dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_swipefix"))
        .args(["flow", "check", "flows"])
        .current_dir(dir)
        .env_remove("SWIPEFIX_FLOWS")
        .env_remove("SWIPEFIX_LOCALES")
        .output()
        .unwrap()
}
