//! The last 4 digits of a card, with the labels people put around them.
//!
//! Owns: `parse_last4`.
//! Must not touch: the case or the flow.

use super::normalize;

/// Words people put before (or after) the last 4 digits, lower case and without spaces. Some hold a 4 of
/// their own (`末4碼`, `last 4`): those are cut off the front first, so that 4 is not read as a digit.
const LAST4_LABELS: &[&str] = &[
    "ending",
    "endingin",
    "last4",
    "last4digits",
    "lastfour",
    "lastfourdigits",
    "尾号",
    "尾號",
    "尾数",
    "尾數",
    "末四位",
    "后四位",
    "後四位",
    "后4位",
    "後4位",
    "末4碼",
    "末4码",
    "末四碼",
    "最後4位",
    "最後四位",
    "最後4位數字",
    "最後四位數字",
    "卡号尾号",
    "卡號尾號",
    "卡號末4碼",
    "卡號末四碼",
    "卡号后4位",
    "卡號後4位",
    "卡號最後4位數字",
];

/// Exactly four digits, allowing decoration such as `*1234`, `ending 1234`, `尾号1234`, `末4碼：1234`.
pub fn parse_last4(text: &str) -> Option<String> {
    let t: String = normalize(text).to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    let label = LAST4_LABELS.iter().filter(|l| t.starts_with(**l)).max_by_key(|l| l.len());
    let rest = label.map_or(t.as_str(), |l| t[l.len()..].trim_start_matches([':', '：', '是']));
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    let others: String = rest.chars().filter(|c| !c.is_ascii_digit() && !"*x#-.·•".contains(*c)).collect();
    let decoration_ok = others.is_empty() || (label.is_none() && LAST4_LABELS.contains(&others.as_str()));
    (digits.len() == 4 && decoration_ok).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn last_four() {
        assert_eq!(parse_last4("1234"), Some("1234".into()));
        assert_eq!(parse_last4("*1234"), Some("1234".into()));
        assert_eq!(parse_last4("尾号 1234"), Some("1234".into()));
        assert_eq!(parse_last4("1234 尾號"), Some("1234".into()));
        assert_eq!(parse_last4("末4碼 1234"), Some("1234".into()));
        assert_eq!(parse_last4("卡號末4碼：5678"), Some("5678".into()));
        assert_eq!(parse_last4("最後4位數字 5678"), Some("5678".into()));
        assert_eq!(parse_last4("last 4 digits: 9012"), Some("9012".into()));
        assert_eq!(parse_last4("末4碼 12345"), None);
        assert_eq!(parse_last4("12:34"), None);
        assert_eq!(parse_last4("1234 末4碼"), None);
        assert_eq!(parse_last4("12345"), None);
        assert_eq!(parse_last4("abcd"), None);
    }
}
