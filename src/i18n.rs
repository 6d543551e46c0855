//! Every text the person sees: Fluent bundles per locale, language negotiation, and formatting of money,
//! dates and numbers (done here in Rust: Fluent's NUMBER() is not locale-aware). Parses text it is given;
//! reading the `.ftl` files is `catalog`'s job. No bidi isolation marks in output.

use crate::engine::flow::Problem;
use crate::engine::step::Arg;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::{BTreeMap, BTreeSet};
use unic_langid::LanguageIdentifier;

/// The locale every other falls back to.
pub const DEFAULT_LOCALE: &str = "en-US";

/// Keys the Rust code itself uses, with the placeholders it passes. `catalog` checks each exists in every
/// locale and uses no other placeholder.
pub const UI_KEYS: &[(&str, &[&str])] = &[
    ("ui-help-intro", &[]),
    ("ui-help-outro", &[]),
    ("ui-too-long", &["max"]),
    ("ui-card-kept-last4", &["last4"]),
    ("ui-card-removed", &["last4"]),
    ("ui-card-split-kept-last4", &["last4"]),
    ("ui-card-split-removed", &[]),
    ("ui-secret-refused", &[]),
    ("ui-choose-button", &[]),
    ("ui-date-which", &["dates"]),
    ("ui-busy", &["seconds"]),
    ("ui-understood", &["problem"]),
    ("ui-understood-confirm", &[]),
    ("ui-understood-which", &[]),
    ("ui-understood-pick", &[]),
    ("ui-understood-facts", &["facts"]),
    ("ui-understood-thanks", &[]),
    ("ui-understood-declined", &[]),
    ("btn-understood-yes", &[]),
    ("btn-understood-no", &[]),
    ("value-unknown", &[]),
    ("btn-dont-know", &[]),
    ("ui-bad-amount", &["example"]),
    ("ui-bad-amount-positive", &["example"]),
    ("ui-bad-amount-large", &["example"]),
    ("ui-bad-amount-decimals", &["example"]),
    ("ui-bad-date", &[]),
    ("ui-bad-date-future", &[]),
    ("ui-bad-date-old", &[]),
    ("ui-bad-yesno", &[]),
    ("ui-bad-last4", &[]),
    ("ui-bad-text-empty", &[]),
    ("ui-bad-text-long", &[]),
    ("ui-bad-text-number", &[]),
    ("ui-stale-button", &[]),
    ("ui-stuck-handoff", &[]),
    ("ui-nothing-back", &[]),
    ("ui-unknown-command", &[]),
    ("ui-case-closed", &["case_id", "outcome"]),
    ("ui-flow-changed", &[]),
    ("ui-status", &["case_id", "status", "step"]),
    ("ui-status-facts", &["amount", "txn_time", "card_last4", "merchant_name"]),
    ("ui-status-steps", &["steps"]),
    ("ui-status-no-steps", &[]),
    ("ui-status-deadlines", &["deadlines"]),
    ("ui-welcome-back", &["case_id"]),
    ("ui-new-case", &["case_id"]),
    ("ui-lang-changed", &[]),
    ("ui-lang-unknown", &["tag", "available"]),
    ("ui-lang-name", &[]),
    ("ui-forget-confirm", &["count"]),
    ("ui-forgotten", &["count"]),
    ("ui-saved-bye", &["case_id"]),
    ("ui-save-failed", &[]),
    ("ui-no-case", &[]),
    ("ui-file-received", &["count"]),
    ("ui-file-not-here", &[]),
    ("ui-unsupported-message", &[]),
    ("ui-flood", &[]),
    ("ui-lang-choose", &[]),
    ("ui-you-chose", &["choice"]),
    ("ui-duplicate-ignored", &[]),
    ("ui-evidence-full", &["max"]),
    ("ui-handoff-again-later", &["hours"]),
    ("step-evidence_received", &[]),
    ("staff-summary", STAFF_SUMMARY_ARGS),
    ("staff-reason-stuck", &[]),
    ("staff-next-stuck", &[]),
    ("staff-role-cardholder", &[]),
    ("staff-role-merchant", &[]),
    ("staff-flag-fraud", &[]),
    ("staff-flag-scam", &[]),
    ("staff-flag-large", &[]),
    ("staff-flags-none", &[]),
    ("staff-evidence", &["count"]),
    ("staff-unknown-case", &["case_id"]),
    ("staff-help-intro", &[]),
    ("staff-queue-empty", &[]),
    ("staff-queue-title", &["count"]),
    ("staff-unassigned", &[]),
    ("staff-notes-title", &[]),
    ("staff-transcript-title", &[]),
    ("staff-taken", &["case_id", "staff"]),
    ("staff-replied", &["case_id"]),
    ("staff-noted", &["case_id"]),
    ("staff-closed", &["case_id", "outcome"]),
    ("staff-not-allowed", &[]),
    ("staff-relay", &["case_id", "staff", "text"]),
    ("ui-staff-taken", &[]),
    ("ui-staff-reply", &["text"]),
    ("ui-staff-closed", &["case_id", "outcome"]),
    ("ui-relayed", &[]),
    ("outcome-staff_resolved", &[]),
    ("outcome-staff_refunded", &[]),
    ("outcome-staff_rejected", &[]),
    ("outcome-staff_police", &[]),
    ("outcome-staff_other", &[]),
    ("ui-reminder", &[]),
    ("ui-remind-off", &[]),
    ("ui-remind-usage", &[]),
    ("ui-cases", &["count", "list"]),
    ("ui-cases-hint", &[]),
    ("ui-cases-none", &[]),
    ("ui-cases-current", &[]),
    ("ui-cases-switched", &["case_id"]),
    ("ui-cases-unknown", &["case_id"]),
    ("ui-snoozed", &["date"]),
    ("ui-resent", &[]),
    ("btn-snooze", &[]),
    ("ui-letter-caption", &["case_id", "language"]),
    ("ui-letter-bank-copy", &["language"]),
    ("ui-file-saved", &["path"]),
    ("letter-blank", &[]),
    ("application-letter", LETTER_ARGS),
    ("application-letter-wrong-amount", LETTER_ARGS),
    ("letter-card-charge", &["card_amount"]),
    ("ui-merchant-usage", &[]),
    ("ui-merchant-registered", &["shop", "link", "terminals"]),
    ("ui-merchant-case-opened", &["case_id", "link"]),
    ("ui-merchant-cases", &["shop", "count", "list"]),
    ("ui-referred-by", &["shop"]),
    ("ui-joined-case", &["case_id", "shop"]),
    ("ui-referred-unvetted", &[]),
    ("ui-joined-case-unvetted", &["case_id"]),
    ("ui-merchant-review-pending", &[]),
    ("ui-merchant-review-approved", &[]),
    ("ui-merchant-review-rejected", &["reason"]),
    ("ui-merchant-approved", &["shop"]),
    ("ui-merchant-rejected", &["shop", "reason"]),
    ("ui-merchant-name-lines", NAME_RULE_ARGS),
    ("ui-merchant-name-length", NAME_RULE_ARGS),
    ("ui-merchant-name-email", NAME_RULE_ARGS),
    ("ui-merchant-name-link", NAME_RULE_ARGS),
    ("ui-merchant-name-handle", NAME_RULE_ARGS),
    ("ui-merchant-name-number", NAME_RULE_ARGS),
    ("ui-merchant-name-chars", NAME_RULE_ARGS),
    ("ui-merchant-name-no-letters", NAME_RULE_ARGS),
    ("ui-merchant-name-scripts", NAME_RULE_ARGS),
    ("ui-merchant-name-word", NAME_RULE_ARGS),
    ("merchant-name-blocklist", &[]),
    ("staff-merchant-review", &["shop", "code", "owner", "terminals"]),
    ("staff-merchant-same-name", &["list"]),
    ("staff-merchant-breaks-rules", &["rule"]),
    ("staff-review-pending", &[]),
    ("staff-review-approved", &[]),
    ("staff-review-rejected", &[]),
    ("staff-shops-empty", &[]),
    ("staff-shops-title", &["count"]),
    ("staff-shops-line", &["shop", "code", "owner", "since"]),
    ("staff-merchant-other", &["code", "shop", "state"]),
    ("staff-merchant-unknown", &["code"]),
    ("staff-merchant-already-approved", &["code", "shop"]),
    ("staff-merchant-cannot-approve", &["code", "rule"]),
    ("staff-merchant-same-name-approve", &["code", "shop", "list"]),
    ("staff-merchant-approved", &["code", "shop"]),
    ("staff-merchant-rejected", &["code", "shop", "reason"]),
    ("staff-assigned", &["case_id", "staff"]),
    ("staff-console-sent", &[]),
    ("staff-console-link", &["link", "minutes"]),
    ("staff-console-off", &[]),
    ("staff-console-unsent", &[]),
    ("btn-yes", &[]),
    ("btn-no", &[]),
    ("status-open", &[]),
    ("status-waiting", &[]),
    ("status-escalated", &[]),
    ("status-handed_off", &[]),
    ("status-resolved", &[]),
    ("status-closed", &[]),
    ("outcome-open", &[]),
    ("value-missing", &[]),
    ("money", &["currency", "number"]),
    ("date", &["year", "month", "day"]),
    ("time", &["hour", "hour12", "minute", "pm"]),
    ("datetime", &["date", "time"]),
];

/// Keys the staff console uses (`channel::console`), with the placeholders it passes; checked like `UI_KEYS`.
pub const CONSOLE_KEYS: &[(&str, &[&str])] = &[
    ("console-action-assign", &[]),
    ("console-action-close", &[]),
    ("console-action-note", &[]),
    ("console-action-reply", &[]),
    ("console-action-take", &[]),
    ("console-action-view", &[]),
    ("console-actions", &[]),
    ("console-age-days", &["n"]),
    ("console-age-hours", &["n"]),
    ("console-age-minutes", &["n"]),
    ("console-analytics-title", &[]),
    ("console-assign", &[]),
    ("console-assign-button", &[]),
    ("console-audit-action", &[]),
    ("console-audit-by", &[]),
    ("console-audit-case", &[]),
    ("console-audit-count", &["count"]),
    ("console-audit-csv", &[]),
    ("console-audit-detail", &[]),
    ("console-audit-title", &[]),
    ("console-audit-when", &[]),
    ("console-case-title", &["case_id"]),
    ("console-close", &[]),
    ("console-close-outcome", &[]),
    ("console-col-amount", &[]),
    ("console-col-case", &[]),
    ("console-col-jurisdiction", &[]),
    ("console-col-problem", &[]),
    ("console-col-reason", &[]),
    ("console-col-taken", &[]),
    ("console-col-waiting", &[]),
    ("console-csrf-failed", &[]),
    ("console-done-assign", &[]),
    ("console-done-close", &[]),
    ("console-done-note", &[]),
    ("console-done-reply", &[]),
    ("console-done-take", &[]),
    ("console-ended", &[]),
    ("console-error-delivery", &[]),
    ("console-error-empty", &[]),
    ("console-error-failed", &[]),
    ("console-error-notstaff", &[]),
    ("console-error-stale", &[]),
    ("console-evidence", &[]),
    ("console-evidence-file", &[]),
    ("console-evidence-photo", &[]),
    ("console-evidence-unavailable", &[]),
    ("console-failed", &[]),
    ("console-failed-title", &[]),
    ("console-fig-cases", &[]),
    ("console-fig-close", &[]),
    ("console-fig-first-answer", &[]),
    ("console-fig-handoff-rate", &[]),
    ("console-filter-any", &[]),
    ("console-filter-apply", &[]),
    ("console-filter-older", &[]),
    ("console-filter-status", &[]),
    ("console-forbidden", &[]),
    ("console-funnel", &[]),
    ("console-handoff-reasons", &[]),
    ("console-inbox-count", &["count"]),
    ("console-inbox-empty", &[]),
    ("console-inbox-title", &[]),
    ("console-language", &[]),
    ("console-language-set", &[]),
    ("console-live-updated", &[]),
    ("console-live-lost", &[]),
    ("console-minutes", &["n"]),
    ("console-nav-analytics", &[]),
    ("console-nav-audit", &[]),
    ("console-nav-inbox", &[]),
    ("console-nav-label", &[]),
    ("console-no-case", &["case_id"]),
    ("console-no-case-title", &[]),
    ("console-node", &[]),
    ("console-node-counts", &["reached", "stopped", "went_on"]),
    ("console-none", &[]),
    ("console-note", &[]),
    ("console-note-add", &[]),
    ("console-note-internal", &[]),
    ("console-note-reply", &[]),
    ("console-notes", &[]),
    ("console-opened", &[]),
    ("console-outcome-abandoned", &[]),
    ("console-outcome-open", &[]),
    ("console-outcome-other", &[]),
    ("console-outcome-police", &[]),
    ("console-outcome-refunded", &[]),
    ("console-outcome-rejected", &[]),
    ("console-outcome-resolved", &[]),
    ("console-outcomes", &[]),
    ("console-reached", &[]),
    ("console-reply", &[]),
    ("console-reply-hint", &[]),
    ("console-reply-send", &[]),
    ("console-search", &[]),
    ("console-search-hint", &[]),
    ("console-signed-out", &[]),
    ("console-signin-button", &[]),
    ("console-signin-confirm", &[]),
    ("console-signin-expired", &[]),
    ("console-signin-how", &[]),
    ("console-signin-invalid", &[]),
    ("console-signin-needed", &[]),
    ("console-signin-revoked", &[]),
    ("console-signin-spent", &[]),
    ("console-signin-title", &[]),
    ("console-signout", &[]),
    ("console-since", &[]),
    ("console-skip", &[]),
    ("console-stale-days", &[]),
    ("console-state", &[]),
    ("console-status-all", &[]),
    ("console-status-closed", &[]),
    ("console-status-open", &[]),
    ("console-stopped", &[]),
    ("console-summary", &[]),
    ("console-take", &[]),
    ("console-take-over", &[]),
    ("console-taken-me", &[]),
    ("console-timeline", &[]),
    ("console-to-staff", &[]),
    ("console-tree", &[]),
    ("console-went-on", &[]),
];

/// What a written application may show: the case's answers by name, its id, the date it is written and the
/// difference of a wrong amount. The texts are checked against this list (`UI_KEYS`).
pub const LETTER_ARGS: &[&str] = &[
    "error_type",
    "card_last4",
    "txn_time",
    "amount",
    "expected_amount",
    "merchant_name",
    "holder_name",
    "case_id",
    "today",
    "difference",
    "card_charge",
];

/// What every refusal of a shop's name gets (`merchant::name::NameProblem::args`); each text uses what it
/// needs.
pub const NAME_RULE_ARGS: &[&str] = &["min", "max", "digits", "allowed", "word"];

/// What the hand-off summary gets (`report::handoff_summary`).
pub const STAFF_SUMMARY_ARGS: &[&str] = &[
    "case_id",
    "reason",
    "language",
    "role",
    "jurisdiction",
    "error_type",
    "amount",
    "txn_time",
    "merchant",
    "card_last4",
    "flags",
    "steps",
    "evidence",
    "next",
    "deadlines",
];

/// Keys that are formatting patterns: each language uses the parts of the value it needs.
pub const FORMAT_KEYS: &[&str] = &["money", "date", "time", "datetime"];

type Bundle = FluentBundle<FluentResource>;

/// Where a message is written and which placeholders it uses.
#[derive(Debug, Clone)]
pub struct MessageInfo {
    pub file: String,
    pub line: usize,
    pub placeholders: BTreeSet<String>,
}

pub struct Localizer {
    bundles: BTreeMap<String, Bundle>,
    available: Vec<LanguageIdentifier>,
    /// locale -> key -> info, for checks.
    pub messages: BTreeMap<String, BTreeMap<String, MessageInfo>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").field("locales", &self.bundles.keys().collect::<Vec<_>>()).finish()
    }
}

fn placeholders_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            placeholders_in_expr(expression, out);
        }
    }
}

fn placeholders_in_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            placeholders_in_inline(selector, out);
            for v in variants {
                placeholders_in_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => placeholders_in_inline(i, out),
    }
}

fn placeholders_in_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                placeholders_in_inline(a, out);
            }
            for a in &arguments.named {
                placeholders_in_inline(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => placeholders_in_expr(expression, out),
        _ => {}
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Where a locale's missing texts come from before the default: Hong Kong writes Traditional Chinese, so a
/// text not (yet) written for zh-HK — a localized setting of a jurisdiction, say — is read in zh-TW's.
const FALLBACK_PARENTS: &[(&str, &str)] = &[("zh-HK", "zh-TW")];

/// The locales a text for `locale` is looked for in, nearest first: itself, its parents, then the default.
pub fn fallbacks(locale: &str) -> Vec<&str> {
    let mut chain = vec![locale];
    while let Some(&(_, parent)) = FALLBACK_PARENTS.iter().find(|(l, _)| Some(l) == chain.last())
        && !chain.contains(&parent)
    {
        chain.push(parent);
    }
    if !chain.contains(&DEFAULT_LOCALE) {
        chain.push(DEFAULT_LOCALE);
    }
    chain
}

/// The canonical form of a language tag, mapping Chinese onto the three written forms we ship: Hong Kong
/// and Macao → zh-HK, other Traditional Chinese → zh-TW, the rest → zh-CN. An explicit script wins over the
/// region (`zh-Hans-HK` is Simplified). Cantonese (`yue`) reads the Hong Kong form unless it asks for
/// Simplified.
fn canonical_request(tag: &str) -> String {
    let t = tag.trim().replace('_', "-");
    let lower = t.to_ascii_lowercase();
    let mut subtags = lower.split('-');
    let language = subtags.next().unwrap_or_default();
    let rest: Vec<&str> = subtags.collect();
    let has = |any: &[&str]| rest.iter().any(|s| any.contains(s));
    let hong_kong = has(&["hk", "mo"]);
    match language {
        "zh" | "yue" if has(&["hans"]) => "zh-CN".into(),
        "zh" | "yue" if hong_kong => "zh-HK".into(),
        "zh" if has(&["hant", "tw"]) => "zh-TW".into(),
        "zh" if rest.is_empty() || has(&["cn", "sg", "my"]) => "zh-CN".into(),
        "yue" if has(&["cn"]) => "zh-CN".into(),
        "yue" => "zh-HK".into(),
        _ => t,
    }
}

impl Localizer {
    /// Builds the bundles from `(locale, file name, text)` triples. Every problem is reported at once.
    pub fn parse(files: &[(String, String, String)]) -> Result<Localizer, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut bundles: BTreeMap<String, Bundle> = BTreeMap::new();
        let mut messages: BTreeMap<String, BTreeMap<String, MessageInfo>> = BTreeMap::new();
        for (locale, file, text) in files {
            let langid: LanguageIdentifier = match locale.parse() {
                Ok(l) => l,
                Err(_) => {
                    problems.push(Problem {
                        file: file.clone(),
                        line: None,
                        message: format!("`{locale}` is not a language tag"),
                    });
                    continue;
                }
            };
            let res = match FluentResource::try_new(text.clone()) {
                Ok(r) => r,
                Err((r, errs)) => {
                    for e in errs {
                        problems.push(Problem {
                            file: file.clone(),
                            line: Some(line_of(text, e.slice.as_ref().map_or(e.pos.start, |s| s.start))),
                            message: format!("Fluent syntax: {}", e.kind),
                        });
                    }
                    r
                }
            };
            let infos = messages.entry(locale.clone()).or_default();
            for entry in res.entries() {
                if let ast::Entry::Message(m) = entry {
                    let mut ph = BTreeSet::new();
                    if let Some(v) = &m.value {
                        placeholders_in_pattern(v, &mut ph);
                    }
                    for a in &m.attributes {
                        placeholders_in_pattern(&a.value, &mut ph);
                    }
                    let key = m.id.name.to_string();
                    let pattern = format!("\n{key} =");
                    let line = format!("\n{text}").find(&pattern).map_or(1, |off| line_of(text, off));
                    if let Some(prev) = infos.get(&key) {
                        problems.push(Problem {
                            file: file.clone(),
                            line: Some(line),
                            message: format!("`{key}` is defined twice (also at {}:{})", prev.file, prev.line),
                        });
                        continue;
                    }
                    infos.insert(key, MessageInfo { file: file.clone(), line, placeholders: ph });
                }
            }
            let bundle = bundles.entry(locale.clone()).or_insert_with(|| {
                let mut b = Bundle::new_concurrent(vec![langid.clone()]);
                b.set_use_isolating(false);
                b
            });
            if let Err(errs) = bundle.add_resource(res) {
                for e in errs {
                    // Overrides are reported above with their lines; anything else goes here.
                    if !matches!(e, fluent_bundle::FluentError::Overriding { .. }) {
                        problems.push(Problem { file: file.clone(), line: None, message: e.to_string() });
                    }
                }
            }
        }
        if !bundles.contains_key(DEFAULT_LOCALE) {
            problems.push(Problem {
                file: "locales".into(),
                line: None,
                message: format!("the default locale {DEFAULT_LOCALE} is missing (locales/{DEFAULT_LOCALE}/*.ftl)"),
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let available = bundles.keys().filter_map(|k| k.parse().ok()).collect();
        Ok(Localizer { bundles, available, messages })
    }

    pub fn locales(&self) -> Vec<String> {
        self.bundles.keys().cloned().collect()
    }

    /// The best shipped locale for a requested tag: `zh-MO` -> zh-HK, `zh-Hant` -> zh-TW, `zh` -> zh-CN,
    /// unknown -> en-US.
    pub fn negotiate(&self, requested: &str) -> String {
        let req: Vec<LanguageIdentifier> = canonical_request(requested).parse().into_iter().collect();
        let default: LanguageIdentifier = DEFAULT_LOCALE.parse().expect("valid default locale");
        let got = negotiate_languages(&req, &self.available, Some(&default), NegotiationStrategy::Lookup);
        got.first().map_or_else(|| DEFAULT_LOCALE.to_string(), |l| l.to_string())
    }

    /// Whether `tag` names a shipped locale after negotiation without falling back to the default.
    pub fn supports(&self, requested: &str) -> bool {
        let got = self.negotiate(requested);
        got != DEFAULT_LOCALE || canonical_request(requested).to_ascii_lowercase().starts_with("en")
    }

    fn bundle(&self, locale: &str) -> &Bundle {
        self.bundles.get(locale).or_else(|| self.bundles.get(DEFAULT_LOCALE)).expect("default locale loaded")
    }

    pub fn has(&self, locale: &str, key: &str) -> bool {
        self.bundle(locale).has_message(key)
    }

    /// A message with its arguments, formatted for `locale`. A key missing everywhere comes back as the key
    /// itself (checked flows and UI keys never get there).
    pub fn render(&self, locale: &str, key: &str, args: &[(String, Arg)]) -> String {
        let values = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    // A plain count stays a number so plural selectors (`[one]`) match it.
                    Arg::Number(n) if n.fract().is_zero() && n.abs() < Decimal::from(10_000) => {
                        FluentValue::from(n.to_string().parse::<i64>().unwrap_or_default())
                    }
                    other => FluentValue::from(self.format_arg(locale, other)),
                };
                (k.as_str(), value)
            })
            .collect();
        self.raw_values(locale, key, values)
    }

    /// A message with plain string arguments.
    pub fn raw(&self, locale: &str, key: &str, args: &[(&str, &str)]) -> String {
        let values: Vec<(&str, FluentValue)> = args.iter().map(|(k, v)| (*k, FluentValue::from(*v))).collect();
        self.raw_values(locale, key, values)
    }

    /// A message with Fluent values (numbers where a select expression matches on them).
    fn raw_values(&self, locale: &str, key: &str, args: Vec<(&str, FluentValue)>) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(k, v);
        }
        for b in fallbacks(locale).into_iter().filter_map(|l| self.bundles.get(l)) {
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b.format_pattern(pattern, Some(&fa), &mut errors).into_owned();
            }
        }
        key.to_string()
    }

    /// The name of language `tag` in `locale` ("Chinese (Simplified)" in English).
    pub fn language_name(&self, locale: &str, tag: &str) -> String {
        self.raw(locale, &format!("language-{tag}"), &[])
    }

    pub fn format_arg(&self, locale: &str, a: &Arg) -> String {
        match a {
            Arg::Text(s) => s.clone(),
            Arg::Number(n) => group_digits(&n.normalize().to_string()),
            Arg::Amount { amount, currency } => self.format_money(locale, *amount, currency),
            Arg::Date(d) => self.format_date(locale, *d),
            Arg::DateTime(dt) => self.format_datetime(locale, *dt),
            // A jurisdiction's text in the nearest locale it is written in (zh-HK → zh-TW → en-US).
            Arg::Localized(m) => fallbacks(locale)
                .into_iter()
                .find_map(|l| m.get(l))
                .or_else(|| m.values().next())
                .cloned()
                .unwrap_or_default(),
            Arg::Key(k) => self.raw(locale, k, &[]),
            Arg::List(items) => {
                items.iter().map(|i| format!("• {}", self.format_arg(locale, i))).collect::<Vec<_>>().join("\n")
            }
            Arg::Line(items) => items.iter().map(|i| self.format_arg(locale, i)).collect::<Vec<_>>().join(" — "),
            Arg::Missing => self.raw(locale, "value-missing", &[]),
        }
    }

    /// `1,280.50` with the locale's currency pattern (from the `money` message).
    pub fn format_money(&self, locale: &str, amount: Decimal, currency: &str) -> String {
        let places = if matches!(currency, "JPY" | "KRW") { 0 } else { 2 };
        let rounded = amount.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
        let s = format!("{rounded:.prec$}", prec = places as usize);
        self.raw(locale, "money", &[("currency", currency), ("number", &group_digits(&s))])
    }

    pub fn format_date(&self, locale: &str, d: NaiveDate) -> String {
        // The month is a number so that `[11] Nov` variants match; year and day are plain text.
        self.raw_values(
            locale,
            "date",
            vec![
                ("year", FluentValue::from(d.year().to_string())),
                ("month", FluentValue::from(d.month())),
                ("day", FluentValue::from(d.day().to_string())),
            ],
        )
    }

    pub fn format_datetime(&self, locale: &str, dt: NaiveDateTime) -> String {
        let hour12 = match dt.hour() % 12 {
            0 => 12,
            h => h,
        };
        let time = self.raw(
            locale,
            "time",
            &[
                ("hour", &format!("{:02}", dt.hour())),
                ("hour12", &hour12.to_string()),
                ("minute", &format!("{:02}", dt.minute())),
                ("pm", if dt.hour() >= 12 { "yes" } else { "no" }),
            ],
        );
        let date = self.format_date(locale, dt.date());
        self.raw(locale, "datetime", &[("date", &date), ("time", &time)])
    }
}

/// `1280000.5` -> `1,280,000.5`.
fn group_digits(s: &str) -> String {
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits("1280.50"), "1,280.50");
        assert_eq!(group_digits("1280000"), "1,280,000");
        assert_eq!(group_digits("12"), "12");
        assert_eq!(group_digits("-1234"), "-1,234");
    }

    #[test]
    fn chinese_tags_go_to_the_written_form_of_their_place() {
        for (asked, got) in [
            ("zh-HK", "zh-HK"),
            ("zh_HK", "zh-HK"),
            ("zh-hk", "zh-HK"),
            ("zh-MO", "zh-HK"),
            ("zh-Hant-HK", "zh-HK"),
            ("zh-Hant-MO", "zh-HK"),
            ("zh_Hant_HK", "zh-HK"),
            ("yue", "zh-HK"),
            ("yue-Hant-HK", "zh-HK"),
            ("zh-Hans-HK", "zh-CN"),
            ("yue-Hans", "zh-CN"),
            ("zh-TW", "zh-TW"),
            ("zh-Hant", "zh-TW"),
            ("zh-hant", "zh-TW"),
            ("zh-Hant-TW", "zh-TW"),
            ("zh", "zh-CN"),
            ("zh-Hans", "zh-CN"),
            ("zh-SG", "zh-CN"),
            ("en-GB", "en-GB"),
            (" fr_FR ", "fr-FR"),
        ] {
            assert_eq!(canonical_request(asked), got, "{asked}");
        }
    }

    fn localizer() -> Localizer {
        let files: Vec<(String, String, String)> = [
            ("en-US", "hello = Hello\nonly-en = English only\n"),
            ("zh-CN", "hello = 你好\n"),
            ("zh-TW", "hello = 您好\nno-hk = 台灣\n"),
            ("zh-HK", "hello = 你好（香港）\n"),
        ]
        .iter()
        .map(|(l, t)| (l.to_string(), format!("locales/{l}/t.ftl"), t.to_string()))
        .collect();
        Localizer::parse(&files).expect("valid test texts")
    }

    #[test]
    fn a_text_missing_in_zh_hk_falls_back_to_zh_tw_then_to_en_us() {
        assert_eq!(fallbacks("zh-HK"), ["zh-HK", "zh-TW", "en-US"]);
        assert_eq!(fallbacks("zh-TW"), ["zh-TW", "en-US"]);
        assert_eq!(fallbacks("en-US"), ["en-US"]);
        let i = localizer();
        let setting = |pairs: &[(&str, &str)]| {
            Arg::Localized(pairs.iter().map(|(l, t)| (l.to_string(), t.to_string())).collect())
        };
        let all = setting(&[("en-US", "back of your card"), ("zh-TW", "卡片背面"), ("zh-HK", "卡背面")]);
        assert_eq!(i.format_arg("zh-HK", &all), "卡背面");
        let no_hk = setting(&[("en-US", "back of your card"), ("zh-CN", "卡背面（简）"), ("zh-TW", "卡片背面")]);
        assert_eq!(i.format_arg("zh-HK", &no_hk), "卡片背面", "zh-HK reads zh-TW's text before English");
        assert_eq!(i.format_arg("zh-CN", &setting(&[("en-US", "back"), ("zh-TW", "卡片背面")])), "back");
        assert_eq!(i.format_arg("zh-HK", &setting(&[("en-US", "back")])), "back");
        // Messages too (the catalog's check keeps shipped locales complete; this is the safety net).
        assert_eq!(i.raw("zh-HK", "hello", &[]), "你好（香港）");
        assert_eq!(i.raw("zh-HK", "no-hk", &[]), "台灣");
        assert_eq!(i.raw("zh-HK", "only-en", &[]), "English only");
        assert_eq!(i.raw("zh-CN", "no-hk", &[]), "no-hk", "zh-CN never reads zh-TW's texts");
    }
}
