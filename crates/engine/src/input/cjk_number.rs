//! Chinese numerals: 一千二百八十, 三千五, 1万2千, 十二点五.
//!
//! Owns: reading a number written with Chinese numerals.
//! Must not touch: currencies (the amount reader's).

use rust_decimal::Decimal;
use std::str::FromStr;

pub(super) fn is_cjk_numeral(c: char) -> bool {
    "零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c)
}

fn cjk_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return c.to_digit(10).map(u64::from),
    })
}

/// `一千二百八十`, `三千五`, `1万2千`, `十二点五` -> a number.
pub(super) fn parse_cjk_number(t: &str) -> Option<Decimal> {
    let (int_part, frac_part) = match t.split_once(['点', '點']) {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let mut total: u64 = 0; // completed 万/亿 sections
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut last_unit = 1u64;
    for c in int_part.chars() {
        if let Some(d) = cjk_digit(c) {
            digit = Some(digit.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' | '萬' => 10_000,
            '亿' | '億' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += digit.take().unwrap_or(0);
            total = (total + section.max(if total == 0 && section == 0 { 1 } else { 0 })).checked_mul(unit)?;
            section = 0;
        } else {
            section += digit.take().unwrap_or(1) * unit;
        }
        last_unit = unit;
    }
    if let Some(d) = digit {
        // 三千五 means 3500: a trailing digit takes the unit below the last one.
        if last_unit >= 100 && d < 10 && int_part.chars().count() >= 2 {
            section += d * (last_unit / 10);
        } else {
            section += d;
        }
    }
    let int = total + section;
    let mut s = int.to_string();
    if let Some(f) = frac_part {
        let digits: String =
            f.chars().map(|c| cjk_digit(c).map(|d| char::from(b'0' + d as u8))).collect::<Option<_>>()?;
        if digits.is_empty() {
            return None;
        }
        s = format!("{s}.{digits}");
    }
    Decimal::from_str(&s).ok()
}
