//! Unit tests of `quoted_numbers` on synthetic Fluent files in the shipped languages' styles: what counts as
//! a message's own words, lines, select variants, literals and the opt-out comment.

use super::*;

fn quoted(source: &str) -> Vec<(usize, String, String)> {
    find(source)
        .into_iter()
        .map(|f| match f {
            Finding::Quoted { line, key, phrase, .. } => (line, key, phrase),
            other => panic!("not a quote: {other:?}"),
        })
        .collect()
}

fn q(line: usize, key: &str, phrase: &str) -> (usize, String, String) {
    (line, key.to_string(), phrase.to_string())
}

#[test]
fn english_texts_report_key_line_and_phrase() {
    let ftl = "## Bank\n\
               bank-wait = The bank must answer within 15 days.\n\
               fos =\n    Apply within 8 weeks,\n    or 13 months at most.\n\
               s75 = A purchase of up to £35? Or HK$500, $50, S$150,000?\n\
               reversal = It usually comes back within 5 working days.\n";
    assert_eq!(
        quoted(ftl),
        [
            q(2, "bank-wait", "15 days"),
            q(4, "fos", "8 weeks"),
            q(5, "fos", "13 months"),
            q(6, "s75", "£35"),
            q(6, "s75", "HK$500"),
            q(6, "s75", "$50"),
            q(6, "s75", "S$150,000"),
            q(7, "reversal", "5 working days"),
        ]
    );
}

#[test]
fn simplified_chinese_texts() {
    let ftl = "a = 银行须在15日内答复。\nb = 一般30天到账，最多 60 日。\nc = 三十日内\nd = 5个工作日\n\
               e = 金额超过¥3000或3000元时报警\nf = 十五日或三十天或六个月\ng = １５天\n";
    assert_eq!(
        quoted(ftl),
        [
            q(1, "a", "15日"),
            q(2, "b", "30天"),
            q(2, "b", "60 日"),
            q(3, "c", "三十日"),
            q(4, "d", "5个工作日"),
            q(5, "e", "¥3000"),
            q(5, "e", "3000元"),
            q(6, "f", "十五日"),
            q(6, "f", "三十天"),
            q(6, "f", "六个月"),
            q(7, "g", "１５天"),
        ]
    );
}

#[test]
fn traditional_chinese_texts() {
    let ftl = "a = 銀行須在15日內答覆\nb = 兩個月內\nc = 5個工作天\nd = 單筆超過 NT$100 或港幣500元\n\
               e = 最高 HK$1,000,000\nf = 八週內\ng = 24小時內\n";
    assert_eq!(
        quoted(ftl),
        [
            q(1, "a", "15日"),
            q(2, "b", "兩個月"),
            q(3, "c", "5個工作天"),
            q(4, "d", "NT$100"),
            q(4, "d", "港幣500元"),
            q(5, "e", "HK$1,000,000"),
            q(6, "f", "八週"),
            q(7, "g", "24小時"),
        ]
    );
}

#[test]
fn placeables_variant_keys_and_other_numbers_are_not_quotes() {
    let ftl = "en = Within { $bank_complaint_days } days, the last 4 digits, step 3, from 2026-11-24.\n\
               cn = 在{ $bank_complaint_days }天内，卡号后4位，末4碼，例如 2026-11-25 14:30 或 5月18日\n\
               tw = 在{ $refund_days }個工作天內\n\
               files = { $count ->\n    [one] 1 file\n    [0] none\n   *[other] { $count } files\n}\n\
               hours = { $hours ->\n    [one] 1 hour\n    [24] 24 hours\n   *[other] { $hours } hours\n}\n\
               days = { $days ->\n    [one] One day\n   *[other] { $days } days\n}\n\
               law = UK Payment Services Regulations 2017, reg. 74; 《2017年支付服务条例》第74条\n";
    assert_eq!(quoted(ftl), []);
}

#[test]
fn a_variant_that_quotes_another_number_than_its_key_is_reported() {
    let ftl = "wait = { $kind ->\n    [one] 1 day\n    [card] 15 days\n   *[other] { $days } days\n}\n";
    assert_eq!(quoted(ftl), [q(3, "wait", "15 days")]);
}

#[test]
fn literals_in_braces_terms_and_attributes_are_the_texts_own_words() {
    let ftl = "a = within { 15 } days\nb = { \"30天\" }内\n-limit = 13 months\nc = x\n    .title = 24 hours\n";
    assert_eq!(
        quoted(ftl),
        [q(1, "a", "15 days"), q(2, "b", "30天"), q(3, "-limit", "13 months"), q(5, "c", "24 hours")]
    );
}

#[test]
fn a_number_and_its_unit_on_two_lines_are_one_quote() {
    let ftl = "a =\n    The bank must answer within 15\n    days of your letter.\n";
    assert_eq!(quoted(ftl), [q(2, "a", "15 days")]);
}

#[test]
fn a_placeable_between_number_and_unit_breaks_the_phrase() {
    assert_eq!(quoted("a = step 3 { $x } days\n"), []);
}

#[test]
fn an_opt_out_with_a_reason_excuses_its_message_only() {
    let ftl = "# flow-check: number-ok (an example of what to type, not a fact)\n\
               ask-amount = How much? For example ¥128.50 or 128元.\n\
               other = Or wait 15 days.\n";
    assert_eq!(quoted(ftl), [q(3, "other", "15 days")]);
}

#[test]
fn an_opt_out_needs_a_reason_and_something_to_excuse() {
    let ftl = "# flow-check: number-ok\na = within 15 days\n\n# flow-check: number-ok (an example)\nb = nothing here\n";
    assert_eq!(
        find(ftl),
        [
            Finding::OptOutWithoutReason { line: 1, key: "a".into() },
            Finding::Quoted { line: 2, key: "a".into(), phrase: "15 days".into(), kind: Kind::Duration },
            Finding::OptOutUnused { line: 4, key: "b".into() },
        ]
    );
}

#[test]
fn a_group_comment_does_not_opt_out() {
    // `##` heads a group of messages; only a `#` comment directly above one message belongs to it.
    let ftl = "## flow-check: number-ok (all of these)\na = within 15 days\n";
    assert_eq!(quoted(ftl), [q(2, "a", "15 days")]);
}

#[test]
fn a_file_with_a_syntax_error_is_still_checked_where_it_parses() {
    let ftl = "broken = { $x\nb = 3000元\n";
    assert_eq!(quoted(ftl), [q(2, "b", "3000元")]);
}

#[test]
fn money_is_told_from_a_duration() {
    let kinds: Vec<Kind> = find("a = 15 days and £35\n")
        .into_iter()
        .map(|f| if let Finding::Quoted { kind, .. } = f { kind } else { panic!() })
        .collect();
    assert_eq!(kinds, [Kind::Duration, Kind::Money]);
}
