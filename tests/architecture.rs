//! Architecture invariants from ARCHITECTURE.md, checked on the source text.

use super::common::root;

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_engine_does_no_io() {
    let mut files = Vec::new();
    rust_files(&root().join("src/engine"), &mut files);
    assert!(files.len() >= 5, "engine sources found: {files:?}");
    let forbidden = [
        "tokio",
        "teloxide",
        "sled",
        "fluent",
        "std::fs",
        "std::net",
        "std::io",
        "std::process",
        "std::env",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "rand::",
        "thread_rng",
        "tracing",
    ];
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for word in forbidden {
                // A whole path segment, not part of a longer name (`Operand::` is not `rand::`).
                let hit = line
                    .match_indices(word)
                    .any(|(i, _)| !line[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
                assert!(!hit, "{}:{}: the engine must not use `{word}`: {line}", f.display(), n + 1);
            }
        }
    }
}

#[test]
fn only_the_telegram_channel_imports_teloxide_and_only_the_store_imports_sled() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for f in files {
        let rel = f.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&f).unwrap();
        if !rel.starts_with("src/channel/telegram") {
            assert!(!text.contains("teloxide::"), "{rel} uses teloxide");
        }
        if !rel.starts_with("src/store/") {
            assert!(!text.contains("sled::"), "{rel} uses sled directly; go through CaseStore");
        }
    }
}

#[test]
fn every_module_starts_with_a_header_comment() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} has no //! header saying what it owns", f.display());
    }
}
