//! The one gate every string from outside passes before anything else sees it. `admit` turns untrusted text
//! into `Clean` — the only way to make one — with control characters stripped, length capped, and every
//! full card number, offered CVV, PIN, password or SMS code masked; `Found` says what was there, so the
//! caller can warn the person and delete the message. Cases, transcripts, notes, relays and reports hold
//! `Clean`, so a new entry point cannot store or pass on what it forgot to clean.
//!
//! Owns: the `Clean` type, finding card numbers whatever separates their digits (any script's digits,
//! Chinese numerals, full-width forms, every dash, dot, slash, soft hyphen or zero-width character), and the
//! digit runs that may be part of a card number sent across several messages.
//! Must not touch: the flow or the case: the caller decides what to say and what to keep of a part.

use super::input::{self, DigitPiece, MAX_MESSAGE_CHARS};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Most visible separator characters allowed between two digit groups of one number (`4111 - 1111`);
/// spaces, line breaks and invisible characters between them are not counted (any run of them joins).
const MAX_GAP: usize = 6;
/// Most messages a card number sent in parts is looked for across (`4111` / `1111` / `1111` / `1111`).
const MAX_PARTS: usize = 5;
/// Digits a run needs before it may be a part of a card number sent in pieces.
const MIN_PIECE: usize = 4;
/// Digits above which a run is no part of a card number (it would be a whole one, or something else).
const MAX_PIECE: usize = 15;

/// Text from outside that has passed the gate. Only `admit` makes one (deserializing runs the gate too), so
/// holding a `Clean` proves the text was cleaned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub struct Clean(String);

/// What the gate found in a text before it masked it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The last 4 digits of a full card number (13–19 digits passing the Luhn check), if there was one.
    pub card: Option<String>,
    /// An offered CVV, PIN, password or SMS code.
    pub secret: bool,
    /// How many characters came in (a text over `MAX_MESSAGE_CHARS` is cut, and refused by who reads it).
    pub chars: usize,
    /// The text's first and last run of digits that may be a part of a card number sent in pieces.
    pub lead: Option<DigitPiece>,
    pub tail: Option<DigitPiece>,
    /// The last 4 digits of the first run: of the card number, if that run completes one begun earlier.
    pub lead_last4: Option<String>,
    /// The text is nothing but that one run (so a card number may go on through it to the next message).
    pub whole: bool,
}

impl Found {
    /// The text held card data: the message should go wherever the channel can delete it.
    pub fn sensitive(&self) -> bool {
        self.card.is_some() || self.secret
    }
}

/// Text through the gate, with what was found in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gated {
    pub text: Clean,
    pub found: Found,
}

/// The gate: cleans `raw` (see the module header) and caps it at `MAX_MESSAGE_CHARS`.
pub fn admit(raw: &str) -> Gated {
    admit_capped(raw, MAX_MESSAGE_CHARS)
}

/// The gate with a shorter cap, for fields that are short by nature (a file name, a button id).
pub fn admit_capped(raw: &str, max_chars: usize) -> Gated {
    let chars = raw.chars().count();
    // Beyond this, nothing a person types is meant; the cut is made before scanning to bound the work.
    let raw: String = raw.chars().take(MAX_MESSAGE_CHARS * 2).collect();
    let norm = input::normalize(&raw);
    let runs = runs(&norm);
    let (masked, card) = mask_cards(&norm, &runs);
    let secret = input::offers_secret(&masked);
    let masked = if secret { input::mask_secrets(&masked) } else { masked };
    // Nothing masked: the person's words are kept as typed (full-width, their script's digits).
    let kept = if masked == norm { raw.as_str() } else { masked.as_str() };
    let text: String = input::clean_text(kept).chars().take(max_chars).collect();
    let pieces: Vec<&Run> = runs.iter().filter(|r| r.piece()).collect();
    let whole = runs.len() == 1 && pieces.len() == 1 && norm.trim() == &norm[runs[0].start..runs[0].end];
    let found = Found {
        card,
        secret,
        chars,
        lead: pieces.first().map(|r| r.digit_piece()),
        tail: pieces.last().map(|r| r.digit_piece()),
        lead_last4: pieces.first().map(|r| last4(&r.digits)),
        whole,
    };
    Gated { text: Clean(text), found }
}

/// Two texts that each passed the gate, joined by `sep` — for a caller that knows the first is not part of a
/// number with the second: a staff command's case id (`SF-261125-0001`) before the text that follows it,
/// whose digits would otherwise be read together with the text's as one long number.
pub fn join(first: Clean, sep: &str, second: Clean) -> Clean {
    Clean(format!("{}{sep}{}", first.0, second.0))
}

impl Clean {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// At most `n` characters of it.
    pub fn truncated(&self, n: usize) -> Clean {
        Clean(self.0.chars().take(n).collect())
    }

    /// Every digit shown as `•`: a message that turned out to be part of a card number.
    pub fn digits_masked(&self) -> Clean {
        Clean(input::mask_digits(&self.0))
    }

    /// What a record keeps of a message: a message that is nothing but 8 or more digits is no amount or date
    /// anyone types, likely half a card number, so its digits are masked.
    pub fn for_record(&self) -> Clean {
        match input::digit_piece(&self.0) {
            Some(p) if p.len >= 8 => self.digits_masked(),
            _ => self.clone(),
        }
    }

    /// Every run of `min` or more digits masked, dates excepted: what may be passed on to a person (staff)
    /// before it is known whether the next message completes a card number.
    pub fn long_runs_masked(&self, min: usize) -> Clean {
        let mut out = String::with_capacity(self.0.len());
        let mut last = 0;
        for r in runs(&self.0).iter().filter(|r| r.digits.len() >= min && !r.date_like) {
            out.push_str(&self.0[last..r.start]);
            out.push_str(&input::mask_digits(&self.0[r.start..r.end]));
            last = r.end;
        }
        out.push_str(&self.0[last..]);
        Clean(out)
    }
}

impl fmt::Display for Clean {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::ops::Deref for Clean {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Clean {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Clean {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// Conversions run the gate: they are `admit` spelled shorter (tests, fixed texts).
impl From<&str> for Clean {
    fn from(raw: &str) -> Clean {
        admit(raw).text
    }
}

impl From<&str> for Gated {
    fn from(raw: &str) -> Gated {
        admit(raw)
    }
}

impl From<String> for Gated {
    fn from(raw: String) -> Gated {
        admit(&raw)
    }
}

impl AsRef<str> for Clean {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Clean {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A stored text passes the gate again on the way in: records written before a rule existed (or by hand)
/// come out clean too.
impl<'de> Deserialize<'de> for Clean {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Clean, D::Error> {
        let s = String::deserialize(d)?;
        Ok(if needs_gate(&s) { admit(&s).text } else { Clean(s) })
    }
}

/// Whether a stored text could hold anything the gate changes: most hold few digits and no controls, and
/// loading a case must stay cheap.
fn needs_gate(s: &str) -> bool {
    s.chars().count() > MAX_MESSAGE_CHARS
        || s.chars().filter(|c| digit_of(*c).is_some()).count() >= 3
        || s.chars().any(|c| c.is_control() || is_separator(c) && !matches!(c, ' ' | '.' | ',' | '/' | '-' | '_'))
}

// ---- runs of digits ----------------------------------------------------------------------------------------

/// A run of digits with separators between them, as byte offsets into the normalized text.
#[derive(Debug)]
struct Run {
    start: usize,
    end: usize,
    /// The digits, and where each group of them ends (an index into `digits`).
    digits: Vec<u8>,
    groups: Vec<usize>,
    /// Looks like a date (`12/05/2024`, `2024-05-12`): no part of a card number.
    date_like: bool,
    /// Every gap is one space or one hyphen, the way card numbers are written.
    simple: bool,
}

impl Run {
    fn piece(&self) -> bool {
        (MIN_PIECE..=MAX_PIECE).contains(&self.digits.len()) && !self.date_like
    }

    fn digit_piece(&self) -> DigitPiece {
        input::piece_of(&self.digits)
    }
}

/// The value of a digit of a number as people type it: ASCII (every other script's are normalized to it)
/// and the Chinese numerals, including the financial forms.
fn digit_of(c: char) -> Option<u8> {
    Some(match c {
        '0'..='9' => c as u8 - b'0',
        '〇' | '零' | '○' | '洞' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' | '拐' => 7,
        '八' | '捌' => 8,
        '九' | '玖' | '勾' => 9,
        _ => return other_digit(c),
    })
}

/// Digits written as superscripts, subscripts, in circles or parentheses (Unicode's "other numbers", which no
/// script's digits cover): the same digits to whoever reads them.
fn other_digit(c: char) -> Option<u8> {
    let from = |first: u32, zero: u8| Some(zero + (c as u32 - first) as u8);
    match c as u32 {
        0x2070 | 0x2080 | 0x24EA | 0x24FF => Some(0),
        0x00B9 => Some(1),
        0x00B2 => Some(2),
        0x00B3 => Some(3),
        0x2074..=0x2079 => from(0x2074, 4),
        0x2081..=0x2089 => from(0x2080, 0),
        0x2460..=0x2468 => from(0x2460, 1),
        0x2474..=0x247C => from(0x2474, 1),
        0x2488..=0x2490 => from(0x2488, 1),
        0x2776..=0x277E => from(0x2776, 1),
        0x2780..=0x2788 => from(0x2780, 1),
        0x278A..=0x2792 => from(0x278A, 1),
        _ => None,
    }
}

/// Marks drawn on or after a character rather than beside it: keycaps (`4️⃣`), variation selectors,
/// underlines and other combining marks do not separate the digits they decorate.
fn marks(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}')
}

/// Whitespace and the characters that show nothing: padding with them must not break a number apart.
fn invisible(c: char) -> bool {
    marks(c)
        || c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Visible characters that may stand between the digit groups of one number: dots, slashes, commas,
/// underscores, middle dots and bullets, and every dash and hyphen (with U+2010–U+2015).
const VISIBLE_SEPARATORS: &str = "./,_\\|·•∙⋅・･‧⁃−-\u{058A}\u{05BE}\u{1400}\u{1806}\u{2E17}\u{2E1A}\u{2E3A}\u{2E3B}\u{2E40}\u{301C}\u{30A0}\u{FE58}\u{FE63}";

/// What may stand between the digit groups of one number: the invisible ones and `VISIBLE_SEPARATORS`.
fn is_separator(c: char) -> bool {
    invisible(c) || VISIBLE_SEPARATORS.contains(c) || ('\u{2010}'..='\u{2015}').contains(&c)
}

/// Every run of digits in `text`: digits joined by separators (at most `MAX_GAP` visible ones).
fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cur: Option<Run> = None;
    let (mut gap, mut visible) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        if let Some(d) = digit_of(c) {
            let run = cur.get_or_insert_with(|| Run {
                start: i,
                end: i,
                digits: vec![],
                groups: vec![],
                date_like: false,
                simple: true,
            });
            if gap > 0 && !run.digits.is_empty() {
                run.groups.push(run.digits.len());
                run.simple &= gap == 1 && matches!(text[..i].chars().next_back(), Some(' ' | '-'));
            }
            run.digits.push(d);
            run.end = i + c.len_utf8();
            (gap, visible) = (0, 0);
        } else if is_separator(c) && cur.is_some() && visible < MAX_GAP {
            gap += 1;
            visible += usize::from(!invisible(c));
        } else if let Some(run) = cur.take() {
            out.push(finish(run, text));
            (gap, visible) = (0, 0);
        }
    }
    out.extend(cur.map(|r| finish(r, text)));
    out
}

fn finish(mut run: Run, text: &str) -> Run {
    run.groups.push(run.digits.len());
    run.date_like = date_like(&text[run.start..run.end], &run.groups);
    run
}

/// `d/m/y`, `y-m-d`, `d.m.y` and the like: three groups of 1–4, 1–2 and 1–4 digits, joined by one of
/// `/`, `-` or `.` — maybe followed by the hour of a time (`2026-11-24 14:30`: the `:` ends the run).
fn date_like(span: &str, groups: &[usize]) -> bool {
    let sizes: Vec<usize> = std::iter::once(groups[0]).chain(groups.windows(2).map(|w| w[1] - w[0])).collect();
    let seps: String = span.chars().filter(|c| digit_of(*c).is_none()).collect();
    let date = |a: usize, b: usize, c: usize| {
        (1..=4).contains(&a) && (1..=2).contains(&b) && (1..=4).contains(&c) && a + c <= 6
    };
    let joined = |seps: &str| ["//", "--", ".."].contains(&seps);
    match sizes.as_slice() {
        [a, b, c] => date(*a, *b, *c) && joined(&seps),
        [a, b, c, hour] => date(*a, *b, *c) && *hour <= 2 && seps.ends_with(' ') && joined(seps.trim_end()),
        _ => false,
    }
}

// ---- card numbers ------------------------------------------------------------------------------------------

/// A card number inside a run: a span of whole groups with 13–19 digits passing the Luhn check (where it
/// ends, and `true`); or, when the run is written like a card number with 13–19 digits, the run itself (a
/// card number with a typo is still most of one).
fn card_in(run: &Run) -> Option<(usize, bool)> {
    let starts: Vec<usize> = std::iter::once(0).chain(run.groups.iter().copied()).collect();
    for (gi, &from) in starts.iter().enumerate() {
        for &to in &run.groups[gi..] {
            let n = to - from;
            if n > 19 {
                break;
            }
            if n >= 13 && input::luhn(&run.digits[from..to]) {
                return Some((to, true));
            }
        }
    }
    (run.simple && (13..=19).contains(&run.digits.len())).then_some((run.digits.len(), false))
}

/// The last 4 of `digits` as text.
fn last4(digits: &[u8]) -> String {
    digits[digits.len().saturating_sub(4)..].iter().map(|d| char::from(b'0' + d)).collect()
}

/// `text` with each card number shown as `•••• 1111`, and the last 4 digits of the first Luhn-valid one.
fn mask_cards(text: &str, runs: &[Run]) -> (String, Option<String>) {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut found = None;
    for run in runs {
        let Some((to, luhn)) = card_in(run) else { continue };
        let last4 = last4(&run.digits[..to]);
        if luhn && found.is_none() {
            found = Some(last4.clone());
        }
        // The whole run goes: digits around the number in the same run may be pieces of it.
        out.push_str(&text[last..run.start]);
        out.push_str(&format!("•••• {last4}"));
        last = run.end;
    }
    out.push_str(&text[last..]);
    (out, found)
}

/// Whether the newest message's first run, after the earlier messages' runs in `trail`, completes a card
/// number: how many messages it took (2 to `MAX_PARTS`), counting this one. `trail` is updated for the next message.
pub fn follow(trail: &mut Vec<DigitPiece>, found: &Found) -> Option<usize> {
    let done = found.lead.and_then(|lead| {
        let mut pieces = trail.clone();
        pieces.push(lead);
        input::split_card_number(&pieces)
    });
    match (done, found.tail) {
        (Some(_), _) | (None, None) => trail.clear(),
        // A card number can go on through a message that is nothing but digits; one with words ends it.
        (None, Some(t)) => {
            if !found.whole {
                trail.clear();
            }
            trail.push(t);
            let excess = trail.len().saturating_sub(MAX_PARTS - 1);
            trail.drain(..excess);
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> (String, Option<String>) {
        let g = admit(s);
        (g.text.into_string(), g.found.card)
    }

    #[test]
    fn card_numbers_are_found_whatever_separates_their_digits() {
        for sep in [" ", "-", ".", "/", ",", "_", " - ", "–", "\u{2012}", "·", "\u{00AD}", "\u{200B}", "  ", "．", "—"]
        {
            let s = format!("my card is 4111{sep}1111{sep}1111{sep}1111 exp 12/29");
            let (text, card) = masked(&s);
            assert_eq!(card.as_deref(), Some("1111"), "{s:?}");
            assert!(!text.contains("4111"), "{s:?} -> {text}");
        }
    }

    #[test]
    fn any_run_of_spaces_or_invisible_characters_joins_the_digits() {
        let spaced =
            "4111          1111\n\n\n1111 \u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B} 1111";
        assert_eq!(admit(spaced).found.card.as_deref(), Some("1111"));
        // Words between numbers still part them.
        assert_eq!(admit("4111 1111 and 1111 1111").found.card, None);
    }

    #[test]
    fn card_numbers_in_other_scripts_and_chinese_numerals() {
        for s in [
            "４１１１１１１１１１１１１１１１",
            "٤١١١١١١١١١١١١١١١",
            "四一一一 一一一一 一一一一 一一一一",
            "卡号四幺幺幺幺幺幺幺幺幺幺幺幺幺幺幺",
            "⁴¹¹¹ ¹¹¹¹ ¹¹¹¹ ¹¹¹¹",
            "④①①① ①①①① ①①①① ①①①①",
            "₄₁₁₁-₁₁₁₁-₁₁₁₁-₁₁₁₁",
            "❹❶❶❶ ➀➀➀➀ ➊➊➊➊ ⑴⑴⑴⑴",
            "4\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}1\u{FE0F}\u{20E3}111111111111",
            "4\u{332}1\u{332}1\u{332}1\u{332} 1111 1111 1111",
        ] {
            let (text, card) = masked(s);
            assert_eq!(card.as_deref(), Some("1111"), "{s}");
            assert!(text.contains("•••• 1111"), "{s} -> {text}");
        }
    }

    #[test]
    fn ordinary_numbers_and_chinese_amounts_pass() {
        for s in ["I paid 1,280.50 on 12/05/2024 at 14:30", "一千二百八十元", "三千五", "ref 20240512"] {
            let g = admit(s);
            assert_eq!(g.found.card, None, "{s}");
            assert_eq!(g.text.as_str(), s, "{s}");
        }
    }

    #[test]
    fn secrets_are_masked_and_found() {
        let g = admit("the SMS code is 482913");
        assert!(g.found.secret);
        assert!(!g.text.as_str().contains("482913"));
    }

    #[test]
    fn a_card_number_across_three_messages_is_noticed() {
        let mut trail = vec![];
        assert_eq!(follow(&mut trail, &admit("card: 4111 1111").found), None);
        assert_eq!(follow(&mut trail, &admit("next 1111 1111").found), Some(2));
        let mut trail = vec![];
        assert_eq!(follow(&mut trail, &admit("4111").found), None);
        assert_eq!(follow(&mut trail, &admit("1111 1111").found), None);
        assert_eq!(follow(&mut trail, &admit("1111 and that's it").found), Some(3));
        let mut trail = vec![];
        follow(&mut trail, &admit("I paid 1280").found);
        assert_eq!(follow(&mut trail, &admit("on 12/05/2024").found), None, "dates are no parts");
        let when = admit("2026-11-24 14:30").text;
        assert_eq!(when.long_runs_masked(8).as_str(), "2026-11-24 14:30", "a date and time is no part either");
    }

    #[test]
    fn deserializing_runs_the_gate() {
        use serde::de::IntoDeserializer;
        let load = |s: &str| {
            let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = s.into_deserializer();
            Clean::deserialize(d).unwrap()
        };
        assert_eq!(load("4111 1111 1111 1111").as_str(), "•••• 1111");
        assert_eq!(load("hello").as_str(), "hello");
    }

    #[test]
    fn controls_are_stripped_and_length_capped() {
        assert_eq!(admit("a\u{0}b\nc").text.as_str(), "ab c");
        assert_eq!(admit_capped(&"x".repeat(100), 10).text.as_str().len(), 10);
        assert_eq!(admit(&"x".repeat(5000)).found.chars, 5000);
    }
}
