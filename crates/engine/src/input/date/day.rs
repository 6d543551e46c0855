//! What a date phrase can mean, before the time is known: one date, or the readings of a day and month in
//! either order, or two days nothing chooses between; and the rules that decide which to use or to ask.
//!
//! Owns: `Day`, `Dated`, `Reading`, reading a day and month by the order (`day_of_pair`), the last twelve
//! months (`recent`), weekdays (`weekday_back`, `week_start`).
//! Must not touch: text (the readers in `numeric`, `english`, `chinese` find the numbers) or times of day.

use super::{DateError, DateOrder};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A date as read, and whether it was moved back a year: a day and month without a year are the last
/// twelve months' (on 2 December, `25/12` is last year's), which is a guess when another reading exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub moved_back: bool,
}

/// What a date phrase says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Day {
    /// One date; `None` when the numbers name none (30 February).
    On(Option<NaiveDate>),
    /// A day and month read in the person's order (`own`) and the other way round (`swapped`).
    Ordered { own: Option<Dated>, swapped: Option<Dated> },
    /// Two different dates and nothing to choose between them: a day and month where the order is not known,
    /// "friday" said on a Friday (today, or a week ago?), "last monday" said on a Wednesday.
    Either(Dated, Dated),
}

/// A date phrase once checked against today: one date, or the dates to ask about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Exact(NaiveDate),
    Ask(Vec<NaiveDate>),
}

fn not_before_2000(d: NaiveDate) -> bool {
    d >= NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(d)
}

/// Why a date cannot be the day of a payment.
fn fault(d: NaiveDate, today: NaiveDate) -> Option<DateError> {
    if d > today {
        Some(DateError::InTheFuture)
    } else if !not_before_2000(d) {
        Some(DateError::TooOld)
    } else {
        None
    }
}

impl Day {
    pub fn on(date: NaiveDate) -> Day {
        Day::On(Some(date))
    }

    /// Every date the phrase may mean, to check two names of one day against each other.
    pub fn dates(&self) -> Vec<NaiveDate> {
        match self {
            Day::On(d) => d.iter().copied().collect(),
            Day::Ordered { own, swapped } => own.iter().chain(swapped).map(|d| d.date).collect(),
            Day::Either(a, b) => vec![a.date, b.date],
        }
    }

    /// The date, or the dates to ask about. The person's order wins when its reading is a possible date that
    /// needed no guessing of the year. When it is impossible (13th month) or in the future, the other order is
    /// never taken silently — a wrong date in a letter to the bank is worse than a question — but it is
    /// offered, since a person used to the other order (an American with a UK card) most likely meant it.
    /// The same when the person's reading had to be moved back a year and the other needed not.
    pub fn resolve(&self, today: NaiveDate) -> Result<Reading, DateError> {
        let ok = |d: &Option<Dated>| d.filter(|d| fault(d.date, today).is_none());
        match self {
            Day::On(None) => Err(DateError::NotADate),
            Day::On(Some(d)) => fault(*d, today).map_or(Ok(Reading::Exact(*d)), Err),
            Day::Ordered { own, swapped } => {
                let other = ok(swapped).filter(|s| own.is_none_or(|o| o.date != s.date));
                match (ok(own), other) {
                    (Some(o), Some(s)) if o.moved_back && !s.moved_back => Ok(Reading::Ask(vec![o.date, s.date])),
                    (Some(o), _) => Ok(Reading::Exact(o.date)),
                    (None, Some(s)) => Ok(Reading::Ask(vec![s.date])),
                    (None, None) => Err(own.and_then(|o| fault(o.date, today)).unwrap_or(DateError::NotADate)),
                }
            }
            Day::Either(a, b) => {
                let both: Vec<NaiveDate> =
                    [a, b].into_iter().map(|d| d.date).filter(|d| fault(*d, today).is_none()).collect();
                match both.is_empty() {
                    true => Err(fault(a.date, today).unwrap_or(DateError::NotADate)),
                    false => Ok(Reading::Ask(both)),
                }
            }
        }
    }
}

/// Which of two numbers is the month when a day and month are written without words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PairOrder {
    DayMonth,
    MonthDay,
    Unknown,
}

impl DateOrder {
    /// `year_last`: the year is written after the day and month (`1/12/2026`). Places that write the year
    /// first write 月/日 without it (`12/1`); a year written last is not their habit, so nothing says which
    /// of the other two numbers is the month.
    fn pair_order(self, year_last: bool) -> PairOrder {
        match self {
            DateOrder::DayFirst => PairOrder::DayMonth,
            DateOrder::MonthFirst => PairOrder::MonthDay,
            DateOrder::YearFirst | DateOrder::Minguo if year_last => PairOrder::Unknown,
            DateOrder::YearFirst | DateOrder::Minguo => PairOrder::MonthDay,
            DateOrder::Unknown => PairOrder::Unknown,
        }
    }
}

/// Two numbers `a` and `b` written as a day and a month (`03/11`, `11.30`, `1/12/2026`), with the year if it
/// was written.
pub fn day_of_pair(a: u32, b: u32, year: Option<i32>, order: DateOrder, today: NaiveDate) -> Day {
    let read = |m: u32, d: u32| match year {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(|date| Dated { date, moved_back: false }),
        None => recent(today, m, d),
    };
    let (day_month, month_day) = (read(b, a), read(a, b));
    let (own, swapped) = match order.pair_order(year.is_some()) {
        PairOrder::DayMonth => (day_month, month_day),
        PairOrder::MonthDay => (month_day, day_month),
        PairOrder::Unknown => return either(day_month, month_day),
    };
    Day::Ordered { own, swapped }
}

/// Two readings with nothing to choose between: one day if only one is a date, or both are the same.
pub fn either(a: Option<Dated>, b: Option<Dated>) -> Day {
    match (a, b) {
        (Some(a), Some(b)) if a.date != b.date => Day::Either(a, b),
        (Some(d), _) | (None, Some(d)) => Day::On(Some(d.date)),
        (None, None) => Day::On(None),
    }
}

/// A month and day without a year: this year's, or last year's if this year's is still to come.
pub fn recent(today: NaiveDate, m: u32, d: u32) -> Option<Dated> {
    match NaiveDate::from_ymd_opt(today.year(), m, d) {
        Some(date) if date <= today => Some(Dated { date, moved_back: false }),
        _ => NaiveDate::from_ymd_opt(today.year() - 1, m, d).map(|date| Dated { date, moved_back: true }),
    }
}

/// Monday of the week `day` is in: Chinese 上周五 counts calendar weeks, which start on Monday.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The most recent `wd` before today (never today itself).
pub fn weekday_back(today: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + today.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    today - Duration::days(i64::from(if back == 0 { 7 } else { back }))
}

/// A weekday named alone ("friday", 周五): the most recent one. Said on that very weekday it could be today
/// or a week ago, and is asked.
pub fn weekday_alone(today: NaiveDate, wd: Weekday) -> Day {
    let back = weekday_back(today, wd);
    match today.weekday() == wd {
        true => Day::Either(Dated { date: today, moved_back: false }, Dated { date: back, moved_back: false }),
        false => Day::on(back),
    }
}

/// `wd` in the week `weeks` from this one (-1: last week's, 0: this week's, 1: next week's).
pub fn weekday_in_week(today: NaiveDate, wd: Weekday, weeks: i64) -> NaiveDate {
    week_start(today) + Duration::days(7 * weeks + i64::from(wd.num_days_from_monday()))
}
