//! The `swipefix` binary itself: flow check, piped chat across two runs, JSON lines, case listing, errors.

use super::common::{copy_tree, root, swipefix, text};

use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn flow_check_passes_on_the_shipped_tree() {
    let dir = tempfile::tempdir().unwrap();
    let out = swipefix(&["flow", "check"], dir.path(), "");
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).starts_with("ok:"), "{}", text(&out.stdout));
}

#[test]
fn flow_check_fails_with_node_and_line_on_a_dangling_target() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(dir.path());
    let main = dir.path().join("flows/main.toml");
    let src = std::fs::read_to_string(&main).unwrap();
    let broken = src.replacen("to = \"safety_gate\"", "to = \"no_such_node\"", 1);
    assert_ne!(src, broken, "the fixture edit applies");
    std::fs::write(&main, &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("no_such_node")).unwrap() + 1;
    let out = super::common::flow_check(dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let want = format!("flows/main.toml:{line}: node `zone_done` goes to unknown node `no_such_node`");
    assert!(stdout.contains(&want), "want {want}\ngot:\n{stdout}");
}

/// The shipped texts may quote numbers of their own (they are being rewritten elsewhere), so this test asserts
/// what is reported about the texts it adds, not that they are the only problems.
#[test]
fn flow_check_fails_naming_file_line_and_key_of_a_text_that_quotes_a_duration_or_money() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(dir.path());
    let offenders = [
        ("en-US", "The bank must answer within 15 days.", "15 days"),
        ("zh-CN", "银行须在１５天内答复。", "１５天"),
        ("zh-TW", "單筆超過港幣500元請報警。", "港幣500元"),
    ];
    let mut wants = Vec::new();
    for (locale, text, phrase) in offenders {
        let path = dir.path().join(format!("locales/{locale}/flow.ftl"));
        let mut src = std::fs::read_to_string(&path).unwrap();
        src.push_str(
            "\n# flow-check: number-ok (an example of what to type, not a fact)\ntest-example = For example ¥128.50\n",
        );
        src.push_str(&format!("test-quoted = {text}\n"));
        std::fs::write(&path, &src).unwrap();
        let line = src.lines().count();
        wants.push(format!("locales/{locale}/flow.ftl:{line}: `test-quoted` quotes the number in \"{phrase}\""));
    }
    let out = super::common::flow_check(dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for want in wants {
        let reported = stdout.lines().find(|l| l.starts_with(&want));
        assert!(reported.is_some_and(|l| l.contains("use a setting")), "want {want}\ngot:\n{stdout}");
    }
    assert!(!stdout.contains("test-example"), "an example with a reasoned opt-out passes:\n{stdout}");
}

#[test]
fn flow_graph_prints_mermaid_and_dot() {
    let dir = tempfile::tempdir().unwrap();
    let m = swipefix(&["flow", "graph", "--format", "mermaid"], dir.path(), "");
    assert!(m.status.success());
    assert!(text(&m.stdout).starts_with("flowchart TD"));
    assert!(text(&m.stdout).contains("welcome -->|cn| card_more"), "{}", text(&m.stdout));
    let d = swipefix(&["flow", "graph", "--format", "dot"], dir.path(), "");
    assert!(text(&d.stdout).starts_with("digraph swipefix {"));
}

/// A whole cardholder journey as typed lines, for the split-run test.
const JOURNEY: &[&str] = &[
    "cn",
    "cardholder",
    "no",
    "double",
    "1,280.50",
    "yesterday 18:05",
    "1234",
    "Corner Shop",
    "/status",
    "2",
    "/back",
    "2",
];

fn show(dir: &Path, user: &str) -> serde_json::Value {
    let out = swipefix(&["cases", "show", "--user", user, "--json", "--data", "data"], dir, "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn half_a_conversation_then_the_rest_ends_in_the_same_case_as_one_run() {
    let whole = tempfile::tempdir().unwrap();
    let out = swipefix(&["chat", "--user", "u", "--data", "data"], whole.path(), &(JOURNEY.join("\n") + "\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let one_run = show(whole.path(), "u");
    assert_ne!(one_run["node"], "welcome", "the journey moved on");

    for split in [3, JOURNEY.len() / 2, JOURNEY.len() - 1] {
        let halves = tempfile::tempdir().unwrap();
        let (a, b) = JOURNEY.split_at(split);
        let first = swipefix(&["chat", "--user", "u", "--data", "data"], halves.path(), &(a.join("\n") + "\n"));
        assert!(first.status.success(), "{}", text(&first.stderr));
        assert!(text(&first.stdout).contains("is saved"), "{}", text(&first.stdout));
        let second = swipefix(&["chat", "--user", "u", "--data", "data"], halves.path(), &(b.join("\n") + "\n"));
        assert!(second.status.success(), "{}", text(&second.stderr));
        assert!(text(&second.stdout).contains("Welcome back"), "{}", text(&second.stdout));
        let mut two_runs = show(halves.path(), "u");
        let mut one = one_run.clone();
        // Every save bumps the version; the resumed run may save a different number of times. All else is equal.
        two_runs["version"] = serde_json::Value::Null;
        one["version"] = serde_json::Value::Null;
        assert_eq!(two_runs, one, "split after {split} lines");
    }
}

#[test]
fn jsonl_mode_prints_messages_and_awaits() {
    let dir = tempfile::tempdir().unwrap();
    let out = swipefix(&["chat", "--jsonl", "--lang", "zh-CN", "--data", "data"], dir.path(), "cn\n2\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect(l)).collect();
    assert!(lines.iter().all(|l| l["type"] == "message" || l["type"] == "await"), "{lines:#?}");
    let first_await = lines.iter().find(|l| l["type"] == "await").unwrap();
    assert_eq!(first_await["node"], "welcome");
    assert_eq!(first_await["input"], "choice");
    let with_buttons = lines.iter().find(|l| l["buttons"].as_array().is_some_and(|b| !b.is_empty())).unwrap();
    assert_eq!(with_buttons["buttons"][0]["id"], "cn");
    assert!(
        with_buttons["buttons"][0]["label"].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    );
    let last_await = lines.iter().rev().find(|l| l["type"] == "await").unwrap();
    assert_eq!(last_await["node"], "m_error", "`2` picked the merchant");
}

#[test]
fn cases_list_and_show() {
    let dir = tempfile::tempdir().unwrap();
    swipefix(&["chat", "--user", "ann", "--data", "data"], dir.path(), "cn\ncardholder\n");
    let list = swipefix(&["cases", "list", "--data", "data"], dir.path(), "");
    assert!(list.status.success());
    let l = text(&list.stdout);
    assert!(l.contains("cli:ann") && l.contains("SF-261125-"), "{l}");
    let json = swipefix(&["cases", "list", "--json", "--data", "data"], dir.path(), "");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let id = v[0]["id"].as_str().unwrap().to_string();
    let show = swipefix(&["cases", "show", &id, "--data", "data"], dir.path(), "");
    assert!(text(&show.stdout).contains("jurisdiction cn"), "{}", text(&show.stdout));
    let missing = swipefix(&["cases", "show", "SF-NOPE", "--data", "data"], dir.path(), "");
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn a_locked_database_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let _held = swipefix::store::SledStore::open(&dir.path().join("data")).unwrap();
    let out = swipefix(&["chat", "--data", "data"], dir.path(), "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("in use by another swipefix process"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
}

#[test]
fn a_broken_flow_directory_stops_chat_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(dir.path());
    std::fs::write(dir.path().join("flows/main.toml"), "[flow\nstart=").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_swipefix"))
        .args(["chat", "--data", "data"])
        .current_dir(dir.path())
        .env_remove("SWIPEFIX_FLOWS")
        .env_remove("SWIPEFIX_LOCALES")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("flows/main.toml:1"), "{}", text(&out.stderr));
}

#[test]
fn telegram_without_a_token_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_swipefix"))
        .args(["telegram", "--data", "data"])
        .current_dir(dir.path())
        .env_remove("TELOXIDE_TOKEN")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("TELOXIDE_TOKEN is not set"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
}

#[test]
fn the_lab_load_tool_drives_a_real_bot_process() {
    let plan = swipefix_lab::load::Plan {
        exe: env!("CARGO_BIN_EXE_swipefix").into(),
        users: 5,
        timeout: std::time::Duration::from_secs(60),
        flows: root().join("flows"),
        locales: root().join("locales"),
        backend: Default::default(),
    };
    let report = tokio::runtime::Runtime::new().unwrap().block_on(swipefix_lab::load::run(plan)).unwrap();
    let report = report.to_string();
    assert!(report.contains("updates          60 sent, 60 answered"), "{report}");
    assert!(report.contains("latency p99"), "{report}");
}

#[test]
fn the_lab_load_tool_drives_three_processes_on_postgres() {
    let Some(pg) = swipefix_lab::postgres::TempPostgres::for_test("the_lab_load_tool_drives_three_processes") else {
        return;
    };
    let plan = swipefix_lab::load::Plan {
        exe: env!("CARGO_BIN_EXE_swipefix").into(),
        users: 6,
        timeout: std::time::Duration::from_secs(60),
        flows: root().join("flows"),
        locales: root().join("locales"),
        backend: swipefix_lab::load::Backend::Postgres { replicas: 3, database: Some(pg.url()) },
    };
    let report = tokio::runtime::Runtime::new().unwrap().block_on(swipefix_lab::load::run(plan)).unwrap();
    let report = report.to_string();
    assert!(report.contains("updates          72 sent, 72 answered"), "{report}");
    assert!(report.contains("3 processes"), "{report}");
}

/// The lab's own command line is well formed and offers both tools.
#[test]
fn the_lab_command_line_offers_load_and_the_crash_test() {
    let lab = swipefix_lab::cli::command();
    lab.clone().debug_assert();
    let names: Vec<&str> = lab.get_subcommands().map(|c| c.get_name()).collect();
    assert_eq!(names, ["load", "crash-test"]);
}

/// The lab's tools and switches are not in the shipped binary: its help lists none of them.
#[test]
fn the_shipped_binary_has_no_lab_commands_or_hidden_flags() {
    for args in [&["--help"][..], &["telegram", "--help"], &["chat", "--help"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_swipefix")).args(args).output().unwrap();
        let help = text(&out.stdout);
        assert!(out.status.success(), "{help}");
        for lab in ["load", "crash-test", "no-throttle", "flood-max"] {
            assert!(!help.split_whitespace().any(|w| w.trim_start_matches('-') == lab), "{lab} in\n{help}");
        }
    }
    for gone in [&["load"][..], &["crash-test"], &["telegram", "--no-throttle"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_swipefix")).args(gone).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{gone:?} is refused");
    }
}

#[test]
fn sigterm_stops_the_telegram_bot_cleanly() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let fake = swipefix_lab::fake_telegram::FakeTelegram::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut child = super::common::spawn_telegram(&fake.api_url(), dir.path(), "error", Stdio::inherit());
        assert!(fake.wait_for_poll(std::time::Duration::from_secs(30)).await, "the bot came up");
        fake.push_text(42, Some("en"), "/start");
        assert!(fake.message_to(42, 0, std::time::Duration::from_secs(30)).await.is_some(), "it answered");
        super::common::sigterm(&child);
        let status =
            tokio::time::timeout(std::time::Duration::from_secs(30), child.wait()).await.expect("it stops").unwrap();
        assert!(status.success(), "a clean exit on SIGTERM: {status:?}");
        // The store was flushed and closed: it opens again, with the case in it.
        let store = swipefix::store::SledStore::open(&dir.path().join("data")).unwrap();
        use swipefix::store::CaseStore;
        assert_eq!(store.cases_of("tg:42").unwrap().len(), 1);
    });
}

#[test]
fn cases_show_prints_the_summary_and_export_filters() {
    let dir = tempfile::tempdir().unwrap();
    swipefix(&["chat", "--user", "ann", "--data", "data"], dir.path(), "cn\ncardholder\nno\ndouble\n88\n/human\n");
    swipefix(&["chat", "--user", "bob", "--data", "data"], dir.path(), "intl\n");
    let show = swipefix(&["cases", "show", "--user", "ann", "--lang", "zh-CN", "--data", "data"], dir.path(), "");
    let s = text(&show.stdout);
    assert!(s.contains("转人工") && s.contains("用户要求人工服务") && s.contains("¥88.00"), "{s}");
    let csv =
        swipefix(&["cases", "export", "--format", "csv", "--status", "handed_off", "--data", "data"], dir.path(), "");
    assert!(csv.status.success(), "{}", text(&csv.stderr));
    let c = text(&csv.stdout);
    assert_eq!(c.lines().count(), 2, "header and ann's case only: {c}");
    assert!(c.lines().nth(1).unwrap().contains("cli:ann"), "{c}");
    let json = swipefix(&["cases", "export", "--since", "2026-11-26", "--data", "data"], dir.path(), "");
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&json.stdout).unwrap(), serde_json::json!([]));
    let bad = swipefix(&["cases", "export", "--status", "lost", "--data", "data"], dir.path(), "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("unknown status `lost`"), "{}", text(&bad.stderr));
}

#[test]
fn cases_letter_prints_or_writes_the_application() {
    let dir = tempfile::tempdir().unwrap();
    swipefix(
        &["chat", "--user", "ann", "--data", "data"],
        dir.path(),
        "cn\ncardholder\nno\ndouble\n88\nyesterday 18:05\n4111 1111 1111 1111\nShop\n",
    );
    let list = swipefix(&["cases", "list", "--json", "--data", "data"], dir.path(), "");
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let id = v[0]["id"].as_str().unwrap().to_string();
    let out =
        swipefix(&["cases", "letter", &id, "--lang", "zh-CN", "--out", "letter.txt", "--data", "data"], dir.path(), "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let letter = std::fs::read_to_string(dir.path().join("letter.txt")).unwrap();
    assert!(
        letter.starts_with("书面申请") && letter.contains("卡号后4位：1111") && !letter.contains("4111"),
        "{letter}"
    );
    let printed = swipefix(&["cases", "letter", &id, "--data", "data"], dir.path(), "");
    assert!(text(&printed.stdout).contains("Written application"), "{}", text(&printed.stdout));
}

#[test]
fn reminders_run_due_sends_follow_ups_through_the_bot_api() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let fake = swipefix_lab::fake_telegram::FakeTelegram::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        {
            let store: std::sync::Arc<dyn swipefix::store::CaseStore> =
                std::sync::Arc::new(swipefix::store::SledStore::open(&dir.path().join("data")).unwrap());
            let (app, _) = super::common::app_with(store);
            super::common::walk(&app, "tg:4321", Some("en-US"), super::common::TO_REVERSAL_CHECK);
        }
        let run = |now: &'static str| {
            Command::new(env!("CARGO_BIN_EXE_swipefix"))
                .args(["reminders", "run-due", "--data", "data"])
                .current_dir(dir.path())
                .env("TELOXIDE_TOKEN", "123456:TEST")
                .env("TELOXIDE_API_URL", fake.api_url())
                .env("SWIPEFIX_FLOWS", root().join("flows"))
                .env("SWIPEFIX_LOCALES", root().join("locales"))
                .env("SWIPEFIX_NOW", now)
                .output()
                .unwrap()
        };
        let early = run("2026-11-26T10:00:00Z");
        assert!(text(&early.stdout).contains("0 follow-up(s)"), "{}{}", text(&early.stdout), text(&early.stderr));
        let due = run("2026-12-02T10:00:00Z");
        assert!(text(&due.stdout).contains("1 follow-up(s)"), "{}{}", text(&due.stdout), text(&due.stderr));
        let msg = fake.message_to(4321, 0, std::time::Duration::from_secs(10)).await.expect("sent");
        assert!(msg.text().contains("Checking back"), "{}", msg.text());
        let again = run("2026-12-03T10:00:00Z");
        assert!(text(&again.stdout).contains("0 follow-up(s)"), "never twice: {}", text(&again.stdout));
        assert_eq!(fake.sent_to(4321).len(), 1);
    });
}

/// Logs for a collector: `SWIPEFIX_LOG_FORMAT=json` writes one JSON object a line; plain text to a file has no
/// colour codes (stderr is no terminal); a format that is neither is a one-line error.
#[test]
fn logs_are_json_lines_on_request_and_never_coloured_into_a_file() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    for format in ["json", "text"] {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("bot.log");
        let stderr = std::fs::File::create(&log).unwrap();
        rt.block_on(async {
            let fake = swipefix_lab::fake_telegram::FakeTelegram::start().await.unwrap();
            let env = [("SWIPEFIX_LOG_FORMAT", format)];
            let mut child =
                super::common::spawn_telegram_with(&fake.api_url(), dir.path(), "info", stderr.into(), &env);
            assert!(fake.wait_for_poll(std::time::Duration::from_secs(30)).await, "the bot came up");
            super::common::sigterm(&child);
            let status = tokio::time::timeout(std::time::Duration::from_secs(30), child.wait()).await.unwrap().unwrap();
            assert!(status.success());
        });
        let logged = std::fs::read_to_string(&log).unwrap();
        assert!(logged.contains("connected to Telegram"), "{format}: {logged}");
        assert!(!logged.contains('\u{1b}'), "{format}: no colour codes in a file: {logged}");
        if format == "json" {
            for line in logged.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
                assert!(v["level"].is_string() && v["fields"].is_object(), "{line}");
            }
        }
    }
    let bad = super::common::swipefix_with(&["flow", "check"], &root(), "", &[("SWIPEFIX_LOG_FORMAT", "xml")]);
    assert_eq!(bad.status.code(), Some(2));
    let err = text(&bad.stderr);
    assert!(err.contains("SWIPEFIX_LOG_FORMAT") && err.trim().lines().count() == 1, "{err}");
}

#[test]
fn telegram_serves_the_console_and_console_link_signs_in_while_the_bot_holds_the_database() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let address = format!("127.0.0.1:{port}");
    rt.block_on(async {
        let fake = swipefix_lab::fake_telegram::FakeTelegram::start().await.unwrap();
        let env = [("SWIPEFIX_CONSOLE", address.as_str()), ("SWIPEFIX_STAFF_USERS", "9001")];
        let mut child =
            super::common::spawn_telegram_with(&fake.api_url(), dir.path(), "warn", std::process::Stdio::null(), &env);
        assert!(fake.wait_for_poll(std::time::Duration::from_secs(30)).await, "the bot came up");
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let base = format!("http://{address}");
        assert_eq!(http.get(format!("{base}/readyz")).send().await.unwrap().status(), 200);
        assert_eq!(http.get(format!("{base}/")).send().await.unwrap().status(), 401);
        // The first link, from the shell, with the bot running (it needs only the master key).
        let env = [("SWIPEFIX_STAFF_USERS", "9001")];
        // The bot runs on the real clock; the link is made at the same time (not the tests' fixed one).
        let now = chrono::Utc::now().to_rfc3339();
        let args =
            ["console", "link", "--staff", "9001", "--data", "data", "--url", base.as_str(), "--now", now.as_str()];
        let out = super::common::swipefix_with(&args, dir.path(), "", &env);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let link = text(&out.stdout).trim().to_string();
        assert!(link.starts_with(&format!("{base}/signin?token=")), "{link}");
        let token = url::Url::parse(&link).unwrap().query_pairs().next().unwrap().1.into_owned();
        let signed = http.post(format!("{base}/signin")).form(&[("token", &token)]).send().await.unwrap();
        assert_eq!(signed.status(), 303, "{:?}", signed.text().await);
        let cookie = signed.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
        let inbox = http.get(format!("{base}/")).header("cookie", cookie).send().await.unwrap();
        assert_eq!(inbox.status(), 200);
        // Someone not on the list gets no link.
        let other = ["console", "link", "--staff", "4242", "--data", "data", "--url", base.as_str()];
        let refused = super::common::swipefix_with(&other, dir.path(), "", &env);
        assert_eq!(refused.status.code(), Some(2));
        assert!(text(&refused.stderr).contains("not on the staff list"), "{}", text(&refused.stderr));
        super::common::sigterm(&child);
        let status = tokio::time::timeout(std::time::Duration::from_secs(30), child.wait()).await.unwrap().unwrap();
        assert!(status.success());
    });
}
