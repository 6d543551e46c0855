//! A deployment on PostgreSQL, through the real binary: the CLI reads and backs up cases while the bot runs,
//! and `db copy` moves a sled deployment to PostgreSQL and back with every record. Each test starts its own
//! throwaway server (`swipefix_lab::postgres`), and skips loudly where the machine has none (unless
//! `SWIPEFIX_REQUIRE_POSTGRES` is set, as in `.ci/run`).

use super::common::{self, swipefix_with, text};
use std::sync::Arc;
use std::time::Duration;
use swipefix::store::{CaseStore, MasterKey, SledStore};
use swipefix_lab::fake_telegram::FakeTelegram;
use swipefix_lab::postgres::TempPostgres;

#[test]
fn the_cli_lists_exports_and_backs_up_cases_while_the_bot_runs_on_postgres() {
    let Some(pg) = TempPostgres::for_test("the_cli_lists_exports_and_backs_up_cases_while_the_bot_runs") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let key = MasterKey::generate().to_hex();
    let url = pg.url();
    let env = [("SWIPEFIX_DATABASE_URL", url.as_str()), ("SWIPEFIX_MASTER_KEY", key.as_str())];
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let fake = FakeTelegram::start().await.unwrap();
        let mut bot =
            common::spawn_telegram_with(&fake.api_url(), dir.path(), "error", std::process::Stdio::inherit(), &env);
        assert!(fake.wait_for_poll(Duration::from_secs(60)).await, "the bot came up");
        fake.push_text(42, Some("en"), "/start");
        assert!(fake.message_to(42, 0, Duration::from_secs(30)).await.is_some(), "it answered");
        fake.push_text(42, Some("en"), "cn");
        assert!(fake.message_to(42, 1, Duration::from_secs(30)).await.is_some(), "it answered again");

        // The bot is running: sled would say "in use by another swipefix process".
        let cli = |args: &[&str]| swipefix_with(args, dir.path(), "", &env);
        let list = cli(&["cases", "list"]);
        assert!(list.status.success(), "{}", text(&list.stderr));
        assert!(text(&list.stdout).contains("tg:42"), "{}", text(&list.stdout));
        let csv = cli(&["cases", "export", "--format", "csv"]);
        assert!(csv.status.success(), "{}", text(&csv.stderr));
        assert_eq!(text(&csv.stdout).lines().count(), 2, "a header and the case: {}", text(&csv.stdout));
        let backup = cli(&["backup", "live.jsonl"]);
        assert!(backup.status.success(), "{}", text(&backup.stderr));
        assert!(text(&backup.stderr).contains("backed up 1 cases"), "{}", text(&backup.stderr));
        let lines = std::fs::read_to_string(dir.path().join("live.jsonl")).unwrap();
        assert!(lines.lines().last().unwrap().contains(r#""kind":"end","cases":1"#), "{lines}");
        let migrate = cli(&["db", "migrate"]);
        assert!(text(&migrate.stdout).contains("nothing to do"), "{}", text(&migrate.stdout));
        assert!(!text(&migrate.stdout).contains("MASTER"), "no key printed");

        // And the bot goes on answering.
        fake.push_text(42, Some("en"), "cardholder");
        assert!(fake.message_to(42, 2, Duration::from_secs(30)).await.is_some(), "still answering");
        common::sigterm(&bot);
        let status = tokio::time::timeout(Duration::from_secs(30), bot.wait()).await.expect("it stops").unwrap();
        assert!(status.success(), "{status:?}");
    });
}

/// A sled deployment with a case waiting on a follow-up, a case handed off, and a registered shop.
fn sled_deployment(data: &std::path::Path) -> (Vec<swipefix::engine::Case>, usize, usize) {
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(data).unwrap());
    let (app, _) = common::app_with(store.clone());
    common::walk(&app, "tg:4321", Some("en-US"), common::TO_REVERSAL_CHECK);
    common::walk(&app, "tg:77", Some("zh-CN"), &["hi", "cn", "cardholder", "no", "double", "88", "/human"]);
    store
        .save_merchant(&swipefix::store::Merchant {
            code: "m_shop".into(),
            owner: "tg:9".into(),
            shop: "Corner Shop".into(),
            terminals: vec![],
            review: Default::default(),
            locale: Some("en-US".into()),
            created: common::t0(),
        })
        .unwrap();
    store.flush().unwrap();
    let queued = store.queued().unwrap().len();
    assert!(queued > 0, "a follow-up is waiting");
    (store.list().unwrap(), store.merchants().unwrap().len(), queued)
}

#[test]
fn db_copy_moves_a_sled_deployment_to_postgres_and_back_with_every_record() {
    let Some(pg) = TempPostgres::for_test("db_copy_moves_a_sled_deployment_to_postgres_and_back") else { return };
    let dir = tempfile::tempdir().unwrap();
    let (cases, merchants, queued) = sled_deployment(&dir.path().join("data"));
    let url = pg.url();
    let cli = |args: &[&str]| swipefix_with(args, dir.path(), "", &[]);

    let there = cli(&["db", "copy", "--from", "sled:data", "--to", &url]);
    assert!(there.status.success(), "{}", text(&there.stderr));
    let said = text(&there.stderr);
    assert!(
        said.contains(&format!("copied {} cases, {merchants} merchants, {queued} follow-ups", cases.len())),
        "{said}"
    );

    // On PostgreSQL, with the key file of the data directory it came from.
    let list = cli(&["--database", &url, "cases", "list", "--json"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    let listed: Vec<swipefix::engine::Case> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(listed, cases, "every case, versions included");

    // Copying again into a database that holds cases is refused; nothing changes.
    let again = cli(&["db", "copy", "--from", "sled:data", "--to", &url]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("empty store"), "{}", text(&again.stderr));

    let back = cli(&["db", "copy", "--from", &url, "--to", "sled:back"]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    let store = SledStore::open(&dir.path().join("back")).unwrap();
    assert_eq!(store.list().unwrap(), cases);
    let original = SledStore::open(&dir.path().join("data")).unwrap();
    assert_eq!(store.merchants().unwrap(), original.merchants().unwrap());
    assert_eq!(store.queued().unwrap(), original.queued().unwrap());
    assert!(store.last_id().unwrap() >= original.last_id().unwrap(), "no case id handed out twice");
    assert_eq!(
        std::fs::read(dir.path().join("back/swipefix-master.key")).unwrap(),
        std::fs::read(dir.path().join("data/swipefix-master.key")).unwrap(),
        "the copy keeps its master key beside it"
    );
}

/// A database address can hold a password: a mistyped one is refused without repeating it, and the
/// addresses swipefix prints hide it.
#[test]
fn a_database_password_is_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["postgress://ann:hunter2@db/x", "host=db password=hunter2", "hunter2"] {
        for args in [&["--database", bad, "cases", "list"][..], &["db", "copy", "--from", bad, "--to", "sled:x"]] {
            let out = swipefix_with(args, dir.path(), "", &[]);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = text(&out.stderr);
            assert!(!err.contains("hunter2") && err.contains("postgres://"), "{args:?}: {err}");
        }
    }
    let shown = swipefix::store::postgres::redacted("postgres://ann:hunter2@db/x?password=hunter2&sslmode=disable");
    assert!(!shown.contains("hunter2") && shown.contains("sslmode=disable"), "{shown}");
}

/// The desk as a process of its own beside the bot, on one PostgreSQL: a hand-off the bot took appears in
/// the console's inbox, a link the bot sent signs in on the console once (the nonce is spent in the
/// database), and a reply typed in the console reaches the person through the console's own Bot API client.
#[test]
fn the_console_runs_as_its_own_process_beside_the_bot_on_postgres() {
    let Some(pg) = TempPostgres::for_test("the_console_runs_as_its_own_process_beside_the_bot_on_postgres") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let key = MasterKey::generate().to_hex();
    let url = pg.url();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let base = format!("http://127.0.0.1:{port}");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let fake = FakeTelegram::start().await.unwrap();
        let env = [
            ("SWIPEFIX_DATABASE_URL", url.as_str()),
            ("SWIPEFIX_MASTER_KEY", key.as_str()),
            ("SWIPEFIX_STAFF_USERS", "9001"),
            ("SWIPEFIX_CONSOLE_URL", base.as_str()),
        ];
        let mut bot =
            common::spawn_telegram_with(&fake.api_url(), dir.path(), "error", std::process::Stdio::inherit(), &env);
        assert!(fake.wait_for_poll(Duration::from_secs(60)).await, "the bot came up");
        let mut desk = tokio::process::Command::new(env!("CARGO_BIN_EXE_swipefix"))
            .args(["console", "--listen", &format!("127.0.0.1:{port}"), "--data", "data"])
            .current_dir(dir.path())
            .envs(env)
            .env("SWIPEFIX_THROTTLE", "off")
            .env("TELOXIDE_TOKEN", "123456:TEST")
            .env("TELOXIDE_API_URL", fake.api_url())
            .env("SWIPEFIX_FLOWS", common::root().join("flows"))
            .env("SWIPEFIX_LOCALES", common::root().join("locales"))
            .kill_on_drop(true)
            .spawn()
            .expect("the console starts");
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while http.get(format!("{base}/readyz")).send().await.map(|r| r.status() != 200).unwrap_or(true) {
            assert!(std::time::Instant::now() < deadline, "the console never became ready");
            tokio::task::yield_now().await;
        }
        // A hand-off through the bot.
        for (n, line) in ["/start", "cn", "cardholder", "no", "double", "1280", "/human"].iter().enumerate() {
            fake.push_text(42, Some("en"), line);
            assert!(fake.message_to(42, n, Duration::from_secs(30)).await.is_some(), "an answer to {line}");
        }
        // The link from the bot signs in on the console, once.
        fake.push_text(9001, Some("en"), "/console");
        let link = fake.message_to(9001, 0, Duration::from_secs(30)).await.expect("a link").text().to_string();
        let token = link.split("token=").nth(1).expect("a token").split_whitespace().next().unwrap().to_string();
        let token = url::form_urlencoded::parse(format!("t={token}").as_bytes()).next().unwrap().1.into_owned();
        let signed = http.post(format!("{base}/signin")).form(&[("token", &token)]).send().await.unwrap();
        assert_eq!(signed.status(), 303);
        let cookie = signed.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
        let again = http.post(format!("{base}/signin")).form(&[("token", &token)]).send().await.unwrap();
        assert_eq!(again.status(), 401, "used once");
        let inbox = http.get(format!("{base}/")).header("cookie", &cookie).send().await.unwrap().text().await.unwrap();
        let id = regex::Regex::new(r"SF-\d{6}-[0-9A-Z]{4}")
            .unwrap()
            .find(&inbox)
            .expect("the case in the inbox")
            .as_str()
            .to_string();
        // A reply from the console reaches the person.
        let page = http
            .get(format!("{base}/cases/{id}"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf =
            regex::Regex::new(r#"name="csrf" value="([0-9a-f]+)""#).unwrap().captures(&page).unwrap()[1].to_string();
        let before = fake.sent_to(42).len();
        let sent = http
            .post(format!("{base}/cases/{id}/reply"))
            .header("cookie", &cookie)
            .form(&[("csrf", csrf.as_str()), ("text", "Your bank has the refund request.")])
            .send()
            .await
            .unwrap();
        assert_eq!(sent.headers()["location"], format!("/cases/{id}?done=reply"));
        let got = fake.message_to(42, before, Duration::from_secs(30)).await.expect("the person got it");
        assert!(got.text().contains("Your bank has the refund request."), "{}", got.text());
        for child in [&bot, &desk] {
            common::sigterm(child);
        }
        for child in [&mut bot, &mut desk] {
            let status = tokio::time::timeout(Duration::from_secs(30), child.wait()).await.expect("it stops").unwrap();
            assert!(status.success(), "{status:?}");
        }
    });
}
