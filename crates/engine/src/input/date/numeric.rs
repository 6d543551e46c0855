//! Dates written in numbers only: `2026-12-01`, `115/11/20` (Taiwan), `01/12/2026`, `1/12/26`, and a day and
//! month without a year (`03/11`, `12/1`, `11.30`).
//!
//! Owns: finding those in a text and reading them by the card's order.
//! Must not touch: the rules of which reading wins or is asked (`day`), times (`english`, `chinese`).

use super::clock::{Clock, Half};
use super::day::{Day, day_of_pair};
use super::{Ctx, DateOrder, Piece, Says, bounded, quantity_or_money};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static FULL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,4})([-/.])([0-9]{1,2})[-/.]([0-9]{1,4})").unwrap());
static PAIR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9]{1,2})([-/.])([0-9]{1,2})").unwrap());

/// Taiwan counts years from 1912, the first year of the Republic (民國): 民國115年 is 2026.
pub const MINGUO_OFFSET: i32 = 1911;

/// Dates with a year: the year first (4 digits, or 3 in Taiwan) or last (4 digits, or 2).
pub fn full_dates(text: &str, ctx: &Ctx) -> Vec<Piece> {
    let mut found = Vec::new();
    for c in FULL.captures_iter(text) {
        let span = c.get(0).map_or(0..0, |m| m.range());
        if !bounded(text, &span) {
            continue;
        }
        let n = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        let (first, last) = (c[1].len(), c[4].len());
        let day = match (first, last) {
            (4, 1..=2) => Day::On(ymd(n(1) as i32, n(3), n(4))),
            (3, 1..=2) if ctx.order == DateOrder::Minguo => Day::On(ymd(n(1) as i32 + MINGUO_OFFSET, n(3), n(4))),
            (1..=2, 4) => day_of_pair(n(1), n(3), Some(n(4) as i32), ctx.order, ctx.today),
            // `1/12/26`: where the year comes first, 26/11/12 could be either end's year.
            (1..=2, 2) if !matches!(ctx.order, DateOrder::YearFirst | DateOrder::Minguo) => {
                day_of_pair(n(1), n(3), Some(2000 + n(4) as i32), ctx.order, ctx.today)
            }
            _ => Day::On(None),
        };
        if ctx.in_sentence && !names_a_date(&day) {
            continue;
        }
        found.push(Piece { span, says: Says::Day(day) });
    }
    found
}

/// A day and month without a year: `03/11`, `12-01`, `11.30`. With a dot, `11.30` is also how a time is
/// written where the day comes first (the UK's 11.30) or where the order is not known, so there it may be
/// either. In a sentence only a slash or a dot counts (`3-4 days` is a range), never next to money or a
/// count (`12.50 charged`, `8.5%`, `1/2 price` stay numbers), and never as a time.
pub fn pairs(text: &str, ctx: &Ctx) -> Vec<Piece> {
    let mut found = Vec::new();
    for c in PAIR.captures_iter(text) {
        let span = c.get(0).map_or(0..0, |m| m.range());
        let dot = &c[2] == ".";
        if !bounded(text, &span) || (ctx.in_sentence && (&c[2] == "-" || quantity_or_money(text, &span))) {
            continue;
        }
        let (a, b) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        let day = day_of_pair(a, b, None, ctx.order, ctx.today);
        if ctx.in_sentence && !names_a_date(&day) {
            continue;
        }
        let writes_dotted_times = matches!(ctx.order, DateOrder::DayFirst | DateOrder::Unknown);
        let says = match dot && c[3].len() == 2 && writes_dotted_times && !ctx.in_sentence {
            true => Says::DayOrClock(day, Clock::new(a, b, Half::Day24)),
            false => Says::Day(day),
        };
        found.push(Piece { span, says });
    }
    found
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Whether any reading of a date phrase is a date at all: in a sentence, `45.00` is an amount, not a
/// date to complain about.
pub fn names_a_date(day: &Day) -> bool {
    match day {
        Day::On(d) => d.is_some(),
        Day::Ordered { own, swapped } => own.is_some() || swapped.is_some(),
        Day::Either(..) => true,
    }
}
