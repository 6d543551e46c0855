//! Fuzzing with proptest, at a size CI can afford (`SWIPEFIX_FUZZ_CASES`, default 1,500 per target; the
//! README says how to run longer). Three targets, each fed both arbitrary and shaped input:
//!
//! - the flow loader: the shipped flow, jurisdiction and text files with random edits (lines dropped,
//!   doubled or cut, bytes flipped, junk inserted), and arbitrary text: it returns a tree or problems with
//!   a file name, never panics;
//! - the input parsers (amount, amounts in a story, date, yes/no, last 4, card detection, masking): no panic,
//!   and what they return holds (a masked text never keeps a card number; an amount is positive and bounded;
//!   an amount found in a story lies on the normalized text and reads back alone as the same amount);
//! - the engine step: random inputs at random points of the tree: the case stays at a real node, is saved
//!   and read back unchanged, and never holds a card number.

use super::common::{catalog, root, t0};
use proptest::prelude::*;
use swipefix::engine::flow::{Flow, NodeKind};
use swipefix::engine::{Case, FileInput, Input, gate, input, new_case, step, understand};

fn cases() -> u32 {
    std::env::var("SWIPEFIX_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1500)
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() }
}

fn read_all(dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| (format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), std::fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// One random edit of a text.
#[derive(Debug, Clone)]
enum Edit {
    DropLine(usize),
    DoubleLine(usize),
    CutLine(usize, usize),
    FlipByte(usize, u8),
    Insert(usize, String),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::DropLine),
        any::<usize>().prop_map(Edit::DoubleLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::CutLine(a, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::FlipByte(a, b)),
        (any::<usize>(), prop_oneof!["[\\[\\]{}=\"'#\\n$ a-z0-9.-]{1,12}", "\\PC{1,8}"])
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(text: &str, e: &Edit) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match e {
        Edit::DropLine(i) if !lines.is_empty() => {
            lines.remove(i % n);
        }
        Edit::DoubleLine(i) if !lines.is_empty() => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Edit::CutLine(i, at) if !lines.is_empty() => {
            let l = &mut lines[i % n];
            let cut = l.char_indices().map(|(i, _)| i).nth(at % (l.chars().count() + 1)).unwrap_or(l.len());
            l.truncate(cut);
        }
        Edit::FlipByte(i, b) => {
            let mut bytes = lines.join("\n").into_bytes();
            if !bytes.is_empty() {
                let at = i % bytes.len();
                bytes[at] ^= b | 1;
            }
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        Edit::Insert(i, s) => {
            let joined = lines.join("\n");
            let at =
                joined.char_indices().map(|(i, _)| i).nth(i % (joined.chars().count() + 1)).unwrap_or(joined.len());
            return format!("{}{s}{}", &joined[..at], &joined[at..]);
        }
        Edit::Truncate(i) => {
            let joined = lines.join("\n");
            let at =
                joined.char_indices().map(|(i, _)| i).nth(i % (joined.chars().count() + 1)).unwrap_or(joined.len());
            return joined[..at].to_string();
        }
        _ => {}
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_flow_loader_reports_problems_for_any_edit_and_never_panics(
        which in any::<usize>(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let mut flows = read_all("flows", "toml");
        let mut juris = read_all("flows/jurisdictions", "toml");
        let total = flows.len() + juris.len();
        let target = which % total;
        let file = if target < flows.len() { &mut flows[target] } else { &mut juris[target - flows.len()] };
        let name = file.0.clone();
        for e in &edits {
            file.1 = apply(&file.1, e);
        }
        match Flow::parse(&flows, &juris) {
            Ok(_) => {}
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(p.file.starts_with("flows"), "{p} (edited {name})");
                    prop_assert!(!p.message.is_empty());
                }
            }
        }
    }

    #[test]
    fn the_text_loader_and_the_cross_check_never_panic(
        which in any::<usize>(),
        edits in proptest::collection::vec(edit(), 1..4),
    ) {
        let mut files = Vec::new();
        for tag in super::common::shipped_locales() {
            for (name, text) in read_all(&format!("locales/{tag}"), "ftl") {
                files.push((tag.to_string(), name, text));
            }
        }
        let n = files.len();
        let f = &mut files[which % n];
        for e in &edits {
            f.2 = apply(&f.2, e);
        }
        if let Ok(i18n) = swipefix::i18n::Localizer::parse(&files) {
            let _ = swipefix::catalog::cross_check(&catalog().flow, &i18n, &[]);
        }
    }

    #[test]
    fn arbitrary_text_as_a_flow_file_is_a_problem_not_a_panic(text in "\\PC{0,400}", toml_like in "[\\[\\]{}=\"a-z_ \\n.0-9,]{0,300}") {
        for t in [&text, &toml_like] {
            let r = Flow::parse(&[("flows/x.toml".into(), t.clone())], &[("flows/jurisdictions/cn.toml".into(), t.clone())]);
            prop_assert!(r.is_err());
        }
    }

    #[test]
    fn the_input_parsers_never_panic_and_keep_their_promises(text in prop_oneof![
        any::<String>(),
        "\\PC{0,60}",
        "[0-9 ,.\\-¥$€£元块RMBUSD一二三四五六七八九十百千万亿两壹贰叁点]{0,40}",
        "[0-9٠-٩۰-۹०-९０-９ \\-]{0,40}",
        "(yesterday|today|昨天|今天|前天)? ?[0-9]{0,4}[-/.年]?[0-9]{0,2}[-/.月]?[0-9]{0,2}日? ?[0-9]{0,2}[:点]?[0-9]{0,2}",
        "((paid|charged me|扣了|碌咗|card ending|about|at|刷卡|two|twenty|a hundred|and) ?[0-9$£€¥元块蚊角毛分万千百十一二两三五零点.,:' /-]{0,12} ?(rmb|usd|quid|dollars|times|pm|次|左右|cents)? ?){1,4}",
    ]) {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(18, 0, 0).unwrap();
        if let Ok((amount, currency)) = input::parse_amount(&text, "CNY") {
            prop_assert!(amount > rust_decimal::Decimal::ZERO && amount <= rust_decimal::Decimal::from(100_000_000));
            prop_assert_eq!(currency.len(), 3);
        }
        for order in [
            input::DateOrder::DayFirst,
            input::DateOrder::MonthFirst,
            input::DateOrder::YearFirst,
            input::DateOrder::Minguo,
            input::DateOrder::Unknown,
        ] {
            match input::parse_when(&text, now, order) {
                Ok(w) => prop_assert!(w.date <= now.date(), "{text:?} -> {w:?}"),
                Err(input::DateError::Ambiguous(readings)) => {
                    prop_assert!((1..=3).contains(&readings.len()), "{text:?} -> {readings:?}");
                    prop_assert!(readings.iter().all(|w| w.date <= now.date()), "{text:?} -> {readings:?}");
                }
                Err(_) => {}
            }
            let normalized = input::normalize(&text);
            if let Some(found) = input::find_when(&text, now, order) {
                prop_assert!(normalized.get(found.span.clone()).is_some(), "{text:?} -> {found:?}");
            }
        }
        let norm = input::normalize(&text);
        let mut last_end = 0;
        for found in input::find_amounts(&text, "HKD") {
            prop_assert!(last_end <= found.start && found.start < found.end, "{text:?}: {found:?}");
            let span = norm.get(found.start..found.end);
            prop_assert!(span.is_some(), "{text:?}: {found:?} is not on the normalized text");
            let alone = input::parse_amount(span.unwrap_or_default(), "HKD");
            prop_assert_eq!(alone, Ok((found.amount, found.currency.clone())), "{:?}", text);
            last_end = found.end;
        }
        let _ = input::parse_yes_no(&text);
        if let Some(l4) = input::parse_last4(&text) {
            prop_assert!(l4.len() == 4 && l4.chars().all(|c| c.is_ascii_digit()));
        }
        let _ = input::offers_secret(&text);
        let _ = input::digit_piece(&text);
        let gated = gate::admit(&text);
        let masked = gated.text.as_str();
        prop_assert!(gate::admit(masked).found.card.is_none(), "{text:?} -> {masked:?}");
        if let Some(l4) = &gated.found.card {
            prop_assert!(l4.len() == 4 && masked.contains(l4.as_str()));
        }
        let clean = input::clean_text(&text);
        prop_assert!(!clean.chars().any(char::is_control));
        // The story reader on the same text: no panic, facts that are pieces of what was written.
        let lex = &catalog().flow.lexicon;
        let _ = understand::read(lex, masked);
        let _ = understand::said(lex, masked, true);
        let _ = understand::dont_know(lex, masked);
        let facts = understand::Facts::of(lex, masked, "HKD", now, input::DateOrder::Unknown);
        let norm = input::normalize(masked);
        for fact in [&facts.amount, &facts.when, &facts.shop].into_iter().flatten() {
            prop_assert!(norm.contains(fact.as_str()), "{text:?}: {fact:?}");
        }
    }

    #[test]
    fn engine_steps_on_random_input_keep_the_case_sound(
        path in proptest::collection::vec(any::<u64>(), 0..40),
        inputs in proptest::collection::vec(any_input(), 1..12),
    ) {
        let flow = &catalog().flow;
        let mut case = walk(flow, &path);
        for i in inputs {
            let (c, _) = step(flow, &case, i, t0());
            prop_assert!(flow.node(&c.node).is_some(), "unknown node {}", c.node);
            let json = serde_json::to_vec(&c).unwrap();
            let back = swipefix::store::case_codec::decode(&json).unwrap();
            prop_assert_eq!(&back, &c);
            let text = String::from_utf8(json).unwrap();
            prop_assert!(gate::admit(&text).found.card.is_none(), "a card number is kept: {text}");
            case = c;
        }
    }
}

/// A walk by random buttons and valid answers from the start.
fn walk(flow: &Flow, seeds: &[u64]) -> Case {
    let mut case = new_case(flow, "F-1", "fuzz:1", "en-US", t0());
    case = step(flow, &case, Input::Resume, t0()).0;
    for s in seeds {
        let Some(node) = flow.node(&case.node) else { break };
        let input = match &node.kind {
            NodeKind::Choice { .. } => {
                let bs = node.buttons();
                Input::Choice(bs[(*s % bs.len() as u64) as usize].id.clone())
            }
            NodeKind::Input { .. } => {
                Input::Text(["88", "yesterday 18:05", "1234", "Shop", "yes", "no"][(*s % 6) as usize].into())
            }
            _ => break,
        };
        case = step(flow, &case, input, t0()).0;
    }
    case
}

fn any_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        4 => any::<String>().prop_map(|s| Input::Text(s.into())),
        4 => "\\PC{0,80}".prop_map(|s| Input::Text(s.into())),
        2 => "[0-9 \\-]{4,20}".prop_map(|s| Input::Text(s.into())),
        1 => "(4111 1111 1111 1111|5500-0000-0000-0004|cvv 123|验证码 654321|pin 1234)".prop_map(|s| Input::Text(s.into())),
        2 => "[a-z_0-9]{0,16}".prop_map(Input::Choice),
        1 => Just(Input::Back),
        1 => Just(Input::Status),
        1 => Just(Input::Resume),
        1 => Just(Input::RemindOff),
        1 => Just(Input::Unsupported),
        1 => "[a-z]{0,8}".prop_map(Input::Interrupt),
        1 => any::<i64>().prop_map(|s| Input::Reminder(t0() + chrono::Duration::seconds(s % 10_000_000))),
        1 => ("\\PC{0,40}", "\\PC{0,20}").prop_map(|(caption, name)| Input::File(FileInput {
            kind: "document".into(),
            reference: "f".into(),
            fingerprint: name.clone(),
            caption: Some(caption.into()),
            file_name: Some(name.into()),
        })),
    ]
}
