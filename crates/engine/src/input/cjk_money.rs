//! Chinese amounts of money: a number, then 元/块/圆 (or Hong Kong's 蚊) with 角/毛 (tenths) and 分
//! (hundredths): 一百二十八元五角, 一百元零五分, 壹仟贰佰捌拾元整, 三块五毛二, 十二块五, 三块半, 五毛, 八分, 12.5元.
//!
//! After 元/块 a lone digit is tenths, as it is said (十二块五 = 12.5; 12元34 has no sure reading and is
//! refused); after 角/毛 a lone digit is hundredths (三块五毛二 = 3.52). 零 may stand after 元 (一百元零五分,
//! 壹佰元零伍角, as cheques write it). 整 ("exactly") may end an amount after 元 or 角.
//!
//! Owns: reading the yuan, tenths and hundredths of an amount written in Chinese.
//! Must not touch: which currency 元 means (`currency`), numbers themselves (`cjk_number`).

use super::cjk_number::{Main, Tok, read_number, tokens};
use rust_decimal::Decimal;

/// The unit of money an amount in Chinese was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MoneyUnit {
    /// 元, 块, 圆 — or only 角/毛/分, which are tenths and hundredths of it.
    Yuan,
    /// 蚊: Hong Kong dollars.
    Man,
}

/// An amount in Chinese (numerals, digits or both) with its unit if one was written; None if it has no sure
/// reading. `t` has no currency words other than the units themselves; `unit_after`: one was taken off its
/// end (`两|块`, `两|美元`), so a lone 两 is fine.
pub(super) fn read_cjk_amount(t: &str, unit_after: bool) -> Option<(Decimal, Option<MoneyUnit>)> {
    // 两块钱, 五毛钱: 钱 ("money") after a unit says nothing more.
    let t = match t.strip_suffix(['钱', '錢']) {
        Some(rest) if rest.ends_with(|c| "元圆圓块塊蚊角毛毫分".contains(c)) => rest,
        _ => t,
    };
    let toks = tokens(t)?;
    if let Some(at) = toks.iter().position(|t| matches!(t, Tok::Main(_))) {
        let Tok::Main(main) = toks[at] else { return None };
        let whole = read_number(&toks[..at], true)?;
        let cents = after_main(&toks[at + 1..], whole.fract().is_zero())?;
        let unit = if main == Main::Man { MoneyUnit::Man } else { MoneyUnit::Yuan };
        return Some((whole + cents, Some(unit)));
    }
    if toks.iter().any(|t| matches!(t, Tok::Tenth | Tok::Cent)) {
        return Some((fraction(&toks, false)?, Some(MoneyUnit::Yuan)));
    }
    let toks = toks.strip_suffix(&[Tok::Whole]).unwrap_or(&toks);
    Some((read_number(toks, unit_after)?, None))
}

/// What follows 元/块: nothing, 整, 半, a lone digit (tenths), or tenths and hundredths. Nothing may follow
/// a whole part with decimals (12.5元5角).
fn after_main(toks: &[Tok], whole_is_integer: bool) -> Option<Decimal> {
    match toks {
        [] => Some(Decimal::ZERO),
        _ if !whole_is_integer => None,
        [Tok::Whole] => Some(Decimal::ZERO),
        [Tok::Half] => Some(Decimal::new(5, 1)),
        [d] => Some(Decimal::new(i64::from(bare_digit(d)?), 1)),
        _ => fraction(toks, true),
    }
}

/// Tenths and hundredths: `五角`, `五毛二`, `五角二分`, `八分`, `五角整`; after 元 also `零五分`, `零五角`,
/// `零五` (一块零五 = 1.05).
fn fraction(toks: &[Tok], zero_allowed: bool) -> Option<Decimal> {
    let (zero, toks) = match toks {
        [Tok::Zero, rest @ ..] if zero_allowed => (true, rest),
        _ => (false, toks),
    };
    let (tenths, rest) = match toks {
        [d, Tok::Tenth, rest @ ..] => (unit_digit(d)?, rest),
        _ => (0, toks),
    };
    let cents = match rest {
        [] | [Tok::Whole] if tenths > 0 => 0,
        [d, Tok::Cent] => unit_digit(d)?,
        // 三块五毛二: after 角 a lone digit is 分; 一块零五: so it is after 零, which stands for no 角.
        [d] if tenths > 0 || zero => bare_digit(d)?,
        _ => return None,
    };
    Some(Decimal::new(i64::from(tenths) * 10 + i64::from(cents), 2))
}

/// A digit 1–9 before a unit (两 is said there: 两毛).
fn unit_digit(t: &Tok) -> Option<u8> {
    match *t {
        Tok::Digit { value, .. } => Some(value),
        _ => None,
    }
}

/// A digit 1–9 with no unit after it (两 is not said so).
fn bare_digit(t: &Tok) -> Option<u8> {
    match *t {
        Tok::Digit { value, liang: false } => Some(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(t: &str) -> Option<(String, Option<MoneyUnit>)> {
        read_cjk_amount(t, false).map(|(d, u)| (d.normalize().to_string(), u))
    }

    #[test]
    fn yuan_tenths_and_hundredths() {
        use MoneyUnit::*;
        for (t, want, unit) in [
            ("一百零五元", "105", Some(Yuan)),
            ("一千二百八十元整", "1280", Some(Yuan)),
            ("壹仟贰佰捌拾元整", "1280", Some(Yuan)),
            ("壹仟貳佰捌拾圓整", "1280", Some(Yuan)),
            ("一百二十八元五角", "128.5", Some(Yuan)),
            ("十二块五", "12.5", Some(Yuan)),
            ("12块5", "12.5", Some(Yuan)),
            ("三块五毛二", "3.52", Some(Yuan)),
            ("三块半", "3.5", Some(Yuan)),
            ("五毛", "0.5", Some(Yuan)),
            ("五毛二", "0.52", Some(Yuan)),
            ("两毛", "0.2", Some(Yuan)),
            ("八分", "0.08", Some(Yuan)),
            ("十块", "10", Some(Yuan)),
            ("两块钱", "2", Some(Yuan)),
            ("一百元零五分", "100.05", Some(Yuan)),
            ("壹佰元零伍角", "100.5", Some(Yuan)),
            ("一块零五", "1.05", Some(Yuan)),
            ("五毛五", "0.55", Some(Yuan)),
            ("壹佰元伍角整", "100.5", Some(Yuan)),
            ("12.5元", "12.5", Some(Yuan)),
            ("1.5万元", "15000", Some(Yuan)),
            ("廿五蚊", "25", Some(Man)),
            ("十二蚊五毫", "12.5", Some(Man)),
            ("一千二百八十整", "1280", None),
            ("一千二百八十", "1280", None),
        ] {
            assert_eq!(money(t), Some((want.to_string(), unit)), "{t}");
        }
    }

    #[test]
    fn amounts_with_no_sure_reading_are_refused() {
        for t in [
            "12元34",
            "12.5元5角",
            "元",
            "五角零二分",
            "一百五角",
            "十分",
            "五分整",
            "十二块两",
            "零五分",
            "三块五毛二分钱整",
            "一百元元",
            "五毛两",
            "块五",
        ] {
            assert_eq!(money(t), None, "{t}");
        }
    }
}
