//! The load tool's own parts without a bot: its options, its sums and the report's lines.

use super::report::calls_per_turn;
use super::*;
use std::collections::BTreeMap;

fn turn(first_ms: u64, last_ms: u64, calls: &[&'static str]) -> Turn {
    Turn {
        person: 0,
        first: Duration::from_millis(first_ms),
        last: Duration::from_millis(last_ms),
        calls: calls.to_vec(),
        done_at: Duration::ZERO,
        told: 0,
    }
}

/// What `people` people saw in `turns`.
fn seen(people: usize, turns: &[Turn]) -> Seen {
    Seen { turns: turns.to_vec(), people, stray: 0, ended: Duration::ZERO }
}

#[test]
fn think_reads_a_range_or_one_time_in_seconds() {
    let secs = Duration::from_secs_f64;
    assert_eq!("2-8".parse::<Think>(), Ok(Think { min: secs(2.0), max: secs(8.0) }));
    assert_eq!("0.5-1.5".parse::<Think>(), Ok(Think { min: secs(0.5), max: secs(1.5) }));
    assert_eq!("3".parse::<Think>(), Ok(Think { min: secs(3.0), max: secs(3.0) }));
    assert!("8-2".parse::<Think>().is_err(), "min above max");
    assert!("-1".parse::<Think>().is_err());
    assert!("soon".parse::<Think>().is_err());
    assert!("1-99999".parse::<Think>().is_err(), "more than an hour");
    assert_eq!("2-8".parse::<Think>().unwrap().to_string(), "2-8 s");
    assert_eq!(Think::none().to_string(), "none");
}

#[test]
fn thinking_times_stay_in_range_and_repeat_with_the_seed() {
    let think: Think = "2-8".parse().unwrap();
    let draws = |seed| {
        let mut rng = fastrand::Rng::with_seed(seed);
        (0..200).map(|_| think.draw(&mut rng)).collect::<Vec<_>>()
    };
    let a = draws(7);
    assert!(a.iter().all(|d| (Duration::from_secs(2)..=Duration::from_secs(8)).contains(d)));
    assert_eq!(a, draws(7), "same seed, same times");
    assert_ne!(a, draws(8));
    assert_eq!(Think::none().draw(&mut fastrand::Rng::with_seed(1)), Duration::ZERO);
}

#[test]
fn limits_read_telegram_or_none_and_set_the_quiet_that_ends_a_reply() {
    assert_eq!("telegram".parse::<Limits>(), Ok(Limits::Telegram));
    assert_eq!("none".parse::<Limits>(), Ok(Limits::None));
    assert!("some".parse::<Limits>().is_err());
    assert_eq!(Limits::Telegram.send_limits(), Some(SendLimits::telegram()));
    assert_eq!(Scenario::default().quiet(), Duration::from_millis(100));
    let telegram = Scenario { limits: Limits::Telegram, ..Scenario::default() };
    assert!(telegram.quiet() > Duration::from_secs(1), "longer than the throttle's spacing in one chat");
    let set = Scenario { quiet: Some(Duration::from_millis(40)), ..telegram };
    assert_eq!(set.quiet(), Duration::from_millis(40));
}

#[test]
fn calls_per_turn_are_averaged_over_answered_turns_per_method() {
    let turns = [
        turn(1, 2, &["sendMessage", "sendMessage"]),
        turn(1, 3, &["sendMessage", "sendDocument"]),
        turn(1, 1, &["editMessageText"]),
        turn(1, 1, &["sendMessage"]),
    ];
    let per = calls_per_turn(&turns);
    assert_eq!(
        per.into_iter().collect::<Vec<_>>(),
        [("editMessageText", 0.25), ("sendDocument", 0.25), ("sendMessage", 1.0)]
    );
    assert!(calls_per_turn(&[]).is_empty());
}

#[test]
fn latency_is_to_the_last_call_and_first_reply_to_the_first() {
    let turns: Vec<Turn> = (1..=100).map(|i| turn(i, 10 * i, &["sendMessage"])).collect();
    let r = Report::of(&seen(10, &turns), Scenario::default(), Duration::from_secs(2));
    assert_eq!(r.max, Duration::from_millis(1_000));
    assert_eq!(r.p99, Duration::from_millis(990));
    assert_eq!(r.p95, Duration::from_millis(950));
    assert_eq!(r.first_p99, Duration::from_millis(99));
    assert_eq!((r.updates, r.answered), (10 * JOURNEY.len(), 100));
}

/// The lines a reader or a script may look for: the original ones keep their words and order.
#[test]
fn the_report_keeps_its_original_lines_and_adds_the_new_ones() {
    let turns = vec![turn(2, 4, &["sendMessage", "sendMessage"]), turn(3, 5, &["sendMessage", "sendDocument"])];
    let scenario = Scenario { think: "2-8".parse().unwrap(), seed: 7, limits: Limits::Telegram, ..Scenario::default() };
    let mut r = Report::of(&seen(5, &turns), scenario, Duration::from_secs(2));
    r.refused = BTreeMap::from([("sendMessage", 2), ("editMessageText", 1)]);
    r.bot_cpu = Some(Duration::from_secs(1));
    r.peak_rss_kb = Some(40 * 1024);
    let text = r.to_string();
    let expected = "\
users            5
think            2-8 s, uniform, seed 7
limits           telegram (30/s in all, 3 in 3 s in a private chat, 20/min in a group)
reply complete   after 2000 ms without a message-like call
updates          60 sent, 2 answered
elapsed          2.00 s
throughput       1 updates/s
turns            2 answered, 1.00/s
latency p50      5.0 ms
latency p95      5.0 ms
latency p99      5.0 ms
latency max      5.0 ms
first reply      p50 3.0 ms, p99 3.0 ms
calls per turn   2.00: sendDocument 0.50, sendMessage 1.50
429s             3: editMessageText 1, sendMessage 2
late (> 5 s)     0 turns of 0 people; told 0 people, twice 0, late and not told 0
stray calls      0
bot CPU          1.00 s (50% of one core; 500.00 ms a turn)
bot peak RSS     40.0 MB";
    assert_eq!(text, expected);
    let plain = Report::of(&seen(5, &[]), Scenario::default(), Duration::from_secs(1)).to_string();
    assert!(plain.contains("\nthink            none\nlimits           none\n"), "{plain}");
    assert!(plain.contains("\ncalls per turn   0.00\n429s             0\n"), "{plain}");
}

#[test]
fn an_open_stream_comes_at_its_rate_for_its_time_and_repeats_with_the_seed() {
    let open = Open { turns_per_sec: 24.0, over: Duration::from_secs(600) };
    let times = |seed| open.arrivals(&mut fastrand::Rng::with_seed(seed));
    let a = times(7);
    // 24 turns a second ÷ 12 turns a journey = 2 people a second: about 1,200 in 600 s (±5 %).
    assert!((1_140..=1_260).contains(&a.len()), "{} people", a.len());
    assert!(a.windows(2).all(|w| w[0] <= w[1]) && a.last() < Some(&open.over));
    assert_eq!(a, times(7));
    assert_ne!(a, times(8));
    assert_eq!(open.to_string(), "open: 2.00 people/s (24.0 turns/s) for 600 s");
}

/// Turns of one person: (latency in seconds, notices before it).
fn person(p: usize, turns: &[(u64, usize)]) -> Vec<Turn> {
    turns.iter().map(|&(secs, told)| Turn { person: p, told, ..turn(0, secs * 1000, &["sendMessage"]) }).collect()
}

#[test]
fn late_replies_are_counted_and_each_person_is_checked_for_a_notice_before_the_late_one() {
    let turns = [
        person(0, &[(1, 0), (1, 0)]),         // never late
        person(1, &[(1, 0), (9, 1), (8, 0)]), // told, then late again: told once is enough
        person(2, &[(9, 0), (2, 1)]),         // late first, told only after
        person(3, &[(1, 1), (1, 1)]),         // told twice
        person(4, &[(6, 0)]),                 // late, within the slack
    ]
    .concat();
    let b = Busy::of(&turns);
    assert_eq!(b, Busy { late_turns: 4, late_people: 3, told_people: 3, told_twice: 1, late_untold: 1 });
}

#[test]
fn an_open_run_reports_its_steady_rate_and_its_offer_against_the_capacity() {
    let open = Open { turns_per_sec: 27.0, over: Duration::from_secs(120) };
    let scenario =
        Scenario { think: "2-8".parse().unwrap(), limits: Limits::Telegram, open: Some(open), ..Scenario::default() };
    // One journey at 5 s a thought is 60 s: the window is 60–120 s.
    let turns: Vec<Turn> =
        (0..200).map(|i| Turn { done_at: Duration::from_secs(i), ..turn(1, 2, &["sendMessage"]) }).collect();
    let r = Report::of(&seen(20, &turns), scenario, Duration::from_secs(200));
    let st = r.steady.unwrap();
    assert_eq!((st.from, st.to, st.turns), (Duration::from_secs(60), Duration::from_secs(120), 60));
    let text = r.to_string();
    assert!(text.contains("\narrivals         open: 2.25 people/s (27.0 turns/s) for 120 s\n"), "{text}");
    assert!(text.contains("\nsteady           1.00 turns/s answered from 60 s to 120 s\n"), "{text}");
    assert!(text.contains("\noffered          27.0 turns/s = 90% of capacity (30.0 turns/s)\n"), "{text}");
}
