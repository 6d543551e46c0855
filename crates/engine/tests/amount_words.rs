//! Amounts written in Chinese words by another library (`chinese-number`, the oracle) read back exactly.
//!
//! Random amounts from 0.01 to 100,000,000 with at most 2 decimals (half of them with mostly zero digits) are written in lower case (一百二十八)
//! and upper/financial case (壹佰贰拾捌), simplified and traditional, with the fraction as 元…角…分 and
//! as 点; each must read back with `parse_amount` to the very amount.
//!
//! How the writing is adapted to the way people write (the assertion never is): the library writes a
//! fraction without 元 before it (`0.52` as 伍角贰分, and 128.52 would be 一百二十八五角二分), so the
//! integer and the fraction are written separately and joined with 元 (or 圆/圓, the cheque form of it);
//! a zero fraction is written as nothing, or as 整 after 元, as cheques do; with 点 the two decimal
//! digits are written one by one (一百二十八点五二), a trailing zero dropped or kept (点五, 点五零).

use chinese_number::{ChineseCase, ChineseCountMethod, ChineseVariant, NumberToChinese};
use proptest::prelude::*;
use rust_decimal::Decimal;
use swipefix_engine::input::parse_amount;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 2000, ..ProptestConfig::default() }
}

/// How the fraction is written.
#[derive(Debug, Clone, Copy)]
enum Fraction {
    /// 元 then 角/分 as the library writes them (一百元五分); 整 when there is no fraction.
    Yuan,
    /// 元, then 零 before a fraction (一百元零五分, 壹佰圆零伍角), as cheques may write it.
    YuanZero,
    /// 点 and digits (十二点五).
    Point,
    /// 点 and both digits, a trailing zero kept (十二点五零).
    PointTwoDigits,
}

fn words(n: u64, variant: ChineseVariant, case: ChineseCase) -> String {
    n.to_chinese(variant, case, ChineseCountMethod::TenThousand).unwrap()
}

fn digit(d: u64, variant: ChineseVariant, case: ChineseCase) -> String {
    (d as u8).to_chinese_naive(variant, case).unwrap()
}

/// `cents` (hundredths) written in Chinese words in the given style.
fn written(cents: u64, variant: ChineseVariant, case: ChineseCase, style: Fraction, yuan: &str) -> String {
    let (int, frac) = (cents / 100, cents % 100);
    match style {
        Fraction::Yuan | Fraction::YuanZero => {
            let whole = if int == 0 { String::new() } else { format!("{}{yuan}", words(int, variant, case)) };
            if frac == 0 {
                return format!("{whole}整");
            }
            let part = (frac as f64 / 100.0).to_chinese(variant, case, ChineseCountMethod::TenThousand).unwrap();
            let zero = if matches!(style, Fraction::YuanZero) && int > 0 { "零" } else { "" };
            format!("{whole}{zero}{part}")
        }
        Fraction::Point | Fraction::PointTwoDigits => {
            let whole = words(int, variant, case);
            let (tenths, hundredths) = (frac / 10, frac % 10);
            match (frac, hundredths, style) {
                (0, _, Fraction::Point) => whole,
                (_, 0, Fraction::Point) => format!("{whole}点{}", digit(tenths, variant, case)),
                _ => format!("{whole}点{}{}", digit(tenths, variant, case), digit(hundredths, variant, case)),
            }
        }
    }
}

/// Amounts whose digits are mostly 0 (100,010,000.05), where the 零 rules are: uniform amounts seldom are.
fn sparse_cents() -> impl Strategy<Value = u64> {
    proptest::collection::vec(prop_oneof![7 => Just(0u64), 3 => 1u64..=9], 10)
        .prop_map(|digits| digits.iter().fold(0, |n, d| n * 10 + d).clamp(1, 10_000_000_000))
}

fn style() -> impl Strategy<Value = Fraction> {
    prop_oneof![Just(Fraction::Yuan), Just(Fraction::YuanZero), Just(Fraction::Point), Just(Fraction::PointTwoDigits)]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn amounts_written_in_chinese_words_read_back_exactly(
        cents in prop_oneof![1u64..=10_000_000_000, sparse_cents()],
        traditional in any::<bool>(),
        upper in any::<bool>(),
        style in style(),
        cheque_yuan in any::<bool>(),
    ) {
        let variant = if traditional { ChineseVariant::Traditional } else { ChineseVariant::Simple };
        let case = if upper { ChineseCase::Upper } else { ChineseCase::Lower };
        let yuan = match (cheque_yuan, traditional) {
            (false, _) => "元",
            (true, false) => "圆",
            (true, true) => "圓",
        };
        let text = written(cents, variant, case, style, yuan);
        let want = Decimal::new(cents as i64, 2).normalize();
        prop_assert_eq!(parse_amount(&text, "CNY"), Ok((want, "CNY".to_string())), "{} ({:?})", text, style);
    }
}

#[test]
fn the_writing_is_what_people_write() {
    let w = |cents, style, yuan| written(cents, ChineseVariant::Simple, ChineseCase::Lower, style, yuan);
    assert_eq!(w(12852, Fraction::Yuan, "元"), "一百二十八元五角二分");
    assert_eq!(w(10005, Fraction::YuanZero, "元"), "一百元零五分");
    assert_eq!(w(128000, Fraction::Yuan, "元"), "一千二百八十元整");
    assert_eq!(w(52, Fraction::Yuan, "元"), "五角二分");
    assert_eq!(w(1250, Fraction::Point, "元"), "十二点五");
    assert_eq!(w(1250, Fraction::PointTwoDigits, "元"), "十二点五零");
    assert_eq!(w(50, Fraction::Point, "元"), "零点五");
    let upper = written(128000, ChineseVariant::Simple, ChineseCase::Upper, Fraction::Yuan, "圆");
    assert_eq!(upper, "壹仟贰佰捌拾圆整");
}
