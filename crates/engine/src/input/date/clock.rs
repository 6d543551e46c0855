//! Times of day as read: a clock time with how sure its half of the day is, and the named parts of the day
//! (morning, 下午, 夜晚) that decide or check it.
//!
//! Owns: `Clock`, `Half`, `Period` and turning them into 24-hour times.
//! Must not touch: dates, or finding times in text (`english`, `chinese` do that).

use super::DateError;
use chrono::NaiveTime;

/// How a clock time says which half of the day it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Digits on a 24-hour clock (`14:30`, `15h30`, `noon`): the hour as written, though a part of the day may
    /// still move a morning-looking hour (下午2:30 is 14:30).
    Day24,
    Am,
    Pm,
    /// A spoken hour (`3点`, `half past 3`, `3 o'clock`): 3 or 15, unless a part of the day says which.
    Unsure,
    /// `midnight`: 00:00 of today, since which day's end a named day's midnight is cannot be told.
    Midnight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub half: Half,
}

impl Clock {
    pub fn new(hour: u32, minute: u32, half: Half) -> Clock {
        Clock { hour, minute, second: 0, half }
    }

    /// The times this clock can be, given the part of the day named with it: one, or two for a spoken hour
    /// with no part of the day (`3点` is 03:00 or 15:00). An error when the two disagree (`3pm in the
    /// morning`, `晚上3点`) or the numbers make no time (`25:99`).
    pub fn times(&self, period: Option<Period>) -> Result<Vec<NaiveTime>, DateError> {
        let h = self.hour;
        let hours: Vec<u32> = match (self.half, period) {
            (Half::Am, p) => checked(h.eq(&12).then_some(0).or((1..=11).contains(&h).then_some(h)), p)?,
            (Half::Pm, p) => checked(h.eq(&12).then_some(12).or((1..=11).contains(&h).then_some(h + 12)), p)?,
            (Half::Midnight, None) => vec![0],
            (Half::Midnight, Some(_)) => return Err(DateError::NotADate),
            (Half::Day24 | Half::Unsure, Some(p)) if (1..=12).contains(&h) => {
                vec![p.hour(h).ok_or(DateError::NotADate)?]
            }
            (Half::Day24 | Half::Unsure, p) if h == 0 || h >= 13 => checked(Some(h), p)?,
            (Half::Day24, None) => vec![h],
            (Half::Unsure, None) if h == 12 => vec![12, 0],
            (Half::Unsure, None) => vec![h, h + 12],
            (Half::Day24 | Half::Unsure, Some(_)) => return Err(DateError::NotADate),
        };
        hours
            .into_iter()
            .map(|h| NaiveTime::from_hms_opt(h, self.minute, self.second).ok_or(DateError::NotADate))
            .collect()
    }
}

/// A 24-hour hour that must also lie in the part of the day named with it, if any.
fn checked(hour: Option<u32>, period: Option<Period>) -> Result<Vec<u32>, DateError> {
    match (hour, period) {
        (Some(h), None) if h < 24 => Ok(vec![h]),
        (Some(h), Some(p)) if p.holds(h) => Ok(vec![h]),
        _ => Err(DateError::NotADate),
    }
}

/// A named part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// 凌晨: the small hours, midnight to dawn.
    Early,
    /// morning, 早上, 上午, 朝早.
    Morning,
    /// 中午, 晏晝: around noon; 中午1点 is 13:00.
    Noon,
    /// afternoon, 下午, 下晝.
    Afternoon,
    /// evening, night, 晚上, 夜晚, 傍晚.
    Evening,
}

impl Period {
    /// The 24-hour hour of `h` (1 to 12) said in this part of the day, `None` when it has no such hour: 晚上3点
    /// and 早上12点 are not exact, and "12 at night" could end either day.
    pub fn hour(self, h: u32) -> Option<u32> {
        match (self, h) {
            (Period::Early, 12) => Some(0),
            (Period::Early, 1..=6) | (Period::Morning, 1..=11) | (Period::Noon, 11 | 12) => Some(h),
            (Period::Noon, 1..=3) | (Period::Afternoon, 1..=7) | (Period::Evening, 5..=11) => Some(h + 12),
            (Period::Afternoon, 12) => Some(12),
            _ => None,
        }
    }

    /// Whether a 24-hour hour lies in this part of the day (`下午15:00` yes, `早上15:00` no).
    fn holds(self, hour: u32) -> bool {
        (0..=12).any(|h| self.hour(h) == Some(hour)) || (self == Period::Early && hour == 0)
    }

    /// When this part of the day begins: "tonight", said at four in the afternoon, has not happened yet.
    pub fn starts(self) -> NaiveTime {
        let h = match self {
            Period::Early => 0,
            Period::Morning => 4,
            Period::Noon => 11,
            Period::Afternoon => 12,
            Period::Evening => 17,
        };
        NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn halves_and_parts_of_the_day() {
        assert_eq!(Clock::new(3, 0, Half::Pm).times(None), Ok(vec![hm(15, 0)]));
        assert_eq!(Clock::new(12, 0, Half::Am).times(None), Ok(vec![hm(0, 0)]));
        assert_eq!(Clock::new(12, 0, Half::Pm).times(None), Ok(vec![hm(12, 0)]));
        assert_eq!(Clock::new(3, 15, Half::Unsure).times(None), Ok(vec![hm(3, 15), hm(15, 15)]));
        assert_eq!(Clock::new(8, 0, Half::Unsure).times(Some(Period::Evening)), Ok(vec![hm(20, 0)]));
        assert_eq!(Clock::new(2, 30, Half::Day24).times(Some(Period::Afternoon)), Ok(vec![hm(14, 30)]));
        assert_eq!(Clock::new(14, 30, Half::Day24).times(Some(Period::Afternoon)), Ok(vec![hm(14, 30)]));
        assert_eq!(Clock::new(1, 0, Half::Unsure).times(Some(Period::Noon)), Ok(vec![hm(13, 0)]));
        assert_eq!(Clock::new(12, 0, Half::Unsure).times(Some(Period::Early)), Ok(vec![hm(0, 0)]));
        assert_eq!(Clock::new(8, 0, Half::Pm).times(Some(Period::Evening)), Ok(vec![hm(20, 0)]));
        assert!(Clock::new(3, 0, Half::Pm).times(Some(Period::Morning)).is_err());
        assert!(Clock::new(3, 0, Half::Unsure).times(Some(Period::Evening)).is_err());
        assert!(Clock::new(15, 0, Half::Day24).times(Some(Period::Morning)).is_err());
        assert!(Clock::new(1, 0, Half::Am).times(Some(Period::Evening)).is_err());
        assert!(Clock::new(25, 0, Half::Day24).times(None).is_err());
        assert!(Clock::new(13, 0, Half::Pm).times(None).is_err());
        assert!(Clock::new(10, 99, Half::Day24).times(None).is_err());
    }
}
