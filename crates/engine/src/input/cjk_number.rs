//! Chinese numerals, strictly: 一千零五, 两万五, 壹仟贰佰捌拾, 十二点五, 廿五, and the same mixed with
//! digits (1万2千, 3千2, 1.5万, 12万3456). What these say goes into a letter to a bank, so a sequence with no
//! reading or two (百百, 五五百, 一千万千, 一千五十, 三千五点五) is refused, never guessed.
//!
//! The rules, each a way numbers are said, each checked:
//! - within a section below 万 the units fall one place at a time (千, 百, 十); a skipped place needs one
//!   零 (一千零五 = 1005), and a 零 needs a skipped place (一千零五百 is refused);
//! - sections are closed by 万 then 亿, falling; the next section starts one place below (一万二千) or
//!   after a 零 (十万零一 = 100001);
//! - a last digit with no unit takes the place below the last unit (三千五 = 3500, 两万五 = 25000, 一百二 =
//!   120) — but never in a number that has a 零 (一千零五 = 1005; 一万零五百五 is refused);
//! - 十 may stand for 一十 only at the very start (十二, 十万); 两 is said only before a unit (两百, 两块);
//! - two digits in a row are refused (五五百, and 两三百 or 五六十 which mean "two or three hundred");
//! - digits: one before 十/百/千; up to four before 万/亿 (1200万); exactly four for a whole section after
//!   one (12万3456); a decimal (1.5万, 一点五万) only before 千/万/亿 or alone.
//!
//! Owns: the tokens of a Chinese number (`Tok`, `tokens`) and reading an integer or decimal from them.
//! Must not touch: money units and currencies (`cjk_money`, `currency`).

use rust_decimal::Decimal;
use std::str::FromStr;

/// The main money unit written after the yuan part: 元/块 (the card's family) or 蚊 (Hong Kong dollars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Main {
    Yuan,
    Man,
}

/// One piece of a Chinese number or amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    /// A digit 1–9 (Chinese, financial or ASCII); `liang` for 两/兩, which is only said before a unit.
    Digit { value: u8, liang: bool },
    /// Two or more ASCII digits, maybe with one `.` (`1280`, `1.5`).
    Digits(&'a str),
    /// 零, 〇, or a lone ASCII 0.
    Zero,
    /// 十, 百, 千 (and 拾, 佰, 仟).
    Small(u64),
    /// 万, 亿.
    Big(u64),
    /// 点: the decimal point of a number in words.
    Point,
    /// 元/块/圆 or 蚊.
    Main(Main),
    /// 角/毛 (and Hong Kong's 毫): tenths.
    Tenth,
    /// 分: hundredths.
    Cent,
    /// 整: "exactly", after 元 or 角.
    Whole,
    /// 半: "and a half", after 元 (三块半).
    Half,
}

/// Every character that is a numeral (not a unit of money), for finding numbers in a sentence.
pub(super) fn is_cjk_numeral(c: char) -> bool {
    "零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳貮叁參叄参肆伍陆陸柒捌玖拾佰仟廿卅".contains(c)
}

/// Every character that is a unit of money read here (元 角 分 and the rest).
pub(super) fn is_money_unit(c: char) -> bool {
    "元圆圓块塊蚊角毛毫分整半钱錢".contains(c)
}

fn cjk_digit(c: char) -> Option<(u8, bool)> {
    Some(match c {
        '一' | '壹' => (1, false),
        '二' | '贰' | '貳' | '貮' => (2, false),
        '两' | '兩' => (2, true),
        '三' | '叁' | '參' | '叄' | '参' => (3, false),
        '四' | '肆' => (4, false),
        '五' | '伍' => (5, false),
        '六' | '陆' | '陸' => (6, false),
        '七' | '柒' => (7, false),
        '八' | '捌' => (8, false),
        '九' | '玖' => (9, false),
        _ => return None,
    })
}

fn token_of(c: char) -> Option<Tok<'static>> {
    if let Some((value, liang)) = cjk_digit(c) {
        return Some(Tok::Digit { value, liang });
    }
    Some(match c {
        '零' | '〇' => Tok::Zero,
        '十' | '拾' => Tok::Small(10),
        '百' | '佰' => Tok::Small(100),
        '千' | '仟' => Tok::Small(1000),
        '万' | '萬' => Tok::Big(10_000),
        '亿' | '億' => Tok::Big(100_000_000),
        '点' | '點' => Tok::Point,
        '元' | '圆' | '圓' | '块' | '塊' => Tok::Main(Main::Yuan),
        '蚊' => Tok::Main(Main::Man),
        '角' | '毛' | '毫' => Tok::Tenth,
        '分' => Tok::Cent,
        '整' => Tok::Whole,
        '半' => Tok::Half,
        _ => return None,
    })
}

/// ASCII digits at the start of `s`, with one `.` and more digits if they follow.
fn ascii_number_len(s: &str) -> usize {
    let digits = |from: usize| s[from..].bytes().take_while(u8::is_ascii_digit).count();
    let int = digits(0);
    match s.as_bytes().get(int) {
        Some(b'.') if digits(int + 1) > 0 => int + 1 + digits(int + 1),
        _ => int,
    }
}

/// The tokens of `t`, or None if it holds anything else (a space, a letter, a comma).
pub(super) fn tokens(t: &str) -> Option<Vec<Tok<'_>>> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let len = ascii_number_len(rest);
            out.push(match rest.as_bytes()[..len] {
                [b'0'] => Tok::Zero,
                [d] => Tok::Digit { value: d - b'0', liang: false },
                _ => Tok::Digits(&rest[..len]),
            });
            rest = &rest[len..];
            continue;
        }
        match c {
            // 廿 and 卅 (Hong Kong, and on old receipts) are twenty and thirty: 廿五蚊.
            '廿' => out.extend([Tok::Digit { value: 2, liang: false }, Tok::Small(10)]),
            '卅' => out.extend([Tok::Digit { value: 3, liang: false }, Tok::Small(10)]),
            _ => out.push(token_of(c)?),
        }
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

/// A number: an integer, or a decimal (十二点五, 1.5万). `unit_follows`: a unit of money comes next, so a
/// lone 两 is fine (两块).
pub(super) fn read_number(toks: &[Tok], unit_follows: bool) -> Option<Decimal> {
    if toks == [Tok::Zero] {
        return Some(Decimal::ZERO);
    }
    if let Some(p) = toks.iter().position(|t| *t == Tok::Point) {
        return read_point_decimal(&toks[..p], &toks[p + 1..]);
    }
    if let [Tok::Digits(s), rest @ ..] = toks
        && s.contains('.')
    {
        return scaled(Decimal::from_str(s).ok()?, rest);
    }
    read_integer(toks, true, unit_follows).map(Decimal::from)
}

/// `十二点五`, `零点五`, `一点五万`: an integer, 点, digits one by one, and maybe 千/万/亿.
fn read_point_decimal(int: &[Tok], frac: &[Tok]) -> Option<Decimal> {
    // The last-digit rule (三千五) is not applied before 点: 三千五点五 has no sure reading.
    let whole = if int == [Tok::Zero] { 0 } else { read_integer(int, false, false)? };
    let end = frac.iter().position(|t| !matches!(t, Tok::Digit { liang: false, .. } | Tok::Zero)).unwrap_or(frac.len());
    if end == 0 {
        return None;
    }
    let digits: String = frac[..end]
        .iter()
        .map(|t| match t {
            Tok::Digit { value, .. } => char::from(b'0' + value),
            _ => '0',
        })
        .collect();
    scaled(Decimal::from_str(&format!("{whole}.{digits}")).ok()?, &frac[end..])
}

/// A decimal times the unit after it, if any: only 千, 万 or 亿, and nothing after that.
fn scaled(value: Decimal, rest: &[Tok]) -> Option<Decimal> {
    match rest {
        [] => Some(value),
        [Tok::Small(1000)] => value.checked_mul(Decimal::from(1000)),
        [Tok::Big(b)] => value.checked_mul(Decimal::from(*b)),
        _ => None,
    }
}

/// An integer, by the rules in the header. `trailing`: the last-digit rule may apply (三千五).
pub(super) fn read_integer(toks: &[Tok], trailing: bool, unit_follows: bool) -> Option<u64> {
    let mut r = IntReader::default();
    for t in toks {
        match *t {
            Tok::Digit { value, liang } => r.digit(value, liang)?,
            Tok::Digits(s) => r.digits(s)?,
            Tok::Zero => r.zero()?,
            Tok::Small(u) => r.small(u)?,
            Tok::Big(b) => r.big(b)?,
            _ => return None,
        }
    }
    r.finish(trailing, unit_follows)
}

/// A digit (or run of ASCII digits) read but not yet placed.
#[derive(Debug, Clone, Copy)]
enum Pending {
    Digit(u8, bool),
    Digits(u64, usize),
}

/// Reading an integer left to right; see the header for the rules.
#[derive(Debug, Default)]
struct IntReader {
    /// Sections closed by 万/亿, times their unit.
    total: u64,
    /// The open section (below 万).
    section: u64,
    /// The big unit that closed the last section; 0 before the first one closes.
    last_big: u64,
    /// The last small unit in the open section (千 = 1000); 0 while it has none.
    last_small: u64,
    /// The open section's first place, and whether a 零 came before it (checked when the section closes).
    top: u64,
    zero_before_top: bool,
    pending: Option<Pending>,
    /// A 零 was read since the last unit.
    zero: bool,
    /// A 零 was read anywhere: the last-digit rule no longer applies.
    any_zero: bool,
    started: bool,
}

impl IntReader {
    fn digit(&mut self, value: u8, liang: bool) -> Option<()> {
        if self.pending.is_some() {
            return None;
        }
        self.pending = Some(Pending::Digit(value, liang));
        self.started = true;
        Some(())
    }

    /// ASCII digits: a whole first section (1280, 1200万), or exactly four after 万/亿 (12万3456).
    fn digits(&mut self, s: &str) -> Option<()> {
        let fresh = self.pending.is_none() && !self.zero && self.last_small == 0;
        if !fresh || s.contains('.') || (self.last_big != 0 && s.len() != 4) {
            return None;
        }
        self.pending = Some(Pending::Digits(s.parse().ok()?, s.len()));
        self.started = true;
        Some(())
    }

    fn zero(&mut self) -> Option<()> {
        if self.pending.is_some() || self.zero || !self.started {
            return None;
        }
        self.zero = true;
        self.any_zero = true;
        Some(())
    }

    fn small(&mut self, unit: u64) -> Option<()> {
        let d = match self.pending.take() {
            Some(Pending::Digit(d, _)) => u64::from(d),
            // 十二, 十万: 一 is left out only at the very start.
            None if unit == 10 && !self.started => 1,
            _ => return None,
        };
        self.place(unit)?;
        self.section += d * unit;
        self.last_small = unit;
        self.zero = false;
        self.started = true;
        Some(())
    }

    /// Checks that `unit` may come next in the open section (see the header), noting a section's top.
    fn place(&mut self, unit: u64) -> Option<()> {
        if self.last_small != 0 {
            let ok = if self.zero { unit < self.last_small / 10 } else { unit == self.last_small / 10 };
            return ok.then_some(());
        }
        if self.last_big == 0 && self.zero {
            return None;
        }
        self.top = unit;
        self.zero_before_top = self.zero;
        Some(())
    }

    fn big(&mut self, unit: u64) -> Option<()> {
        let falling = self.last_big == 0 || unit < self.last_big;
        // A 零 with nothing after it (一千零万) is refused by `close_section`.
        if !falling || matches!(self.pending, Some(Pending::Digits(_, len)) if len > 4) {
            return None;
        }
        let value = self.close_section(unit)?;
        if value == 0 {
            return None;
        }
        self.total = self.total.checked_add(value.checked_mul(unit)?)?;
        *self = IntReader {
            total: self.total,
            last_big: unit,
            any_zero: self.any_zero,
            started: true,
            ..Default::default()
        };
        Some(())
    }

    /// Places the pending digit(s) in the ones place, checks the section against the one before it (closed by
    /// `last_big`) now that its own unit `unit` is known, and returns its value.
    fn close_section(&mut self, unit: u64) -> Option<u64> {
        match self.pending.take() {
            Some(Pending::Digit(d, _)) => {
                self.place(1)?;
                self.section += u64::from(d);
            }
            Some(Pending::Digits(v, _)) => {
                (self.top, self.zero_before_top) = (1000, false);
                self.section += v;
            }
            None if self.zero => return None,
            None => {}
        }
        // `top` is 0 while nothing is placed: 一万 ends with an empty section, which is fine.
        if self.last_big != 0 && self.top != 0 {
            let top = self.top.checked_mul(unit)?;
            let below = self.last_big / 10;
            let ok = if self.zero_before_top { top < below } else { top == below };
            if !ok {
                return None;
            }
        }
        Some(self.section)
    }

    fn finish(mut self, trailing: bool, unit_follows: bool) -> Option<u64> {
        if !self.started {
            return None;
        }
        if let Some(Pending::Digit(d, liang)) = self.pending {
            let below = if self.last_small != 0 { self.last_small / 10 } else { self.last_big / 10 };
            if !self.zero && below > 1 {
                // 三千五, 两万五: the last digit takes the place below; never once a 零 was said.
                if !trailing || self.any_zero || liang {
                    return None;
                }
                self.pending = Some(Pending::Digit(d, false));
                self.small(below)?;
            } else if liang && !unit_follows {
                return None;
            }
        }
        let value = self.close_section(1)?;
        self.total.checked_add(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(t: &str) -> Option<String> {
        read_number(&tokens(t)?, false).map(|d| d.normalize().to_string())
    }

    #[test]
    fn numbers_read_as_they_are_said() {
        for (t, want) in [
            ("一百零五", "105"),
            ("一千零五", "1005"),
            ("两百零八", "208"),
            ("十万零一", "100001"),
            ("一千二百八十", "1280"),
            ("壹仟贰佰捌拾", "1280"),
            ("壹仟貳佰捌拾", "1280"),
            ("三千五", "3500"),
            ("两万五", "25000"),
            ("一百二", "120"),
            ("十万五", "105000"),
            ("1万2千", "12000"),
            ("1万2", "12000"),
            ("3千2", "3200"),
            ("1.5万", "15000"),
            ("一点五万", "15000"),
            ("12万3456", "123456"),
            ("1200万", "12000000"),
            ("一亿", "100000000"),
            ("一亿二千万", "120000000"),
            ("一亿零五百万", "105000000"),
            ("一万零五百", "10500"),
            ("两万五千零五十", "25050"),
            ("十二点五", "12.5"),
            ("零点五", "0.5"),
            ("十", "10"),
            ("十五", "15"),
            ("一十五", "15"),
            ("廿五", "25"),
            ("一百廿", "120"),
            ("五", "5"),
            ("一千万", "10000000"),
            ("三百零一万", "3010000"),
            ("一千零一万", "10010000"),
        ] {
            assert_eq!(num(t).as_deref(), Some(want), "{t}");
        }
    }

    #[test]
    fn sequences_with_no_sure_reading_are_refused() {
        for t in [
            "百百",
            "五五百",
            "一千万千",
            "一千五十",
            "一千零五百",
            "一万五百",
            "一千零零五",
            "一千零",
            "两三百",
            "五六十",
            "三千五点五",
            "一万零五百五",
            "两",
            "十两",
            "一万万",
            "一万亿",
            "万",
            "百",
            "千五",
            "十十",
            "12万345",
            "12千",
            "1.5万2千",
            "三点",
            "零五",
            "一百零十",
            "一千零万",
            "零万",
        ] {
            assert_eq!(num(t), None, "{t}");
        }
    }
}
