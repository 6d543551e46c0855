//! Reading people's own stories: the description tables (`tests/fixtures/descriptions/`), measured.
//!
//! Each table row is a story someone might type with what it means (`problem`) and the facts it states.
//! A row is routed right when the bot puts the right problem to the person to confirm (or, for a story with
//! no clear problem, asks as usual), asked when it offers a short list or the usual buttons, and wrong when
//! it puts a wrong problem to them. Facts are counted right, missed or wrong (a wrong fact would be shown
//! to the person to confirm, and is worse than a missed one). The measured tables were written blind to
//! the phrase lists; the development tables (`dev/`) are the ones the lists were tuned on.
//!
//! `SWIPEFIX_DESCRIPTIONS=1 cargo test --test main understanding -- --nocapture` prints every row that
//! was not routed right.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::str::FromStr;
use swipefix::engine::input::DateOrder;
use swipefix::engine::understand::{self, Facts, Verdict};

#[derive(Deserialize)]
struct Table {
    d: Vec<Row>,
}

#[derive(Deserialize, Clone)]
struct Row {
    text: String,
    problem: String,
    amount: Option<String>,
    currency: Option<String>,
    when: Option<String>,
    shop: Option<String>,
    region: Option<String>,
    last4: Option<String>,
}

#[derive(Default, Debug)]
struct Tally {
    rows: usize,
    right: usize,
    offered: usize,
    not_read: usize,
    wrong: usize,
    facts_right: usize,
    facts_missed: usize,
    facts_wrong: usize,
    misses: Vec<String>,
}

impl Tally {
    fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.rows.max(1) as f64
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name}: {} rows — right {:.1}% · asked {:.1}% (short list {:.1}%, usual buttons {:.1}%) · wrong {:.1}% \
             | facts: {} right, {} missed, {} wrong",
            self.rows,
            self.pct(self.right),
            self.pct(self.offered + self.not_read),
            self.pct(self.offered),
            self.pct(self.not_read),
            self.pct(self.wrong),
            self.facts_right,
            self.facts_missed,
            self.facts_wrong
        )
    }
}

/// The card's currency a story is read with when it names none: the one its language's people mostly have.
fn currency_of(set: &str) -> &'static str {
    match set {
        "zh-CN" => "CNY",
        "zh-TW" => "TWD",
        "zh-HK" => "HKD",
        _ => "USD",
    }
}

/// The date order a story is read with: its card's country's where the row names one, else its language's.
fn order_of(set: &str, row: &Row) -> DateOrder {
    let region = match (row.region.as_deref(), set) {
        (Some(r), _) => r,
        (None, "zh-CN") => "cn",
        (None, "zh-TW") => "tw",
        (None, "zh-HK") => "hk",
        (None, _) => "other",
    };
    DateOrder::of_jurisdiction(region)
}

fn table(path: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str::<Table>(&text).unwrap_or_else(|e| panic!("{path}: {e}")).d
}

fn route(tally: &mut Tally, row: &Row, verdict: &Verdict) {
    let unclear = row.problem == "unclear";
    match verdict {
        Verdict::Sure(p) if *p == row.problem => tally.right += 1,
        Verdict::Nothing if unclear => tally.right += 1,
        Verdict::Sure(p) => {
            tally.wrong += 1;
            tally.misses.push(format!("WRONG  {} → {p}: {}", row.problem, row.text));
        }
        Verdict::Choose(ps) => {
            tally.offered += 1;
            tally.misses.push(format!("asked  {} → {ps:?}: {}", row.problem, row.text));
        }
        Verdict::Nothing => {
            tally.not_read += 1;
            tally.misses.push(format!("none   {}: {}", row.problem, row.text));
        }
    }
}

/// One fact compared: `want` as the table has it, `got` as read (normalized to the same form).
fn fact(tally: &mut Tally, name: &str, want: Option<String>, got: Option<String>, text: &str) {
    match (want, got) {
        (Some(w), Some(g)) if w == g => tally.facts_right += 1,
        (Some(_), None) => tally.facts_missed += 1,
        (None, None) => {}
        (w, g) => {
            tally.facts_wrong += 1;
            tally.misses.push(format!("FACT   {name}: want {w:?}, got {g:?}: {text}"));
        }
    }
}

fn facts(tally: &mut Tally, lex: &understand::Lexicon, set: &str, row: &Row, now: chrono::NaiveDateTime) {
    let currency = currency_of(set);
    let order = order_of(set, row);
    let f = Facts::of(lex, &row.text, currency, now, order);
    let amount = f.amount.as_deref().and_then(|a| swipefix::engine::input::parse_amount(a, currency).ok());
    let want_amount = row.amount.as_deref().map(|a| Decimal::from_str(a).expect("amount").normalize().to_string());
    fact(tally, "amount", want_amount, amount.as_ref().map(|(a, _)| a.normalize().to_string()), &row.text);
    if let (Some(want), Some((_, got))) = (&row.currency, &amount) {
        fact(tally, "currency", Some(want.clone()), Some(got.clone()), &row.text);
    }
    let when = f.when.as_deref().and_then(|w| swipefix::engine::input::parse_when(w, now, order).ok());
    let got_when = when.map(|w| match w.time {
        Some(t) => format!("{} {}", w.date, t.format("%H:%M")),
        None => w.date.to_string(),
    });
    fact(tally, "when", row.when.clone(), got_when, &row.text);
    fact(tally, "shop", row.shop.clone(), f.shop, &row.text);
    fact(tally, "region", row.region.clone(), f.region, &row.text);
    fact(tally, "last4", row.last4.clone(), f.last4, &row.text);
}

fn measure(path: &str, set: &str) -> Tally {
    let lex = &lexicon();
    let now = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(16, 0, 0).unwrap();
    let mut tally = Tally::default();
    for row in table(path) {
        tally.rows += 1;
        // Like every message, through the gate first: a story holding a card number is read masked.
        let gated = swipefix::engine::gate::admit(&row.text);
        route(&mut tally, &row, &understand::read(lex, gated.text.as_str()).verdict);
        facts(&mut tally, lex, set, &Row { text: gated.text.as_str().to_string(), ..row.clone() }, now);
    }
    tally
}

/// Every language's phrase lists, merged: the lexicon the shipped catalog gives the bot.
fn lexicon() -> understand::Lexicon {
    crate::common::catalog().flow.lexicon.clone()
}

const SETS: &[&str] = &["en", "zh-CN", "zh-TW", "zh-HK"];

fn report(dir: &str) -> Vec<(String, Tally)> {
    let verbose = std::env::var_os("SWIPEFIX_DESCRIPTIONS").is_some();
    let mut out = Vec::new();
    for set in SETS {
        let t = measure(&format!("{dir}/{set}.toml"), set);
        println!("{}", t.line(&format!("{dir}/{set}")));
        if verbose {
            t.misses.iter().for_each(|m| println!("    {m}"));
        }
        out.push((set.to_string(), t));
    }
    out
}

#[test]
fn the_measured_tables_route_stories_right_and_almost_never_wrong() {
    for (set, t) in report("tests/fixtures/descriptions") {
        assert!(t.rows >= 120, "{set}: the table needs at least 120 descriptions, has {}", t.rows);
        assert!(t.pct(t.wrong) <= 5.0, "{}", t.line(&set));
    }
}

#[test]
fn the_development_tables_too() {
    for (set, t) in report("tests/fixtures/descriptions/dev") {
        assert!(t.pct(t.wrong) <= 5.0, "{}", t.line(&set));
    }
}

/// The stories, scams and words the issue found misread, each as it must now be read.
#[test]
fn the_issues_examples_read_as_described() {
    let lex = &lexicon();
    for story in [
        "刷卡扣了两次怎么办，pos机显示失败我又刷了一次",
        "the card machine said declined so I paid again, now I see two payments of £23.50",
    ] {
        assert_eq!(understand::read(lex, story).verdict, Verdict::Sure("double".into()), "{story}");
    }
    let scam = "有人打电话说是银行客服要给我退款，让我说验证码";
    let said = understand::said(lex, scam, true);
    let read = understand::read(lex, scam).verdict;
    assert!(said == Some(understand::Said::Interrupt("scam".into())) || read == Verdict::Sure("scam".into()), "{scam}");
    for (words, id) in [("scam", "scam"), ("I think this is a scam", "scam"), ("human", "human"), ("转人工", "human")]
    {
        assert_eq!(understand::said(lex, words, true), Some(understand::Said::Interrupt(id.into())), "{words}");
    }
    assert_eq!(understand::said(lex, "help", false), Some(understand::Said::Command("help".into())));
    for unsure in ["没有卡号，我是扫码付的", "I paid with Apple Pay", "I don't know", "不知道", "唔知"]
    {
        assert!(understand::dont_know(lex, unsure), "{unsure}");
    }
}
