//! Conversation tests as data: every `tests/transcripts/*.txt` is run through the terminal channel's code
//! path and its whole output is compared with a reviewed snapshot (`cargo insta review` after a content
//! change). A header states facts about the final case, checked explicitly.
//!
//! Format:
//! ```text
//! # what this shows
//! lang: zh-CN
//! expect node: amount              (optional; also: status, outcome, role, jurisdiction, answer NAME=VALUE,
//! expect handoff: police_route      step NAME, handoff REASON)
//! ---
//! one input line per line
//! @wait 6d        (the person leaves; the clock moves on 6 days; they come back: a new session)
//! ```

use super::common::{chat, memory_app};
use swipefix::channel::terminal::Mode;

struct Transcript {
    lang: Option<String>,
    expects: Vec<(String, String)>,
    lines: Vec<String>,
}

fn parse(text: &str) -> Transcript {
    let (head, body) = text.split_once("\n---\n").expect("a `---` line separates header and inputs");
    let mut t = Transcript { lang: None, expects: vec![], lines: vec![] };
    for line in head.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(l) = line.strip_prefix("lang:") {
            t.lang = Some(l.trim().to_string());
        } else if let Some(e) = line.strip_prefix("expect ") {
            let (k, v) = e.split_once(':').expect("expect KEY: VALUE");
            t.expects.push((k.trim().to_string(), v.trim().to_string()));
        } else {
            panic!("unknown header line: {line}");
        }
    }
    t.lines = body.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect();
    t
}

#[test]
fn transcripts() {
    let dir = super::common::root().join("tests/transcripts");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 12,
        "at least one transcript per error type in two languages and a merchant: {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let t = parse(&std::fs::read_to_string(&f).unwrap());
        let (app, clock) = memory_app();
        let mut out = String::new();
        let mut segment: Vec<&str> = Vec::new();
        for line in t.lines.iter().map(String::as_str).chain(["@end"]) {
            if let Some(wait) = line.strip_prefix("@") {
                out.push_str(&chat(&app, "transcript", t.lang.as_deref(), Mode::Text, &segment));
                segment.clear();
                if let Some(days) = wait.strip_prefix("wait ").and_then(|d| d.trim().strip_suffix('d')) {
                    let days: i64 = days.parse().expect("@wait Nd");
                    clock.advance(chrono::Duration::days(days));
                    out.push_str(&format!("\n—— {days} days later ——\n\n"));
                }
                continue;
            }
            segment.push(line);
        }
        let case = app.current_case("transcript").unwrap().expect("a case");
        for (k, v) in &t.expects {
            let ok = match k.as_str() {
                "node" => case.node == *v,
                "status" => case.status.as_str() == v,
                "outcome" => case.outcome.as_deref() == Some(v.as_str()),
                "role" => case.role.map(|r| r.as_str()) == Some(v.as_str()),
                "jurisdiction" => case.jurisdiction == *v,
                "step" => case.step_done(v),
                "handoff" => case.handoffs.iter().any(|h| h.reason == *v),
                "answer" => {
                    let (name, want) = v.split_once('=').expect("answer NAME=VALUE");
                    case.answers.get(name.trim()).map(|a| a.plain()) == Some(want.trim().to_string())
                }
                other => panic!("{name}: unknown expectation {other}"),
            };
            if !ok {
                failures.push(format!(
                    "{name}: expected {k} {v}; case is at {} ({}, outcome {:?})",
                    case.node,
                    case.status.as_str(),
                    case.outcome
                ));
            }
        }
        insta::with_settings!({ snapshot_path => "transcripts/snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name, out);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
