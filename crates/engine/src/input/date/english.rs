//! English dates and times: month names (`1 Dec`, `Dec 1st, 2026`), days said relative to today
//! (`yesterday`, `2 days ago`, `last friday`, `last night`), parts of the day and clock times (`6pm`,
//! `3.30pm`, `15:30`, `15h30`, `noon`, `half past 3`).
//!
//! Hand-written rather than taken from `interim` (0.2.2, MIT, pure, takes `now`): there "friday" is the
//! coming Friday where a payment is always a past one, it has no noon, midnight, tonight, last night or this
//! morning, only UK and US orders, and it reads a whole text, not a phrase inside a sentence.
//!
//! Owns: finding those English phrases in a (lower-cased) text.
//! Must not touch: Chinese forms, numeric dates (`numeric`), which reading wins (`day`, `phrase`).

use super::clock::{Clock, Half, Period};
use super::day::{Dated, Day, either, recent, weekday_alone, weekday_back, weekday_in_week};
use super::{Ctx, DateOrder, Piece, Says, bounded, each, joined_after, quantity_or_money};
use chrono::{Duration, NaiveDate, Weekday};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Longer names first: the regex takes the first alternative that matches.
const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|\
                      jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const NUMBER_WORDS: &str = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

fn re(pattern: &str) -> Regex {
    // An ASCII word boundary: `昨天3pm` has none before the 3 in Unicode's sense, since 天 is a letter.
    Regex::new(&pattern.replace("\\b", "(?-u:\\b)")).unwrap()
}

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"\b([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\b\.?(?:,?\s+([0-9]{{4}})\b)?"))
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"\b({MONTHS})\b\.?\s+(?:the\s+)?([0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+([0-9]{{4}})\b)?"))
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|last\s+night|just\s+now|this\s+(?:morning|afternoon|evening))\b",
    )
});
static AGO: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b([0-9]{{1,3}}|an?|{NUMBER_WORDS})\s+(days?|weeks?)\s+ago\b")));
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:(last|this\s+past|past|this|next)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
});
static PERIOD: LazyLock<Regex> = LazyLock::new(|| re(r"\b(morning|afternoon|evening|night)\b"));
static AM_PM: LazyLock<Regex> = LazyLock::new(|| re(r"\b([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b)"));
static COLON: LazyLock<Regex> = LazyLock::new(|| re(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"));
static H_FORM: LazyLock<Regex> = LazyLock::new(|| re(r"\b([0-9]{1,2})h([0-9]{2})\b"));
static NAMED: LazyLock<Regex> = LazyLock::new(|| re(r"\b(noon|midday|midnight)\b"));
static SPOKEN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(half|quarter)\s+(past|to)\s+([0-9]{{1,2}}|{NUMBER_WORDS})|([0-9]{{1,2}}|{NUMBER_WORDS})\s+o['’]?\s?clock)\b"
    ))
});

fn month_number(m: &str) -> u32 {
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|x| m.starts_with(x))
        .map_or(0, |i| i as u32 + 1)
}

/// `1 Dec`, `1st of December 2026`, `Dec 1st`, `December 1, 2026`: a month name with a day, not alone.
pub fn month_names(text: &str, ctx: &Ctx) -> Vec<Piece> {
    let day_month = |c: &Captures| Some(month_date(ctx, &c[2], &c[1], c.get(3).map(|y| y.as_str())));
    let mut found = each(text, &DAY_MONTH, day_month);
    let month_day = |c: &Captures| {
        // `Dec 18:05` is a month and a time, not the 18th.
        if joined_after(text, c.get(2)?.end()) {
            return None;
        }
        Some(month_date(ctx, &c[1], &c[2], c.get(3).map(|y| y.as_str())))
    };
    // Where both match (`1 dec 2`), the pieces overlap and `scan` keeps the first.
    found.extend(each(text, &MONTH_DAY, month_day));
    // "may" is also a verb: in a sentence, `may 5 times` is a count.
    found.retain(|p| !ctx.in_sentence || !quantity_or_money(text, &p.span));
    found
}

fn month_date(ctx: &Ctx, month: &str, day: &str, year: Option<&str>) -> Says {
    let (m, d) = (month_number(month), day.parse().unwrap_or(0));
    Says::Day(match year.and_then(|y| y.parse().ok()) {
        Some(y) => Day::On(NaiveDate::from_ymd_opt(y, m, d)),
        None => Day::On(recent(ctx.today, m, d).map(|d| d.date)),
    })
}

/// `yesterday`, `day before yesterday`, `tonight`, `last night`, `this morning`, `2 days ago`, `a week ago`.
pub fn relative_days(text: &str, ctx: &Ctx) -> Vec<Piece> {
    let back = |days: i64| Day::on(ctx.today - Duration::days(days));
    let mut found = each(text, &RELATIVE, |c| {
        let words: Vec<&str> = c[0].split_whitespace().collect();
        Some(match words.as_slice() {
            [.., "before", "yesterday"] => Says::Day(back(2)),
            ["yesterday"] => Says::Day(back(1)),
            ["today"] | ["just", "now"] => Says::Day(back(0)),
            ["tomorrow"] => Says::Day(back(-1)),
            ["tonight"] => Says::DayAt(back(0), Period::Evening),
            ["last", "night"] => Says::DayAt(back(1), Period::Evening),
            ["this", part] => Says::DayAt(back(0), period(part)?),
            _ => return None,
        })
    });
    found.extend(each(text, &AGO, |c| {
        let n = i64::from(number(&c[1])?);
        Some(Says::Day(back(if c[2].starts_with("week") { 7 * n } else { n })))
    }));
    found
}

fn number(word: &str) -> Option<u32> {
    match word {
        "a" | "an" => Some(1),
        w if w.bytes().all(|b| b.is_ascii_digit()) => w.parse().ok(),
        w => NUMBER_WORDS.split('|').position(|x| x == w).map(|i| i as u32 + 1),
    }
}

fn period(word: &str) -> Option<Period> {
    Some(match word {
        "morning" => Period::Morning,
        "afternoon" => Period::Afternoon,
        "evening" | "night" => Period::Evening,
        _ => return None,
    })
}

/// `friday` (the most recent), `last friday`, `this friday`, `next friday` (in the future, so refused).
/// "last monday" said on a Wednesday is this week's Monday to some and last week's to others: asked.
pub fn weekdays(text: &str, ctx: &Ctx) -> Vec<Piece> {
    let today = ctx.today;
    each(text, &WEEKDAY, |c| {
        let wd: Weekday = c[2].parse().ok()?;
        let which = c.get(1).map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
        Some(Says::Day(match which.as_deref() {
            None => weekday_alone(today, wd),
            Some("past" | "this past") => Day::on(weekday_back(today, wd)),
            Some("this") => Day::on(weekday_in_week(today, wd, 0)),
            Some("next") => Day::on(weekday_in_week(today, wd, 1)),
            Some(_) => last_weekday(today, wd),
        }))
    })
}

fn last_weekday(today: NaiveDate, wd: Weekday) -> Day {
    let recent = weekday_back(today, wd);
    let dated = |date| Some(Dated { date, moved_back: false });
    match recent >= weekday_in_week(today, Weekday::Mon, 0) {
        true => either(dated(recent), dated(recent - Duration::days(7))),
        false => Day::on(recent),
    }
}

/// `morning`, `afternoon`, `evening`, `night` (as in `yesterday evening`, `monday morning`).
pub fn periods(text: &str, _ctx: &Ctx) -> Vec<Piece> {
    each(text, &PERIOD, |c| Some(Says::Period(period(&c[1])?)))
}

/// Clock times: `6pm`, `3.30pm`, `18:05`, `18:05:30`, `15h30`, `noon`, `midnight`, `half past 3`,
/// `quarter to 4`, `3 o'clock`.
pub fn clocks(text: &str, ctx: &Ctx) -> Vec<Piece> {
    // The US writes a 12-hour clock: there `3:30` with no am or pm is 03:30 or 15:30, and asked. A leading
    // zero or two digits (`04:30`, `10:00`, `12:30`, `18:05`) is read as written, as everywhere else: the
    // 24-hour clock of receipts and terminals.
    let us = ctx.order == DateOrder::MonthFirst;
    let colon_half = |hour: &str| if us && hour.len() == 1 { Half::Unsure } else { Half::Day24 };
    let mut found = each(text, &AM_PM, |c| {
        let half = if c[3].starts_with('a') { Half::Am } else { Half::Pm };
        Some(Says::Clock(Clock::new(c[1].parse().ok()?, minute(c.get(2)), half)))
    });
    // `10:30am` also matches as `10:30`: `scan` keeps the first, the am/pm one.
    found.extend(each(text, &COLON, |c| {
        let span = c.get(0)?.range();
        bounded(text, &span).then_some(())?;
        let mut clock = Clock::new(c[1].parse().ok()?, minute(c.get(2)), colon_half(&c[1]));
        clock.second = c.get(3).map_or(0, |s| s.as_str().parse().unwrap_or(99));
        Some(Says::Clock(clock))
    }));
    found.extend(each(text, &H_FORM, |c| {
        Some(Says::Clock(Clock::new(c[1].parse().ok()?, minute(c.get(2)), Half::Day24)))
    }));
    found.extend(each(text, &NAMED, |c| {
        Some(Says::Clock(match &c[1] {
            "midnight" => Clock::new(0, 0, Half::Midnight),
            _ => Clock::new(12, 0, Half::Day24),
        }))
    }));
    found.extend(each(text, &SPOKEN, spoken));
    found
}

fn minute(m: Option<regex::Match>) -> u32 {
    m.map_or(0, |m| m.as_str().parse().unwrap_or(99))
}

/// `half past 3`, `quarter past 3`, `quarter to 4` (3:45), `3 o'clock`: hours on a 12-hour clock.
fn spoken(c: &Captures) -> Option<Says> {
    if let Some(h) = c.get(4) {
        return Some(Says::Clock(Clock::new(number(h.as_str())?, 0, Half::Unsure)));
    }
    let hour = number(&c[3]).filter(|h| (1..=12).contains(h))?;
    let (hour, minute) = match (&c[1], &c[2]) {
        ("half", "past") => (hour, 30),
        ("quarter", "past") => (hour, 15),
        ("quarter", "to") => (if hour == 1 { 12 } else { hour - 1 }, 45),
        _ => return None,
    };
    Some(Says::Clock(Clock::new(hour, minute, Half::Unsure)))
}
