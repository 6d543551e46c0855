//! The written application (书面申请): the person checks and corrects the facts first, then gets the letter
//! as text and as a file, in their language and in the language banks of the jurisdiction work in. Only the
//! last 4 card digits are ever in it.

use super::common::{chat_with_files, memory_app, walk};
use swipefix::channel::terminal::Mode;
use swipefix::session::{App, AttachmentKind, Incoming, Reply};

const USER: &str = "tg:777";

/// A failed payment in China, a full card number typed where the last 4 were asked, not back in time, the
/// bank called: the case is at the review of the facts.
const TO_REVIEW: &[&str] = &[
    "hi",
    "cn",
    "cardholder",
    "no",
    "failed_deducted",
    "1,280.50",
    "2026-11-24 14:30",
    "4111 1111 1111 1111",
    "Corner Shop",
    "failed_no_slip",
    "have_slip",
    "money_not_back",
    "called",
];

/// An international card charged $45.90 instead of $4.59; the shop refuses; the bank called: at the review.
const WRONG_AMOUNT_TO_REVIEW: &[&str] = &[
    "hi",
    "us",
    "us_credit",
    "eastern",
    "cardholder",
    "no",
    "wrong_amount",
    "$45.90",
    "yesterday 18:05",
    "4242",
    "Corner Deli",
    "4.59",
    "have_slip",
    "refused",
    "called",
];

fn send(app: &App, line: &str) -> Reply {
    app.handle(USER, Some("en-US"), Incoming::parse(line, &app.interrupt_ids())).unwrap()
}

fn text(r: &Reply) -> String {
    r.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn node(app: &App) -> String {
    app.current_case(USER).unwrap().unwrap().node
}

#[test]
fn the_facts_are_checked_and_corrected_before_the_letter_is_written() {
    let (app, _) = memory_app();
    walk(&app, USER, Some("en-US"), TO_REVIEW);
    assert_eq!(node(&app), "review");
    let shown = text(&send(&app, "/status"));
    assert!(shown.contains("CN¥1,280.50"), "{shown}");

    // Change the amount: the amount question, then back at the review with the new amount.
    let r = send(&app, "Change the amount");
    assert_eq!(node(&app), "amount");
    assert!(text(&r).contains("How much was taken"), "{}", text(&r));
    let r = send(&app, "1,300");
    assert_eq!(node(&app), "review", "a corrected answer comes back to the review, not on to the next question");
    assert!(text(&r).contains("• Amount: CN¥1,300.00"), "{}", text(&r));

    // A bad answer during a correction is asked again like any other, and the correction still returns.
    send(&app, "Add or change my name");
    let r = send(&app, "   ");
    assert_eq!(node(&app), "holder_name", "{}", text(&r));
    let r = send(&app, "Wang Fang");
    assert!(text(&r).contains("• Your name: Wang Fang"), "{}", text(&r));

    // /back from a correction abandons it: the next answer at that question goes on as usual.
    send(&app, "Change the shop");
    assert_eq!(node(&app), "merchant_name");
    send(&app, "/back");
    assert_eq!(node(&app), "review");
    assert!(app.current_case(USER).unwrap().unwrap().editing.is_none());

    // A card number typed into a correction is never kept: only its last 4, and not as the shop's name.
    send(&app, "Change the shop");
    let r = send(&app, "5500 0000 0000 0004");
    assert!(r.redact && !text(&r).contains("5500 0000"), "{}", text(&r));
    assert_eq!(node(&app), "merchant_name", "still asked for the shop");
    send(&app, "Corner Shop Ltd");
    assert_eq!(node(&app), "review");

    let case = app.current_case(USER).unwrap().unwrap();
    let answer = |n: &str| case.answers[n].plain();
    assert_eq!(answer("amount"), "1300 CNY");
    assert_eq!(answer("holder_name"), "Wang Fang");
    assert_eq!(answer("merchant_name"), "Corner Shop Ltd");
    assert_eq!(answer("card_last4"), "*1111");
}

#[test]
fn the_letter_comes_as_text_and_files_in_en_us_and_zh_cn_with_no_full_card_number() {
    let (app, _) = memory_app();
    walk(&app, USER, Some("en-US"), TO_REVIEW);
    send(&app, "Add or change my name");
    send(&app, "Wang Fang");
    let r = send(&app, "All correct — write it");
    assert!(app.current_case(USER).unwrap().unwrap().step_done("application_written"));

    // The person reads English; banks in mainland China work in Chinese: one file each, after the letter's
    // text and before the next question.
    let files: Vec<_> = r.attachments.iter().map(|a| (a.file_name.as_str(), a.kind, a.caption.as_str())).collect();
    let id = r.case_id.clone().unwrap();
    assert_eq!(
        files,
        [
            (
                format!("{id}-application-en-US.txt").as_str(),
                AttachmentKind::Document,
                format!("Written application, case {id} (English)").as_str()
            ),
            (
                format!("{id}-application-zh-CN.txt").as_str(),
                AttachmentKind::Document,
                format!("Written application, case {id} (Chinese (Simplified))").as_str()
            ),
        ]
    );
    let letter_at = r.messages.iter().position(|m| m.text.starts_with("Written application:")).unwrap();
    assert!(r.attachments.iter().all(|a| a.after > letter_at && a.after < r.messages.len()));
    assert!(text(&r).contains("so I've also made a copy in Chinese (Simplified)"), "{}", text(&r));

    for (a, snap) in r.attachments.iter().zip(["letter_en_us", "letter_zh_cn"]) {
        let letter = String::from_utf8(a.bytes.clone()).unwrap();
        assert!(!letter.contains("4111"), "{letter}");
        assert!(letter.contains("1111"), "the last 4 are there: {letter}");
        assert!(letter.contains("Wang Fang"), "{letter}");
        insta::assert_snapshot!(snap, letter);
    }
    let whole = format!("{}\n{:?}", text(&r), app.current_case(USER).unwrap().unwrap());
    assert!(!whole.contains("4111 1111") && !whole.contains("4111111111111111"));
}

#[test]
fn a_wrong_amount_letter_states_the_difference() {
    let (app, _) = memory_app();
    let user = "tg:778";
    walk(&app, user, Some("en-US"), WRONG_AMOUNT_TO_REVIEW);
    assert_eq!(app.current_case(user).unwrap().unwrap().node, "review_wrong_amount");
    let r = app.handle(user, Some("en-US"), Incoming::parse("correct", &app.interrupt_ids())).unwrap();
    let letter = String::from_utf8(r.attachments[0].bytes.clone()).unwrap();
    assert!(letter.contains("Amount in dispute: $41.31 (the difference between $45.90 and $4.59)"), "{letter}");
    assert!(letter.contains("I request: the refund of $41.31 to this card."), "{letter}");
    assert_eq!(r.attachments.len(), 1, "no bank language is set for international cards");
}

/// The correct amount was in fact higher than what was charged: no dispute, the undercharge summary.
#[test]
fn correcting_the_amounts_so_it_was_an_undercharge_ends_at_the_undercharge_summary() {
    let (app, _) = memory_app();
    let user = "tg:779";
    walk(&app, user, Some("en-US"), WRONG_AMOUNT_TO_REVIEW);
    walk(&app, user, Some("en-US"), &["fix_expected", "459"]);
    let c = app.current_case(user).unwrap().unwrap();
    assert_eq!(c.node, "done_undercharged");
    assert!(c.is_closed());
}

#[test]
fn the_terminal_writes_the_letter_files_and_forget_deletes_them() {
    let (app, _) = memory_app();
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    let run = |lines: &[&str]| chat_with_files(&app, "cli:ann", Some("en-US"), Mode::Text, lines, Some(files.clone()));
    let mut lines = TO_REVIEW[1..].to_vec();
    lines.push("1");
    let out = run(&lines);
    let id = app.current_case("cli:ann").unwrap().unwrap().id;
    let en = files.join(format!("{id}-application-en-US.txt"));
    let zh = files.join(format!("{id}-application-zh-CN.txt"));
    assert!(out.contains(&format!("📄 Saved as {}", en.display())), "{out}");
    let letter = std::fs::read_to_string(&en).unwrap();
    assert!(letter.starts_with("Written application: disputed card payment\n"), "{letter}");
    assert!(std::fs::read_to_string(&zh).unwrap().starts_with("书面申请：刷卡交易争议\n"));

    // JSON lines name the file for a front end.
    let (app2, _) = memory_app();
    let mut lines = TO_REVIEW[1..].to_vec();
    lines.push("1");
    let out = chat_with_files(&app2, "cli:bo", Some("en-US"), Mode::Jsonl, &lines, None);
    let file_lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "file")
        .collect();
    assert_eq!(file_lines.len(), 2);
    assert!(file_lines[0]["name"].as_str().unwrap().ends_with("-application-en-US.txt"));
    assert!(file_lines[0]["path"].is_null(), "no folder: nothing written");

    run(&["/forget yes"]);
    assert!(!en.exists() && !zh.exists(), "the person's letters go with their cases");
}
