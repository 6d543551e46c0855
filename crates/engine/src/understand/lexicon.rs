//! The phrase lists of one language (`locales/<tag>/phrases.toml`) and all languages merged: what a story
//! of each problem sounds like, with weights; words that mean a command; "I don't know"; the words around
//! the facts of a story (a shop's name, the card's country, the last 4 digits).
//!
//! Owns: the file's shape, reading it with file:line problems, merging languages (`Lexicon::merge`).
//! Must not touch: scoring or the flow (`score`, `facts`, `step` use the lists); reading files (the caller
//! passes the text).

use super::super::problem::{Lines, Problem, toml_problem};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Weights are small integers: see the file's own header for what they mean.
const MAX_WEIGHT: u32 = 10;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    negations: Vec<String>,
    #[serde(default)]
    problem: BTreeMap<String, Spanned<BTreeMap<String, u32>>>,
    #[serde(default)]
    interrupt: BTreeMap<String, RawWords>,
    #[serde(default)]
    command: BTreeMap<String, RawWords>,
    #[serde(default)]
    dont_know: RawWords,
    #[serde(default)]
    facts: RawFacts,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawWords {
    #[serde(default)]
    contains: Vec<String>,
    #[serde(default)]
    alone: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    #[serde(default)]
    shop: Vec<Spanned<String>>,
    #[serde(default)]
    not_a_shop: Vec<String>,
    #[serde(default)]
    last4: Vec<String>,
    #[serde(default)]
    noticed: Vec<String>,
    #[serde(default)]
    region: BTreeMap<String, Vec<String>>,
}

/// Words that mean something wherever they are: `contains` inside any message, `alone` as the whole message
/// (lower case, without the punctuation around it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Words {
    pub contains: Vec<String>,
    pub alone: Vec<String>,
}

/// A pattern that finds a shop's name: its first group is the name.
#[derive(Debug, Clone)]
pub struct ShopPattern(pub Regex);

impl PartialEq for ShopPattern {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

/// One language's lists, or all languages' merged: a person may write in another language than the bot's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// Problem id → (phrase, weight), lower case.
    pub problems: BTreeMap<String, Vec<(String, u32)>>,
    pub negations: Vec<String>,
    /// Interrupt id (`scam`, `human`) → its words.
    pub interrupts: BTreeMap<String, Words>,
    /// Command name (`help`) → its words.
    pub commands: BTreeMap<String, Words>,
    pub dont_know: Words,
    pub shop: Vec<ShopPattern>,
    pub not_a_shop: Vec<String>,
    /// Words right after a date that make it the day the person noticed, not the day they paid ("发现").
    pub noticed: Vec<String>,
    /// Words before the last 4 digits ("ending", "尾号").
    pub last4: Vec<String>,
    /// `last4` as one pattern, its group the digits (built by `parse` and `merge`).
    pub last4_pattern: Option<ShopPattern>,
    /// Region id → words that name the card's country or its bank.
    pub regions: BTreeMap<String, Vec<String>>,
}

fn lower(words: Vec<String>) -> Vec<String> {
    words.into_iter().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
}

impl From<RawWords> for Words {
    fn from(r: RawWords) -> Words {
        Words { contains: lower(r.contains), alone: lower(r.alone) }
    }
}

impl Lexicon {
    /// Reads one language's `phrases.toml`; every problem is reported with file and line.
    pub fn parse(file: &str, text: &str) -> Result<Lexicon, Vec<Problem>> {
        let raw: RawLexicon = toml::from_str(text).map_err(|e| vec![toml_problem(file, text, &e)])?;
        let lines = Lines::new(text);
        let mut problems = Vec::new();
        let mut lex = Lexicon {
            negations: lower(raw.negations),
            interrupts: raw.interrupt.into_iter().map(|(k, v)| (k, v.into())).collect(),
            commands: raw.command.into_iter().map(|(k, v)| (k, v.into())).collect(),
            dont_know: raw.dont_know.into(),
            not_a_shop: lower(raw.facts.not_a_shop),
            last4: lower(raw.facts.last4),
            noticed: lower(raw.facts.noticed),
            regions: raw.facts.region.into_iter().map(|(k, v)| (k, lower(v))).collect(),
            ..Lexicon::default()
        };
        for (id, phrases) in raw.problem {
            let line = lines.line(phrases.span().start);
            for (phrase, weight) in phrases.get_ref() {
                if !(1..=MAX_WEIGHT).contains(weight) {
                    let message =
                        format!("`{phrase}` in [problem.{id}] weighs {weight}: weights are 1 to {MAX_WEIGHT}");
                    problems.push(Problem { file: file.into(), line: Some(line), message });
                }
            }
            let list = phrases.into_inner().into_iter().map(|(p, w)| (p.trim().to_lowercase(), w));
            lex.problems.insert(id, list.filter(|(p, _)| !p.is_empty()).collect());
        }
        for p in raw.facts.shop {
            let line = lines.line(p.span().start);
            match Regex::new(p.get_ref()) {
                Ok(r) if r.captures_len() >= 2 => lex.shop.push(ShopPattern(r)),
                Ok(_) => problems.push(problem(file, line, "a [facts] shop pattern needs a group: the name")),
                Err(e) => problems.push(problem(file, line, &format!("a [facts] shop pattern is no regex: {e}"))),
            }
        }
        lex.last4_pattern = last4_pattern(&lex.last4);
        if problems.is_empty() { Ok(lex) } else { Err(problems) }
    }

    /// All languages' lists in one: a phrase in two lists keeps the larger weight.
    pub fn merge(all: impl IntoIterator<Item = Lexicon>) -> Lexicon {
        let mut m = Lexicon::default();
        for l in all {
            for (id, phrases) in l.problems {
                let list = m.problems.entry(id).or_default();
                for (p, w) in phrases {
                    match list.iter_mut().find(|(q, _)| *q == p) {
                        Some((_, v)) => *v = (*v).max(w),
                        None => list.push((p, w)),
                    }
                }
            }
            extend(&mut m.negations, l.negations);
            for (id, w) in l.interrupts {
                merge_words(m.interrupts.entry(id).or_default(), w);
            }
            for (id, w) in l.commands {
                merge_words(m.commands.entry(id).or_default(), w);
            }
            merge_words(&mut m.dont_know, l.dont_know);
            m.shop.extend(l.shop);
            extend(&mut m.not_a_shop, l.not_a_shop);
            extend(&mut m.last4, l.last4);
            extend(&mut m.noticed, l.noticed);
            for (id, words) in l.regions {
                extend(m.regions.entry(id).or_default(), words);
            }
        }
        m.last4_pattern = last4_pattern(&m.last4);
        m
    }

    /// What a language must have for the bot to read people in it: a list for each problem the flow knows,
    /// each interrupt and command, and "I don't know". The problems found, with the file named.
    pub fn missing(&self, file: &str, problems: &[String], interrupts: &[String], commands: &[&str]) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut need = |ok: bool, what: String| {
            if !ok {
                out.push(Problem { file: file.into(), line: None, message: format!("{what} is missing or empty") });
            }
        };
        for p in problems {
            need(self.problems.get(p).is_some_and(|l| !l.is_empty()), format!("[problem.{p}]"));
        }
        for i in interrupts {
            let w = self.interrupts.get(i);
            need(w.is_some_and(|w| !w.contains.is_empty() && !w.alone.is_empty()), format!("[interrupt.{i}]"));
        }
        for c in commands {
            need(self.commands.get(*c).is_some_and(|w| !w.alone.is_empty()), format!("[command.{c}]"));
        }
        need(!self.dont_know.alone.is_empty(), "[dont_know]".into());
        need(!self.negations.is_empty(), "negations".into());
        out
    }
}

/// The words for the last 4 digits, then the 4 digits (after a colon, 是 or masking stars, as people write).
fn last4_pattern(words: &[String]) -> Option<ShopPattern> {
    if words.is_empty() {
        return None;
    }
    let words: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
    let re = format!(r"(?:{})\s*(?:is|:|：|是|為|为)?\s*[*x•#]*\s*([0-9]{{4}})(?:[^0-9]|$)", words.join("|"));
    Regex::new(&re).ok().map(ShopPattern)
}

fn problem(file: &str, line: usize, message: &str) -> Problem {
    Problem { file: file.into(), line: Some(line), message: message.into() }
}

fn extend(into: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !into.contains(&w) {
            into.push(w);
        }
    }
}

fn merge_words(into: &mut Words, more: Words) {
    extend(&mut into.contains, more.contains);
    extend(&mut into.alone, more.alone);
}
