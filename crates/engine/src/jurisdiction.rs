//! A jurisdiction: the country-specific facts a flow uses (currency, settings, deadline rules, holidays)
//! and the local time there. Read by conditions, deadlines and steps.
//!
//! Owns: the jurisdiction's types and reading one jurisdiction file from its text (`parse_jurisdiction`,
//! also reachable as `flow::parse_jurisdiction`), with every problem in it.
//! Must not touch: the decision tree (`flow`, `parse`): a jurisdiction file is read on its own, and the checks
//! that need both (a setting a node needs, a deadline's `from`) live in `validate`.

use super::case::{Answer, Case};
use super::condition::{Condition, Env, is_name};
use super::input::DateOrder;
use super::problem::{Lines, Problem, toml_problem};
use super::setting::Setting;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;
use toml::Spanned;

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
    /// ISO 4217; `XXX` ("no currency") where the card's currency is not known (`other`).
    pub currency: String,
    /// The IANA time zone of "today" and of the times shown; a case may choose another (`zone` answer)
    /// where the jurisdiction spans several (the US, the EU).
    pub zone: Tz,
    /// How a date written in numbers only is read (`03/11`: 3 November in the UK, March 11 in the US).
    pub date_order: DateOrder,
    pub settings: BTreeMap<String, Setting>,
    pub deadlines: Vec<DeadlineRule>,
    /// Days that are not business days (public holidays), besides weekends.
    pub holidays: BTreeSet<chrono::NaiveDate>,
    /// Line of each setting, for problems.
    pub lines: BTreeMap<String, usize>,
}

/// The answer a case keeps its chosen time zone in (an IANA name, set by an option).
pub const ZONE_ANSWER: &str = "zone";

impl Jurisdiction {
    /// The case's time zone: the one the person chose, else the jurisdiction's.
    pub fn zone_of(&self, case: &Case) -> Tz {
        match case.answers.get(ZONE_ANSWER) {
            Some(Answer::Choice(z)) => z.parse().unwrap_or(self.zone),
            _ => self.zone,
        }
    }

    /// `at` as the person's wall-clock time.
    pub fn local(&self, case: &Case, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.zone_of(case)).naive_local()
    }

    /// What conditions about this case are evaluated against at `now`.
    pub fn env(&self, case: &Case, now: DateTime<Utc>) -> Env<'_> {
        Env { settings: &self.settings, currency: &self.currency, today: self.local(case, now).date() }
    }
}

// ---- reading a jurisdiction file ---------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJurisdictionFile {
    jurisdiction: RawJurisdictionHeader,
    #[serde(default)]
    settings: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    deadline: Vec<Spanned<RawDeadline>>,
    #[serde(default)]
    holidays: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    id: String,
    from: String,
    /// A number, or the name of a number setting (so that a text quoting the setting and the date
    /// arithmetic can never disagree).
    days: Option<toml::Value>,
    months: Option<toml::Value>,
    count: Option<String>,
    when: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJurisdictionHeader {
    id: String,
    currency: String,
    zone: String,
    /// How people there write a date in numbers only: `day_first`, `month_first`, `year_first`, `minguo`;
    /// `unknown` (a date that reads both ways is asked about) when left out.
    #[serde(default)]
    date_order: Option<String>,
}

/// Parses a jurisdiction file. `file` is the name used in problems (its stem must be the id).
pub fn parse_jurisdiction(file: &str, text: &str) -> Result<Jurisdiction, Vec<Problem>> {
    let raw: RawJurisdictionFile = toml::from_str(text).map_err(|e| vec![toml_problem(file, text, &e)])?;
    let mut r = Reader { file, lines: Lines::new(text), problems: Vec::new() };
    r.check_id(&raw.jurisdiction.id);
    let currency = r.currency(&raw.jurisdiction.currency);
    let zone = r.zone(&raw.jurisdiction.zone);
    let date_order = r.date_order(raw.jurisdiction.date_order.as_deref());
    let (settings, setting_lines) = r.settings(&raw.settings);
    let deadlines = raw.deadline.iter().map(|d| r.deadline(d, &settings)).collect();
    let holidays = r.holidays(&raw.holidays);
    if !r.problems.is_empty() {
        return Err(r.problems);
    }
    Ok(Jurisdiction {
        id: raw.jurisdiction.id,
        file: file.into(),
        currency,
        zone,
        date_order,
        settings,
        deadlines,
        holidays,
        lines: setting_lines,
    })
}

/// One jurisdiction file being read, and the problems found so far: every part is read even after a
/// problem, so that the author sees all of them at once.
struct Reader<'a> {
    file: &'a str,
    lines: Lines,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    /// A problem at a line of this file, or (`None`) about the file as a whole.
    fn problem(&mut self, line: Option<usize>, message: String) {
        self.problems.push(Problem { file: self.file.into(), line, message });
    }

    /// The id must be the file's name, so that the file of a jurisdiction is easy to find.
    fn check_id(&mut self, id: &str) {
        let file = self.file;
        let stem = std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if id != stem {
            self.problem(None, format!("the id `{id}` must match the file name `{stem}.toml`"));
        }
    }

    /// The order of a date written in numbers only (`03/11`).
    fn date_order(&mut self, written: Option<&str>) -> DateOrder {
        let Some(w) = written else { return DateOrder::Unknown };
        DateOrder::parse(w).unwrap_or_else(|| {
            let message =
                format!("`date_order` must be day_first, month_first, year_first, minguo or unknown, not `{w}`");
            self.problem(None, message);
            DateOrder::Unknown
        })
    }

    /// The currency as an upper-case ISO code (it is shown next to amounts and read back from them).
    fn currency(&mut self, written: &str) -> String {
        let currency = written.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            self.problem(None, format!("`currency` must be a 3-letter ISO code, not `{written}`"));
        }
        currency
    }

    /// An IANA zone name (`Asia/Hong_Kong`): fixed offsets would be wrong twice a year where clocks change.
    fn zone(&mut self, written: &str) -> Tz {
        written.trim().parse().unwrap_or_else(|_| {
            self.problem(None, format!("`zone` must be an IANA time zone such as `Asia/Shanghai`, not `{written}`"));
            Tz::UTC
        })
    }

    /// The settings by name, and the line of each (for later problems about a missing or unused one).
    fn settings(
        &mut self,
        raw: &BTreeMap<String, Spanned<toml::Value>>,
    ) -> (BTreeMap<String, Setting>, BTreeMap<String, usize>) {
        let mut settings = BTreeMap::new();
        let mut lines = BTreeMap::new();
        for (name, v) in raw {
            let line = self.lines.line(v.span().start);
            lines.insert(name.clone(), line);
            if !is_name(name) {
                self.problem(Some(line), format!("`{name}` is not a valid setting name"));
            }
            match parse_setting(v.get_ref()) {
                Ok(s) => {
                    settings.insert(name.clone(), s);
                }
                Err(e) => self.problem(Some(line), format!("setting `{name}`: {e}")),
            }
        }
        (settings, lines)
    }

    fn deadline(&mut self, d: &Spanned<RawDeadline>, settings: &BTreeMap<String, Setting>) -> DeadlineRule {
        let line = self.lines.line(d.span().start);
        let d = d.get_ref();
        if !is_name(&d.id) {
            self.problem(Some(line), format!("deadline id `{}` must be letters, digits and _", d.id));
        }
        let count = self.day_count(d, line);
        let when = self.deadline_condition(d, line);
        let days = self.count_of(d, "days", d.days.as_ref(), settings, line);
        let months = self.count_of(d, "months", d.months.as_ref(), settings, line);
        let length = self.length(d, (days, months), count, line);
        DeadlineRule { id: d.id.clone(), from: d.from.clone(), length, when, line }
    }

    /// Calendar days unless the rule says business days; a wrong word is a problem, read as calendar.
    fn day_count(&mut self, d: &RawDeadline, line: usize) -> DayCount {
        match d.count.as_deref() {
            None | Some("calendar") => DayCount::Calendar,
            Some("business") => DayCount::Business,
            Some(other) => {
                self.problem(Some(line), format!("deadline `{}`: count `{other}` must be calendar or business", d.id));
                DayCount::Calendar
            }
        }
    }

    fn deadline_condition(&mut self, d: &RawDeadline, line: usize) -> Option<Condition> {
        match d.when.as_deref().map(str::parse::<Condition>) {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                self.problem(Some(line), format!("deadline `{}`: {e}", d.id));
                None
            }
        }
    }

    /// Days or months, exactly one. Days must say how they count (the difference is large and easy to get
    /// wrong); months are always calendar months.
    /// `days = 15` or `days = "bank_complaint_days"` (a whole-number setting of this file).
    fn count_of(
        &mut self,
        d: &RawDeadline,
        what: &str,
        v: Option<&toml::Value>,
        settings: &BTreeMap<String, Setting>,
        line: usize,
    ) -> Option<u32> {
        let found = match v? {
            toml::Value::Integer(i) => u32::try_from(*i).ok(),
            toml::Value::String(name) => match settings.get(name) {
                Some(Setting::Number(n)) if n.fract().is_zero() => n.to_string().parse().ok(),
                _ => {
                    let msg = format!("deadline `{}`: `{what} = \"{name}\"` names no whole-number setting here", d.id);
                    self.problem(Some(line), msg);
                    return Some(1);
                }
            },
            _ => None,
        };
        if found.is_none() {
            self.problem(Some(line), format!("deadline `{}`: `{what}` must be a number or a setting's name", d.id));
        }
        Some(found.unwrap_or(1))
    }

    fn length(&mut self, d: &RawDeadline, given: (Option<u32>, Option<u32>), count: DayCount, line: usize) -> Length {
        match given {
            (Some(days), None) => {
                if days == 0 || days > 3660 {
                    self.problem(Some(line), format!("deadline `{}`: days must be 1 to 3660", d.id));
                }
                if d.count.is_none() {
                    self.problem(
                        Some(line),
                        format!("deadline `{}`: say `count = \"calendar\"` or `\"business\"`", d.id),
                    );
                }
                Length::Days(days, count)
            }
            (None, Some(months)) => {
                if months == 0 || months > 120 {
                    self.problem(Some(line), format!("deadline `{}`: months must be 1 to 120", d.id));
                }
                if d.count.is_some() {
                    self.problem(Some(line), format!("deadline `{}`: months are calendar months; drop `count`", d.id));
                }
                Length::Months(months)
            }
            _ => {
                self.problem(Some(line), format!("deadline `{}` needs exactly one of `days` and `months`", d.id));
                Length::Days(1, count)
            }
        }
    }

    fn holidays(&mut self, raw: &[String]) -> BTreeSet<NaiveDate> {
        let mut holidays = BTreeSet::new();
        for h in raw {
            match NaiveDate::parse_from_str(h, "%Y-%m-%d") {
                Ok(d) => {
                    holidays.insert(d);
                }
                Err(_) => self.problem(None, format!("holiday `{h}` is not a YYYY-MM-DD date")),
            }
        }
        holidays
    }
}

/// A setting's value as written: text, a number, true/false, `{ amount = "…" }` for money, or a table of
/// texts by locale tag.
fn parse_setting(v: &toml::Value) -> Result<Setting, String> {
    Ok(match v {
        toml::Value::String(s) => Setting::Text(s.clone()),
        toml::Value::Integer(i) => Setting::Number(Decimal::from(*i)),
        toml::Value::Float(f) => {
            Setting::Number(Decimal::from_str(&f.to_string()).map_err(|e| format!("cannot read the number {f}: {e}"))?)
        }
        toml::Value::Boolean(b) => Setting::Bool(*b),
        toml::Value::Table(t) if t.len() == 1 && t.contains_key("amount") => parse_money(&t["amount"])?,
        toml::Value::Table(t) => parse_localized(t)?,
        other => return Err(format!("a setting cannot be {}", other.type_str())),
    })
}

/// Money is written as text (`"3000"`) so that no float rounding can creep in; a whole number is accepted.
fn parse_money(amount: &toml::Value) -> Result<Setting, String> {
    let raw = match amount {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        other => return Err(format!("`amount` must be a \"text\" number, not {}", other.type_str())),
    };
    Ok(Setting::Money(Decimal::from_str(&raw).map_err(|e| format!("cannot read the amount `{raw}`: {e}"))?))
}

/// A text per locale tag; en-US is required because it is what every other locale falls back to.
fn parse_localized(t: &toml::Table) -> Result<Setting, String> {
    let mut m = BTreeMap::new();
    for (lang, text) in t {
        match text {
            toml::Value::String(s) => {
                m.insert(lang.clone(), s.clone());
            }
            _ => return Err(format!("the `{lang}` text must be a string")),
        }
    }
    if !m.contains_key("en-US") {
        return Err("a localized setting needs at least an `en-US` text".into());
    }
    Ok(Setting::Localized(m))
}
