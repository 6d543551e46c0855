//! The words people type, per language (`locales/<tag>/phrases.toml`): read, checked against the tree (a
//! list for every problem a story may be, every interrupt, the commands said in words, "I don't know"), and
//! merged into the one `Lexicon` the engine reads any language with.
//!
//! Owns: finding and reading the phrase files.
//! Must not touch: matching (the engine's `understand`).

use crate::engine::flow::{Flow, Problem};
use crate::engine::understand::Lexicon;
use std::collections::BTreeSet;
use std::path::Path;

/// The file of each language that holds its phrases.
pub const PHRASES_FILE: &str = "phrases.toml";

/// Commands a person may call by a word alone, besides the interrupts ("help").
pub const WORD_COMMANDS: &[&str] = &["help"];

/// Every language's phrases, merged; or every problem found, with file and line. A tree without
/// `[understanding]` and locales without phrase files read nobody's words: an empty lexicon.
pub fn lexicon(locales_dir: &Path, tags: &[String], flow: &Flow) -> Result<Lexicon, Vec<Problem>> {
    let paths: Vec<_> = tags.iter().map(|t| locales_dir.join(t).join(PHRASES_FILE)).collect();
    if flow.understanding == Default::default() && !paths.iter().any(|p| p.exists()) {
        return Ok(Lexicon::default());
    }
    let mut problems = Vec::new();
    let mut all = Vec::new();
    for path in &paths {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => match Lexicon::parse(&file, &text) {
                Ok(l) => all.push((file, l)),
                Err(ps) => problems.extend(ps),
            },
            Err(e) => {
                let message = format!("cannot read the words people type in this language: {e}");
                problems.push(Problem { file, line: None, message });
            }
        }
    }
    problems.extend(complete(&all, flow));
    if problems.is_empty() { Ok(Lexicon::merge(all.into_iter().map(|(_, l)| l))) } else { Err(problems) }
}

/// Each language has a list for every story the tree reads and the commands said in words; and words for
/// an interrupt in every language once one language has them (an interrupt may be only a command). Words
/// for an interrupt the tree does not have are a problem too.
fn complete(all: &[(String, Lexicon)], flow: &Flow) -> Vec<Problem> {
    let u = &flow.understanding;
    let stories: Vec<String> = u.prefill.keys().chain(u.interrupts.keys()).cloned().collect();
    let worded: BTreeSet<String> = all.iter().flat_map(|(_, l)| l.interrupts.keys().cloned()).collect();
    let mut problems = Vec::new();
    for id in worded.iter().filter(|id| !flow.interrupts.iter().any(|i| &i.id == *id)) {
        let file = all.iter().find(|(_, l)| l.interrupts.contains_key(id)).map(|(f, _)| f.clone()).unwrap_or_default();
        problems.push(Problem {
            file,
            line: None,
            message: format!("[interrupt.{id}]: the tree has no such interrupt"),
        });
    }
    let interrupts: Vec<String> = worded.into_iter().collect();
    for (file, l) in all {
        problems.extend(l.missing(file, &stories, &interrupts, WORD_COMMANDS));
    }
    problems
}
