//! Loads the decision tree, the jurisdictions and the texts from disk, and checks them against each other:
//! every key a flow or the code uses exists in every locale, with the placeholders passed and no others.
//! For `flow check` it also reports the durations and sums of money texts quote (`quoted_numbers`).
//! This is the only module that reads flow and locale files.

mod phrases;

use crate::engine::flow::{Flow, Problem};
use crate::i18n::{CONSOLE_KEYS, Localizer, UI_KEYS};
use crate::quoted_numbers::{Finding, Kind, OPT_OUT};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Everything the engine and the texts need, loaded and checked.
#[derive(Debug)]
pub struct Catalog {
    pub flow: Flow,
    pub i18n: Localizer,
    pub flows_dir: PathBuf,
    pub locales_dir: PathBuf,
}

/// What the application asks of the tree and the texts beyond the engine's own checks (the session's
/// command table): no interrupt may take one of these command names, and every locale must have these keys
/// (texts without placeholders).
#[derive(Debug, Default, Clone, Copy)]
pub struct Reserved<'a> {
    pub commands: &'a [&'a str],
    pub keys: &'a [&'a str],
}

/// The problems found when loading, in file/line order.
#[derive(Debug)]
pub struct CatalogError(pub Vec<Problem>);

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogError {}

fn problem(path: &Path, message: impl Into<String>) -> Problem {
    Problem { file: path.display().to_string(), line: None, message: message.into() }
}

/// `(name, text)` of every `*.<ext>` file directly in `dir`, sorted by name.
fn read_dir_files(dir: &Path, ext: &str, problems: &mut Vec<Problem>) -> Vec<(String, String)> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(problem(dir, format!("cannot read the directory: {e}")));
            return vec![];
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        match std::fs::read_to_string(&p) {
            Ok(t) => out.push((p.display().to_string(), t)),
            Err(e) => problems.push(problem(&p, format!("cannot read: {e}"))),
        }
    }
    out
}

/// `(tag, file name, text)` of every `locales_dir/<tag>/*.ftl`, sorted by tag and name.
fn read_locales(locales_dir: &Path, problems: &mut Vec<Problem>) -> Vec<(String, String, String)> {
    let entries = match std::fs::read_dir(locales_dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(problem(locales_dir, format!("cannot read the directory: {e}")));
            return vec![];
        }
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    dirs.sort();
    let mut ftl = Vec::new();
    for d in dirs {
        let tag = d.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        for (name, text) in read_dir_files(&d, "ftl", problems) {
            ftl.push((tag.clone(), name, text));
        }
    }
    ftl
}

impl Catalog {
    /// What `swipefix flow check` reports: every problem `load` finds, and the durations and sums of money
    /// the texts quote instead of taking them from a setting (`quoted_numbers`). Those do not stop a bot
    /// from starting, so `load` leaves them out (see ARCHITECTURE.md).
    pub fn check(flows_dir: &Path, locales_dir: &Path, reserved: &Reserved) -> Result<Catalog, CatalogError> {
        let quoted = quoted_numbers(locales_dir);
        match Catalog::load(flows_dir, locales_dir, reserved) {
            Ok(c) if quoted.is_empty() => Ok(c),
            Ok(_) => Err(CatalogError(quoted)),
            Err(CatalogError(mut problems)) => {
                problems.extend(quoted);
                problems.sort();
                problems.dedup();
                Err(CatalogError(problems))
            }
        }
    }

    /// Loads `flows_dir/*.toml`, `flows_dir/jurisdictions/*.toml` and `locales_dir/<tag>/*.ftl`, and checks
    /// them against each other and against `reserved`.
    pub fn load(flows_dir: &Path, locales_dir: &Path, reserved: &Reserved) -> Result<Catalog, CatalogError> {
        let mut problems = Vec::new();
        let flow_files = read_dir_files(flows_dir, "toml", &mut problems);
        if !problems.is_empty() && std::fs::read_dir(flows_dir).is_err() {
            // No tree at all: that one cause, not a list of everything missing under it.
            return Err(CatalogError(problems));
        }
        if flow_files.is_empty() && problems.is_empty() {
            problems.push(problem(flows_dir, "no flow files (*.toml) here"));
        }
        let jur_files = read_dir_files(&flows_dir.join("jurisdictions"), "toml", &mut problems);
        let ftl = read_locales(locales_dir, &mut problems);
        if !problems.is_empty() {
            problems.sort();
            return Err(CatalogError(problems));
        }
        let flow = Flow::parse_reserving(&flow_files, &jur_files, reserved.commands);
        let i18n = Localizer::parse(&ftl);
        let (flow, i18n) = match (flow, i18n) {
            (Ok(f), Ok(i)) => (f, i),
            (f, i) => {
                let mut ps = f.err().unwrap_or_default();
                ps.extend(i.err().unwrap_or_default());
                ps.sort();
                return Err(CatalogError(ps));
            }
        };
        let mut flow = flow;
        let mut problems = cross_check(&flow, &i18n, reserved.keys);
        match phrases::lexicon(locales_dir, &i18n.locales(), &flow) {
            Ok(l) => flow.lexicon = l,
            Err(ps) => problems.extend(ps),
        }
        if !problems.is_empty() {
            problems.sort();
            return Err(CatalogError(problems));
        }
        Ok(Catalog { flow, i18n, flows_dir: flows_dir.to_path_buf(), locales_dir: locales_dir.to_path_buf() })
    }
}

/// What a story is put to the person as, and the facts it may state (`engine::step::understood`).
fn understanding_keys(flow: &Flow) -> Vec<String> {
    let u = &flow.understanding;
    let stories = u.prefill.keys().chain(u.interrupts.keys());
    let problems = stories.flat_map(|p| [format!("understood-{p}"), format!("understood-{p}-btn")]);
    problems.chain(u.facts.values().map(|a| format!("fact-{a}"))).collect()
}

/// Flow against texts: keys present in every locale, placeholders passed, the same placeholders everywhere.
pub fn cross_check(flow: &Flow, i18n: &Localizer, keys: &[&str]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let locales = i18n.locales();
    let mut uses: Vec<(String, Option<Vec<String>>, Option<crate::engine::flow::Loc>)> =
        flow.message_uses().into_iter().map(|(k, a, l)| (k, a, Some(l))).collect();
    for (k, args) in UI_KEYS.iter().chain(CONSOLE_KEYS) {
        uses.push((k.to_string(), Some(args.iter().map(|s| s.to_string()).collect()), None));
    }
    // The command table's help texts, and the menu line of each interrupt (it is a command too).
    let interrupt_keys = flow.interrupts.iter().map(|i| format!("cmd-{}", i.id));
    for k in keys.iter().map(|k| k.to_string()).chain(interrupt_keys) {
        uses.push((k, Some(vec![]), None));
    }
    uses.extend(understanding_keys(flow).into_iter().map(|k| (k, Some(vec![]), None)));
    // Every language can be named in every other (`Localizer::language_name`).
    for tag in &locales {
        uses.push((format!("language-{tag}"), Some(vec![]), None));
    }
    let mut seen = BTreeSet::new();
    for (key, args, loc) in &uses {
        for locale in &locales {
            let infos = &i18n.messages[locale];
            let Some(info) = infos.get(key) else {
                if seen.insert((key.clone(), locale.clone(), "missing")) {
                    let whence = match loc {
                        Some(l) => format!("used at {}:{}", l.file, l.line),
                        None => "used by the code (i18n::UI_KEYS, i18n::CONSOLE_KEYS, the command table)".into(),
                    };
                    problems.push(Problem {
                        file: format!("{}/{locale}", "locales"),
                        line: None,
                        message: format!("message `{key}` is missing in {locale} ({whence})"),
                    });
                }
                continue;
            };
            if let Some(args) = args {
                for ph in &info.placeholders {
                    if !args.contains(ph) && seen.insert((format!("{key}/{ph}"), locale.clone(), "arg")) {
                        let whence = match loc {
                            Some(l) => format!(
                                "{}:{} passes {}",
                                l.file,
                                l.line,
                                if args.is_empty() { "nothing".into() } else { args.join(", ") }
                            ),
                            None => format!(
                                "the code passes {}",
                                if args.is_empty() { "nothing".into() } else { args.join(", ") }
                            ),
                        };
                        problems.push(Problem {
                            file: info.file.clone(),
                            line: Some(info.line),
                            message: format!("`{key}` uses the placeholder `${ph}`, which is not passed ({whence})"),
                        });
                    }
                }
            }
        }
    }
    // The same placeholders in every locale, for every key any locale has.
    // Format patterns (`money`, `date`, `time`) may pick different parts per language: exempt.
    let reference = &i18n.messages[crate::i18n::DEFAULT_LOCALE];
    for locale in &locales {
        let infos = &i18n.messages[locale];
        for (key, info) in infos {
            if crate::i18n::FORMAT_KEYS.contains(&key.as_str()) {
                continue;
            }
            match reference.get(key) {
                Some(r) if r.placeholders != info.placeholders => problems.push(Problem {
                    file: info.file.clone(),
                    line: Some(info.line),
                    message: format!(
                        "`{key}` uses {{{}}} but en-US uses {{{}}}",
                        info.placeholders.iter().cloned().collect::<Vec<_>>().join(", "),
                        r.placeholders.iter().cloned().collect::<Vec<_>>().join(", ")
                    ),
                }),
                None if locale != crate::i18n::DEFAULT_LOCALE => problems.push(Problem {
                    file: info.file.clone(),
                    line: Some(info.line),
                    message: format!("`{key}` is not in en-US (a typo, or a text only one language has)"),
                }),
                _ => {}
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// Durations and sums of money the texts under `locales_dir` quote ("within 15 days", "¥3000", "三十日"),
/// and opt-out comments that excuse nothing or give no reason. A fact like that must come from a
/// jurisdiction setting as a placeable, so that what a text says and what the deadlines compute agree.
/// Files that cannot be read are left to `Catalog::load`, which reports them.
pub fn quoted_numbers(locales_dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (_, file, text) in read_locales(locales_dir, &mut Vec::new()) {
        problems.extend(crate::quoted_numbers::find(&text).into_iter().map(|f| quoted_problem(&file, f)));
    }
    problems.sort();
    problems
}

fn quoted_problem(file: &str, finding: Finding) -> Problem {
    let (line, message) = match finding {
        Finding::Quoted { line, key, phrase, kind } => {
            let what = match kind {
                Kind::Duration => "a duration",
                Kind::Money => "a sum of money",
            };
            (
                line,
                format!(
                    "`{key}` quotes the number in \"{phrase}\" ({what}): use a setting: pass it as an arg and \
                     write a placeable such as `{{ $bank_complaint_days }}` (the value in flows/jurisdictions/*.toml, \
                     or passed by the code for a text the code shows)"
                ),
            )
        }
        Finding::OptOutWithoutReason { line, key } => {
            (line, format!("`{key}`: `# {OPT_OUT}` needs a reason in parentheses: `# {OPT_OUT} (why)`"))
        }
        Finding::OptOutUnused { line, key } => {
            (line, format!("`{key}` quotes no duration or money: remove its `# {OPT_OUT}` comment"))
        }
    };
    Problem { file: file.to_string(), line: Some(line), message }
}

/// The directory to use: the given one, else `./<name>` if present, else the one next to the sources.
pub fn default_dir(given: Option<PathBuf>, name: &str) -> PathBuf {
    if let Some(g) = given {
        return g;
    }
    let local = PathBuf::from(name);
    if local.is_dir() {
        return local;
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    if built.is_dir() { built } else { local }
}
