//! Follow-ups: scheduled by the flow, queued in the store, fired once (also across a restart and a crash
//! between the case's save and the queue's cleanup), leading back into the flow. The clock is injected.

use super::common::app_with;
use std::sync::Arc;
use swipefix::session::{App, Incoming};
use swipefix::store::{CaseStore, MemoryStore, SledStore};

const USER: &str = "tg:900";

fn send(app: &App, line: &str) -> String {
    let r = app.handle(USER, Some("en-US"), Incoming::parse(line, &app.interrupt_ids())).unwrap();
    r.messages.iter().map(|m| m.text.clone()).collect::<Vec<_>>().join("\n")
}

/// A failed payment whose reversal has not come back yet: the case waits at `reversal_check`.
fn to_reversal_check(app: &App) {
    super::common::walk(app, USER, Some("en-US"), super::common::TO_REVERSAL_CHECK);
    assert_eq!(app.current_case(USER).unwrap().unwrap().node, "reversal_check");
}

#[test]
fn a_follow_up_fires_once_across_a_restart_and_leads_back_into_the_flow() {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let (app, clock) = app_with(store);
    to_reversal_check(&app);
    let case = app.current_case(USER).unwrap().unwrap();
    assert_eq!(case.reminders.len(), 1);
    let at = case.reminders[0].at;
    // Never before the money is expected back: the reversal deadline (5 working days from Tuesday's payment
    // is next Tuesday) comes first, so the follow-up is the day after it, not 5 calendar days on (Monday).
    let flow = &app.catalog().flow;
    let due = swipefix::engine::deadline::deadlines(flow, &case, app.now());
    let reversal = due.iter().find(|d| d.id == "reversal").expect("a reversal deadline").date;
    let local = flow.jurisdiction(&case.jurisdiction).local(&case, at).date();
    assert_eq!(local, reversal + chrono::Duration::days(1), "follow-up on {local}, money expected by {reversal}");
    assert!(app.fire_due(|_| true).unwrap().is_empty(), "not due yet");
    drop(app);

    // A week later, after a restart.
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let (app, clock2) = app_with(store.clone());
    clock2.advance(chrono::Duration::days(7));
    let _ = clock;
    let due = app.fire_due(|_| true).unwrap();
    assert_eq!(due.len(), 1);
    let (owner, reply) = &due[0];
    assert_eq!(owner, USER);
    let text = reply.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("Checking back on your case"), "{text}");
    let buttons: Vec<&str> = reply.messages.last().unwrap().buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        buttons,
        ["Yes, it's back", "Not back after the waiting time", "Ask me again later"],
        "the question again"
    );
    assert!(app.fire_due(|_| true).unwrap().is_empty(), "fired once");

    // A crash between the case's save and the queue's cleanup leaves the entry: it is recognised as done.
    store.schedule(at, &case.id).unwrap();
    assert!(app.fire_due(|_| true).unwrap().is_empty(), "no duplicate");
    assert!(store.due(clock2_now(&app)).unwrap().is_empty(), "and the entry is gone");

    // "Not yet" leads to the bank step.
    send(&app, "money_not_back");
    assert_eq!(app.current_case(USER).unwrap().unwrap().node, "bank_call");
}

fn clock2_now(app: &App) -> chrono::DateTime<chrono::Utc> {
    app.now()
}

#[test]
fn an_answered_question_or_remind_off_means_no_follow_up() {
    let store: Arc<dyn swipefix::store::CaseStore> = Arc::new(MemoryStore::new());
    let (app, clock) = app_with(store.clone());
    to_reversal_check(&app);
    send(&app, "money_back");
    clock.advance(chrono::Duration::days(6));
    assert!(app.fire_due(|_| true).unwrap().is_empty(), "answered meanwhile: the follow-up is obsolete");
    assert!(store.due(app.now()).unwrap().is_empty());

    let (app, clock) = app_with(Arc::new(MemoryStore::new()));
    to_reversal_check(&app);
    let r = send(&app, "/remind off");
    assert!(r.contains("no more follow-up"), "{r}");
    clock.advance(chrono::Duration::days(6));
    assert!(app.fire_due(|_| true).unwrap().is_empty());
}

#[test]
fn the_terminal_shows_due_follow_ups_at_the_next_start() {
    let (app, clock) = app_with(Arc::new(MemoryStore::new()));
    let user = "cli:t";
    super::common::walk(&app, user, Some("en-US"), super::common::TO_REVERSAL_CHECK);
    clock.advance(chrono::Duration::days(7));
    let out = super::common::chat(&app, user, None, swipefix::channel::terminal::Mode::Text, &[]);
    assert!(out.starts_with("⏰ Checking back"), "{out}");
}

/// A real clock has nanoseconds; the queue keeps milliseconds (sled's keys, PostgreSQL's column). A follow-up
/// planned at such a time still fires — on every store.
#[test]
fn a_follow_up_planned_from_a_clock_with_nanoseconds_fires_on_every_store() {
    let dir = tempfile::tempdir().unwrap();
    let stores: Vec<(&str, Arc<dyn CaseStore>)> =
        vec![("memory", Arc::new(MemoryStore::new())), ("sled", Arc::new(SledStore::open(dir.path()).unwrap()))];
    for (name, store) in stores {
        let (app, clock) = app_with(store);
        clock.advance(chrono::Duration::nanoseconds(123_456_789));
        to_reversal_check(&app);
        assert_ne!(app.current_case(USER).unwrap().unwrap().reminders[0].at.timestamp_subsec_nanos() % 1_000_000, 0);
        clock.advance(chrono::Duration::days(8));
        let due = app.fire_due(|_| true).unwrap();
        assert_eq!(due.len(), 1, "{name}: the follow-up fired");
        let case = app.current_case(USER).unwrap().unwrap();
        assert!(case.reminders[0].done, "{name}: marked on the case");
    }
}
