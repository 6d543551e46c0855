//! What support staff get: the hand-off summary (snapshots in en-US, zh-CN and zh-HK), its delivery to the staff
//! chat over the fake Bot API, and the CLI views for reporting.

use super::common::{catalog, memory_app};
use swipefix::engine::{Case, FileInput};
use swipefix::report::{handoff_summary, write_csv};
use swipefix::session::{App, Incoming};

const USER: &str = "tg:555";

fn walk(app: &App, lines: &[&str]) -> Case {
    let ids = app.interrupt_ids();
    for l in lines {
        app.handle(USER, Some("zh-CN"), Incoming::parse(l, &ids)).unwrap();
    }
    app.current_case(USER).unwrap().unwrap()
}

/// A cardholder in China charged twice, large amount, with a photo of the slip, who then asks for a person.
fn handed_off_case() -> Case {
    let (app, clock) = memory_app();
    walk(
        &app,
        &["/start shop_7", "cn", "cardholder", "no", "double", "RMB 5000", "昨天 下午3点", "尾号 6688", "星巴克"],
    );
    clock.advance(chrono::Duration::minutes(3));
    walk(&app, &["no", "both_ok"]);
    app.handle(
        USER,
        None,
        Incoming::File(FileInput {
            kind: "photo".into(),
            reference: "AgAD-slip".into(),
            fingerprint: "slip-1".into(),
            caption: Some("签购单".into()),
            file_name: None,
        }),
    )
    .unwrap();
    walk(&app, &["/human"])
}

#[test]
fn the_hand_off_summary_has_every_field_in_en_us_zh_cn_and_zh_hk() {
    let case = handed_off_case();
    assert_eq!(case.handoffs.last().map(|h| h.reason.as_str()), Some("asked_for_human"));
    let en = handoff_summary(&catalog(), &case, "en-US");
    for want in [
        case.id.as_str(),
        "the person asked for a human",
        "Language: zh-CN",
        "Role: cardholder",
        "Jurisdiction: cn",
        "Charged twice",
        "CN¥5,000.00",
        "Card ending: 6688",
        "星巴克",
        "large amount",
        "1 file",
        "Recommended next:",
    ] {
        assert!(en.contains(want), "missing {want:?} in:\n{en}");
    }
    assert!(!en.contains("not given\nCard"), "{en}");
    insta::assert_snapshot!("handoff_summary_en_us", en);
    let zh = handoff_summary(&catalog(), &case, "zh-CN");
    assert!(zh.contains("¥5,000.00") && zh.contains("持卡人") && zh.contains("金额较大"), "{zh}");
    insta::assert_snapshot!("handoff_summary_zh_cn", zh);
    let hk = handoff_summary(&catalog(), &case, "zh-HK");
    assert!(hk.contains("人民幣5,000.00元") && hk.contains("持卡人") && hk.contains("金額較大"), "{hk}");
    insta::assert_snapshot!("handoff_summary_zh_hk", hk);
}

/// The CSV export of `case`: its header and its one row.
fn csv_row(case: &swipefix::engine::Case) -> (csv::StringRecord, csv::StringRecord) {
    let mut out = Vec::new();
    write_csv(std::slice::from_ref(case), &mut out).unwrap();
    let mut rows = csv::Reader::from_reader(out.as_slice());
    let headers = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    (headers, row)
}

#[test]
fn csv_export_has_one_row_per_case_and_no_more_than_the_last_4() {
    let case = handed_off_case();
    let (headers, row) = csv_row(&case);
    let get = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(get("case_id"), case.id);
    assert_eq!(get("status"), "handed_off");
    assert_eq!(get("amount"), "5000");
    assert_eq!(get("currency"), "CNY");
    assert_eq!(get("card_last4"), "6688");
    assert_eq!(get("referrer"), "shop_7");
    assert_eq!(get("evidence"), "1");
}

/// A person whose case staff took, on an app that can reach staff; returns the case id.
fn taken(app: &App, user: &str) -> String {
    app.enable_staff_relay();
    let ids = app.interrupt_ids();
    for t in ["/start", "cn", "cardholder", "no", "double", "1280", "/human"] {
        app.handle(user, None, Incoming::parse(t, &ids)).unwrap();
    }
    let id = app.current_case(user).unwrap().unwrap().id;
    app.staff("tg:9001", "en-US", &format!("/take {id}")).unwrap().unwrap();
    id
}

#[test]
fn a_plain_message_goes_to_staff_while_they_have_the_case() {
    let (app, _) = memory_app();
    let id = taken(&app, "tg:20");
    let r = app.handle("tg:20", None, Incoming::parse("is anyone there?", &[])).unwrap();
    let relay = r.relay.expect("relayed");
    assert_eq!(
        (relay.case_id.as_str(), relay.staff.as_str(), relay.text.as_str()),
        (id.as_str(), "tg:9001", "is anyone there?")
    );
    assert!(r.messages[0].text.contains("Passed on"), "{:?}", r.messages);
    let line = app.current_case("tg:20").unwrap().unwrap().transcript.pop().unwrap();
    assert!(line.relayed && line.text == "is anyone there?", "{line:?}");
    // Commands still work.
    assert!(app.handle("tg:20", None, Incoming::parse("/status", &[])).unwrap().relay.is_none());
}

#[test]
fn card_data_is_never_relayed_whole_or_in_pieces() {
    let (app, _) = memory_app();
    taken(&app, "tg:21");
    let mut redacted = false;
    for part in ["4111", "1111", "1111", "1111", "4111 1111", "1111 1111", "4111111111111111", "my CVV is 123"] {
        let r = app.handle("tg:21", None, Incoming::parse(part, &[])).unwrap();
        assert!(r.relay.is_none(), "{part} was relayed");
        redacted |= r.redact;
    }
    assert!(redacted, "the card number in pieces was recognised");
    let c = app.current_case("tg:21").unwrap().unwrap();
    for l in &c.transcript {
        assert!(!l.text.contains("4111") && !l.relayed, "{l:?}");
    }
}

#[test]
fn without_a_way_to_staff_a_message_goes_to_the_tree() {
    // A terminal, or a bot with no staff chat: nobody would read a relayed message.
    let (quiet, _) = memory_app();
    let ids = quiet.interrupt_ids();
    for t in ["/start", "cn", "cardholder", "no", "double", "1280", "/human"] {
        quiet.handle("tg:24", None, Incoming::parse(t, &ids)).unwrap();
    }
    let id = quiet.current_case("tg:24").unwrap().unwrap().id;
    quiet.staff("tg:9001", "en-US", &format!("/take {id}")).unwrap().unwrap();
    let r = quiet.handle("tg:24", None, Incoming::parse("hello?", &[])).unwrap();
    assert!(r.relay.is_none() && !r.messages.iter().any(|m| m.text.contains("Passed on")), "{:?}", r.messages);
}

#[test]
fn a_relayed_message_is_handled_once_and_delivered_again_after_a_restart() {
    let store: std::sync::Arc<dyn swipefix::store::CaseStore> =
        std::sync::Arc::new(swipefix::store::MemoryStore::new());
    let (app, _) = super::common::app_with(store.clone());
    taken(&app, "tg:25");
    let first = app.handle_update("tg:25", None, Incoming::parse("hello?", &[]), Some(100)).unwrap();
    assert!(first.relay.is_some());
    let again = app.handle_update("tg:25", None, Incoming::parse("hello?", &[]), Some(100)).unwrap();
    assert!(again.duplicate && again.relay.is_none(), "once per process");
    // The process died before the relay went out: the next one delivers it again.
    let (next, _) = super::common::app_with(store);
    next.enable_staff_relay();
    let r = next.handle_update("tg:25", None, Incoming::parse("hello?", &[]), Some(100)).unwrap();
    assert!(r.resent && !r.duplicate, "{r:?}");
    assert_eq!(r.relay.map(|r| r.text).as_deref(), Some("hello?"));
    assert_eq!(
        next.current_case("tg:25").unwrap().unwrap().transcript.iter().filter(|l| l.update == Some(100)).count(),
        1
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    use swipefix::engine::Answer;
    let mut case = handed_off_case();
    let hostile = [
        ("merchant_name", "=HYPERLINK(\"http://evil.example\",\"refund\")"),
        ("txn_time", "+1+2"),
        ("m_error", "-2+3"),
    ];
    for (name, value) in hostile {
        case.answers.insert(name.into(), Answer::Text(value.into()));
    }
    case.answers.remove("error_type");
    case.owner = "@SUM(A1:A9)".into();
    // (Text from people passes the gate, which takes tabs and CRs out; fields set by the bot may hold them.)
    case.referrer = Some("=cmd".into());
    case.outcome = Some("\t=1".into());
    case.locale = "\r=1".into();
    let (headers, row) = csv_row(&case);
    let get = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(get("merchant"), "'=HYPERLINK(\"http://evil.example\",\"refund\")");
    assert_eq!(get("txn_time"), "'+1+2");
    assert_eq!(get("error_type"), "'-2+3");
    assert_eq!(get("owner"), "'@SUM(A1:A9)");
    assert_eq!(get("referrer"), "'=cmd");
    assert_eq!(get("outcome"), "'\t=1");
    assert_eq!(get("locale"), "'\r=1");
    // Cells that do not start with one of those are written as they are.
    assert_eq!(get("case_id"), case.id);
    assert_eq!(get("amount"), "5000");
    for (i, cell) in row.iter().enumerate() {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "column {} is live: {cell:?}", &headers[i]);
    }
    assert_eq!(swipefix::report::csv_cell("a=b".into()), "a=b");
    assert_eq!(swipefix::report::csv_cell(String::new()), "");
}
