//! The rules a shop's name must keep before the bot will ever show it to a customer: its length, one line,
//! the characters it may hold, no way to reach someone (links, @handles, e-mail addresses, phone numbers),
//! no mixing of look-alike scripts, and none of the words that impersonate the bot, a bank or support. The
//! word lists are texts in the locales (`merchant-name-blocklist`), and every list applies to every name.
//! Also the key that tells two registrations of one name apart from spelling tricks.
//! Owns: pure checks on a string. Must not touch: the store, texts other than the lists it is given.

use icu_normalizer::ComposingNormalizerBorrowed;
use regex::Regex;
use std::sync::LazyLock;

/// The shortest and longest name, in characters after normalisation.
pub const MIN_CHARS: usize = 2;
pub const MAX_CHARS: usize = 40;
/// More digits than this in a name is a phone number (or a card number) in disguise.
pub const MAX_DIGITS: usize = 6;
/// The punctuation a name may hold besides letters, digits and spaces.
pub const ALLOWED_PUNCTUATION: &str = "&-'.·";
/// The key of the locales' word lists.
pub const BLOCKLIST_KEY: &str = "merchant-name-blocklist";
/// A list entry this long (in letters) or written in a script without spaces between words is refused
/// inside a word too (`SwipefixSupport`, `客服中心`); shorter ones only as a whole word or a run of
/// words (`bank`, `B A N K`, but not `Riverbank`).
const ANYWHERE_FROM: usize = 6;

/// Why a name was refused: each is its own localized answer (`ui-merchant-name-<key>`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    #[error("the name is not one line")]
    Lines,
    #[error("the name is not {MIN_CHARS}-{MAX_CHARS} characters long")]
    Length,
    #[error("the name holds an e-mail address")]
    Email,
    #[error("the name holds a link")]
    Link,
    #[error("the name holds an @handle")]
    Handle,
    #[error("the name holds a phone number or another long number")]
    Number,
    #[error("the name holds characters other than letters, digits, spaces and {ALLOWED_PUNCTUATION}")]
    Chars,
    #[error("the name has no letter or digit")]
    NoLetters,
    #[error("the name mixes Latin letters with Cyrillic or Greek ones")]
    Scripts,
    #[error("the name holds the word {0:?}, which impersonates the bot, a bank or support")]
    Word(String),
}

impl NameProblem {
    /// The text that tells the shop what rule the name broke.
    pub fn key(&self) -> &'static str {
        match self {
            NameProblem::Lines => "ui-merchant-name-lines",
            NameProblem::Length => "ui-merchant-name-length",
            NameProblem::Email => "ui-merchant-name-email",
            NameProblem::Link => "ui-merchant-name-link",
            NameProblem::Handle => "ui-merchant-name-handle",
            NameProblem::Number => "ui-merchant-name-number",
            NameProblem::Chars => "ui-merchant-name-chars",
            NameProblem::NoLetters => "ui-merchant-name-no-letters",
            NameProblem::Scripts => "ui-merchant-name-scripts",
            NameProblem::Word(_) => "ui-merchant-name-word",
        }
    }

    /// The arguments of its text (every text gets all of them; each uses what it needs).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let word = match self {
            NameProblem::Word(w) => w.clone(),
            _ => String::new(),
        };
        vec![
            ("min", MIN_CHARS.to_string()),
            ("max", MAX_CHARS.to_string()),
            ("digits", MAX_DIGITS.to_string()),
            ("allowed", ALLOWED_PUNCTUATION.chars().map(String::from).collect::<Vec<_>>().join(" ")),
            ("word", word),
        ]
    }
}

/// One word (or phrase) of a locale's list.
#[derive(Debug, Clone)]
struct Banned {
    /// As the list writes it: what the refusal names.
    shown: String,
    /// Its skeleton, without spaces.
    key: String,
    anywhere: bool,
}

/// The name rules with the word lists of every locale.
#[derive(Debug, Clone, Default)]
pub struct NameRules {
    banned: Vec<Banned>,
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+\.\w").expect("valid pattern"));
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)://|\bwww\.|\bhttps?\b|[\p{L}\p{N}]\.(com|net|org|info|biz|io|me|co|cn|tw|hk|mo|sg|uk|us|ru|xyz|top|shop|store|site|online|app|link|ly|gl|cc|tk|vip|club)\b",
    )
    .expect("valid pattern")
});
static HANDLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"@\s?\w").expect("valid pattern"));

impl NameRules {
    /// Rules from the locales' lists: entries separated by commas (`,`, `，` or `、`).
    pub fn new<'a>(lists: impl IntoIterator<Item = &'a str>) -> NameRules {
        let mut banned: Vec<Banned> = lists
            .into_iter()
            .flat_map(|list| list.split([',', '，', '、']))
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(|w| {
                let key: String = words(&skeleton(w)).concat();
                let anywhere = key.chars().count() >= ANYWHERE_FROM || key.chars().any(is_unspaced_script);
                Banned { shown: w.to_string(), key, anywhere }
            })
            .filter(|b| !b.key.is_empty())
            .collect();
        banned.sort_by(|a, b| a.key.cmp(&b.key));
        banned.dedup_by(|a, b| a.key == b.key);
        NameRules { banned }
    }

    /// The name as it will be kept and shown (normalised: full-width forms folded, spaces collapsed), or the
    /// first rule it breaks.
    pub fn check(&self, typed: &str) -> Result<String, NameProblem> {
        if typed.trim().contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) {
            return Err(NameProblem::Lines);
        }
        let name = normalise(typed);
        if !(MIN_CHARS..=MAX_CHARS).contains(&name.chars().count()) {
            return Err(NameProblem::Length);
        }
        reachable(&name)?;
        if name.chars().filter(|c| c.is_numeric()).count() > MAX_DIGITS {
            return Err(NameProblem::Number);
        }
        if !name.chars().all(|c| c.is_alphanumeric() || c == ' ' || ALLOWED_PUNCTUATION.contains(c)) {
            return Err(NameProblem::Chars);
        }
        if !name.chars().any(char::is_alphanumeric) {
            return Err(NameProblem::NoLetters);
        }
        if mixes_scripts(&name) {
            return Err(NameProblem::Scripts);
        }
        match self.impersonates(&name) {
            Some(word) => Err(NameProblem::Word(word)),
            None => Ok(name),
        }
    }

    /// The first listed word the name holds, as the list writes it.
    fn impersonates(&self, name: &str) -> Option<String> {
        let skeleton = skeleton(name);
        let words = words(&skeleton);
        // Digits read as letters (`supp0rt`, `5upport`, `he1p`): both readings of `1`.
        let variants = [words.clone(), read_digits(&words, 'i'), read_digits(&words, 'l')];
        self.banned.iter().find(|b| variants.iter().any(|w| holds(w, b))).map(|b| b.shown.clone())
    }
}

/// Whether `words` hold the banned entry: anywhere in the squashed name, or as a run of whole words.
fn holds(words: &[String], b: &Banned) -> bool {
    if b.anywhere {
        return words.concat().contains(&b.key);
    }
    (0..words.len()).any(|start| {
        let mut run = String::new();
        words[start..].iter().any(|w| {
            run.push_str(w);
            run == b.key
        })
    })
}

/// The key two registrations of one name share, whatever their case, width, spacing, punctuation or
/// look-alike letters: `Corner Shop`, `corner-shop` and `ＣＯＲＮＥＲ　ＳＨＯＰ` are one name.
pub fn same_name_key(name: &str) -> String {
    words(&skeleton(name)).concat()
}

/// Compatibility forms folded (NFKC: full-width letters, ligatures, circled and mathematical letters),
/// typographic apostrophes made plain, runs of spaces made one.
fn normalise(typed: &str) -> String {
    let folded = ComposingNormalizerBorrowed::new_nfkc().normalize(typed.trim());
    let plain: String = folded.chars().map(|c| if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c }).collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name folded for comparison: normalised, lower case, Cyrillic and Greek look-alikes read as Latin.
fn skeleton(name: &str) -> String {
    normalise(name).to_lowercase().chars().map(latin_look_alike).collect()
}

/// The words of a skeleton: runs of letters and digits (a script without spaces stays one run).
fn words(skeleton: &str) -> Vec<String> {
    skeleton.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The words with digits read as the letters they imitate, `1` as `one`.
fn read_digits(words: &[String], one: char) -> Vec<String> {
    let read = |c: char| match c {
        '0' => 'o',
        '1' => one,
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        other => other,
    };
    words.iter().map(|w| w.chars().map(read).collect()).collect()
}

/// A link, an @handle or an e-mail address: a way to reach someone the bot cannot vouch for.
fn reachable(name: &str) -> Result<(), NameProblem> {
    if EMAIL.is_match(name) {
        return Err(NameProblem::Email);
    }
    if LINK.is_match(name) {
        return Err(NameProblem::Link);
    }
    if HANDLE.is_match(name) {
        return Err(NameProblem::Handle);
    }
    Ok(())
}

#[derive(PartialEq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
}

fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' if c.is_alphabetic() => {
            Some(Script::Latin)
        }
        '\u{400}'..='\u{52F}' | '\u{1C80}'..='\u{1C8F}' => Some(Script::Cyrillic),
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Some(Script::Greek),
        _ => None,
    }
}

/// Latin with Cyrillic or Greek in one name: the classic way to write `ѕupport` past a word list. Chinese
/// with Latin (`星巴克 Starbucks`) is an ordinary shop sign and is fine.
fn mixes_scripts(name: &str) -> bool {
    let mut seen: Vec<Script> = Vec::new();
    for s in name.chars().filter_map(script) {
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.len() > 1
}

/// Scripts written without spaces between words: a listed word is found inside a run.
fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Cyrillic and Greek letters that look like Latin ones, read as those (a name in one of those scripts
/// alone passes the script rule, so it is compared this way).
fn latin_look_alike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'е' | 'ё' | 'ε' => 'e',
        'һ' | 'н' => 'h',
        'і' | 'ї' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'η' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'ս' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> NameRules {
        NameRules::new(["support, bank, swipefix, customer service", "客服, 银行", "銀行"])
    }

    #[test]
    fn short_words_only_as_words_long_ones_anywhere() {
        let r = rules();
        assert!(r.check("Riverbank Bakery").is_ok());
        assert_eq!(r.check("River Bank"), Err(NameProblem::Word("bank".into())));
        assert_eq!(r.check("B.A.N.K Café"), Err(NameProblem::Word("bank".into())));
        assert_eq!(r.check("SwipefixHelp"), Err(NameProblem::Word("swipefix".into())));
        assert_eq!(r.check("Best Customer-Service"), Err(NameProblem::Word("customer service".into())));
        assert_eq!(r.check("招商银行分行"), Err(NameProblem::Word("银行".into())));
    }

    #[test]
    fn same_name_key_ignores_case_width_and_punctuation() {
        assert_eq!(same_name_key("Corner Shop"), same_name_key("ＣＯＲＮＥＲ　ｓｈｏｐ"));
        assert_eq!(same_name_key("Corner Shop"), same_name_key("corner-shop"));
        assert_ne!(same_name_key("Corner Shop"), same_name_key("Corner Shops"));
    }
}
