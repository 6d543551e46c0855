//! Reading what people type: amounts, dates, yes/no, the last 4 digits of a card; and spotting what must
//! never be kept (a full card number, a CVV, PIN, password or SMS code). Pure functions; patterns are
//! compiled once; every caller caps the input length first (`MAX_MESSAGE_CHARS`).
//!
//! Owns: the readers of typed answers, and finding, masking and cleaning what must not be kept.
//! Must not touch: the flow or the case: a reader gets the text (and `now`, the locale's date order) and
//! returns a value or an error; what to say about it is `step`'s.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use regex::{Captures, Regex};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::LazyLock;

/// Telegram's own limit; longer messages are refused before any parsing.
pub const MAX_MESSAGE_CHARS: usize = 4096;
/// Free-text answers are kept short: they end up in letters and summaries.
pub const MAX_TEXT_ANSWER_CHARS: usize = 500;
/// The largest amount accepted, far above any POS payment.
const MAX_AMOUNT: i64 = 100_000_000;

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

// ---- card numbers and secrets ----------------------------------------------------------------------------

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

// ---- yes / no ---------------------------------------------------------------------------------------------

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

// ---- amounts ----------------------------------------------------------------------------------------------

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

fn is_cjk_numeral(c: char) -> bool {
    "零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c)
}

fn cjk_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return c.to_digit(10).map(u64::from),
    })
}

/// `一千二百八十`, `三千五`, `1万2千`, `十二点五` -> a number.
fn parse_cjk_number(t: &str) -> Option<Decimal> {
    let (int_part, frac_part) = match t.split_once(['点', '點']) {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let mut total: u64 = 0; // completed 万/亿 sections
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut last_unit = 1u64;
    for c in int_part.chars() {
        if let Some(d) = cjk_digit(c) {
            digit = Some(digit.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' | '萬' => 10_000,
            '亿' | '億' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += digit.take().unwrap_or(0);
            total = (total + section.max(if total == 0 && section == 0 { 1 } else { 0 })).checked_mul(unit)?;
            section = 0;
        } else {
            section += digit.take().unwrap_or(1) * unit;
        }
        last_unit = unit;
    }
    if let Some(d) = digit {
        // 三千五 means 3500: a trailing digit takes the unit below the last one.
        if last_unit >= 100 && d < 10 && int_part.chars().count() >= 2 {
            section += d * (last_unit / 10);
        } else {
            section += d;
        }
    }
    let int = total + section;
    let mut s = int.to_string();
    if let Some(f) = frac_part {
        let digits: String =
            f.chars().map(|c| cjk_digit(c).map(|d| char::from(b'0' + d as u8))).collect::<Option<_>>()?;
        if digits.is_empty() {
            return None;
        }
        s = format!("{s}.{digits}");
    }
    Decimal::from_str(&s).ok()
}

// ---- dates ------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    NotADate,
    InTheFuture,
    TooOld,
}

/// A date with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(上午|早上|朝早|凌晨|中午|晏晝|下午|下晝|晚上|夜晚|傍晚)?\s*([0-9]{1,2})\s*(?::|：|点|點|时|時|h)\s*([0-9]{1,2})?\s*(?:分)?\s*(am|pm|a\.m\.|p\.m\.)?|([0-9]{1,2})\s*(am|pm)").unwrap()
});
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*(?:[-/.]|月)\s*([0-9]{1,2})\s*(?:日|号|號)?").unwrap()
});
static DMY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})\b").unwrap());
static MD_CJK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*(?:日|号|號)").unwrap());
static MD_DASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([0-9]{1,2})[-/]([0-9]{1,2})\b").unwrap());
static EN_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+([0-9]{1,2})(?:st|nd|rd|th)?)?,?(?:\s+([0-9]{4}))?").unwrap()
});

fn month_number(m: &str) -> u32 {
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|x| m.to_lowercase().starts_with(x))
        .map_or(0, |i| i as u32 + 1)
}

/// Reads a date and maybe a time: `2026-11-25 14:30`, `2026年11月25日 下午2点`, `25/11/2026`, `Nov 25`,
/// `today 9:05`, `昨天`. `now` is the person's local time; `month_first` says how to read `11/05/2026`.
/// Each part read is cut out of the text; what is left must be filler.
pub fn parse_when(text: &str, now: NaiveDateTime, month_first: bool) -> Result<When, DateError> {
    let today = now.date();
    let mut rest = normalize(text).trim().to_lowercase();
    if rest.is_empty() {
        return Err(DateError::NotADate);
    }
    let date = match take_relative_day(&mut rest, today) {
        Some(date) => Some(date),
        None => take_written_date(&mut rest, today, month_first)?,
    };
    let time = take_time(&mut rest)?;
    if !only_filler(&rest) {
        return Err(DateError::NotADate);
    }
    let date = match (date, time) {
        (Some(d), _) => d,
        (None, Some(_)) => today,
        (None, None) => return Err(DateError::NotADate),
    };
    in_range(When { date, time }, now)
}

/// "today", "yesterday", "前天" and the like, cut out of `rest`.
fn take_relative_day(rest: &mut String, today: NaiveDate) -> Option<NaiveDate> {
    let mut date = None;
    for (words, days) in [
        (&["today", "今天", "今日", "tonight", "this morning", "this afternoon"][..], 0),
        // 琴日, 尋日 and 噚日 are Hong Kong's spoken "yesterday", 前日 its "the day before".
        (&["yesterday", "昨天", "昨日", "琴日", "尋日", "噚日"][..], 1),
        (&["day before yesterday", "前天", "前日"][..], 2),
    ] {
        // A later match overwrites an earlier one. Note that "yesterday" is cut out before "day before
        // yesterday" is looked for, so that English phrase leaves "day before" behind and is refused as no
        // date (前天 works); kept as it is, since changing it changes which texts are dates.
        for w in words {
            if rest.contains(w) {
                date = Some(today - Duration::days(days));
                *rest = rest.replacen(w, " ", 1);
            }
        }
    }
    date
}

/// One written form of a date in a text: `None` if the form is not there, else the date (`None` when the
/// numbers make no date, like 30 February) and the text it was read from.
type DateRead = Option<(Option<NaiveDate>, String)>;

/// A written date, cut out of `rest`. The first form found decides, from the least ambiguous (a year first)
/// to the most (`05-11`); if its numbers make no date, the text is no date, rather than another form being
/// tried on it.
fn take_written_date(rest: &mut String, today: NaiveDate, month_first: bool) -> Result<Option<NaiveDate>, DateError> {
    let forms: [fn(&str, NaiveDate, bool) -> DateRead; 5] =
        [read_ymd, read_dmy, read_month_day_cjk, read_month_name, read_month_day_dash];
    for read in forms {
        if let Some((date, matched)) = read(rest, today, month_first) {
            *rest = rest.replacen(&matched, " ", 1);
            return date.map(Some).ok_or(DateError::NotADate);
        }
    }
    Ok(None)
}

/// `2026-11-25`, `2026年11月25日`.
fn read_ymd(rest: &str, _today: NaiveDate, _month_first: bool) -> DateRead {
    let c = YMD.captures(rest)?;
    Some((ymd(c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok()), c[0].to_string()))
}

/// `25/11/2026` or, where the month comes first, `11/25/2026`; a first number above 12 is always the day.
fn read_dmy(rest: &str, _today: NaiveDate, month_first: bool) -> DateRead {
    let c = DMY.captures(rest)?;
    let (a, b, y): (u32, u32, i32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
    let (d, m) = if a > 12 || (!month_first && b <= 12) { (a, b) } else { (b, a) };
    Some((ymd(Some(y), Some(m), Some(d)), c[0].to_string()))
}

/// `11月20日`, in the last twelve months.
fn read_month_day_cjk(rest: &str, today: NaiveDate, _month_first: bool) -> DateRead {
    let c = MD_CJK.captures(rest)?;
    Some((this_year(today, c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0)), c[0].to_string()))
}

/// `Nov 25`, `20 November`, `Nov 20, 2026`: a month name with a day (a month name alone is no date).
fn read_month_name(rest: &str, today: NaiveDate, _month_first: bool) -> DateRead {
    let c = EN_MONTH.captures(rest).filter(|c| c.get(1).is_some() || c.get(3).is_some())?;
    let m = month_number(&c[2]);
    let d: u32 = c.get(1).or(c.get(3)).map_or(0, |x| x.as_str().parse().unwrap_or(0));
    let date = match c.get(4) {
        Some(y) => ymd(y.as_str().parse().ok(), Some(m), Some(d)),
        None => this_year(today, m, d),
    };
    Some((date, c[0].to_string()))
}

/// `11-05` at the start: day first unless the month comes first where the person is, or the second number
/// cannot be a month.
fn read_month_day_dash(rest: &str, today: NaiveDate, month_first: bool) -> DateRead {
    let c = MD_DASH.captures(rest)?;
    let (a, b): (u32, u32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
    let (m, d) = if month_first || b > 12 { (a, b) } else { (b, a) };
    Some((this_year(today, m, d), c[0].to_string()))
}

/// A time of day, cut out of `rest`: `14:30`, `3pm`, `下午2点30分`. An error when the numbers make no time
/// (`25:99`).
fn take_time(rest: &mut String) -> Result<Option<NaiveTime>, DateError> {
    let Some(c) = TIME.captures(rest) else { return Ok(None) };
    let (hour, minute, ampm, period) = clock_parts(&c);
    let hour = to_24_hour(hour, ampm, period);
    let time = NaiveTime::from_hms_opt(hour, minute, 0).ok_or(DateError::NotADate)?;
    let matched = c[0].to_string();
    *rest = rest.replacen(&matched, " ", 1);
    Ok(Some(time))
}

/// Hour, minute, am/pm and the Chinese part of the day (下午…) of a time match; a number that cannot be
/// read becomes 99, which no time has.
fn clock_parts<'t>(c: &Captures<'t>) -> (u32, u32, Option<&'t str>, Option<&'t str>) {
    if let Some(h) = c.get(5) {
        // The `3pm` form: an hour and am/pm, nothing else.
        return (h.as_str().parse::<u32>().unwrap_or(99), 0, c.get(6).map(|m| m.as_str()), None);
    }
    (
        c[2].parse::<u32>().unwrap_or(99),
        c.get(3).map_or(0, |m| m.as_str().parse().unwrap_or(99)),
        c.get(4).map(|m| m.as_str()),
        c.get(1).map(|m| m.as_str()),
    )
}

/// The hour on the 24-hour clock. `pm`, and afternoon or evening (下午, 晚上, 傍晚; Hong Kong's 下晝, 夜晚),
/// move hours before 12 to the afternoon; at noon (中午, 晏晝) only hours before 6 are (中午1点 is 13:00);
/// `12am` is midnight.
fn to_24_hour(hour: u32, ampm: Option<&str>, period: Option<&str>) -> u32 {
    let pm = matches!(ampm, Some("pm" | "p.m."))
        || matches!(period, Some("下午" | "下晝" | "晚上" | "夜晚" | "傍晚") if hour < 12)
        || (matches!(period, Some("中午" | "晏晝")) && hour < 6);
    let am = matches!(ampm, Some("am" | "a.m."));
    match (pm, am, hour) {
        (true, _, h) if h < 12 => h + 12,
        (_, true, 12) => 0,
        (_, _, h) => h,
    }
}

/// Whether what is left of the text, once the date and time are cut out, is only filler ("at", "around",
/// "左右"…) and not an unread part of the date.
fn only_filler(rest: &str) -> bool {
    let filler = [
        "at",
        "on",
        "around",
        "about",
        "the",
        "in",
        "左右",
        "大概",
        "约",
        "約",
        "的",
        "时候",
        "時候",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    let mut left: String = rest.chars().filter(|c| c.is_alphanumeric()).collect();
    for f in filler {
        left = left.replace(f, "");
    }
    left.is_empty()
}

/// A date read must not be in the future, nor before 2000.
fn in_range(when: When, now: NaiveDateTime) -> Result<When, DateError> {
    let today = now.date();
    // A few minutes of slack for a clock that is a little behind the terminal's.
    if when.date > today || when.time.is_some_and(|t| when.date.and_time(t) > now + Duration::minutes(10)) {
        return Err(DateError::InTheFuture);
    }
    if when.date < NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(when.date) {
        return Err(DateError::TooOld);
    }
    Ok(when)
}

fn ymd(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y?, m?, d?)
}

/// A month and day without a year: this year's, or last year's if that would be in the future.
fn this_year(today: NaiveDate, m: u32, d: u32) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(today.year(), m, d)?;
    if this > today { NaiveDate::from_ymd_opt(today.year() - 1, m, d) } else { Some(this) }
}

impl When {
    pub fn datetime(&self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }
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

// ---- last 4 digits ----------------------------------------------------------------------------------------

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

    #[test]
    fn dates_and_times() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let now = today.and_hms_opt(16, 0, 0).unwrap();
        let p = |s: &str| parse_when(s, now, false);
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let t = |h, m| Some(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert_eq!(p("2026-11-25 14:30"), Ok(When { date: d(2026, 11, 25), time: t(14, 30) }));
        assert_eq!(p("2026年11月24日 下午2点"), Ok(When { date: d(2026, 11, 24), time: t(14, 0) }));
        assert_eq!(p("2026年11月24日下午2点30分"), Ok(When { date: d(2026, 11, 24), time: t(14, 30) }));
        assert_eq!(p("yesterday 9:05"), Ok(When { date: d(2026, 11, 24), time: t(9, 5) }));
        assert_eq!(p("昨天"), Ok(When { date: d(2026, 11, 24), time: None }));
        assert_eq!(p("前天 晚上8点"), Ok(When { date: d(2026, 11, 23), time: t(20, 0) }));
        assert_eq!(p("25/11/2026"), Ok(When { date: d(2026, 11, 25), time: None }));
        assert_eq!(p("today 23:30"), Err(DateError::InTheFuture));
        assert_eq!(p("today 16:05"), Ok(When { date: today, time: t(16, 5) }));
        assert_eq!(parse_when("11/05/2026", now, true), Ok(When { date: d(2026, 11, 5), time: None }));
        assert_eq!(p("Nov 20, 2026 3pm"), Ok(When { date: d(2026, 11, 20), time: t(15, 0) }));
        assert_eq!(p("20 November"), Ok(When { date: d(2026, 11, 20), time: None }));
        assert_eq!(p("11月20日"), Ok(When { date: d(2026, 11, 20), time: None }));
        assert_eq!(p("12月20日"), Ok(When { date: d(2025, 12, 20), time: None }));
        assert_eq!(p("14:30"), Ok(When { date: today, time: t(14, 30) }));
        assert_eq!(p("May 18 14:30"), Ok(When { date: d(2026, 5, 18), time: t(14, 30) }));
        assert_eq!(p("2026-12-01"), Err(DateError::InTheFuture));
        assert_eq!(p("1999-01-01"), Err(DateError::TooOld));
        assert_eq!(p("banana"), Err(DateError::NotADate));
        assert_eq!(p("2026-02-30"), Err(DateError::NotADate));
        assert_eq!(p("25:99"), Err(DateError::NotADate));
        // Hong Kong's spoken words for days and parts of the day.
        assert_eq!(p("琴日 下晝3點"), Ok(When { date: d(2026, 11, 24), time: t(15, 0) }));
        assert_eq!(p("前日 夜晚8點"), Ok(When { date: d(2026, 11, 23), time: t(20, 0) }));
        assert_eq!(p("今日 晏晝1點"), Ok(When { date: today, time: t(13, 0) }));
        assert_eq!(p("昨日 朝早10點半"), Err(DateError::NotADate), "半 is not read: asked again, never 10:00");
    }

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
