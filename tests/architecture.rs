//! Architecture invariants from ARCHITECTURE.md. Crate boundaries are checked on Cargo's resolved dependency
//! graph (`cargo tree`), module rules on the parsed source (`syn`): every `use` tree and path, however
//! it is written (`use std::{fs, io}`, `fastrand::u64()`), not text matching.

use super::common::root;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// The names of every package `package` depends on to build, transitively, as Cargo resolves features for
/// it alone (`cargo tree -e normal`: no dev or build dependencies, this machine's platform).
fn normal_dependencies(package: &str) -> BTreeSet<String> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["tree", "-p", package, "-e", "normal", "--prefix", "none", "--format", "{p}", "--offline", "--locked"])
        .current_dir(root())
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != package)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_engine_crate_depends_on_no_io_async_or_randomness() {
    let deps = normal_dependencies("swipefix-engine");
    assert!(deps.contains("chrono") && deps.contains("serde"), "the graph was read: {deps:?}");
    for forbidden in ["tokio", "sled", "teloxide", "fluent-bundle", "tracing", "reqwest", "axum", "fastrand", "rand"] {
        assert!(!deps.contains(forbidden), "swipefix-engine depends on {forbidden}: {deps:?}");
    }
    assert!(!deps.iter().any(|d| d.starts_with("fluent")), "{deps:?}");
}

#[test]
fn the_lab_is_never_linked_into_the_bot() {
    let deps = normal_dependencies("swipefix");
    for lab in ["swipefix-lab", "fastrand", "tempfile", "axum-macros"] {
        assert!(!deps.contains(lab), "the shipped bot depends on {lab}");
    }
}

/// Every path a source file names: each `use` tree expanded, every path in code and types.
#[derive(Default)]
struct Paths(Vec<Vec<String>>);

impl<'a> Visit<'a> for Paths {
    fn visit_path(&mut self, p: &'a syn::Path) {
        self.0.push(p.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, p);
    }

    fn visit_item_use(&mut self, u: &'a syn::ItemUse) {
        let mut prefix = Vec::new();
        expand(&u.tree, &mut prefix, &mut self.0);
    }

    fn visit_macro(&mut self, m: &'a syn::Macro) {
        // Macro bodies are token streams: their paths are the `a::b` runs of identifiers in them.
        self.visit_path(&m.path);
        let tokens: Vec<String> = m.tokens.to_string().split_whitespace().map(str::to_string).collect();
        for (i, t) in tokens.iter().enumerate() {
            if tokens.get(i + 1).is_some_and(|n| n == "::") && syn::parse_str::<syn::Ident>(t).is_ok() {
                self.0.push(vec![t.clone()]);
            }
        }
    }
}

fn expand(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            expand(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => out.push([prefix.clone(), vec![n.ident.to_string()]].concat()),
        syn::UseTree::Rename(r) => out.push([prefix.clone(), vec![r.ident.to_string()]].concat()),
        syn::UseTree::Glob(_) => out.push(prefix.clone()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| expand(t, prefix, out)),
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `(path relative to the root, the paths it names)` of every file of the bot's library and binary.
fn bot_sources() -> Vec<(String, Vec<Vec<String>>)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            let ast = syn::parse_file(&std::fs::read_to_string(&f).unwrap()).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let mut paths = Paths::default();
            paths.visit_file(&ast);
            (rel, paths.0)
        })
        .collect()
}

#[test]
fn only_the_telegram_channel_uses_teloxide_and_only_the_store_uses_sled() {
    let sources = bot_sources();
    assert!(sources.len() > 20, "{} files", sources.len());
    for (rel, paths) in &sources {
        let uses = |krate: &str| paths.iter().any(|p| p.first().is_some_and(|s| s == krate));
        if !rel.starts_with("src/channel/telegram/") {
            assert!(!uses("teloxide"), "{rel} uses teloxide");
        }
        if !rel.starts_with("src/store/") {
            assert!(!uses("sled"), "{rel} uses sled directly; go through CaseStore");
        }
    }
}

#[test]
fn the_parser_sees_through_grouped_imports_and_macros() {
    let ast =
        syn::parse_file("use std::{fs, io::Write}; fn f() { let _ = fastrand::u64(..); println!(\"{}\", sled::x()); }")
            .unwrap();
    let mut paths = Paths::default();
    paths.visit_file(&ast);
    let firsts: BTreeSet<String> = paths.0.iter().filter_map(|p| p.first().cloned()).collect();
    assert!(firsts.contains("fastrand") && firsts.contains("sled"), "{firsts:?}");
    assert!(paths.0.contains(&vec!["std".to_string(), "fs".to_string()]), "{:?}", paths.0);
}

#[test]
fn every_module_starts_with_a_header_comment() {
    let mut files = Vec::new();
    for dir in ["src", "crates/engine/src", "crates/lab/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} has no //! header saying what it owns", f.display());
    }
}
