//! The fake over real HTTP on loopback: the 429 it answers, what it counts, the order it keeps. The limits'
//! timing is tested without a clock in `send_limits`; here only a one-a-minute group limit is used, which a
//! test cannot outrun.

use super::*;
use std::io::{Read, Write};

const GROUP: i64 = -100_300;
const ALICE: i64 = 601;

/// One Bot API call with a JSON body, as a client makes it: (HTTP status, JSON answer).
async fn call(fake: &FakeTelegram, method: &str, body: Value) -> (u16, Value) {
    let addr = fake.addr;
    let method = method.to_string();
    tokio::task::spawn_blocking(move || {
        let body = body.to_string();
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "POST /bot123:TEST/{method} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let (head, json) = answer.split_once("\r\n\r\n").expect("an HTTP answer");
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("a status");
        (status, serde_json::from_str(json).expect("a JSON body"))
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_call_over_the_limits_gets_telegrams_429_and_is_counted_per_method_and_chat() {
    let fake = FakeTelegram::start().await.unwrap();
    fake.limit_sending(Some(SendLimits { group_per_minute: 1, ..SendLimits::telegram() }));
    let (status, _) = call(&fake, "sendMessage", json!({ "chat_id": GROUP, "text": "first" })).await;
    assert_eq!(status, 200);
    let (status, body) =
        call(&fake, "editMessageText", json!({ "chat_id": GROUP, "message_id": 1, "text": "second" })).await;
    assert_eq!(status, 429);
    let n = body.pointer("/parameters/retry_after").and_then(Value::as_u64).expect("retry_after");
    assert!((59..=60).contains(&n), "the rest of the minute: {n}");
    assert_eq!(
        body,
        json!({ "ok": false, "error_code": 429, "description": format!("Too Many Requests: retry after {n}"),
            "parameters": { "retry_after": n } })
    );
    assert_eq!(fake.accepted_calls("sendMessage"), 1);
    assert_eq!(fake.refused_calls("editMessageText"), 1);
    assert_eq!(fake.refused(GROUP), 1);
    assert_eq!(fake.count("editMessageText"), 0, "a refused call was not answered");
    assert_eq!(fake.accepted_texts(GROUP), ["first"]);
}

#[tokio::test]
async fn callbacks_and_deletions_pass_a_full_chat_and_are_not_counted() {
    let fake = FakeTelegram::start().await.unwrap();
    fake.limit_sending(Some(SendLimits { group_per_minute: 1, ..SendLimits::telegram() }));
    call(&fake, "sendMessage", json!({ "chat_id": GROUP, "text": "fills the minute" })).await;
    let (status, _) = call(&fake, "answerCallbackQuery", json!({ "callback_query_id": "cq1" })).await;
    assert_eq!(status, 200);
    let (status, _) = call(&fake, "deleteMessage", json!({ "chat_id": GROUP, "message_id": 1000 })).await;
    assert_eq!(status, 200);
    assert_eq!(fake.refused(GROUP), 0);
    assert_eq!(fake.accepted_calls("answerCallbackQuery") + fake.accepted_calls("deleteMessage"), 0);
    assert_eq!(fake.accepted_by_method().into_iter().collect::<Vec<_>>(), [("sendMessage", 1)]);
    assert_eq!(fake.count("answerCallbackQuery"), 1, "still recorded as a call");
}

#[tokio::test]
async fn a_chat_keeps_its_accepted_calls_in_order_edits_and_files_included() {
    let fake = FakeTelegram::start().await.unwrap();
    call(&fake, "sendMessage", json!({ "chat_id": ALICE, "text": "question" })).await;
    call(&fake, "editMessageText", json!({ "chat_id": ALICE, "message_id": 1000, "text": "question, answered" })).await;
    call(&fake, "editMessageReplyMarkup", json!({ "chat_id": ALICE, "message_id": 1000 })).await;
    call(&fake, "sendDocument", json!({ "chat_id": ALICE, "document": "file-1", "caption": "your letter" })).await;
    call(&fake, "answerCallbackQuery", json!({ "callback_query_id": "cq2" })).await;
    let methods: Vec<_> = fake.accepted_to(ALICE).iter().map(|a| a.method).collect();
    assert_eq!(methods, ["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument"]);
    assert_eq!(fake.accepted_texts(ALICE), ["question", "question, answered", "your letter"]);
    assert_eq!(fake.accepted_count_to(ALICE), 4);
    assert_eq!(fake.sent_count(ALICE), 2, "sends only: edits made no new message");
    let third = fake.wait_accepted(ALICE, 2, Duration::ZERO).await.expect("already there");
    assert_eq!(third.method, "editMessageReplyMarkup");
    assert_eq!(fake.wait_accepted(ALICE, 4, Duration::ZERO).await, None, "nothing more came");
    fake.forget_sent(ALICE);
    assert!(fake.accepted_to(ALICE).is_empty());
    assert_eq!(fake.accepted_count_to(ALICE), 4, "the count stays");
    assert_eq!(fake.wait_accepted(ALICE, 0, Duration::ZERO).await, None, "forgotten");
}
