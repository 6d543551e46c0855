//! Time limits of a case: from the jurisdiction's deadline rules and the case's dates (the payment time,
//! the day a step was done), in calendar or business days as each rule says. Pure date arithmetic.
//!
//! Owns: working out a case's due dates from the rules.
//! Must not touch: the clock, or change the case: the dates come from the case's answers and steps done.

use super::case::{Answer, Case};
use super::flow::{DayCount, Flow, Jurisdiction, Length};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc, Weekday};

/// One deadline of a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub id: String,
    /// The last day: the limit is still open on it.
    pub date: NaiveDate,
}

impl Due {
    /// Whether the last day is behind `today` (in the case's time zone): such a limit is never shown as
    /// open.
    pub fn passed(&self, today: NaiveDate) -> bool {
        self.date < today
    }
}

/// `days` business days after `from` (the next Monday-to-Friday non-holiday days, `from` itself not counted).
pub fn add_business_days(from: NaiveDate, days: u32, holidays: &std::collections::BTreeSet<NaiveDate>) -> NaiveDate {
    let mut d = from;
    let mut left = days;
    while left > 0 {
        d += Duration::days(1);
        let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        if !weekend && !holidays.contains(&d) {
            left -= 1;
        }
    }
    d
}

fn start_date(j: &Jurisdiction, case: &Case, from: &str) -> Option<NaiveDate> {
    match from.strip_prefix("step:") {
        Some(step) => case.steps.iter().find(|s| s.step == step).map(|s| j.local(case, s.at).date()),
        None => match case.answers.get(from)? {
            Answer::Date(d) => Some(*d),
            Answer::DateTime(dt) => Some(dt.date()),
            _ => None,
        },
    }
}

/// The case's deadlines, earliest first: every rule of its jurisdiction whose condition holds and whose
/// start date the case has. `now` is only for conditions that mention `today`.
pub fn deadlines(flow: &Flow, case: &Case, now: DateTime<Utc>) -> Vec<Due> {
    let j = flow.jurisdiction(&case.jurisdiction);
    let env = j.env(case, now);
    let mut out: Vec<Due> = j
        .deadlines
        .iter()
        .filter(|r| r.when.as_ref().is_none_or(|c| c.eval(case, &env)))
        .filter_map(|r| {
            let start = start_date(j, case, &r.from)?;
            let date = match r.length {
                Length::Days(days, DayCount::Calendar) => start + Duration::days(i64::from(days)),
                Length::Days(days, DayCount::Business) => add_business_days(start, days, &j.holidays),
                // chrono clamps to the month's last day (31 Jan + 1 month = 28/29 Feb).
                Length::Months(m) => start.checked_add_months(Months::new(m)).unwrap_or(NaiveDate::MAX),
            };
            Some(Due { id: r.id.clone(), date })
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let none = BTreeSet::new();
        // Wednesday 2026-11-25 + 5 business days = Wednesday 2026-12-02.
        assert_eq!(add_business_days(d(2026, 11, 25), 5, &none), d(2026, 12, 2));
        // Friday + 1 = Monday.
        assert_eq!(add_business_days(d(2026, 11, 27), 1, &none), d(2026, 11, 30));
        // Saturday + 1 = Monday.
        assert_eq!(add_business_days(d(2026, 11, 28), 1, &none), d(2026, 11, 30));
        let holidays: BTreeSet<_> = [d(2026, 11, 30)].into();
        assert_eq!(add_business_days(d(2026, 11, 27), 1, &holidays), d(2026, 12, 1));
    }
}
