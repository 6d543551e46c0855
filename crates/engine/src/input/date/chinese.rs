//! Chinese dates and times as typed in mainland China, Taiwan and Hong Kong: `12月1日`, `民國115年11月20日`,
//! `昨晚`, `琴日`, `大前天`, `三天前`, `上週五`, `禮拜五`, `下午`, `朝早`, `三点一刻`, `10點半`, `15时30分`.
//!
//! Owns: finding those Chinese phrases in a text.
//! Must not touch: English forms, numeric dates (`numeric`), which reading wins (`day`, `phrase`), amounts
//! (`cjk_number`: numerals here are `cjk_small`'s, 0 to 99).

use super::cjk_small::small_number;
use super::clock::{Clock, Half, Period};
use super::day::{Day, recent, weekday_alone, weekday_in_week};
use super::numeric::MINGUO_OFFSET;
use super::{Ctx, DateOrder, Piece, Says, each, joined_after};
use chrono::{Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

const NUMERAL: &str = "零〇一二两兩三四五六七八九十廿卅";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(民國|民国)\s*)?(?:([0-9]{1,4}|[〇零一二三四五六七八九]{4})\s*年\s*)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十廿卅]{1,3})(?:\s*(日|号|號))?",
    )
    .unwrap()
});
/// Longer words first; 琴日, 尋日 and 噚日 are Hong Kong's spoken "yesterday", 琴晚 its "last night", 今朝 its
/// "this morning", 聽日 its "tomorrow".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("大前天|大前日|前天|前日|前晚|昨天|昨日|昨晚|昨夜|琴日|琴晚|尋日|尋晚|噚日|噚晚|寻日|寻晚|今天|今日|今早|今朝|今晚|今夜|明天|明日|聽日|听日|後天|后天|刚才|剛才|頭先|头先").unwrap()
});
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,2}|[零一二两兩三四五六七八九十]{1,3})\s*(?:個|个)?\s*(天|日|星期|禮拜|礼拜|周|週)\s*(?:之前|以前|前)").unwrap()
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(上|這|这|本|下)\s*(?:個|个)?\s*)?(星期|禮拜|礼拜|周|週)\s*([一二三四五六日天])").unwrap()
});
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(凌晨|早上|早晨|朝早|上午|中午|晏晝|晏昼|下午|下晝|下昼|傍晚|晚上|夜晚|夜里|夜裡|晚间|晚間)|([早晚夜])\s*[0-9零〇一二两兩三四五六七八九十]").unwrap()
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{1,2}|[零〇一二两兩三四五六七八九十廿]{1,3})\s*(点|點|时|時)(?:\s*(半|一刻|三刻|整|正|鐘|钟|鍾)|\s*([0-9]{1,2}|[零〇一二三四五六七八九十]{1,3})(?:\s*(分))?)?").unwrap()
});

/// `12月1日`, `12月1號`, `2026年12月1日`, `十二月一日`, `民國115年11月20日`, and in Taiwan `115年11月20日`.
pub fn dates(text: &str, ctx: &Ctx) -> Vec<Piece> {
    each(text, &DATE, |c| {
        let end = c.get(0)?.end();
        // Without 日 the day must end there: `12月15000元` is no date.
        if c.get(5).is_none()
            && text[end..].chars().next().is_some_and(|ch| ch.is_ascii_digit() || NUMERAL.contains(ch))
        {
            return None;
        }
        let (m, d) = (small_number(&c[3])?, small_number(&c[4])?);
        let day = match (c.get(1).is_some(), c.get(2).map(|y| year(y.as_str()))) {
            (_, Some((y, 4))) => Day::On(NaiveDate::from_ymd_opt(y, m, d)),
            (true, Some((y, 1..=3))) => Day::On(NaiveDate::from_ymd_opt(y + MINGUO_OFFSET, m, d)),
            (false, Some((y, 1..=3))) if ctx.order == DateOrder::Minguo => {
                Day::On(NaiveDate::from_ymd_opt(y + MINGUO_OFFSET, m, d))
            }
            (false, None) => Day::On(recent(ctx.today, m, d).map(|d| d.date)),
            _ => Day::On(None),
        };
        (!ctx.in_sentence || day != Day::On(None)).then_some(Says::Day(day))
    })
}

/// A year and how many digits it was written with; Chinese digits are read one by one (二〇二六).
fn year(s: &str) -> (i32, usize) {
    let digits: String = s
        .chars()
        .map(|c| match c {
            '〇' | '零' => '0',
            c if c.is_ascii_digit() => c,
            c => small_number(c.encode_utf8(&mut [0; 4])).and_then(|v| char::from_digit(v, 10)).unwrap_or('x'),
        })
        .collect();
    (digits.parse().unwrap_or(0), digits.chars().count())
}

/// Words before 前天/前日/前晚 that make them part of another word: 目前 (now), 以前 (before), 之前, 提前…
fn inside_a_word(text: &str, start: usize) -> bool {
    text[..start].chars().next_back().is_some_and(|c| "目以之提從从向眼当當日".contains(c))
}

/// `昨天`, `琴日`, `大前天`, `今晚`, `昨晚` (yesterday, evening), `今朝` (this morning), `3天前`, `兩日前`,
/// `一週前`.
pub fn relative_days(text: &str, ctx: &Ctx) -> Vec<Piece> {
    let back = |days: i64| Day::on(ctx.today - Duration::days(days));
    let mut found = each(text, &RELATIVE, |c| {
        let m = c.get(0)?;
        if m.as_str().starts_with('前') && inside_a_word(text, m.start()) {
            return None;
        }
        Some(match m.as_str() {
            "大前天" | "大前日" => Says::Day(back(3)),
            "前天" | "前日" => Says::Day(back(2)),
            "前晚" => Says::DayAt(back(2), Period::Evening),
            "今早" | "今朝" => Says::DayAt(back(0), Period::Morning),
            "今晚" | "今夜" => Says::DayAt(back(0), Period::Evening),
            "明天" | "明日" | "聽日" | "听日" => Says::Day(back(-1)),
            "後天" | "后天" => Says::Day(back(-2)),
            w if w.ends_with('晚') || w.ends_with('夜') => Says::DayAt(back(1), Period::Evening),
            w if w.starts_with('今') || "刚才剛才頭先头先".contains(w) => Says::Day(back(0)),
            _ => Says::Day(back(1)),
        })
    });
    found.extend(each(text, &AGO, |c| {
        let n = i64::from(small_number(&c[1])?);
        let week = !matches!(&c[2], "天" | "日");
        Some(Says::Day(back(if week { 7 * n } else { n })))
    }));
    found
}

/// `周五`, `星期五`, `禮拜五` (the most recent), `上週五`, `上個禮拜五` (last week's: Chinese weeks start on
/// Monday), `这周一`, `本週一` (this week's), `下周五` (next week's: in the future).
pub fn weekdays(text: &str, ctx: &Ctx) -> Vec<Piece> {
    each(text, &WEEKDAY, |c| {
        let start = c.get(0)?.start();
        // 上上週五 is two weeks back: not read as last week's.
        if text[..start].ends_with('上') || text[..start].ends_with('下') {
            return None;
        }
        let wd = match &c[3] {
            "一" => Weekday::Mon,
            "二" => Weekday::Tue,
            "三" => Weekday::Wed,
            "四" => Weekday::Thu,
            "五" => Weekday::Fri,
            "六" => Weekday::Sat,
            _ => Weekday::Sun,
        };
        Some(Says::Day(match c.get(1).map(|m| m.as_str()) {
            None => weekday_alone(ctx.today, wd),
            Some("上") => Day::on(weekday_in_week(ctx.today, wd, -1)),
            Some("下") => Day::on(weekday_in_week(ctx.today, wd, 1)),
            Some(_) => Day::on(weekday_in_week(ctx.today, wd, 0)),
        }))
    })
}

/// Parts of the day: `下午`, `晚上`, `凌晨`, Hong Kong's `朝早`, `下晝`, `晏晝`, `夜晚`; and `早`, `晚`, `夜` alone
/// only just before an hour (`晚8点`), since alone they are also "early", "late" and "night".
pub fn periods(text: &str, _ctx: &Ctx) -> Vec<Piece> {
    PERIOD
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(1).or(c.get(2))?;
            let period = match m.as_str() {
                "凌晨" => Period::Early,
                "早上" | "早晨" | "朝早" | "上午" | "早" => Period::Morning,
                "中午" | "晏晝" | "晏昼" => Period::Noon,
                "下午" | "下晝" | "下昼" => Period::Afternoon,
                _ => Period::Evening,
            };
            Some(Piece { span: m.range(), says: Says::Period(period) })
        })
        .collect()
}

/// `3点`, `三点一刻` (:15), `10點半` (:30), `3点45`, `3點15分`, `三点零五`, `15时30分`, `三點鐘`. A single digit
/// after the hour with no 分 is not read: in Hong Kong `3點3` is 3:15 (counted in fives), elsewhere 3:03.
pub fn clocks(text: &str, _ctx: &Ctx) -> Vec<Piece> {
    each(text, &CLOCK, |c| {
        let hour_text = &c[1];
        // 时 after a Chinese numeral is also "a while" (一时): only `15时` with digits is a time.
        if matches!(&c[2], "时" | "時") && !hour_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if joined_after(text, c.get(0)?.end()) {
            return None;
        }
        let hour = small_number(hour_text)?;
        let minute = match (c.get(3).map(|m| m.as_str()), c.get(4).map(|m| m.as_str()), c.get(5).is_some()) {
            (Some("半"), ..) => 30,
            (Some("一刻"), ..) => 15,
            (Some("三刻"), ..) => 45,
            (Some(_), ..) | (None, None, _) => 0,
            (None, Some(m), true) => small_number(m).unwrap_or(99),
            (None, Some(m), false) => exact_minute(m),
        };
        let half = if hour == 0 || hour >= 13 { Half::Day24 } else { Half::Unsure };
        Some(Says::Clock(Clock::new(hour, minute, half)))
    })
}

/// Minutes after the hour with no 分: two digits (`3点05`, `3点45`), or a Chinese numeral of ten or more or
/// starting with 零 (`三点十五`, `三点零五`). Anything else is 99, which no time has: refused, not guessed.
fn exact_minute(m: &str) -> u32 {
    let two_digits = m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit());
    match small_number(m) {
        Some(v) if two_digits || (!m.is_ascii() && (v >= 10 || m.starts_with(['零', '〇']))) => v,
        _ => 99,
    }
}
