//! Putting pieces together into one date and time, and deciding it or the readings to ask about.
//!
//! Owns: what may stand between pieces (`is_filler`), `assemble`, `resolve`, and the runs of pieces that
//! `find_when` tries.
//! Must not touch: finding pieces in text (the readers), time zones.

use super::clock::{Clock, Half, Period};
use super::day::{Day, Reading};
use super::{DateError, FoundWhen, Piece, Says, When, in_range};
use chrono::{NaiveDateTime, NaiveTime};

/// Words that may stand around or between the parts of a date ("at 3pm", "on friday", "around 3点左右").
const FILLER_WORDS: &[&str] =
    &["at", "on", "around", "about", "approx", "approximately", "roughly", "the", "in", "of", "ish"];
/// The same in Chinese, longer first (时候 before 时).
const FILLER_CJK: &[&str] =
    &["差不多", "左右", "大概", "大约", "大約", "时候", "時候", "嗰陣", "约", "約", "的", "嘅", "喺", "在", "于", "於"];

/// Whether a text left between or around pieces is only filler and punctuation.
pub fn is_filler(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        if w.is_ascii() {
            return FILLER_WORDS.contains(&w);
        }
        let mut left = w.to_string();
        for f in FILLER_CJK {
            left = left.replace(f, "");
        }
        left.is_empty()
    })
}

/// What a run of pieces says together.
#[derive(Debug, Default)]
pub struct Phrase {
    day: Option<Day>,
    period: Option<Period>,
    clock: Option<Clock>,
    /// `11.30` read as the day, which is also the time 11:30 today.
    time_instead: Option<Clock>,
}

fn put<T>(slot: &mut Option<T>, value: T) -> Result<(), DateError> {
    match slot.replace(value) {
        Some(_) => Err(DateError::NotADate),
        None => Ok(()),
    }
}

/// A second name of the day must name the same day ("Monday 30 November", "Fri 27/11", "yesterday 1 Dec"),
/// which then settles it: a weekday that fits only one reading of `12/1` decides it. Names that disagree
/// (`monday 1 dec`, on a Tuesday) are no date.
fn put_day(slot: &mut Option<Day>, day: Day) -> Result<(), DateError> {
    let Some(old) = slot.take() else {
        *slot = Some(day);
        return Ok(());
    };
    let named = day.dates();
    match old.dates().into_iter().filter(|d| named.contains(d)).collect::<Vec<_>>().as_slice() {
        [one] => {
            *slot = Some(Day::on(*one));
            Ok(())
        }
        _ => Err(DateError::NotADate),
    }
}

/// The same clock time said twice (`12:00 noon`) is one.
fn put_clock(slot: &mut Option<Clock>, clock: Clock) -> Result<(), DateError> {
    match slot.replace(clock) {
        Some(old) if old != clock => Err(DateError::NotADate),
        _ => Ok(()),
    }
}

/// At most one day, one clock time, one part of the day (said twice is fine: `昨晚 晚上8点`): two days or
/// two times in one answer are no date.
fn put_period(slot: &mut Option<Period>, p: Period) -> Result<(), DateError> {
    match slot.replace(p) {
        Some(old) if old != p => Err(DateError::NotADate),
        _ => Ok(()),
    }
}

pub fn assemble(pieces: &[Piece]) -> Result<Phrase, DateError> {
    let mut p = Phrase::default();
    let mut undecided = None;
    for piece in pieces {
        match piece.says.clone() {
            Says::Day(d) => put_day(&mut p.day, d)?,
            Says::DayAt(d, period) => {
                put_day(&mut p.day, d)?;
                put_period(&mut p.period, period)?;
            }
            Says::Period(period) => put_period(&mut p.period, period)?,
            Says::Clock(c) => put_clock(&mut p.clock, c)?,
            Says::DayOrClock(d, c) => put(&mut undecided, (d, c))?,
        }
    }
    if let Some((d, c)) = undecided {
        // `yesterday 11.30`: the day is given, so 11.30 is the time; `11.30 3pm`: the time is, so it is the day.
        if p.day.is_some() {
            put_clock(&mut p.clock, c)?;
        } else {
            p.time_instead = p.clock.is_none().then_some(c);
            p.day = Some(d);
        }
    }
    Ok(p)
}

/// The date and time of a phrase, or the readings to ask about: every reading of the day with every time
/// the clock can be, each checked; one left unasked is the answer, else those possible are offered.
pub fn resolve(p: Phrase, now: NaiveDateTime) -> Result<When, DateError> {
    let today = now.date();
    if p.day.is_some() && p.clock.is_some_and(|c| c.half == Half::Midnight) {
        // Which day's end "yesterday midnight" is cannot be told.
        return Err(DateError::NotADate);
    }
    let times: Vec<Option<NaiveTime>> = match &p.clock {
        Some(c) => c.times(p.period)?.into_iter().map(Some).collect(),
        None => vec![None],
    };
    let instead =
        p.time_instead.and_then(|c| c.times(None).ok()).map(|t| When { date: today, time: t.first().copied() });
    let reading = match (&p.day, p.clock) {
        (Some(d), _) => d.resolve(today),
        (None, Some(_)) => Ok(Reading::Exact(today)),
        (None, None) => Err(DateError::NotADate),
    };
    let (dates, asked) = match (reading, instead) {
        // `12.50` is no day and month, so it is the time.
        (Err(_), Some(w)) => return in_range(w, now),
        (reading, _) => match reading? {
            Reading::Exact(d) => (vec![d], false),
            Reading::Ask(dates) => (dates, true),
        },
    };
    if asked && times.len() > 1 {
        return Err(DateError::NotADate);
    }
    let mut candidates: Vec<When> =
        dates.iter().flat_map(|&date| times.iter().map(move |&time| When { date, time })).collect();
    candidates.extend(instead);
    let checked: Vec<Result<When, DateError>> = candidates.into_iter().map(|w| check(w, p.period, now)).collect();
    match checked.as_slice() {
        [one] if !asked => one.clone(),
        _ => offer(checked),
    }
}

/// The possible readings, to ask about; if none is possible, why the first is not.
fn offer(checked: Vec<Result<When, DateError>>) -> Result<When, DateError> {
    let mut ok: Vec<When> = Vec::new();
    for w in checked.iter().flatten() {
        if !ok.contains(w) {
            ok.push(*w);
        }
    }
    match ok.is_empty() {
        true => checked.into_iter().next().unwrap_or(Err(DateError::NotADate)),
        false => Err(DateError::Ambiguous(ok)),
    }
}

/// A date without a time must not name a part of today still to come ("tonight", said at four).
fn check(w: When, period: Option<Period>, now: NaiveDateTime) -> Result<When, DateError> {
    if w.time.is_none() && w.date == now.date() && period.is_some_and(|p| now.time() < p.starts()) {
        return Err(DateError::InTheFuture);
    }
    in_range(w, now)
}

/// The runs of pieces that may be one phrase in a sentence: pieces with only filler between them, as long as
/// they still make one date and time together. A run that ends because the next piece contradicts it
/// (`monday 1 dec` on a Tuesday, `friday at 3pm on saturday`) is marked contested, and so is that next run:
/// which of the two the person meant cannot be told.
pub fn runs<'p>(pieces: &'p [Piece], rest: &str) -> Vec<(&'p [Piece], bool)> {
    let mut found: Vec<(&[Piece], bool)> = Vec::new();
    let (mut start, mut contested) = (0, false);
    while start < pieces.len() {
        let mut end = start + 1;
        let mut clash = false;
        while end < pieces.len() && is_filler(&rest[pieces[end - 1].span.end..pieces[end].span.start]) {
            if assemble(&pieces[start..=end]).is_err() {
                clash = true;
                break;
            }
            end += 1;
        }
        found.push((&pieces[start..end], contested || clash));
        (start, contested) = (end, clash);
    }
    found
}

/// A run read as a date, if it is a clear date phrase: it names a day, or a time whose half of the day is
/// known (`3pm`, `15:00`, `下午3点`; a spoken `3点` alone is not, nor `一点`, "a little").
pub fn read_run(run: &[Piece], now: NaiveDateTime) -> Option<FoundWhen> {
    let phrase = assemble(run).ok()?;
    let clear_time = phrase.clock.is_some_and(|c| c.half != Half::Unsure || phrase.period.is_some());
    if phrase.day.is_none() && !clear_time {
        return None;
    }
    let span = run.first()?.span.start..run.last()?.span.end;
    match resolve(phrase, now) {
        Ok(w) => Some(FoundWhen { when: Ok(w), span }),
        Err(DateError::Ambiguous(readings)) => Some(FoundWhen { when: Err(readings), span }),
        Err(_) => None,
    }
}
