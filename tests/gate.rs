//! The inbound gate, tried as an attacker would: card numbers of every length, written with every kind of
//! separator and in several scripts, sent through every entry point there is — in process, through the
//! terminal binary and through the Telegram binary against the fake Bot API. Afterwards the data directory,
//! the log, the staff chat and everything sent are searched byte for byte.
//!
//! Entry points (each is an `Entry`): message text, photo caption, document file name, `/start` payload,
//! `/lang` argument, `/merchant` arguments, `/opencase` argument, callback data of a button press, staff
//! `/reply`, staff `/note`, a message relayed to the staff member who has the case, and a number split
//! across two and across three messages; over Telegram also a message edited to hold one.

use super::common::{catalog, swipefix_with, t0, text};
use proptest::prelude::*;
use serde_json::json;
use std::path::Path;
use std::sync::Arc;
use swipefix::session::{App, Asked, Incoming, ManualClock};
use swipefix::store::{CaseStore, SledStore};

/// A card number as typed: its digits (for the search) and how they were written.
#[derive(Debug, Clone)]
struct Card {
    digits: String,
    typed: String,
    /// The same number in parts, for the split entry points: 2 parts, and 3 with a middle of only digits.
    halves: [String; 2],
    thirds: [String; 3],
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    Text,
    Caption,
    FileName,
    StartPayload,
    LangArgument,
    MerchantArguments,
    OpencaseArgument,
    CallbackData,
    StaffReply,
    StaffNote,
    Relayed,
    SplitInTwo,
    SplitInThree,
}

const ALL: [Entry; 13] = [
    Entry::Text,
    Entry::Caption,
    Entry::FileName,
    Entry::StartPayload,
    Entry::LangArgument,
    Entry::MerchantArguments,
    Entry::OpencaseArgument,
    Entry::CallbackData,
    Entry::StaffReply,
    Entry::StaffNote,
    Entry::Relayed,
    Entry::SplitInTwo,
    Entry::SplitInThree,
];

/// What the terminal takes: typed lines only.
const TERMINAL: [Entry; 7] = [
    Entry::Text,
    Entry::StartPayload,
    Entry::LangArgument,
    Entry::MerchantArguments,
    Entry::OpencaseArgument,
    Entry::SplitInTwo,
    Entry::SplitInThree,
];

const SEPARATORS: &[&str] = &[
    "",
    " ",
    "  ",
    "-",
    " - ",
    ".",
    "/",
    ",",
    "_",
    "–",
    "—",
    "\u{2012}",
    "\u{2010}",
    "\u{2011}",
    "\u{2212}",
    "·",
    "・",
    "\u{00AD}",
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{3000}",
    "．",
    "／",
    "，",
    "－",
    "\n",
    "         ",
    "\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}",
    " . ",
    "_-_",
    "\u{FE0F}\u{20E3}",
    "\u{332}",
];

/// Digit sets: ASCII, full-width, Arabic-Indic, Devanagari, Chinese numerals and their financial forms,
/// superscripts, circled digits.
const SCRIPTS: &[[&str; 10]] = &[
    ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
    ["０", "１", "２", "３", "４", "５", "６", "７", "８", "９"],
    ["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"],
    ["०", "१", "२", "३", "४", "५", "६", "७", "८", "९"],
    ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"],
    ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"],
    ["⓪", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"],
];

/// The Luhn check digit for `payload`.
fn check_digit(payload: &[u8]) -> u8 {
    let sum: u32 = payload
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let v = u32::from(*d);
            if i % 2 == 0 { if v * 2 > 9 { v * 2 - 9 } else { v * 2 } } else { v }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// `digits` written in `script`, in groups of `sizes` joined by `seps`.
fn write(digits: &[u8], sizes: &[usize], seps: &[usize], script: usize) -> String {
    let mut out = String::new();
    let (mut i, mut g) = (0, 0);
    while i < digits.len() {
        if i > 0 {
            out.push_str(SEPARATORS[seps[g % seps.len()] % SEPARATORS.len()]);
        }
        let n = sizes[g % sizes.len()].min(digits.len() - i);
        for d in &digits[i..i + n] {
            out.push_str(SCRIPTS[script][usize::from(*d)]);
        }
        i += n;
        g += 1;
    }
    out
}

fn card() -> impl Strategy<Value = Card> {
    (
        13usize..=19,
        proptest::collection::vec(0u8..10, 18),
        proptest::collection::vec(1usize..=6, 1..8),
        proptest::collection::vec(0usize..SEPARATORS.len(), 1..8),
        0usize..SCRIPTS.len(),
    )
        .prop_map(|(len, body, sizes, seps, script)| {
            // A leading 4 or 5 as real cards have; the last digit makes it pass the Luhn check.
            let mut d = vec![4 + body[0] % 2];
            d.extend_from_slice(&body[1..len - 1]);
            d.push(check_digit(&d));
            let w = |part: &[u8]| write(part, &sizes, &seps, script);
            let (h, t) = (d.len() / 2, d.len() / 3);
            Card {
                digits: d.iter().map(|x| char::from(b'0' + x)).collect(),
                typed: w(&d),
                halves: [w(&d[..h]), w(&d[h..])],
                thirds: [w(&d[..t]), w(&d[t..2 * t]), w(&d[2 * t..])],
            }
        })
}

/// What must never be found anywhere: the number in ASCII, as typed, and its first 12 digits.
fn needles(items: &[(Card, Entry)]) -> Vec<String> {
    items.iter().flat_map(|(c, _)| [c.digits.clone(), c.typed.clone(), c.digits[..12].to_string()]).collect()
}

fn leaks(label: &str, haystack: &[u8], needles: &[String]) -> Vec<String> {
    needles
        .iter()
        .filter(|n| haystack.windows(n.len()).any(|w| w == n.as_bytes()))
        .map(|n| format!("{n:?} in {label}"))
        .collect()
}

fn search_dir(dir: &Path, needles: &[String], found: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            search_dir(&p, needles, found);
        } else {
            found.extend(leaks(&p.display().to_string(), &std::fs::read(&p).unwrap_or_default(), needles));
        }
    }
}

/// The typed lines of one entry point, as a person (or staff, `staff: true`) sends them.
fn lines(entry: Entry, c: &Card, case_id: &str) -> Vec<String> {
    match entry {
        Entry::Text => vec![format!("my card is {} exp 12/29", c.typed)],
        Entry::StartPayload => vec![format!("/start {}", c.typed)],
        Entry::LangArgument => vec![format!("/lang {}", c.typed)],
        Entry::MerchantArguments => vec![format!("/merchant Corner Shop {}; {}", c.typed, c.typed)],
        Entry::OpencaseArgument => vec![format!("/opencase {}", c.typed)],
        Entry::StaffReply => vec![format!("/reply {case_id} your card {} cvv 123", c.typed)],
        Entry::StaffNote => vec![format!("/note {case_id} card {}", c.typed)],
        Entry::Relayed => vec![format!("my card is {} exp 12/29", c.typed)],
        Entry::SplitInTwo => vec![format!("card: {}", c.halves[0]), format!("next {}", c.halves[1])],
        Entry::SplitInThree => {
            vec![format!("card: {}", c.thirds[0]), c.thirds[1].clone(), format!("{} that's all", c.thirds[2])]
        }
        Entry::Caption | Entry::FileName | Entry::CallbackData => vec![],
    }
}

// ---- in process ------------------------------------------------------------------------------------------

/// Every entry point through the session on a sled store: nothing of the numbers in the data directory, in
/// any reply, in what staff get or what is relayed.
fn in_process(items: &[(Card, Entry)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(&dir.path().join("data")).unwrap());
    let app = App::new(catalog(), store.clone(), Arc::new(ManualClock::new(t0())));
    app.enable_staff_relay();
    let mut out = String::new();
    for (i, (c, entry)) in items.iter().enumerate() {
        let user = format!("tg:{}", 1000 + i);
        let case_id = taken_case(&app, &user, *entry == Entry::Relayed);
        for incoming in incomings(*entry, c, &case_id) {
            let r = app.handle(&user, None, incoming).unwrap();
            out.push_str(&format!("{:?}", r));
        }
        for l in lines(*entry, c, &case_id).iter().filter(|_| matches!(entry, Entry::StaffReply | Entry::StaffNote)) {
            let o = app.staff("tg:9001", "en-US", l).unwrap().unwrap();
            assert!(o.redact, "the staff message is deleted");
            out.push_str(&format!("{o:?}"));
        }
    }
    app.flush().unwrap();
    let needles = needles(items);
    let mut found = leaks("replies", out.as_bytes(), &needles);
    found.extend(leaks("the stored cases", format!("{:?}", store.list().unwrap()).as_bytes(), &needles));
    drop(app);
    drop(store);
    search_dir(dir.path(), &needles, &mut found);
    found
}

/// A case of `user` (taken by staff member 9001 when `take`), its id.
fn taken_case(app: &App, user: &str, take: bool) -> String {
    let ids = app.interrupt_ids();
    for t in ["/start", "cn", "cardholder", "no", "double", "1280"] {
        app.handle(user, None, Incoming::parse(t, &ids)).unwrap();
    }
    let id = app.current_case(user).unwrap().unwrap().id;
    if take {
        app.staff("tg:9001", "en-US", &format!("/take {id}")).unwrap().unwrap();
    }
    id
}

fn incomings(entry: Entry, c: &Card, case_id: &str) -> Vec<Incoming> {
    let ids = catalog().flow.interrupts.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    match entry {
        Entry::Caption => vec![Incoming::file("photo", "f", "u1", Some(&format!("slip {}", c.typed)), None)],
        Entry::FileName => vec![Incoming::file("document", "f", "u2", None, Some(&format!("card {}.jpg", c.typed)))],
        Entry::CallbackData => vec![Incoming::button_on(&c.typed, Asked { case_id: case_id.into(), tag: 0 })],
        Entry::StaffReply | Entry::StaffNote => vec![],
        _ => lines(entry, c, case_id).iter().map(|l| Incoming::parse(l, &ids)).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_entry_point_keeps_or_passes_on_a_card_number_in_process(
        cards in proptest::collection::vec(card(), ALL.len()),
    ) {
        let items: Vec<(Card, Entry)> = cards.into_iter().zip(ALL).collect();
        let found = in_process(&items);
        prop_assert!(found.is_empty(), "{found:#?}\n{items:#?}");
    }
}

// ---- the terminal binary -----------------------------------------------------------------------------------

fn terminal(items: &[(Card, Entry)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for (c, e) in items {
        for l in lines(*e, c, "SF-000000-0000") {
            input.push_str(&l.replace('\n', " "));
            input.push('\n');
        }
    }
    let out = swipefix_with(&["chat", "--data", "data", "--echo"], dir.path(), &input, &[("SWIPEFIX_LOG", "trace")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let needles = needles(items);
    let mut found = leaks("the terminal's output", &out.stdout, &needles);
    found.extend(leaks("the log", &out.stderr, &needles));
    search_dir(dir.path(), &needles, &mut found);
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn no_entry_point_keeps_or_shows_a_card_number_in_the_terminal(
        cards in proptest::collection::vec(card(), TERMINAL.len()),
    ) {
        let items: Vec<(Card, Entry)> = cards.into_iter().zip(TERMINAL).collect();
        let found = terminal(&items);
        prop_assert!(found.is_empty(), "{found:#?}\n{items:#?}");
    }
}

// ---- the Telegram binary against the fake Bot API ---------------------------------------------------------

const STAFF_CHAT: i64 = -100_777;
const STAFF: i64 = 9001;

fn telegram(items: &[(Card, Entry)]) -> Vec<String> {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(telegram_run(items))
}

async fn telegram_run(items: &[(Card, Entry)]) -> Vec<String> {
    use swipefix_lab::fake_telegram::FakeTelegram;
    let fake = FakeTelegram::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let toml = format!("[staff]\nchat_id = {STAFF_CHAT}\nusers = [{STAFF}]\nlanguage = \"en-US\"\n");
    std::fs::write(dir.path().join("swipefix.toml"), toml).unwrap();
    let log = dir.path().join("bot.log");
    let file = std::fs::File::create(&log).unwrap();
    let mut child = super::common::spawn_telegram(&fake.api_url(), dir.path(), "trace", file.into());
    let wait = std::time::Duration::from_secs(30);
    assert!(fake.wait_for_poll(wait).await, "the bot came up");
    for (i, (c, entry)) in items.iter().enumerate() {
        send(&fake, 5000 + i as i64, *entry, c).await;
    }
    // A message edited to hold a number goes too.
    let deleted = fake.count("deleteMessage");
    let mut edited =
        fake.message(4999, None, json!({ "text": format!("edited {}", items[0].0.typed), "edit_date": 1 }));
    fake.push(json!({ "edited_message": edited["message"].take() }));
    assert!(fake.wait_for_count("deleteMessage", deleted, wait).await, "the edited message was deleted");
    super::common::sigterm(&child);
    let status = tokio::time::timeout(wait, child.wait()).await.expect("it stops").unwrap();
    let logged = std::fs::read(&log).unwrap();
    assert!(status.success(), "{}", text(&logged));
    let needles = needles(items);
    let mut found = leaks("the log", &logged, &needles);
    for call in fake.calls() {
        found.extend(leaks(
            &format!("{} to {:?}", call.method, call.chat_id()),
            call.body.to_string().as_bytes(),
            &needles,
        ));
    }
    search_dir(&dir.path().join("data"), &needles, &mut found);
    // Every message that held a number went from its chat (a button press is no message); a number in
    // parts takes its earlier parts with it.
    let deleted: Vec<i64> = fake
        .calls()
        .iter()
        .filter(|c| c.method.eq_ignore_ascii_case("deleteMessage"))
        .filter_map(|c| c.chat_id())
        .collect();
    let want = items.iter().filter(|(_, e)| *e != Entry::CallbackData).count() + 3 + 1;
    if deleted.len() < want {
        found.push(format!("only {} messages deleted, {want} expected: {deleted:?}", deleted.len()));
    }
    if !deleted.contains(&STAFF_CHAT) {
        found.push("no staff message deleted".into());
    }
    found
}

/// A person `user` with a case sends one entry point's worth (and staff act on their case where the entry
/// is staff's).
async fn send(fake: &swipefix_lab::fake_telegram::FakeTelegram, user: i64, entry: Entry, c: &Card) {
    let wait = std::time::Duration::from_secs(30);
    let said = |t: &str| {
        let before = fake.sent_count(user);
        fake.push_text(user, Some("en"), t);
        before
    };
    for t in ["/start", "cn", "cardholder"] {
        let before = said(t);
        assert!(fake.message_to(user, before, wait).await.is_some(), "a reply to {t}");
    }
    let first = fake.sent_to(user).into_iter().find(|m| m.text().contains("SF-")).expect("a case id");
    let case_id = regex::Regex::new(r"SF-\d{6}-[0-9A-Z]{4}").unwrap().find(first.text()).unwrap().as_str().to_string();
    let staff_says = |t: String| async move {
        let before = fake.sent_count(STAFF_CHAT);
        fake.push_group_text(STAFF_CHAT, STAFF, &t);
        assert!(fake.message_to(STAFF_CHAT, before, wait).await.is_some(), "staff got an answer to {t}");
    };
    match entry {
        Entry::StaffReply | Entry::StaffNote => {
            for l in lines(entry, c, &case_id) {
                staff_says(l).await;
            }
        }
        Entry::Caption | Entry::FileName => {
            let content = if entry == Entry::Caption {
                json!({ "photo": [{ "file_id": "f", "file_unique_id": "u", "width": 1, "height": 1 }],
                    "caption": format!("slip {}", c.typed) })
            } else {
                json!({ "document": { "file_id": "d", "file_unique_id": "du", "file_name": format!("card {}.jpg", c.typed) } })
            };
            let before = fake.sent_count(user);
            fake.push(fake.message(user, None, content));
            assert!(fake.message_to(user, before, wait).await.is_some(), "a reply to the file");
        }
        Entry::CallbackData => {
            let n = fake.count("answerCallbackQuery");
            fake.push_press(user, &first, &format!("{case_id}|0|{}", c.typed));
            assert!(fake.wait_for_count("answerCallbackQuery", n, wait).await, "the press was answered");
        }
        _ => {
            if entry == Entry::Relayed {
                staff_says(format!("/take {case_id}")).await;
            }
            for l in lines(entry, c, &case_id) {
                let before = said(&l);
                assert!(fake.message_to(user, before, wait).await.is_some(), "a reply to {l:?}");
            }
        }
    }
}

proptest! {
    // Each case starts a bot: few cases, and little shrinking (the failure report lists every item anyway).
    #![proptest_config(ProptestConfig { cases: 2, max_shrink_iters: 4, ..ProptestConfig::default() })]

    #[test]
    fn no_entry_point_keeps_logs_or_sends_a_card_number_over_telegram(
        cards in proptest::collection::vec(card(), ALL.len()),
    ) {
        let items: Vec<(Card, Entry)> = cards.into_iter().zip(ALL).collect();
        let found = telegram(&items);
        prop_assert!(found.is_empty(), "{found:#?}\n{items:#?}");
    }
}

/// Several processes behind one webhook: the parts of a card number may reach different processes. The one
/// that receives the last part names every earlier part's message for deletion, from the case — not only
/// the ones it saw itself.
#[test]
fn the_parts_of_a_card_number_sent_to_two_processes_are_all_named_for_deletion() {
    let store: std::sync::Arc<dyn swipefix::store::CaseStore> =
        std::sync::Arc::new(swipefix::store::MemoryStore::new());
    let (a, _) = super::common::app_with(store.clone());
    let (b, _) = super::common::app_with(store);
    let ids = a.interrupt_ids();
    let user = "tg:4242";
    let said = |app: &swipefix::session::App, n: u64, t: &str| {
        app.handle_message(user, Some("en"), swipefix::session::Incoming::parse(t, &ids), n, 100 + n as i64).unwrap()
    };
    for (n, t) in ["/start", "cn", "cardholder"].iter().enumerate() {
        said(&a, n as u64 + 1, t);
    }
    said(&b, 4, "4111 1111");
    said(&a, 5, "1111");
    let last = said(&b, 6, "1111");
    assert_eq!(last.redact_earlier, 2, "{last:?}");
    assert_eq!(last.earlier_messages, [105, 104], "both earlier parts, one received by the other process");
}
