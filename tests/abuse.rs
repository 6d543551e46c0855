//! One person cannot slow anyone else or bury the staff chat, and logs never carry a payload: the abuse
//! limits end to end over the fake Bot API (with Telegram's sending limits where it matters) and in the
//! session. Waits are for conditions (a call arriving), bounded, never fixed sleeps; latency is measured
//! with the fake's own timestamps.

use super::common::{catalog, t0};
use serde_json::json;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use swipefix::channel::telegram::{self, Listen, Settings};
use swipefix::engine::{Case, FileInput};
use swipefix::session::{App, Incoming, ManualClock, Reply};
use swipefix::store::MemoryStore;
use swipefix_lab::fake_telegram::{Call, FakeTelegram, SendLimits};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const WAIT: Duration = Duration::from_secs(20);
/// A supergroup's id, as Telegram gives them (-100…): the staff chat.
const STAFF_CHAT: i64 = -1_001_234_567_890;
const STAFF: u64 = 9001;

struct Bot {
    app: Arc<App>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<Result<(), telegram::TelegramError>>,
}

impl Bot {
    async fn stop(self) {
        let _ = self.stop.send(());
        self.task.await.expect("the bot task ends").expect("the bot stops cleanly");
    }
}

/// Starts the bot on `fake` with `throttle` (Telegram's pacing, as in production) and a staff chat.
async fn start(fake: &FakeTelegram, throttle: bool, listen: Listen) -> Bot {
    start_with(fake, Settings { throttle, ..Settings::default() }, listen).await
}

/// Starts the bot on `fake` with `settings` and the staff chat.
async fn start_with(fake: &FakeTelegram, settings: Settings, listen: Listen) -> Bot {
    let clock = Arc::new(ManualClock::new(t0()));
    let app = Arc::new(App::new(catalog(), Arc::new(MemoryStore::new()), clock));
    let bot = telegram::bot("123456:TEST", Some(&fake.api_url())).unwrap();
    let staff = swipefix::settings::Staff { chat_id: Some(STAFF_CHAT), users: vec![STAFF], language: "en-US".into() };
    let settings = Settings { staff, ..settings };
    let (stop, rx) = oneshot::channel();
    let task = tokio::spawn(telegram::run(app.clone(), bot, listen, settings, None, async move {
        let _ = rx.await;
    }));
    let up = fake
        .wait_until(WAIT, |calls| calls.iter().filter(|c| c.method.eq_ignore_ascii_case("setMyCommands")).count() >= 2)
        .await;
    assert!(up, "the bot registered its commands");
    Bot { app, stop, task }
}

fn walk(app: &App, user: &str, lines: &[&str]) -> Reply {
    let ids = app.interrupt_ids();
    let mut last = Reply::default();
    for l in lines {
        last = app.handle(user, Some("en"), Incoming::parse(l, &ids)).unwrap();
    }
    last
}

/// Walks `user` to the evidence question, through the app itself.
fn to_evidence(app: &App, user: &str) {
    walk(app, user, &["hi", "cn", "cardholder", "no", "double", "1280", "yesterday 18:05", "1234", "Shop", "both_ok"]);
    assert_eq!(app.current_case(user).unwrap().unwrap().node, "evidence");
}

fn photo(n: usize) -> Incoming {
    Incoming::File(FileInput {
        kind: "photo".into(),
        reference: format!("file-{n}"),
        fingerprint: format!("unique-{n}"),
        caption: None,
        file_name: None,
    })
}

fn current(app: &App, user: &str) -> Case {
    app.current_case(user).unwrap().expect("a case")
}

fn texts(r: &Reply) -> String {
    r.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// The 99th percentile of `samples` (nearest rank).
fn p99(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    let rank = (samples.len() * 99).div_ceil(100).max(1);
    samples[rank - 1]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_hand_offs_at_once_do_not_slow_anyone_else() {
    let fake = FakeTelegram::start().await.unwrap();
    fake.limit_sending(Some(SendLimits::telegram()));
    let bot = start(&fake, true, Listen::Polling).await;
    // 40 people with a case each ask for a person at once: 40 summaries are minutes of the staff group's
    // quota (20 a minute).
    let people: Vec<i64> = (0..40).map(|i| 50_000 + i).collect();
    for p in &people {
        walk(&bot.app, &format!("tg:{p}"), &["hi"]);
    }
    for p in &people {
        fake.push_text(*p, Some("en"), "/human");
    }
    for p in &people {
        let r = fake.message_to(*p, 0, WAIT).await.unwrap_or_else(|| panic!("{p} got no answer to /human"));
        assert!(r.text().contains("support team"), "{}", r.text());
    }
    // Meanwhile the staff backlog drains; other people's replies must not wait for it. One turn each, one
    // after the other (several turns of one chat would measure Telegram's own 1-a-second pacing instead).
    let mut latencies = Vec::new();
    for b in 0..25 {
        let someone = 60_000 + b;
        let asked = Instant::now();
        fake.push_text(someone, Some("en"), "/start");
        let r = fake.message_to(someone, 0, WAIT).await.unwrap_or_else(|| panic!("{someone} got no reply"));
        latencies.push(r.at.duration_since(asked));
    }
    let worst = p99(latencies.clone());
    eprintln!("unrelated people's replies during 40 hand-offs: p99 {worst:?} of {latencies:?}");
    assert!(worst < Duration::from_secs(1), "p99 {worst:?}: {latencies:?}");
    // The staff chat gets its summaries at its own pace, without being refused.
    assert!(fake.message_to(STAFF_CHAT, 0, WAIT).await.is_some(), "summaries reach the staff chat");
    assert_eq!(fake.refused(STAFF_CHAT), 0, "the staff chat is kept under its limit");
    assert!(fake.sent_count(STAFF_CHAT) <= 20, "at most a minute's quota so far");
    bot.stop().await;
}

#[test]
fn evidence_is_capped_per_case_with_a_polite_answer() {
    let (app, _) = super::common::memory_app();
    let u = "tg:801";
    to_evidence(&app, u);
    for n in 0..20 {
        app.handle(u, None, photo(n)).unwrap();
    }
    let over = app.handle(u, None, photo(20)).unwrap();
    assert!(texts(&over).contains("already holds 20 files"), "{}", texts(&over));
    let again = app.handle(u, None, photo(3)).unwrap();
    assert!(texts(&again).contains("20 files are now kept"), "a file kept already is no news: {}", texts(&again));
    assert_eq!(current(&app, u).evidence.len(), 20);
}

#[test]
fn each_file_goes_to_staff_once_and_a_closed_case_hands_off_again_once_per_window() {
    let (app, clock) = super::common::memory_app();
    let u = "tg:802";
    to_evidence(&app, u);
    for n in 0..17 {
        app.handle(u, None, photo(n)).unwrap();
    }
    let first = walk(&app, u, &["/human"]);
    assert_eq!(first.handoffs.len(), 1);
    assert_eq!(first.staff_files.len(), 17, "the files go with the first hand-off");
    assert_eq!((first.staff_files[16].number, first.staff_files[16].of), (17, 17));
    let id = current(&app, u).id;
    let staff = app.staff(&format!("tg:{STAFF}"), "en-US", &format!("/close {id} refunded paid back")).unwrap();
    staff.unwrap();
    assert!(current(&app, u).is_closed());
    // Ten requests after the close: one hand-off, with no file again; then polite answers.
    let replies: Vec<Reply> = (0..10).map(|_| walk(&app, u, &["/human"])).collect();
    assert_eq!(replies.iter().map(|r| r.handoffs.len()).sum::<usize>(), 1, "one summary, not ten");
    assert_eq!(replies.iter().map(|r| r.staff_files.len()).sum::<usize>(), 0, "no file posted twice");
    assert!(texts(&replies[1]).contains("told about it recently"), "{}", texts(&replies[1]));
    assert!(!texts(&replies[1]).contains("support team"), "no promise of a person: {}", texts(&replies[1]));
    clock.advance(chrono::Duration::hours(24));
    assert_eq!(walk(&app, u, &["/human"]).handoffs.len(), 1, "a day later it may go to staff again");
    let c = current(&app, u);
    assert!(c.evidence.iter().all(|e| e.forwarded));
    assert_eq!(c.handoffs.iter().filter(|h| h.closed).count(), 2);
}

#[test]
fn a_schema_3_case_knows_which_files_staff_had() {
    let v = json!({
        "schema": 3, "id": "SF-1", "owner": "tg:1", "role": null, "locale": "en-US", "jurisdiction": "cn",
        "node": "evidence", "created": "2026-11-25T10:00:00Z", "updated": "2026-11-25T10:00:00Z",
        "evidence": [
            { "kind": "photo", "reference": "a", "fingerprint": "a", "at": "2026-11-25T10:01:00Z" },
            { "kind": "photo", "reference": "b", "fingerprint": "b", "at": "2026-11-25T10:03:00Z" }
        ],
        "handoffs": [{ "reason": "asked_for_human", "node": "talk_to_human", "at": "2026-11-25T10:02:00Z" }]
    });
    let c = swipefix::store::case_codec::decode(&serde_json::to_vec(&v).unwrap()).expect("a schema 3 case loads");
    assert_eq!(c.schema, swipefix::engine::case::CASE_SCHEMA);
    assert_eq!(c.evidence.iter().map(|e| e.forwarded).collect::<Vec<_>>(), [true, false], "posted before: a only");
    assert!(!c.handoffs[0].closed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn button_presses_count_toward_the_flood_limit_and_group_presses_are_ignored() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake, false, Listen::Polling).await;
    let u = 803;
    fake.push_text(u, Some("en"), "/start");
    let welcome = fake.message_to(u, 0, WAIT).await.expect("a welcome");
    for _ in 0..200 {
        fake.push_press(u, &welcome, "lang:zh-CN");
    }
    let answered = fake.wait_for_count("answerCallbackQuery", 199, WAIT).await;
    assert!(answered, "every press is answered (the button stops spinning)");
    // The window holds 20: /start and 19 presses were turns; the 21st got the notice on the button.
    assert_eq!(fake.sent_to(u).len(), 20, "{:#?}", fake.sent_to(u).iter().map(|c| c.text()).collect::<Vec<_>>());
    // (In Chinese by now: the presses switched the language.)
    let flood = catalog().i18n.raw("zh-CN", "ui-flood", &[]);
    let notices = fake
        .calls()
        .iter()
        .filter(|c| c.method.eq_ignore_ascii_case("answerCallbackQuery") && c.body["text"].as_str().is_some())
        .map(|c| c.body["text"].as_str().unwrap_or_default().to_string())
        .collect::<Vec<_>>();
    assert_eq!(notices, [flood], "one notice, on the button");

    // A press on a message in a group: answered, and nothing is said there or anywhere.
    let group = -1_009_999;
    let v = 804;
    let before = fake.count("answerCallbackQuery");
    fake.push_group_press(group, v, "/cases");
    assert!(fake.wait_for_count("answerCallbackQuery", before, WAIT).await);
    assert_eq!(fake.sent_count(group), 0);
    assert_eq!(fake.sent_count(v), 0);
    assert!(bot.app.current_case(&format!("tg:{v}")).unwrap().is_none(), "no case was opened");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_in_the_staff_chat_are_rate_limited() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake, false, Listen::Polling).await;
    for _ in 0..5 {
        fake.push_group_text(STAFF_CHAT, 4242, "/queue");
    }
    // The staff chat's updates are handled in order: the staff member's /queue comes after all five.
    fake.push_group_text(STAFF_CHAT, STAFF as i64, "/queue");
    let answered = fake
        .wait_until(WAIT, |calls| {
            calls.iter().any(|c| c.chat_id() == Some(STAFF_CHAT) && c.text().contains("No open hand-offs"))
        })
        .await;
    assert!(answered, "the staff member is answered");
    // A hand-off's summary is queued after every refusal: once it is posted, all refusals are.
    walk(&bot.app, "tg:805", &["hi"]);
    fake.push_text(805, Some("en"), "/human");
    let posted = fake
        .wait_until(WAIT, |calls| {
            calls.iter().any(|c| c.chat_id() == Some(STAFF_CHAT) && c.text().contains("Hand-off — case"))
        })
        .await;
    assert!(posted, "the summary is posted");
    let refusals = fake.sent_to(STAFF_CHAT).iter().filter(|c| c.text().contains("Only support staff")).count();
    assert_eq!(refusals, 1, "one refusal for five attempts");
    bot.stop().await;
}

/// Log lines written while a test runs, for searching.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// An update Telegram sends that teloxide cannot read (a message without its chat), holding a card number
/// and an SMS code.
fn malformed(id: u64) -> serde_json::Value {
    json!({ "update_id": id, "message": { "message_id": 1, "date": 1_780_000_000,
        "from": { "id": 806, "is_bot": false, "first_name": "T" },
        "text": "card 4111111111111111 sms code 739154" } })
}

/// The bot runs on this test's thread (a current-thread runtime), so a subscriber set for the thread sees
/// every log line of the listener and the dispatcher; teloxide logs through `log`, brought in with
/// `LogTracer`.
#[test]
fn an_unreadable_update_is_logged_by_id_and_kind_never_its_content() {
    let _ = tracing_log::LogTracer::init();
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let fake = FakeTelegram::start().await.unwrap();
        // By polling: the update is skipped, and the next one is handled.
        let bot = start(&fake, false, Listen::Polling).await;
        let bad = fake.push(malformed(0));
        let id = bad["update_id"].as_u64().unwrap();
        fake.push_text(807, Some("en"), "/start");
        assert!(fake.message_to(807, 0, WAIT).await.is_some(), "the next update is handled");
        bot.stop().await;
        assert!(logs.text().contains(&format!("update={id}")), "the id is logged:\n{}", logs.text());

        // By webhook: the call is answered 200 (Telegram would only send it again) and logged the same way.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let url: url::Url = format!("http://127.0.0.1:{port}/hook").parse().unwrap();
        let address = format!("127.0.0.1:{port}").parse().unwrap();
        let listen = Listen::Webhook { url: url.clone(), address, secret: Some("s3cret".into()) };
        let bot = start(&fake, false, listen).await;
        let client = reqwest::Client::new();
        let post = |body: String| {
            client.post(url.clone()).header("X-Telegram-Bot-Api-Secret-Token", "s3cret").body(body).send()
        };
        let deadline = Instant::now() + WAIT;
        let answer = loop {
            match post(malformed(424_242).to_string()).await {
                Ok(r) => break r,
                Err(_) if Instant::now() < deadline => tokio::task::yield_now().await,
                Err(e) => panic!("the webhook never came up: {e}"),
            }
        };
        assert!(answer.status().is_success(), "{}", answer.status());
        let broken = post(r#"{"update_id": 515151, "message": {"text": "4111111111111111 code 739154""#.into());
        assert!(broken.await.unwrap().status().is_success());
        bot.stop().await;
    });
    let text = logs.text();
    assert!(text.contains("update=424242"), "the webhook update's id is logged:\n{text}");
    assert!(text.contains("unreadable message"), "and the kind of problem:\n{text}");
    assert!(text.contains("not JSON"), "a body that is not JSON is named so:\n{text}");
    // Each line's timestamp is left out of the search: its fraction of a second can hold any digits
    // ("07.411157" holds 4111) without anything of the message being logged.
    let logged: String =
        text.lines().map(|l| l.split_once(' ').map_or(l, |(_, rest)| rest)).collect::<Vec<_>>().join("\n");
    for secret in ["4111111111111111", "739154", "4111"] {
        assert!(!logged.contains(secret), "{secret} reached the log:\n{text}");
    }
}

/// More people write at once than the sending budget serves (here 5 calls a second, and a Bot API that
/// answers 429 above 4): every person gets their reply, once, in order; 429s are waited out, not dropped;
/// whoever waits longer than `busy_after` is told once, before the reply.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_the_budget_every_reply_arrives_once_in_order_and_late_ones_are_announced() {
    let fake = FakeTelegram::start().await.unwrap();
    fake.limit_sending(Some(SendLimits { per_second: 4, ..SendLimits::telegram() }));
    let settings =
        Settings { throttle: true, send_per_second: 5, busy_after: Duration::from_secs(2), ..Settings::default() };
    let bot = start_with(&fake, settings, Listen::Polling).await;
    let people: Vec<i64> = (0..24).map(|i| 70_000 + i).collect();
    for p in &people {
        fake.push_text(*p, Some("en"), "hi");
        fake.push_text(*p, Some("en"), "/status");
    }
    let all_answered = |calls: &[Call]| {
        people.iter().all(|p| calls.iter().any(|c| c.chat_id() == Some(*p) && c.text().contains("status:")))
    };
    assert!(fake.wait_until(Duration::from_secs(120), all_answered).await, "every person answered");
    let welcome = catalog().i18n.raw("en-US", "welcome", &[]);
    let busy = catalog().i18n.raw("en-US", "ui-busy", &[("seconds", "")]);
    let busy_start = busy.split("  ").next().unwrap_or(&busy).chars().take(20).collect::<String>();
    let mut told = 0;
    for p in &people {
        let texts: Vec<String> = fake.sent_to(*p).iter().map(|c| c.text().to_string()).collect();
        let welcomes = texts.iter().filter(|t| t.contains(welcome.lines().next().unwrap())).count();
        assert_eq!(welcomes, 1, "{p}: the welcome once: {texts:#?}");
        let status = texts.iter().position(|t| t.contains("status:")).expect("status");
        let first = texts.iter().position(|t| t.contains(welcome.lines().next().unwrap())).unwrap();
        assert!(first < status, "{p}: replies in the order written");
        let notices = texts.iter().filter(|t| t.starts_with(&busy_start)).count();
        assert!(notices <= 1, "{p}: told at most once");
        told += notices;
    }
    // 48 replies at 5 a second take about ten seconds: the later half waited longer than two.
    assert!(told >= 5, "people whose reply was late were told ({told})");
    assert!(people.iter().map(|p| fake.refused(*p)).sum::<u64>() > 0, "429s happened, and were waited out");
    bot.stop().await;
}
