//! Amounts in English words: `fifty`, `twenty-five`, `one hundred and twenty`, `a hundred`, `two thousand
//! and five`, `twenty-five hundred`, and inside a phrase a currency with its cents or pence: `twenty dollars
//! and fifty cents`, `twenty pounds fifty`.
//!
//! Exactness over reach: every word must be known and in an order numbers are said in (`five twenty`, `a
//! couple hundred`, `fifty cents` alone, `one two` are refused), so a phrase is read whole or not at all.
//!
//! Owns: reading a phrase of English number words.
//! Must not touch: digits, Chinese numerals, currency signs and words at the ends of a phrase (`currency`).

use super::currency::DOLLAR;
use rust_decimal::Decimal;

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// twenty is `TENS[0]`, ninety `TENS[7]`.
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Currency words spoken between the whole amount and its cents (`twenty dollars and fifty cents`).
const MAJOR: &[(&str, &str)] = &[
    ("dollars", DOLLAR),
    ("dollar", DOLLAR),
    ("bucks", DOLLAR),
    ("buck", DOLLAR),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("quid", "GBP"),
    ("euros", "EUR"),
    ("euro", "EUR"),
];

const MINOR: &[&str] = &["cents", "cent", "pence", "penny"];

/// Every word a phrase read here may hold, for finding such phrases in a sentence.
pub(super) fn is_number_word(w: &str) -> bool {
    SMALL.contains(&w)
        || TENS.contains(&w)
        || MINOR.contains(&w)
        || matches!(w, "a" | "and" | "hundred" | "thousand" | "million")
}

/// A whole phrase (lower case, words separated by spaces or hyphens) as an amount, with the currency spoken
/// inside it if one was; None unless every word is read.
pub(super) fn read_english(t: &str) -> Option<(Decimal, Option<&'static str>)> {
    let words: Vec<&str> = t.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let major = |w: &str| MAJOR.iter().find(|(m, _)| *m == w).map(|(_, code)| *code);
    match words.iter().position(|w| major(w).is_some()) {
        None => Some((Decimal::from(number(&words)?), None)),
        Some(at) => {
            let whole = number(&words[..at])?;
            let cents = minor(&words[at + 1..])?;
            Some((Decimal::from(whole) + Decimal::new(cents as i64, 2), major(words[at])))
        }
    }
}

/// What follows the currency word: nothing, or 1–99 (`and fifty cents`, `fifty`).
fn minor(words: &[&str]) -> Option<u64> {
    if words.is_empty() {
        return Some(0);
    }
    let words = words.strip_prefix(&["and"]).unwrap_or(words);
    let words = match words.split_last() {
        Some((last, rest)) if MINOR.contains(last) => rest,
        _ => words,
    };
    match below_100(words, 0) {
        Some((cents @ 1..=99, end)) if end == words.len() => Some(cents),
        _ => None,
    }
}

/// A whole number: groups below 1000, each but the last followed by `million` or `thousand` (falling);
/// `a` for `one` at the start (`a hundred`, `a thousand`); `and` before the last group if it is below 100.
fn number(words: &[&str]) -> Option<u64> {
    if words == ["zero"] {
        return Some(0);
    }
    let mut words = words.to_vec();
    if words.first() == Some(&"a") && words.get(1).is_some_and(|w| matches!(*w, "hundred" | "thousand" | "million")) {
        words[0] = "one";
    }
    let (mut total, mut at, mut last_scale) = (0u64, 0usize, u64::MAX);
    loop {
        let (group, next) = below_1000(&words, at)?;
        at = next;
        let scale = match words.get(at).copied() {
            None => return Some(total + group),
            Some("thousand") => 1000,
            Some("million") => 1_000_000,
            Some(_) => return None,
        };
        if scale >= last_scale {
            return None;
        }
        (total, last_scale, at) = (total + group * scale, scale, at + 1);
        if at == words.len() {
            return Some(total);
        }
        if words[at] == "and" {
            return match below_100(&words, at + 1) {
                Some((rest @ 1..=99, end)) if end == words.len() => Some(total + rest),
                _ => None,
            };
        }
    }
}

/// 1–999 from `at`: `[1–99] hundred [and] [1–99]` or `1–99`; with the index after it.
fn below_1000(words: &[&str], at: usize) -> Option<(u64, usize)> {
    let (head, mut at) = below_100(words, at)?;
    if head == 0 {
        return None;
    }
    if words.get(at) != Some(&"hundred") {
        return Some((head, at));
    }
    at += 1;
    let and = words.get(at) == Some(&"and");
    let after_and = if and { at + 1 } else { at };
    match below_100(words, after_and) {
        Some((rest @ 1..=99, end)) => Some((head * 100 + rest, end)),
        _ if and => None,
        _ => Some((head * 100, at)),
    }
}

/// 0–99 from `at`: `seven`, `seventeen`, `seventy`, `seventy seven` / `seventy-seven`.
fn below_100(words: &[&str], at: usize) -> Option<(u64, usize)> {
    let w = *words.get(at)?;
    if let Some(t) = TENS.iter().position(|x| *x == w) {
        let tens = (t as u64 + 2) * 10;
        return match words.get(at + 1).and_then(|w| SMALL[1..10].iter().position(|x| x == w)) {
            Some(ones) => Some((tens + ones as u64 + 1, at + 2)),
            None => Some((tens, at + 1)),
        };
    }
    SMALL.iter().position(|x| *x == w).map(|v| (v as u64, at + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(t: &str) -> Option<(String, Option<&'static str>)> {
        read_english(t).map(|(d, c)| (d.normalize().to_string(), c))
    }

    #[test]
    fn phrases_people_type() {
        for (t, want) in [
            ("fifty", "50"),
            ("twenty five", "25"),
            ("twenty-five", "25"),
            ("one hundred and twenty", "120"),
            ("a hundred", "100"),
            ("a thousand", "1000"),
            ("two thousand and five", "2005"),
            ("twenty five hundred", "2500"),
            ("eleven hundred", "1100"),
            ("one million two hundred thousand", "1200000"),
            ("three hundred forty two", "342"),
            ("zero", "0"),
        ] {
            assert_eq!(en(t), Some((want.to_string(), None)), "{t}");
        }
        assert_eq!(en("twenty dollars and fifty cents"), Some(("20.5".into(), Some(DOLLAR))));
        assert_eq!(en("twenty pounds fifty"), Some(("20.5".into(), Some("GBP"))));
        assert_eq!(en("ten euros and five cents"), Some(("10.05".into(), Some("EUR"))));
    }

    #[test]
    fn phrases_not_read_whole_are_refused() {
        for t in [
            "five twenty",
            "a couple hundred",
            "fifty cents",
            "one two",
            "hundred",
            "a",
            "and fifty",
            "one hundred and",
            "twenty twenty",
            "one thousand thousand",
            "a fifty",
            "zero hundred",
            "twenty dollars and",
            "twenty dollars and two hundred",
            "fifty fifty",
            "thousand",
        ] {
            assert_eq!(en(t), None, "{t}");
        }
    }
}
