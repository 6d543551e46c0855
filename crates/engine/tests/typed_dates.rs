//! The tables of typed dates: `tests/fixtures/typed/dates.toml` (whole answers, `parse_when`) and
//! `dates_in_sentences.toml` (a date inside a story, `find_when`). Every failing row is reported at once.
//!
//! Owns: reading the tables and comparing. Must not touch: the rows (data, in the tables).

use chrono::NaiveDateTime;
use serde::Deserialize;
use swipefix_engine::input::{DateError, DateOrder, When, find_when, normalize, parse_when};

const ANSWERS: &str = include_str!("../../../tests/fixtures/typed/dates.toml");
const SENTENCES: &str = include_str!("../../../tests/fixtures/typed/dates_in_sentences.toml");

#[derive(Deserialize)]
struct Table {
    now: String,
    row: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    input: String,
    order: String,
    want: String,
    /// Another `now` for this row (`tonight` at ten in the evening).
    now: Option<String>,
    /// For a sentence: the text of the phrase found.
    found: Option<String>,
}

const JURISDICTIONS: [&str; 9] = ["cn", "hk", "mo", "tw", "sg", "uk", "eu", "us", "other"];

fn time(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_else(|e| panic!("now = {s:?}: {e}"))
}

/// A date as the tables write it: `2026-11-03`, or `2026-11-03 15:00`.
fn show(w: &When) -> String {
    match w.time {
        Some(t) => format!("{} {}", w.date, t.format("%H:%M")),
        None => w.date.to_string(),
    }
}

fn which(readings: &[When]) -> String {
    format!("which {}", readings.iter().map(show).collect::<Vec<_>>().join(" | "))
}

fn load(text: &str) -> Table {
    let table: Table = toml::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    for row in &table.row {
        assert!(
            JURISDICTIONS.contains(&row.order.as_str()),
            "{:?}: order {:?} is no jurisdiction",
            row.input,
            row.order
        );
    }
    table
}

fn report(failures: Vec<String>, rows: usize) {
    assert!(failures.is_empty(), "{} of {rows} rows fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_typed_date_reads_as_the_table_says() {
    let table = load(ANSWERS);
    assert!(table.row.len() >= 170, "the table keeps at least 170 rows, has {}", table.row.len());
    let mut failures = Vec::new();
    for row in &table.row {
        let now = time(row.now.as_deref().unwrap_or(&table.now));
        let got = match parse_when(&row.input, now, DateOrder::of_jurisdiction(&row.order)) {
            Ok(w) => show(&w),
            Err(DateError::Ambiguous(readings)) => which(&readings),
            Err(_) => "ask".to_string(),
        };
        if got != row.want {
            failures.push(format!("  {:?} ({}): want {:?}, got {:?}", row.input, row.order, row.want, got));
        }
    }
    report(failures, table.row.len());
}

#[test]
fn every_date_in_a_sentence_is_found_as_the_table_says() {
    let table = load(SENTENCES);
    let mut failures = Vec::new();
    for row in &table.row {
        let now = time(row.now.as_deref().unwrap_or(&table.now));
        let found = find_when(&row.input, now, DateOrder::of_jurisdiction(&row.order));
        let (got, phrase) = match &found {
            None => ("none".to_string(), None),
            Some(f) => {
                let phrase = normalize(&row.input).get(f.span.clone()).map(str::to_string);
                (f.when.as_ref().map_or_else(|r| which(r), show), phrase)
            }
        };
        if got != row.want || phrase != row.found {
            failures.push(format!(
                "  {:?} ({}): want {:?} at {:?}, got {:?} at {:?}",
                row.input, row.order, row.want, row.found, got, phrase
            ));
        }
    }
    report(failures, table.row.len());
}
