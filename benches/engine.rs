//! Speed of the core, measured (never asserted): one engine step alone, one step with its sled save, a
//! whole journey through the app loop, and what a console page reads (the hand-offs, the analytics) over a
//! sled store of 2,000 handed-off cases. `cargo bench`; the README reports the figures and the machine.

use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::path::Path;
use std::sync::Arc;
use swipefix::catalog::Catalog;
use swipefix::engine::{Case, Input, new_case, step};
use swipefix::session::{App, Incoming, ManualClock};
use swipefix::store::{CaseStore, MemoryStore, SledStore};

/// The load tool's journey: one person's whole conversation, typed.
use swipefix_lab::load::JOURNEY;

fn catalog() -> Arc<Catalog> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Arc::new(swipefix::session::load_catalog(&root.join("flows"), &root.join("locales")).expect("shipped flows load"))
}

/// A case resting at the amount question.
fn case_at_amount(c: &Catalog) -> Case {
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
    let mut case = new_case(&c.flow, "B-1", "bench:1", "en-US", now);
    for input in [
        Input::Resume,
        Input::Choice("cn".into()),
        Input::Choice("cardholder".into()),
        Input::Choice("no".into()),
        Input::Choice("double".into()),
    ] {
        case = step(&c.flow, &case, input, now).0;
    }
    assert_eq!(case.node, "amount");
    case
}

fn benches(cr: &mut Criterion) {
    let c = catalog();
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
    let base = case_at_amount(&c);

    let mut g = cr.benchmark_group("step");
    g.throughput(Throughput::Elements(1));
    g.bench_function("engine only (typed amount)", |b| {
        b.iter(|| step(&c.flow, &base, Input::Text("1,280.50".into()), now));
    });
    let dir = tempfile::tempdir().unwrap();
    let sled = SledStore::open(dir.path()).unwrap();
    let mut version = 0;
    g.bench_function("engine + sled save", |b| {
        b.iter(|| {
            let (mut next, _) = step(&c.flow, &base, Input::Text("1,280.50".into()), now);
            next.version = version;
            version = sled.save(&next).unwrap();
        });
    });
    g.finish();

    let mut g = cr.benchmark_group("journey");
    g.throughput(Throughput::Elements(JOURNEY.len() as u64));
    g.sample_size(30);
    let journey_dir = tempfile::tempdir().unwrap();
    for (name, store) in [
        ("app + memory store", Arc::new(MemoryStore::new()) as Arc<dyn CaseStore>),
        // The real path: every reply waits for its case to be flushed (group commit of one).
        ("app + sled (flushed)", Arc::new(SledStore::open(journey_dir.path()).unwrap())),
    ] {
        let app = App::new(c.clone(), store, Arc::new(ManualClock::new(now)));
        let interrupts = app.interrupt_ids();
        let mut n = 0u64;
        g.bench_function(name, |b| {
            b.iter_batched(
                || {
                    n += 1;
                    format!("bench:{n}")
                },
                |user| {
                    for line in JOURNEY {
                        app.handle(&user, Some("en-US"), Incoming::parse(line, &interrupts)).unwrap();
                    }
                },
                BatchSize::SmallInput,
            );
        });
    }
    g.finish();
    console(cr, &c, now);
}

/// How many handed-off cases the console benchmarks read.
const HANDED_OFF: usize = 2_000;

/// A sled store of `HANDED_OFF` cases, each a person who was charged twice and asked for a person: made on
/// a memory store (fast), then put into sled as a restore would.
fn handed_off_store(c: &Arc<Catalog>, now: chrono::DateTime<Utc>, dir: &Path) -> Arc<dyn CaseStore> {
    let memory: Arc<dyn CaseStore> = Arc::new(MemoryStore::new());
    let app = App::new(c.clone(), memory.clone(), Arc::new(ManualClock::new(now)));
    let ids = app.interrupt_ids();
    for n in 0..HANDED_OFF {
        for line in ["/start", "cn", "cardholder", "no", "double", "1280", "/human"] {
            app.handle(&format!("bench:{n}"), Some("en-US"), Incoming::parse(line, &ids)).unwrap();
        }
    }
    let sled = Arc::new(SledStore::open(dir).unwrap());
    for case in memory.list().unwrap() {
        sled.restore_case(&case).unwrap();
    }
    sled
}

fn console(cr: &mut Criterion, c: &Arc<Catalog>, now: chrono::DateTime<Utc>) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::new(c.clone(), handed_off_store(c, now, dir.path()), Arc::new(ManualClock::new(now)));
    let mut g = cr.benchmark_group("console");
    g.sample_size(10);
    g.throughput(Throughput::Elements(HANDED_OFF as u64));
    g.bench_function("inbox read, 2,000 hand-offs (sled)", |b| b.iter(|| app.handed_off().unwrap()));
    let o = swipefix::stats::Options { since: None, stale_days: 14, now };
    g.bench_function("analytics, 2,000 cases (sled)", |b| b.iter(|| app.stats(o).unwrap()));
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
