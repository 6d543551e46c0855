//! Every row of `tests/fixtures/typed/amounts.toml` (amounts as people type them in English, Simplified and
//! Traditional Chinese and Hong Kong writing) is read as it says, or refused where it says "ask". Every
//! failing row is reported at once.

use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;
use swipefix_engine::input::parse_amount;

const TABLE: &str = include_str!("../../../tests/fixtures/typed/amounts.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    input: String,
    card: String,
    want: String,
    /// Why a row reads as it does, where that is not plain.
    #[allow(dead_code)]
    why: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    row: Vec<Row>,
}

/// `"105 CNY"` → (105, "CNY"); `"ask"` → None.
fn wanted(want: &str) -> Option<(Decimal, String)> {
    if want == "ask" {
        return None;
    }
    let (amount, currency) = want.split_once(' ').unwrap_or_else(|| panic!("want {want:?}: AMOUNT CURRENCY or ask"));
    Some((Decimal::from_str(amount).unwrap_or_else(|e| panic!("want {want:?}: {e}")), currency.to_string()))
}

#[test]
fn every_typed_amount_reads_as_the_table_says() {
    let table: Table = toml::from_str(TABLE).expect("amounts.toml parses");
    assert!(table.row.len() >= 140, "the table has {} rows", table.row.len());
    let mut failures = Vec::new();
    for row in &table.row {
        let got = parse_amount(&row.input, &row.card);
        let ok = match (wanted(&row.want), &got) {
            (None, Err(_)) => true,
            (Some((amount, currency)), Ok((a, c))) => *a == amount && *c == currency,
            _ => false,
        };
        if !ok {
            failures.push(format!("  {:?} (card {}): want {}, got {got:?}", row.input, row.card, row.want));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows fail:\n{}", failures.len(), table.row.len(), failures.join("\n"));
}

#[test]
fn the_table_covers_each_writing_and_refusals() {
    let table: Table = toml::from_str(TABLE).unwrap();
    let has = |f: &dyn Fn(&Row) -> bool| table.row.iter().filter(|r| f(r)).count();
    assert!(has(&|r| r.want == "ask") >= 40, "refusals");
    assert!(has(&|r| r.input.is_ascii()) >= 60, "English and digits");
    assert!(has(&|r| r.card == "TWD") >= 15, "Taiwan");
    assert!(has(&|r| r.card == "HKD") >= 15, "Hong Kong");
    assert!(has(&|r| r.input.contains(['元', '块', '毛'])) >= 30, "Simplified Chinese");
}
