//! The staff console in a real browser: Debian's headless Chromium, driven over WebDriver (chromedriver)
//! with fantoccini, against the bot on the fake Bot API with the console beside it. A staff member asks the
//! bot for a link (`/console`) and signs in; a person hands off a case over the fake; the case appears in the
//! inbox without a reload; the staff member opens it, takes it, replies — the person gets the reply over the
//! fake — and closes it; the audit view lists each action; the analytics page counts the journey's nodes.
//! Screenshots go to `target/console-screenshots/` (the README shows copies in `docs/`).
//! Waits are for conditions, bounded; skipped (loudly) without Chromium unless `SWIPEFIX_REQUIRE_BROWSER`.

use super::common::{catalog, root, t0};
use fantoccini::{ClientBuilder, Locator};
use regex::Regex;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use swipefix::channel::console::Roster;
use swipefix::channel::telegram::{self, ConsoleBeside, Listen, Settings};
use swipefix::session::{App, ManualClock};
use swipefix::store::MemoryStore;
use swipefix_lab::chromium::Driver;
use swipefix_lab::fake_telegram::FakeTelegram;

const WAIT: Duration = Duration::from_secs(30);
const STAFF: i64 = 9001;
const PERSON: i64 = 555;

/// Starts the bot with the console on a free port; returns the app and the stop.
async fn bot_with_console(fake: &FakeTelegram) -> (Arc<App>, tokio::sync::oneshot::Sender<()>) {
    let app = Arc::new(App::new(catalog(), Arc::new(MemoryStore::new()), Arc::new(ManualClock::new(t0()))));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    app.enable_console(url::Url::parse(&format!("http://{}/", listener.local_addr().unwrap())).unwrap());
    let console = ConsoleBeside { listener, roster: Arc::new(Roster::new(|| Ok(vec![STAFF as u64]))), secure: false };
    let staff =
        swipefix::settings::Staff { chat_id: Some(-100_500), users: vec![STAFF as u64], language: "en-US".into() };
    let settings = Settings { throttle: false, staff, ..Settings::default() };
    let bot = telegram::bot("123456:TEST", Some(&fake.api_url())).unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(telegram::run(app.clone(), bot, Listen::Polling, settings, Some(console), async move {
        let _ = rx.await;
    }));
    assert!(fake.wait_for_poll(WAIT).await, "the bot polls");
    (app, tx)
}

/// Sends `text` as `user` and waits for the bot's answer.
async fn say(fake: &FakeTelegram, user: i64, text: &str) -> String {
    let before = fake.sent_to(user).len();
    fake.push_text(user, Some("en"), text);
    fake.message_to(user, before, WAIT).await.unwrap_or_else(|| panic!("no answer to {text:?}")).text().to_string()
}

/// A 120 × 80 picture standing for a photo of the slip.
fn slip_png() -> Vec<u8> {
    let img = image::RgbImage::from_fn(120, 80, |x, y| image::Rgb([240, 240 - (y as u8), 200 + (x as u8 / 4)]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    png.into_inner()
}

/// Waits until the browser is on the case page that says `action` was done (the page before it may show
/// another action's notice: waiting for a notice alone could return before the form was handled).
async fn done(b: &fantoccini::Client, action: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    let want = format!("done={action}");
    while !b.current_url().await.unwrap().as_str().contains(&want) {
        assert!(std::time::Instant::now() < deadline, "the page never said {action} was done");
        tokio::task::yield_now().await;
    }
    b.wait().at_most(WAIT).for_element(Locator::Css("p.notice")).await.expect("the notice");
}

fn shot(name: &str, png: &[u8]) {
    let dir = root().join("target/console-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_staff_member_works_a_hand_off_in_a_real_browser() {
    let Some(driver) = Driver::for_test("browser::a_staff_member_works_a_hand_off_in_a_real_browser") else { return };
    let fake = FakeTelegram::start().await.unwrap();
    let (app, stop) = bot_with_console(&fake).await;

    // The sign-in link, asked for in a private chat with the bot.
    let answer = say(&fake, STAFF, "/console").await;
    let link = Regex::new(r"http://127\.0\.0\.1:\d+/signin\?token=\S+")
        .unwrap()
        .find(&answer)
        .expect("a link")
        .as_str()
        .to_string();
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let b = ClientBuilder::new(connector)
        .capabilities(driver.capabilities(1280, 900))
        .connect(&driver.url())
        .await
        .expect("a browser");
    b.goto(&link).await.unwrap();
    b.find(Locator::Css("main button[type=submit]")).await.unwrap().click().await.unwrap();
    b.wait().at_most(WAIT).for_element(Locator::Css("#inbox")).await.expect("the inbox");
    assert!(b.source().await.unwrap().contains("Nothing here"), "no hand-off yet");

    // A person, with a photo of the slip, hands off; the open inbox shows it without a reload.
    let journey = [
        "/start",
        "cn",
        "cardholder",
        "no",
        "double",
        "RMB 1280",
        "yesterday 3pm",
        "6688",
        "Corner Coffee",
        "no",
        "both_ok",
    ];
    for line in journey {
        say(&fake, PERSON, line).await;
    }
    fake.put_file("AgAD-slip", slip_png());
    let photo = json!({ "photo": [{ "file_id": "AgAD-slip", "file_unique_id": "slip-1", "width": 120, "height": 80, "file_size": 900 }], "caption": "the slip" });
    let before = fake.sent_to(PERSON).len();
    fake.push(fake.message(PERSON, Some("en"), photo));
    fake.message_to(PERSON, before, WAIT).await.expect("the photo was answered");
    say(&fake, PERSON, "/human").await;
    let id = app.current_case(&format!("tg:{PERSON}")).unwrap().unwrap().id;
    let css = format!("#inbox a[href='/cases/{id}']");
    b.wait().at_most(WAIT).for_element(Locator::Css(&css)).await.expect("the case appeared by itself");
    shot("inbox.png", &b.screenshot().await.unwrap());

    // Open it: the photo comes through the Bot API's getFile, into the page (never to a disk of ours).
    b.find(Locator::Css(&css)).await.unwrap().click().await.unwrap();
    b.wait().at_most(WAIT).for_element(Locator::Css(".evidence img")).await.expect("the photo on the page");
    let deadline = std::time::Instant::now() + WAIT;
    let script = "const i = document.querySelector('.evidence img'); return i.complete ? i.naturalWidth : 0;";
    while b.execute(script, vec![]).await.unwrap().as_u64() != Some(120) {
        assert!(std::time::Instant::now() < deadline, "the photo never showed");
        tokio::task::yield_now().await;
    }
    // Take it, reply, close it.
    b.wait().at_most(WAIT).for_element(Locator::Id("take")).await.unwrap().click().await.unwrap();
    done(&b, "take").await;
    let before = fake.sent_to(PERSON).len();
    b.find(Locator::Id("reply-text"))
        .await
        .unwrap()
        .send_keys("We have asked your bank about the second charge.")
        .await
        .unwrap();
    b.find(Locator::Id("send-reply")).await.unwrap().click().await.unwrap();
    let got = fake.message_to(PERSON, before, WAIT).await.expect("the person got the reply");
    assert!(got.text().contains("We have asked your bank"), "{}", got.text());
    done(&b, "reply").await;
    // The whole page in one picture: a tall window.
    b.set_window_size(1280, 2000).await.unwrap();
    shot("case.png", &b.screenshot().await.unwrap());
    b.set_window_size(1280, 900).await.unwrap();
    b.find(Locator::Css("#outcome option[value='refunded']")).await.unwrap().click().await.unwrap();
    b.find(Locator::Id("close")).await.unwrap().click().await.unwrap();
    done(&b, "close").await;
    assert_eq!(app.case(&id).unwrap().unwrap().outcome.as_deref(), Some("staff_refunded"));

    // The audit view lists each action.
    let base = &link[..link.find("/signin").unwrap()];
    b.goto(&format!("{base}/audit")).await.unwrap();
    let audit = b.source().await.unwrap();
    for action in ["opened the case", "took the case", "replied to the person", "closed the case"] {
        assert!(audit.contains(action), "{action}");
    }

    // The analytics page counts the journey's nodes.
    b.goto(&format!("{base}/analytics")).await.unwrap();
    let node = b.wait().at_most(WAIT).for_element(Locator::Css("tr[data-node='error_type']")).await.unwrap();
    assert_eq!(node.attr("data-reached").await.unwrap().as_deref(), Some("1"));
    assert_eq!(node.attr("data-went-on").await.unwrap().as_deref(), Some("1"));
    shot("analytics.png", &b.screenshot().await.unwrap());
    // A phone's width: one column.
    b.set_window_size(390, 844).await.unwrap();
    b.goto(&format!("{base}/?status=all")).await.unwrap();
    shot("inbox-phone.png", &b.screenshot().await.unwrap());
    b.close().await.unwrap();
    let _ = stop.send(());
}
