//! Unit tests of the date readers; the wide table of typed dates is `tests/fixtures/typed/dates.toml`,
//! run by `crates/engine/tests/typed_dates.rs`.
//!
//! Owns: examples of each rule, and a sweep of mixed pieces for panics and broken promises.
//! Must not touch: the tables (their rows are data, kept there).

use super::*;

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    Some(NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

#[test]
fn dates_and_times() {
    let today = d(2026, 11, 25);
    let now = today.and_hms_opt(16, 0, 0).unwrap();
    let p = |s: &str| parse_when(s, now, DateOrder::DayFirst);
    assert_eq!(p("2026-11-25 14:30"), Ok(When { date: d(2026, 11, 25), time: t(14, 30) }));
    assert_eq!(p("2026年11月24日 下午2点"), Ok(When { date: d(2026, 11, 24), time: t(14, 0) }));
    assert_eq!(p("2026年11月24日下午2点30分"), Ok(When { date: d(2026, 11, 24), time: t(14, 30) }));
    assert_eq!(p("yesterday 9:05"), Ok(When { date: d(2026, 11, 24), time: t(9, 5) }));
    assert_eq!(p("昨天"), Ok(When { date: d(2026, 11, 24), time: None }));
    assert_eq!(p("前天 晚上8点"), Ok(When { date: d(2026, 11, 23), time: t(20, 0) }));
    assert_eq!(p("25/11/2026"), Ok(When { date: d(2026, 11, 25), time: None }));
    assert_eq!(p("today 23:30"), Err(DateError::InTheFuture));
    assert_eq!(p("today 16:05"), Ok(When { date: today, time: t(16, 5) }));
    assert_eq!(parse_when("11/05/2026", now, DateOrder::MonthFirst), Ok(When { date: d(2026, 11, 5), time: None }));
    assert_eq!(p("Nov 20, 2026 3pm"), Ok(When { date: d(2026, 11, 20), time: t(15, 0) }));
    assert_eq!(p("20 November"), Ok(When { date: d(2026, 11, 20), time: None }));
    assert_eq!(p("11月20日"), Ok(When { date: d(2026, 11, 20), time: None }));
    assert_eq!(p("12月20日"), Ok(When { date: d(2025, 12, 20), time: None }));
    assert_eq!(p("14:30"), Ok(When { date: today, time: t(14, 30) }));
    assert_eq!(p("May 18 14:30"), Ok(When { date: d(2026, 5, 18), time: t(14, 30) }));
    assert_eq!(p("2026-12-01"), Err(DateError::InTheFuture));
    assert_eq!(p("1999-01-01"), Err(DateError::TooOld));
    assert_eq!(p("banana"), Err(DateError::NotADate));
    assert_eq!(p("2026-02-30"), Err(DateError::NotADate));
    assert_eq!(p("25:99"), Err(DateError::NotADate));
    // Hong Kong's spoken words for days and parts of the day.
    assert_eq!(p("琴日 下晝3點"), Ok(When { date: d(2026, 11, 24), time: t(15, 0) }));
    assert_eq!(p("前日 夜晚8點"), Ok(When { date: d(2026, 11, 23), time: t(20, 0) }));
    assert_eq!(p("今日 晏晝1點"), Ok(When { date: today, time: t(13, 0) }));
    // 半 is :30 now; before, it was not read and the answer was asked again (never 10:00).
    assert_eq!(p("昨日 朝早10點半"), Ok(When { date: d(2026, 11, 24), time: t(10, 30) }));
}

#[test]
fn the_order_decides_and_the_other_reading_is_asked() {
    let now = d(2026, 12, 2).and_hms_opt(16, 0, 0).unwrap();
    let on = |date| When { date, time: None };
    assert_eq!(parse_when("03/11", now, DateOrder::DayFirst), Ok(on(d(2026, 11, 3))));
    assert_eq!(parse_when("03/11", now, DateOrder::MonthFirst), Ok(on(d(2026, 3, 11))));
    assert_eq!(
        parse_when("03/11", now, DateOrder::Unknown),
        Err(DateError::Ambiguous(vec![on(d(2026, 11, 3)), on(d(2026, 3, 11))]))
    );
    // No 13th month on a UK card: 13 November is offered, never taken silently.
    assert_eq!(
        parse_when("11/13/2026", now, DateOrder::DayFirst),
        Err(DateError::Ambiguous(vec![on(d(2026, 11, 13))]))
    );
    assert_eq!(
        parse_when("01/12/2026 18:05", now, DateOrder::DayFirst),
        Ok(When { date: d(2026, 12, 1), time: t(18, 5) })
    );
    assert_eq!(parse_when("115/11/20", now, DateOrder::Minguo), Ok(on(d(2026, 11, 20))));
    assert_eq!(parse_when("115/11/20", now, DateOrder::YearFirst), Err(DateError::NotADate));
}

#[test]
fn found_in_a_sentence() {
    let now = d(2026, 12, 2).and_hms_opt(16, 0, 0).unwrap();
    let find = |s: &str, o| find_when(s, now, o);
    let text = "the card machine said declined yesterday at 3pm at Tesco";
    let found = find(text, DateOrder::DayFirst).unwrap();
    assert_eq!(found.when, Ok(When { date: d(2026, 12, 1), time: t(15, 0) }));
    assert_eq!(&normalize(text)[found.span], "yesterday at 3pm");
    let text = "昨晚8点在全家刷卡扣了两次";
    let found = find(text, DateOrder::YearFirst).unwrap();
    assert_eq!(found.when, Ok(When { date: d(2026, 12, 1), time: t(20, 0) }));
    assert_eq!(&normalize(text)[found.span], "昨晚8点");
    assert_eq!(find("card ending 1234 charged 45.00 twice", DateOrder::DayFirst), None);
    assert_eq!(
        find("11.30 扣了我300", DateOrder::YearFirst).unwrap().when,
        Ok(When { date: d(2026, 11, 30), time: None })
    );
}

/// Pieces of dates, numbers and words in every script the readers know, glued together in many orders: no
/// panic, a found span lies on character boundaries of the normalized text, and what is offered keeps the
/// promises of `DateError::Ambiguous`. A fixed sequence (a linear congruential generator), so a failure
/// repeats.
#[test]
fn mixed_pieces_never_panic_and_keep_the_promises() {
    const TOKENS: &[&str] = &[
        "昨晚",
        "8点",
        "3.30",
        "pm",
        "12/1",
        "民國",
        "115",
        "年",
        "月",
        "日",
        "１２",
        "٣",
        " ",
        "上",
        "周",
        "五",
        "半",
        "一刻",
        "前天",
        "大",
        "天前",
        "兩",
        "ago",
        "2 days",
        "last",
        "friday",
        "night",
        "1 dec",
        "18:05",
        ":",
        "/",
        ".",
        "-",
        "2026",
        "00",
        "99",
        "點",
        "下晝",
        "琴日",
        "夜晚",
        "十二",
        "廿",
        "noon",
        "midnight",
        "half past",
        "o'clock",
        "yesterday",
        "at",
        "左右",
        "$",
        "元",
        "%",
        "4111",
        "朝早",
        "凌晨",
        "tonight",
        "this",
        "morning",
    ];
    let now = d(2026, 12, 2).and_hms_opt(16, 0, 0).unwrap();
    let mut seed: u64 = 0x2026_1202;
    let orders =
        [DateOrder::DayFirst, DateOrder::MonthFirst, DateOrder::YearFirst, DateOrder::Minguo, DateOrder::Unknown];
    for _ in 0..3_000 {
        let mut text = String::new();
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        for _ in 0..(seed >> 60) + 1 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(TOKENS[(seed >> 33) as usize % TOKENS.len()]);
        }
        for order in orders {
            if let Err(DateError::Ambiguous(offered)) = parse_when(&text, now, order) {
                assert!((1..=3).contains(&offered.len()), "{text:?}: {offered:?}");
                assert!(offered.iter().all(|w| in_range(*w, now).is_ok()), "{text:?}: {offered:?}");
            }
            if let Some(found) = find_when(&text, now, order) {
                assert!(normalize(&text).get(found.span.clone()).is_some(), "{text:?}: {found:?}");
            }
        }
    }
}
