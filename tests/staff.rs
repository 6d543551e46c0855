//! What support staff get: the hand-off summary (snapshots in en-US and zh-CN), its delivery to the staff
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
    walk(&app, &["no", "later"]);
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
fn the_hand_off_summary_has_every_field_in_en_us_and_zh_cn() {
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
}

#[test]
fn csv_export_has_one_row_per_case_and_no_more_than_the_last_4() {
    let case = handed_off_case();
    let mut out = Vec::new();
    write_csv(std::slice::from_ref(&case), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    let get = |name: &str| row.get(headers.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(get("case_id"), case.id);
    assert_eq!(get("status"), "handed_off");
    assert_eq!(get("amount"), "5000");
    assert_eq!(get("currency"), "CNY");
    assert_eq!(get("card_last4"), "6688");
    assert_eq!(get("referrer"), "shop_7");
    assert_eq!(get("evidence"), "1");
}
