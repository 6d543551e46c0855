//! The sending rules at chosen instants: every test builds its times from one `Instant`, none sleeps.

use super::*;

const ALICE: i64 = 501;
const BOB: i64 = 502;
const GROUP: i64 = -100_200;

fn clock() -> impl Fn(u64) -> Instant {
    let t0 = Instant::now();
    move |ms| t0 + Duration::from_millis(ms)
}

fn telegram() -> Sending {
    Sending::new(Some(SendLimits::telegram()))
}

fn retry_after(v: Verdict) -> u64 {
    match v {
        Verdict::Refused(r) => r.retry_after_secs(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_private_chat_gets_a_burst_of_three_then_waits_for_the_first_to_be_three_seconds_old() {
    let (at, mut s) = (clock(), telegram());
    for _ in 0..3 {
        assert_eq!(s.check("sendMessage", Some(ALICE), at(0)), Verdict::Accepted);
    }
    assert_eq!(s.check("sendMessage", Some(ALICE), at(0)), Verdict::Refused(Refusal { wait: Duration::from_secs(3) }));
    assert_eq!(retry_after(s.check("sendMessage", Some(ALICE), at(1_000))), 2);
    assert_eq!(retry_after(s.check("sendMessage", Some(ALICE), at(2_500))), 1, "half a second rounds up to 1");
    assert_eq!(s.check("sendMessage", Some(ALICE), at(3_000)), Verdict::Accepted, "exactly when it said");
    // Another chat has its own window.
    assert_eq!(s.check("sendMessage", Some(BOB), at(3_000)), Verdict::Accepted);
    assert_eq!(s.refused_in(ALICE), 3);
    assert_eq!(s.refused_in(BOB), 0);
}

#[test]
fn a_steady_one_a_second_in_a_private_chat_always_passes() {
    let (at, mut s) = (clock(), telegram());
    for i in 0..20 {
        assert_eq!(s.check("sendMessage", Some(ALICE), at(i * 1_000)), Verdict::Accepted, "call {i}");
    }
    assert_eq!(s.refused("sendMessage"), 0);
}

#[test]
fn after_a_spread_burst_the_wait_is_until_the_oldest_leaves_the_window() {
    let (at, mut s) = (clock(), telegram());
    for ms in [0, 500, 1_000] {
        assert_eq!(s.check("sendMessage", Some(ALICE), at(ms)), Verdict::Accepted);
    }
    assert_eq!(s.check("sendMessage", Some(ALICE), at(3_000)), Verdict::Accepted, "the one at 0 has left");
    // Now 500, 1000 and 3000 are inside; the one at 500 leaves at 3500.
    assert_eq!(
        s.check("sendMessage", Some(ALICE), at(3_200)),
        Verdict::Refused(Refusal { wait: Duration::from_millis(300) })
    );
}

#[test]
fn all_chats_together_get_thirty_a_second() {
    let (at, mut s) = (clock(), telegram());
    for chat in 0..30 {
        assert_eq!(s.check("sendMessage", Some(1_000 + chat), at(chat as u64 * 30)), Verdict::Accepted);
    }
    // The 31st, to a chat that has had nothing, waits for the oldest (at 0) to be a second old.
    assert_eq!(
        s.check("sendMessage", Some(ALICE), at(950)),
        Verdict::Refused(Refusal { wait: Duration::from_millis(50) })
    );
    assert_eq!(retry_after(s.check("sendMessage", Some(ALICE), at(950))), 1);
    assert_eq!(s.check("sendMessage", Some(ALICE), at(1_000)), Verdict::Accepted);
    assert_eq!(retry_after(s.check("sendMessage", Some(BOB), at(1_000))), 1, "the place went to Alice");
    assert_eq!(s.check("sendMessage", Some(BOB), at(1_030)), Verdict::Accepted);
}

#[test]
fn a_call_naming_no_chat_counts_toward_the_global_limit_only() {
    let (at, mut s) = (clock(), telegram());
    for i in 0..30 {
        assert_eq!(s.check("editMessageText", None, at(i)), Verdict::Accepted, "no chat window to fill");
    }
    assert_eq!(retry_after(s.check("sendMessage", Some(ALICE), at(100))), 1);
}

#[test]
fn a_group_gets_twenty_a_minute_and_no_private_burst_rule() {
    let (at, mut s) = (clock(), telegram());
    for i in 0..10 {
        assert_eq!(s.check("sendMessage", Some(GROUP), at(0)), Verdict::Accepted, "ten at once, call {i}");
    }
    for i in 0..10 {
        assert_eq!(s.check("sendMessage", Some(GROUP), at(10_000 + i * 1_000)), Verdict::Accepted);
    }
    // Twenty in the minute: the next waits until the first ten (at 0) are a minute old.
    assert_eq!(
        s.check("sendMessage", Some(GROUP), at(30_000)),
        Verdict::Refused(Refusal { wait: Duration::from_secs(30) })
    );
    assert_eq!(retry_after(s.check("sendDocument", Some(GROUP), at(59_500))), 1);
    assert_eq!(s.check("sendMessage", Some(GROUP), at(60_000)), Verdict::Accepted);
    assert_eq!(s.refused_in(GROUP), 2);
    assert_eq!(s.refused("sendDocument"), 1);
}

#[test]
fn the_wait_is_for_the_slowest_rule_the_call_breaks() {
    let (at, mut s) = (clock(), telegram());
    for _ in 0..3 {
        assert_eq!(s.check("sendMessage", Some(ALICE), at(0)), Verdict::Accepted);
    }
    for chat in 0..27 {
        assert_eq!(s.check("sendMessage", Some(1_000 + chat), at(0)), Verdict::Accepted);
    }
    // Global: free at 1 s; Alice's chat: free at 3 s. The answer is the later.
    assert_eq!(
        s.check("sendMessage", Some(ALICE), at(500)),
        Verdict::Refused(Refusal { wait: Duration::from_millis(2_500) })
    );
    assert_eq!(retry_after(s.check("sendMessage", Some(ALICE), at(500))), 3);
}

#[test]
fn retry_after_is_whole_seconds_rounded_up_and_never_zero() {
    let secs = |ms| Refusal { wait: Duration::from_millis(ms) }.retry_after_secs();
    assert_eq!(secs(0), 1);
    assert_eq!(secs(1), 1);
    assert_eq!(secs(1_000), 1);
    assert_eq!(secs(1_001), 2);
    assert_eq!(secs(2_000), 2);
    assert_eq!(secs(59_999), 60);
}

#[test]
fn edits_photos_and_documents_count_like_messages() {
    let (at, mut s) = (clock(), telegram());
    assert_eq!(s.check("editMessageText", Some(ALICE), at(0)), Verdict::Accepted);
    assert_eq!(s.check("editMessageReplyMarkup", Some(ALICE), at(0)), Verdict::Accepted);
    assert_eq!(s.check("sendDocument", Some(ALICE), at(0)), Verdict::Accepted);
    // The edits and the document used Alice's burst.
    assert_eq!(retry_after(s.check("sendPhoto", Some(ALICE), at(0))), 3);
    assert_eq!(retry_after(s.check("editMessageText", Some(ALICE), at(0))), 3);
    assert_eq!(s.accepted("editMessageText"), 1);
    assert_eq!(s.accepted("editmessagereplymarkup"), 1, "the Bot API ignores case");
    assert_eq!(s.accepted("sendDocument"), 1);
    assert_eq!(s.refused("sendPhoto"), 1);
    assert_eq!(s.refused("editMessageText"), 1);
    let accepted: Vec<_> = s.accepted_by_method().into_iter().collect();
    assert_eq!(accepted, [("editMessageReplyMarkup", 1), ("editMessageText", 1), ("sendDocument", 1)]);
}

#[test]
fn callbacks_deletions_and_polling_are_never_limited_nor_counted() {
    let (at, mut s) = (clock(), telegram());
    for _ in 0..3 {
        s.check("sendMessage", Some(ALICE), at(0));
    }
    for method in ["answerCallbackQuery", "deleteMessage", "getUpdates", "setMyCommands"] {
        for _ in 0..50 {
            assert_eq!(s.check(method, Some(ALICE), at(0)), Verdict::NotLimited, "{method}");
        }
        assert_eq!(s.accepted(method), 0);
        assert_eq!(s.refused(method), 0);
    }
    assert_eq!(s.accepted_by_method().len(), 1, "only sendMessage: {:?}", s.accepted_by_method());
    assert!(s.refused_by_method().is_empty());
    assert_eq!(s.refused_in(ALICE), 0);
}

#[test]
fn without_limits_everything_passes_and_is_still_counted() {
    let (at, mut s) = (clock(), Sending::new(None));
    for _ in 0..100 {
        assert_eq!(s.check("sendMessage", Some(ALICE), at(0)), Verdict::Accepted);
    }
    assert_eq!(s.accepted("sendMessage"), 100);
    assert!(s.recent.is_empty() && s.recent_per_chat.is_empty(), "no times kept without limits");
    // Turned on later, the limits start from an empty window.
    s.set_limits(Some(SendLimits::telegram()));
    assert_eq!(s.check("sendMessage", Some(ALICE), at(0)), Verdict::Accepted);
}

#[test]
fn the_private_window_follows_the_rate_and_the_burst() {
    let limits = |per_chat_per_second, per_chat_burst| SendLimits {
        per_chat_per_second,
        per_chat_burst,
        ..SendLimits::telegram()
    };
    assert_eq!(limits(1, 3).private_window(), Duration::from_secs(3));
    assert_eq!(limits(2, 3).private_window(), Duration::from_millis(1_500));
    assert_eq!(limits(1, 1).private_window(), Duration::from_secs(1));
    assert_eq!(limits(0, 0).private_window(), Duration::from_secs(1), "zeros read as 1");
}
