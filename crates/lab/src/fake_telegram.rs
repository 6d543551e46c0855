//! A fake Telegram Bot API on 127.0.0.1, for the end-to-end tests, the load tool and the crash test: it queues
//! updates for `getUpdates`, answers the methods the bot calls with well-formed results, and records every
//! call. It speaks plain JSON over axum and knows nothing of teloxide, so it tests the real client code.
//!
//! Like Telegram, it keeps an update until a `getUpdates` call confirms it with a higher `offset`: a bot that
//! dies after fetching an update and before confirming it gets it again from the next process. Or it delivers
//! by webhook to several processes in turn (`deliver_by_webhook`), each update until one confirms it.
//!
//! With `limit_sending`, it also keeps Telegram's sending limits on every message-like call (sends and edits;
//! the rules are in `send_limits`) and answers a call over them with 429 and `retry_after`, as Telegram does;
//! off by default. Accepted and refused message-like calls are counted per method either way, and each
//! chat's accepted calls are kept in order (`accepted_to`), so a test can check what a person saw, edits
//! included.
//!
//! Owns: the HTTP face of the fake, its queue of updates, its record of calls.
//! Must not touch: any address but 127.0.0.1; the limit rules themselves (`send_limits`).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Notify;

pub use crate::send_limits::{MESSAGE_LIKE, SendLimits};
use crate::send_limits::{Sending, Verdict, message_like};

/// The fake bot's own identity, as `getMe` reports it.
pub const BOT_ID: i64 = 777_000;
pub const BOT_USERNAME: &str = "swipefix_test_bot";
/// How long a `getUpdates` call waits for an update at most (the fake's, not the client's, timeout): short,
/// so a stopping bot is not held up.
const LONG_POLL: Duration = Duration::from_millis(250);

/// One API call the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub body: Value,
    pub at: Instant,
    /// The message id the fake gave a sent message, if any.
    pub message_id: Option<i64>,
}

impl Call {
    pub fn chat_id(&self) -> Option<i64> {
        self.body.get("chat_id").and_then(Value::as_i64)
    }
    pub fn text(&self) -> &str {
        self.body.get("text").and_then(Value::as_str).unwrap_or("")
    }
    /// `(label, callback_data)` of every inline button.
    pub fn buttons(&self) -> Vec<(String, String)> {
        let rows =
            self.body.pointer("/reply_markup/inline_keyboard").and_then(Value::as_array).cloned().unwrap_or_default();
        rows.iter()
            .flat_map(|r| r.as_array().cloned().unwrap_or_default())
            .map(|b| {
                (
                    b.get("text").and_then(Value::as_str).unwrap_or("").to_string(),
                    b.get("callback_data").and_then(Value::as_str).unwrap_or("").to_string(),
                )
            })
            .collect()
    }
}

/// One message-like call the fake accepted: what a person's chat shows, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// As `MESSAGE_LIKE` spells it.
    pub method: &'static str,
    /// The text or caption; empty for a keyboard edit or a file without a caption.
    pub text: String,
    pub at: Instant,
}

impl Accepted {
    fn of(method: &'static str, body: &Value, at: Instant) -> Accepted {
        let text = body.get("text").or_else(|| body.get("caption")).and_then(Value::as_str).unwrap_or("");
        Accepted { method, text: text.to_string(), at }
    }
}

/// Telegram's answer to a message over its limits.
fn too_many(retry_after: u64) -> axum::response::Response {
    let body = json!({ "ok": false, "error_code": 429,
        "description": format!("Too Many Requests: retry after {retry_after}"),
        "parameters": { "retry_after": retry_after } });
    (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response()
}

#[derive(Default)]
struct Inner {
    /// Telegram's sending limits, if kept.
    sending: Sending,
    /// Updates not yet confirmed, oldest first, each with whether it was handed out already.
    queue: VecDeque<(Value, bool)>,
    calls: Vec<Call>,
    /// Calls per method, counted even when calls are not kept.
    counts: HashMap<String, u64>,
    /// Messages sent to each chat, in order, with a wake-up for whoever waits on that chat.
    per_chat: HashMap<i64, ChatLog>,
    /// Delivery by webhook: which target confirmed each update (`webhooks`).
    confirmed: HashMap<u64, usize>,
    /// Files the bot can fetch (`getFile`, then `/file/bot<token>/<path>`), by file id.
    files: HashMap<String, Vec<u8>>,
}

/// The messages sent to one chat and its accepted message-like calls. The first `dropped` messages and
/// `accepted_dropped` calls were forgotten (`forget_sent`); indexes stay absolute.
struct ChatLog {
    dropped: usize,
    messages: Vec<Call>,
    accepted_dropped: usize,
    accepted: Vec<Accepted>,
    /// Woken by every accepted message-like call to the chat.
    notify: Arc<Notify>,
}

impl ChatLog {
    fn new() -> ChatLog {
        ChatLog {
            dropped: 0,
            messages: Vec::new(),
            accepted_dropped: 0,
            accepted: Vec::new(),
            notify: Arc::new(Notify::new()),
        }
    }
    fn accepted_len(&self) -> usize {
        self.accepted_dropped + self.accepted.len()
    }
    fn accepted_at(&self, index: usize) -> Option<&Accepted> {
        index.checked_sub(self.accepted_dropped).and_then(|i| self.accepted.get(i))
    }
    fn len(&self) -> usize {
        self.dropped + self.messages.len()
    }
    fn get(&self, index: usize) -> Option<&Call> {
        index.checked_sub(self.dropped).and_then(|i| self.messages.get(i))
    }
}

/// What `wait_in_chat` found in a chat's log.
enum Found<T> {
    Here(T),
    /// It was there, but was forgotten.
    Gone,
    NotYet,
}

struct Shared {
    inner: Mutex<Inner>,
    updates_ready: Notify,
    call_made: Notify,
    next_message: AtomicI64,
    next_update: AtomicU64,
    /// Header value Telegram would send to a webhook.
    started: Instant,
    /// Keep every call (tests read them); a long crash run turns this off and keeps only counts.
    keep_calls: std::sync::atomic::AtomicBool,
    /// answerCallbackQuery fails like Telegram does for a query older than its answer window.
    fail_answers: std::sync::atomic::AtomicBool,
}

/// A running fake Bot API. Dropping it does not stop the server; the tokio runtime's end does.
#[derive(Clone)]
pub struct FakeTelegram {
    addr: SocketAddr,
    shared: Arc<Shared>,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn ok(result: Value) -> axum::response::Response {
    (StatusCode::OK, axum::Json(json!({ "ok": true, "result": result }))).into_response()
}

fn bot_user() -> Value {
    json!({ "id": BOT_ID, "is_bot": true, "first_name": "swipefix", "username": BOT_USERNAME })
}

fn chat(id: i64) -> Value {
    json!({ "id": id, "type": "private", "first_name": "Tester" })
}

/// The request's parameters as JSON: a JSON body as it is, a multipart form's text fields as an object
/// (teloxide sends `setWebhook` and file uploads as multipart; a file part is recorded with its name, size and
/// bytes).
async fn params(req: Request) -> Value {
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    if multipart {
        let Ok(mut form) = Multipart::from_request(req, &()).await else { return Value::Null };
        let mut out = serde_json::Map::new();
        while let Ok(Some(field)) = form.next_field().await {
            let name = field.name().unwrap_or_default().to_string();
            let file = field.file_name().map(str::to_string);
            let Ok(bytes) = field.bytes().await else { break };
            let value = match file {
                Some(f) => json!({ "file_name": f, "size": bytes.len(), "data": bytes.to_vec() }),
                None => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    serde_json::from_str(&text).unwrap_or(Value::String(text))
                }
            };
            out.insert(name, value);
        }
        return Value::Object(out);
    }
    match Bytes::from_request(req, &()).await {
        Ok(b) => serde_json::from_slice(&b).unwrap_or(Value::Null),
        Err(_) => Value::Null,
    }
}

/// `getUpdates`: confirms what the offset passes, then hands out the queued updates, waiting up to
/// `LONG_POLL` for one.
async fn get_updates(s: &Shared, body: &Value) -> axum::response::Response {
    let limit = body.get("limit").and_then(Value::as_u64).unwrap_or(100).clamp(1, 100) as usize;
    // `offset` confirms every update below it that was handed out (a negative one confirms nothing here).
    let offset = body.get("offset").and_then(Value::as_i64).filter(|o| *o > 0).map(|o| o as u64);
    let deadline = tokio::time::Instant::now() + LONG_POLL;
    loop {
        let notified = s.updates_ready.notified();
        {
            let mut inner = s.lock();
            if let Some(o) = offset {
                inner.queue.retain(|(u, served)| !(*served && update_id(u) < o));
            }
            if !inner.queue.is_empty() {
                let mut batch = Vec::new();
                for (u, handed) in inner.queue.iter_mut().take(limit) {
                    *handed = true;
                    batch.push(u.clone());
                }
                return ok(Value::Array(batch));
            }
        }
        if tokio::time::timeout_at(deadline, notified).await.is_err() {
            return ok(json!([]));
        }
    }
}

/// A file download (`/file/bot<token>/photos/<file id>.png`): the bytes `put_file` gave, or 404.
async fn download(
    State(s): State<Arc<Shared>>,
    Path((_bot, path)): Path<(String, String)>,
) -> axum::response::Response {
    let id = path.rsplit('/').next().unwrap_or_default().trim_end_matches(".png").to_string();
    match s.lock().files.get(&id).cloned() {
        Some(bytes) => bytes.into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn handle(
    State(s): State<Arc<Shared>>,
    Path((_bot, method)): Path<(String, String)>,
    req: Request,
) -> axum::response::Response {
    let body = params(req).await;
    let method_lc = method.to_ascii_lowercase();
    if method_lc == "getupdates" {
        return get_updates(&s, &body).await;
    }
    if method_lc == "answercallbackquery" && s.fail_answers.load(Ordering::SeqCst) {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "ok": false, "error_code": 400,
            "description": "Bad Request: query is too old and response timeout expired or query ID is invalid" })),
        )
            .into_response();
    }
    let now = Instant::now();
    let verdict = s.lock().sending.check(&method, body.get("chat_id").and_then(Value::as_i64), now);
    if let Verdict::Refused(refusal) = verdict {
        return too_many(refusal.retry_after_secs());
    }
    let (result, message_id) = result_of(&s, &method_lc, &body);
    record(&s, Call { method, body, at: now, message_id }, method_lc, verdict);
    ok(result)
}

/// What the fake answers to a call it accepted, and the message id it gave a sent message.
fn result_of(s: &Shared, method_lc: &str, body: &Value) -> (Value, Option<i64>) {
    let now_unix = 1_780_000_000 + s.started.elapsed().as_secs() as i64;
    match method_lc {
        "getme" => (
            json!({
                "id": BOT_ID, "is_bot": true, "first_name": "swipefix", "username": BOT_USERNAME,
                "can_join_groups": true, "can_read_all_group_messages": false, "supports_inline_queries": false,
                "can_connect_to_business": false, "has_main_web_app": false
            }),
            None,
        ),
        "sendmessage" | "sendphoto" | "senddocument" => {
            let id = s.next_message.fetch_add(1, Ordering::SeqCst);
            let chat_id = body.get("chat_id").and_then(Value::as_i64).unwrap_or(0);
            let mut m = json!({ "message_id": id, "date": now_unix, "chat": chat(chat_id), "from": bot_user() });
            if let Some(t) = body.get("text") {
                m["text"] = t.clone();
            }
            if let Some(k) = body.get("reply_markup") {
                m["reply_markup"] = k.clone();
            }
            (m, Some(id))
        }
        "editmessagetext" => {
            let chat_id = body.get("chat_id").and_then(Value::as_i64).unwrap_or(0);
            let id = body.get("message_id").and_then(Value::as_i64).unwrap_or(0);
            let mut m = json!({ "message_id": id, "date": now_unix, "chat": chat(chat_id), "from": bot_user(),
                "edit_date": now_unix });
            m["text"] = body.get("text").cloned().unwrap_or(json!(""));
            (m, None)
        }
        "getmycommands" => (json!([]), None),
        "getfile" => {
            let id = body.get("file_id").and_then(Value::as_str).unwrap_or_default().to_string();
            let size = s.lock().files.get(&id).map_or(0, Vec::len);
            let file = json!({ "file_id": id, "file_unique_id": format!("u-{id}"), "file_size": size,
                "file_path": format!("photos/{id}.png") });
            (file, None)
        }
        "getwebhookinfo" => (json!({ "url": "", "has_custom_certificate": false, "pending_update_count": 0 }), None),
        // setMyCommands, answerCallbackQuery, deleteMessage, setWebhook, deleteWebhook,
        // editMessageReplyMarkup, sendChatAction...: all simply succeed.
        _ => (json!(true), None),
    }
}

/// Notes a call the fake answered: its count, the chat's messages and accepted calls (waking whoever waits
/// on that chat), and the call itself while calls are kept.
fn record(s: &Shared, call: Call, method_lc: String, verdict: Verdict) {
    let accepted = match verdict {
        Verdict::Accepted => message_like(&call.method).map(|m| Accepted::of(m, &call.body, call.at)),
        _ => None,
    };
    {
        let mut inner = s.lock();
        *inner.counts.entry(method_lc).or_default() += 1;
        if let Some(chat) = call.chat_id()
            && (call.message_id.is_some() || accepted.is_some())
        {
            let log = inner.per_chat.entry(chat).or_insert_with(ChatLog::new);
            if call.message_id.is_some() {
                log.messages.push(call.clone());
            }
            log.accepted.extend(accepted);
            log.notify.notify_waiters();
        }
        if s.keep_calls.load(Ordering::Relaxed) {
            inner.calls.push(call);
        }
    }
    s.call_made.notify_waiters();
}

fn update_id(u: &Value) -> u64 {
    u.get("update_id").and_then(Value::as_u64).unwrap_or(0)
}

impl FakeTelegram {
    /// Starts the fake on an ephemeral loopback port.
    pub async fn start() -> std::io::Result<FakeTelegram> {
        let shared = Arc::new(Shared {
            inner: Mutex::new(Inner::default()),
            updates_ready: Notify::new(),
            call_made: Notify::new(),
            next_message: AtomicI64::new(1000),
            next_update: AtomicU64::new(1),
            started: Instant::now(),
            keep_calls: std::sync::atomic::AtomicBool::new(true),
            fail_answers: std::sync::atomic::AtomicBool::new(false),
        });
        let app = Router::new()
            .route("/{bot}/{method}", axum::routing::post(handle).get(handle))
            .route("/file/{bot}/{*path}", axum::routing::get(download))
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(FakeTelegram { addr, shared })
    }

    /// Makes `bytes` the file with id `file_id`, for the bot's `getFile` and download.
    pub fn put_file(&self, file_id: &str, bytes: Vec<u8>) {
        self.shared.lock().files.insert(file_id.to_string(), bytes);
    }

    /// The base URL for `TELOXIDE_API_URL` / `Bot::set_api_url`.
    pub fn api_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn next_update_id(&self) -> u64 {
        self.shared.next_update.fetch_add(1, Ordering::SeqCst)
    }

    fn user(id: i64, lang: Option<&str>) -> Value {
        let mut u = json!({ "id": id, "is_bot": false, "first_name": "Tester" });
        if let Some(l) = lang {
            u["language_code"] = json!(l);
        }
        u
    }

    /// Queues an update as Telegram would deliver it and returns it. Like Telegram, the fake numbers an
    /// update when it is queued, so ids always grow along the queue (the id `message` gave is replaced).
    pub fn push(&self, mut update: Value) -> Value {
        let mut inner = self.shared.lock();
        update["update_id"] = self.next_update_id().into();
        inner.queue.push_back((update.clone(), false));
        drop(inner);
        self.shared.updates_ready.notify_waiters();
        update
    }

    /// Queues an update again, id unchanged: Telegram delivering it a second time.
    pub fn redeliver(&self, update: Value) -> Value {
        let id = update_id(&update);
        let mut inner = self.shared.lock();
        let at = inner.queue.iter().rposition(|(u, _)| update_id(u) <= id).map_or(0, |i| i + 1);
        inner.queue.insert(at, (update.clone(), false));
        drop(inner);
        self.shared.updates_ready.notify_waiters();
        update
    }

    /// A new message update with the given content fields (`text`, `photo`, `document`, `sticker`...).
    pub fn message(&self, user: i64, lang: Option<&str>, content: Value) -> Value {
        let mid = self.shared.next_message.fetch_add(1, Ordering::SeqCst);
        let mut msg =
            json!({ "message_id": mid, "date": 1_780_000_000, "chat": chat(user), "from": Self::user(user, lang) });
        if let Value::Object(fields) = content {
            for (k, v) in fields {
                msg[k] = v;
            }
        }
        json!({ "update_id": self.next_update_id(), "message": msg })
    }

    /// A text in a group chat (the staff chat) from `user`.
    pub fn push_group_text(&self, group: i64, user: i64, text: &str) -> Value {
        let mid = self.shared.next_message.fetch_add(1, Ordering::SeqCst);
        let msg = json!({
            "message_id": mid, "date": 1_780_000_000,
            "chat": { "id": group, "type": "supergroup", "title": "Support" },
            "from": Self::user(user, None), "text": text
        });
        self.push(json!({ "update_id": self.next_update_id(), "message": msg }))
    }

    pub fn push_text(&self, user: i64, lang: Option<&str>, text: &str) -> Value {
        let u = self.message(user, lang, json!({ "text": text }));
        self.push(u)
    }

    /// A press on an inline button of `message` (a recorded `sendMessage` call of the bot).
    pub fn push_press(&self, user: i64, message: &Call, data: &str) -> Value {
        let mut msg = json!({
            "message_id": message.message_id.unwrap_or(0), "date": 1_780_000_000, "chat": chat(user), "from": bot_user(),
            "text": message.text(),
        });
        if let Some(k) = message.body.get("reply_markup") {
            msg["reply_markup"] = k.clone();
        }
        let u = json!({
            "update_id": self.next_update_id(),
            "callback_query": { "id": format!("cq{}", self.shared.next_message.fetch_add(1, Ordering::SeqCst)),
                "from": Self::user(user, None), "chat_instance": "ci", "data": data, "message": msg }
        });
        self.push(u)
    }

    /// Keep Telegram's sending limits (429 with `retry_after` over them), or not (`None`, the default).
    pub fn limit_sending(&self, limits: Option<SendLimits>) {
        self.shared.lock().sending.set_limits(limits);
    }

    /// How many message-like calls to `chat` were refused with 429.
    pub fn refused(&self, chat: i64) -> u64 {
        self.shared.lock().sending.refused_in(chat)
    }

    /// How many calls of `method` (any case) were refused with 429; 0 for a method that is not message-like.
    pub fn refused_calls(&self, method: &str) -> u64 {
        self.shared.lock().sending.refused(method)
    }

    /// How many calls of `method` (any case) were accepted; 0 for a method that is not message-like.
    pub fn accepted_calls(&self, method: &str) -> u64 {
        self.shared.lock().sending.accepted(method)
    }

    /// Accepted message-like calls per method (as `MESSAGE_LIKE` spells them), methods with none left out.
    pub fn accepted_by_method(&self) -> BTreeMap<&'static str, u64> {
        self.shared.lock().sending.accepted_by_method()
    }

    /// Message-like calls refused with 429 per method, methods with none left out.
    pub fn refused_by_method(&self) -> BTreeMap<&'static str, u64> {
        self.shared.lock().sending.refused_by_method()
    }

    /// The message-like calls to `chat` the fake accepted, in the order it accepted them (those not
    /// forgotten): sends, edits and files, as the person's chat would show them.
    pub fn accepted_to(&self, chat: i64) -> Vec<Accepted> {
        self.shared.lock().per_chat.get(&chat).map(|l| l.accepted.clone()).unwrap_or_default()
    }

    /// The texts (or captions) of the accepted message-like calls to `chat`, in order; calls without one (a
    /// keyboard edit) are left out.
    pub fn accepted_texts(&self, chat: i64) -> Vec<String> {
        self.accepted_to(chat).into_iter().map(|a| a.text).filter(|t| !t.is_empty()).collect()
    }

    /// How many message-like calls to `chat` were accepted, forgotten ones included.
    pub fn accepted_count_to(&self, chat: i64) -> usize {
        self.shared.lock().per_chat.get(&chat).map_or(0, ChatLog::accepted_len)
    }

    /// A press on an inline button of a message the bot sent to a group: Telegram sends these as well.
    pub fn push_group_press(&self, group: i64, user: i64, data: &str) -> Value {
        let mid = self.shared.next_message.fetch_add(1, Ordering::SeqCst);
        let msg = json!({
            "message_id": mid, "date": 1_780_000_000, "from": bot_user(), "text": "a question",
            "chat": { "id": group, "type": "supergroup", "title": "Somewhere" },
        });
        let u = json!({
            "update_id": self.next_update_id(),
            "callback_query": { "id": format!("cq{mid}"), "from": Self::user(user, None), "chat_instance": "ci",
                "data": data, "message": msg }
        });
        self.push(u)
    }

    /// make answerCallbackQuery fail (a query too old to answer).
    pub fn fail_callback_answers(&self, on: bool) {
        self.shared.fail_answers.store(on, Ordering::SeqCst);
    }

    pub fn calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    pub fn call_count(&self) -> usize {
        self.shared.lock().calls.len()
    }

    /// Messages sent to `chat` so far (those not forgotten).
    pub fn sent_to(&self, chat: i64) -> Vec<Call> {
        self.shared.lock().per_chat.get(&chat).map(|l| l.messages.clone()).unwrap_or_default()
    }

    /// The messages sent to `chat` from the `index`-th on (0-based, forgotten ones included in the count).
    pub fn sent_since(&self, chat: i64, index: usize) -> Vec<Call> {
        let inner = self.shared.lock();
        let Some(l) = inner.per_chat.get(&chat) else { return vec![] };
        l.messages.iter().skip(index.saturating_sub(l.dropped)).cloned().collect()
    }

    /// How many messages were sent to `chat`, forgotten ones included.
    pub fn sent_count(&self, chat: i64) -> usize {
        self.shared.lock().per_chat.get(&chat).map_or(0, ChatLog::len)
    }

    /// Forgets the messages sent to `chat` so far and its accepted calls (their counts stay): keeps a long
    /// run's memory flat.
    pub fn forget_sent(&self, chat: i64) {
        if let Some(l) = self.shared.lock().per_chat.get_mut(&chat) {
            l.dropped += l.messages.len();
            l.messages.clear();
            l.accepted_dropped += l.accepted.len();
            l.accepted.clear();
        }
    }

    /// Stop keeping every call (`calls()` stays as it is); counts per method go on.
    pub fn stop_keeping_calls(&self) {
        self.shared.keep_calls.store(false, Ordering::Relaxed);
        self.shared.lock().calls.clear();
    }

    /// How many calls of `method` (any case) were made.
    pub fn count(&self, method: &str) -> u64 {
        self.shared.lock().counts.get(&method.to_ascii_lowercase()).copied().unwrap_or(0)
    }

    /// Updates queued and not yet confirmed.
    pub fn pending_updates(&self) -> usize {
        self.shared.lock().queue.len()
    }

    /// Whether an update is still queued: not yet confirmed by a bot (so it will be handed out again).
    pub fn is_pending(&self, id: u64) -> bool {
        self.shared.lock().queue.iter().any(|(u, _)| update_id(u) == id)
    }

    /// Waits until `method` has been called more than `n` times, up to `limit`.
    pub async fn wait_for_count(&self, method: &str, n: u64, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let notified = self.shared.call_made.notified();
            if self.count(method) > n {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.count(method) > n;
            }
        }
    }

    /// Waits for the `index`-th message (0-based) sent to `chat`, up to `limit`. Waiters of one chat are woken
    /// only by that chat's calls, so thousands of simulated people can wait at once.
    pub async fn message_to(&self, chat: i64, index: usize, limit: Duration) -> Option<Call> {
        self.wait_in_chat(chat, limit, |l| match l.get(index) {
            Some(c) => Found::Here(c.clone()),
            // Forgotten: it was sent, but its content is gone.
            None if index < l.dropped => Found::Gone,
            None => Found::NotYet,
        })
        .await
    }

    /// Waits for the `index`-th accepted message-like call (0-based) to `chat`, up to `limit`: a send, an edit
    /// or a file.
    pub async fn wait_accepted(&self, chat: i64, index: usize, limit: Duration) -> Option<Accepted> {
        self.wait_in_chat(chat, limit, |l| match l.accepted_at(index) {
            Some(a) => Found::Here(a.clone()),
            None if index < l.accepted_dropped => Found::Gone,
            None => Found::NotYet,
        })
        .await
    }

    /// Waits, up to `limit`, until `find` sees what it looks for in `chat`'s log. `find` runs under the
    /// fake's lock.
    async fn wait_in_chat<T>(&self, chat: i64, limit: Duration, find: impl Fn(&ChatLog) -> Found<T>) -> Option<T> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let notify = {
                let mut inner = self.shared.lock();
                let log = inner.per_chat.entry(chat).or_insert_with(ChatLog::new);
                match find(log) {
                    Found::Here(t) => return Some(t),
                    Found::Gone => return None,
                    Found::NotYet => log.notify.clone(),
                }
            };
            let notified = notify.notified();
            tokio::pin!(notified);
            // Registered before looking again, so a call recorded in between still wakes this waiter.
            notified.as_mut().enable();
            if self.shared.lock().per_chat.get(&chat).is_some_and(|l| !matches!(find(l), Found::NotYet)) {
                continue;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }

    /// Waits until `done(calls)` holds, up to `limit`; returns whether it did. The wait ends as soon as a
    /// call arrives that makes it true: no fixed sleeping. `done` runs under the fake's lock: it must not call
    /// the fake.
    pub async fn wait_until(&self, limit: Duration, done: impl Fn(&[Call]) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let notified = self.shared.call_made.notified();
            if done(&self.shared.lock().calls) {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return done(&self.shared.lock().calls);
            }
        }
    }

    /// Waits until the bot is up: it registers its commands right before it starts polling.
    pub async fn wait_for_poll(&self, limit: Duration) -> bool {
        self.wait_for_count("setMyCommands", 0, limit).await
    }
}

#[cfg(test)]
mod tests;
mod webhooks;
