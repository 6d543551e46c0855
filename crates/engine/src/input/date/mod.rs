//! Dates and times as typed, in English and Chinese: written dates in the card's order, days said relative
//! to today, weekdays, parts of the day and clock times; as a whole answer (`parse_when`) or inside a
//! person's story (`find_when`). Where a date could be read two ways, the readings are returned to be
//! asked about (`DateError::Ambiguous`): the date goes into a letter to the bank and decides advice, and a
//! misread date is worse than a question.
//!
//! How it reads: each reader (`numeric`, `chinese`, `english`) finds its phrases in the normalized text as
//! pieces (a day, a part of the day, a clock time) and blanks them out, the least ambiguous forms first;
//! `phrase` puts a run of pieces together and decides the date, or the readings to ask about.
//!
//! Owns: `parse_when`, `find_when`, `DateOrder`, `When`, `DateError`, `FoundWhen`.
//! Must not touch: time zones (the caller passes the person's local `now`), amounts (`amount`,
//! `cjk_number`), what to say about a date (`step`).

mod chinese;
mod cjk_small;
mod clock;
mod day;
mod english;
mod numeric;
mod phrase;

use super::normalize;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use clock::{Clock, Period};
use day::Day;
use std::ops::Range;

/// How a card's country writes a date in numbers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `25/11/2026`, `25/11`: the UK, the EU, Hong Kong, Macau, Singapore.
    DayFirst,
    /// `11/25/2026`, `11/25`: the US.
    MonthFirst,
    /// `2026/11/25`, and `11/25` (月/日) without the year: mainland China.
    YearFirst,
    /// Taiwan: as `YearFirst`, and a year of three digits counts from 1912, the first year of the Republic
    /// (`115/11/20`, `115年11月20日` are 2026). A variant rather than a flag, since only a year-first place
    /// counts years this way. `民國115年` is read in every order: it says which count it is.
    Minguo,
    /// Not known (`other`): a day and month that read both ways are asked about.
    Unknown,
}

impl DateOrder {
    /// The order named in a jurisdiction file (`date_order = "day_first"`).
    pub fn parse(name: &str) -> Option<DateOrder> {
        Some(match name.trim() {
            "day_first" => DateOrder::DayFirst,
            "month_first" => DateOrder::MonthFirst,
            "year_first" => DateOrder::YearFirst,
            "minguo" => DateOrder::Minguo,
            "unknown" => DateOrder::Unknown,
            _ => return None,
        })
    }

    /// The order of a jurisdiction id as shipped in `flows/jurisdictions/` (for tests and tables that name
    /// a jurisdiction); the bot itself reads `date_order` from the jurisdiction's file.
    pub fn of_jurisdiction(id: &str) -> DateOrder {
        match id {
            "uk" | "eu" | "hk" | "mo" | "sg" => DateOrder::DayFirst,
            "us" => DateOrder::MonthFirst,
            "cn" => DateOrder::YearFirst,
            "tw" => DateOrder::Minguo,
            _ => DateOrder::Unknown,
        }
    }
}

/// A date with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl When {
    pub fn datetime(&self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    NotADate,
    InTheFuture,
    TooOld,
    /// The text reads as more than one date or time: the readings to offer, each a possible date and not in
    /// the future. Usually two ("3 November or 11 March?", "03:15 or 15:15?"); one when only a reading the
    /// card's order does not give is possible ("13 November?" for `11/13/2026` on a UK card), to confirm
    /// rather than take silently; three at most (`05.12` on a UK card: 5 December last year, 12 May, 05:12).
    Ambiguous(Vec<When>),
}

/// A date or time found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundWhen {
    /// The date read, or (`Err`) the readings to ask about, as in `DateError::Ambiguous`.
    pub when: Result<When, Vec<When>>,
    /// Where the phrase is, in bytes of `input::normalize(text)`.
    pub span: Range<usize>,
}

/// Reads a whole answer as a date and maybe a time: `2026-11-25 14:30`, `2026年11月25日 下午2点`,
/// `01/12/2026 18:05` (by `order`), `Dec 1st 6pm`, `last friday 3pm`, `昨晚8点`, `琴日 下晝3點`. `now` is the
/// person's local time. Words around it may only be filler (`at`, `around`, `左右`).
pub fn parse_when(text: &str, now: NaiveDateTime, order: DateOrder) -> Result<When, DateError> {
    let text = normalize(text).to_ascii_lowercase();
    let ctx = Ctx { today: now.date(), order, in_sentence: false };
    let (pieces, rest) = scan(&text, &ctx);
    if pieces.is_empty() || !phrase::is_filler(&rest) {
        return Err(DateError::NotADate);
    }
    phrase::resolve(phrase::assemble(&pieces)?, now)
}

/// The first clear date or time phrase in a sentence ("the card machine said declined yesterday at 3pm",
/// "昨晚8点在全家刷卡扣了两次"), read as `parse_when` would; `None` if there is none. Only phrases that say
/// they are dates count: a bare number, an amount (`45.00`, `扣了11.30`) or a card's last 4 digits never do,
/// nor a spoken hour alone (`一点` is also "a little"); phrases that read as no possible date (`tomorrow`) are
/// passed over.
pub fn find_when(text: &str, now: NaiveDateTime, order: DateOrder) -> Option<FoundWhen> {
    let text = normalize(text).to_ascii_lowercase();
    let ctx = Ctx { today: now.date(), order, in_sentence: true };
    let (pieces, rest) = scan(&text, &ctx);
    let runs = phrase::runs(&pieces, &rest);
    runs.into_iter().filter(|(_, contested)| !contested).find_map(|(run, _)| phrase::read_run(run, now))
}

/// What the readers need besides the text.
struct Ctx {
    today: NaiveDate,
    order: DateOrder,
    /// Reading inside a sentence: only clear date phrases count.
    in_sentence: bool,
}

/// One phrase a reader found.
#[derive(Debug, Clone)]
struct Piece {
    span: Range<usize>,
    says: Says,
}

#[derive(Debug, Clone)]
enum Says {
    Day(Day),
    /// A day and a part of it: `last night`, `昨晚`, `今朝`.
    DayAt(Day, Period),
    Period(Period),
    Clock(Clock),
    /// `11.30` where that is also how a time is written: the day, unless another piece gives it.
    DayOrClock(Day, Clock),
}

type Reader = fn(&str, &Ctx) -> Vec<Piece>;

/// The readers, the least ambiguous forms first: a full date before a day and month, `3.30pm` before `3.30`.
const READERS: [Reader; 12] = [
    numeric::full_dates,
    chinese::dates,
    english::month_names,
    english::relative_days,
    chinese::relative_days,
    english::weekdays,
    chinese::weekdays,
    chinese::periods,
    english::periods,
    english::clocks,
    chinese::clocks,
    numeric::pairs,
];

/// Every piece found, in text order, and the text with each blanked out (spaces of the same byte length, so
/// that spans stay those of the text, and a later reader does not read a piece again).
fn scan(text: &str, ctx: &Ctx) -> (Vec<Piece>, String) {
    let mut rest = text.to_string();
    let mut pieces: Vec<Piece> = Vec::new();
    for read in READERS {
        for piece in read(&rest, ctx) {
            let span = &piece.span;
            if pieces.iter().any(|p| p.span.start < span.end && span.start < p.span.end) {
                continue;
            }
            rest.replace_range(span.clone(), &" ".repeat(span.len()));
            pieces.push(piece);
        }
    }
    pieces.sort_by_key(|p| p.span.start);
    (pieces, rest)
}

/// Whether a character continues a number: `1234` is not `12` and `34`, nor `12.50.3` a date and a number.
fn joins(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ':' | '-')
}

/// Whether the text just after `end` continues a number (a digit, or `.5`, `/3`, `:30`).
fn joined_after(text: &str, end: usize) -> bool {
    let mut next = text[end..].chars();
    match (next.next(), next.next()) {
        (Some(c), _) if c.is_ascii_digit() => true,
        (Some(c), Some(d)) => joins(c) && d.is_ascii_digit(),
        _ => false,
    }
}

/// Runs `read` on each match of `re` (in either language's reader); `None` from it means "not a date after
/// all" and adds no piece.
fn each(text: &str, re: &regex::Regex, mut read: impl FnMut(&regex::Captures) -> Option<Says>) -> Vec<Piece> {
    re.captures_iter(text)
        .filter_map(|c| {
            let span = c.get(0)?.range();
            // `3-4 days ago` is a range, not 4 days ago.
            (!joined_before(text, span.start)).then_some(())?;
            Some(Piece { says: read(&c)?, span })
        })
        .collect()
}

/// Whether the text just before `start` continues a number.
fn joined_before(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev();
    match (before.next(), before.next()) {
        (Some(c), _) if c.is_ascii_digit() => true,
        (Some(c), Some(d)) => joins(c) && d.is_ascii_digit(),
        _ => false,
    }
}

/// Whether a number stands alone, not as part of a longer one.
fn bounded(text: &str, span: &Range<usize>) -> bool {
    !joined_before(text, span.start) && !joined_after(text, span.end)
}

/// Whether a number in a sentence is an amount or a count rather than a date: a currency or a verb of
/// paying just before it (`charged 12.10`, `扣了我11.30`, `$3.50`), or a currency, unit or percent just after
/// (`12.5元`, `8.5%`, `1/2 price`, `3/4 days`). A heuristic, only for `find_when`: what it lets through
/// still has to read as a date, and is asked about where it reads two ways.
fn quantity_or_money(text: &str, span: &Range<usize>) -> bool {
    const BEFORE: &[&str] = &[
        "$", "£", "€", "¥", "￥", "rmb", "usd", "hkd", "sgd", "gbp", "eur", "cny", "twd", "mop", "charged", "paid",
        "pay", "cost", "costs", "total", "扣", "扣了", "扣咗", "了我", "咗我", "付", "收", "金额", "金額", "共", "价",
        "價", "钱", "錢", "畀", "俾",
    ];
    const AFTER: &[&str] = &[
        "%", "元", "块", "塊", "蚊", "毫", "角", "$", "dollar", "usd", "hkd", "rmb", "sgd", "gbp", "eur", "cny", "twd",
        "mop", "pound", "euro", "day", "week", "month", "year", "time", "hour", "min", "price", "off", "天", "次",
        "个", "個", "小时", "小時", "周", "週", "倍",
    ];
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    BEFORE.iter().any(|w| before.ends_with(w)) || AFTER.iter().any(|w| after.starts_with(w))
}

/// A date read must not be in the future, nor before 2000.
fn in_range(when: When, now: NaiveDateTime) -> Result<When, DateError> {
    let today = now.date();
    // A few minutes of slack for a clock that is a little behind the terminal's.
    if when.date > today || when.time.is_some_and(|t| when.date.and_time(t) > now + Duration::minutes(10)) {
        return Err(DateError::InTheFuture);
    }
    if when.date < NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(when.date) {
        return Err(DateError::TooOld);
    }
    Ok(when)
}

#[cfg(test)]
mod tests;
