//! A case survives anything short of losing the disk: kills at random moments (the crash test), redelivered
//! updates, backups and restores, old records, and damaged or missing files — each a clear one-line error.

use super::common::{app_with, copy_tree, root, t0, text};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use swipefix::session::{App, Incoming, ManualClock};
use swipefix::store::backup::{BackupError, backup, restore};
use swipefix::store::{CaseStore, MemoryStore, SledStore, StoreError};

fn swipefix(args: &[&str], cwd: &Path) -> Output {
    super::common::swipefix(args, cwd, "")
}

/// A failure is one line on stderr, with a non-zero exit and no panic.
fn one_line_error(out: &Output) -> String {
    let err = text(&out.stderr);
    assert!(!out.status.success(), "should fail: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn the_crash_test_loses_no_acknowledged_step_and_handles_no_update_twice() {
    let plan = swipefix_lab::crash::Plan {
        exe: env!("CARGO_BIN_EXE_swipefix").into(),
        users: 20,
        kills: 50,
        seed: 20261201,
        mean_run: std::time::Duration::from_millis(150),
        flows: super::common::root().join("flows"),
        locales: super::common::root().join("locales"),
        keep: None,
        resent_text: super::common::catalog().i18n.raw("en-US", "ui-resent", &[]),
    };
    let report = tokio::runtime::Runtime::new().unwrap().block_on(swipefix_lab::crash::run(plan)).unwrap();
    let ok = report.ok();
    let report = report.to_string();
    println!("{report}");
    assert!(ok, "{report}");
    for want in ["kills (SIGKILL)          50", "lost acknowledged steps  0", "updates handled twice    0"] {
        assert!(report.contains(want), "{want:?} in\n{report}");
    }
    assert!(!report.contains("FAILED"), "{report}");
}

/// A person's message applied by a process that died before replying, delivered again to the next process:
/// the case does not change, and the person is shown where they are.
#[test]
fn a_redelivered_update_gets_the_question_again_only_from_a_new_process() {
    let store: Arc<dyn CaseStore> = Arc::new(MemoryStore::new());
    let (first, _) = app_with(store.clone());
    let ids = first.interrupt_ids();
    let user = "tg:5";
    for (n, line) in ["hi", "cn", "cardholder"].iter().enumerate() {
        first.handle_update(user, Some("en"), Incoming::parse(line, &ids), Some(n as u64 + 1)).unwrap();
    }
    // Within one process a redelivery is silent.
    let again = first.handle_update(user, Some("en"), Incoming::parse("cardholder", &ids), Some(3)).unwrap();
    assert!(again.duplicate && again.messages.is_empty());
    let before = first.current_case(user).unwrap().unwrap();
    drop(first);

    let second = App::new(super::common::catalog(), store, Arc::new(ManualClock::new(t0())));
    let r = second.handle_update(user, Some("en"), Incoming::parse("cardholder", &ids), Some(3)).unwrap();
    assert!(r.resent && !r.duplicate, "{r:?}");
    assert!(r.messages.last().unwrap().text.contains("safety check"), "{:?}", r.messages);
    assert_eq!(second.current_case(user).unwrap().unwrap(), before, "the case did not change");
    // An older update is never answered again, and the same one only once per process.
    assert!(second.handle_update(user, Some("en"), Incoming::parse("cn", &ids), Some(2)).unwrap().messages.is_empty());
    assert!(
        second.handle_update(user, None, Incoming::parse("cardholder", &ids), Some(3)).unwrap().messages.is_empty()
    );
    // Every transcript line carries its update, once.
    let lines: Vec<Option<u64>> = before.transcript.iter().map(|l| l.update).collect();
    assert_eq!(lines, [Some(1), Some(2), Some(3)]);
}

/// A store with a bit of everything: two cases at different steps, a merchant, a queued follow-up.
fn fill(store: Arc<dyn CaseStore>) -> Vec<swipefix::engine::Case> {
    let (app, _) = app_with(store.clone());
    super::common::walk(&app, "tg:1", Some("en-US"), super::common::TO_REVERSAL_CHECK);
    super::common::walk(&app, "tg:2", Some("zh-CN"), &["你好", "cn", "cardholder", "no", "double", "¥88"]);
    app.handle("tg:3", Some("en"), Incoming::parse("/merchant Corner Shop; 12345678", &[])).unwrap();
    assert_eq!(store.queued().unwrap().len(), 1);
    store.list().unwrap()
}

/// A sled store in `dir`, and a second store (sled in `copy`, or memory) that has its keys, as a restore
/// into a new data directory with `--keys-from` has.
fn store_and_keyed_copy(dir: &Path, copy: Option<&Path>) -> (Arc<dyn CaseStore>, Arc<dyn CaseStore>) {
    let source = SledStore::open(dir).unwrap();
    let target: Arc<dyn CaseStore> = match copy {
        Some(copy) => {
            std::fs::create_dir_all(copy).unwrap();
            for f in [swipefix::store::keys::KEYS_FILE, swipefix::store::keys::MASTER_FILE] {
                std::fs::copy(dir.join(f), copy.join(f)).unwrap();
            }
            Arc::new(SledStore::open(copy).unwrap())
        }
        None => Arc::new(MemoryStore::with_keys(source.keyring())),
    };
    (Arc::new(source), target)
}

#[test]
fn a_backup_restores_every_record_into_either_store() {
    for to_sled in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        // The keys are made as records are saved, so the copy is taken after filling the source.
        let source: Arc<dyn CaseStore> = Arc::new(SledStore::open(&dir.path().join("a")).unwrap());
        let cases = fill(source.clone());
        let mut file = Vec::new();
        let n = backup(source.as_ref(), t0(), &mut file).unwrap();
        assert_eq!((n.cases, n.merchants, n.reminders), (2, 1, 1));
        let text = String::from_utf8(file.clone()).unwrap();
        assert!(text.starts_with("{\"kind\":\"header\",\"format\":\"swipefix-backup\""), "{text}");
        assert!(!text.contains("4111"), "only what the cases hold: no card numbers");
        assert!(!text.contains("Corner Shop") && !text.contains("tg:1"), "records are sealed: {text}");
        drop(source);
        let (source, target) =
            store_and_keyed_copy(&dir.path().join("a"), to_sled.then(|| dir.path().join("b")).as_deref());
        assert_eq!(restore(target.as_ref(), &mut file.as_slice()).unwrap(), n);
        assert_eq!(target.list().unwrap(), cases, "cases come back as they were, versions included");
        assert_eq!(target.merchants().unwrap(), source.merchants().unwrap());
        assert_eq!(target.queued().unwrap(), source.queued().unwrap());
        // New cases after a restore never reuse an id.
        assert!(target.next_id().unwrap() > source.last_id().unwrap());
        // A second restore into the same store is refused: it is not empty.
        assert!(matches!(restore(target.as_ref(), &mut file.as_slice()), Err(BackupError::NotEmpty(3))));
        // A store with other keys refuses the backup and says why.
        let err = restore(&MemoryStore::new(), &mut file.as_slice()).unwrap_err().to_string();
        assert!(err.contains("sealed under master key") && err.contains("--keys-from"), "{err}");
    }
}

#[test]
fn a_cut_off_or_foreign_backup_restores_nothing() {
    let keys = Arc::new(swipefix::store::Keyring::in_memory());
    let source: Arc<dyn CaseStore> = Arc::new(MemoryStore::with_keys(keys.clone()));
    fill(source.clone());
    let mut file = Vec::new();
    backup(source.as_ref(), t0(), &mut file).unwrap();
    let text = String::from_utf8(file).unwrap();
    let cut: String = text.lines().take(3).map(|l| format!("{l}\n")).collect();
    let target = MemoryStore::with_keys(keys);
    assert!(matches!(restore(&target, &mut cut.as_bytes()), Err(BackupError::Truncated(3))));
    assert!(target.list().unwrap().is_empty(), "nothing restored from a cut-off file");
    let err = restore(&target, &mut "{\"hello\":1}\n".as_bytes()).unwrap_err().to_string();
    assert!(err.starts_with("line 1:"), "{err}");
    let dropped: String = text.lines().enumerate().filter(|(i, _)| *i != 2).map(|(_, l)| format!("{l}\n")).collect();
    let err = restore(&target, &mut dropped.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("the end line counts"), "{err}");
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    fill(Arc::new(SledStore::open(&dir.path().join("data")).unwrap()));
    let out = swipefix(&["backup", "cases.jsonl", "--data", "data"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("backed up 2 cases, 1 merchants, 1 follow-ups"), "{}", text(&out.stderr));
    // Without the keys of the data directory it came from, nothing is restored, and the error says so.
    let err = one_line_error(&swipefix(&["restore", "cases.jsonl", "--data", "copy"], dir.path()));
    assert!(err.contains("--keys-from"), "{err}");
    let out = swipefix(&["restore", "cases.jsonl", "--data", "copy", "--keys-from", "data"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = swipefix(&["cases", "list", "--data", "copy"], dir.path());
    assert_eq!(text(&list.stdout).lines().count(), 3, "a header and 2 cases: {}", text(&list.stdout));
    // Restoring over live data is refused, and says what to do.
    let err = one_line_error(&swipefix(&["restore", "cases.jsonl", "--data", "data"], dir.path()));
    assert!(err.contains("restore needs an empty store") && err.contains("cases.jsonl"), "{err}");
    let err = one_line_error(&swipefix(&["backup", "x.jsonl", "--data", "nothing-here"], dir.path()));
    assert!(err.contains("there is no database in nothing-here"), "{err}");
}

#[test]
fn old_case_records_load_and_newer_ones_are_refused() {
    let v1 = std::fs::read(root().join("tests/fixtures/case-schema1.json")).unwrap();
    let c = swipefix::store::case_codec::decode(&v1).expect("a schema 1 case loads");
    assert_eq!(c.schema, swipefix::engine::case::CASE_SCHEMA);
    assert_eq!(c.id, "SF-261125-0001");
    assert_eq!(c.node, "timing_route", "the question it waited at is now answered by the date");
    assert!(c.editing.is_none() && c.transcript.iter().all(|l| l.update.is_none()));
    // It goes on where it was.
    let (app, store) = super::common::memory_app_and_store();
    store.restore_case(&c).unwrap();
    let r = app.handle("cli:ann", Some("en-US"), Incoming::parse("both_ok", &app.interrupt_ids())).unwrap();
    assert_eq!(app.current_case("cli:ann").unwrap().unwrap().node, "evidence", "{:?}", r.messages);

    let mut future: serde_json::Value = serde_json::from_slice(&v1).unwrap();
    future["schema"] = 99.into();
    let err = swipefix::store::case_codec::decode(&serde_json::to_vec(&future).unwrap()).unwrap_err();
    assert!(err.contains("newer swipefix (case schema 99"), "{err}");
}

#[test]
fn a_damaged_database_is_refused_with_one_line_not_read_as_older() {
    let dir = tempfile::tempdir().unwrap();
    fill(Arc::new(SledStore::open(&dir.path().join("data")).unwrap()));
    let db = dir.path().join("data/db");
    let len = std::fs::metadata(&db).unwrap().len();
    for (name, damage) in [
        (
            "flipped",
            Box::new(|b: &mut Vec<u8>| {
                let half = b.len() / 2;
                b[half..].iter_mut().for_each(|x| *x ^= 0x5a)
            }) as Box<dyn Fn(&mut Vec<u8>)>,
        ),
        ("cut", Box::new(move |b: &mut Vec<u8>| b.truncate(len as usize / 3))),
        ("emptied", Box::new(|b: &mut Vec<u8>| b.clear())),
    ] {
        let copy = dir.path().join(name);
        copy_dir(&dir.path().join("data"), &copy);
        let mut bytes = std::fs::read(copy.join("db")).unwrap();
        damage(&mut bytes);
        std::fs::write(copy.join("db"), bytes).unwrap();
        match SledStore::open(&copy) {
            Err(e @ StoreError::Corrupt { .. }) => assert!(e.to_string().contains("damaged"), "{e}"),
            Err(other) => panic!("{name}: {other}"),
            Ok(_) => panic!("{name}: a damaged database opened"),
        }
        let err = one_line_error(&swipefix(&["cases", "list", "--data", name], dir.path()));
        assert!(err.contains("is damaged") && err.contains("restore a backup"), "{name}: {err}");
    }
    // The intact one still opens.
    assert_eq!(SledStore::open(&dir.path().join("data")).unwrap().list().unwrap().len(), 2);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn missing_or_unreadable_things_are_each_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // The data directory is a file.
    std::fs::write(dir.path().join("afile"), "x").unwrap();
    let err = one_line_error(&swipefix(&["chat", "--data", "afile"], dir.path()));
    assert!(err.contains("afile") && err.contains("not a directory"), "{err}");
    // The flow directory does not exist, or is a file.
    for flows in ["no-such-dir", "afile"] {
        let out = Command::new(env!("CARGO_BIN_EXE_swipefix"))
            .args(["chat", "--data", "data", "--flows", flows])
            .current_dir(dir.path())
            .env("SWIPEFIX_LOCALES", root().join("locales"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let err = one_line_error(&out);
        assert!(err.contains(flows), "{err}");
    }
    // A flow file that is not UTF-8.
    let tree = dir.path().join("tree");
    copy_tree(&tree);
    std::fs::write(tree.join("flows/main.toml"), b"\xff\xfe[flow]").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_swipefix"))
        .args(["chat", "--data", "data"])
        .current_dir(&tree)
        .env_remove("SWIPEFIX_FLOWS")
        .env_remove("SWIPEFIX_LOCALES")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(!out.status.success() && err.contains("flows/main.toml") && !err.contains("panicked"), "{err}");
}

/// What must never be kept or logged: full card numbers (whole, in parts, in other digits), a CVV, a PIN,
/// an SMS code. (A bare 4-digit PIN is searched for in what the cases say, not in raw bytes, where it
/// turns up inside timestamps by chance.)
const SECRETS: &[&str] = &[
    "4111111111111111",
    "4111 1111 1111 1111",
    "5500000000000004",
    "5500-0000-0000-0004",
    "cvv is 737",
    "pin 9931",
    "482913",
    "4111 1111",
    "٤١١١",
];

const SECRET_LINES: &[&str] = &[
    "cn",
    "cardholder",
    "no",
    "double",
    "88",
    "yesterday 18:05",
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "my cvv is 737",
    "continue",
    "pin 9931",
    "验证码 482913",
    "4111 1111",
    "1111 1111",
    "٤١١١ ١١١١ ١١١١ ١١١١",
    "Corner Shop",
    "/status",
];

/// Every file under `dir`, searched as bytes for every secret.
fn find_secrets(dir: &Path, found: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            find_secrets(&p, found);
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        for s in SECRETS {
            if bytes.windows(s.len()).any(|w| w == s.as_bytes()) {
                found.push(format!("{s:?} in {}", p.display()));
            }
        }
    }
}

fn secrets_in(label: &str, text: &str) -> Vec<String> {
    SECRETS.iter().filter(|s| text.contains(**s)).map(|s| format!("{s:?} in {label}")).collect()
}

#[test]
fn no_card_number_cvv_pin_or_code_reaches_the_database_files_or_the_logs_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let input = SECRET_LINES.join("\n") + "\n";
    let log = [("SWIPEFIX_LOG", "trace")];
    let out = super::common::swipefix_with(&["chat", "--data", "data", "--echo"], dir.path(), &input, &log);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut found = Vec::new();
    find_secrets(&dir.path().join("data"), &mut found);
    found.extend(secrets_in("the terminal's output (echo included)", &text(&out.stdout)));
    found.extend(secrets_in("the log", &text(&out.stderr)));
    assert!(found.is_empty(), "{found:#?}");
    // The journey really was stored (the search looked at real data).
    let store = SledStore::open(&dir.path().join("data")).unwrap();
    let c = store.cases_of("cli:local").unwrap().pop().unwrap();
    assert!(c.transcript.len() >= SECRET_LINES.len() - 1, "{:?}", c.transcript);
    assert_eq!(c.answers["card_last4"], swipefix::engine::Answer::Last4("1111".into()));
    assert_no_short_secrets(&c);
}

/// The PIN and the CVV digits are in no text the case keeps.
fn assert_no_short_secrets(c: &swipefix::engine::Case) {
    let texts: Vec<String> = c
        .transcript
        .iter()
        .map(|l| l.text.to_string())
        .chain(c.answers.values().map(|a| a.plain()))
        .chain(c.evidence.iter().filter_map(|e| e.caption.as_ref().map(ToString::to_string)))
        .collect();
    for t in &texts {
        assert!(!t.contains("9931") && !t.contains("737"), "{t:?} in {texts:#?}");
    }
}

#[test]
fn no_card_number_cvv_pin_or_code_reaches_the_database_files_or_the_logs_from_telegram() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let fake = swipefix_lab::fake_telegram::FakeTelegram::start().await.unwrap();
        let dir = tempfile::tempdir().unwrap();
        // The log goes to a file: a pipe nobody reads during the run would fill up and stall the bot.
        let log = dir.path().join("bot.log");
        let mut child = super::common::spawn_telegram(
            &fake.api_url(),
            dir.path(),
            "trace",
            Stdio::from(std::fs::File::create(&log).unwrap()),
        );
        let wait = std::time::Duration::from_secs(30);
        assert!(fake.wait_for_poll(wait).await, "the bot came up");
        let user = 4242;
        for line in SECRET_LINES {
            let before = fake.sent_count(user);
            fake.push_text(user, Some("en"), line);
            assert!(fake.message_to(user, before, wait).await.is_some(), "a reply to {line:?}");
        }
        // A photo whose caption holds a card number and a code.
        let before = fake.sent_count(user);
        fake.push(fake.message(
            user,
            None,
            serde_json::json!({ "photo": [{ "file_id": "f", "file_unique_id": "u", "width": 1, "height": 1 }],
                "caption": "slip 4111 1111 1111 1111 pin 9931" }),
        ));
        assert!(fake.message_to(user, before, wait).await.is_some());
        super::common::sigterm(&child);
        let status = tokio::time::timeout(wait, child.wait()).await.expect("it stops").unwrap();
        let logged = std::fs::read_to_string(&log).unwrap();
        assert!(status.success(), "{logged}");
        assert!(logged.len() > 1000, "the trace log was written: {logged}");
        let mut found = Vec::new();
        find_secrets(&dir.path().join("data"), &mut found);
        found.extend(secrets_in("the log", &logged));
        for call in fake.calls() {
            if call.method.eq_ignore_ascii_case("sendMessage") {
                found.extend(secrets_in("a message the bot sent", call.text()));
            }
        }
        assert!(found.is_empty(), "{found:#?}");
        let deleted = fake.calls().iter().filter(|c| c.method.eq_ignore_ascii_case("deleteMessage")).count();
        assert!(deleted >= 6, "the messages holding card data or codes were deleted: {deleted}");
        let store = SledStore::open(&dir.path().join("data")).unwrap();
        let c = store.cases_of(&format!("tg:{user}")).unwrap().pop().unwrap();
        assert!(c.transcript.len() >= SECRET_LINES.len(), "the journey was stored: {:?}", c.transcript);
        assert_no_short_secrets(&c);
    });
}

/// Three bot processes on one PostgreSQL behind a round-robin webhook, killed one at a time at random and
/// restarted: no answered step lost, no update handled twice, and every due follow-up fired once when all
/// three start together.
#[test]
fn the_crash_test_with_three_replicas_on_postgres_loses_nothing_and_fires_each_follow_up_once() {
    let Some(pg) = swipefix_lab::postgres::TempPostgres::for_test("the_crash_test_with_three_replicas") else { return };
    let catalog = super::common::catalog();
    let plan = swipefix_lab::crash::Plan {
        exe: env!("CARGO_BIN_EXE_swipefix").into(),
        users: 12,
        kills: 20,
        seed: 20261203,
        mean_run: std::time::Duration::from_millis(300),
        flows: super::common::root().join("flows"),
        locales: super::common::root().join("locales"),
        keep: None,
        resent_text: catalog.i18n.raw("en-US", "ui-resent", &[]),
    };
    let replicas = swipefix_lab::crash::Replicas {
        plan,
        replicas: 3,
        database: Some(pg.url()),
        reminder_text: catalog.i18n.raw("en-US", "ui-reminder", &[]),
    };
    let report = tokio::runtime::Runtime::new().unwrap().block_on(swipefix_lab::crash::run_replicas(replicas)).unwrap();
    let ok = report.ok();
    let due = report.followups.as_ref().map_or(0, |f| f.due);
    let report = report.to_string();
    println!("{report}");
    assert!(ok, "{report}");
    for want in ["kills (SIGKILL)          20", "lost acknowledged steps  0", "updates handled twice    0"] {
        assert!(report.contains(want), "{want:?} in\n{report}");
    }
    assert!(due > 0, "the journeys left follow-ups to fire:\n{report}");
}
