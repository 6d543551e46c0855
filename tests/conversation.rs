//! Behaviour of one conversation through the app: privacy, bad input, commands, resuming, interrupts.

use super::common::{app_with, memory_app};
use std::sync::Arc;
use swipefix::engine::{Answer, Case, Status};
use swipefix::session::{App, Incoming, Reply};
use swipefix::store::{CaseStore, MemoryStore, SledStore};

const USER: &str = "test:1";

fn send(app: &App, text: &str) -> Reply {
    app.handle(USER, Some("en-US"), Incoming::parse(text, &app.interrupt_ids())).expect("handled")
}

fn case(app: &App) -> Case {
    app.current_case(USER).unwrap().expect("a case")
}

fn all_text(r: &Reply) -> String {
    r.messages.iter().map(|m| m.text.clone()).collect::<Vec<_>>().join("\n")
}

/// Walks a new cardholder in China with a double charge to the amount question.
fn to_amount(app: &App) {
    for line in ["hi", "cn", "cardholder", "no", "double"] {
        send(app, line);
    }
    assert_eq!(case(app).node, "amount");
}

#[test]
fn the_first_message_opens_a_case_at_the_welcome_question() {
    let (app, _) = memory_app();
    let r = send(&app, "hello");
    let c = case(&app);
    assert_eq!(c.node, "welcome");
    assert!(all_text(&r).contains(&c.id), "the case id is shown: {}", all_text(&r));
    let last = r.messages.last().unwrap();
    assert_eq!(
        last.buttons.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        ["cn", "hk", "mo", "tw", "sg", "uk", "eu", "us", "other"]
    );
    assert_eq!(r.awaiting.as_ref().unwrap().node, "welcome");
}

#[test]
fn buttons_can_be_pressed_by_number_label_or_id() {
    let (app, _) = memory_app();
    send(&app, "hi");
    send(&app, "1");
    assert_eq!(case(&app).jurisdiction, "cn");
    send(&app, "I paid with my card");
    assert_eq!(case(&app).role, Some(swipefix::engine::Role::Cardholder));
    send(&app, "NO");
    send(&app, "wrong_amount");
    assert_eq!(case(&app).answers.get("error_type"), Some(&Answer::Choice("wrong_amount".into())));
}

#[test]
fn free_text_at_a_choice_gets_a_re_ask() {
    let (app, _) = memory_app();
    send(&app, "hi");
    let r = send(&app, "what?");
    assert!(all_text(&r).contains("Please pick one of the options"), "{}", all_text(&r));
    assert_eq!(case(&app).node, "welcome");
    assert_eq!(r.messages.last().unwrap().buttons.len(), 9, "the buttons come again");
}

#[test]
fn amounts_in_many_forms_are_understood_and_nonsense_is_re_asked() {
    for (typed, want) in
        [("1,280.50", "1280.5"), ("¥1280", "1280"), ("1280元", "1280"), ("RMB 1280", "1280"), ("１２８０", "1280")]
    {
        let (app, _) = memory_app();
        to_amount(&app);
        send(&app, typed);
        let c = case(&app);
        match c.answers.get("amount") {
            Some(Answer::Amount { amount, currency }) => {
                assert_eq!(amount.to_string(), want, "{typed}");
                assert_eq!(currency, "CNY");
            }
            other => panic!("{typed}: {other:?}"),
        }
        assert_eq!(c.node, "txn_time", "{typed}");
    }
    let (app, _) = memory_app();
    to_amount(&app);
    let r = send(&app, "a lot");
    assert!(all_text(&r).contains("for example CN¥1,280.50"), "{}", all_text(&r));
    assert_eq!(case(&app).node, "amount");
    assert!(!case(&app).answers.contains_key("amount"));
}

#[test]
fn a_full_card_number_is_never_stored_or_echoed() {
    let store = Arc::new(MemoryStore::new());
    let (app, _) = app_with(store.clone());
    to_amount(&app);
    for typed in ["my card is 4111 1111 1111 1111", "4111-1111-1111-1111", "４１１１１１１１１１１１１１１１"]
    {
        let r = send(&app, typed);
        assert!(r.redact, "the channel is told to delete the message");
        let out = all_text(&r);
        assert!(out.contains("ending 1111"), "{out}");
        assert!(!out.contains("4111"), "{out}");
        assert_eq!(case(&app).node, "amount", "nothing else happened");
    }
    let json = serde_json::to_string(&store.list().unwrap()).unwrap();
    assert!(!json.contains("4111"), "{json}");
}

#[test]
fn at_the_last4_question_a_full_number_keeps_only_the_last_4() {
    let store = Arc::new(MemoryStore::new());
    let (app, _) = app_with(store.clone());
    to_amount(&app);
    send(&app, "1280");
    send(&app, "yesterday 18:05");
    assert_eq!(case(&app).node, "card_last4");
    let r = send(&app, "6011 1111 1111 1117");
    assert!(r.redact);
    assert!(all_text(&r).contains("only the last 4 digits (1117)"), "{}", all_text(&r));
    assert_eq!(case(&app).answers.get("card_last4"), Some(&Answer::Last4("1117".into())));
    assert_eq!(case(&app).node, "merchant_name");
    let json = serde_json::to_string(&store.list().unwrap()).unwrap();
    assert!(!json.contains("601111111111"), "{json}");
}

#[test]
fn an_offered_code_is_not_stored_and_triggers_the_scam_warning() {
    let store = Arc::new(MemoryStore::new());
    let (app, _) = app_with(store.clone());
    to_amount(&app);
    let r = send(&app, "the bank asked for my SMS code 482913, should I give it?");
    assert!(r.redact);
    let out = all_text(&r);
    assert!(!out.contains("482913"), "{out}");
    assert!(out.contains("never share a CVV"), "{out}");
    assert_eq!(case(&app).node, "scam_warning");
    let json = serde_json::to_string(&store.list().unwrap()).unwrap();
    assert!(!json.contains("482913"), "{json}");
    // "Continue" goes back to where the person was.
    send(&app, "resume");
    assert_eq!(case(&app).node, "amount");
}

#[test]
fn after_asking_for_a_person_typed_answers_still_count() {
    let (app, _) = memory_app();
    to_amount(&app);
    send(&app, "/human");
    let r = send(&app, "1280");
    assert!(!all_text(&r).contains("Please pick one of the options"), "{}", all_text(&r));
    let c = case(&app);
    assert_eq!(c.node, "txn_time", "the amount was read at its question");
    assert_eq!(c.answers.get("amount").map(Answer::plain), Some("1280 CNY".into()));
    assert_eq!(c.status, Status::HandedOff, "the person is still waiting for staff");
}

#[test]
fn scam_words_anywhere_interrupt_and_resume() {
    let (app, _) = memory_app();
    to_amount(&app);
    let r = send(&app, "a man on the phone wants me to move money to a safe account");
    assert_eq!(case(&app).node, "scam_warning", "{}", all_text(&r));
    send(&app, "1");
    assert_eq!(case(&app).node, "amount");
    send(&app, "/scam");
    assert_eq!(case(&app).node, "scam_warning");
    send(&app, "/back");
    assert_eq!(case(&app).node, "amount", "back from an interrupt returns to where the person was");
    assert!(case(&app).resume.is_empty());
}

#[test]
fn asking_for_a_person_hands_off_and_continues() {
    let (app, _) = memory_app();
    to_amount(&app);
    let r = send(&app, "/human");
    assert_eq!(r.handoffs, ["asked_for_human"]);
    let c = case(&app);
    assert_eq!(c.node, "talk_to_human");
    assert_eq!(c.status, Status::HandedOff);
    assert_eq!(c.handoffs.len(), 1);
    assert!(all_text(&r).contains(&c.id));
    send(&app, "resume");
    assert_eq!(case(&app).node, "amount");
}

#[test]
fn a_message_over_4096_characters_is_refused_politely() {
    let (app, _) = memory_app();
    to_amount(&app);
    let before = case(&app);
    let r = send(&app, &"9".repeat(5000));
    assert!(all_text(&r).contains("too long"), "{}", all_text(&r));
    let after = case(&app);
    assert_eq!(after.node, before.node);
    assert_eq!(after.answers, before.answers);
}

#[test]
fn back_returns_to_the_previous_question() {
    let (app, _) = memory_app();
    to_amount(&app);
    send(&app, "/back");
    assert_eq!(case(&app).node, "error_type");
    send(&app, "wrong_amount");
    assert_eq!(case(&app).answers.get("error_type"), Some(&Answer::Choice("wrong_amount".into())));
    let (app, _) = memory_app();
    send(&app, "hi");
    let r = send(&app, "/back");
    assert!(all_text(&r).contains("first question"), "{}", all_text(&r));
}

#[test]
fn a_stale_button_gets_a_polite_answer_not_a_wrong_step() {
    let (app, _) = memory_app();
    to_amount(&app);
    let r = app.handle(USER, None, Incoming::button("cardholder")).unwrap();
    assert!(all_text(&r).contains("earlier question"), "{}", all_text(&r));
    assert_eq!(case(&app).node, "amount");
}

#[test]
fn the_same_question_three_times_hands_off_as_stuck() {
    let (app, _) = memory_app();
    to_amount(&app);
    send(&app, "??");
    send(&app, "??");
    let c = case(&app);
    assert!(c.handoffs.iter().any(|h| h.reason == "stuck" && h.node == "amount"), "{:?}", c.handoffs);
    assert_eq!(c.status, Status::HandedOff);
}

#[test]
fn status_shows_the_case_and_asks_the_question_again() {
    let (app, _) = memory_app();
    to_amount(&app);
    send(&app, "88.80");
    let r = send(&app, "/status");
    let out = all_text(&r);
    let c = case(&app);
    assert!(out.contains(&c.id), "{out}");
    assert!(out.contains("CN¥88.80"), "{out}");
    assert_eq!(r.awaiting.unwrap().node, "txn_time");
}

#[test]
fn the_language_can_be_changed_and_unknown_ones_are_explained() {
    let (app, _) = memory_app();
    send(&app, "hi");
    let r = send(&app, "/lang zh-CN");
    assert_eq!(case(&app).locale, "zh-CN");
    assert!(all_text(&r).contains("简体中文"), "{}", all_text(&r));
    let r = send(&app, "/lang xx");
    assert!(all_text(&r).contains("xx") && all_text(&r).contains("zh-TW"), "{}", all_text(&r));
    assert_eq!(case(&app).locale, "zh-CN");
    send(&app, "/lang zh-MO");
    assert_eq!(case(&app).locale, "zh-HK");
    send(&app, "/lang zh-Hant");
    assert_eq!(case(&app).locale, "zh-TW");
}

#[test]
fn forget_asks_first_then_deletes_every_case_of_the_person() {
    let (app, store) = super::common::memory_app_and_store();
    send(&app, "hi");
    send(&app, "/start");
    app.handle("someone:else", None, Incoming::Resume).unwrap();
    let r = send(&app, "/forget");
    assert!(all_text(&r).contains("/forget yes"), "{}", all_text(&r));
    assert_eq!(store.cases_of(USER).unwrap().len(), 2);
    send(&app, "/forget yes");
    assert!(store.cases_of(USER).unwrap().is_empty());
    assert_eq!(store.list().unwrap().len(), 1, "other people's cases stay");
}

#[test]
fn start_opens_a_new_case_and_keeps_the_old_one() {
    let (app, store) = super::common::memory_app_and_store();
    to_amount(&app);
    let first = case(&app).id;
    send(&app, "/start");
    let c = case(&app);
    assert_ne!(c.id, first);
    assert_eq!(c.node, "welcome");
    assert_eq!(store.cases_of(USER).unwrap().len(), 2);
}

#[test]
fn a_cut_off_conversation_resumes_at_the_same_node_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
        let (app, _) = app_with(store);
        to_amount(&app);
        send(&app, "1280");
    }
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let (app, _) = app_with(store);
    let r = app.handle(USER, None, Incoming::Resume).unwrap();
    assert!(all_text(&r).contains("Welcome back"), "{}", all_text(&r));
    assert_eq!(r.awaiting.unwrap().node, "txn_time");
    assert_eq!(case(&app).node, "txn_time");
}

#[test]
fn unknown_commands_are_answered() {
    let (app, _) = memory_app();
    send(&app, "hi");
    let r = send(&app, "/frobnicate");
    assert!(all_text(&r).contains("/help"), "{}", all_text(&r));
    assert_eq!(case(&app).node, "welcome");
}

#[test]
fn a_shop_name_that_contains_a_keyword_is_just_a_name_and_amounts_share_a_currency() {
    let (app, _) = memory_app();
    for line in [
        "hi",
        "us",
        "us_credit",
        "eastern",
        "cardholder",
        "no",
        "wrong_amount",
        "$45.90",
        "yesterday 18:05",
        "1234",
        "Real Person Barbers",
    ] {
        send(&app, line);
    }
    let c = case(&app);
    assert!(c.handoffs.is_empty(), "{:?}", c.handoffs);
    assert_eq!(c.answers.get("merchant_name"), Some(&Answer::Text("Real Person Barbers".into())));
    assert_eq!(c.node, "expected_amount");
    send(&app, "4.59");
    match case(&app).answers.get("expected_amount") {
        Some(Answer::Amount { currency, .. }) => assert_eq!(currency, "USD", "the currency of the first amount"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_hand_off_stays_visible_and_a_finished_case_can_still_ask_for_a_person() {
    let (app, _) = memory_app();
    to_amount(&app);
    send(&app, "/human");
    send(&app, "resume");
    for line in ["1280", "yesterday 18:05", "1234", "Shop", "2"] {
        send(&app, line);
    }
    assert_eq!(case(&app).status, Status::HandedOff, "later flow statuses do not hide the hand-off");

    // A finished case: /human records a hand-off without reopening the journey.
    let (app, _) = memory_app();
    for line in ["hi", "cn", "cardholder", "no", "unrecognised", "none_taken"] {
        send(&app, line);
    }
    let closed = case(&app);
    assert!(closed.is_closed(), "the walk ends: {}", closed.node);
    let before = closed.handoffs.len();
    let r = send(&app, "/human");
    let after = case(&app);
    assert_eq!(after.handoffs.len(), before + 1);
    assert_eq!(after.node, closed.node);
    assert!(all_text(&r).contains("/start"), "{}", all_text(&r));
}

#[test]
fn ordinary_numbers_next_to_sms_or_terminal_code_are_not_secrets() {
    let (app, _) = memory_app();
    to_amount(&app);
    let r = send(&app, "The bank SMS says 1280");
    assert!(!r.redact);
    assert_eq!(case(&app).node, "amount", "re-asked, not sent to the scam warning");
}

#[test]
fn a_button_of_an_earlier_question_changes_nothing_and_says_so() {
    let (app, _) = memory_app();
    send(&app, "hi");
    let before = case(&app);
    let old =
        swipefix::session::Asked { case_id: before.id.clone(), tag: swipefix::session::question_tag("no_such_node") };
    let r = app.handle(USER, None, Incoming::Button { id: "cn".into(), asked: Some(old) }).unwrap();
    assert!(r.stale && all_text(&r).contains("earlier question"), "{}", all_text(&r));
    assert_eq!(case(&app), before, "the case did not change");
    let fresh =
        swipefix::session::Asked { case_id: before.id.clone(), tag: swipefix::session::question_tag(&before.node) };
    let r = app.handle(USER, None, Incoming::Button { id: "cn".into(), asked: Some(fresh) }).unwrap();
    assert!(!r.stale);
    assert_ne!(case(&app).node, before.node, "a button of the current question answers it");
}
