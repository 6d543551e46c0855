//! Deadlines per jurisdiction from the shipped settings: business days skip weekends, calendar days don't,
//! rules apply only where their condition holds, and /status shows them in the person's language.

use super::common::memory_app;
use chrono::NaiveDate;
use swipefix::engine::deadline::{Due, deadlines};
use swipefix::session::{App, Incoming};

fn walk(app: &App, user: &str, lang: &str, lines: &[&str]) -> String {
    let ids = app.interrupt_ids();
    let mut last = String::new();
    for l in lines {
        let r = app.handle(user, Some(lang), Incoming::parse(l, &ids)).unwrap();
        last = r.messages.iter().map(|m| m.text.clone()).collect::<Vec<_>>().join("\n");
    }
    last
}

fn due(id: &str, y: i32, m: u32, d: u32) -> Due {
    Due { id: id.into(), date: NaiveDate::from_ymd_opt(y, m, d).unwrap() }
}

#[test]
fn cn_failed_payment_reversal_counts_business_days() {
    let (app, _) = memory_app();
    // Paid Friday 2026-11-20: 5 working days later is Friday 2026-11-27.
    walk(&app, "a", "en-US", &["hi", "cn", "cardholder", "no", "failed_deducted", "88", "2026-11-20 18:05"]);
    let c = app.current_case("a").unwrap().unwrap();
    assert_eq!(deadlines(&app.catalog().flow, &c, c.updated), [due("reversal", 2026, 11, 27)]);
    // A double charge has no reversal deadline.
    walk(&app, "b", "en-US", &["hi", "cn", "cardholder", "no", "double", "88", "2026-11-20 18:05"]);
    let c = app.current_case("b").unwrap().unwrap();
    assert_eq!(deadlines(&app.catalog().flow, &c, c.updated), []);
}

#[test]
fn chargeback_window_counts_calendar_days() {
    let (app, _) = memory_app();
    walk(
        &app,
        "c",
        "en-US",
        &["hi", "us", "us_credit", "eastern", "cardholder", "no", "double", "$12", "2026-11-20 18:05"],
    );
    let c = app.current_case("c").unwrap().unwrap();
    // 120 calendar days after 2026-11-20.
    assert_eq!(deadlines(&app.catalog().flow, &c, c.updated), [due("chargeback", 2027, 3, 20)]);
    let status = walk(&app, "c", "en-US", &["/status"]);
    assert!(status.contains("card-network dispute window ends (usually) on — Mar 20, 2027 — still open"), "{status}");
    let zh = walk(&app, "c", "zh-CN", &["/lang zh-CN", "/status"]);
    assert!(zh.contains("2027年3月20日"), "{zh}");
}

#[test]
fn uk_and_eu_cards_get_the_13_month_notice_limit_in_calendar_months() {
    for (j, more) in [("uk", &[][..]), ("eu", &["central"][..])] {
        let (app, _) = memory_app();
        let mut lines = vec!["hi", j];
        lines.extend(more);
        lines.extend(["cardholder", "no", "double", "12", "2026-10-31 18:05"]);
        walk(&app, "d", "en-US", &lines);
        let c = app.current_case("d").unwrap().unwrap();
        // 13 months after 31 October 2026: November has no 31st, so its last day.
        let want = [due("chargeback", 2027, 2, 28), due("psd2_notice", 2027, 11, 30)];
        assert_eq!(deadlines(&app.catalog().flow, &c, c.updated), want, "{j}");
    }
}
