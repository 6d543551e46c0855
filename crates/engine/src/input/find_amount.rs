//! Finding amounts of money inside a person's whole story: "now I see two payments of £23.50", "刷卡扣了两次
//! 一百二十八元", "碌咗$88兩次", "at 3pm I paid 45 at Tesco".
//!
//! Each candidate is read by the same reader as a typed amount (`read_amount`), whole or not at all: a
//! candidate is never cut shorter to make it read (`£23.505` is no `£23.50`). What is found:
//! - **marked** amounts: a currency sign or word, or 元/块/蚊/角/毛/分, is attached (`£23.50`, `128元`,
//!   `twenty five dollars`), or a bare number comes right after a word that says money moved
//!   (`AMOUNT_TRIGGERS`: "paid 45", "扣了一百二十八"). The caller trusts only these;
//! - unmarked amounts: other bare numbers in digits. A bare Chinese numeral or English number word is never
//!   one unmarked: in running text they are mostly words (一下, 万一, 十分, two payments).
//!
//! A bare number is no amount at all when it is a time, a date, a count, a range or a card's last digits:
//! joined to a letter, `:`, `/`, `-` or `~` (3pm, 18:05, 12/1, 7-11), followed by a word or character of
//! time or counting (2 times, 5 days, 两次, 3点, 12号), or after "ending", "尾号" and the like. Anything
//! said to be approximate (about, 大约, 左右, 多) is left out even when marked. A number whose digits run
//! on after one space into another group (`1 280`) is left out: in a sentence that may be one number or two.
//!
//! Owns: `find_amounts`, `FoundAmount`, `AMOUNT_TRIGGERS` and the words that make a number no amount.
//! Must not touch: how one amount is read (`amount`), the case or the flow.

use super::amount::read_amount;
use super::cjk_number::{is_cjk_numeral, is_money_unit};
use super::currency::{currency_prefix, settle_currency};
use super::english_number::is_number_word;
use super::normalize;
use rust_decimal::Decimal;

/// An amount found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAmount {
    pub amount: Decimal,
    /// The currency written, else the card's (`default_currency`).
    pub currency: String,
    /// Byte offsets of the amount and its currency words in `input::normalize(text)`.
    pub start: usize,
    pub end: usize,
    /// A currency was attached, or a word that says money moved came right before: the amount can be
    /// trusted. Unmarked amounts are bare numbers that may be anything.
    pub marked: bool,
}

/// Words after which a bare number is an amount ("paid 45", "扣了128", "碌咗88"), matched at the end of
/// the text before the number, across spaces, `:` and a few short words (`FILLERS`: "charged me 300",
/// "扣了我128"). English words match as whole words. Only words that say money moved: not "for" (for 2
/// days) nor a bare 扣 (折扣, a discount). Kept here until the locale data holds them.
pub const AMOUNT_TRIGGERS: &[&str] = &[
    // English
    "charged",
    "paid",
    "pay",
    "paying",
    "payed",
    "debited",
    "deducted",
    "billed",
    "spent",
    "cost",
    "costs",
    "refund",
    "refunded",
    "withdrew",
    "withdrawn",
    "amount",
    "total",
    "totalling",
    "totaling",
    // Simplified Chinese
    "扣了",
    "扣款",
    "扣除",
    "被扣",
    "付了",
    "付款",
    "支付了",
    "支付",
    "刷了",
    "花了",
    "消费了",
    "消费",
    "金额",
    "收了",
    "退了",
    "退款",
    "一共",
    "总共",
    "共计",
    // Traditional Chinese (Taiwan)
    "消費了",
    "消費",
    "金額",
    "總共",
    "共計",
    "退了",
    // Cantonese (Hong Kong)
    "碌咗",
    "俾咗",
    "畀咗",
    "扣咗",
    "收咗",
    "付咗",
    "用咗",
];

/// Short words that may stand between a trigger and its number, or a card word and its digits.
const FILLERS: &[&str] = &[
    "me", "us", "him", "her", "them", "you", "was", "were", "is", "of", "in", "with", "我", "我们", "我們", "了", "是",
    "为", "為",
];

/// What comes before a card's last digits (card ending 1234, 尾号1234): such a number is no amount.
const LAST4_BEFORE: &[&str] = &[
    "ending",
    "ends",
    "last 4",
    "last four",
    "last 4 digits",
    "last four digits",
    "card",
    "card number",
    "card no",
    "card no.",
    "no.",
    "number",
    "尾号",
    "尾號",
    "尾数",
    "尾數",
    "末四位",
    "后四位",
    "後四位",
    "末4位",
    "后4位",
    "後4位",
    "卡号",
    "卡號",
    "卡",
    // The masked digits before them on a receipt or an app's screen (**** 1234, xxxx 1234).
    "*",
    "•",
    "xxxx",
];

/// Words right after a bare number that make it a time, a count or a rank, not an amount.
const NOT_AMOUNT_AFTER: &[&str] = &[
    "am",
    "pm",
    "o'clock",
    "oclock",
    "times",
    "time",
    "x",
    "more",
    "payments",
    "payment",
    "transactions",
    "transaction",
    "charges",
    "days",
    "day",
    "hours",
    "hour",
    "hrs",
    "hr",
    "minutes",
    "minute",
    "mins",
    "min",
    "seconds",
    "secs",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "items",
    "item",
    "people",
    "percent",
    "digits",
    "cards",
    "of",
    "cents",
    "cent",
    "pence",
    "penny",
];

/// Characters right after a number that count or tell time (两次, 3点, 12号, 5分钟, 8折), and 第 (an
/// ordinal) before one.
const MEASURE: &str =
    "次笔筆个個张張天日号號月年点點时時分秒周週岁歲位人下回趟遍间間家样樣件条條杯份期楼樓层層折倍成些直起定般会會共";

/// Words that say an amount is not exact.
const APPROXIMATE_BEFORE: &[&str] = &[
    "about",
    "around",
    "approx",
    "approx.",
    "approximately",
    "roughly",
    "almost",
    "nearly",
    "over",
    "under",
    "约",
    "約",
    "大约",
    "大約",
    "大概",
    "差不多",
    "超过",
    "超過",
    "不到",
];
const APPROXIMATE_AFTER: &[&str] = &["左右", "多", "几", "幾", "来", "來", "or so", "ish", "odd"];

/// A unit of money followed by this is a word of its own (5分钟 is five minutes, 一块儿 is together).
const UNIT_WORDS: &[&str] = &[
    "分钟", "分鐘", "分之", "分期", "分店", "分行", "块儿", "塊兒", "元旦", "元素", "元宵", "角形", "毛巾", "毛病",
    "毛衣", "整天", "整个", "整個", "半天", "半个", "半個", "半年", "半小",
];

/// The amounts in `text`, in order, for a card in `default_currency`; see the module header for what is
/// found, what is marked and what is left out.
pub fn find_amounts(text: &str, default_currency: &str) -> Vec<FoundAmount> {
    let norm = normalize(text);
    // ASCII lower case keeps every byte offset of `norm`.
    let t = norm.to_ascii_lowercase();
    let toks = tokenize(&t);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(c) = candidate(&t, &toks, i) else {
            i += 1;
            continue;
        };
        let end = match judge(&t, &toks, &c, default_currency) {
            Some(f) => {
                let end = f.end;
                found.push(f);
                end
            }
            None => c.end,
        };
        i += toks[i..].iter().position(|k| k.start >= end).unwrap_or(toks.len() - i);
    }
    found
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits and Chinese numerals with what joins them (1,280.50, 一百二十八元五角, 2.5k).
    Num,
    /// A currency sign or word.
    Cur,
    /// An English number word (twenty, hundred, and, a).
    Word,
    Space,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn tokenize(t: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = t[at..].chars().next() {
        let (kind, len) = token_at(t, at, c);
        out.push(Tok { kind, start: at, end: at + len });
        at += len;
    }
    split_counts(t, &mut out);
    out
}

fn token_at(t: &str, at: usize, c: char) -> (Kind, usize) {
    let rest = &t[at..];
    if c.is_whitespace() {
        return (Kind::Space, rest.len() - rest.trim_start().len());
    }
    let after_letter = t[..at].chars().next_back().is_some_and(|p| p.is_ascii_alphabetic());
    let unit_word = UNIT_WORDS.iter().any(|w| rest.starts_with(w));
    if let Some((len, _)) = currency_prefix(rest).filter(|_| !after_letter && !unit_word) {
        return (Kind::Cur, len);
    }
    if c.is_ascii_digit() || is_cjk_numeral(c) {
        return (Kind::Num, number_len(rest));
    }
    if c.is_ascii_alphabetic() {
        let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let kind = if !after_letter && is_number_word(&rest[..len]) { Kind::Word } else { Kind::Other };
        return (kind, len);
    }
    (Kind::Other, c.len_utf8())
}

/// The length of the number at the start of `s` (it starts with a digit or numeral).
fn number_len(s: &str) -> usize {
    let mut end = 0;
    let mut prev = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if !continues_number(prev, c, next) {
            break;
        }
        end = i + c.len_utf8();
        prev = Some(c);
    }
    end
}

fn continues_number(prev: Option<char>, c: char, next: Option<char>) -> bool {
    let digit = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit());
    let numeral = |x: Option<char>| x.is_some_and(|x| x.is_ascii_digit() || is_cjk_numeral(x));
    match c {
        _ if c.is_ascii_digit() || is_cjk_numeral(c) => true,
        // A separator only between digits: "paid 45." ends at 45.
        '.' | ',' | '\'' | '’' => digit(prev) && digit(next),
        '点' | '點' => numeral(prev) && numeral(next),
        'k' => digit(prev) && !next.is_some_and(|n| n.is_ascii_alphanumeric()),
        _ if is_money_unit(c) => {
            let word = next.is_some_and(|n| UNIT_WORDS.iter().any(|w| w.starts_with(c) && w.ends_with(n)));
            prev.is_some() && !word
        }
        _ => false,
    }
}

/// A number followed by a counting character is a count, not an amount (两次, 3点, 12号): the numerals
/// after its last unit of money (128元两次 keeps 128元) or Chinese digits after digits (88兩次 keeps 88)
/// become `Other`, else the whole of it does.
fn split_counts(t: &str, toks: &mut Vec<Tok>) {
    let mut i = 0;
    while i < toks.len() {
        let k = toks[i];
        let counts = t[k.end..].chars().next().is_some_and(|c| MEASURE.contains(c));
        if k.kind == Kind::Num && counts {
            match count_start(&t[k.start..k.end]) {
                0 => toks[i].kind = Kind::Other,
                cut if k.start + cut < k.end => {
                    toks[i].end = k.start + cut;
                    toks.insert(i + 1, Tok { kind: Kind::Other, start: k.start + cut, end: k.end });
                }
                _ => {}
            }
        }
        i += 1;
    }
}

/// Where the count at the end of a number starts (see `split_counts`); 0 when all of it counts.
fn count_start(text: &str) -> usize {
    if let Some((at, c)) = text.char_indices().rev().find(|(_, c)| is_money_unit(*c)) {
        return at + c.len_utf8();
    }
    let digit_only = |c: char| is_cjk_numeral(c) && !"十百千万萬亿億拾佰仟廿卅".contains(c);
    match text.char_indices().rev().take_while(|(_, c)| digit_only(*c)).last() {
        Some((at, _)) if text[..at].ends_with(|c: char| c.is_ascii_digit()) => at,
        _ => 0,
    }
}

/// A possible amount: an optional currency, a number or a run of number words, an optional currency.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    /// The number's tokens, `body..body_end`.
    body: usize,
    body_end: usize,
}

fn candidate(t: &str, toks: &[Tok], i: usize) -> Option<Candidate> {
    let kind = |j: usize| toks.get(j).map(|x| x.kind);
    let body = match kind(i)? {
        Kind::Cur if kind(i + 1) == Some(Kind::Space) => i + 2,
        Kind::Cur => i + 1,
        _ => i,
    };
    let body_end = match kind(body)? {
        Kind::Num => body + 1,
        Kind::Word if starts_words(t, toks, body) => words_end(t, toks, body),
        _ => return None,
    };
    let suffix = if kind(body_end) == Some(Kind::Space) { body_end + 1 } else { body_end };
    // A currency right before the next number is that number's (12 €30), not this one's.
    let own = kind(suffix) == Some(Kind::Cur) && !matches!(kind(suffix + 1), Some(Kind::Num | Kind::Word));
    let last = if own { suffix } else { body_end - 1 };
    Some(Candidate { start: toks[i].start, end: toks[last].end, body, body_end })
}

fn word<'a>(t: &'a str, k: &Tok) -> &'a str {
    &t[k.start..k.end]
}

/// A run of number words may start here: not at `and`, nor at `a` unless a scale follows (a hundred).
fn starts_words(t: &str, toks: &[Tok], at: usize) -> bool {
    match word(t, &toks[at]) {
        "and" => false,
        "a" => toks.get(at + 2).is_some_and(|k| matches!(word(t, k), "hundred" | "thousand" | "million")),
        _ => true,
    }
}

/// The index after a run of number words joined by single spaces or hyphens (twenty-five, one hundred).
fn words_end(t: &str, toks: &[Tok], at: usize) -> usize {
    let mut end = at + 1;
    while let (Some(sep), Some(next)) = (toks.get(end), toks.get(end + 1)) {
        let joins = sep.kind == Kind::Space || word(t, sep) == "-";
        if !(joins && next.kind == Kind::Word) {
            break;
        }
        end += 2;
    }
    end
}

fn judge(t: &str, toks: &[Tok], c: &Candidate, default: &str) -> Option<FoundAmount> {
    let end = cents_end(t, c.end).unwrap_or(c.end);
    if runs_on(t, toks, c) || approximate(t, c.start, end) {
        return None;
    }
    let reading = read_amount(&t[c.start..end]).ok()?;
    let currency = settle_currency(&reading.codes, default)?;
    let found =
        |marked| Some(FoundAmount { amount: reading.value, currency: currency.clone(), start: c.start, end, marked });
    if !reading.codes.is_empty() {
        return found(true);
    }
    let numeral = toks[c.body].kind == Kind::Word || !t[c.start..end].is_ascii();
    if not_an_amount(t, c.start, end) {
        return None;
    }
    match after_trigger(t, c.start) {
        true => found(true),
        false if numeral => None,
        false => found(false),
    }
}

/// Where the cents or pence spoken after an amount end (`twenty dollars and fifty cents`, `$20 and 50
/// cents`, `£20 and 50p`): they belong to it, so the amount is read with them or not at all.
fn cents_end(t: &str, end: usize) -> Option<usize> {
    let rest = &t[end..];
    let mut at = 0;
    for w in rest.split_whitespace().take(6) {
        let w_at = at + rest[at..].find(w)?;
        at = w_at + w.len();
        let bare = w.trim_end_matches(['.', ',', '!', '?']);
        let pennies = bare.strip_suffix('p').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        if matches!(bare, "cents" | "cent" | "pence" | "penny") || pennies {
            return Some(end + w_at + bare.len());
        }
        let number = bare.split('-').all(is_number_word) || bare.bytes().all(|b| b.is_ascii_digit());
        if !number {
            return None;
        }
    }
    None
}

/// The number's digits run on across one space into another group (`1 280`, `RMB 1 280`): one number or two.
fn runs_on(t: &str, toks: &[Tok], c: &Candidate) -> bool {
    let is = |j: Option<usize>, kind| j.and_then(|j| toks.get(j)).is_some_and(|k| k.kind == kind);
    let body = &toks[c.body];
    let joined = |a: &Tok, b: &Tok| read_amount(&t[a.start..b.end]).is_ok();
    let left = c.body.checked_sub(2);
    let right = c.body_end + 1;
    let run_left =
        is(c.body.checked_sub(1), Kind::Space) && is(left, Kind::Num) && joined(&toks[left.unwrap_or(0)], body);
    let run_right = body.kind == Kind::Num
        && is(Some(c.body_end), Kind::Space)
        && is(Some(right), Kind::Num)
        && joined(body, &toks[right]);
    body.kind == Kind::Num && (run_left || run_right)
}

/// Whether the text before `at` ends with one of `words`, across trailing spaces, `:` and up to three
/// `FILLERS` ("charged me", "扣了我"); a filler may also end a word itself (the 了 of 扣了).
fn said_before(t: &str, at: usize, words: &[&str]) -> bool {
    let trim = |s: &'_ str| s.trim_end_matches(|c: char| c.is_whitespace() || c == ':').len();
    let mut before = &t[..trim(&t[..at])];
    for _ in 0..4 {
        if ends_with_word(before, words).is_some() {
            return true;
        }
        match ends_with_word(before, FILLERS) {
            Some(len) => before = &before[..trim(&before[..before.len() - len])],
            None => return false,
        }
    }
    false
}

/// The length of the longest of `words` that `text` ends with, a word of letters not cut from a longer one.
fn ends_with_word(text: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter(|w| {
            text.strip_suffix(**w).is_some_and(|rest| {
                !(w.starts_with(|c: char| c.is_ascii_alphabetic()) && rest.ends_with(|c: char| c.is_ascii_alphabetic()))
            })
        })
        .map(|w| w.len())
        .max()
}

fn after_trigger(t: &str, at: usize) -> bool {
    said_before(t, at, AMOUNT_TRIGGERS)
}

fn approximate(t: &str, start: usize, end: usize) -> bool {
    let before = t[..start].trim_end();
    let after = t[end..].trim_start();
    ends_with_word(before, APPROXIMATE_BEFORE).is_some()
        || APPROXIMATE_AFTER.iter().any(|w| {
            after.strip_prefix(w).is_some_and(|rest| {
                !(w.ends_with(|c: char| c.is_ascii_alphabetic()) && rest.starts_with(|c: char| c.is_ascii_alphabetic()))
            })
        })
}

/// A bare number that is a time, a date, a count, a range, a rank or a card's last digits.
fn not_an_amount(t: &str, start: usize, end: usize) -> bool {
    let mut back = t[..start].chars().rev();
    let (before, before2) = (back.next(), back.next());
    let after = t[end..].chars().next();
    let joined_before = before.is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || "/-~#+._@第".contains(c)
            || (c == ':' && before2.is_some_and(|d| d.is_ascii_digit()))
    });
    let joined_after = after.is_some_and(|c| c.is_ascii_alphabetic() || ":/-~%°_@".contains(c) || MEASURE.contains(c));
    let rest = t[end..].trim_start();
    let next_word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic() || *c == '\'').collect();
    let counted = NOT_AMOUNT_AFTER.contains(&next_word.as_str()) || rest.starts_with(|c| MEASURE.contains(c));
    let last4 = said_before(t, start, LAST4_BEFORE);
    joined_before || joined_after || counted || last4
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        #[test]
        fn what_is_found_lies_on_the_text_and_reads_back_alone(text in prop_oneof![
            "\\PC{0,40}",
            "((paid|charged me|扣了|碌咗|card ending|about|at|刷卡|two|twenty|a hundred|and) ?[0-9$£€¥元块蚊角毛分万千百十一二两三五零点.,:' /-]{0,12} ?(rmb|usd|quid|dollars|times|pm|次|左右|cents)? ?){1,4}",
        ]) {
            let norm = normalize(&text);
            let mut last_end = 0;
            for f in find_amounts(&text, "HKD") {
                prop_assert!(last_end <= f.start && f.start < f.end, "{:?}: {:?}", text, f);
                let span = norm.get(f.start..f.end);
                prop_assert!(span.is_some(), "{:?}: {:?}", text, f);
                let alone = super::super::parse_amount(span.unwrap_or_default(), "HKD");
                prop_assert_eq!(alone, Ok((f.amount, f.currency.clone())), "{:?}", text);
                last_end = f.end;
            }
        }
    }

    fn found(text: &str, card: &str) -> Vec<(String, String, bool, String)> {
        let norm = normalize(text);
        find_amounts(text, card)
            .into_iter()
            .map(|f| (f.amount.to_string(), f.currency, f.marked, norm[f.start..f.end].to_string()))
            .collect()
    }

    fn one(amount: &str, currency: &str, marked: bool, span: &str) -> (String, String, bool, String) {
        (amount.into(), currency.into(), marked, span.into())
    }

    #[test]
    fn the_brief_s_stories() {
        assert_eq!(
            found("the card machine said declined so I paid again, now I see two payments of £23.50", "GBP"),
            [one("23.5", "GBP", true, "£23.50")]
        );
        assert_eq!(found("刷卡扣了两次一百二十八元", "CNY"), [one("128", "CNY", true, "一百二十八元")]);
        assert_eq!(found("碌咗$88兩次", "HKD"), [one("88", "HKD", true, "$88")]);
        assert_eq!(found("at 3pm I paid 45 at Tesco", "GBP"), [one("45", "GBP", true, "45")]);
        assert_eq!(found("card ending 1234 charged twice", "USD"), []);
        assert_eq!(found("12/1 charged 300", "CNY"), [one("300", "CNY", true, "300")]);
    }

    #[test]
    fn marked_unmarked_and_left_out() {
        assert_eq!(
            found("I bought 3 coffees for 4.50", "EUR"),
            [one("3", "EUR", false, "3"), one("4.5", "EUR", false, "4.50")]
        );
        assert_eq!(found("charged me 300 rmb and then 300 rmb again", "USD").len(), 2);
        assert_eq!(found("paid twenty five dollars", "HKD"), [one("25", "HKD", true, "twenty five dollars")]);
        assert_eq!(found("paid a hundred quid", "GBP"), [one("100", "GBP", true, "a hundred quid")]);
        assert_eq!(
            found("it was twenty dollars and fifty cents", "USD"),
            [one("20.5", "USD", true, "twenty dollars and fifty cents")]
        );
        assert_eq!(found("paid $20 and 50 cents", "USD"), []);
        assert_eq!(found("paid 2 times, 5 days ago, at 18:05 on 2026-11-25", "USD"), []);
        assert_eq!(found("paid about £45", "GBP"), []);
        assert_eq!(found("大概扣了128元左右", "CNY"), []);
        assert_eq!(found("我们一块儿去的，等了五分钟", "CNY"), []);
        assert_eq!(found("扣了一百二十八", "CNY"), [one("128", "CNY", true, "一百二十八")]);
        assert_eq!(found("一下子扣了两笔", "CNY"), []);
        assert_eq!(found("paid 1 280 euros", "EUR"), []);
        assert_eq!(found("£23.505", "GBP"), []);
        assert_eq!(found("€12 rmb", "EUR"), []);
        assert_eq!(found("12 €30", "EUR"), [one("12", "EUR", false, "12"), one("30", "EUR", true, "€30")]);
        assert_eq!(found("尾号1234的卡被扣了三块五毛二", "CNY"), [one("3.52", "CNY", true, "三块五毛二")]);
        assert_eq!(found("card **** 1234 and XXXX 5678 refund of 50", "GBP"), [one("50", "GBP", true, "50")]);
        assert_eq!(found("12月1日下午3点扣了300，在元朗碌咗$88", "HKD").len(), 2);
        assert_eq!(found("paid 45 2 times", "GBP"), [one("45", "GBP", true, "45")]);
        assert_eq!(found("paid HK$1,280.50 at 7-11", "HKD"), [one("1280.5", "HKD", true, "HK$1,280.50")]);
    }
}
