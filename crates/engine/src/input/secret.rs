//! Card numbers and secrets in typed text: the Luhn check, offered codes (CVV, PIN, SMS code), and the
//! digit pieces of a card number sent in parts.
//!
//! Owns: spotting and masking what must never be kept.
//! Must not touch: the case or the flow.

use super::normalize;
use regex::Regex;
use std::sync::LazyLock;

/// Whether `digits` pass the Luhn check (every second digit from the right doubled).
pub fn luhn(digits: &[u8]) -> bool {
    luhn_sum(digits, 0).is_multiple_of(10)
}

/// The Luhn sum of `digits` as they stand with `shift` more digits after them (every second digit from the
/// right doubled, 9 taken off what goes over 9).
fn luhn_sum(digits: &[u8], shift: usize) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d);
            if (i + shift) % 2 == 1 { if v * 2 > 9 { v * 2 - 9 } else { v * 2 } } else { v }
        })
        .sum()
}

/// The text with the digits of each offered code shown as `••••` (see `offers_secret`).
pub fn mask_secrets(text: &str) -> String {
    static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]{3,8}").unwrap());
    let norm = normalize(text);
    SECRET.replace_all(&norm, |c: &regex::Captures| DIGITS.replace_all(&c[0], "••••").into_owned()).into_owned()
}

static SECRET: LazyLock<Regex> = LazyLock::new(|| {
    let words = r"(?:\bcvv2?\b|\bcvc2?\b|\bcsc\b|security\s+code|\bpin\b|pin\s*code|password|passcode|\botp\b|verification\s+code|\bcode\b|安全码|安全碼|密码|密碼|验证码|驗證碼|校验码|校驗碼|动态码|動態碼|短信码|短訊碼|簡訊碼|保安编码|保安編碼|保安码|保安碼|认证码|認證碼|口令)";
    Regex::new(&format!(r"(?i)(?P<a>{words})[^0-9]{{0,12}}[0-9]{{3,8}}\b|\b[0-9]{{3,8}}[^0-9]{{0,6}}(?P<b>{words})"))
        .unwrap()
});

/// Kinds of "code" that are not secrets: a terminal or trace code next to digits is ordinary.
const BENIGN_CODES: &[&str] = &[
    "terminal",
    "merchant",
    "trace",
    "reference",
    "ref",
    "order",
    "auth",
    "authorization",
    "authorisation",
    "approval",
    "zip",
    "post",
    "postal",
    "area",
    "country",
    "error",
    "promo",
    "discount",
    "product",
    "tracking",
    "transaction",
    "mcc",
    "bank",
    "branch",
    "swift",
    "sort",
    "qr",
    "bar",
    "store",
    "shop",
];

/// Whether the text offers a CVV, PIN, password or SMS/verification code: digits next to such a word.
pub fn offers_secret(text: &str) -> bool {
    let norm = normalize(text);
    SECRET.captures_iter(&norm).any(|c| {
        let word = c.name("a").or_else(|| c.name("b")).expect("one side matched");
        if !word.as_str().eq_ignore_ascii_case("code") {
            return true;
        }
        // "code" alone: a secret unless the word before says what harmless kind of code it is.
        let before = norm[..word.start()].trim_end().to_lowercase();
        let prev = before.rsplit(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
        !BENIGN_CODES.contains(&prev)
    })
}

/// The text with every digit shown as `•`: a message that turned out to be part of a card number.
pub fn mask_digits(text: &str) -> String {
    normalize(text).chars().map(|c| if c.is_ascii_digit() { '•' } else { c }).collect()
}

/// What is kept of a message that was only digits (4 to 12, with spaces or dashes), to notice a card number
/// sent in parts: how many digits and their Luhn sums for either parity — never the digits themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DigitPiece {
    pub len: u8,
    /// The piece's Luhn sum (mod 10) when an even number of digits follows it, and when an odd number does.
    pub sums: [u8; 2],
}

/// The piece a message is, if it holds nothing but 4 to 12 digits (and spaces or dashes between them).
pub fn digit_piece(text: &str) -> Option<DigitPiece> {
    let t = normalize(text);
    let t = t.trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-') {
        return None;
    }
    let digits: Vec<u8> = t.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    if !(4..=12).contains(&digits.len()) {
        return None;
    }
    Some(piece_of(&digits))
}

/// What is kept of a run of digits that may be a part of a card number: its length and Luhn sums.
pub fn piece_of(digits: &[u8]) -> DigitPiece {
    let sum = |shift| (luhn_sum(digits, shift) % 10) as u8;
    DigitPiece { len: digits.len().min(usize::from(u8::MAX)) as u8, sums: [sum(0), sum(1)] }
}

/// How many of the last pieces (2 or more, ending with the newest) together are a card number: 13 to 19
/// digits passing the Luhn check.
pub fn split_card_number(pieces: &[DigitPiece]) -> Option<usize> {
    for k in 2..=pieces.len() {
        let tail = &pieces[pieces.len() - k..];
        let total: usize = tail.iter().map(|p| usize::from(p.len)).sum();
        if total > 19 {
            break;
        }
        if total < 13 {
            continue;
        }
        let mut after = 0usize;
        let mut sum = 0u32;
        for p in tail.iter().rev() {
            sum += u32::from(p.sums[after % 2]);
            after += usize::from(p.len);
        }
        if sum.is_multiple_of(10) {
            return Some(k);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn secrets_are_masked_for_display() {
        assert_eq!(mask_secrets("my code is 482913"), "my code is ••••");
        assert_eq!(mask_secrets("charged 1280 twice"), "charged 1280 twice");
    }

    #[test]
    fn secrets_are_spotted() {
        for s in [
            "my CVV is 123",
            "验证码 482913",
            "密码是123456",
            "the code: 5521",
            "pin 1234",
            "OTP 998877",
            "123456 是验证码",
            "保安編碼 123",
            "短訊驗證碼：482913",
            "一次性密碼 482913",
            "認證碼 5521",
        ] {
            assert!(offers_secret(s), "{s}");
        }
        for s in [
            "charged 1280 twice",
            "shopping 1234",
            "postcode",
            "terminal froze at 14:30",
            "The bank SMS says 1280",
            "terminal code 12345678",
            "trace code: 004512",
            "zip code 10001",
        ] {
            assert!(!offers_secret(s), "{s}");
        }
    }
}
