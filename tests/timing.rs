//! Advice that depends on when the payment was, where the card is from: for random payment times before
//! `now` and random jurisdictions (and time zones), a void is advised if and only if the payment was on the
//! same local day, and a time limit whose last day has passed is never shown as open.

use super::common::{catalog, t0};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use swipefix::engine::gate;
use swipefix::engine::step::{Arg, Effect};
use swipefix::engine::{Case, Input, new_case, step};

const JURISDICTIONS: &[&str] = &["cn", "hk", "mo", "tw", "sg", "uk", "eu", "us", "other"];
/// Error types that lead to timing advice; a failed-but-deducted payment gets the reversal instead.
const ERRORS: &[&str] = &["double", "wrong_amount", "wrong_merchant", "terminal_fault", "failed_deducted"];

/// One person's answers: the card's country, its zone choice (a button index), the problem, the payment.
#[derive(Debug, Clone)]
struct Journey {
    jurisdiction: &'static str,
    zone_pick: usize,
    error: &'static str,
    now: DateTime<Utc>,
    paid: DateTime<Utc>,
}

/// The answer at `node` for this journey; `None` once the walk is over (waiting for the bank).
fn answer(j: &Journey, case: &Case, node: &str) -> Option<Input> {
    let choice = |id: &str| Some(Input::Choice(id.into()));
    let text = |t: &str| Some(Input::Text(gate::admit(t)));
    match node {
        "welcome" => choice(j.jurisdiction),
        "us_card_kind" => choice(if j.zone_pick.is_multiple_of(2) { "us_credit" } else { "us_debit" }),
        "us_zone" | "eu_zone" => {
            let flow = &catalog().flow;
            let buttons = flow.node(node).unwrap().buttons();
            choice(&buttons[j.zone_pick % buttons.len()].id)
        }
        "role" => choice("cardholder"),
        "safety_gate" | "intent_check" => choice("no"),
        "error_type" => choice(j.error),
        "fault_money_taken" => choice("yes"),
        "amount" => text("12"),
        "expected_amount" => text("10"),
        "txn_time" => {
            let flow = &catalog().flow;
            let local = flow.jurisdiction(&case.jurisdiction).local(case, j.paid);
            text(&local.format("%Y-%m-%d %H:%M").to_string())
        }
        "card_last4" => text("1234"),
        "merchant_name" => text("Corner Shop"),
        "double_failed" => choice("both_ok"),
        "evidence" => choice("have_slip"),
        "merchant_agrees" => choice("refused"),
        "reversal_check" => choice("money_not_back"),
        "bank_call" => choice("called"),
        "review" | "review_wrong_amount" => choice("correct"),
        _ => None,
    }
}

/// Walks the journey up to the wait for the bank's answer; returns the case and every effect on the way.
fn run(j: &Journey) -> (Case, Vec<Effect>) {
    let flow = &catalog().flow;
    let case = new_case(flow, "T-1", "prop:1", "en-US", j.now);
    let (mut case, mut all) = step(flow, &case, Input::Resume, j.now);
    for _ in 0..40 {
        let Some(input) = answer(j, &case, &case.node.clone()) else { break };
        let (c, fx) = step(flow, &case, input, j.now);
        assert_ne!(c.node, "", "{j:?}");
        case = c;
        all.extend(fx);
    }
    assert_eq!(case.node, "bank_answer", "the walk reaches the wait for the bank: {j:?} {all:#?}");
    (case, all)
}

fn journey() -> impl Strategy<Value = Journey> {
    (0..JURISDICTIONS.len(), 0usize..8, 0..ERRORS.len(), 0i64..2 * 24 * 60, 0i64..600 * 24 * 60).prop_map(
        |(jx, zone_pick, ex, now_min, ago_min)| {
            let now = t0() + Duration::minutes(now_min);
            Journey {
                jurisdiction: JURISDICTIONS[jx],
                zone_pick,
                error: ERRORS[ex],
                now,
                paid: now - Duration::minutes(ago_min),
            }
        },
    )
}

/// Each deadline date a message shows, with whether the message was told it passed.
fn deadline_dates(fx: &[Effect]) -> Vec<(String, NaiveDate, Option<String>, String)> {
    let mut out = Vec::new();
    for e in fx {
        let Effect::Say { key, args, .. } = e else { continue };
        for (name, arg) in args {
            let (Some(id), Arg::Date(d)) = (name.strip_prefix("deadline_"), arg) else { continue };
            let passed = args.iter().find(|(n, _)| *n == format!("{name}_passed")).map(|(_, a)| match a {
                Arg::Text(t) => t.clone(),
                other => format!("{other:?}"),
            });
            out.push((id.to_string(), *d, passed, key.clone()));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn void_only_on_the_same_local_day_and_no_passed_limit_shown_open(j in journey()) {
        let (case, fx) = run(&j);
        let flow = &catalog().flow;
        let juris = flow.jurisdiction(&case.jurisdiction);
        let today = juris.local(&case, j.now).date();
        let same_day = juris.local(&case, j.paid).date() == today;
        let void = fx.iter().any(|e| matches!(e, Effect::Say { key, .. } if key == "void-advice"));
        let timed = j.error != "failed_deducted";
        prop_assert_eq!(void, same_day && timed, "void advice for {:?} (today {})", j, today);
        let refund = fx.iter().any(|e| matches!(e, Effect::Say { key, .. } if key == "refund-advice"));
        prop_assert_eq!(refund, !same_day && timed, "refund advice for {:?}", j);
        for (id, date, passed, key) in deadline_dates(&fx) {
            if date < today {
                prop_assert_eq!(passed.as_deref(), Some("yes"), "{} in `{}` passed on {} but is not said to: {:?}", id, key, date, j);
                let text = catalog().i18n.render("en-US", &key, &args_of(&fx, &key));
                prop_assert!(!text.contains(" ends on ") && !text.contains("by:"), "{}", text);
            } else if let Some(p) = passed {
                prop_assert_eq!(p, "no", "{} in `{}` is open until {}: {:?}", id, key, date, j);
            }
        }
    }
}

fn args_of(fx: &[Effect], key: &str) -> Vec<(String, Arg)> {
    fx.iter()
        .find_map(|e| match e {
            Effect::Say { key: k, args, .. } if k == key => Some(args.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The same walk in a zone where it is already tomorrow: a payment "today" in UTC terms is yesterday in
/// Taipei when it is past midnight there, so no void.
#[test]
fn the_day_is_the_cards_local_day() {
    // 16:30 UTC is 00:30 the next day in Taipei; the payment at 15:50 UTC was 23:50 "yesterday" there.
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 16, 30, 0).unwrap();
    let paid = Utc.with_ymd_and_hms(2026, 11, 25, 15, 50, 0).unwrap();
    let j = Journey { jurisdiction: "tw", zone_pick: 0, error: "double", now, paid };
    let (_, fx) = run(&j);
    assert!(!fx.iter().any(|e| matches!(e, Effect::Say { key, .. } if key == "void-advice")));
    // In London the same two moments are one afternoon: a void.
    let j = Journey { jurisdiction: "uk", ..j };
    let (_, fx) = run(&j);
    assert!(fx.iter().any(|e| matches!(e, Effect::Say { key, .. } if key == "void-advice")));
}
