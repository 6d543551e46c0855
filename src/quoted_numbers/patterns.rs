//! The shapes of a duration or a sum of money written out in plain text: "15 days", "a 30-day window",
//! "5–7 working days", "two billing cycles", "£35", "HK$1,000,000", "15日内", "三十天", "5個工作天", "兩個月",
//! "八週", "3000元", "港幣500元", in ASCII, full-width or any other script's digits, or in Chinese numerals.
//! Every pattern runs on every text whatever its language: a Chinese text may quote "HK$500".
//!
//! Owns: the patterns and the rules that tell a date or an idiom from a duration ("5月18日", "2017年",
//! "同一天", "周期", "千万不要").
//! Must not touch: Fluent syntax (it sees the text of a message with its placeables already taken out).

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What a quoted number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Duration,
    Money,
}

/// A number quoted with its unit: where the whole phrase is, and where its number is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub phrase: Range<usize>,
    pub number: Range<usize>,
    pub kind: Kind,
}

/// Digits of any script (`\d` is Unicode), with separators, decimals and a Chinese multiplier (1.5万).
const DIGITS: &str = r"\d+(?:[,.，．]\d+)*(?:\s?[万萬千百亿億])?";
/// Chinese numerals, the financial forms included.
const HANZI: &str = "[零〇一二三四五六七八九十百千万萬亿億两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅]+";
/// English number words up to ninety-nine ("a hundred days" is not a number this lint knows).
const WORDS: &str = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\
|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen\
|one|two|three|four|five|six|seven|eight|nine|ten)";
/// Between the two ends of a range: 5–7, 5 to 7, 30 or 60, 3至5, 三到五.
const RANGE: &str = r"\s*(?:[-–—~～]|to|or|and|至|到|或)\s*";

static EN_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!(r"(?:\d+(?:[,.]\d+)*(?:st|nd|rd|th)?|{WORDS})");
    let gap = r"[\s\u{a0}\-‐‑]*";
    let qualifier = "(?:calendar|business|working|bank|banking|clear|full|consecutive|more|further|additional|extra)";
    let unit = r"hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|mos|years?|yrs?|minutes?|mins?|(?:billing|statement)\s+cycles?";
    Regex::new(&format!(r"(?i)(?P<num>{num}(?:{RANGE}{num})?){gap}(?:{qualifier}{gap})?(?:{unit})"))
        .expect("valid pattern")
});

static ZH_DURATION: LazyLock<Regex> = LazyLock::new(|| {
    let num = format!("(?:{DIGITS}|{HANZI})");
    let classifier = "(?:个|個|箇)";
    let day = "(?:工作|营业|營業|自然|日历|日曆|银行|銀行)?(?:日|天)";
    let hour = "(?:小时|小時|钟头|鐘頭|鍾頭)";
    let week = "(?:星期|礼拜|禮拜)";
    // A month needs its classifier: "5月" is May, "5个月" five months.
    let unit = format!(
        "{classifier}?(?:多|半)?{day}|{classifier}?(?:多|半)?{hour}|分钟|分鐘|{classifier}(?:多|半)?(?:{week}|月)\
|{week}|周|週|{classifier}?(?:账单|帳單|賬單|结单|結單)(?:周期|週期)|{classifier}?年"
    );
    Regex::new(&format!(r"(?P<num>{num}(?:{RANGE}{num})?)\s*(?:{unit})")).expect("valid pattern")
});

static MONEY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let code = r"(?i:(?:US|HK|NT|NZ|MOP|AU|CA|A|C|S|R)\$|(?:CN|JP|RMB)[¥￥]|RMB|CNY|USD|HKD|TWD|NTD|SGD|GBP|EUR|JPY|MOP|AUD|CAD)";
    let word =
        "人民币|人民幣|港币|港幣|港元|新台币|新台幣|台币|台幣|美元|美金|澳门币|澳門幣|欧元|歐元|英镑|英鎊|日元|日圓";
    // Digits only: after "美元" a Chinese numeral is as likely a word ("美元一般…"); "三千元" has its unit after.
    // "$5k", "£2m": the multiplier belongs to the sum.
    Regex::new(&format!(r"(?:{code}|[$£€¥￥₩₹]|{word})\s*(?P<num>{DIGITS})(?:[kKmM]|bn|mn)?")).expect("valid pattern")
});

static MONEY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let zh = "元|圆|圓|块钱|塊錢|块|塊|美元|美金|港元|港币|港幣|欧元|歐元|英镑|英鎊|日元|日圓|新台币|新台幣|台币|台幣\
|人民币|人民幣|澳门元|澳門元|澳元|加元|新加坡元|新元";
    let en = r"(?i:dollars?|euros?|pounds?|yuan|renminbi|cents?|pence|RMB|CNY|USD|HKD|TWD|NTD|SGD|GBP|EUR|JPY|MOP)";
    Regex::new(&format!(r"(?P<num>{DIGITS}|{HANZI})\s*(?:{zh}|{en}|[$£€¥￥])")).expect("valid pattern")
});

/// "7 days a week", "24 hours a day": a rate, not a span of time.
static RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b").expect("valid pattern")
});

/// Every duration or sum of money `text` quotes, in order; overlapping finds ("港幣500" and "500元") are one.
pub(super) fn find(text: &str) -> Vec<Found> {
    let mut all: Vec<Found> = Vec::new();
    for (re, kind) in [(&*MONEY_BEFORE, Kind::Money), (&*MONEY_AFTER, Kind::Money)] {
        all.extend(re.captures_iter(text).filter_map(|c| found(&c, kind)).filter(|f| money_ok(text, f)));
    }
    for re in [&*EN_DURATION, &*ZH_DURATION] {
        all.extend(re.captures_iter(text).filter_map(|c| found(&c, Kind::Duration)).filter(|f| duration_ok(text, f)));
    }
    all.retain(|f| standalone(text, f));
    merge(all)
}

/// Letters and digits of alphabetic scripts run together into one word; Chinese characters and full-width
/// forms stand next to Latin ones without a space ("約15 days", "NT$3萬", "5个工作日POS").
fn joins_a_word(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x2E80
}

/// The phrase is a word of its own, not the inside of one ("often days", "PSD2 days", "costs$5"). Unicode's
/// `\b` cannot say this: it sees no boundary between "約" and "1".
fn standalone(text: &str, f: &Found) -> bool {
    let phrase = &text[f.phrase.clone()];
    let glued_before = text[..f.phrase.start].chars().next_back().is_some_and(joins_a_word)
        && phrase.chars().next().is_some_and(joins_a_word);
    let glued_after = text[f.phrase.end..].chars().next().is_some_and(joins_a_word)
        && phrase.chars().next_back().is_some_and(joins_a_word);
    !glued_before && !glued_after
}

fn found(c: &regex::Captures, kind: Kind) -> Option<Found> {
    let whole = c.get(0)?;
    let num = c.name("num")?;
    Some(Found { phrase: whole.range(), number: num.range(), kind })
}

/// Overlapping finds become one; money wins over a duration ("100日元" is yen, not days).
fn merge(mut all: Vec<Found>) -> Vec<Found> {
    all.sort_by_key(|f| (f.phrase.start, std::cmp::Reverse(f.phrase.end)));
    let mut out: Vec<Found> = Vec::new();
    for f in all {
        match out.last_mut() {
            Some(last) if f.phrase.start < last.phrase.end => {
                last.phrase.end = last.phrase.end.max(f.phrase.end);
                if f.kind == Kind::Money {
                    last.kind = Kind::Money;
                }
            }
            _ => out.push(f),
        }
    }
    out
}

fn before(text: &str, f: &Found) -> Option<char> {
    text[..f.number.start].chars().next_back()
}

fn after(text: &str, f: &Found) -> Option<char> {
    text[f.phrase.end..].chars().next()
}

/// A number, not a word that happens to use numeral characters.
fn is_a_number(text: &str, f: &Found) -> bool {
    let num = &text[f.number.clone()];
    // "千万不要" (never ever), "数万元" (tens of thousands): multipliers alone are no number.
    if num.chars().all(|c| "百千万萬亿億".contains(c)) {
        return false;
    }
    // "同一天" (the same day), "每一天", "有一天" (one day, some day), "第一天": not a count of one.
    !(num == "一" && before(text, f).is_some_and(|c| "同每某哪有这這那任另唯统統单單第".contains(c)))
}

fn money_ok(text: &str, f: &Found) -> bool {
    let phrase = &text[f.phrase.clone()];
    let in_hanzi = text[f.number.clone()].chars().all(is_hanzi_numeral);
    // "一块儿" (together), "两块" (two pieces): 块 is money only with digits or as 块钱.
    let piece = (phrase.ends_with('块') || phrase.ends_with('塊')) && in_hanzi;
    // "一元化" (unification), "二元素".
    let not_yuan = phrase.ends_with('元') && after(text, f).is_some_and(|c| "化素论論".contains(c));
    is_a_number(text, f) && !piece && !not_yuan
}

fn is_hanzi_numeral(c: char) -> bool {
    "零〇一二三四五六七八九十百千万萬亿億两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅".contains(c)
}

/// A digit of any script or a Chinese numeral.
fn is_digitish(c: char) -> bool {
    c.is_numeric() || is_hanzi_numeral(c)
}

/// Tells a duration from a date or a compound word that ends in the same character.
fn duration_ok(text: &str, f: &Found) -> bool {
    if !is_a_number(text, f) || RATE.is_match(&text[f.phrase.end..]) {
        return false;
    }
    let next = after(text, f);
    match text[f.phrase.clone()].chars().next_back() {
        // "5月18日": the 18th; "日本", "日期", "日元" are not days.
        Some('日') => before(text, f) != Some('月') && !next.is_some_and(|c| "本期元圆圓记記常用".contains(c)),
        // "周期" (a cycle), "周年" (anniversary), "周末" (weekend), "周到" (thoughtful), "周围" (around).
        Some('周' | '週') => !next.is_some_and(|c| "期年末边邊围圍到转轉全密知".contains(c)),
        Some('年') => !calendar_year(text, f),
        _ => true,
    }
}

/// "2017年", "二〇二六年", "26年11月", "90年代", "民國115年": a year of the calendar, not a number of years.
fn calendar_year(text: &str, f: &Found) -> bool {
    let era = ["民國", "民国", "公元", "西元", "公历", "公曆", "农历", "農曆"];
    if era.iter().any(|e| text[..f.number.start].trim_end().ends_with(e)) {
        return true;
    }
    let num: Vec<char> = text[f.number.clone()].chars().collect();
    // Four digits read one by one, none a multiplier: 2017, 二〇二六 (三十年 is thirty years).
    let four_digits = num.len() == 4 && num.iter().all(|c| is_digitish(*c) && !"十百千万萬亿億".contains(*c));
    let rest = text[f.phrase.end..].trim_start();
    let month_follows = rest.starts_with(is_digitish) && rest.trim_start_matches(is_digitish).starts_with('月');
    four_digits || month_follows || rest.starts_with(['代', '级', '級'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(text: &str) -> Vec<String> {
        find(text).iter().map(|f| text[f.phrase.clone()].to_string()).collect()
    }

    fn kinds(text: &str) -> Vec<Kind> {
        find(text).iter().map(|f| f.kind).collect()
    }

    #[test]
    fn english_durations() {
        for (text, want) in [
            ("the bank must answer within 15 days.", "15 days"),
            ("Apply within 8 weeks of the answer.", "8 weeks"),
            ("legal limit to notify your bank (13 months) ends on", "13 months"),
            ("it usually takes 5 working days", "5 working days"),
            ("within 5 business days", "5 business days"),
            ("a 30-day window", "30-day"),
            ("Wait 24 hours before you call again.", "24 hours"),
            ("fifteen days", "fifteen days"),
            ("within two billing cycles", "two billing cycles"),
            ("usually 5–7 working days", "5–7 working days"),
            ("between 30 and 60 days", "30 and 60 days"),
            ("by the 3rd business day", "3rd business day"),
            ("within １５ days", "１５ days"),
            ("within forty-five days", "forty-five days"),
            ("約15 days", "15 days"),
            ("within 15 days內", "15 days"),
        ] {
            assert_eq!(phrases(text), [want], "{text}");
        }
    }

    #[test]
    fn english_money() {
        for (text, want) in [
            ("up to £35", "£35"),
            ("a purchase over HK$500", "HK$500"),
            ("refunds up to $50.", "$50"),
            ("claims up to S$150,000", "S$150,000"),
            ("at most US$1,000", "US$1,000"),
            ("RMB 3000 or more", "RMB 3000"),
            ("3000 yuan", "3000 yuan"),
            ("a fee of 20 dollars", "20 dollars"),
            ("NT$100 at least", "NT$100"),
            ("35 €", "35 €"),
            ("約NT$3萬", "NT$3萬"),
            ("CN¥1,280.50", "CN¥1,280.50"),
            ("claims up to $5k", "$5k"),
        ] {
            assert_eq!(phrases(text), [want], "{text}");
            assert_eq!(kinds(text), [Kind::Money], "{text}");
        }
    }

    #[test]
    fn chinese_durations_simplified_and_traditional() {
        for (text, want) in [
            ("银行须在15日内答复", "15日"),
            ("一般30天到账", "30天"),
            ("最多 60 日", "60 日"),
            ("三十日内", "三十日"),
            ("十五日", "十五日"),
            ("三十天", "三十天"),
            ("兩個月內", "兩個月"),
            ("六個月", "六個月"),
            ("六个月", "六个月"),
            ("5個工作天", "5個工作天"),
            ("5个工作日内", "5个工作日"),
            ("八週內", "八週"),
            ("一周内", "一周"),
            ("24小時內", "24小時"),
            ("二十四小时", "二十四小时"),
            ("１５天", "１５天"),
            ("３０日內", "３０日"),
            ("3至5个工作日", "3至5个工作日"),
            ("在兩個帳單週期內", "兩個帳單週期"),
            ("在兩個賬單週期內", "兩個賬單週期"),
            ("須在14日內", "14日"),
            ("三年内", "三年"),
            ("十分钟", "十分钟"),
        ] {
            assert_eq!(phrases(text), [want], "{text}");
            assert_eq!(kinds(text), [Kind::Duration], "{text}");
        }
    }

    #[test]
    fn chinese_money() {
        for (text, want) in [
            ("¥3000以上", "¥3000"),
            ("￥3000以上", "￥3000"),
            ("3000元以上", "3000元"),
            ("NT$100", "NT$100"),
            ("港幣500元", "港幣500元"),
            ("HK$1,000,000", "HK$1,000,000"),
            ("三千元", "三千元"),
            ("五百块钱", "五百块钱"),
            ("人民币3000元", "人民币3000元"),
            ("1.5万元", "1.5万元"),
            ("１０００元", "１０００元"),
            ("100日元", "100日元"),
        ] {
            assert_eq!(phrases(text), [want], "{text}");
            assert_eq!(kinds(text), [Kind::Money], "{text}");
        }
    }

    #[test]
    fn numbers_that_are_no_duration_nor_money_pass() {
        for text in [
            "the last 4 digits",
            "the CVV (the 3 digits on the back)",
            "卡号后4位",
            "末4碼",
            "step 3",
            "1. Freeze the card",
            "Now 4 short questions about the payment.",
            "Example: 128.50",
            "Please type it like 2026-11-25 14:30, or yesterday 18:05.",
            "例如：昨天 14:30，或 5月18日 14:30",
            "2026年11月25日",
            "二〇二六年",
            "英国《2017年支付服务条例》第74条；欧盟 PSD2 第71条",
            "UK Payment Services Regulations 2017, reg. 74; EU PSD2, art. 71",
            "《消费者权益保护法》第三十九条",
            "同一天",
            "有一天",
            "千万不要转账",
            "Visa / 万事达",
            "两个账单",
            "一块儿去",
            "请控制在500字以内",
            "under 500 characters",
            "the same question three times",
            "一元化",
            "星期日",
            "周一到周五",
            "两周年",
            "金融周期",
            "几天",
            "a few weeks",
            "Monday",
            "90年代",
            "民國115年",
            "open 7 days a week, 24 hours a day",
            "often days",
            "PSD2 days",
            "costs$5",
        ] {
            assert_eq!(phrases(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_text_can_quote_several_and_a_unit_is_not_a_number() {
        assert_eq!(phrases("15 days, or 30 days, and £35"), ["15 days", "30 days", "£35"]);
        let f = &find("within 15 working days")[0];
        assert_eq!(&"within 15 working days"[f.number.clone()], "15");
    }
}
