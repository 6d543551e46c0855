//! A problem in the flow or jurisdiction files and where it is: `Problem`, `Loc`, and turning a byte offset
//! in TOML text into a line number.
//!
//! Owns: how a problem is located and shown (`file:line: message`).
//! Must not touch: the tree's types or any parsing. It sits below `flow`, `parse`, `validate` and
//! `jurisdiction` so that each of them can report problems without depending on the others.

use std::fmt;

/// One problem in the flow files, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Where a thing is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loc {
    pub file: String,
    pub line: usize,
}

impl Loc {
    pub fn problem(&self, message: impl Into<String>) -> Problem {
        Problem { file: self.file.clone(), line: Some(self.line), message: message.into() }
    }
}

/// Maps byte offsets to 1-based line numbers.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        Lines(std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect())
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// A file that is not valid TOML (or not of the expected shape), as one problem.
pub(crate) fn toml_problem(file: &str, text: &str, e: &toml::de::Error) -> Problem {
    let line = e.span().map(|s| Lines::new(text).line(s.start));
    // The toml error message repeats the source line; keep its first line, we give file and line ourselves.
    let msg = e.message().lines().next().unwrap_or("invalid TOML").to_string();
    Problem { file: file.to_string(), line, message: msg }
}
