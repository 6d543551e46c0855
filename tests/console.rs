//! The staff console over HTTP on 127.0.0.1 (the browser test is `browser.rs`): every route but the sign-in
//! needs a session, every form its CSRF token; links work once; a staff id taken off the list loses access
//! at the next request; what people typed is shown as text; the actions are the staff commands; the
//! analytics page and `swipefix stats --json` agree; `/metrics`, `/healthz` and `/readyz` answer.

use super::common::{app_with, root, swipefix, t0, text, walk};
use regex::Regex;
use reqwest::StatusCode;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use swipefix::channel::console::{self, Console, Courier, Roster};
use swipefix::engine::FileInput;
use swipefix::session::{App, Incoming, ManualClock};
use swipefix::store::{CaseStore, MemoryStore, SledStore};
use tokio::sync::oneshot;

/// What the console delivered to people, and the files it can fetch.
#[derive(Default)]
struct Recorder {
    sent: Mutex<Vec<(String, String)>>,
    files: HashMap<String, (Vec<u8>, String)>,
}

impl Courier for Recorder {
    fn deliver(&self, owner: &str, text: String) -> futures::future::BoxFuture<'static, Result<(), String>> {
        self.sent.lock().unwrap().push((owner.to_string(), text));
        Box::pin(async { Ok(()) })
    }
    fn fetch(&self, reference: &str) -> futures::future::BoxFuture<'static, Result<(Vec<u8>, String), String>> {
        let found = self.files.get(reference).cloned().ok_or_else(|| "no such file".to_string());
        Box::pin(async move { found })
    }
}

/// A console on 127.0.0.1 over `app`, with a staff list the test can change.
struct Desk {
    app: Arc<App>,
    clock: Arc<ManualClock>,
    base: String,
    courier: Arc<Recorder>,
    roster: Arc<Mutex<Vec<u64>>>,
    http: reqwest::Client,
    _stop: oneshot::Sender<()>,
}

const STAFF: u64 = 9001;
const PERSON: &str = "tg:555";

async fn desk_on(store: Arc<dyn CaseStore>) -> Desk {
    let (app, clock) = app_with(store);
    desk_with(Arc::new(app), clock).await
}

async fn desk_with(app: Arc<App>, clock: Arc<ManualClock>) -> Desk {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    app.enable_console(url::Url::parse(&base).unwrap());
    let roster = Arc::new(Mutex::new(vec![STAFF, 9002]));
    let list = roster.clone();
    let mut recorder = Recorder::default();
    recorder.files.insert("AgAD-slip".into(), (b"\x89PNG fake".to_vec(), "image/png".into()));
    let courier = Arc::new(recorder);
    let c = Console::new(
        app.clone(),
        Arc::new(Roster::new(move || Ok(list.lock().unwrap().clone()))),
        courier.clone(),
        false,
    );
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(console::serve(listener, c, async move {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    Desk { app, clock, base, courier, roster, http, _stop: stop }
}

struct Page {
    status: StatusCode,
    location: Option<String>,
    cookie: Option<String>,
    body: String,
}

impl Desk {
    async fn request(&self, method: &str, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Page {
        let url = format!("{}{path}", self.base);
        let mut req = if method == "POST" { self.http.post(url).form(form) } else { self.http.get(url) };
        if let Some(c) = cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().await.expect("the console answers");
        let header = |name: &str| r.headers().get(name).map(|v| v.to_str().unwrap().to_string());
        let (location, set) = (header("location"), header("set-cookie"));
        let cookie = set.map(|s| s.split(';').next().unwrap().to_string());
        Page { status: r.status(), location, cookie, body: r.text().await.unwrap() }
    }

    async fn get(&self, path: &str, cookie: &str) -> Page {
        self.request("GET", path, Some(cookie), &[]).await
    }

    async fn post(&self, path: &str, cookie: &str, form: &[(&str, &str)]) -> Page {
        self.request("POST", path, Some(cookie), form).await
    }

    /// Signs `staff` in with a fresh link; returns the session cookie.
    async fn sign_in(&self, staff: u64) -> String {
        let link = self.app.console_link(&format!("tg:{staff}"), "en-US").unwrap();
        let token = link.split("token=").nth(1).unwrap().to_string();
        let token = url::form_urlencoded::parse(format!("t={token}").as_bytes()).next().unwrap().1.into_owned();
        let p = self.request("POST", "/signin", None, &[("token", &token)]).await;
        assert_eq!((p.status, p.location.as_deref()), (StatusCode::SEE_OTHER, Some("/")), "{}", p.body);
        p.cookie.expect("a session cookie")
    }
}

/// The CSRF token of a page's forms.
fn csrf(body: &str) -> String {
    Regex::new(r#"name="csrf" value="([0-9a-f]+)""#).unwrap().captures(body).expect("a form with a token")[1]
        .to_string()
}

/// A cardholder in China charged twice, who asks for a person: a hand-off. Returns the case id.
fn handed_off(app: &App, user: &str) -> String {
    walk(app, user, None, &["/start", "cn", "cardholder", "no", "double", "1280", "/human"]);
    app.current_case(user).unwrap().unwrap().id
}

/// Every path the console routes, read from its router (so a new route cannot miss this test).
fn routes() -> Vec<String> {
    let src = std::fs::read_to_string(root().join("src/channel/console/mod.rs")).unwrap();
    let ops = std::fs::read_to_string(root().join("src/channel/console/ops.rs")).unwrap();
    let re = Regex::new(r#"\.route\("([^"]+)""#).unwrap();
    re.captures_iter(&(src + &ops)).map(|c| c[1].to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_but_the_sign_in_needs_a_session() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let id = handed_off(&d.app, PERSON);
    let public = ["/signin", "/healthz", "/readyz", "/metrics", "/assets/console.css", "/assets/console.js"];
    let forged = "swipefix_console=eyJzdGFmZiI6InRnOjkwMDEifQ";
    let mut checked = 0;
    for route in routes() {
        let path = route.replace("{id}", &id).replace("{n}", "0").replace("{action}", "take");
        if public.contains(&route.as_str()) {
            assert!(d.request("GET", &path, None, &[]).await.status.is_success(), "{route} is public");
            continue;
        }
        for method in ["GET", "POST"] {
            for cookie in [None, Some(forged)] {
                let p = d.request(method, &path, cookie, &[("csrf", "x"), ("text", "hi")]).await;
                assert!(
                    p.status == StatusCode::UNAUTHORIZED || p.status == StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {route} without a session: {}",
                    p.status
                );
                checked += usize::from(p.status == StatusCode::UNAUTHORIZED);
            }
        }
    }
    assert!(checked >= 2 * 11, "every private route was refused ({checked})");
    let case = d.app.case(&id).unwrap().unwrap();
    assert!(case.assignee.is_none() && case.audit.is_empty(), "nothing was done: {:?}", case.audit);
    assert!(d.courier.sent.lock().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_link_signs_in_once_and_a_staff_id_taken_off_the_list_loses_access_at_once() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let link = d.app.console_link("tg:9001", "zh-TW").unwrap();
    let token = link.split("token=").nth(1).unwrap();
    let token = url::form_urlencoded::parse(format!("t={token}").as_bytes()).next().unwrap().1.into_owned();
    // Opening the link (a previewer, a scanner) spends nothing: only the button's POST does.
    for _ in 0..2 {
        let p = d.request("GET", &format!("/signin?token={token}"), None, &[]).await;
        assert_eq!(p.status, StatusCode::OK);
        assert!(p.cookie.is_none());
    }
    let first = d.request("POST", "/signin", None, &[("token", &token)]).await;
    let cookie = first.cookie.expect("signed in");
    let again = d.request("POST", "/signin", None, &[("token", &token)]).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    assert!(again.body.contains("used already"), "{}", again.body);
    let inbox = d.get("/", &cookie).await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(
        inbox.body.contains("轉真人客服案件") && inbox.body.contains(r#"lang="zh-TW""#),
        "the staff member's language"
    );
    // The cookie is HttpOnly and SameSite.
    let raw = d
        .http
        .post(format!("{}/signin", d.base))
        .form(&[("token", d.app.console_link("tg:9002", "en-US").unwrap().split("token=").nth(1).unwrap())])
        .send()
        .await
        .unwrap();
    let set = raw.headers().get("set-cookie").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
    // Expired links and altered ones do nothing.
    let late = d.app.console_link("tg:9001", "en-US").unwrap();
    d.clock.advance(chrono::Duration::minutes(11));
    let late = url::form_urlencoded::parse(format!("t={}", late.split("token=").nth(1).unwrap()).as_bytes())
        .next()
        .unwrap()
        .1
        .into_owned();
    assert!(d.request("POST", "/signin", None, &[("token", &late)]).await.body.contains("expired"));
    assert!(d.request("POST", "/signin", None, &[("token", "x.y")]).await.body.contains("not a valid"));
    // Off the list: the next request is refused, with the session still in the browser.
    d.roster.lock().unwrap().retain(|s| *s != STAFF);
    let p = d.get("/", &cookie).await;
    assert_eq!(p.status, StatusCode::UNAUTHORIZED);
    assert!(p.body.contains("not on the staff list") || p.body.contains("客服名單"), "{}", p.body);
    let link = d.app.console_link("tg:9001", "en-US").unwrap();
    let token = url::form_urlencoded::parse(format!("t={}", link.split("token=").nth(1).unwrap()).as_bytes())
        .next()
        .unwrap()
        .1
        .into_owned();
    assert_eq!(d.request("POST", "/signin", None, &[("token", &token)]).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_form_needs_its_sessions_csrf_token() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let id = handed_off(&d.app, PERSON);
    let cookie = d.sign_in(STAFF).await;
    let other = d.sign_in(9002).await;
    let theirs = csrf(&d.get("/", &other).await.body);
    let before = d.app.case(&id).unwrap().unwrap();
    let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
        (format!("/cases/{id}/take"), vec![]),
        (format!("/cases/{id}/reply"), vec![("text", "hello")]),
        (format!("/cases/{id}/note"), vec![("text", "hello")]),
        (format!("/cases/{id}/close"), vec![("outcome", "resolved")]),
        (format!("/cases/{id}/assign"), vec![("to", "9002")]),
        ("/lang".into(), vec![("lang", "zh-CN")]),
        ("/signout".into(), vec![]),
    ];
    for (path, fields) in &forms {
        for token in [None, Some("0".repeat(64)), Some(theirs.clone())] {
            let mut form = fields.clone();
            if let Some(t) = &token {
                form.push(("csrf", t));
            }
            let p = d.post(path, &cookie, &form).await;
            assert_eq!(p.status, StatusCode::FORBIDDEN, "POST {path} with token {token:?}");
            assert!(p.cookie.is_none(), "POST {path} changed the session");
        }
    }
    let after = d.app.case(&id).unwrap().unwrap();
    assert_eq!(after.version, before.version, "the case was not touched");
    assert!(d.courier.sent.lock().unwrap().is_empty());
    assert_eq!(d.get("/", &cookie).await.status, StatusCode::OK, "still signed in, in English");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_actions_are_the_staff_commands_and_each_is_in_the_audit_log() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let id = handed_off(&d.app, PERSON);
    let cookie = d.sign_in(STAFF).await;
    let inbox = d.get("/", &cookie).await.body;
    assert!(inbox.contains(&id), "the hand-off is in the inbox");
    let page = d.get(&format!("/cases/{id}"), &cookie).await;
    assert_eq!(page.status, StatusCode::OK);
    let token = csrf(&page.body);
    let act = |path: &'static str, fields: Vec<(&'static str, &'static str)>| {
        let (d, id, cookie, token) = (&d, id.clone(), cookie.clone(), token.clone());
        async move {
            let mut form = fields;
            form.push(("csrf", &token));
            let p = d.post(&format!("/cases/{id}/{path}"), &cookie, &form).await;
            assert_eq!(p.status, StatusCode::SEE_OTHER, "{path}: {}", p.body);
            assert_eq!(p.location, Some(format!("/cases/{id}?done={path}")), "{path}");
        }
    };
    act("take", vec![]).await;
    act("reply", vec![("text", "We are on it. Card 4111 1111 1111 1111?")]).await;
    act("note", vec![("text", "called the bank")]).await;
    act("assign", vec![("to", "9002")]).await;
    act("close", vec![("outcome", "refunded"), ("text", "refund seen")]).await;
    let c = d.app.case(&id).unwrap().unwrap();
    assert_eq!(c.outcome.as_deref(), Some("staff_refunded"));
    let actions: Vec<&str> = c.audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["view", "take", "reply", "note", "assign", "close"]);
    assert!(c.audit.iter().all(|a| a.by == "tg:9001"));
    let sent = d.courier.sent.lock().unwrap().clone();
    assert_eq!(sent.len(), 3, "taken, the reply, closed: {sent:?}");
    assert!(sent.iter().all(|(to, _)| to == PERSON));
    assert!(
        sent[1].1.contains("We are on it") && !sent[1].1.contains("4111 1111"),
        "the gate masked it: {}",
        sent[1].1
    );
    // The same as the Telegram staff chat's commands: the audit view and its CSV list each action.
    let audit = d.get("/audit", &cookie).await.body;
    for word in [
        "opened the case",
        "took the case",
        "replied to the person",
        "added a note",
        "handed the case over",
        "closed the case",
    ] {
        assert!(audit.contains(word), "{word}");
    }
    let csv = d.get("/audit.csv", &cookie).await.body;
    assert_eq!(csv.lines().count(), 7, "{csv}");
    assert!(csv.starts_with("at,by,action,case,detail") && csv.contains(",close,") && csv.contains("refunded"));
    // An empty reply and an unknown case are said, not done.
    let empty = d.post(&format!("/cases/{id}/reply"), &cookie, &[("csrf", &token), ("text", "  ")]).await;
    assert_eq!(empty.location, Some(format!("/cases/{id}?error=empty")));
    assert_eq!(d.get("/cases/SF-000000-ZZZZ", &cookie).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread")]
async fn what_people_typed_is_shown_as_text_never_as_html() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    walk(
        &d.app,
        PERSON,
        None,
        &["/start", "cn", "cardholder", "no", "double", "RMB 5000", "昨天 下午3点", "尾号 6688"],
    );
    let ids = d.app.interrupt_ids();
    d.app.handle(PERSON, None, Incoming::parse(&format!("shop {evil}"), &ids)).unwrap();
    walk(&d.app, PERSON, None, &["no", "both_ok"]);
    let file = FileInput {
        kind: "photo".into(),
        reference: "AgAD-slip".into(),
        fingerprint: "f1".into(),
        caption: Some(format!("slip {evil}").into()),
        file_name: Some(format!("{evil}.png").into()),
    };
    d.app.handle(PERSON, None, Incoming::File(file)).unwrap();
    walk(&d.app, PERSON, None, &["/human"]);
    let id = d.app.current_case(PERSON).unwrap().unwrap().id;
    d.app.staff("tg:9001", "en-US", &format!("/note {id} <b>bold</b> {evil}")).unwrap().unwrap();
    let cookie = d.sign_in(STAFF).await;
    for path in ["/".to_string(), format!("/cases/{id}"), "/audit".into(), "/analytics".into(), format!("/?q={evil}")] {
        let body = d.get(&path, &cookie).await.body;
        assert!(!body.contains("<script>alert") && !body.contains("<img src=x") && !body.contains("<b>bold"), "{path}");
        assert!(!body.contains("onerror=alert(2)>"), "{path}: an attribute broke out");
    }
    let page = d.get(&format!("/cases/{id}"), &cookie).await.body;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
    let image = d.http.get(format!("{}/cases/{id}/files/0", d.base)).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(image.bytes().await.unwrap().as_ref(), b"\x89PNG fake", "the file came through the courier");
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_health_and_readiness_answer() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    handed_off(&d.app, PERSON);
    let health = d.request("GET", "/healthz", None, &[]).await;
    assert_eq!((health.status, health.body.as_str()), (StatusCode::OK, "ok\n"));
    let ready = d.request("GET", "/readyz", None, &[]).await;
    assert_eq!(ready.status, StatusCode::OK, "{}", ready.body);
    let m = d.request("GET", "/metrics", None, &[]).await.body;
    for series in [
        "swipefix_updates_handled_total{channel=\"telegram\"}",
        "swipefix_turn_seconds_bucket{le=\"0.005\"}",
        "swipefix_turn_seconds_count",
        "swipefix_handoffs_total",
        "swipefix_open_cases ",
        "swipefix_outbox_queue_depth",
        "swipefix_errors_total",
    ] {
        assert!(m.contains(series), "{series} in\n{m}");
    }
    assert!(m.contains("# TYPE swipefix_turn_seconds histogram"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_analytics_page_and_stats_json_agree() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        // Seeded over three weeks before the tests' fixed time, so some cases went quiet long enough.
        let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(&data).unwrap());
        let clock = Arc::new(ManualClock::new(t0() - chrono::Duration::days(21)));
        let app = App::new(super::common::catalog(), store, clock.clone());
        seed(&app, &clock);
        app.flush().unwrap();
    }
    let out = swipefix(&["stats", "--json", "--data", data.to_str().unwrap()], dir.path(), "");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(&data).unwrap());
    let d = desk_on(store).await;
    let cookie = d.sign_in(STAFF).await;
    let page = d.get("/analytics", &cookie).await.body;
    let rows = Regex::new(
        r#"data-node="([a-z_0-9]+)" data-reached="(\d+)" data-went-on="(\d+)" data-ended="(\d+)" data-stopped="(\d+)""#,
    )
    .unwrap();
    let on_page: Vec<[String; 5]> =
        rows.captures_iter(&page).map(|c| [1, 2, 3, 4, 5].map(|i| c[i].to_string())).collect();
    let in_json: Vec<[String; 5]> = cli["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["reached"].as_u64() > Some(0))
        .map(|n| {
            [
                n["node"].as_str().unwrap().to_string(),
                n["reached"].to_string(),
                n["went_on"].to_string(),
                n["ended"].to_string(),
                n["stopped"].to_string(),
            ]
        })
        .collect();
    assert!(in_json.len() >= 5, "a seeded journey reaches several nodes: {in_json:?}");
    assert_eq!(on_page, in_json);
    assert!(in_json.iter().any(|n| n[4] != "0"), "someone stopped: {in_json:?}");
    let cells = Regex::new(r#"data-problem="([a-z_]+)" data-jurisdiction="([a-z]+)">(.*?)</tr>"#).unwrap();
    let cell = Regex::new(r#"data-outcome="([a-z]+)">(\d+)<"#).unwrap();
    for c in cells.captures_iter(&page) {
        let row = cli["outcomes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["problem"] == c[1] && r["jurisdiction"] == c[2])
            .expect("the row is in the JSON");
        for o in cell.captures_iter(&c[3]) {
            assert_eq!(row["counts"][&o[1]].as_u64().unwrap_or(0).to_string(), &o[2], "{} {} {}", &c[1], &c[2], &o[1]);
        }
    }
    assert_eq!(cells.captures_iter(&page).count(), cli["outcomes"].as_array().unwrap().len());
    let figure = |name: &str| {
        Regex::new(&format!(r#"data-figure="{name}"><span class="meta">[^<]*</span><b>([^<]*)</b>"#))
            .unwrap()
            .captures(&page)
            .unwrap()[1]
            .to_string()
    };
    assert_eq!(figure("cases"), cli["cases"].to_string());
    assert_eq!(figure("handoff-rate"), format!("{:.0} %", cli["handoffs"]["rate"].as_f64().unwrap() * 100.0));
    assert_eq!(figure("first-answer"), format!("{:.0} min", cli["first_answer_minutes"].as_f64().unwrap()));
    assert_eq!(figure("close"), format!("{:.0} min", cli["close_minutes"].as_f64().unwrap()));
}

/// Six people over three weeks: hand-offs answered and closed by staff, a case ended by the tree, one given
/// up half-way, one in another jurisdiction.
fn seed(app: &App, clock: &ManualClock) {
    for (n, user) in ["tg:1", "tg:2", "tg:3"].iter().enumerate() {
        let id = handed_off(app, user);
        clock.advance(chrono::Duration::minutes(10 * (n as i64 + 1)));
        app.staff("tg:9001", "en-US", &format!("/reply {id} hello")).unwrap().unwrap();
        clock.advance(chrono::Duration::hours(2));
        let outcome = ["refunded", "rejected", "police"][n];
        app.staff("tg:9001", "en-US", &format!("/close {id} {outcome}")).unwrap().unwrap();
    }
    walk(app, "tg:4", None, &["/start", "cn", "cardholder", "no"]);
    walk(app, "tg:5", None, &["/start", "hk", "cardholder", "no", "double"]);
    clock.advance(chrono::Duration::days(18));
    walk(app, "tg:6", None, &["/start", "cn", "cardholder"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_audit_log_goes_with_the_persons_case_when_they_are_erased() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let id = handed_off(&d.app, PERSON);
    let kept = handed_off(&d.app, "tg:556");
    let cookie = d.sign_in(STAFF).await;
    d.get(&format!("/cases/{id}"), &cookie).await;
    d.get(&format!("/cases/{kept}"), &cookie).await;
    assert!(d.get("/audit", &cookie).await.body.contains(&id));
    walk(&d.app, PERSON, None, &["/forget", "/forget yes"]);
    let audit = d.get("/audit", &cookie).await.body;
    assert!(!audit.contains(&id) && audit.contains(&kept), "only the other person's case is left");
    assert!(!d.get("/audit.csv", &cookie).await.body.contains(&id));
    assert_eq!(d.get(&format!("/cases/{id}"), &cookie).await.status, StatusCode::NOT_FOUND);
}

#[test]
fn the_console_never_marks_a_value_as_already_escaped() {
    let dir = root().join("src/channel/console");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let src = std::fs::read_to_string(&path).unwrap();
            assert!(!src.contains("PreEscaped"), "{}: every value goes through maud's escaping", path.display());
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stop_ends_open_live_updates_and_lets_go_of_the_app() {
    let (app, _) = app_with(Arc::new(MemoryStore::new()));
    let app = Arc::new(app);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    app.enable_console(url::Url::parse(&base).unwrap());
    let c = Console::new(app.clone(), Arc::new(Roster::new(|| Ok(vec![STAFF]))), Arc::new(Recorder::default()), false);
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(console::serve(listener, c, async move {
        let _ = stopped.await;
    }));
    let link = app.console_link("tg:9001", "en-US").unwrap();
    let token = url::Url::parse(&link).unwrap().query_pairs().next().unwrap().1.into_owned();
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let signed = http.post(format!("{base}/signin")).form(&[("token", &token)]).send().await.unwrap();
    let cookie = signed.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let events = http.get(format!("{base}/events")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let _ = stop.send(());
    let done = tokio::time::timeout(std::time::Duration::from_secs(20), server).await;
    assert!(done.is_ok(), "the console stopped with a live-update stream open");
    drop(events);
    assert_eq!(Arc::strong_count(&app), 1, "nothing of the console holds the app (and its store) any more");
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_or_odd_requests_change_nothing_and_break_nothing() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let id = handed_off(&d.app, PERSON);
    let cookie = d.sign_in(STAFF).await;
    let token = csrf(&d.get("/", &cookie).await.body);
    let before = d.app.case(&id).unwrap().unwrap();
    // A form posted from another site, even with a good token (a stolen page): refused before any handler.
    let cross = d
        .http
        .post(format!("{}/cases/{id}/take", d.base))
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    // Handing a case to someone not on the staff list is said, not done.
    let p = d.post(&format!("/cases/{id}/assign"), &cookie, &[("csrf", &token), ("to", "12345")]).await;
    assert_eq!(p.location, Some(format!("/cases/{id}?error=notstaff")));
    // A case id with a space (which would end the id on a command line) is no case.
    let p = d.post(&format!("/cases/{id}%20X/note"), &cookie, &[("csrf", &token), ("text", "x")]).await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    assert_eq!(d.app.case(&id).unwrap().unwrap().version, before.version, "nothing changed");
    // Out-of-range filters are no filters, not a crash.
    for q in ["older=99999999999999999", "older=-5", "older=abc", "status=%00", "q=%F0%9F%92%B3"] {
        assert_eq!(d.get(&format!("/?{q}"), &cookie).await.status, StatusCode::OK, "{q}");
    }
    // Looking is audited even with a made-up `done` or `error` in the address, and never counts as activity
    // (retention and "abandoned" go by `updated`).
    d.clock.advance(chrono::Duration::hours(3));
    let seen = d.get(&format!("/cases/{id}?error=x"), &cookie).await;
    assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
    d.get(&format!("/cases/{id}?done=take"), &cookie).await;
    let after = d.app.case(&id).unwrap().unwrap();
    assert_eq!(after.audit.iter().filter(|a| a.action == "view").count(), 2);
    assert_eq!(after.updated, before.updated, "a look is not activity on the case");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_action_from_a_page_that_is_out_of_date_is_refused() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let id = handed_off(&d.app, PERSON);
    let (ann, bob) = (d.sign_in(STAFF).await, d.sign_in(9002).await);
    let seen =
        |body: &str| Regex::new(r#"name="seen" value="([^"]*)""#).unwrap().captures(body).unwrap()[1].to_string();
    let page_ann = d.get(&format!("/cases/{id}"), &ann).await.body;
    let page_bob = d.get(&format!("/cases/{id}"), &bob).await.body;
    // Bob takes it first; Ann's Take, from her older page, is refused — the person is told once.
    let bob_take = [("csrf", csrf(&page_bob)), ("seen", seen(&page_bob))];
    let p = d.post(&format!("/cases/{id}/take"), &bob, &bob_take.each_ref().map(|(k, v)| (*k, v.as_str()))).await;
    assert_eq!(p.location, Some(format!("/cases/{id}?done=take")));
    let ann_take = [("csrf", csrf(&page_ann)), ("seen", seen(&page_ann))];
    let p = d.post(&format!("/cases/{id}/take"), &ann, &ann_take.each_ref().map(|(k, v)| (*k, v.as_str()))).await;
    assert_eq!(p.location, Some(format!("/cases/{id}?error=stale")));
    assert_eq!(d.app.case(&id).unwrap().unwrap().assignee.as_deref(), Some("tg:9002"));
    assert_eq!(d.courier.sent.lock().unwrap().len(), 1, "told once that staff have the case");
    // A note is fine from any page; the refreshed page offers Ann "take over".
    let note = [("csrf", csrf(&page_ann)), ("seen", seen(&page_ann)), ("text", "Bob has it".to_string())];
    let p = d.post(&format!("/cases/{id}/note"), &ann, &note.each_ref().map(|(k, v)| (*k, v.as_str()))).await;
    assert_eq!(p.location, Some(format!("/cases/{id}?done=note")));
    assert!(d.get(&format!("/cases/{id}"), &ann).await.body.contains("Take over from them"));
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_ends_the_session_even_for_a_copy_of_its_cookie() {
    let d = desk_on(Arc::new(MemoryStore::new())).await;
    let cookie = d.sign_in(STAFF).await;
    let other = d.sign_in(STAFF).await;
    let token = csrf(&d.get("/", &cookie).await.body);
    let out = d.post("/signout", &cookie, &[("csrf", &token)]).await;
    assert_eq!(out.status, StatusCode::OK);
    assert!(out.cookie.is_some_and(|c| c.ends_with('=')), "the browser's cookie is removed");
    assert_eq!(d.get("/", &cookie).await.status, StatusCode::UNAUTHORIZED, "a copy of it is dead too");
    assert_eq!(d.get("/", &other).await.status, StatusCode::OK, "another session of the same person goes on");
}
