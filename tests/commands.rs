//! The command table: one table feeds parsing, `flow check`, the Telegram menus and `/help`; `/cases`, the
//! command added as one file, one row and its texts.

use super::common::{copy_tree, memory_app, text};
use swipefix::channel::telegram::menu_commands;
use swipefix::session::commands::{TABLE, Who, of};
use swipefix::session::{App, Incoming, Reply, help};

fn send(app: &App, user: &str, line: &str) -> Reply {
    app.handle(user, None, Incoming::parse(line, &app.interrupt_ids())).unwrap()
}

fn all_text(r: &Reply) -> String {
    r.messages.iter().map(|m| m.text.as_str()).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_command_is_in_help_and_the_menu_in_every_locale() {
    let c = super::common::catalog();
    let interrupts: Vec<String> = c.flow.interrupts.iter().map(|i| i.id.clone()).collect();
    assert!(!interrupts.is_empty());
    for locale in c.i18n.locales() {
        let people: Vec<String> = of(Who::Person)
            .map(|c| c.name.to_string())
            .chain(interrupts.iter().cloned())
            .chain(of(Who::Merchant).map(|c| c.name.to_string()))
            .collect();
        let staff: Vec<String> = of(Who::Staff).map(|c| c.name.to_string()).collect();
        assert_eq!(people.len() + staff.len(), TABLE.len() + interrupts.len());
        for (who, names) in [(Who::Person, &people), (Who::Staff, &staff)] {
            let menu = menu_commands(&c, &locale, who);
            let menu_names: Vec<&str> = menu.iter().map(|m| m.command.as_str()).collect();
            assert_eq!(menu_names, names.iter().map(String::as_str).collect::<Vec<_>>(), "{locale} {who:?}");
            for m in &menu {
                assert!(!m.description.is_empty() && !m.description.starts_with("cmd-"), "{locale}: {m:?}");
            }
            let help = help(&c, &locale, who);
            for n in names.iter() {
                assert!(help.contains(&format!("/{n} ")), "/{n} missing from the {locale} help:\n{help}");
            }
        }
    }
}

#[test]
fn help_in_the_chat_lists_the_table_and_asks_the_question_again() {
    let (app, _) = memory_app();
    for (user, lang) in [("cli:en", "en-US"), ("cli:cn", "zh-CN"), ("cli:hk", "zh-HK"), ("cli:tw", "zh-TW")] {
        send(&app, user, &format!("/lang {lang}"));
        let r = send(&app, user, "/help");
        let text = all_text(&r);
        for c in of(Who::Person).chain(of(Who::Merchant)) {
            assert!(text.contains(&format!("/{} — ", c.name)), "{lang}: /{} in\n{text}", c.name);
        }
        assert!(r.awaiting.is_some(), "the current question follows");
        let alias = if lang == "en-US" { "/help" } else { "/帮助" };
        assert_eq!(all_text(&send(&app, user, alias)), text, "{alias} is /help");
    }
}

/// A copy of the shipped tree whose `human` interrupt is renamed `name`; returns what `flow check` says.
fn check_with_interrupt_named(name: &str) -> (Option<i32>, String, usize) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(dir.path());
    let main = dir.path().join("flows/main.toml");
    let src = std::fs::read_to_string(&main).unwrap();
    let edited = src.replacen("id = \"human\"", &format!("id = \"{name}\""), 1);
    assert_ne!(src, edited, "the fixture edit applies");
    std::fs::write(&main, &edited).unwrap();
    for locale in super::common::shipped_locales() {
        // The interrupt's menu text, so that the clash is the only problem.
        let ui = dir.path().join(format!("locales/{locale}/ui.ftl"));
        let texts = std::fs::read_to_string(&ui).unwrap();
        if !texts.contains(&format!("\ncmd-{name} =")) {
            std::fs::write(&ui, format!("{texts}\ncmd-{name} = x\n")).unwrap();
        }
        // The words for it follow the rename (words for an interrupt the tree lacks are a problem).
        let phrases = dir.path().join(format!("locales/{locale}/phrases.toml"));
        let words = std::fs::read_to_string(&phrases).unwrap();
        std::fs::write(&phrases, words.replace("[interrupt.human]", &format!("[interrupt.{name}]"))).unwrap();
    }
    // Problems name the line of the interrupt's table.
    let id_line = edited.lines().position(|l| l.contains(&format!("id = \"{name}\""))).unwrap();
    let line =
        edited.lines().take(id_line).collect::<Vec<_>>().iter().rposition(|l| l.trim() == "[[interrupt]]").unwrap() + 1;
    let out = super::common::flow_check(dir.path());
    (out.status.code(), text(&out.stdout), line)
}

#[test]
fn a_flow_interrupt_named_like_a_command_or_its_alias_fails_flow_check() {
    for name in ["merchant", "cases", "shop", "start"] {
        let (code, stdout, line) = check_with_interrupt_named(name);
        assert_eq!(code, Some(1), "{name}: {stdout}");
        assert!(stdout.contains(&format!("flows/main.toml:{line}:")), "{name} at line {line}:\n{stdout}");
        assert!(stdout.contains(&format!("/{name}")), "{name}:\n{stdout}");
    }
    let (code, stdout, _) = check_with_interrupt_named("operator");
    assert_eq!(code, Some(0), "a free name passes: {stdout}");
}

#[test]
fn cases_lists_a_persons_cases_and_switches_to_one() {
    let (app, _) = memory_app();
    let user = "cli:ana";
    send(&app, user, "hi");
    send(&app, user, "cn");
    let first = app.current_case(user).unwrap().unwrap();
    send(&app, user, "/start");
    let second = app.current_case(user).unwrap().unwrap();
    assert_ne!(first.id, second.id);

    let r = send(&app, user, "/cases");
    let list = all_text(&r);
    assert!(list.contains(&first.id) && list.contains(&second.id), "{list}");
    assert!(list.contains("(current)"), "{list}");
    let buttons: Vec<&str> = r.messages.iter().flat_map(|m| &m.buttons).map(|b| b.id.as_str()).collect();
    assert_eq!(buttons, [format!("/cases {}", first.id)], "a button for each other case");

    let r = send(&app, user, &format!("/cases {}", first.id.to_lowercase()));
    assert!(all_text(&r).contains(&format!("Case {} is your current case again", first.id)), "{}", all_text(&r));
    assert_eq!(app.current_case(user).unwrap().unwrap().id, first.id);
    assert_eq!(r.awaiting.as_ref().map(|a| a.node.as_str()), Some(first.node.as_str()), "where that case stands");
    // The next answer goes to that case.
    send(&app, user, "cardholder");
    assert_ne!(app.current_case(user).unwrap().unwrap().node, first.node);

    let r = send(&app, user, "/cases SF-000000-NONE");
    assert!(all_text(&r).contains("is not one of your cases"), "{}", all_text(&r));
    let r = send(&app, "cli:nobody", "/cases");
    assert!(all_text(&r).contains("no cases yet"), "{}", all_text(&r));
}

#[test]
fn cases_of_someone_else_cannot_be_switched_to() {
    let (app, _) = memory_app();
    send(&app, "cli:a", "hi");
    let theirs = app.current_case("cli:a").unwrap().unwrap();
    send(&app, "cli:b", "hi");
    let r = send(&app, "cli:b", &format!("/cases {}", theirs.id));
    assert!(all_text(&r).contains("is not one of your cases"), "{}", all_text(&r));
    assert_eq!(app.current_case("cli:a").unwrap().unwrap().owner, "cli:a");
    assert_ne!(app.current_case("cli:b").unwrap().unwrap().id, theirs.id);
}

#[test]
fn cases_in_the_terminal_in_chinese() {
    let (app, _) = memory_app();
    let out = super::common::chat(
        &app,
        "cli:li",
        Some("zh-CN"),
        swipefix::channel::terminal::Mode::Text,
        &["1", "/start", "/cases"],
    );
    assert!(out.contains("您的案件：2 个"), "{out}");
    assert!(out.contains("（当前）"), "{out}");
    assert!(out.contains("/cases SF-"), "the other case is offered as a command to type:\n{out}");
}

#[test]
fn commands_answer_in_the_language_the_person_chose_not_their_apps() {
    let (app, _) = memory_app();
    let h = |line: &str| app.handle("tg:3", Some("en"), Incoming::parse(line, &app.interrupt_ids())).unwrap();
    h("/start");
    h("/start");
    h("/lang zh-CN");
    assert!(all_text(&h("/cases")).contains("您的案件"), "{}", all_text(&h("/cases")));
    assert!(all_text(&h("/remind")).contains("/remind off"), "{}", all_text(&h("/remind")));
    assert!(all_text(&h("/remind")).contains("提醒"));
    h("/start");
    assert_eq!(app.current_case("tg:3").unwrap().unwrap().locale, "zh-CN", "a new case keeps the chosen language");
}

#[test]
fn only_staff_commands_are_the_desks_and_help_there_lists_them() {
    use swipefix::session::is_staff_command;
    for staff in ["/queue", "/case SF-1", "/take@swipefix_bot SF-1", "/close SF-1 resolved"] {
        assert!(is_staff_command(staff), "{staff}");
    }
    for other in ["/help", "/start", "hello", "/cases"] {
        assert!(!is_staff_command(other), "{other} is left alone in the staff chat");
    }
    let (app, _) = memory_app();
    let usage = app.staff("tg:9001", "en-US", "/help").expect("help for staff").unwrap();
    assert!(usage.staff_text.contains("/reply ID text — "), "{}", usage.staff_text);
    assert!(app.staff("tg:9001", "en-US", "/start").is_none());
}

#[test]
fn a_bare_lang_waits_for_its_answer_typed_as_a_number_or_a_name() {
    let (app, _) = memory_app();
    for line in ["hi", "cn", "cardholder", "no"] {
        send(&app, "cli:l", line);
    }
    let before = app.current_case("cli:l").unwrap().unwrap();
    assert_eq!(before.node, "error_type");
    send(&app, "cli:l", "/lang");
    // "2" is the second language button (zh-CN), not the second answer to the question.
    let r = send(&app, "cli:l", "2");
    let c = app.current_case("cli:l").unwrap().unwrap();
    assert_eq!(c.locale, "zh-CN", "{}", all_text(&r));
    assert_eq!(c.node, "error_type", "the question was not answered");
    assert!(!c.answers.contains_key("error_type"));
    // Once chosen, "2" answers the question again.
    send(&app, "cli:l", "2");
    assert_eq!(app.current_case("cli:l").unwrap().unwrap().node, "amount");
    // A name as on its button works too; anything else goes to the question as usual.
    send(&app, "cli:l", "/lang");
    send(&app, "cli:l", "English");
    assert_eq!(app.current_case("cli:l").unwrap().unwrap().locale, "en-US");
    send(&app, "cli:l", "/lang");
    send(&app, "cli:l", "1,280");
    let c = app.current_case("cli:l").unwrap().unwrap();
    assert_eq!((c.locale.as_str(), c.node.as_str()), ("en-US", "txn_time"), "the amount was answered");
    assert!(!c.picking_lang);
}
