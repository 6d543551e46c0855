//! `/forget` really erases: after it, a byte search of every file in the data directory — and of a backup
//! taken before the `/forget`, restored afterwards — finds nothing the person typed or registered, nor their
//! Telegram id; other people's cases still load. Retention erases through the same path, by the injected clock.

use super::common::{app_with, chat_with_files, t0};
use std::path::Path;
use std::sync::Arc;
use swipefix::channel::terminal::Mode;
use swipefix::settings::Retention;
use swipefix::store::backup::{backup, restore};
use swipefix::store::keys::{KEYS_FILE, MASTER_FILE};
use swipefix::store::{CaseStore, SledStore};

/// The person who forgets: a Telegram id as the owner, as the Telegram channel names them.
const ZOE: &str = "tg:7301946628";
/// Everything of Zoe's that must not survive: her id, her words, her amount as typed, her shops.
const ZOES: &[&str] =
    &["7301946628", "quasimodo wallet", "827.35", "Zanzibar Noodle Palace", "Quokka Quilts Emporium", "99887766"];
/// Zoe's journey: a case up to the written application (letters written as files), then a merchant
/// registration (a QR code file) and a case opened for a customer of hers (a join code).
const ZOE_LINES: &[&str] = &[
    "hello, this is about my quasimodo wallet",
    "cn",
    "cardholder",
    "no",
    "failed_deducted",
    "827.35",
    "2026-11-24 14:30",
    "4111 1111 1111 1111",
    "Zanzibar Noodle Palace",
    "failed_no_slip",
    "have_slip",
    "money_not_back",
    "called",
    "1",
    "/merchant Quokka Quilts Emporium; 99887766",
    "/opencase",
];

/// Every file under `dir` that holds one of `needles` as bytes.
fn find(dir: &Path, needles: &[&str], found: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            find(&p, needles, found);
            continue;
        }
        found.extend(found_in(&p.display().to_string(), &std::fs::read(&p).unwrap(), needles));
    }
}

fn found_in(label: &str, bytes: &[u8], needles: &[&str]) -> Vec<String> {
    needles
        .iter()
        .filter(|n| bytes.windows(n.len()).any(|w| w == n.as_bytes()))
        .map(|n| format!("{n:?} in {label}"))
        .collect()
}

fn bob_walks(data: &Path, files: &Path, lines: &[&str]) -> String {
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(data).unwrap());
    let (app, _) = app_with(store);
    chat_with_files(&app, "tg:5550001", Some("en-US"), Mode::Text, lines, Some(files.into()))
}

#[test]
fn after_forget_no_file_of_the_data_directory_nor_a_restored_earlier_backup_holds_anything_of_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let (data, files) = (dir.path().join("data"), dir.path().join("data/files"));
    bob_walks(&data, &files, &["hi", "cn", "cardholder", "no", "double", "¥66", "Bob's Bagels"]);
    let backup_file = dir.path().join("before.jsonl");
    {
        let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(&data).unwrap());
        let (app, _) = app_with(store.clone());
        let out = chat_with_files(&app, ZOE, Some("en-US"), Mode::Text, ZOE_LINES, Some(files.clone()));
        // The search looks at real data: Zoe's records hold her words, her letters and QR code are files.
        assert!(out.contains("/start c_"), "a case opened for a customer: {out}");
        let cases = store.cases_of(ZOE).unwrap();
        let text = serde_json::to_string(&cases).unwrap();
        assert!(text.contains("Zanzibar Noodle Palace") && text.contains("quasimodo wallet"), "{text}");
        let written: Vec<_> = std::fs::read_dir(&files).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(written.len() >= 4, "letters and QR codes were written: {written:?}\n{out}");
        assert!(!found_in("the letters", &concat_files(&files), &["Zanzibar Noodle Palace"]).is_empty());
        let mut f = std::fs::File::create(&backup_file).unwrap();
        let n = backup(store.as_ref(), t0(), &mut f).unwrap();
        assert_eq!((n.cases, n.merchants), (3, 1), "Bob's case, Zoe's, and the one she opened");

        let out = chat_with_files(&app, ZOE, Some("en-US"), Mode::Text, &["/forget yes"], Some(files.clone()));
        assert!(out.contains("deleted"), "{out}");
        assert!(store.cases_of(ZOE).unwrap().is_empty() && store.merchant_of(ZOE).unwrap().is_none());
    }
    // Sled's log keeps what it wrote before: more writes by someone else, then a restart, as in the report.
    for _ in 0..3 {
        bob_walks(&data, &files, &["/status", "/help"]);
    }
    let mut found = Vec::new();
    find(&data, ZOES, &mut found);
    found.extend(found_in("the backup taken before /forget", &std::fs::read(&backup_file).unwrap(), ZOES));
    assert!(found.is_empty(), "{found:#?}");

    // The earlier backup restored, with the data directory's keys: Bob is back, Zoe is not.
    let restored = dir.path().join("restored");
    std::fs::create_dir_all(&restored).unwrap();
    for f in [KEYS_FILE, MASTER_FILE] {
        std::fs::copy(data.join(f), restored.join(f)).unwrap();
    }
    {
        let store = SledStore::open(&restored).unwrap();
        let n = restore(&store, &mut std::io::BufReader::new(std::fs::File::open(&backup_file).unwrap())).unwrap();
        assert_eq!((n.cases, n.merchants, n.erased), (1, 0, 3), "Zoe's two cases and her shop are skipped");
        assert_eq!(store.cases_of("tg:5550001").unwrap().len(), 1);
        assert!(store.cases_of(ZOE).unwrap().is_empty());
    }
    find(&restored, ZOES, &mut found);
    assert!(found.is_empty(), "{found:#?}");
    // Bob's case still loads in the original directory too, and goes on.
    let out = bob_walks(&data, &files, &["/status"]);
    assert!(out.contains("SF-"), "{out}");
    let store = SledStore::open(&data).unwrap();
    let bob = store.cases_of("tg:5550001").unwrap();
    assert_eq!(bob.len(), 1);
    assert!(serde_json::to_string(&bob).unwrap().contains("Bob's Bagels"));
}

fn concat_files(dir: &Path) -> Vec<u8> {
    std::fs::read_dir(dir).unwrap().flat_map(|e| std::fs::read(e.unwrap().path()).unwrap()).collect()
}

#[test]
fn retention_erases_closed_cases_after_their_days_and_any_case_after_the_inactive_days() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let (app, clock) = app_with(store.clone());
    let ids = app.interrupt_ids();
    let say = |user: &str, line: &str| {
        app.handle(user, Some("en-US"), swipefix::session::Incoming::parse(line, &ids)).unwrap();
    };
    // Ann's case is closed by a staff member; Bob's is left open at a question; Cy comes later.
    super::common::walk(&app, "cli:ann", Some("en-US"), &["hi", "cn", "cardholder"]);
    let ann = app.current_case("cli:ann").unwrap().unwrap().id;
    app.staff("tg:1", "en-US", &format!("/close {ann} resolved")).unwrap().unwrap();
    say("cli:bob", "hi");
    let policy = Retention { closed_after_days: 30, inactive_after_days: 90 };

    clock.advance(chrono::Duration::days(29));
    say("cli:cy", "hi");
    let run = app.run_retention(&policy).unwrap();
    assert_eq!((run.closed, run.inactive), (0, 0), "nothing is old enough yet");
    clock.advance(chrono::Duration::days(1));
    let run = app.run_retention(&policy).unwrap();
    assert_eq!((run.closed, run.inactive, run.erased.cases.clone()), (1, 0, vec![ann.clone()]));
    assert!(app.case(&ann).unwrap().is_none() && app.current_case("cli:bob").unwrap().is_some());
    // The key went with it, as with /forget.
    assert_eq!(store.keys().destroy(&[format!("case:{ann}")]).unwrap(), 0);

    clock.advance(chrono::Duration::days(60));
    let run = app.run_retention(&policy).unwrap();
    assert_eq!((run.closed, run.inactive), (0, 1), "Bob's open case, untouched for 90 days");
    assert!(app.current_case("cli:bob").unwrap().is_none());
    assert!(app.current_case("cli:cy").unwrap().is_some(), "Cy's case is 61 days old");
    // 0 switches a rule off.
    clock.advance(chrono::Duration::days(3650));
    let off = Retention { closed_after_days: 0, inactive_after_days: 0 };
    assert_eq!(app.run_retention(&off).unwrap(), Default::default());
}

#[test]
fn retention_run_from_cron_prints_counts_and_the_master_key_can_come_from_the_environment() {
    use super::common::{swipefix, text};
    let dir = tempfile::tempdir().unwrap();
    let out = swipefix(&["chat", "--data", "data", "--user", "ann"], dir.path(), "hi\ncn\nPrivate Shop Name\n");
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::write(dir.path().join("keep.toml"), "[retention]\ninactive_after_days = 30\n").unwrap();
    let run = |now: &str| {
        swipefix(&["retention", "run", "--data", "data", "--config", "keep.toml", "--now", now], dir.path(), "")
    };
    let out = run("2026-12-20T10:00:00Z");
    assert_eq!(text(&out.stdout), "erased 0 closed case(s) older than 180 days and 0 case(s) untouched for 30 days\n");
    let out = run("2026-12-26T10:00:00Z");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "erased 0 closed case(s) older than 180 days and 1 case(s) untouched for 30 days\n");
    let list = swipefix(&["cases", "list", "--data", "data"], dir.path(), "");
    assert_eq!(text(&list.stdout).trim(), "no cases");

    // The master key from the environment: no key file is written; a bad one is one line naming the variable.
    let with_key = |key: &str, data: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_swipefix"))
            .args(["chat", "--data", data])
            .current_dir(dir.path())
            .env("SWIPEFIX_FLOWS", super::common::root().join("flows"))
            .env("SWIPEFIX_LOCALES", super::common::root().join("locales"))
            .env("SWIPEFIX_MASTER_KEY", key)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    let out = with_key(&"ab".repeat(32), "env-data");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(dir.path().join("env-data").join(KEYS_FILE).exists());
    assert!(!dir.path().join("env-data").join(MASTER_FILE).exists(), "the key stays in the environment");
    let out = with_key("not a key", "env-data");
    let err = text(&out.stderr);
    assert!(!out.status.success() && err.contains("SWIPEFIX_MASTER_KEY") && err.trim().lines().count() == 1, "{err}");
    let out = with_key(&"cd".repeat(32), "env-data");
    let err = text(&out.stderr);
    assert!(err.contains(KEYS_FILE) && err.contains("does not open with this master key"), "{err}");
}

#[test]
fn a_terminal_session_applies_retention_before_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let (app, clock) = app_with(store);
    app.set_retention(Retention { closed_after_days: 180, inactive_after_days: 100 });
    chat_with_files(&app, "cli:ann", Some("en-US"), Mode::Text, &["hi"], None);
    let old = app.current_case("cli:ann").unwrap().unwrap().id;
    clock.advance(chrono::Duration::days(100));
    let out = chat_with_files(&app, "cli:ann", Some("en-US"), Mode::Text, &[], None);
    assert!(app.case(&old).unwrap().is_none(), "erased at the start of the session: {out}");
}

/// The same on PostgreSQL: nothing of Zoe's is in any file of the database cluster (tables, indexes, WAL) —
/// records reach it sealed, owners as keyed hashes — and after `/forget` her rows and keys are gone, so a
/// backup taken before restores without her into another database.
#[test]
fn after_forget_on_postgres_no_file_of_the_cluster_nor_a_restored_earlier_backup_holds_the_person() {
    let Some(pg) = swipefix_lab::postgres::TempPostgres::for_test("after_forget_on_postgres") else { return };
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    let master = swipefix::store::MasterKey::generate();
    let store: Arc<dyn CaseStore> = Arc::new(swipefix::store::PgStore::open(&pg.url(), &master).unwrap());
    let (app, _) = app_with(store.clone());
    chat_with_files(
        &app,
        "tg:5550001",
        Some("en-US"),
        Mode::Text,
        &["hi", "cn", "cardholder", "no", "double", "¥66", "Bob's Bagels"],
        Some(files.clone()),
    );
    let out = chat_with_files(&app, ZOE, Some("en-US"), Mode::Text, ZOE_LINES, Some(files.clone()));
    assert!(out.contains("/start c_"), "a case opened for a customer: {out}");
    let mut before = Vec::new();
    let n = backup(store.as_ref(), t0(), &mut before).unwrap();
    assert_eq!((n.cases, n.merchants), (3, 1));
    let keys = || pg.sql("postgres", "SELECT count(*) FROM swipefix_keys").unwrap();
    let keys_before: usize = keys().parse().unwrap();

    let out = chat_with_files(&app, ZOE, Some("en-US"), Mode::Text, &["/forget yes"], Some(files.clone()));
    assert!(out.contains("deleted"), "{out}");
    assert!(store.cases_of(ZOE).unwrap().is_empty() && store.merchant_of(ZOE).unwrap().is_none());
    assert_eq!(keys().parse::<usize>().unwrap(), keys_before - 3, "her two cases' keys and her shop's are gone");
    pg.sql("postgres", "CHECKPOINT").unwrap();
    let mut found = Vec::new();
    find(&pg.data_dir(), ZOES, &mut found);
    found.extend(found_in("the backup taken before /forget", &before, ZOES));
    assert!(found.is_empty(), "{found:#?}");

    // The earlier backup into another database with this one's keys: Bob is back, Zoe is not.
    let other = swipefix::store::PgStore::open(&pg.database("restored").unwrap(), &master).unwrap();
    other.keys().adopt(store.keys()).unwrap();
    let n = restore(&other, &mut std::io::BufReader::new(&before[..])).unwrap();
    assert_eq!((n.cases, n.merchants, n.erased), (1, 0, 3), "Zoe's two cases and her shop are skipped");
    assert!(other.cases_of(ZOE).unwrap().is_empty());
    assert_eq!(other.cases_of("tg:5550001").unwrap().len(), 1);
}
