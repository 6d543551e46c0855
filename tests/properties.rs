//! Random walks through the shipped flows: they always reach a final node or a hand-off, and junk input at
//! any node never panics and leaves the case loadable.

use super::common::{catalog, t0};
use proptest::prelude::*;
use swipefix::engine::flow::{NodeKind, SNOOZE};
use swipefix::engine::step::Effect;
use swipefix::engine::{Case, Input, InputKind, new_case, step};
use swipefix::store::{CaseStore, MemoryStore};

/// A valid answer for an input node, picked by `seed`.
fn valid_input(kind: InputKind, seed: u64) -> String {
    let pick = |xs: &[&str]| xs[(seed % xs.len() as u64) as usize].to_string();
    match kind {
        InputKind::Amount => pick(&["1280", "¥88.50", "1,280.50", "3000元", "12000", "RMB 50000"]),
        InputKind::Date => pick(&["yesterday", "2026-11-20", "今天"]),
        InputKind::DateTime => pick(&["yesterday 18:05", "2026-11-20 09:30", "today 10:00", "昨天 下午3点"]),
        InputKind::YesNo => pick(&["yes", "no"]),
        InputKind::Text => pick(&["Corner Shop", "星巴克", "ACME Ltd."]),
        InputKind::Last4 => pick(&["1234", "*9876"]),
    }
}

/// Walks with random valid moves; returns the case and whether it ended (final node or hand-off).
fn walk(seeds: &[u64]) -> (Case, bool, usize) {
    let flow = &catalog().flow;
    let mut case = new_case(flow, "P-1", "prop:1", "en-US", t0());
    let (c, _) = step(flow, &case, Input::Resume, t0());
    case = c;
    for (i, seed) in seeds.iter().enumerate() {
        if case.is_closed() || !case.handoffs.is_empty() {
            return (case, true, i);
        }
        let node = flow.node(&case.node).expect("the case is at a real node");
        let input = match &node.kind {
            NodeKind::Choice { options } => {
                // Corrections and "ask me again later" keep the person where they are, as they should: a
                // walk takes them one time in four, so that it also moves on.
                let bs = node.buttons();
                let stays = |id: &str| id == SNOOZE || options.iter().any(|o| o.id == id && o.edit.is_some());
                let onward: Vec<_> = bs.iter().filter(|b| !stays(&b.id)).collect();
                let pool = if seed % 4 == 0 || onward.is_empty() { bs.iter().collect() } else { onward };
                Input::Choice(pool[(*seed / 4 % pool.len() as u64) as usize].id.clone())
            }
            NodeKind::Input { input, .. } => Input::Text(valid_input(*input, seed / 7).into()),
            other => panic!("resting at a {} node {}", other.name(), node.id),
        };
        let (c, fx) = step(flow, &case, input, t0());
        assert!(fx.iter().any(|e| matches!(e, Effect::Say { .. })), "every step says something");
        case = c;
    }
    let ended = case.is_closed() || !case.handoffs.is_empty();
    (case, ended, seeds.len())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn random_walks_reach_an_end_within_60_steps(seeds in proptest::collection::vec(any::<u64>(), 60)) {
        let (case, ended, _) = walk(&seeds);
        prop_assert!(ended, "stuck at {} after 60 answers: {:?}", case.node, case.history);
    }

    #[test]
    fn junk_at_any_node_never_panics_and_the_case_stays_loadable(
        seeds in proptest::collection::vec(any::<u64>(), 0..25),
        junk in proptest::collection::vec(junk_input(), 1..6),
    ) {
        let flow = &catalog().flow;
        let (mut case, _, _) = walk(&seeds);
        let store = MemoryStore::new();
        case.version = store.save(&case).unwrap();
        for j in junk {
            let before = case.node.clone();
            let (c, _) = step(flow, &case, j, t0());
            prop_assert!(c.node.is_empty() || flow.node(&c.node).is_some(), "{} -> unknown node {}", before, c.node);
            let mut c = c;
            c.version = case.version;
            c.version = store.save(&c).unwrap();
            let loaded = store.load(&c.id).unwrap().unwrap();
            let json = serde_json::to_string(&loaded).unwrap();
            let back: Case = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &loaded);
            case = loaded;
        }
    }
}

fn junk_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        any::<String>().prop_map(|s| Input::Text(s.into())),
        "[0-9 ,.¥$元-]{0,30}".prop_map(|s| Input::Text(s.into())),
        "\\PC{0,200}".prop_map(|s| Input::Text(s.into())),
        "[a-z_]{0,12}".prop_map(Input::Choice),
        Just(Input::Back),
        Just(Input::Status),
        Just(Input::Help),
        Just(Input::Resume),
        Just(Input::Interrupt("scam".into())),
        Just(Input::Interrupt("human".into())),
        Just(Input::Interrupt("nope".into())),
        Just(Input::Text("x".repeat(5000).into())),
        Just(Input::Text("4111 1111 1111 1111".into())),
        Just(Input::Text("\u{0}\u{202e}{ $x }<b>".into())),
    ]
}
