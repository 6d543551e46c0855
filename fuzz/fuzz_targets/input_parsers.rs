//! Every parser of what people type, on arbitrary text: no panic; an amount read is positive, bounded, with at
//! most 2 decimals and a currency code; each amount found in a story lies on the normalized text and reads
//! back alone to the same amount; and the gate's masked text never keeps a card number.
#![no_main]
use libfuzzer_sys::fuzz_target;
use swipefix::engine::{gate, input};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if text.chars().count() > input::MAX_MESSAGE_CHARS {
        return;
    }
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(18, 0, 0).unwrap();
    // The largest amount accepted, without a dependency on rust_decimal here.
    let max = input::parse_amount("100000000", "CNY").unwrap().0;
    if let Ok((amount, currency)) = input::parse_amount(&text, "CNY") {
        assert!(amount.is_sign_positive() && !amount.is_zero() && amount <= max, "{text:?} -> {amount}");
        assert!(amount.scale() <= 2 && currency.len() == 3, "{text:?} -> {amount} {currency}");
    }
    let norm = input::normalize(&text);
    let mut last_end = 0;
    for found in input::find_amounts(&text, "HKD") {
        assert!(last_end <= found.start && found.start < found.end, "{text:?}: {found:?}");
        let span = norm.get(found.start..found.end).expect("an amount found lies on the normalized text");
        assert_eq!(input::parse_amount(span, "HKD"), Ok((found.amount, found.currency.clone())), "{text:?}");
        last_end = found.end;
    }
    let orders = [
        input::DateOrder::DayFirst,
        input::DateOrder::MonthFirst,
        input::DateOrder::YearFirst,
        input::DateOrder::Minguo,
        input::DateOrder::Unknown,
    ];
    for order in orders {
        let _ = input::parse_when(&text, now, order);
        if let Some(found) = input::find_when(&text, now, order) {
            assert!(input::normalize(&text).get(found.span.clone()).is_some(), "{text:?} -> {found:?}");
        }
    }
    let _ = input::parse_yes_no(&text);
    let _ = input::parse_last4(&text);
    let _ = input::offers_secret(&text);
    let _ = input::digit_piece(&text);
    let _ = input::clean_text(&text);
    // The gate's masked text holds no card number (as in tests/fuzz.rs).
    let gated = gate::admit(&text);
    let masked = gated.text.as_str();
    assert!(gate::admit(masked).found.card.is_none(), "{text:?} -> {masked:?}");
});
