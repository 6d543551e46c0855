//! Reading what people type: amounts (`amount`, with `currency`, `cjk_number`, `cjk_money`,
//! `english_number`), amounts inside a whole story (`find_amount`), dates, yes/no, the last 4 digits of a
//! card; and spotting what must never be kept (a full card number, a CVV, PIN, password or SMS code). Pure
//! functions; patterns are compiled once; every caller caps the input length first (`MAX_MESSAGE_CHARS`).
//!
//! Owns: the readers of typed answers, and finding, masking and cleaning what must not be kept.
//! Must not touch: the flow or the case: a reader gets the text (and `now`, the card's date order) and
//! returns a value or an error; what to say about it is `step`'s.

mod amount;
mod cjk_money;
mod cjk_number;
mod currency;
mod date;
mod english_number;
mod find_amount;
mod last4;
mod secret;
mod yes_no;

pub use amount::{AmountError, parse_amount};
pub use date::{DateError, DateOrder, FoundWhen, When, find_when, parse_when};
pub use find_amount::{AMOUNT_TRIGGERS, FoundAmount, find_amounts};
pub use last4::parse_last4;
pub use secret::{
    DigitPiece, digit_piece, luhn, mask_digits, mask_secrets, offers_secret, piece_of, split_card_number,
};
pub use yes_no::parse_yes_no;

use regex::Regex;
use std::sync::LazyLock;

/// Telegram's own limit; longer messages are refused before any parsing.
pub const MAX_MESSAGE_CHARS: usize = 4096;
/// Free-text answers are kept short: they end up in letters and summaries.
pub const MAX_TEXT_ANSWER_CHARS: usize = 500;
/// Full-width forms (ＡＢＣ１２３，．) to ASCII, the decimal digits of every other script (٤١١١, ४१११, 𝟒𝟏𝟏𝟏)
/// to ASCII digits, and other space characters to a plain space: one set of patterns serves text typed with
/// any input method, and a card number cannot hide in another script's digits.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\u{2007}' => ' ',
            '。' => '.',
            '、' => ',',
            c if !c.is_ascii() => digit_value(c).map_or(c, |d| char::from(b'0' + d)),
            _ => c,
        })
        .collect()
}

/// The value of a decimal digit of any script (Unicode category Nd), if `c` is one. Unicode assigns these
/// only in runs of ten, 0 to 9, so the value is the position in its run of consecutive digits.
fn digit_value(c: char) -> Option<u8> {
    static ND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Nd}$").unwrap());
    let is_digit = |c: char| ND.is_match(c.encode_utf8(&mut [0; 4]));
    if !is_digit(c) {
        return None;
    }
    let mut before = 0u32;
    // The longest run of adjacent digit blocks (mathematical digits) is 50 long.
    while before < 60 && char::from_u32(c as u32 - before - 1).is_some_and(is_digit) {
        before += 1;
    }
    Some((before % 10) as u8)
}

/// Removes control characters (NUL and the like) and invisible format characters (zero-width spaces, soft
/// hyphens, direction overrides) but keeps line breaks and tabs as spaces.
pub fn clean_text(text: &str) -> String {
    let t: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\t' || c == '\r' { ' ' } else { c })
        .filter(|c| {
            !c.is_control()
                && !matches!(
                    *c,
                    '\u{00AD}'
                        | '\u{180E}'
                        | '\u{200B}'..='\u{200F}'
                        | '\u{202A}'..='\u{202E}'
                        | '\u{2060}'..='\u{2069}'
                        | '\u{FEFF}'
                )
        })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}
