//! Numbers a text quotes as a duration or a sum of money ("within 15 days", "up to £35", "三十日", "3000元"),
//! found in a Fluent file's source. Such a number is a fact that belongs in `flows/jurisdictions/*.toml`,
//! reaching the text as a placeable (`{ $bank_complaint_days }`), so that the words and the date arithmetic
//! can never disagree. `flow check` reports each one (`catalog::quoted_numbers`).
//!
//! Owns: which parts of a message are its own words (text, and string or number literals in placeables —
//! not variable placeables, nor the keys of select variants), the opt-out comment
//! `# flow-check: number-ok (reason)`, and the line each finding is on.
//! Must not touch: files, the flow or `Problem`s: it returns findings, and `catalog` words them.

mod patterns;

pub use patterns::Kind;

use fluent_syntax::ast;

/// The comment that lets one message quote numbers, e.g. an example of what to type.
pub const OPT_OUT: &str = "flow-check: number-ok";

/// Something `flow check` reports about one message (or term) of a Fluent file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The message quotes `phrase` (its number and unit as written), on `line`.
    Quoted { line: usize, key: String, phrase: String, kind: Kind },
    /// The opt-out comment on `line` gives no reason.
    OptOutWithoutReason { line: usize, key: String },
    /// The opt-out comment on `line` excuses nothing: the message quotes no duration or money.
    OptOutUnused { line: usize, key: String },
}

/// Every finding in one Fluent file's `source`, in order. Syntax errors are not reported here (loading
/// the catalog does that); whatever parses is checked.
pub fn find(source: &str) -> Vec<Finding> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut out = Vec::new();
    for entry in &resource.body {
        let (key, patterns, comment) = match entry {
            ast::Entry::Message(m) => (
                m.id.name.to_string(),
                m.value.iter().chain(m.attributes.iter().map(|a| &a.value)).collect(),
                &m.comment,
            ),
            ast::Entry::Term(t) => (
                format!("-{}", t.id.name),
                std::iter::once(&t.value).chain(t.attributes.iter().map(|a| &a.value)).collect::<Vec<_>>(),
                &t.comment,
            ),
            _ => continue,
        };
        let mut quoted = Vec::new();
        for p in patterns {
            scan_pattern(source, p, None, &mut quoted);
        }
        out.extend(judge(source, &key, quoted, comment.as_ref()));
    }
    out
}

/// One quoted number before the opt-out is considered: where it starts in the source.
struct Quote {
    offset: usize,
    phrase: String,
    kind: Kind,
}

/// The message's quotes, unless a reasoned opt-out excuses them; an opt-out is itself checked.
fn judge(source: &str, key: &str, quoted: Vec<Quote>, comment: Option<&ast::Comment<&str>>) -> Vec<Finding> {
    let opt_out = comment.and_then(|c| c.content.iter().find_map(|l| opt_out_reason(l).map(|r| (*l, r))));
    let line_of_opt_out = |l: &str| line(source, offset_in(source, l));
    match opt_out {
        Some((l, "")) => {
            let mut out = vec![Finding::OptOutWithoutReason { line: line_of_opt_out(l), key: key.to_string() }];
            out.extend(quoted.into_iter().map(|q| q.finding(source, key)));
            out
        }
        Some((l, _)) if quoted.is_empty() => {
            vec![Finding::OptOutUnused { line: line_of_opt_out(l), key: key.to_string() }]
        }
        Some(_) => vec![],
        None => quoted.into_iter().map(|q| q.finding(source, key)).collect(),
    }
}

impl Quote {
    fn finding(self, source: &str, key: &str) -> Finding {
        Finding::Quoted { line: line(source, self.offset), key: key.to_string(), phrase: self.phrase, kind: self.kind }
    }
}

/// `Some(reason)` for an opt-out comment line (the reason is what its parentheses hold, trimmed; empty
/// when there are none), `None` for any other comment.
fn opt_out_reason(comment_line: &str) -> Option<&str> {
    let rest = comment_line.trim().strip_prefix(OPT_OUT)?.trim();
    let reason = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or("");
    Some(reason.trim())
}

/// A pattern's own words joined into one text, with where each piece came from: a number and its unit
/// written on two lines of a multi-line text are still found, and a placeable breaks the text apart.
struct Flat {
    text: String,
    /// (start in `text`, start in the source, length), one per piece of the source.
    pieces: Vec<(usize, usize, usize)>,
}

/// Stands for a variable or a select in the joined text: no pattern matches across it.
const PLACEABLE: char = '\u{FFFC}';

impl Flat {
    fn push_source(&mut self, source: &str, piece: &str) {
        self.pieces.push((self.text.len(), offset_in(source, piece), piece.len()));
        self.text.push_str(piece);
    }

    fn source_offset(&self, at: usize) -> usize {
        let (flat, src, _) =
            self.pieces.iter().rev().find(|(f, _, len)| *f <= at && at < f + len).copied().unwrap_or_default();
        src + (at - flat)
    }
}

/// Finds the quotes of one pattern; the variants of its selects are patterns of their own. `restated` is
/// the number the enclosing variant's key stands for (`[one]`, `[1]`): repeating it is no quote.
fn scan_pattern(source: &str, p: &ast::Pattern<&str>, restated: Option<u64>, out: &mut Vec<Quote>) {
    let mut flat = Flat { text: String::new(), pieces: Vec::new() };
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => flat.push_source(source, value),
            ast::PatternElement::Placeable { expression } => {
                match expression {
                    // A literal in braces (`{ "15" } days`) is still the text's own words.
                    ast::Expression::Inline(
                        ast::InlineExpression::StringLiteral { value } | ast::InlineExpression::NumberLiteral { value },
                    ) => {
                        flat.push_source(source, value);
                        continue;
                    }
                    ast::Expression::Select { variants, .. } => {
                        for v in variants {
                            scan_pattern(source, &v.value, implied(&v.key), out);
                        }
                    }
                    ast::Expression::Inline(_) => {}
                }
                flat.text.push(PLACEABLE);
            }
        }
    }
    for f in patterns::find(&flat.text) {
        if restated.is_some_and(|n| value(&flat.text[f.number.clone()]) == Some(n)) {
            continue;
        }
        // One line in a report, even when the text breaks between the number and its unit.
        let phrase = flat.text[f.phrase.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Quote { offset: flat.source_offset(f.phrase.start), phrase, kind: f.kind });
    }
}

/// The number a variant's key stands for: `[1]`, or a plural category that means one number in the
/// languages we ship (`[one]` is 1 in English; Chinese has only `[other]`).
fn implied(key: &ast::VariantKey<&str>) -> Option<u64> {
    match key {
        ast::VariantKey::NumberLiteral { value } => value.parse().ok(),
        ast::VariantKey::Identifier { name: "zero" } => Some(0),
        ast::VariantKey::Identifier { name: "one" } => Some(1),
        ast::VariantKey::Identifier { name: "two" } => Some(2),
        ast::VariantKey::Identifier { .. } => None,
    }
}

/// The value of a number in ASCII or full-width digits ("１５" is 15), or of the words a plural variant
/// restates ("[one] one day"); `None` for other words and for ranges.
fn value(number: &str) -> Option<u64> {
    match number.to_lowercase().as_str() {
        "zero" => Some(0),
        "one" => Some(1),
        "two" => Some(2),
        _ => number.chars().try_fold(0u64, |n, c| n.checked_mul(10)?.checked_add(u64::from(digit(c)?))),
    }
}

fn digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
}

/// Where `piece` starts in `source`. fluent-syntax's AST has no spans, but parsing a `&str` borrows every
/// text, literal and comment from the source, so a piece's address is its position.
fn offset_in(source: &str, piece: &str) -> usize {
    (piece.as_ptr() as usize).saturating_sub(source.as_ptr() as usize).min(source.len())
}

fn line(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())].iter().filter(|b| **b == b'\n').count() + 1
}

#[cfg(test)]
mod tests;
