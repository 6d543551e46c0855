//! The words people type, per language (`locales/<tag>/phrases.toml`): read, checked against the tree (a
//! list for every problem a story may be, every interrupt, the commands said in words, "I don't know"), and
//! merged into the one `Lexicon` the engine reads any language with.
//!
//! Owns: finding and reading the phrase files.
//! Must not touch: matching (the engine's `understand`).

use crate::engine::flow::{Flow, Problem};
use crate::engine::understand::Lexicon;
use std::path::Path;

/// The file of each language that holds its phrases.
pub const PHRASES_FILE: &str = "phrases.toml";

/// Commands a person may call by a word alone, besides the interrupts ("help").
pub const WORD_COMMANDS: &[&str] = &["help"];

/// Every language's phrases, merged; or every problem found, with file and line.
pub fn lexicon(locales_dir: &Path, tags: &[String], flow: &Flow) -> Result<Lexicon, Vec<Problem>> {
    let u = &flow.understanding;
    let stories: Vec<String> = u.prefill.keys().chain(u.interrupts.keys()).cloned().collect();
    let interrupts: Vec<String> = flow.interrupts.iter().map(|i| i.id.clone()).collect();
    let mut problems = Vec::new();
    let mut all = Vec::new();
    for tag in tags {
        let path = locales_dir.join(tag).join(PHRASES_FILE);
        let file = path.display().to_string();
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                let message = format!("cannot read the words people type in this language: {e}");
                problems.push(Problem { file, line: None, message });
                continue;
            }
        };
        match Lexicon::parse(&file, &text) {
            Ok(l) => {
                problems.extend(l.missing(&file, &stories, &interrupts, WORD_COMMANDS));
                all.push(l);
            }
            Err(ps) => problems.extend(ps),
        }
    }
    if problems.is_empty() { Ok(Lexicon::merge(all)) } else { Err(problems) }
}
