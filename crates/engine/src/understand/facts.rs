//! The facts a story states: the amount, when, the shop, the card's last 4 digits and its country. Each is
//! kept as the words the person wrote, to be read again by the question it answers (with the card's
//! currency and date order known by then), so a fact is never read in two different ways.
//!
//! Owns: picking the facts' words out of a story.
//! Must not touch: reading amounts and dates (`input`'s), the flow, the case.

use super::lexicon::Lexicon;
use super::score::{contains, prepare};
use crate::input;
use crate::input::DateOrder;
use chrono::NaiveDateTime;
use std::collections::BTreeSet;

/// The facts of a story, each as the words written (or the id of a region).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub amount: Option<String>,
    pub when: Option<String>,
    pub shop: Option<String>,
    pub last4: Option<String>,
    pub region: Option<String>,
}

impl Facts {
    /// The facts of `text`. `currency` and `now` only decide which words are an amount and a date;
    /// the question reads them again.
    pub fn of(lex: &Lexicon, text: &str, currency: &str, now: NaiveDateTime, order: DateOrder) -> Facts {
        let norm = input::normalize(text);
        Facts {
            amount: amount(&norm, currency),
            when: when(lex, &norm, now, order),
            shop: shop(lex, &norm),
            last4: last4(lex, &prepare(text)),
            region: region(lex, &prepare(text)),
        }
    }
}

/// The one amount the story states: an amount with its currency, or after a word like "charged". Two
/// different amounts ("£5 but charged £50", "312元, the slip says 3,120") are left to the questions: which
/// is which is a guess.
fn amount(norm: &str, currency: &str) -> Option<String> {
    let found = input::find_amounts(norm, currency);
    let values: BTreeSet<_> = found.iter().map(|a| a.amount.normalize()).collect();
    let currencies: BTreeSet<_> = found.iter().filter(|a| a.marked).map(|a| a.currency.clone()).collect();
    let first = found.iter().find(|a| a.marked)?;
    (values.len() == 1 && currencies.len() == 1).then(|| norm[first.start..first.end].trim().to_string())
}

/// When it happened: a date the story states, unless it is when the person noticed ("今天早上发现的",
/// "found it today") or it reads two ways (the question asks which).
fn when(lex: &Lexicon, norm: &str, now: NaiveDateTime, order: DateOrder) -> Option<String> {
    let f = input::find_when(norm, now, order).filter(|f| f.when.is_ok())?;
    let after: String = norm[f.span.end..].to_lowercase().chars().take(12).collect();
    if lex.noticed.iter().any(|w| after.contains(w.as_str())) {
        return None;
    }
    Some(norm[f.span].trim().to_string())
}

/// The shop's name, by the languages' patterns ("at Tesco", "在全家刷卡"), unless it is only a kind of shop.
/// Patterns that disagree leave it to the question; one that found a longer form of the same name
/// ("全聯刷信" for "全聯") gives way to the shorter.
fn shop(lex: &Lexicon, norm: &str) -> Option<String> {
    let mut names: Vec<String> = lex.shop.iter().filter_map(|p| shop_name(lex, &p.0, norm)).collect();
    names.sort_by_key(|n| n.chars().count());
    names.dedup();
    let shortest = names.first()?.clone();
    names.iter().all(|n| n.starts_with(shortest.as_str())).then_some(shortest)
}

fn shop_name(lex: &Lexicon, pattern: &regex::Regex, norm: &str) -> Option<String> {
    let name = pattern.captures(norm)?.get(1)?.as_str().trim().trim_matches(|c: char| !c.is_alphanumeric());
    let lower = name.to_lowercase();
    // A kind of shop is no name: "a bakery", "the store", "一家服装店", "面馆".
    let generic = lex.not_a_shop.iter().any(|w| {
        lower == *w || lower.starts_with(&format!("{w} ")) || (!w.is_ascii() && lower.starts_with(w.as_str()))
    });
    (!name.is_empty() && !generic && name.chars().count() <= 40).then(|| name.to_string())
}

/// The last 4 digits after one of the language's words for them ("ending 1234", "尾号1234").
fn last4(lex: &Lexicon, text: &str) -> Option<String> {
    let re = &lex.last4_pattern.as_ref()?.0;
    Some(re.captures(text)?.get(1)?.as_str().to_string())
}

/// The card's country, when the story names exactly one ("my UK card", "招商银行").
fn region(lex: &Lexicon, text: &str) -> Option<String> {
    let named: Vec<&String> =
        lex.regions.iter().filter(|(_, words)| words.iter().any(|w| contains(text, w))).map(|(id, _)| id).collect();
    (named.len() == 1).then(|| named[0].clone())
}
