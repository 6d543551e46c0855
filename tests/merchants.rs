//! Shops and their names: the rules a name must keep (in several scripts, with full-width and spacing
//! tricks), staff's review (`/approve`, `/reject`, `/shops`, a name registered twice), what a customer is told
//! before and after approval, records from before reviews, and a joined case becoming the current one.

use super::common::{catalog, memory_app_and_store};
use std::sync::Arc;
use swipefix::engine::Answer;
use swipefix::merchant::name::{NameProblem, NameRules, same_name_key};
use swipefix::merchant::name_rules;
use swipefix::session::{App, Incoming, Reply, StaffOutcome};
use swipefix::store::{CaseStore, Merchant, Review};

const STAFF: &str = "tg:9001";

fn text(r: &Reply) -> String {
    r.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n")
}

fn say(app: &App, user: &str, lang: &str, line: &str) -> Reply {
    app.handle(user, Some(lang), Incoming::parse(line, &app.interrupt_ids())).unwrap()
}

fn staff(app: &App, line: &str) -> StaffOutcome {
    app.staff(STAFF, "en-US", line).expect("a staff command").unwrap()
}

/// The rules with the shipped word lists of every locale.
fn rules() -> NameRules {
    name_rules(&catalog().i18n)
}

/// Registers `owner` as `shop`; returns the shop's code.
fn register(app: &App, store: &Arc<dyn CaseStore>, owner: &str, shop: &str) -> String {
    let r = say(app, owner, "en", &format!("/merchant {shop}"));
    let m = store.merchant_of(owner).unwrap().unwrap_or_else(|| panic!("{shop} was refused: {}", text(&r)));
    assert_eq!(r.staff_review.as_deref(), Some(m.code.as_str()), "staff are asked to review it");
    m.code
}

#[test]
fn names_in_several_scripts_are_accepted_and_kept_normalised() {
    let r = rules();
    for (typed, kept) in [
        ("Corner Shop", "Corner Shop"),
        ("  Joe's Café  &  Bar ", "Joe's Café & Bar"),
        ("Joe’s Diner", "Joe's Diner"),
        ("Müller Bäckerei", "Müller Bäckerei"),
        ("7-Eleven", "7-Eleven"),
        ("Dr. Pho", "Dr. Pho"),
        ("Riverbank Bakery", "Riverbank Bakery"),
        ("Lily·Flower", "Lily·Flower"),
        ("Ｃｏｒｎｅｒ　Ｓｈｏｐ", "Corner Shop"),
        ("星巴克", "星巴克"),
        ("街角小店", "街角小店"),
        ("麥當勞 McDonald's", "麥當勞 McDonald's"),
        ("Ресторан Ёлка", "Ресторан Ёлка"),
        ("Καφενείο", "Καφενείο"),
        ("김밥천국", "김밥천국"),
        ("Café 24", "Café 24"),
    ] {
        assert_eq!(r.check(typed), Ok(kept.to_string()), "{typed:?}");
    }
}

#[test]
fn names_that_impersonate_or_reach_someone_are_refused_with_the_rule() {
    let r = rules();
    let word = |w: &str| NameProblem::Word(w.to_string());
    for (typed, problem) in [
        ("Swipefix Support", word("support")),
        ("Ｓｕｐｐｏｒｔ Desk", word("support")),
        ("s u p p o r t", word("support")),
        ("S.U.P.P.O.R.T", word("support")),
        ("SUPP0RT Centre", word("support")),
        ("River Bank", word("bank")),
        ("B-A-N-K", word("bank")),
        ("Quick Refund Desk", word("refund")),
        ("ｓｗｉｐｅｆｉｘ", word("swipefix")),
        ("Best Customer Service", word("customer service")),
        ("客服中心", word("客服")),
        ("客 服", word("客服")),
        ("中国银行", word("银行")),
        ("中國銀行", word("銀行")),
        ("退款处", word("退款")),
        ("官方旗舰店", word("官方")),
        ("ѕupport", NameProblem::Scripts),
        ("Раураl", NameProblem::Scripts),
        ("A", NameProblem::Length),
        ("A Very Long Shop Name That Goes On And On Forever", NameProblem::Length),
        ("Shop\nsecond line", NameProblem::Lines),
        ("visit evil.com", NameProblem::Link),
        ("https x", NameProblem::Link),
        ("www.shop", NameProblem::Link),
        ("Shop @sf_refund_desk", NameProblem::Handle),
        ("desk@mail.com", NameProblem::Email),
        ("Call 13800138000", NameProblem::Number),
        ("Shop 138-0013-8000", NameProblem::Number),
        ("Shop 4111111111111111", NameProblem::Number),
        ("Shop!", NameProblem::Chars),
        ("Pizza 🍕", NameProblem::Chars),
        ("s\u{200B}upport", NameProblem::Chars),
        ("...", NameProblem::NoLetters),
    ] {
        assert_eq!(r.check(typed), Err(problem), "{typed:?}");
    }
}

#[test]
fn every_locale_has_a_word_list_and_all_of_them_apply_to_every_name() {
    for locale in catalog().i18n.locales() {
        let list = catalog().i18n.raw(&locale, swipefix::merchant::name::BLOCKLIST_KEY, &[]);
        assert!(list.split([',', '，']).count() >= 10, "{locale}: {list}");
    }
    // A Chinese word is refused from someone writing in English, and an English one from someone in Chinese.
    let (app, store) = memory_app_and_store();
    let en = text(&say(&app, "tg:1", "en", "/merchant 中国银行"));
    assert!(en.contains("can't contain “银行”"), "{en}");
    let zh = text(&say(&app, "tg:2", "zh-CN", "/merchant Support Shop"));
    assert!(zh.contains("店名里不能包含“support”"), "{zh}");
    let tw = text(&say(&app, "tg:3", "zh-TW", "/merchant 街角小店 https://evil.example"));
    assert!(tw.contains("店名裡不能包含網址或連結"), "{tw}");
    assert!(store.merchants().unwrap().is_empty(), "nothing refused is stored");
}

#[test]
fn the_phishing_registration_from_the_issue_is_refused_and_never_greets_anyone() {
    let (app, store) = memory_app_and_store();
    let r = say(
        &app,
        "tg:66",
        "en",
        "/merchant swipefix support. URGENT: your refund is ready, send card no. + SMS code to @sf_refund_desk; 1",
    );
    assert!(text(&r).contains("must be 2 to 40 characters"), "{}", text(&r));
    assert_eq!(r.staff_review, None);
    for short in ["swipefix support", "URGENT refund", "send SMS code to @sf_refund_desk"] {
        let r = say(&app, "tg:66", "en", &format!("/merchant {short}"));
        assert!(text(&r).contains("A shop name can't contain"), "{short}: {}", text(&r));
    }
    assert!(store.merchants().unwrap().is_empty());
}

#[test]
fn a_pending_link_greets_without_the_name_and_approval_names_the_shop_as_an_attribute() {
    let (app, store) = memory_app_and_store();
    let code = register(&app, &store, "tg:10", "Corner Shop");
    let mine = text(&say(&app, "tg:10", "en", "/merchant"));
    assert!(mine.contains("Our staff check every shop name"), "{mine}");

    let before = say(&app, "tg:11", "en", &format!("/start {code}"));
    assert!(text(&before).contains("You came through a shop's link"), "{}", text(&before));
    assert!(!text(&before).contains("Corner Shop"), "{}", text(&before));
    let c = app.current_case("tg:11").unwrap().unwrap();
    assert_eq!(c.referrer.as_deref(), Some(code.as_str()));
    assert_eq!(c.answers.get("merchant_name"), None);

    let out = staff(&app, &format!("/approve {code}"));
    assert!(out.staff_text.contains("Approved: «Corner Shop»"), "{}", out.staff_text);
    let (to, told) = out.to_person.expect("the shop is told");
    assert_eq!(to, "tg:10");
    assert!(told.contains("«Corner Shop» is approved"), "{told}");
    assert!(text(&say(&app, "tg:10", "en", "/merchant")).contains("Your shop's name is approved"));

    for (user, lang, want) in [
        ("tg:12", "en", "You came through the link of the shop registered with us as «Corner Shop»."),
        ("tg:13", "zh-CN", "您是通过一家商户的链接进来的，这家商户在我们这里登记的店名是“Corner Shop”。"),
        ("tg:14", "zh-TW", "您是透過一間店家的連結進來的，這間店家在我們這裡登記的店名是「Corner Shop」。"),
        ("tg:15", "zh-HK", "你是經一間商戶的連結進來的，這間商戶在我們這裏登記的店名是「Corner Shop」。"),
    ] {
        let r = text(&say(&app, user, lang, &format!("/start {code}")));
        assert!(r.contains(want), "{lang}: {r}");
        let c = app.current_case(user).unwrap().unwrap();
        assert_eq!(c.answers.get("merchant_name"), Some(&Answer::Text("Corner Shop".into())));
    }
    assert_eq!(
        staff(&app, &format!("/approve {code}")).staff_text,
        "«Corner Shop» (".to_string() + &code + ") is approved already."
    );
}

#[test]
fn a_shops_customer_is_not_asked_their_role_or_the_shop_again() {
    let (app, store) = memory_app_and_store();
    let code = register(&app, &store, "tg:20", "Corner Shop");
    staff(&app, &format!("/approve {code}"));
    say(&app, "tg:21", "en", &format!("/start {code}"));
    let r = say(&app, "tg:21", "en", "uk");
    assert!(!text(&r).contains("Who are you in this payment?"), "{}", text(&r));
    assert_eq!(app.current_case("tg:21").unwrap().unwrap().node, "safety_gate");
    for line in ["no", "double", "12", "yesterday 18:05"] {
        say(&app, "tg:21", "en", line);
    }
    let r = say(&app, "tg:21", "en", "1234");
    assert!(!text(&r).contains("The name of the shop"), "{}", text(&r));
    assert_eq!(
        app.current_case("tg:21").unwrap().unwrap().node,
        "double_failed",
        "the shop is known: on to the timing"
    );
}

#[test]
fn a_rejection_tells_the_shop_why_and_keeps_the_link_nameless() {
    let (app, store) = memory_app_and_store();
    let code = register(&app, &store, "tg:20", "Golden Dragon");
    assert!(staff(&app, &format!("/reject {code}")).staff_text.contains("/reject"), "a reason is required");
    let out = staff(&app, &format!("/reject {code} this is a restaurant chain's name; send your own"));
    assert!(out.staff_text.contains("Refused: «Golden Dragon»"), "{}", out.staff_text);
    let (to, told) = out.to_person.expect("the shop is told");
    assert_eq!(to, "tg:20");
    assert!(
        told.contains("did not approve the shop name «Golden Dragon»: this is a restaurant chain's name"),
        "{told}"
    );
    let m = store.merchant(&code).unwrap().unwrap();
    assert!(matches!(m.review, Review::Rejected { ref by, .. } if by == STAFF));

    let greeting = text(&say(&app, "tg:21", "en", &format!("/start {code}")));
    assert!(!greeting.contains("Golden Dragon") && greeting.contains("a shop's link"), "{greeting}");

    // The same name again is not sent for review again; another name is.
    let again = say(&app, "tg:20", "en", "/merchant Golden Dragon");
    assert_eq!(again.staff_review, None);
    assert!(text(&again).contains("did not approve this name: this is a restaurant chain's name"), "{}", text(&again));
    let renamed = say(&app, "tg:20", "en", "/merchant Lucky Noodles");
    assert_eq!(renamed.staff_review.as_deref(), Some(code.as_str()), "the code stays, the new name waits");
    assert_eq!(store.merchant(&code).unwrap().unwrap().review, Review::Pending);
    let notice = app.review_notice(&code, "en-US").unwrap().unwrap();
    assert!(notice.contains("«Lucky Noodles»") && notice.contains("tg:20"), "{notice}");
}

#[test]
fn a_renamed_shop_is_reviewed_again_before_its_new_name_is_shown() {
    let (app, store) = memory_app_and_store();
    let code = register(&app, &store, "tg:25", "Tea House");
    staff(&app, &format!("/approve {code}"));
    // New terminals, same name: still approved.
    assert_eq!(say(&app, "tg:25", "en", "/merchant Tea House; 555").staff_review, None);
    assert!(store.merchant(&code).unwrap().unwrap().is_approved());
    register(&app, &store, "tg:25", "Tea House Two");
    let greeting = text(&say(&app, "tg:26", "en", &format!("/start {code}")));
    assert!(!greeting.contains("Tea House"), "{greeting}");
}

#[test]
fn a_name_already_registered_is_flagged_to_staff_before_approval() {
    let (app, store) = memory_app_and_store();
    let first = register(&app, &store, "tg:30", "Corner Shop");
    staff(&app, &format!("/approve {first}"));
    let second = register(&app, &store, "tg:31", "ＣＯＲＮＥＲ-shop");
    assert_eq!(same_name_key("ＣＯＲＮＥＲ-shop"), same_name_key("Corner Shop"));

    let notice = app.review_notice(&second, "en-US").unwrap().unwrap();
    assert!(notice.contains(&format!("same name is registered already: {first} «Corner Shop» (approved)")), "{notice}");
    let listed = staff(&app, "/shops").staff_text;
    assert!(listed.contains("Shop names waiting for review: 1") && listed.contains(&second), "{listed}");
    assert!(listed.contains(&format!("{first} «Corner Shop» (approved)")), "{listed}");

    let held = staff(&app, &format!("/approve {second}"));
    assert!(held.staff_text.contains("Not approved yet") && held.staff_text.contains(&first), "{}", held.staff_text);
    assert_eq!(held.to_person, None);
    assert!(!store.merchant(&second).unwrap().unwrap().is_approved());
    let anyway = staff(&app, &format!("/approve {second} anyway"));
    assert!(anyway.staff_text.contains("Approved"), "{}", anyway.staff_text);
    assert!(store.merchant(&second).unwrap().unwrap().is_approved());
    assert_eq!(staff(&app, "/shops").staff_text, "No shop names are waiting for review.");
}

#[test]
fn only_staff_can_approve() {
    let (app, store) = memory_app_and_store();
    let code = register(&app, &store, "tg:40", "Noodle Bar");
    // A shop (or anyone) typing a staff command to the bot gets no staff command.
    assert!(matches!(Incoming::parse(&format!("/approve {code}"), &app.interrupt_ids()), Incoming::UnknownCommand(_)));
    let r = text(&say(&app, "tg:40", "en", &format!("/approve {code}")));
    assert!(!r.contains("Approved"), "{r}");
    assert!(!store.merchant(&code).unwrap().unwrap().is_approved());
    // In the staff chat, the channel refuses staff commands from anyone not on the staff list.
    for cmd in ["/approve m_x", "/reject m_x no", "/shops"] {
        assert!(swipefix::session::is_staff_command(cmd), "{cmd}");
    }
    let unknown = staff(&app, "/approve m_nosuchcode").staff_text;
    assert_eq!(unknown, "There is no shop registration m_nosuchcode.");
}

#[test]
fn records_from_before_reviews_load_as_pending_and_a_name_breaking_the_rules_cannot_be_approved() {
    let old = r#"{"code":"m_old","owner":"tg:50","shop":"swipefix support. URGENT: send card no.","terminals":[],"created":"2026-01-01T00:00:00Z"}"#;
    let m: Merchant = serde_json::from_str(old).expect("an old record loads");
    assert_eq!(m.review, Review::Pending);
    assert_eq!(m.locale, None);
    let (app, store) = memory_app_and_store();
    store.save_merchant(&m).unwrap();
    let greeting = text(&say(&app, "tg:51", "en", "/start m_old"));
    assert!(!greeting.contains("swipefix support"), "{greeting}");
    let listed = staff(&app, "/shops").staff_text;
    assert!(listed.contains("m_old") && listed.contains("breaks the name rules"), "{listed}");
    let refused = staff(&app, "/approve m_old").staff_text;
    assert!(refused.contains("cannot be approved"), "{refused}");
    assert!(!store.merchant("m_old").unwrap().unwrap().is_approved());
    let out = staff(&app, "/reject m_old impersonates the bot");
    // The shop never said which language it speaks: it is told in the default one.
    assert!(out.to_person.unwrap().1.contains("impersonates the bot"));
}

#[test]
fn joining_a_shops_case_makes_it_current_over_a_newer_case_of_ones_own() {
    let (app, store) = memory_app_and_store();
    let code = register(&app, &store, "tg:60", "Corner Shop");
    staff(&app, &format!("/approve {code}"));
    let opened = text(&say(&app, "tg:60", "en", "/opencase"));
    let join = opened.split_whitespace().find(|w| w.starts_with("c_")).expect("a join code").to_string();
    let shops_case = opened.split_whitespace().find(|w| w.starts_with("SF-")).unwrap().to_string();

    // The customer's own case is newer than the one the shop opened.
    say(&app, "tg:61", "en", "/start");
    say(&app, "tg:61", "en", "cn");
    let own = app.current_case("tg:61").unwrap().unwrap();
    assert!(own.created >= store.load(&shops_case).unwrap().unwrap().created && own.id > shops_case);

    let joined = text(&say(&app, "tg:61", "en", &format!("/start {join}")));
    assert!(
        joined.contains(&format!(
            "You joined case {shops_case}, opened for you by the shop registered with us as «Corner Shop»"
        )),
        "{joined}"
    );
    assert_eq!(app.current_case("tg:61").unwrap().unwrap().id, shops_case);

    // The next answer goes into the joined case, not the newer one.
    say(&app, "tg:61", "en", "cn");
    let joined_case = store.load(&shops_case).unwrap().unwrap();
    assert_eq!(joined_case.answers.get("jurisdiction").map(Answer::plain).as_deref(), Some("cn"), "{joined_case:?}");
    assert_eq!(store.load(&own.id).unwrap().unwrap().version, own.version, "the own case did not move");
}

#[test]
fn a_case_opened_by_a_shop_not_yet_approved_is_joined_without_the_name() {
    let (app, store) = memory_app_and_store();
    register(&app, &store, "tg:70", "Corner Shop");
    let opened = text(&say(&app, "tg:70", "en", "/opencase"));
    let join = opened.split_whitespace().find(|w| w.starts_with("c_")).unwrap().to_string();
    let joined = text(&say(&app, "tg:71", "zh-TW", &format!("/start {join}")));
    assert!(joined.contains("您已加入一家商家為您開立的案件"), "{joined}");
    assert!(!joined.contains("Corner Shop"), "{joined}");
}
