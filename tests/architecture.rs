//! Architecture invariants from ARCHITECTURE.md. Crate boundaries are checked on Cargo's resolved dependency
//! graph (`cargo tree`), module rules on the parsed source (`syn`): every `use` tree and path, however
//! it is written (`use std::{fs, io}`, `fastrand::u64()`), not text matching.

use super::common::root;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use syn::visit_mut::VisitMut;

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

impl VisitMut for Paths {
    fn visit_path_mut(&mut self, p: &mut syn::Path) {
        self.0.push(p.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit_mut::visit_path_mut(self, p);
    }

    fn visit_item_use_mut(&mut self, u: &mut syn::ItemUse) {
        let mut prefix = Vec::new();
        expand(&u.tree, &mut prefix, &mut self.0);
    }

    fn visit_macro_mut(&mut self, m: &mut syn::Macro) {
        // Macro bodies are token streams: their paths are the `a::b` runs of identifiers in them.
        self.visit_path_mut(&mut m.path);
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
            let mut ast =
                syn::parse_file(&std::fs::read_to_string(&f).unwrap()).unwrap_or_else(|e| panic!("{rel}: {e}"));
            let mut paths = Paths::default();
            paths.visit_file_mut(&mut ast);
            (rel, paths.0)
        })
        .collect()
}

#[test]
fn only_the_telegram_channel_uses_teloxide_and_only_the_store_uses_sled_or_postgres() {
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
        if !rel.starts_with("src/store/postgres") {
            for pg in ["tokio_postgres", "deadpool_postgres"] {
                assert!(!uses(pg), "{rel} uses {pg} directly; go through CaseStore (src/store/postgres)");
            }
        }
    }
}

#[test]
fn the_parser_sees_through_grouped_imports_and_macros() {
    let mut ast =
        syn::parse_file("use std::{fs, io::Write}; fn f() { let _ = fastrand::u64(..); println!(\"{}\", sled::x()); }")
            .unwrap();
    let mut paths = Paths::default();
    paths.visit_file_mut(&mut ast);
    let firsts: BTreeSet<String> = paths.0.iter().filter_map(|p| p.first().cloned()).collect();
    assert!(firsts.contains("fastrand") && firsts.contains("sled"), "{firsts:?}");
    assert!(paths.0.contains(&vec!["std".to_string(), "fs".to_string()]), "{:?}", paths.0);
    // Functions are measured from `fn` to their closing brace; test modules are left out.
    let mut ast = syn::parse_file("fn a() {\n    b();\n}\n#[cfg(test)]\nmod tests {\n    fn t() {}\n}\n").unwrap();
    let mut outline = Outline::default();
    outline.visit_file_mut(&mut ast);
    assert_eq!(outline.functions, [("a".to_string(), 3)]);
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

/// The module of each source file of a crate, by path below `src` (`session/turn.rs` → `session::turn`),
/// with the paths it names outside inline test modules, and its functions' lengths in lines.
struct Module {
    path: Vec<String>,
    file: String,
    names: Vec<Vec<String>>,
    functions: Vec<(String, usize)>,
}

/// Paths and function lengths of one file, leaving out `#[cfg(test)]` modules.
#[derive(Default)]
struct Outline {
    paths: Paths,
    functions: Vec<(String, usize)>,
}

/// From `fn` to the closing brace of its body.
fn lines_of(sig: &syn::Signature, body: &syn::Block) -> usize {
    body.brace_token.span.close().end().line - sig.fn_token.span.start().line + 1
}

impl VisitMut for Outline {
    fn visit_item_mod_mut(&mut self, m: &mut syn::ItemMod) {
        let test =
            m.attrs.iter().any(|a| matches!(&a.meta, syn::Meta::List(l) if l.path.is_ident("cfg") && l.tokens.to_string().contains("test")));
        if !test {
            syn::visit_mut::visit_item_mod_mut(self, m);
        }
    }
    fn visit_item_fn_mut(&mut self, f: &mut syn::ItemFn) {
        self.functions.push((f.sig.ident.to_string(), lines_of(&f.sig, &f.block)));
        syn::visit_mut::visit_item_fn_mut(self, f);
    }
    fn visit_impl_item_fn_mut(&mut self, f: &mut syn::ImplItemFn) {
        self.functions.push((f.sig.ident.to_string(), lines_of(&f.sig, &f.block)));
        syn::visit_mut::visit_impl_item_fn_mut(self, f);
    }
    fn visit_path_mut(&mut self, p: &mut syn::Path) {
        self.paths.visit_path_mut(p);
    }
    fn visit_item_use_mut(&mut self, u: &mut syn::ItemUse) {
        self.paths.visit_item_use_mut(u);
    }
    fn visit_macro_mut(&mut self, m: &mut syn::Macro) {
        self.paths.visit_macro_mut(m);
    }
}

/// Every library module of the crate whose sources are in `src` (binaries' `main.rs` left out).
fn modules(src: &str) -> Vec<Module> {
    let dir = root().join(src);
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "main.rs"))
        .map(|f| {
            let rel = f.strip_prefix(&dir).unwrap().with_extension("");
            let mut path: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
            if path.last().is_some_and(|l| l == "mod" || l == "lib") {
                path.pop();
            }
            let file = format!("{src}/{}", f.strip_prefix(&dir).unwrap().display());
            let mut ast =
                syn::parse_file(&std::fs::read_to_string(&f).unwrap()).unwrap_or_else(|e| panic!("{file}: {e}"));
            let mut outline = Outline::default();
            outline.visit_file_mut(&mut ast);
            Module { path, file, names: outline.paths.0, functions: outline.functions }
        })
        .collect()
}

/// The modules each module imports (`crate::…`, `super::…`), by index; ancestors and descendants left out
/// (a parent re-exporting its children is no dependency of design).
fn imports(mods: &[Module]) -> Vec<BTreeSet<usize>> {
    let index = |p: &[String]| mods.iter().position(|m| m.path == p);
    mods.iter()
        .map(|m| {
            let mut out = BTreeSet::new();
            for name in &m.names {
                let full: Vec<String> = match name.first().map(String::as_str) {
                    Some("crate") => name[1..].to_vec(),
                    Some("super") => [&m.path[..m.path.len().saturating_sub(1)], &name[1..]].concat(),
                    _ => continue,
                };
                let target = (0..=full.len()).rev().find_map(|n| index(&full[..n]));
                if let Some(t) = target {
                    let other = &mods[t].path;
                    let related = other.starts_with(&m.path) || m.path.starts_with(other);
                    if !related {
                        out.insert(t);
                    }
                }
            }
            out
        })
        .collect()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    for src in ["src", "crates/engine/src", "crates/lab/src"] {
        let mods = modules(src);
        let edges = imports(&mods);
        // A module is in a cycle when it reaches itself.
        for start in 0..mods.len() {
            let (mut seen, mut todo) = (BTreeSet::new(), edges[start].iter().copied().collect::<Vec<_>>());
            while let Some(m) = todo.pop() {
                assert_ne!(m, start, "{} imports a module that imports it back", mods[start].file);
                if seen.insert(m) {
                    todo.extend(edges[m].iter().copied());
                }
            }
        }
        assert!(edges.iter().any(|e| !e.is_empty()), "{src}: imports were found");
    }
}

#[test]
fn no_function_outside_tests_is_longer_than_100_lines() {
    for src in ["src", "crates/engine/src", "crates/lab/src"] {
        for m in modules(src) {
            for (name, lines) in &m.functions {
                assert!(*lines <= 100, "{}: fn {name} is {lines} lines; split it", m.file);
            }
        }
    }
}
