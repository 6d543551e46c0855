//! Amounts of money as typed: digits with each locale's separators and currency signs, or Chinese numerals.
//!
//! Owns: `parse_amount` and the currency words.
//! Must not touch: the case or the flow (the card's currency comes in as an argument).

use super::cjk_number::{is_cjk_numeral, parse_cjk_number};
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

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("rmb", "CNY"),
    ("cny", "CNY"),
    ("yuan", "CNY"),
    // 元/块 is the unit of every Chinese-speaking place's money: the card's own where that is one of them.
    ("元", YUAN),
    ("块钱", YUAN),
    ("塊錢", YUAN),
    ("块", YUAN),
    ("塊", YUAN),
    ("cn¥", "CNY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("hk$", "HKD"),
    ("hkd", "HKD"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("港元", "HKD"),
    ("港纸", "HKD"),
    ("港紙", "HKD"),
    // Hong Kong's spoken word for dollars (50蚊).
    ("蚊", "HKD"),
    ("nt$", "TWD"),
    ("twd", "TWD"),
    ("新台币", "TWD"),
    ("新台幣", "TWD"),
    ("新臺幣", "TWD"),
    ("台币", "TWD"),
    ("台幣", "TWD"),
    ("臺幣", "TWD"),
    ("us$", "USD"),
    ("usd", "USD"),
    // A bare dollar is the card's own dollar (Hong Kong, Taiwan, Singapore...), else the US dollar.
    ("dollars", DOLLAR),
    ("dollar", DOLLAR),
    ("美元", "USD"),
    ("$", DOLLAR),
    ("s$", "SGD"),
    ("sgd", "SGD"),
    ("新加坡元", "SGD"),
    ("新币", "SGD"),
    ("新幣", "SGD"),
    ("mop$", "MOP"),
    ("mop", "MOP"),
    ("澳门币", "MOP"),
    ("澳門幣", "MOP"),
    ("澳门元", "MOP"),
    ("澳門元", "MOP"),
    ("eur", "EUR"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("€", "EUR"),
    ("欧元", "EUR"),
    ("歐元", "EUR"),
    ("gbp", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("£", "GBP"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("jpy", "JPY"),
    ("日元", "JPY"),
    ("日圓", "JPY"),
];

/// Stand-ins in `CURRENCY_WORDS` for words whose currency depends on the card (see `family_currency`).
const YUAN: &str = "yuan-family";
const DOLLAR: &str = "dollar-family";

/// What an ambiguous word means for a card in `default`: 元 is yuan, Taiwan or Hong Kong dollars, patacas;
/// `$` is whichever dollar the card is in.
fn family_currency(code: &'static str, default: &str) -> String {
    let family: (&[&str], &str) = match code {
        YUAN => (&["CNY", "TWD", "HKD", "MOP"], "CNY"),
        DOLLAR => (&["USD", "HKD", "TWD", "SGD"], "USD"),
        other => return other.to_string(),
    };
    if family.0.contains(&default) { default.to_string() } else { family.1.to_string() }
}

/// The currency words, longest first: `港元` and `美元` are read before `元`, `us$` before `$`.
static CURRENCY_WORDS_LONGEST_FIRST: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    let mut words = CURRENCY_WORDS.to_vec();
    words.sort_by_key(|(word, _)| std::cmp::Reverse(word.chars().count()));
    words
});

static AMOUNT_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9][0-9 ,.']*$").unwrap());

/// Reads an amount such as `1,280.50`, `¥1280`, `1280元`, `RMB 1280`, `１２８０`, `1.280,50` or
/// `一千二百八十元`. The currency is the one written, else `default_currency`.
pub fn parse_amount(text: &str, default_currency: &str) -> Result<(Decimal, String), AmountError> {
    let mut t = normalize(text).trim().to_lowercase();
    let mut currency = None;
    for (word, code) in CURRENCY_WORDS_LONGEST_FIRST.iter() {
        if let Some(pos) = t.find(word) {
            // Only at the start or the end: "1280 元" or "RMB 1280", not inside the digits.
            let before = t[..pos].trim();
            let after = t[pos + word.len()..].trim();
            if before.is_empty() || after.is_empty() {
                currency.get_or_insert_with(|| family_currency(code, default_currency));
                t = format!("{before} {after}");
            }
        }
    }
    let t = t.trim().trim_end_matches(['.', ',']).trim();
    let t = t.strip_suffix("整").unwrap_or(t).trim();
    let value = if t.chars().any(is_cjk_numeral)
        && t.chars().all(|c| is_cjk_numeral(c) || c == '点' || c == '點' || c.is_ascii_digit())
    {
        parse_cjk_number(t).ok_or(AmountError::NotANumber)?
    } else {
        if !AMOUNT_NUMBER.is_match(t) {
            return Err(if t.starts_with('-') { AmountError::NotPositive } else { AmountError::NotANumber });
        }
        parse_grouped_number(t).ok_or(AmountError::NotANumber)?
    };
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
    Ok((value, currency.unwrap_or_else(|| default_currency.to_string())))
}

/// `1,280.50`, `1 280,50`, `1.280.000`, `1280` -> a number. The last of `.`/`,` is the decimal mark when both
/// appear; a lone `,` followed by exactly three digits groups thousands.
fn parse_grouped_number(t: &str) -> Option<Decimal> {
    let t: String = t.chars().filter(|c| *c != ' ' && *c != '\'').collect();
    let dots = t.matches('.').count();
    let commas = t.matches(',').count();
    let (int_part, frac_part) = match (dots, commas) {
        (0, 0) => (t.clone(), String::new()),
        (_, 0) if dots > 1 => (grouped(&t, '.')?, String::new()),
        (1, 0) => split_once(&t, '.'),
        (0, _) => {
            let last = t.rsplit(',').next()?;
            if commas == 1 && last.len() != 3 { split_once(&t, ',') } else { (grouped(&t, ',')?, String::new()) }
        }
        _ => {
            let (dec, group) = if t.rfind('.') > t.rfind(',') { ('.', ',') } else { (',', '.') };
            if t.matches(dec).count() != 1 {
                return None;
            }
            let (i, f) = split_once(&t, dec);
            (grouped(&i, group)?, f)
        }
    };
    if int_part.is_empty()
        || !int_part.chars().all(|c| c.is_ascii_digit())
        || !frac_part.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let s = if frac_part.is_empty() { int_part } else { format!("{int_part}.{frac_part}") };
    Decimal::from_str(&s).ok()
}

fn split_once(t: &str, sep: char) -> (String, String) {
    let (a, b) = t.split_once(sep).unwrap_or((t, ""));
    (a.to_string(), b.to_string())
}

/// Digits grouped by threes with `sep` (`1,280,000`): the digits, or None when the groups are wrong.
fn grouped(t: &str, sep: char) -> Option<String> {
    let parts: Vec<&str> = t.split(sep).collect();
    let first_ok = (1..=3).contains(&parts[0].len());
    if !first_ok || parts[1..].iter().any(|p| p.len() != 3) {
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
