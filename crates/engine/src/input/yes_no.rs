//! Yes and no, as people type them in English, Mandarin and Cantonese.
//!
//! Owns: `parse_yes_no`.
//! Must not touch: the case or the flow.

use super::normalize;

pub fn parse_yes_no(text: &str) -> Option<bool> {
    let t = normalize(text).trim().trim_end_matches(['.', '!', '！', '。']).to_lowercase();
    const YES: &[&str] = &[
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "correct", "right", "true", "是", "是的", "是啊", "对",
        "对的", "對", "對的", "有", "有的", "好", "好的", "嗯", "要", "会", "會", "确定", "確定",
        // Cantonese, as people in Hong Kong type it.
        "係", "係呀", "係啊", "係的", "啱", "啱呀", "冇錯",
    ];
    const NO: &[&str] = &[
        "no",
        "n",
        "nope",
        "nah",
        "not yet",
        "false",
        "否",
        "不",
        "不是",
        "没有",
        "沒有",
        "没",
        "沒",
        "还没",
        "還沒",
        "还没有",
        "還沒有",
        "不要",
        "不会",
        "不會",
        "未",
        "无",
        "無",
        // Cantonese, as people in Hong Kong type it.
        "唔係",
        "冇",
        "冇呀",
        "未有",
        "仲未",
        "仲未有",
        "唔要",
        "唔會",
    ];
    if YES.contains(&t.as_str()) {
        Some(true)
    } else if NO.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn yes_and_no() {
        assert_eq!(parse_yes_no("Yes"), Some(true));
        assert_eq!(parse_yes_no("是的"), Some(true));
        assert_eq!(parse_yes_no("没有"), Some(false));
        assert_eq!(parse_yes_no("not yet"), Some(false));
        assert_eq!(parse_yes_no("maybe"), None);
        // Hong Kong: Cantonese answers.
        assert_eq!(parse_yes_no("係"), Some(true));
        assert_eq!(parse_yes_no("冇"), Some(false));
        assert_eq!(parse_yes_no("唔係"), Some(false));
        assert_eq!(parse_yes_no("仲未"), Some(false));
    }
}
