//! Speed of the core, measured (never asserted): one engine step alone, one step with its sled save, and a
//! whole journey through the app loop. `cargo bench`; the README reports the figures and the machine.

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
}

criterion_group!(engine, benches);
criterion_main!(engine);
