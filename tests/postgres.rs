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
