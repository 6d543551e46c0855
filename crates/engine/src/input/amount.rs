//! Amounts of money as typed: digits with each locale's separators (`1,280.50`, `1.280,50`, `1 280,50`,
//! `1'280.50`), currency signs and words (`€12,50`, `HK$120`, `300 rmb`, `120蚊`, `23.50 quid`), thousands
//! as `2.5k`, Chinese numerals (`一百零五元`, `壹仟贰佰捌拾元整`, `三块五毛二`) and English words
//! (`twenty five dollars`, `a hundred quid`).
//!
//! What is read here goes into a letter to a bank, so anything without one sure reading is an error and the
//! person is asked again: `1.280` (1280 in Germany, 1.28 elsewhere), `12.345`, `12元34`, `1234 5678`, `€12 rmb`.
//!
//! Owns: `parse_amount`, and reading one amount from a normalized text (`read_amount`, also used to find
//! amounts in a sentence).
//! Must not touch: the case or the flow (the card's currency comes in as an argument).

use super::cjk_money::{MoneyUnit, read_cjk_amount};
use super::currency::{YUAN, currency_prefix, currency_suffix, settle_currency};
use super::english_number::read_english;
use super::normalize;
use regex::Regex;
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

/// The largest amount accepted, far above any POS payment.
const MAX_AMOUNT: i64 = 100_000_000;

/// Why an amount was not understood; each has a localized answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    NotPositive,
    TooLarge,
    TooManyDecimals,
}

/// An amount read from normalized, lower-cased text: its value and the currency words written with it (family
/// stand-ins unresolved; none when only a number was written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reading {
    pub value: Decimal,
    pub codes: Vec<&'static str>,
}

static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9][0-9 ,.'’]*$").unwrap());
static THOUSANDS_K: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]+(\.[0-9]+)?k$").unwrap());

/// Reads an amount such as `1,280.50`, `¥1280`, `1280元`, `RMB 1280`, `１２８０`, `1.280,50`, `2.5k`,
/// `一千二百八十元`, `三块五毛二` or `twenty five dollars`. The currency is the one written (元 and `$`
/// follow the card's currency family), else `default_currency`.
pub fn parse_amount(text: &str, default_currency: &str) -> Result<(Decimal, String), AmountError> {
    // ASCII lower case keeps byte offsets, so the finder reads the very same text as this.
    let t = normalize(text).to_ascii_lowercase();
    let reading = read_amount(&t)?;
    let currency = settle_currency(&reading.codes, default_currency).ok_or(AmountError::NotANumber)?;
    Ok((reading.value, currency))
}

/// One amount: an optional currency word at each end, then a number in one of the forms above; the value
/// checked to be positive, at most `MAX_AMOUNT`, with at most 2 decimals. `t` is normalized and lower case.
pub(super) fn read_amount(t: &str) -> Result<Reading, AmountError> {
    let t = t.trim();
    if let Some(rest) = t.strip_prefix(['-', '−']) {
        // A minus is refused as such when a number follows it, so the answer can say why.
        return Err(match read_amount(rest) {
            Ok(_) | Err(AmountError::NotPositive | AmountError::TooLarge | AmountError::TooManyDecimals) => {
                AmountError::NotPositive
            }
            Err(e) => e,
        });
    }
    let mut codes = Vec::new();
    let mut body = t;
    if let Some((len, code)) = currency_prefix(body) {
        codes.push(code);
        body = body[len..].trim_start();
    }
    let unit_after = match currency_suffix(body) {
        Some((len, code)) => {
            codes.push(code);
            body = body[..body.len() - len].trim_end();
            true
        }
        None => false,
    };
    let body = body.trim_end_matches(['.', ',']).trim();
    let value = read_body(body, unit_after, &mut codes)?;
    Ok(Reading { value: checked(value)?, codes })
}

/// The number itself, in whichever form it is written; a unit inside it (元, 蚊, dollars) is added to
/// `codes`. `unit_after`: a currency word was taken off the end.
fn read_body(t: &str, unit_after: bool, codes: &mut Vec<&'static str>) -> Result<Decimal, AmountError> {
    if DIGITS.is_match(t) {
        return parse_grouped_number(t);
    }
    if THOUSANDS_K.is_match(t) {
        let n = Decimal::from_str(&t[..t.len() - 1]).map_err(|_| AmountError::NotANumber)?;
        return n.checked_mul(Decimal::from(1000)).ok_or(AmountError::TooLarge);
    }
    if !t.is_ascii() {
        let (value, unit) = read_cjk_amount(t, unit_after).ok_or(AmountError::NotANumber)?;
        match unit {
            Some(MoneyUnit::Yuan) => codes.push(YUAN),
            Some(MoneyUnit::Man) => codes.push("HKD"),
            None => {}
        }
        return Ok(value);
    }
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'-') {
        let (value, code) = read_english(t).ok_or(AmountError::NotANumber)?;
        codes.extend(code);
        return Ok(value);
    }
    Err(AmountError::NotANumber)
}

fn checked(value: Decimal) -> Result<Decimal, AmountError> {
    if value <= Decimal::ZERO {
        return Err(AmountError::NotPositive);
    }
    if value > Decimal::from(MAX_AMOUNT) {
        return Err(AmountError::TooLarge);
    }
    let value = value.normalize();
    if value.scale() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    Ok(value)
}

/// `1,280.50`, `1.280,50`, `1 280,50`, `1'280.50`, `1.280.000`, `1280` -> a number.
///
/// The decimal mark is the last `.` or `,` unless exactly three digits follow it. Then: a mark that appears
/// more than once groups thousands (`1.280.000`); a lone `,` groups thousands (`1,280` — three decimals are
/// no amount of money in any locale that writes a decimal comma); a lone `.` has two readings (`1.280` is
/// 1280 in Germany and 1.28 in England) and is refused. Groups after the first are exactly three digits.
fn parse_grouped_number(t: &str) -> Result<Decimal, AmountError> {
    let last_mark = t.rfind(['.', ',']);
    let (int, frac) = match last_mark {
        None => (t, ""),
        Some(at) => {
            let mark = &t[at..at + 1];
            let tail = &t[at + 1..];
            let repeated = t.matches(mark).count() > 1;
            let other = if mark == "." { ',' } else { '.' };
            if tail.len() == 3 && (repeated || (mark == "," && !t.contains(other))) {
                (t, "")
            } else if tail.len() == 3 && mark == "." && !t.contains(other) {
                return Err(AmountError::TooManyDecimals);
            } else if repeated {
                return Err(AmountError::NotANumber);
            } else {
                (&t[..at], tail)
            }
        }
    };
    let digits = ungrouped(int).ok_or(AmountError::NotANumber)?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    let s = if frac.is_empty() { digits } else { format!("{digits}.{frac}") };
    Decimal::from_str(&s).map_err(|_| AmountError::TooLarge)
}

/// The digits of an integer part, grouped by threes with one kind of separator (`1,280,000`, `1 280`,
/// `1'280`), or None when the groups are wrong (`1,2,3`, `1234 5678`, `0,500`).
fn ungrouped(int: &str) -> Option<String> {
    let mut seps = int.chars().filter(|c| !c.is_ascii_digit());
    let Some(sep) = seps.next() else {
        return (!int.is_empty()).then(|| int.to_string());
    };
    if seps.any(|c| c != sep) {
        return None;
    }
    let parts: Vec<&str> = int.split(sep).collect();
    let first_ok = (1..=3).contains(&parts[0].len()) && !parts[0].starts_with('0');
    if !first_ok || parts[1..].iter().any(|p| p.len() != 3 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    Some(parts.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    fn amt(s: &str) -> Result<(String, String), AmountError> {
        parse_amount(s, "CNY").map(|(a, c)| (a.to_string(), c))
    }

    #[test]
    fn amounts_in_the_forms_people_type() {
        for (input, want, cur) in [
            ("1,280.50", "1280.5", "CNY"),
            ("¥1280", "1280", "CNY"),
            ("￥1280", "1280", "CNY"),
            ("1280元", "1280", "CNY"),
            ("RMB 1280", "1280", "CNY"),
            ("１２８０", "1280", "CNY"),
            ("１，２８０．５０", "1280.5", "CNY"),
            ("$12.99", "12.99", "USD"),
            ("12,99 €", "12.99", "EUR"),
            ("1.280,50", "1280.5", "CNY"),
            ("1 280", "1280", "CNY"),
            ("1,280,000", "1280000", "CNY"),
            ("一千二百八十元", "1280", "CNY"),
            ("三千五", "3500", "CNY"),
            ("两万", "20000", "CNY"),
            ("十二点五", "12.5", "CNY"),
            ("1万2千", "12000", "CNY"),
            ("88", "88", "CNY"),
            ("CN¥1,280.50", "1280.5", "CNY"),
            // A longer word is read before a shorter one inside it (港元 before 元).
            ("HK$1,280.50", "1280.5", "HKD"),
            ("1280港元", "1280", "HKD"),
            ("港幣 1280", "1280", "HKD"),
            ("50蚊", "50", "HKD"),
            ("100美元", "100", "USD"),
            ("5000日元", "5000", "JPY"),
            ("新台幣1280元", "1280", "TWD"),
            ("1280台幣", "1280", "TWD"),
        ] {
            assert_eq!(amt(input), Ok((want.to_string(), cur.to_string())), "{input}");
        }
    }

    #[test]
    fn amount_nonsense_is_refused_with_a_reason() {
        assert_eq!(amt("abc"), Err(AmountError::NotANumber));
        assert_eq!(amt("0"), Err(AmountError::NotPositive));
        assert_eq!(amt("-5"), Err(AmountError::NotPositive));
        assert_eq!(amt("12.345"), Err(AmountError::TooManyDecimals));
        assert_eq!(amt("999999999999"), Err(AmountError::TooLarge));
        assert_eq!(amt("1,,2"), Err(AmountError::NotANumber));
        assert_eq!(amt("12 34 5x"), Err(AmountError::NotANumber));
        assert_eq!(amt(""), Err(AmountError::NotANumber));
    }
}
