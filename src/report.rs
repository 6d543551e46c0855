//! Views of a case for operators and support staff: the technical listing (`swipefix cases show`) and the
//! localized hand-off summary. Only the last 4 card digits exist on a case, so nothing here can print more.

use crate::catalog::Catalog;
use crate::engine::flow::{Flow, NodeKind, Setting};
use crate::engine::step::{Arg, answer_arg};
use crate::engine::{Answer, Case};
use std::fmt::Write;

pub fn case_text(c: &Case) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "case         {}", c.id);
    let _ = writeln!(s, "owner        {}", c.owner);
    let _ = writeln!(
        s,
        "status       {}{}",
        c.status.as_str(),
        c.outcome.as_ref().map_or(String::new(), |o| format!(" (outcome: {o})"))
    );
    let _ = writeln!(s, "role         {}", c.role.map_or("-", |r| r.as_str()));
    let _ = writeln!(s, "language     {}", c.locale);
    let _ = writeln!(s, "jurisdiction {}", c.jurisdiction);
    let _ = writeln!(s, "at node      {}", c.node);
    if let Some(r) = &c.referrer {
        let _ = writeln!(s, "referrer     {r}");
    }
    let _ = writeln!(s, "created      {}", c.created.to_rfc3339());
    let _ = writeln!(s, "updated      {} (version {})", c.updated.to_rfc3339(), c.version);
    if !c.answers.is_empty() {
        let _ = writeln!(s, "answers");
        for (k, v) in &c.answers {
            let _ = writeln!(s, "  {k:<18} {}", v.plain());
        }
    }
    if !c.steps.is_empty() {
        let _ = writeln!(s, "steps done");
        for st in &c.steps {
            let _ = writeln!(s, "  {:<18} {}", st.step, st.at.to_rfc3339());
        }
    }
    if !c.handoffs.is_empty() {
        let _ = writeln!(s, "hand-offs");
        for h in &c.handoffs {
            let _ = writeln!(s, "  {:<18} at {} ({})", h.reason, h.node, h.at.to_rfc3339());
        }
    }
    s
}

/// The message key labelling a choice answer: the label of the option with that id at a node that saves
/// the answer (e.g. `error_type = double` -> `btn-double`).
fn choice_label(flow: &Flow, answer: &str, value: &str) -> Option<String> {
    flow.nodes.values().filter(|n| n.save.as_deref() == Some(answer)).find_map(|n| match &n.kind {
        NodeKind::Choice { options } => options.iter().find(|o| o.id == value).map(|o| o.label.clone()),
        _ => None,
    })
}

/// What the case is about (the label of the cardholder's or merchant's problem), `Missing` before it.
fn problem_arg(flow: &Flow, c: &Case) -> Arg {
    crate::stats::problem_choice(c).map_or(Arg::Missing, |(name, v)| {
        choice_label(flow, name, v).map_or_else(|| Arg::Text(v.to_string()), Arg::Key)
    })
}

/// The problem of a case in `locale`, for lists (the console's inbox).
pub fn problem_text(catalog: &Catalog, c: &Case, locale: &str) -> String {
    catalog.i18n.format_arg(locale, &problem_arg(&catalog.flow, c))
}

/// An answer of a case in `locale` (an amount with its currency, a date), `None` when not given.
pub fn answer_text(catalog: &Catalog, c: &Case, name: &str, locale: &str) -> Option<String> {
    c.answers.get(name).map(|a| catalog.i18n.format_arg(locale, &answer_arg(a)))
}

/// The hand-off summary staff read, in `locale`: who, what, how much, when, which card (last 4 only), the
/// steps done, the evidence, risk flags and the recommended next action. `reason` is the latest hand-off's.
pub fn handoff_summary(catalog: &Catalog, c: &Case, locale: &str) -> String {
    let flow = &catalog.flow;
    let i18n = &catalog.i18n;
    let j = flow.jurisdiction(&c.jurisdiction);
    let answer = |name: &str| c.answers.get(name).map_or(Arg::Missing, answer_arg);
    let reason = c.handoffs.last().map_or("asked_for_human", |h| h.reason.as_str());
    let problem = problem_arg(flow, c);
    let merchant = match (c.answers.get("merchant_name"), &c.referrer) {
        (Some(a), _) => answer_arg(a),
        (None, Some(r)) => Arg::Text(format!("ref:{r}")),
        (None, None) => Arg::Missing,
    };
    let mut flags = Vec::new();
    let is = |name: &str, v: &str| matches!(c.answers.get(name), Some(Answer::Choice(x)) if x == v);
    let yes = |name: &str| matches!(c.answers.get(name), Some(Answer::Bool(true)));
    if is("error_type", "unrecognised") || yes("fraud") || c.handoffs.iter().any(|h| h.reason == "police_route") {
        flags.push(Arg::Key("staff-flag-fraud".into()));
    }
    if yes("scam_call") {
        flags.push(Arg::Key("staff-flag-scam".into()));
    }
    let large = match (c.answers.get("amount"), j.settings.get("police_threshold")) {
        (Some(Answer::Amount { amount, .. }), Some(Setting::Money(limit))) => amount >= limit,
        _ => false,
    };
    if large {
        flags.push(Arg::Key("staff-flag-large".into()));
    }
    let flags = if flags.is_empty() {
        Arg::Key("staff-flags-none".into())
    } else {
        Arg::Text(flags.iter().map(|f| i18n.format_arg(locale, f)).collect::<Vec<_>>().join(", "))
    };
    let steps = Arg::List(
        c.steps
            .iter()
            .map(|s| Arg::Line(vec![Arg::Key(format!("step-{}", s.step)), Arg::DateTime(j.local(c, s.at))]))
            .collect(),
    );
    let steps = if c.steps.is_empty() { Arg::Missing } else { steps };
    let deadlines = deadline_list(flow, c);
    let evidence = i18n.render(locale, "staff-evidence", &[("count".into(), Arg::Number(c.evidence.len().into()))]);
    let args: Vec<(String, Arg)> = vec![
        ("case_id".into(), Arg::Text(c.id.clone())),
        ("reason".into(), Arg::Key(format!("staff-reason-{reason}"))),
        ("language".into(), Arg::Text(c.locale.clone())),
        ("role".into(), c.role.map_or(Arg::Missing, |r| Arg::Key(format!("staff-role-{}", r.as_str())))),
        ("jurisdiction".into(), Arg::Text(c.jurisdiction.clone())),
        ("error_type".into(), problem),
        ("amount".into(), answer("amount")),
        ("txn_time".into(), answer("txn_time")),
        ("merchant".into(), merchant),
        ("card_last4".into(), answer("card_last4")),
        ("flags".into(), flags),
        ("steps".into(), steps),
        ("evidence".into(), Arg::Text(evidence)),
        ("next".into(), Arg::Key(format!("staff-next-{reason}"))),
        ("deadlines".into(), deadlines),
    ];
    i18n.render(locale, "staff-summary", &args)
}

/// A CSV cell a spreadsheet will not run as a formula: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` (OWASP's rule for CSV injection). A shop's name or a referral code
/// comes from outside, and reports are opened in spreadsheets.
pub fn csv_cell(value: String) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value }
}

/// Cases as CSV for reporting: one row per case, the facts staff and reports need (no free text but the
/// merchant's name; card data is only ever the last 4 digits). Every cell goes through `csv_cell`.
pub fn write_csv(cases: &[Case], out: &mut dyn std::io::Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "case_id",
        "owner",
        "status",
        "outcome",
        "role",
        "locale",
        "jurisdiction",
        "error_type",
        "amount",
        "currency",
        "txn_time",
        "merchant",
        "card_last4",
        "referrer",
        "handoffs",
        "evidence",
        "created",
        "updated",
    ])?;
    for c in cases {
        let text = |name: &str| c.answers.get(name).map(Answer::plain).unwrap_or_default();
        let (amount, currency) = match c.answers.get("amount") {
            Some(Answer::Amount { amount, currency }) => (amount.to_string(), currency.clone()),
            _ => (String::new(), String::new()),
        };
        let error =
            c.answers.get("error_type").or_else(|| c.answers.get("m_error")).map(Answer::plain).unwrap_or_default();
        w.write_record(
            [
                c.id.clone(),
                c.owner.clone(),
                c.status.as_str().to_string(),
                c.outcome.clone().unwrap_or_default(),
                c.role.map(|r| r.as_str().to_string()).unwrap_or_default(),
                c.locale.clone(),
                c.jurisdiction.clone(),
                error,
                amount,
                currency,
                text("txn_time"),
                text("merchant_name"),
                match c.answers.get("card_last4") {
                    Some(Answer::Last4(l)) => l.clone(),
                    _ => String::new(),
                },
                c.referrer.as_ref().map(ToString::to_string).unwrap_or_default(),
                c.handoffs.len().to_string(),
                c.evidence.len().to_string(),
                c.created.to_rfc3339(),
                c.updated.to_rfc3339(),
            ]
            .map(csv_cell),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// The case's time limits, each open or passed as of its last change: the summary describes the case as it
/// was handed over.
fn deadline_list(flow: &Flow, c: &Case) -> Arg {
    let due = crate::engine::deadline::deadlines(flow, c, c.updated);
    let today = flow.jurisdiction(&c.jurisdiction).local(c, c.updated).date();
    if due.is_empty() {
        return Arg::Missing;
    }
    Arg::List(due.iter().map(|d| crate::engine::step::due_line(d, today)).collect())
}

/// The written application (书面申请) of a case in `locale`, dated `today`, ready to print and sign. A fact
/// the case lacks (the person's name, say) is a blank line to fill in by hand. Card data is the last 4
/// digits only: a case holds nothing more.
pub fn letter(catalog: &Catalog, c: &Case, locale: &str, today: chrono::NaiveDate) -> String {
    let wrong_amount = matches!(c.answers.get("error_type"), Some(Answer::Choice(e)) if e == "wrong_amount");
    let key = if wrong_amount { "application-letter-wrong-amount" } else { "application-letter" };
    let args: Vec<(String, Arg)> = crate::i18n::LETTER_ARGS
        .iter()
        .map(|&name| {
            let arg = match name {
                "case_id" => Arg::Text(c.id.clone()),
                "today" => Arg::Date(today),
                "difference" => difference(c),
                "card_charge" => card_charge(catalog, c, locale),
                answer => c.answers.get(answer).map_or(Arg::Key("letter-blank".into()), answer_arg),
            };
            (name.to_string(), arg)
        })
        .collect();
    catalog.i18n.render(locale, key, &args).trim().to_string() + "\n"
}

/// For a foreign-currency payment, what the card was charged, in the letter's words; else nothing.
fn card_charge(catalog: &Catalog, c: &Case, locale: &str) -> Arg {
    match c.answers.get("card_amount") {
        Some(a) => {
            Arg::Text(catalog.i18n.render(locale, "letter-card-charge", &[("card_amount".into(), answer_arg(a))]))
        }
        None => Arg::Text(String::new()),
    }
}

/// How much too much was charged, when both amounts are in one currency; else a blank to fill in.
fn difference(c: &Case) -> Arg {
    match (c.answers.get("amount"), c.answers.get("expected_amount")) {
        (
            Some(Answer::Amount { amount, currency }),
            Some(Answer::Amount { amount: expected, currency: expected_currency }),
        ) if currency == expected_currency && amount > expected => {
            Arg::Amount { amount: amount - expected, currency: currency.clone() }
        }
        _ => Arg::Key("letter-blank".into()),
    }
}

/// The file a letter is kept in: `SF-261125-0001-application-en-US.txt`.
pub fn letter_file_name(case_id: &str, locale: &str) -> String {
    format!("{case_id}-application-{locale}.txt")
}
