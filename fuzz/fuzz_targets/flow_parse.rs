//! The flow loader on arbitrary bytes: one flow file and one jurisdiction file. It must return a tree or
//! problems, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (flow, juris) = text.split_once("\n---\n").unwrap_or((&text, ""));
    let r = swipefix::engine::Flow::parse(
        &[("flows/main.toml".into(), flow.to_string())],
        &[("flows/jurisdictions/cn.toml".into(), juris.to_string())],
    );
    if let Err(problems) = r {
        assert!(!problems.is_empty());
    }
});
