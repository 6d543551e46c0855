//! A jurisdiction: the country-specific facts a flow uses (currency, settings, deadline rules, holidays)
//! and the local time there. Parsed by `flow::parse_jurisdiction`; read by conditions, deadlines and steps.

use super::condition::Condition;
use super::setting::Setting;
use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// How a time limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayCount {
    Calendar,
    /// Monday to Friday, less the jurisdiction's `holidays`.
    Business,
}

/// How long a time limit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Days(u32, DayCount),
    /// Calendar months: the same day of the month, or the month's last day when it has no such day
    /// (13 months after 31 January is the last day of February).
    Months(u32),
}

/// A time limit that matters for a case: a length after an answer (a date) or a step done.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineRule {
    pub id: String,
    /// An answer holding a date (`txn_time`), or `step:<name>` for when a step was done.
    pub from: String,
    pub length: Length,
    /// Only for cases where this holds.
    pub when: Option<Condition>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Jurisdiction {
    pub id: String,
    pub file: String,
    pub currency: String,
    pub settings: BTreeMap<String, Setting>,
    pub deadlines: Vec<DeadlineRule>,
    /// Days that are not business days (public holidays), besides weekends.
    pub holidays: BTreeSet<chrono::NaiveDate>,
    /// Line of each setting, for problems.
    pub lines: BTreeMap<String, usize>,
}

impl Jurisdiction {
    /// The person's local time, from the jurisdiction's `utc_offset` setting (`+08:00`), else UTC.
    pub fn local_time(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let offset = match self.settings.get("utc_offset") {
            Some(Setting::Text(s)) => parse_offset(s),
            _ => None,
        };
        at.with_timezone(&offset.unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))).naive_local()
    }
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    FixedOffset::east_opt(sign * (h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60))
}
