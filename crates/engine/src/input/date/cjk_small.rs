//! Small Chinese numerals, as typed in times and dates: 三, 十二, 二十三, 四十五, 廿三, 兩, 零五.
//!
//! Owns: `small_number` (0 to 99).
//! Must not touch: amounts (`cjk_number` reads those, with 百, 千, 万 and decimals): a time or a date never
//! needs more than two digits, and a reader that knows only those cannot mistake an amount for an hour.

/// The digit a character stands for: 〇/零 to 九, and 两/兩 (the "two" of counting: 兩點, 兩日前).
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese numeral from 0 to 99, or of ASCII digits (at most two). `None` for anything else,
/// including forms that are not one number (十十, 三三): a time read from them would be a guess.
pub fn small_number(s: &str) -> Option<u32> {
    if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d).or(tens(*d)),
        // 零五: the "05" of a time (三点零五).
        ['零' | '〇', d] => digit(*d).filter(|v| *v > 0),
        [t, d] if tens(*t).is_some() => Some(tens(*t)? + digit(*d).filter(|v| *v > 0)?),
        [d, '十'] => Some(digit(*d).filter(|v| *v > 1)? * 10),
        [d, '十', u] => Some(digit(*d).filter(|v| *v > 1)? * 10 + digit(*u).filter(|v| *v > 0)?),
        _ => None,
    }
}

/// 十 (10), and Hong Kong's 廿 (20) and 卅 (30), which stand alone or before a unit digit.
fn tens(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '廿' => Some(20),
        '卅' => Some(30),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::small_number;

    #[test]
    fn numerals_up_to_ninety_nine() {
        for (s, v) in [
            ("三", 3),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("四十五", 45),
            ("廿三", 23),
            ("卅一", 31),
            ("兩", 2),
            ("两", 2),
            ("零五", 5),
            ("〇", 0),
            ("12", 12),
            ("7", 7),
        ] {
            assert_eq!(small_number(s), Some(v), "{s}");
        }
        for s in ["", "十十", "三三", "一十", "二十零", "百", "123", "3a", "零零"] {
            assert_eq!(small_number(s), None, "{s}");
        }
    }
}
