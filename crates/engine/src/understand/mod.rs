//! Reading a person's own words: the story of what happened (which problem, which facts), a command said
//! in words ("human", "转人工", "is this a scam"), and "I don't know". Everything a language says is data
//! (`locales/<tag>/phrases.toml`, read into a `Lexicon`); this module only matches and scores.
//!
//! Owns: `read` (a story's problems and verdict), `said` (a word that means a command or an interrupt),
//! `dont_know`.
//! Must not touch: the case or the flow's nodes (`step` decides what to do with a reading).

pub mod facts;
pub mod lexicon;
pub mod score;

pub use facts::Facts;
pub use lexicon::{Lexicon, Words};
pub use score::Verdict;

/// What a story says: every problem's score (highest first) and the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub scores: Vec<(String, u32)>,
    pub verdict: Verdict,
}

/// Reads a story for its problem.
pub fn read(lex: &Lexicon, text: &str) -> Reading {
    let scores = score::score(lex, &score::prepare(text));
    let verdict = score::verdict(&scores);
    Reading { scores, verdict }
}

/// What typed words may mean besides an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// An interrupt by id (`scam`, `human`).
    Interrupt(String),
    /// A command by name (`help`).
    Command(String),
}

/// The message as a whole, without the punctuation and filler around it ("help!", "human please").
fn alone(text: &str) -> String {
    let t = score::prepare(text);
    t.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Whether the whole message is one of `words`, or holds one of `contains`.
fn says(words: &Words, whole: &str, prepared: &str, inside: bool) -> bool {
    words.alone.iter().any(|w| w == whole) || (inside && words.contains.iter().any(|w| score::contains(prepared, w)))
}

/// A word for an interrupt or command in `text`. `inside` is whether words inside a longer message count
/// (not where the person types a shop's name, which may be "Real Person Barbers").
pub fn said(lex: &Lexicon, text: &str, inside: bool) -> Option<Said> {
    let whole = alone(text);
    let prepared = score::prepare(text);
    if let Some((id, _)) = lex.interrupts.iter().find(|(_, w)| says(w, &whole, &prepared, inside)) {
        return Some(Said::Interrupt(id.clone()));
    }
    let command = lex.commands.iter().find(|(_, w)| says(w, &whole, &prepared, false));
    command.map(|(name, _)| Said::Command(name.clone()))
}

/// Whether the person says they don't know (or, at the last 4 digits, that they paid with a phone or by QR).
pub fn dont_know(lex: &Lexicon, text: &str) -> bool {
    says(&lex.dont_know, &alone(text), &score::prepare(text), true)
}
