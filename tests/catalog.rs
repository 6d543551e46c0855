//! Flows and texts against each other: the shipped tree is clean, and each kind of mistake is reported with
//! its file and line.

use super::common::catalog;
use swipefix::catalog::cross_check;
use swipefix::engine::Flow;
use swipefix::engine::flow::Problem;
use swipefix::engine::step::Arg;
use swipefix::i18n::{CONSOLE_KEYS, Localizer, UI_KEYS};

#[test]
fn every_key_the_shipped_flows_use_exists_in_every_locale() {
    let c = catalog();
    let locales = c.i18n.locales();
    assert_eq!(locales, ["en-US", "zh-CN", "zh-HK", "zh-TW"]);
    let uses = c.flow.message_uses();
    assert!(uses.len() > 50, "the tree uses {} keys", uses.len());
    for (key, _, loc) in &uses {
        for l in &locales {
            assert!(c.i18n.has(l, key), "{key} (used at {}:{}) missing in {l}", loc.file, loc.line);
        }
    }
    for (key, _) in UI_KEYS {
        for l in &locales {
            assert!(c.i18n.has(l, key), "UI key {key} missing in {l}");
        }
    }
    assert_eq!(cross_check(&c.flow, &c.i18n, &swipefix::session::commands::help_keys()), Vec::<Problem>::new());
}

#[test]
fn the_shipped_tree_has_both_jurisdictions_and_the_fixed_entry_points() {
    let c = catalog();
    assert!(c.flow.jurisdictions.contains_key("cn"));
    for j in ["cn", "hk", "mo", "tw", "sg", "uk", "eu", "us", "other"] {
        assert!(c.flow.jurisdictions.contains_key(j), "{j}");
    }
    assert_eq!(c.flow.start, "welcome");
    for id in ["welcome", "role", "error_type", "scam_warning", "talk_to_human", "m_error"] {
        assert!(c.flow.node(id).is_some(), "node {id}");
    }
    let ids: Vec<_> = c.flow.interrupts.iter().map(|i| i.id.as_str()).collect();
    assert!(ids.contains(&"scam") && ids.contains(&"human"), "{ids:?}");
}

#[test]
fn language_negotiation() {
    let i = &catalog().i18n;
    for (asked, got) in [
        ("zh-HK", "zh-HK"),
        ("zh_HK", "zh-HK"),
        ("zh-MO", "zh-HK"),
        ("zh-Hant-HK", "zh-HK"),
        ("zh-Hant-MO", "zh-HK"),
        ("zh-hant-hk", "zh-HK"),
        ("yue", "zh-HK"),
        ("zh-Hans-HK", "zh-CN"),
        ("zh-TW", "zh-TW"),
        ("zh-Hant", "zh-TW"),
        ("zh-hant", "zh-TW"),
        ("zh-Hant-TW", "zh-TW"),
        ("zh", "zh-CN"),
        ("zh-CN", "zh-CN"),
        ("zh-Hans-CN", "zh-CN"),
        ("zh_SG", "zh-CN"),
        ("en", "en-US"),
        ("en-GB", "en-US"),
        ("fr-FR", "en-US"),
        ("", "en-US"),
        ("!!not a tag!!", "en-US"),
    ] {
        assert_eq!(i.negotiate(asked), got, "{asked}");
    }
}

#[test]
fn money_and_dates_are_formatted_per_locale_without_bidi_marks() {
    let i = &catalog().i18n;
    let amount = Arg::Amount { amount: "1280.5".parse().unwrap(), currency: "CNY".into() };
    assert_eq!(i.format_arg("en-US", &amount), "CN¥1,280.50");
    assert_eq!(i.format_arg("zh-CN", &amount), "¥1,280.50");
    let usd = Arg::Amount { amount: "1234567".parse().unwrap(), currency: "USD".into() };
    assert_eq!(i.format_arg("en-US", &usd), "$1,234,567.00");
    let dt = Arg::DateTime(chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap().and_hms_opt(14, 7, 0).unwrap());
    assert_eq!(i.format_arg("en-US", &dt), "Nov 5, 2026, 2:07 PM");
    assert_eq!(i.format_arg("zh-CN", &dt), "2026年11月5日 14:07");
    let text = i.render("en-US", "ui-new-case", &[("case_id".into(), Arg::Text("SF-1".into()))]);
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "no isolation marks: {text:?}");
    // Fluent syntax inside a value is shown as written, never interpreted.
    let text = i.render("en-US", "ui-new-case", &[("case_id".into(), Arg::Text("{ $x }".into()))]);
    assert!(text.contains("{ $x }"), "{text}");
}

// ---- the checker on small broken trees --------------------------------------------------------------------

const JUR: &str = r#"
[jurisdiction]
id = "cn"
currency = "CNY"
zone = "Asia/Shanghai"
[settings]
days = 15
"#;

fn ftl(extra: &str) -> String {
    let mut s = String::new();
    for (k, args) in UI_KEYS.iter().chain(CONSOLE_KEYS) {
        let ph: Vec<String> = args.iter().map(|a| format!("{{ ${a} }}")).collect();
        s.push_str(&format!("{k} = x {}\n", ph.join(" ")));
    }
    for k in swipefix::session::commands::help_keys() {
        s.push_str(&format!("{k} = x\n"));
    }
    s.push_str("language-en-US = x\nlanguage-zh-CN = x\n");
    s + extra
}

fn check(flow: &str, en_extra: &str, zh_extra: &str) -> Vec<String> {
    let flow = match Flow::parse(
        &[("flows/t.toml".into(), flow.into())],
        &[("flows/jurisdictions/cn.toml".into(), JUR.into())],
    ) {
        Ok(f) => f,
        Err(ps) => return ps.iter().map(|p| p.to_string()).collect(),
    };
    let i18n = Localizer::parse(&[
        ("en-US".into(), "locales/en-US/t.ftl".into(), ftl(en_extra)),
        ("zh-CN".into(), "locales/zh-CN/t.ftl".into(), ftl(zh_extra)),
    ])
    .unwrap_or_else(|ps| panic!("{ps:?}"));
    cross_check(&flow, &i18n, &swipefix::session::commands::help_keys()).iter().map(|p| p.to_string()).collect()
}

const GOOD: &str = r#"[flow]
start = "a"

[[node]]
id = "a"
ask = "q"
options = [{ id = "x", label = "bx", to = "b" }]

[[node]]
id = "b"
say = [{ key = "done", args = ["days"] }]
final = "resolved"
"#;

const TEXTS: &str = "q = Q?\nbx = X\ndone = In { $days } days.\noutcome-resolved = ok\n";

#[test]
fn a_clean_small_tree_passes() {
    assert_eq!(check(GOOD, TEXTS, TEXTS), Vec::<String>::new());
}

#[test]
fn a_dangling_target_names_the_node_file_and_line() {
    let bad = GOOD.replace("to = \"b\"", "to = \"nowhere\"");
    let ps = check(&bad, TEXTS, TEXTS);
    assert!(
        ps.iter().any(|p| p.starts_with("flows/t.toml:7:") && p.contains("`a`") && p.contains("`nowhere`")),
        "{ps:#?}"
    );
    // b is now unreachable, and that is reported too: every problem at once.
    assert!(ps.iter().any(|p| p.contains("`b` is unreachable")), "{ps:#?}");
}

#[test]
fn a_node_with_no_way_on_is_reported() {
    let bad = GOOD.replace("final = \"resolved\"", "");
    let ps = check(&bad, TEXTS, TEXTS);
    assert!(ps.iter().any(|p| p.starts_with("flows/t.toml:10:") && p.contains("no way on")), "{ps:#?}");
}

#[test]
fn a_key_missing_in_one_locale_is_reported() {
    let ps = check(GOOD, TEXTS, &TEXTS.replace("bx = X\n", ""));
    assert!(ps.iter().any(|p| p.contains("`bx` is missing in zh-CN") && p.contains("flows/t.toml:7")), "{ps:#?}");
}

#[test]
fn a_placeholder_the_flow_does_not_pass_is_reported() {
    let texts = TEXTS.replace("done = In { $days } days.", "done = In { $days } days, { $amount }.");
    let ps = check(GOOD, &texts, &texts);
    assert!(
        ps.iter().any(|p| p.contains("locales/en-US/t.ftl:") && p.contains("`$amount`") && p.contains("not passed")),
        "{ps:#?}"
    );
}

#[test]
fn different_placeholders_across_locales_are_reported() {
    let zh = TEXTS.replace("done = In { $days } days.", "done = 完成。");
    let ps = check(GOOD, TEXTS, &zh);
    assert!(
        ps.iter().any(|p| p.contains("locales/zh-CN/t.ftl:") && p.contains("`done` uses {} but en-US uses {days}")),
        "{ps:#?}"
    );
}

#[test]
fn a_missing_jurisdiction_setting_names_the_jurisdiction_file() {
    let bad = GOOD.replace("args = [\"days\"]", "args = [\"days\", \"hotline\"]");
    let ps = check(&bad, TEXTS, TEXTS);
    assert!(ps.iter().any(|p| p.contains("`hotline`")), "{ps:#?}");
    // A second jurisdiction without `days`: the file that lacks it is named, with the node that needs it.
    let intl = JUR.replace("days = 15", "").replace("\"cn\"", "\"intl\"");
    let flow = Flow::parse(
        &[("flows/t.toml".into(), GOOD.into())],
        &[("flows/jurisdictions/cn.toml".into(), JUR.into()), ("flows/jurisdictions/intl.toml".into(), intl)],
    );
    let ps: Vec<String> = flow.unwrap_err().iter().map(|p| p.to_string()).collect();
    assert!(
        ps.iter().any(|p| p.starts_with("flows/jurisdictions/intl.toml")
            && p.contains("missing setting `days`")
            && p.contains("flows/t.toml:10")),
        "{ps:#?}"
    );
    // ... but not when only the other jurisdiction can reach the node.
    let only_cn = GOOD.replace("options = [{ id = \"x\", label = \"bx\", to = \"b\" }]", "save = \"jurisdiction\"\noptions = [{ id = \"cn\", label = \"bx\", to = \"b\" }, { id = \"intl\", label = \"bx\", to = \"c\" }]\n[[node]]\nid = \"c\"\nfinal = \"resolved\"");
    let intl = JUR.replace("days = 15", "").replace("\"cn\"", "\"intl\"");
    let flow = Flow::parse(
        &[("flows/t.toml".into(), only_cn)],
        &[("flows/jurisdictions/cn.toml".into(), JUR.into()), ("flows/jurisdictions/intl.toml".into(), intl)],
    );
    assert!(flow.is_ok(), "{:?}", flow.err());
}

/// `flows/` and `locales/` written to a temp dir from `flow`, `(id, text)` jurisdictions and one text file
/// for both locales, loaded as the bot loads them; the problems, with the temp dir's path taken out.
fn load_tree(flow: &str, jurisdictions: &[(&str, &str)], texts: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for sub in ["flows/jurisdictions", "locales/en-US", "locales/zh-CN"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    std::fs::write(root.join("flows/t.toml"), flow).unwrap();
    for (id, text) in jurisdictions {
        std::fs::write(root.join(format!("flows/jurisdictions/{id}.toml")), text).unwrap();
    }
    for locale in ["en-US", "zh-CN"] {
        std::fs::write(root.join(format!("locales/{locale}/t.ftl")), ftl(texts)).unwrap();
    }
    match swipefix::session::load_catalog(&root.join("flows"), &root.join("locales")) {
        Ok(_) => vec![],
        Err(e) => e.0.iter().map(|p| p.to_string().replace(&format!("{}/", root.display()), "")).collect(),
    }
}

/// The chain from a text to the jurisdiction files: a placeholder a text uses must be passed by the node,
/// and when what is passed is a setting, every jurisdiction that can reach the node must define it.
#[test]
fn a_setting_a_text_uses_must_be_passed_and_be_in_every_jurisdiction_that_reaches_the_node() {
    let texts = TEXTS.replace("done = In { $days } days.", "done = In { $days } days, call { $hotline }.");
    let cn = format!("{JUR}hotline = \"12363\"\n");
    let intl = JUR.replace("\"cn\"", "\"intl\""); // has `days`, lacks `hotline`
    let jurisdictions = [("cn", cn.as_str()), ("intl", intl.as_str())];

    let ps = load_tree(GOOD, &jurisdictions, &texts);
    assert!(
        ps.iter().any(|p| p.starts_with("locales/en-US/t.ftl:")
            && p.contains("`done` uses the placeholder `$hotline`, which is not passed (flows/t.toml:")),
        "{ps:#?}"
    );

    let passes = GOOD.replace("args = [\"days\"]", "args = [\"days\", \"hotline\"]");
    let ps = load_tree(&passes, &jurisdictions, &texts);
    assert_eq!(
        ps,
        ["flows/jurisdictions/intl.toml: missing setting `hotline`, needed by node `b` (flows/t.toml:10)"],
        "the file that lacks it, the setting, the node and its line; cn has it"
    );

    let intl_has_it = format!("{intl}hotline = \"110\"\n");
    assert_eq!(load_tree(&passes, &[("cn", &cn), ("intl", &intl_has_it)], &texts), Vec::<String>::new());
}

/// A text's arg is an answer, a built-in or a deadline's date before it is a setting: a setting with such a
/// name would never be shown, and no jurisdiction would be checked for it.
#[test]
fn a_setting_named_like_an_answer_a_built_in_or_a_deadline_date_is_reported() {
    let saves = GOOD.replace("ask = \"q\"", "ask = \"q\"\nsave = \"days\"");
    let ps = load_tree(&saves, &[("cn", JUR)], TEXTS);
    assert!(
        ps.iter().any(|p| p.starts_with("flows/jurisdictions/cn.toml:7: setting `days` has the name of an answer")),
        "{ps:#?}"
    );
    for name in ["currency", "deadline_reversal"] {
        let jur = format!("{JUR}{name} = \"x\"\n");
        let ps = load_tree(GOOD, &[("cn", &jur)], TEXTS);
        assert!(ps.iter().any(|p| p.contains(&format!("setting `{name}` has the name of"))), "{name}: {ps:#?}");
    }
}

#[test]
fn loops_that_never_ask_are_reported() {
    let bad = r#"[flow]
start = "a"
[[node]]
id = "a"
next = "b"
[[node]]
id = "b"
branch = [{ when = "x == 'y'", to = "c" }, { to = "a" }]
[[node]]
id = "c"
ask = "q"
save = "x"
options = [{ id = "y", label = "bx", to = "a" }]
"#;
    let ps = check(bad, TEXTS, TEXTS);
    assert!(ps.iter().any(|p| p.contains("loop without ever asking")), "{ps:#?}");
}

#[test]
fn toml_syntax_errors_have_a_line() {
    let ps = check("[flow]\nstart = \"a\"\n[[node]]\nid = \n", TEXTS, TEXTS);
    assert!(ps.iter().any(|p| p.starts_with("flows/t.toml:4:")), "{ps:#?}");
}

#[test]
fn fluent_syntax_errors_have_a_line() {
    let err =
        Localizer::parse(&[("en-US".into(), "locales/en-US/x.ftl".into(), "a = ok\nb = { $x\n".into())]).unwrap_err();
    assert!(err.iter().any(|p| p.to_string().starts_with("locales/en-US/x.ftl:2")), "{err:?}");
}

#[test]
fn a_correction_of_a_non_input_node_and_a_clash_with_the_snooze_button_are_reported() {
    let flow = r#"[flow]
start = "a"

[[node]]
id = "a"
ask = "q"
do = [{ remind_after_days = 3 }]
options = [
  { id = "x", label = "bx", to = "b" },
  { id = "fix", label = "bx", edit = "b", to = "a" },
  { id = "snooze", label = "bx", to = "b" },
]

[[node]]
id = "b"
say = [{ key = "done", args = ["days"] }]
final = "resolved"
"#;
    let ps = check(flow, TEXTS, TEXTS);
    assert!(
        ps.iter().any(|p| p.starts_with("flows/t.toml:10:") && p.contains("edits `b`, which is not an input node")),
        "{ps:#?}"
    );
    assert!(ps.iter().any(|p| p.starts_with("flows/t.toml:11:") && p.contains("`snooze` is the built-in")), "{ps:#?}");
}

#[test]
fn a_deadline_needs_days_or_months_and_months_take_no_count() {
    let with = |d: &str| JUR.to_string() + "\n[[deadline]]\nid = \"d\"\nfrom = \"x\"\n" + d;
    let parse = |j: String| swipefix::engine::flow::parse_jurisdiction("flows/jurisdictions/cn.toml", &j);
    let errs = |j: String| parse(j).unwrap_err().iter().map(|p| p.to_string()).collect::<Vec<_>>();
    assert!(errs(with("")).iter().any(|p| p.contains("needs exactly one of `days` and `months`")));
    assert!(errs(with("days = 3\nmonths = 2\n")).iter().any(|p| p.contains("exactly one")));
    assert!(errs(with("months = 13\ncount = \"business\"\n")).iter().any(|p| p.contains("drop `count`")));
    assert!(errs(with("days = 3\n")).iter().any(|p| p.contains("count = \"calendar\"")));
    assert!(errs(with("months = 0\n")).iter().any(|p| p.contains("months must be 1 to 120")));
    assert!(parse(with("months = 13\n")).is_ok());
}

#[test]
fn a_shipped_jurisdiction_text_without_zh_hk_is_read_in_zh_tw() {
    use swipefix::engine::setting::Setting;
    let c = catalog();
    let cn = c.flow.jurisdiction("cn");
    let text = |name: &str| match cn.settings.get(name) {
        Some(Setting::Localized(m)) => m.clone(),
        other => panic!("{name} is not a localized setting: {other:?}"),
    };
    // Written for Hong Kong: shown as written.
    let hotline = text("bank_hotline");
    assert_eq!(c.i18n.format_arg("zh-HK", &Arg::Localized(hotline.clone())), hotline["zh-HK"]);
    // Not written for Hong Kong: Taiwan's text, not English.
    let rule = text("complaint_rule");
    assert!(!rule.contains_key("zh-HK"), "pick another setting for this test: {rule:?}");
    assert_eq!(c.i18n.format_arg("zh-HK", &Arg::Localized(rule.clone())), rule["zh-TW"]);
    assert_eq!(c.i18n.format_arg("zh-CN", &Arg::Localized(rule.clone())), rule["zh-CN"]);
}
