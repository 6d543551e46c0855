//! Branch conditions: a tiny expression language over a case's answers and its jurisdiction's settings,
//! e.g. `amount >= setting.police_threshold and error_type != 'double'`. Parsed once when a flow loads.
//!
//! Owns: the condition syntax, its parsing and its evaluation against a case and a settings map.
//! Must not touch: flows or jurisdictions: it reads the case and the settings it is given.

use super::case::{Answer, Case};
use super::setting::Setting;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// An answer name, or the case fields `role` / `jurisdiction`.
    Answer(String),
    /// `NAME.currency`: the currency an amount answer was given in.
    CurrencyOf(String),
    /// `currency`: the card's currency, i.e. the jurisdiction's.
    Currency,
    /// `today`: the date now in the case's time zone; a date answer compares with it by day.
    Today,
    Setting(String),
    Text(String),
    Number(Decimal),
    Bool(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Compare(Operand, Op, Operand),
    IsSet(String),
    And(Vec<Condition>),
    Or(Vec<Condition>),
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        })
    }
}

fn tokenize(src: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            let quote = c;
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != quote {
                i += 1;
            }
            if i == chars.len() {
                return Err(format!("unclosed quote in `{src}`"));
            }
            i += 1;
            out.push(chars[start..i].iter().collect());
        } else if "=!<>".contains(c) {
            let start = i;
            i += 1;
            if i < chars.len() && chars[i] == '=' {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() && !"=!<>'\"".contains(chars[i]) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        }
    }
    Ok(out)
}

fn operand(tok: &str) -> Result<Operand, String> {
    if let Some(q) = tok.strip_prefix('\'').or_else(|| tok.strip_prefix('"')) {
        return Ok(Operand::Text(q[..q.len() - 1].to_string()));
    }
    if tok == "true" || tok == "false" {
        return Ok(Operand::Bool(tok == "true"));
    }
    if let Ok(n) = Decimal::from_str(tok) {
        return Ok(Operand::Number(n));
    }
    if let Some(name) = tok.strip_prefix("setting.")
        && is_name(name)
    {
        return Ok(Operand::Setting(name.to_string()));
    }
    if let Some(name) = tok.strip_suffix(".currency")
        && is_name(name)
    {
        return Ok(Operand::CurrencyOf(name.to_string()));
    }
    match tok {
        "today" => return Ok(Operand::Today),
        "currency" => return Ok(Operand::Currency),
        _ => {}
    }
    if is_name(tok) {
        return Ok(Operand::Answer(tok.to_string()));
    }
    Err(format!(
        "`{tok}` is not an answer name, `NAME.currency`, `setting.NAME`, `today`, `currency`, number, 'text' or true/false"
    ))
}

pub(crate) fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

fn op(tok: &str) -> Option<Op> {
    Some(match tok {
        "==" => Op::Eq,
        "!=" => Op::Ne,
        "<" => Op::Lt,
        "<=" => Op::Le,
        ">" => Op::Gt,
        ">=" => Op::Ge,
        _ => return None,
    })
}

impl FromStr for Condition {
    type Err = String;

    fn from_str(src: &str) -> Result<Condition, String> {
        let toks = tokenize(src)?;
        if toks.is_empty() {
            return Err("empty condition".into());
        }
        let mut ors = Vec::new();
        for or_part in toks.split(|t| t == "or") {
            let mut ands = Vec::new();
            for and_part in or_part.split(|t| t == "and") {
                ands.push(simple(and_part, src)?);
            }
            ors.push(if ands.len() == 1 { ands.pop().unwrap() } else { Condition::And(ands) });
        }
        Ok(if ors.len() == 1 { ors.pop().unwrap() } else { Condition::Or(ors) })
    }
}

fn simple(toks: &[String], src: &str) -> Result<Condition, String> {
    match toks {
        [kw, name] if kw == "set" && is_name(name) => Ok(Condition::IsSet(name.clone())),
        [a, o, b] => {
            let o = op(o).ok_or_else(|| format!("`{o}` is not a comparison (==, !=, <, <=, >, >=) in `{src}`"))?;
            Ok(Condition::Compare(operand(a)?, o, operand(b)?))
        }
        _ => Err(format!("cannot read `{}` in `{src}`: write `NAME OP VALUE` or `set NAME`", toks.join(" "))),
    }
}

/// A value a condition compares.
#[derive(Debug, PartialEq)]
enum Value {
    Text(String),
    Number(Decimal),
    Bool(bool),
    Date(NaiveDate),
    Missing,
}

/// What a condition is evaluated against besides the case: the jurisdiction's settings and currency, and
/// today's date where the person is (conditions never read a clock).
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub settings: &'a BTreeMap<String, Setting>,
    pub currency: &'a str,
    pub today: NaiveDate,
}

fn currency_of(case: &Case, name: &str) -> Value {
    match case.answers.get(name) {
        Some(Answer::Amount { currency, .. }) => Value::Text(currency.clone()),
        _ => Value::Missing,
    }
}

fn answer_value(case: &Case, name: &str) -> Value {
    match name {
        "role" => return case.role.map_or(Value::Missing, |r| Value::Text(r.as_str().into())),
        "jurisdiction" => return Value::Text(case.jurisdiction.clone()),
        _ => {}
    }
    match case.answers.get(name) {
        None => Value::Missing,
        Some(Answer::Choice(s) | Answer::Last4(s)) => Value::Text(s.clone()),
        Some(Answer::Text(s)) => Value::Text(s.to_string()),
        Some(Answer::Amount { amount, .. }) => Value::Number(*amount),
        Some(Answer::Bool(b)) => Value::Bool(*b),
        Some(Answer::Date(d)) => Value::Date(*d),
        Some(Answer::DateTime(dt)) => Value::Date(dt.date()),
    }
}

fn setting_value(settings: &BTreeMap<String, Setting>, name: &str) -> Value {
    match settings.get(name) {
        Some(Setting::Number(n) | Setting::Money(n)) => Value::Number(*n),
        Some(Setting::Text(s)) => Value::Text(s.clone()),
        Some(Setting::Bool(b)) => Value::Bool(*b),
        Some(Setting::Localized(_)) | None => Value::Missing,
    }
}

impl Condition {
    /// Whether the condition holds for `case` in `env`.
    pub fn eval(&self, case: &Case, env: &Env) -> bool {
        match self {
            Condition::IsSet(name) => answer_value(case, name) != Value::Missing,
            Condition::And(cs) => cs.iter().all(|c| c.eval(case, env)),
            Condition::Or(cs) => cs.iter().any(|c| c.eval(case, env)),
            Condition::Compare(a, op, b) => {
                let get = |o: &Operand| match o {
                    Operand::Answer(n) => answer_value(case, n),
                    Operand::CurrencyOf(n) => currency_of(case, n),
                    Operand::Currency => Value::Text(env.currency.to_string()),
                    Operand::Today => Value::Date(env.today),
                    Operand::Setting(n) => setting_value(env.settings, n),
                    Operand::Text(s) => Value::Text(s.clone()),
                    Operand::Number(n) => Value::Number(*n),
                    Operand::Bool(b) => Value::Bool(*b),
                };
                let (a, b) = (get(a), get(b));
                let ord = match (&a, &b) {
                    (Value::Number(x), Value::Number(y)) => x.partial_cmp(y),
                    (Value::Text(x), Value::Text(y)) => x.partial_cmp(y),
                    (Value::Bool(x), Value::Bool(y)) => x.partial_cmp(y),
                    (Value::Date(x), Value::Date(y)) => x.partial_cmp(y),
                    // A missing answer satisfies only `!=`: "not known" never passes a threshold.
                    _ => return *op == Op::Ne,
                };
                let Some(ord) = ord else { return false };
                match op {
                    Op::Eq => ord.is_eq(),
                    Op::Ne => ord.is_ne(),
                    Op::Lt => ord.is_lt(),
                    Op::Le => ord.is_le(),
                    Op::Gt => ord.is_gt(),
                    Op::Ge => ord.is_ge(),
                }
            }
        }
    }

    /// Settings named anywhere in the condition, for the per-jurisdiction check.
    pub fn settings(&self, out: &mut Vec<String>) {
        match self {
            Condition::IsSet(_) => {}
            Condition::And(cs) | Condition::Or(cs) => cs.iter().for_each(|c| c.settings(out)),
            Condition::Compare(a, _, b) => {
                for o in [a, b] {
                    if let Operand::Setting(n) = o {
                        out.push(n.clone());
                    }
                }
            }
        }
    }

    /// Answers named anywhere in the condition.
    pub fn answers(&self, out: &mut Vec<String>) {
        match self {
            Condition::IsSet(n) => out.push(n.clone()),
            Condition::And(cs) | Condition::Or(cs) => cs.iter().for_each(|c| c.answers(out)),
            Condition::Compare(a, _, b) => {
                for o in [a, b] {
                    if let Operand::Answer(n) | Operand::CurrencyOf(n) = o {
                        out.push(n.clone());
                    }
                }
            }
        }
    }

    /// For a condition that is exactly `jurisdiction == 'x'` or `!= 'x'`: whether it holds for `j`.
    /// `None` when the condition depends on anything else (then a static walk follows both ways).
    pub fn static_jurisdiction(&self, j: &str) -> Option<bool> {
        match self {
            Condition::Compare(Operand::Answer(n), op @ (Op::Eq | Op::Ne), Operand::Text(v))
            | Condition::Compare(Operand::Text(v), op @ (Op::Eq | Op::Ne), Operand::Answer(n))
                if n == "jurisdiction" =>
            {
                Some((v == j) == (*op == Op::Eq))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_or_precedence() {
        let c: Condition = "a == 'x' or b > 3 and set c".parse().unwrap();
        match c {
            Condition::Or(parts) => {
                assert_eq!(parts.len(), 2);
                assert!(matches!(parts[1], Condition::And(_)));
            }
            other => panic!("expected or, got {other:?}"),
        }
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        let e = "amount >>= 3".parse::<Condition>().unwrap_err();
        assert!(e.contains(">>="), "{e}");
        assert!("".parse::<Condition>().is_err());
        assert!("a == 'open".parse::<Condition>().is_err());
    }
}
