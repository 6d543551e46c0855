//! The Telegram channel end to end: the real dispatcher and client against the project's fake Bot API on
//! 127.0.0.1. Waits are for conditions (a call arriving), bounded, never fixed sleeps.

use super::common::{catalog, t0};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use swipefix::channel::telegram::{self, Listen, Settings};
use swipefix::engine::{Answer, Case};
use swipefix::session::{App, Incoming, ManualClock};
use swipefix::store::{CaseStore, MemoryStore, SledStore};
use swipefix_lab::fake_telegram::{Call, FakeTelegram};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const WAIT: Duration = Duration::from_secs(20);

struct Bot {
    app: Arc<App>,
    clock: Arc<ManualClock>,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<Result<(), telegram::TelegramError>>,
}

impl Bot {
    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        self.task.await.expect("the bot task ends").expect("the bot stops cleanly");
    }
}

/// The staff group the tests configure.
const STAFF_CHAT: i64 = -100_500;

async fn start_with(fake: &FakeTelegram, store: Arc<dyn CaseStore>, listen: Listen) -> Bot {
    start_at(fake, store, listen, t0()).await
}

/// Starts the bot with its clock at `at` (follow-ups due then are sent at start).
async fn start_at(
    fake: &FakeTelegram,
    store: Arc<dyn CaseStore>,
    listen: Listen,
    at: chrono::DateTime<chrono::Utc>,
) -> Bot {
    start_full(fake, store, listen, at, None).await
}

/// `start_at` with a staff list read again at each staff command.
async fn start_full(
    fake: &FakeTelegram,
    store: Arc<dyn CaseStore>,
    listen: Listen,
    at: chrono::DateTime<chrono::Utc>,
    roster: Option<Arc<swipefix::channel::console::Roster>>,
) -> Bot {
    let clock = Arc::new(ManualClock::new(at));
    let app = Arc::new(App::new(catalog(), store, clock.clone()));
    let before = fake.calls().iter().filter(|c| c.method == "SetMyCommands" || c.method == "setMyCommands").count();
    let bot = telegram::bot("123456:TEST", Some(&fake.api_url())).unwrap();
    let (tx, rx) = oneshot::channel();
    let staff = swipefix::settings::Staff { chat_id: Some(STAFF_CHAT), users: vec![9001], language: "en-US".into() };
    let settings = Settings { throttle: false, staff, roster, ..Settings::default() };
    let task = tokio::spawn(telegram::run(app.clone(), bot, listen, settings, None, async move {
        let _ = rx.await;
    }));
    let up = fake
        .wait_until(WAIT, |calls| {
            calls.iter().filter(|c| c.method.eq_ignore_ascii_case("setMyCommands")).count() >= before + 2
        })
        .await;
    assert!(up, "the bot registered its commands");
    Bot { app, clock, stop: Some(tx), task }
}

async fn start(fake: &FakeTelegram) -> Bot {
    start_with(fake, Arc::new(MemoryStore::new()), Listen::Polling).await
}

/// Sends a text and returns the first message the bot sends back.
async fn say(fake: &FakeTelegram, user: i64, lang: Option<&str>, text: &str) -> Call {
    let before = fake.sent_to(user).len();
    fake.push_text(user, lang, text);
    fake.message_to(user, before, WAIT).await.unwrap_or_else(|| panic!("no reply to {text:?}"))
}

/// Sends a text and waits for a reply that answers it (a message sent after all earlier ones): the text of
/// the newest message once one mentions the case status.
async fn say_after_all(fake: &FakeTelegram, user: i64, text: &str) -> String {
    fake.push_text(user, None, text);
    // (The predicate gets the calls under the fake's lock: it must not call back into the fake.)
    let ok = fake
        .wait_until(WAIT, |calls| {
            calls
                .iter()
                .rev()
                .find(|c| c.chat_id() == Some(user) && c.message_id.is_some())
                .is_some_and(|c| c.text().contains("status:"))
        })
        .await;
    assert!(ok, "no answer to {text}");
    fake.sent_to(user).last().unwrap().text().to_string()
}

/// Presses the button whose callback data ends with `|option` on `message`, returns the next message.
async fn press(fake: &FakeTelegram, user: i64, message: &Call, option: &str) -> Call {
    let (_, data) = message
        .buttons()
        .into_iter()
        .find(|(_, d)| d.ends_with(&format!("|{option}")) || d == option)
        .unwrap_or_else(|| panic!("no button {option} in {:?}", message.buttons()));
    let before = fake.sent_to(user).len();
    fake.push_press(user, message, &data);
    fake.message_to(user, before, WAIT).await.unwrap_or_else(|| panic!("no reply to pressing {option}"))
}

fn case(bot: &Bot, user: i64) -> Case {
    bot.app.current_case(&format!("tg:{user}")).unwrap().expect("a case")
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zh_cn_journey_with_buttons() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 101;
    let m = say(&fake, u, Some("zh-hans"), "/start").await;
    assert!(has_cjk(m.text()), "{}", m.text());
    assert_eq!(m.buttons().len(), 9);
    assert!(m.buttons().iter().all(|(_, d)| d.len() <= 64));
    let m2 = press(&fake, u, &m, "cn").await;
    // The choice opens the reply (one message for the turn); the pressed message is not edited.
    assert!(m2.text().starts_with('✓'), "{}", m2.text());
    assert!(!fake.calls().iter().any(|c| c.method.eq_ignore_ascii_case("editMessageText")), "no edit");
    let m3 = press(&fake, u, &m2, "cardholder").await;
    let m4 = press(&fake, u, &m3, "no").await;
    let m5 = press(&fake, u, &m4, "double").await;
    assert!(has_cjk(m5.text()));
    say(&fake, u, None, "1280元").await;
    say(&fake, u, None, "昨天 下午3点").await;
    say(&fake, u, None, "1234").await;
    let timing = say(&fake, u, None, "星巴克").await;
    press(&fake, u, &timing, "both_ok").await;
    let c = case(&bot, u);
    assert_eq!(c.locale, "zh-CN");
    assert_eq!(c.jurisdiction, "cn");
    assert_eq!(c.answers.get("amount").map(|a| a.plain()), Some("1280 CNY".into()));
    assert_eq!(c.answers.get("merchant_name"), Some(&Answer::Text("星巴克".into())));
    assert_eq!(c.node, "evidence", "yesterday's payment: refund advice, then the evidence");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_en_us_journey_with_a_typed_amount_and_typed_labels() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 102;
    let m = say(&fake, u, Some("en"), "hello").await;
    assert!(m.text().contains("Where was the card issued?"), "{}", m.text());
    say(&fake, u, None, "Mainland China").await;
    say(&fake, u, None, "I paid with my card").await;
    say(&fake, u, None, "No").await;
    say(&fake, u, None, "Wrong amount").await;
    let r = say(&fake, u, None, "1,280.50").await;
    assert!(r.text().contains("When was the payment?"), "{}", r.text());
    let c = case(&bot, u);
    assert_eq!(c.answers.get("amount").map(|a| a.plain()), Some("1280.5 CNY".into()));
    assert_eq!(c.node, "txn_time");
    bot.stop().await;
}

/// Walks a person to the evidence question through the app itself (as if they had talked before).
fn to_evidence(app: &App, user: &str) {
    let ids = app.interrupt_ids();
    for line in ["hi", "cn", "cardholder", "no", "double", "1280", "yesterday 18:05", "1234", "Shop", "both_ok"] {
        app.handle(user, Some("en"), Incoming::parse(line, &ids)).unwrap();
    }
    assert_eq!(app.current_case(user).unwrap().unwrap().node, "evidence");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_at_the_evidence_step_is_kept_and_media_elsewhere_is_explained() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 103;
    to_evidence(&bot.app, &format!("tg:{u}"));
    let before = fake.sent_to(u).len();
    let photo = json!({ "photo": [
        { "file_id": "small-id", "file_unique_id": "small-u", "width": 90, "height": 60 },
        { "file_id": "big-id", "file_unique_id": "big-u", "width": 1280, "height": 960 }
    ], "caption": "the slip" });
    fake.push(fake.message(u, None, photo));
    let r = fake.message_to(u, before, WAIT).await.unwrap();
    assert!(r.text().contains("1 file is now kept"), "{}", r.text());
    let c = case(&bot, u);
    assert_eq!(c.evidence.len(), 1);
    assert_eq!(c.evidence[0].reference, "big-id");
    assert_eq!(c.evidence[0].fingerprint, "big-u");
    assert_eq!(c.evidence[0].kind, "photo");
    assert_eq!(c.evidence[0].caption.as_deref(), Some("the slip"));
    assert!(c.step_done("evidence_received"));
    assert_eq!(c.node, "evidence", "still at the evidence question");

    let doc = json!({ "document": { "file_id": "doc-id", "file_unique_id": "doc-u", "file_name": "statement.pdf" } });
    let before = fake.sent_to(u).len();
    fake.push(fake.message(u, None, doc));
    let r = fake.message_to(u, before, WAIT).await.unwrap();
    assert!(r.text().contains("2 files are now kept"), "{}", r.text());

    // Elsewhere: a photo is not kept, a sticker is explained.
    let v = 104;
    say(&fake, v, Some("en"), "/start").await;
    let before = fake.sent_to(v).len();
    fake.push(fake.message(
        v,
        None,
        json!({ "photo": [{ "file_id": "p", "file_unique_id": "pu", "width": 1, "height": 1 }] }),
    ));
    let r = fake.message_to(v, before, WAIT).await.unwrap();
    assert!(r.text().contains("only at the evidence step"), "{}", r.text());
    assert!(case(&bot, v).evidence.is_empty());
    let before = fake.sent_to(v).len();
    fake.push(fake.message(
        v,
        None,
        json!({ "sticker": { "file_id": "s", "file_unique_id": "su", "width": 512, "height": 512,
        "is_animated": false, "is_video": false, "type": "regular" } }),
    ));
    let r = fake.message_to(v, before, WAIT).await.unwrap();
    assert!(r.text().contains("I can only read text"), "{}", r.text());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_with_a_card_number_is_deleted_and_never_echoed() {
    let fake = FakeTelegram::start().await.unwrap();
    let store = Arc::new(MemoryStore::new());
    let bot = start_with(&fake, store.clone(), Listen::Polling).await;
    let u = 105;
    for t in ["/start", "cn", "cardholder", "no", "double"] {
        say(&fake, u, Some("en"), t).await;
    }
    let before = fake.sent_to(u).len();
    let update = fake.push_text(u, None, "it was my card 4111 1111 1111 1111");
    let r = fake.message_to(u, before, WAIT).await.unwrap();
    assert!(r.text().contains("ending 1111"), "{}", r.text());
    let mid = update["message"]["message_id"].as_i64();
    let deleted = fake.calls().into_iter().find(|c| c.method.eq_ignore_ascii_case("deleteMessage")).expect("deleted");
    assert_eq!(deleted.body["message_id"].as_i64(), mid);
    for c in fake.calls() {
        assert!(!c.body.to_string().contains("4111 1111"), "{} echoed the card: {}", c.method, c.body);
        assert!(!c.body.to_string().contains("4111111111111111"));
    }
    let stored = serde_json::to_string(&store.list().unwrap()).unwrap();
    assert!(!stored.contains("4111"), "{stored}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lang_offers_buttons_and_switches_the_language() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 106;
    say(&fake, u, Some("en"), "/start").await;
    let m = say(&fake, u, None, "/lang").await;
    let labels: Vec<String> = m.buttons().into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["English", "简体中文", "繁體中文（香港）", "繁體中文（台灣）"]);
    let r = press(&fake, u, &m, "/lang zh-TW").await;
    assert!(r.text().contains("繁體中文"), "{}", r.text());
    assert_eq!(case(&bot, u).locale, "zh-TW");
    bot.stop().await;
}

/// Telegram's language code picks the written form: Hong Kong's (`zh-hk`), Taiwan's (`zh-hant`, `zh-tw`) or
/// Simplified (`zh-hans`). The command menus cannot tell them apart (`zh` only), the conversation does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_language_codes_choose_hong_kong_taiwan_or_simplified_chinese() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    for (u, code, locale, greeting) in [
        (111, "zh-hk", "zh-HK", "你好，我是 swipefix"),
        (112, "zh-hant", "zh-TW", "您好，我是 swipefix"),
        (113, "zh-tw", "zh-TW", "您好，我是 swipefix"),
        (114, "zh-hans", "zh-CN", "您好，我是 swipefix"),
    ] {
        let m = say(&fake, u, Some(code), "/start").await;
        assert_eq!(case(&bot, u).locale, locale, "{code}");
        let all: String = fake.sent_to(u).iter().map(|c| c.text()).collect::<Vec<_>>().join("\n");
        assert!(all.contains(greeting), "{code}: {all}\n{}", m.text());
    }
    bot.stop().await;
}

/// A bot stopped right after it started stops: teloxide's own shutdown notice is lost when its loop is not
/// waiting at that moment, so the channel ends the listener itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bot_stopped_right_after_it_started_stops() {
    let fake = FakeTelegram::start().await.unwrap();
    for _ in 0..10 {
        let bot = start(&fake).await;
        tokio::time::timeout(WAIT, bot.stop()).await.expect("the bot stopped");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_press_telegram_will_not_let_us_answer_still_gets_its_reply() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 117;
    let welcome = say(&fake, u, Some("en"), "/start").await;
    // Telegram refuses to answer a press that is too old (after a restart, say); the turn is saved by then.
    fake.fail_callback_answers(true);
    let next = press(&fake, u, &welcome, "cn").await;
    assert!(!next.buttons().is_empty(), "the next question came: {}", next.text());
    assert_eq!(case(&bot, u).jurisdiction, "cn");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cases_lists_the_persons_cases_as_buttons_and_a_press_switches() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 116;
    say(&fake, u, Some("en"), "/start").await;
    let first = case(&bot, u).id;
    say(&fake, u, None, "/start").await;
    assert_ne!(case(&bot, u).id, first);
    let m = say(&fake, u, None, "/cases").await;
    assert!(m.text().contains(&first) && m.text().contains("(current)"), "{}", m.text());
    let r = press(&fake, u, &m, &format!("/cases {first}")).await;
    assert!(r.text().contains(&format!("Case {first} is your current case again")), "{}", r.text());
    assert_eq!(case(&bot, u).id, first);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_menus_come_from_the_command_table() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    // People's menu in every private chat, staff's in the staff chat; both in English and Chinese.
    let ok = fake
        .wait_until(WAIT, |calls| calls.iter().filter(|c| c.method.eq_ignore_ascii_case("setMyCommands")).count() >= 4)
        .await;
    assert!(ok, "four menus registered");
    let menus: Vec<Value> = fake
        .calls()
        .iter()
        .filter(|c| c.method.eq_ignore_ascii_case("setMyCommands"))
        .map(|c| c.body.clone())
        .collect();
    let names = |v: &Value| -> Vec<String> {
        v["commands"].as_array().unwrap().iter().map(|c| c["command"].as_str().unwrap().to_string()).collect()
    };
    let people = menus.iter().find(|m| m.get("scope").is_none() && m.get("language_code").is_none()).expect("default");
    for want in ["start", "cases", "help", "human", "scam", "merchant"] {
        assert!(names(people).iter().any(|n| n == want), "{want} in {:?}", names(people));
    }
    let staff = menus.iter().find(|m| m["scope"]["chat_id"] == json!(STAFF_CHAT)).expect("the staff chat's menu");
    let want = ["queue", "case", "take", "assign", "reply", "note", "close", "shops", "approve", "reject", "console"];
    assert_eq!(names(staff), want);
    let zh = menus.iter().find(|m| m["language_code"] == "zh" && m.get("scope").is_none()).expect("zh");
    assert!(has_cjk(&zh.to_string()), "{zh}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deep_link_start_stores_the_referral_on_the_new_case() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    say(&fake, 107, Some("en"), "/start shop_42").await;
    assert_eq!(case(&bot, 107).referrer.as_deref(), Some("shop_42"));
    // A payload that is not a plain code is not stored.
    say(&fake, 108, Some("en"), "/start <script>").await;
    assert_eq!(case(&bot, 108).referrer, None);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_mid_journey_resumes_at_the_same_node() {
    let fake = FakeTelegram::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let u = 109;
    {
        let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
        let bot = start_with(&fake, store, Listen::Polling).await;
        for t in ["/start", "cn", "cardholder", "no", "double", "1280"] {
            say(&fake, u, Some("en"), t).await;
        }
        assert_eq!(case(&bot, u).node, "txn_time");
        bot.stop().await;
    }
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let bot = start_with(&fake, store, Listen::Polling).await;
    assert_eq!(case(&bot, u).node, "txn_time", "the case survived the restart");
    let r = say(&fake, u, None, "yesterday 18:05").await;
    assert!(r.text().contains("last 4 digits"), "{}", r.text());
    assert_eq!(case(&bot, u).node, "card_last4");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_update_delivered_twice_is_handled_once() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 110;
    for t in ["/start", "cn", "cardholder", "no", "double"] {
        say(&fake, u, Some("en"), t).await;
    }
    let before = fake.sent_to(u).len();
    let update = fake.push_text(u, None, "1280");
    fake.message_to(u, before, WAIT).await.unwrap();
    let after_first = fake.sent_to(u).len();
    let version = case(&bot, u).version;
    // Telegram delivers it again (as after a crash before the offset was confirmed)...
    fake.redeliver(update.clone());
    // ...and then something new, which is answered: by then the duplicate has been seen.
    let r = say(&fake, u, None, "/status").await;
    assert!(r.text().contains("CN¥1,280.00"), "{}", r.text());
    let sent = fake.sent_to(u);
    assert_eq!(sent.len(), after_first + 1, "one reply for /status, none for the duplicate");
    let c = case(&bot, u);
    assert_eq!(c.node, "txn_time");
    assert_eq!(c.version, version + 1, "only /status saved");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_press_on_a_stale_button_gets_a_polite_answer_and_changes_nothing() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 111;
    let welcome = say(&fake, u, Some("en"), "/start").await;
    press(&fake, u, &welcome, "cn").await;
    let before = case(&bot, u);
    // The first message's button again (its data names the welcome question, long answered).
    let (_, data) = welcome.buttons().into_iter().find(|(_, d)| d.ends_with("|uk")).unwrap();
    let calls_before = fake.call_count();
    fake.push_press(u, &welcome, &data);
    let answered = fake
        .wait_until(WAIT, |calls| {
            calls[calls_before..].iter().any(|c| {
                c.method.eq_ignore_ascii_case("answerCallbackQuery")
                    && c.body["text"].as_str().is_some_and(|t| t.contains("earlier question"))
            })
        })
        .await;
    assert!(answered, "the press is answered with a short notice");
    let after = case(&bot, u);
    assert_eq!(after.node, before.node);
    assert_eq!(after.jurisdiction, "cn");
    // A press with garbage data is just as harmless.
    fake.push_press(u, &welcome, "not|valid");
    say(&fake, u, None, "/status").await;
    assert_eq!(case(&bot, u).node, before.node);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_from_one_person_gets_one_polite_answer() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 112;
    say(&fake, u, Some("en"), "/start").await;
    let welcome = fake.sent_to(u)[0].clone();
    for i in 0..30 {
        fake.push_text(u, None, &format!("spam {i}"));
    }
    // A button press is handled after every message before it (one chat is handled in order), and answered
    // even when over the flood limit: when it is answered, all the spam has been handled.
    let calls_before = fake.call_count();
    fake.push_press(u, &welcome, "not|a|button");
    assert!(
        fake.wait_until(WAIT, |calls| calls[calls_before..]
            .iter()
            .any(|c| c.method.eq_ignore_ascii_case("answerCallbackQuery")))
            .await
    );
    // The window passes (on the injected clock): the person is heard again. Their chat's replies go in
    // order, so once this one is in, every reply to the spam went before it.
    bot.clock.advance(chrono::Duration::seconds(11));
    let r = say_after_all(&fake, u, "/status").await;
    assert!(r.contains("status:"), "{r}");
    let texts: Vec<String> = fake.sent_to(u).iter().map(|c| c.text().to_string()).collect();
    let floods = texts.iter().filter(|t| t.contains("faster than I can read")).count();
    assert_eq!(floods, 1, "one notice: {texts:#?}");
    // /start and 19 spam messages fill the window of 20 (each answered), the 21st gets the notice, the
    // other 9 nothing; then the status.
    assert_eq!(texts.len(), 20 + 1 + 1, "{texts:#?}");
    assert!(r.contains("status:"), "{r}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_webhook_listener_checks_the_secret_and_answers() {
    let fake = FakeTelegram::start().await.unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let address: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let url: url::Url = format!("http://127.0.0.1:{port}/tg-hook").parse().unwrap();
    let listen = Listen::Webhook { url: url.clone(), address, secret: Some("s3cret-token".into()) };
    let bot = start_with(&fake, Arc::new(MemoryStore::new()), listen).await;
    assert!(fake.wait_until(WAIT, |calls| calls.iter().any(|c| c.method.eq_ignore_ascii_case("setWebhook"))).await);
    let set = fake.calls().into_iter().find(|c| c.method.eq_ignore_ascii_case("setWebhook")).expect("setWebhook");
    assert_eq!(set.body["url"], json!(url.as_str()));
    assert_eq!(set.body["secret_token"], json!("s3cret-token"));

    let client = reqwest::Client::new();
    let update: Value = fake.message(113, Some("en"), json!({ "text": "/start" }));
    // The listener binds right after setWebhook; poll the port until it answers (bounded).
    let deadline = std::time::Instant::now() + WAIT;
    let wrong = loop {
        match client.post(url.clone()).header("X-Telegram-Bot-Api-Secret-Token", "wrong").json(&update).send().await {
            Ok(r) => break r,
            Err(_) if std::time::Instant::now() < deadline => tokio::task::yield_now().await,
            Err(e) => panic!("the webhook never came up: {e}"),
        }
    };
    assert!(wrong.status().is_client_error(), "{}", wrong.status());
    let ok =
        client.post(url).header("X-Telegram-Bot-Api-Secret-Token", "s3cret-token").json(&update).send().await.unwrap();
    assert!(ok.status().is_success(), "{}", ok.status());
    // Confirmed once handled: the reply went out before Telegram was answered.
    assert_eq!(fake.sent_to(113).len(), 1, "answered before the call was confirmed");
    let r = fake.message_to(113, 0, WAIT).await.expect("a reply");
    assert!(r.text().contains("New case"), "{}", r.text());
    assert_eq!(fake.sent_to(113).len(), 1, "the request with the wrong secret did nothing");
    // The operations' endpoints beside the webhook, for a load balancer and Prometheus.
    let base = format!("http://127.0.0.1:{port}");
    let health = client.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = client.get(format!("{base}/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let metrics = client.get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("swipefix_updates_handled_total{channel=\"telegram\"}"), "{metrics}");
    bot.stop().await;
    // Other processes may serve the same webhook: a stop leaves it registered.
    assert_eq!(fake.count("deleteWebhook"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hand_off_posts_the_summary_and_the_evidence_to_the_staff_chat() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 114;
    to_evidence(&bot.app, &format!("tg:{u}"));
    let before = fake.sent_to(u).len();
    fake.push(fake.message(
        u,
        None,
        json!({ "photo": [{ "file_id": "slip-file", "file_unique_id": "slip-u", "width": 800, "height": 600 }] }),
    ));
    fake.message_to(u, before, WAIT).await.unwrap();
    say(&fake, u, None, "/human").await;
    let summary = fake.message_to(STAFF_CHAT, 0, WAIT).await.expect("a summary in the staff chat");
    let c = case(&bot, u);
    for want in [
        c.id.as_str(),
        "the person asked for a human",
        "Role: cardholder",
        "Charged twice",
        "CN¥1,280.00",
        "Card ending: 1234",
        "Shop",
        "1 file",
    ] {
        assert!(summary.text().contains(want), "missing {want:?} in:\n{}", summary.text());
    }
    let copied = fake
        .wait_until(WAIT, |calls| {
            calls.iter().any(|c| {
                c.method.eq_ignore_ascii_case("sendPhoto")
                    && c.chat_id() == Some(STAFF_CHAT)
                    && c.body["photo"] == json!("slip-file")
            })
        })
        .await;
    assert!(copied, "the evidence photo is copied into the staff chat");
    bot.stop().await;
}

/// A staff command in the staff chat; returns the staff chat's next message.
async fn staff_says(fake: &FakeTelegram, staff: i64, text: &str) -> Call {
    let before = fake.sent_to(STAFF_CHAT).len();
    fake.push_group_text(STAFF_CHAT, staff, text);
    fake.message_to(STAFF_CHAT, before, WAIT).await.unwrap_or_else(|| panic!("no staff reply to {text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_take_reply_and_close_a_case_and_others_are_refused() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let (u, staff) = (115, 9001);
    for t in ["/start", "cn", "cardholder", "no", "double", "1280"] {
        say(&fake, u, Some("en"), t).await;
    }
    say(&fake, u, None, "/human").await;
    fake.message_to(STAFF_CHAT, 0, WAIT).await.expect("the summary");
    let id = case(&bot, u).id;

    // Not on the staff list: refused, nothing changes.
    let r = staff_says(&fake, 4242, &format!("/take {id}")).await;
    assert!(r.text().contains("Only support staff"), "{}", r.text());
    assert_eq!(case(&bot, u).assignee, None);

    let full = staff_says(&fake, staff, &format!("/case {id}")).await;
    assert!(
        full.text().contains("Recent messages") && full.text().contains("› ") && full.text().contains("1280"),
        "{}",
        full.text()
    );

    let q = staff_says(&fake, staff, "/queue").await;
    assert!(q.text().contains(&id) && q.text().contains("asked for a human"), "{}", q.text());

    let before = fake.sent_to(u).len();
    let t = staff_says(&fake, staff, &format!("/take {id}")).await;
    assert!(t.text().contains("is now with tg:9001"), "{}", t.text());
    let told = fake.message_to(u, before, WAIT).await.unwrap();
    assert!(told.text().contains("support team has your case"), "{}", told.text());

    // While taken, the person's words go to staff.
    let before_staff = fake.sent_to(STAFF_CHAT).len();
    let ack = say(&fake, u, None, "is anyone there?").await;
    assert!(ack.text().contains("Passed on"), "{}", ack.text());
    let relayed = fake.message_to(STAFF_CHAT, before_staff, WAIT).await.unwrap();
    assert!(relayed.text().contains("is anyone there?") && relayed.text().contains(&id), "{}", relayed.text());
    assert_eq!(case(&bot, u).node, "talk_to_human", "the tree did not move");

    let before = fake.sent_to(u).len();
    staff_says(&fake, staff, &format!("/reply {id} The shop has agreed to refund you.")).await;
    let reply = fake.message_to(u, before, WAIT).await.unwrap();
    assert!(reply.text().contains("From our support team: The shop has agreed to refund you."), "{}", reply.text());

    staff_says(&fake, staff, &format!("/note {id} called the shop, refund on Friday")).await;
    let before = fake.sent_to(u).len();
    let closed = staff_says(&fake, staff, &format!("/close {id} refunded refund confirmed")).await;
    assert!(closed.text().contains("closed"), "{}", closed.text());
    let told = fake.message_to(u, before, WAIT).await.unwrap();
    assert!(told.text().contains("is closed: refunded"), "{}", told.text());

    let c = case(&bot, u);
    assert_eq!(c.outcome.as_deref(), Some("staff_refunded"));
    assert_eq!(c.status, swipefix::engine::Status::Resolved);
    assert_eq!(c.assignee, None);
    assert_eq!(c.notes.len(), 3, "{:?}", c.notes);
    assert!(c.notes[0].sent && !c.notes[1].sent);
    // The same audit log as the console's: who did what, the look with `/case` included.
    let actions: Vec<(&str, &str)> = c.audit.iter().map(|a| (a.action.as_str(), a.by.as_str())).collect();
    let by = "tg:9001";
    assert_eq!(actions, [("view", by), ("take", by), ("reply", by), ("note", by), ("close", by)]);
    let empty = staff_says(&fake, staff, "/queue").await;
    assert!(empty.text().contains("No open hand-offs"), "{}", empty.text());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_member_taken_off_the_list_loses_the_staff_commands_at_once() {
    let fake = FakeTelegram::start().await.unwrap();
    let list = Arc::new(std::sync::Mutex::new(vec![9001u64]));
    let read = list.clone();
    let roster = swipefix::channel::console::Roster::new(move || Ok(read.lock().unwrap().clone()));
    let bot = start_full(&fake, Arc::new(MemoryStore::new()), Listen::Polling, t0(), Some(Arc::new(roster))).await;
    let q = staff_says(&fake, 9001, "/queue").await;
    assert!(q.text().contains("No open hand-offs"), "{}", q.text());
    list.lock().unwrap().clear();
    let refused = staff_says(&fake, 9001, "/queue").await;
    assert!(refused.text().contains("Only support staff"), "{}", refused.text());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_sends_a_sign_in_link_to_the_staff_member_alone() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    // No console yet: said so, in the staff chat.
    let off = staff_says(&fake, 9001, "/console").await;
    assert!(off.text().contains("not running"), "{}", off.text());
    bot.app.enable_console(url::Url::parse("https://desk.example.org/support").unwrap());
    let before = fake.sent_to(9001).len();
    let said = staff_says(&fake, 9001, "/console").await;
    assert!(said.text().contains("private chat") && !said.text().contains("token="), "{}", said.text());
    let private = fake.message_to(9001, before, WAIT).await.expect("a private message");
    assert!(private.text().contains("https://desk.example.org/support/signin?token="), "{}", private.text());
    // In a private chat too, in the member's language.
    let before = fake.sent_to(9001).len();
    fake.push_text(9001, Some("zh-TW"), "/console");
    let again = fake.message_to(9001, before, WAIT).await.expect("a link");
    assert!(again.text().contains("登入連結") && again.text().contains("/signin?token="), "{}", again.text());
    // Someone not on the staff list gets no link, in either place.
    let refused = staff_says(&fake, 4242, "/console").await;
    assert!(!refused.text().contains("token="), "{}", refused.text());
    let answer = say(&fake, 4243, Some("en"), "/console").await;
    assert!(!answer.text().contains("token="), "{}", answer.text());
    bot.stop().await;
}

fn decode_qr(png: &[u8]) -> String {
    let img = image::load_from_memory(png).expect("a PNG").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().expect("it decodes").1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn merchants_register_refer_customers_and_open_cases_for_them() {
    let fake = FakeTelegram::start().await.unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(MemoryStore::new());
    let bot = start_with(&fake, store.clone(), Listen::Polling).await;
    let (shop, referred, joiner) = (201, 202, 203);

    let r = say(&fake, shop, Some("en"), "/merchant Corner Shop; 12345678, 87654321").await;
    let link = r
        .text()
        .lines()
        .find_map(|l| l.split_whitespace().find(|w| w.starts_with("https://t.me/")))
        .expect("a link")
        .to_string();
    assert!(link.starts_with("https://t.me/swipefix_test_bot?start=m_"), "{link}");
    assert!(r.text().contains("12345678, 87654321"), "{}", r.text());
    assert!(
        fake.wait_until(WAIT, |calls| calls
            .iter()
            .any(|c| c.method.eq_ignore_ascii_case("sendPhoto") && c.chat_id() == Some(shop)))
            .await
    );
    let photo = fake
        .calls()
        .into_iter()
        .find(|c| c.method.eq_ignore_ascii_case("sendPhoto") && c.chat_id() == Some(shop))
        .unwrap();
    assert_eq!(decode_qr(&uploaded(&photo, "photo").1), link, "the QR code is the link");
    let code = link.rsplit('=').next().unwrap().to_string();

    // Staff are shown the new name to review; until they approve it, the link greets no one by name.
    let notice = fake.message_to(STAFF_CHAT, 0, WAIT).await.expect("the registration posted to staff");
    assert!(
        notice.text().contains("«Corner Shop»") && notice.text().contains(&format!("/approve {code}")),
        "{}",
        notice.text()
    );
    let welcome = say(&fake, referred, Some("en"), &format!("/start {code}")).await;
    assert!(welcome.text().contains("You came through a shop's link"), "{}", welcome.text());
    assert!(!welcome.text().contains("Corner Shop"), "{}", welcome.text());
    let c = case(&bot, referred);
    assert_eq!(c.referrer.as_deref(), Some(code.as_str()), "the referral works without the name");
    assert_eq!(c.answers.get("merchant_name"), None);
    for t in ["cn", "cardholder", "no", "double", "77.70"] {
        say(&fake, referred, None, t).await;
    }

    // Someone in the staff chat who is not staff cannot approve it.
    let refused = staff_says(&fake, 4242, &format!("/approve {code}")).await;
    assert!(refused.text().contains("Only support staff"), "{}", refused.text());
    assert!(!store.merchant(&code).unwrap().unwrap().is_approved());
    let before = fake.sent_to(shop).len();
    let approved = staff_says(&fake, 9001, &format!("/approve {code}")).await;
    assert!(approved.text().contains("Approved: «Corner Shop»"), "{}", approved.text());
    let told = fake.message_to(shop, before, WAIT).await.expect("the shop is told");
    assert!(told.text().contains("«Corner Shop» is approved"), "{}", told.text());

    // Now its link names the shop, as what it registered as.
    let welcome = say(&fake, 205, Some("en"), &format!("/start {code}")).await;
    assert!(welcome.text().contains("the shop registered with us as «Corner Shop»"), "{}", welcome.text());
    assert_eq!(case(&bot, 205).answers.get("merchant_name"), Some(&Answer::Text("Corner Shop".into())));

    // A case the merchant opens, joined by its customer through their own link.
    let opened = say(&fake, shop, None, "/opencase").await;
    let join = opened.text().split_whitespace().find(|w| w.contains("?start=c_")).expect("a join link").to_string();
    let join_code = join.rsplit('=').next().unwrap().to_string();
    let opened_id = opened.text().split_whitespace().find(|w| w.starts_with("SF-")).unwrap().to_string();
    let joined = say(&fake, joiner, Some("zh-hans"), &format!("/start {join_code}")).await;
    assert!(joined.text().contains(&opened_id) && joined.text().contains("Corner Shop"), "{}", joined.text());
    let c = case(&bot, joiner);
    assert_eq!(c.id, opened_id);
    assert_eq!(c.owner, format!("tg:{joiner}"));
    assert_eq!(c.referrer.as_deref(), Some(code.as_str()));
    assert_eq!(c.locale, "zh-CN");
    assert_eq!(c.node, "welcome");
    // The link is used up: a second person gets a fresh case of their own.
    say(&fake, 204, Some("en"), &format!("/start {join_code}")).await;
    assert_ne!(case(&bot, 204).id, opened_id);

    // The merchant sees the status of both cases, and none of the customers' data.
    let mine = say(&fake, shop, None, "/mycases").await;
    assert!(mine.text().contains("Cases from customers of Corner Shop: 3"), "{}", mine.text());
    assert!(mine.text().contains(&opened_id) && mine.text().contains(&case(&bot, referred).id), "{}", mine.text());
    assert!(!mine.text().contains("77.70") && !mine.text().contains("tg:"), "{}", mine.text());
    bot.stop().await;
}

/// Walks a person through the app itself (as if they had talked before).
fn walk_app(app: &App, user: &str, lines: &[&str]) {
    let ids = app.interrupt_ids();
    for line in lines {
        app.handle(user, Some("en"), Incoming::parse(line, &ids)).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_due_follow_up_is_sent_and_ask_me_later_plans_another() {
    let fake = FakeTelegram::start().await.unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(MemoryStore::new());
    let u = 301;
    let before = App::new(catalog(), store.clone(), Arc::new(ManualClock::new(t0())));
    walk_app(&before, &format!("tg:{u}"), super::common::TO_REVERSAL_CHECK);
    drop(before);

    // A week later (the day after the money was due back) the bot (re)starts: the follow-up is due and is
    // sent by the background task.
    let bot = start_at(&fake, store, Listen::Polling, t0() + chrono::Duration::days(7)).await;
    let question = fake.message_to(u, 0, WAIT).await.expect("the follow-up");
    assert!(question.text().contains("Checking back on your case"), "{}", question.text());
    let labels: Vec<String> = question.buttons().into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Yes, it's back", "Not back after the waiting time", "Ask me again later"]);

    let r = press(&fake, u, &question, "snooze").await;
    assert!(r.text().contains("I'll ask you again on Dec 4, 2026"), "{}", r.text());
    let c = case(&bot, u);
    assert_eq!(c.node, "reversal_check");
    assert_eq!(c.reminders.iter().filter(|r| !r.done).count(), 1, "one new follow-up: {:?}", c.reminders);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_written_application_is_sent_as_documents_after_its_text() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 302;
    let user = format!("tg:{u}");
    walk_app(&bot.app, &user, super::common::TO_REVERSAL_CHECK);
    walk_app(&bot.app, &user, &["money_not_back", "called"]);
    assert_eq!(case(&bot, u).node, "review");
    let from = fake.sent_to(u).len();
    say(&fake, u, None, "All correct — write it").await;
    let done = fake.wait_until(WAIT, |calls| {
        calls.iter().filter(|c| c.method.eq_ignore_ascii_case("sendDocument")).count() >= 2
            && calls.iter().rev().find(|c| c.chat_id() == Some(u)).is_some_and(|c| !c.buttons().is_empty())
    });
    assert!(done.await, "two documents, then the next question");
    let sent = &fake.sent_to(u)[from..];
    let kinds: Vec<&str> = sent.iter().map(|c| c.method.as_str()).collect();
    let first_doc = kinds.iter().position(|k| k.eq_ignore_ascii_case("sendDocument")).unwrap();
    assert!(sent[..first_doc].iter().any(|c| c.text().contains("Written application: disputed card payment")));
    assert!(
        sent.last().unwrap().text().contains("Come back when the bank answers"),
        "{:?}",
        sent.last().unwrap().text()
    );
    let id = case(&bot, u).id;
    let docs: Vec<&Call> = sent.iter().filter(|c| c.method.eq_ignore_ascii_case("sendDocument")).collect();
    let names: Vec<String> = docs.iter().map(|c| uploaded(c, "document").0).collect();
    assert_eq!(names, [format!("{id}-application-en-US.txt"), format!("{id}-application-zh-CN.txt")]);
    let zh = String::from_utf8(uploaded(docs[1], "document").1).unwrap();
    assert!(zh.starts_with("书面申请：刷卡交易争议") && zh.contains("卡号后4位：1234"), "{zh}");
    assert_eq!(docs[0].body["caption"], json!(format!("Written application, case {id} (English)")));
    bot.stop().await;
}

/// The name and bytes of a file uploaded in field `field` (`photo`, `document`) of a call, as the fake
/// recorded them (teloxide names the file part and points the field at it with `attach://name`).
fn uploaded(call: &Call, field: &str) -> (String, Vec<u8>) {
    let part = match call.body[field].as_str().and_then(|p| p.strip_prefix("attach://")) {
        Some(name) => &call.body[name],
        None => &call.body[field],
    };
    let data = part["data"].as_array().unwrap_or_else(|| panic!("no uploaded file in {}", call.method));
    (
        part["file_name"].as_str().unwrap_or_default().to_string(),
        data.iter().map(|b| b.as_u64().unwrap() as u8).collect(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_names_and_captions_is_sent_as_plain_text() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let u = 303;
    let name = "<b>Shop</b> *bold* _x_ [click](http://evil.example) `code` &amp;";
    walk_app(
        &bot.app,
        &format!("tg:{u}"),
        &["hi", "cn", "cardholder", "no", "double", "1280", "yesterday 18:05", "1234"],
    );
    say(&fake, u, None, name).await;
    say(&fake, u, None, "both_ok").await;
    let before = fake.sent_to(u).len();
    let caption = "<i>slip</i> **look** <a href=\"http://evil.example\">x</a>";
    fake.push(fake.message(
        u,
        None,
        json!({ "photo": [{ "file_id": "p1", "file_unique_id": "p1u", "width": 9, "height": 9 }], "caption": caption }),
    ));
    fake.message_to(u, before, WAIT).await.unwrap();
    say(&fake, u, None, "/human").await;
    let summary = fake.message_to(STAFF_CHAT, 0, WAIT).await.expect("a summary");
    assert!(summary.text().contains(name), "the name as typed: {}", summary.text());
    let copied = fake
        .wait_until(WAIT, |calls| {
            calls.iter().any(|c| c.method.eq_ignore_ascii_case("sendPhoto") && c.chat_id() == Some(STAFF_CHAT))
        })
        .await;
    assert!(copied);
    for c in fake.calls() {
        assert!(c.body.get("parse_mode").is_none(), "no parse mode, so nothing a person types is markup: {c:?}");
    }
    // The caption is kept with the evidence as typed (staff read it in the case), never interpreted.
    let kept = case(&bot, u).evidence[0].caption.clone().unwrap_or_default();
    assert_eq!(kept, caption);
    bot.stop().await;
}

/// The Bot API calls Telegram counts toward a bot's sending limits (about 30 a second in all, 1 a second in
/// one chat); answering a button press, deleting and polling are not among them.
fn message_like(method: &str) -> bool {
    ["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "sendPhoto"]
        .iter()
        .any(|m| m.eq_ignore_ascii_case(method))
}

/// One transcript's input lines (after `---`), if it is one conversation without waits or files.
fn transcript_lines(text: &str) -> Option<Vec<String>> {
    let (_, body) = text.split_once("\n---\n")?;
    let lines: Vec<String> = body.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    (!lines.iter().any(|l| l.starts_with('@'))).then_some(lines)
}

/// Walks one transcript over Telegram as a person would: a line that is a button of the last message is
/// pressed, anything else typed. Returns (turns, message-like calls to the person's chat).
async fn walk_over_telegram(fake: &FakeTelegram, user: i64, lines: &[String]) -> (usize, usize) {
    let mut last: Option<Call> = None;
    for line in lines {
        let button =
            last.as_ref().and_then(|m| m.buttons().into_iter().find(|(_, d)| d.ends_with(&format!("|{line}"))));
        let before = fake.sent_to(user).len();
        match (&last, button) {
            (Some(m), Some((_, data))) => fake.push_press(user, m, &data),
            _ => fake.push_text(user, Some("en"), line),
        };
        let reply = fake.message_to(user, before, WAIT).await.unwrap_or_else(|| panic!("no reply to {line:?}"));
        last = Some(reply);
    }
    // A last message answered means every earlier reply went out in full (one chat is served in order).
    let before = fake.sent_to(user).len();
    fake.push_text(user, None, "/status");
    fake.message_to(user, before, WAIT).await.expect("a reply to /status");
    let calls = fake.calls().into_iter().filter(|c| c.chat_id() == Some(user) && message_like(&c.method)).count();
    (lines.len(), calls - 1)
}

/// Each turn of the shipped journeys costs about one message (the aim: 1.1 at most), since the
/// sending budget of a bot token is counted in messages: the transcripts' paths, walked over Telegram.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_turn_costs_about_one_message_on_the_shipped_journeys() {
    let fake = FakeTelegram::start().await.unwrap();
    let bot = start(&fake).await;
    let dir = super::common::root().join("tests/transcripts");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    let (mut turns, mut calls, mut walked) = (0, 0, 0);
    for (i, f) in files.iter().enumerate() {
        let Some(lines) = transcript_lines(&std::fs::read_to_string(f).unwrap()) else { continue };
        let (t, c) = walk_over_telegram(&fake, 50_000 + i as i64, &lines).await;
        (turns, calls, walked) = (turns + t, calls + c, walked + 1);
    }
    let per_turn = calls as f64 / turns as f64;
    println!("{walked} journeys, {turns} turns, {calls} message-like calls: {per_turn:.3} per turn");
    assert!(walked >= 40, "{walked} journeys walked");
    assert!(per_turn <= 1.1, "{per_turn:.3} message-like calls per turn ({calls} for {turns} turns)");
    bot.stop().await;
}
