//! The engine on the shipped tree, driven by arbitrary bytes: each byte picks a move (a button, a typed
//! answer from a small set, a command, or a chunk of the input as text). The case must stay at a real node,
//! read back unchanged from its JSON, and never hold a card number.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use swipefix::engine::{Flow, Input, gate, new_case, step};

fn flow() -> &'static Flow {
    static F: OnceLock<Flow> = OnceLock::new();
    F.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        swipefix::session::load_catalog(&root.join("flows"), &root.join("locales")).expect("the shipped tree").flow
    })
}

const TYPED: &[&str] = &["88", "yesterday 18:05", "1234", "Shop", "yes", "no", "4111 1111", "1111 1111", "cvv 737"];

fuzz_target!(|data: &[u8]| {
    let flow = flow();
    let t0 = chrono::DateTime::from_timestamp(1_795_600_000, 0).unwrap();
    let mut case = new_case(flow, "F-1", "fuzz:1", "en-US", t0);
    case = step(flow, &case, Input::Resume, t0).0;
    let mut rest = data;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        let node = flow.node(&case.node).expect("a real node");
        let input = match b % 8 {
            0..=2 => {
                let bs = node.buttons();
                if bs.is_empty() { Input::Text(TYPED[b as usize % TYPED.len()].into()) } else { Input::Choice(bs[b as usize % bs.len()].id.clone()) }
            }
            3 | 4 => Input::Text(TYPED[b as usize % TYPED.len()].into()),
            5 => {
                let n = (rest.first().copied().unwrap_or(0) as usize % 40).min(rest.len());
                let text = String::from_utf8_lossy(&rest[..n]).into_owned();
                rest = &rest[n..];
                Input::Text(text)
            }
            6 => [Input::Back, Input::Status, Input::Resume, Input::Interrupt("scam".into())][b as usize / 8 % 4].clone(),
            _ => Input::Interrupt("human".into()),
        };
        case = step(flow, &case, input, t0).0;
        assert!(flow.node(&case.node).is_some());
    }
    let json = serde_json::to_vec(&case).unwrap();
    assert_eq!(swipefix::store::case_codec::decode(&json).unwrap(), case);
    assert!(gate::admit(&String::from_utf8(json).unwrap()).found.card.is_none());
});
