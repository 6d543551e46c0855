//! Hostile and odd input: very long messages, control characters, RTL and emoji, other scripts' digits, CJK
//! numerals, separators everywhere, a card number in parts, Fluent syntax and markup in what people type.
//! Each gets a clear answer, nothing crashes, the case stays sound, and no card data is kept.

use super::common::memory_app;
use swipefix::engine::{Answer, Case};
use swipefix::session::{App, Incoming, Reply};

const USER: &str = "cli:h";

fn send(app: &App, line: &str) -> Reply {
    app.handle(USER, Some("en-US"), Incoming::parse(line, &app.interrupt_ids())).unwrap()
}

fn text(r: &Reply) -> String {
    r.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn case(app: &App) -> Case {
    app.current_case(USER).unwrap().unwrap()
}

/// To the amount question of a mainland China card.
fn to_amount(app: &App) {
    for l in ["hi", "cn", "cardholder", "no", "double"] {
        send(app, l);
    }
    assert_eq!(case(app).node, "amount");
}

/// To the shop's name (a free-text question).
fn to_merchant(app: &App) {
    to_amount(app);
    for l in ["88", "yesterday 18:05", "1234"] {
        send(app, l);
    }
    assert_eq!(case(app).node, "merchant_name");
}

/// Everything stored about the case, as one string to search.
fn stored(app: &App) -> String {
    serde_json::to_string(&case(app)).unwrap()
}

#[test]
fn a_message_over_4096_characters_is_refused_politely_and_changes_nothing() {
    let (app, _) = memory_app();
    to_amount(&app);
    let before = case(&app);
    for long in ["9".repeat(5000), "长".repeat(4097), "🙂".repeat(4097)] {
        let r = send(&app, &long);
        assert!(text(&r).contains("too long for me (over 4096 characters)"), "{}", text(&r));
        let after = case(&app);
        assert_eq!((after.node.as_str(), &after.answers), (before.node.as_str(), &before.answers));
        assert!(after.transcript.iter().all(|l| l.text.chars().count() <= 300), "the transcript keeps a short copy");
    }
    // Exactly the limit is read (and here is no amount).
    let r = send(&app, &"x".repeat(4096));
    assert!(text(&r).contains("couldn't read that amount"), "{}", text(&r));
}

#[test]
fn control_characters_rtl_overrides_and_emoji_in_a_name() {
    let (app, _) = memory_app();
    to_merchant(&app);
    send(&app, "Corner\u{0}Shop\u{7} \u{202E}latot\u{202C} ☕🏪 متجر الزاوية");
    let name = match &case(&app).answers["merchant_name"] {
        Answer::Text(t) => t.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(name, "CornerShop latot ☕🏪 متجر الزاوية");
    assert!(!name.chars().any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)));
    let status = text(&send(&app, "/status"));
    assert!(status.contains("CornerShop latot ☕🏪 متجر الزاوية"), "{status}");
}

#[test]
fn digits_of_other_scripts_and_cjk_numerals_are_read() {
    for (typed, want) in [
        ("١٢٨٠", "1280 CNY"),               // Arabic-Indic
        ("۱۲۸۰ یوان", "1280 CNY"),          // Extended Arabic-Indic, not a currency word: refused below
        ("१२८०", "1280 CNY"),               // Devanagari
        ("１，２８０．５０", "1280.5 CNY"), // full width
        ("一千二百八十元", "1280 CNY"),
        ("壹仟贰佰捌拾元", "1280 CNY"),
        ("¥ 1,280.00", "1280 CNY"),
    ] {
        let (app, _) = memory_app();
        to_amount(&app);
        let r = send(&app, typed);
        match case(&app).answers.get("amount") {
            Some(a) => assert_eq!(a.plain(), want, "{typed}"),
            None => assert!(text(&r).contains("couldn't read that amount"), "{typed}: {}", text(&r)),
        }
    }
}

#[test]
fn numbers_with_many_separators_get_a_clear_answer() {
    for typed in ["1,2,8,0", "12,,80", "1.2.8.0", "1'280'000'000", "--1280", "1280.5.0", "1 2 8 0 . 5", ",,,,"] {
        let (app, _) = memory_app();
        to_amount(&app);
        let r = send(&app, typed);
        let c = case(&app);
        if c.node == "amount" {
            assert!(text(&r).contains("amount") || text(&r).contains("number"), "{typed}: {}", text(&r));
        }
        assert!(r.messages.last().is_some(), "{typed}: an answer");
    }
}

#[test]
fn a_card_number_in_other_scripts_digits_is_caught() {
    let (app, _) = memory_app();
    to_merchant(&app);
    let r = send(&app, "٤١١١ ١١١١ ١١١١ ١١١١");
    assert!(r.redact, "{}", text(&r));
    assert!(text(&r).contains("full card number"), "{}", text(&r));
    assert!(!stored(&app).contains("١١١١ ١١١١"));
    let r = send(&app, "𝟒𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏𝟏");
    assert!(r.redact, "mathematical digits too: {}", text(&r));
}

#[test]
fn a_card_number_split_across_two_messages_is_caught_and_not_kept() {
    // At the last-4 question: the last 4 digits are kept, the rest is masked in the transcript.
    let (app, _) = memory_app();
    to_amount(&app);
    send(&app, "88");
    send(&app, "yesterday 18:05");
    assert_eq!(case(&app).node, "card_last4");
    let first = send(&app, "4111 1111");
    assert!(!first.redact, "half a number alone is not a card number");
    let r = send(&app, "1111 1111");
    assert!(r.redact, "{}", text(&r));
    assert!(text(&r).contains("sent in parts") && text(&r).contains("(1111)"), "{}", text(&r));
    let c = case(&app);
    assert_eq!(c.answers["card_last4"], Answer::Last4("1111".into()));
    assert_eq!(c.node, "merchant_name");
    let all = stored(&app);
    assert!(!all.contains("4111 1111") && !all.contains("1111 1111"), "{all}");
    assert!(c.digit_trail.is_empty());

    // In four parts from the shop's name on: the parts are answers one by one until they add up to a card
    // number; then the message goes, and no part stays readable in the transcript.
    for parts in [["4111", "1111", "1111", "1111"], ["5500", "0000", "0000", "0004"]] {
        let (app, _) = memory_app();
        to_merchant(&app);
        let mut last = None;
        for p in parts {
            last = Some(send(&app, p));
        }
        let r = last.unwrap();
        assert!(r.redact && text(&r).contains("sent in parts"), "{}", text(&r));
        let c = case(&app);
        let heard: Vec<&str> = c.transcript.iter().rev().take(4).map(|l| l.text.as_str()).collect();
        assert_eq!(heard, ["••••", "••••", "••••", "••••"], "{:?}", c.transcript);
    }

    // Numbers that are answers, or not a card number, are not parts.
    let (app, _) = memory_app();
    to_amount(&app);
    let r = send(&app, "12800");
    assert!(!r.redact);
    let r = send(&app, "2026 11 24");
    assert!(!r.redact, "{}", text(&r));
}

#[test]
fn a_mistyped_card_number_is_masked_wherever_it_is_kept() {
    let (app, _) = memory_app();
    to_merchant(&app);
    // 16 digits that fail the Luhn check: not treated as a card, but never stored as typed.
    send(&app, "Shop 4111 1111 1111 1112");
    let all = stored(&app);
    assert!(!all.contains("4111 1111 1111 1112"), "{all}");
    assert!(all.contains("•••• 1112"), "{all}");
}

#[test]
fn fluent_syntax_in_what_people_type_is_shown_as_typed() {
    let (app, _) = memory_app();
    to_merchant(&app);
    let name = "{ $amount } { -brand } {{ }} { NUMBER($x) } *[other] x";
    send(&app, name);
    let status = text(&send(&app, "/status"));
    assert!(status.contains(name), "{status}");
    assert!(status.contains("CN¥88.00"), "{status}");
}

#[test]
fn markup_in_names_is_plain_text_everywhere() {
    let (app, _) = memory_app();
    to_merchant(&app);
    let name = "<b>Shop</b> *bold* _x_ [click](http://evil.example) `code` &amp;";
    send(&app, name);
    let status = text(&send(&app, "/status"));
    assert!(status.contains(name), "{status}");
    let summary = swipefix::report::handoff_summary(app.catalog(), &case(&app), "en-US");
    assert!(summary.contains(name), "{summary}");
}

#[test]
fn a_name_that_is_only_digits_is_asked_again_and_not_kept() {
    let (app, _) = memory_app();
    to_merchant(&app);
    let r = send(&app, "5500 0000");
    assert!(text(&r).contains("only a number"), "{}", text(&r));
    let c = case(&app);
    assert_eq!(c.node, "merchant_name");
    assert!(!c.answers.contains_key("merchant_name"));
    assert_eq!(c.transcript.last().unwrap().text, "•••• ••••", "the transcript keeps no digits of it");
    send(&app, "7-Eleven 1688");
    assert_eq!(case(&app).answers["merchant_name"], Answer::Text("7-Eleven 1688".into()));
}
