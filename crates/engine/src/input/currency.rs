//! Currency words and signs as people write them beside an amount (`HK$`, `rmb`, `元`, `quid`, `€`), and
//! which currency a word means for a given card (`元` and `$` follow the card's own currency family).
//!
//! Owns: the currency words, finding one at the start or end of a text, and settling the currency of the
//! words written with one amount (they must agree, else the amount is not read).
//! Must not touch: numbers (the amount readers'), the case or the flow (the card's currency is an argument).

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("rmb", "CNY"),
    ("cny", "CNY"),
    ("yuan", "CNY"),
    // 元/块 is the unit of every Chinese-speaking place's money: the card's own where that is one of them.
    ("元", YUAN),
    ("圆", YUAN),
    ("圓", YUAN),
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
    ("ntd", "TWD"),
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
    ("bucks", DOLLAR),
    ("buck", DOLLAR),
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
    ("quid", "GBP"),
    ("£", "GBP"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("jpy", "JPY"),
    ("日元", "JPY"),
    ("日圓", "JPY"),
];

/// Stand-ins in `CURRENCY_WORDS` for words whose currency depends on the card (see `family_currency`).
pub(super) const YUAN: &str = "yuan-family";
pub(super) const DOLLAR: &str = "dollar-family";

/// The currencies a family word may mean, and what it means when the card is in none of them.
fn family(code: &str) -> Option<(&'static [&'static str], &'static str)> {
    match code {
        YUAN => Some((&["CNY", "TWD", "HKD", "MOP"], "CNY")),
        DOLLAR => Some((&["USD", "HKD", "TWD", "SGD"], "USD")),
        _ => None,
    }
}

/// What a word means for a card in `default`: 元 is yuan, Taiwan or Hong Kong dollars, patacas; `$` is
/// whichever dollar the card is in.
fn family_currency(code: &str, default: &str) -> String {
    match family(code) {
        Some((members, _)) if members.contains(&default) => default.to_string(),
        Some((_, otherwise)) => otherwise.to_string(),
        None => code.to_string(),
    }
}

/// The currency of an amount written with `codes` (from `CURRENCY_WORDS`, stand-ins unresolved), for a card
/// in `default`. None when they disagree (`€12 rmb`, or `$5元` for a card in yuan): the person is asked again
/// rather than one of them guessed. A family word agrees with a currency named outright that it may mean
/// (`新台幣1280元` is TWD whatever the card).
pub(super) fn settle_currency(codes: &[&'static str], default: &str) -> Option<String> {
    let named: Vec<&str> = codes.iter().copied().filter(|c| family(c).is_none()).collect();
    if let Some(first) = named.first() {
        let families_agree = codes.iter().filter_map(|c| family(c)).all(|(members, _)| members.contains(first));
        return (named.iter().all(|c| c == first) && families_agree).then(|| first.to_string());
    }
    let mut resolved = codes.iter().map(|c| family_currency(c, default));
    match resolved.next() {
        None => Some(default.to_string()),
        Some(first) => resolved.all(|c| c == first).then_some(first),
    }
}

/// The currency words, longest first: `港元` and `美元` are read before `元`, `us$` before `$`.
fn longest_first() -> &'static [(&'static str, &'static str)] {
    static WORDS: std::sync::LazyLock<Vec<(&str, &str)>> = std::sync::LazyLock::new(|| {
        let mut words = CURRENCY_WORDS.to_vec();
        words.sort_by_key(|(word, _)| std::cmp::Reverse(word.chars().count()));
        words
    });
    &WORDS
}

fn ends_in_letter(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| c.is_ascii_alphabetic())
}

fn starts_with_letter(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// The currency word `t` starts with, as (its length in bytes, its code). A word of letters must end where
/// the letters do: `eur` is not read in `europe`, nor `usd` in `usda`. `t` is lower-cased.
pub(super) fn currency_prefix(t: &str) -> Option<(usize, &'static str)> {
    longest_first()
        .iter()
        .find(|(word, _)| t.strip_prefix(word).is_some_and(|rest| !(ends_in_letter(word) && starts_with_letter(rest))))
        .map(|(word, code)| (word.len(), *code))
}

/// The currency word `t` ends with, as (its length in bytes, its code); letters as in `currency_prefix`.
pub(super) fn currency_suffix(t: &str) -> Option<(usize, &'static str)> {
    longest_first()
        .iter()
        .find(|(word, _)| t.strip_suffix(word).is_some_and(|rest| !(starts_with_letter(word) && ends_in_letter(rest))))
        .map(|(word, code)| (word.len(), *code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_words_follow_the_card_and_named_currencies_must_agree() {
        assert_eq!(settle_currency(&[YUAN], "TWD").as_deref(), Some("TWD"));
        assert_eq!(settle_currency(&[YUAN], "USD").as_deref(), Some("CNY"));
        assert_eq!(settle_currency(&[DOLLAR], "HKD").as_deref(), Some("HKD"));
        assert_eq!(settle_currency(&[DOLLAR], "CNY").as_deref(), Some("USD"));
        assert_eq!(settle_currency(&[], "EUR").as_deref(), Some("EUR"));
        assert_eq!(settle_currency(&["TWD", YUAN], "CNY").as_deref(), Some("TWD"));
        assert_eq!(settle_currency(&["EUR", "CNY"], "CNY"), None);
        assert_eq!(settle_currency(&["EUR", YUAN], "EUR"), None);
        assert_eq!(settle_currency(&[DOLLAR, YUAN], "CNY"), None);
        assert_eq!(settle_currency(&[DOLLAR, YUAN], "HKD").as_deref(), Some("HKD"));
    }

    #[test]
    fn words_of_letters_end_where_the_letters_do() {
        assert_eq!(currency_prefix("usd12"), Some((3, "USD")));
        assert_eq!(currency_prefix("usda 12"), None);
        assert_eq!(currency_prefix("hk$120"), Some((3, "HKD")));
        assert_eq!(currency_suffix("12 euros"), Some((5, "EUR")));
        assert_eq!(currency_suffix("12 xeuros"), None);
        assert_eq!(currency_suffix("1280港元"), Some(("港元".len(), "HKD")));
    }
}
