//! One suite for every `CaseStore`: sled on disk and memory must behave the same.

use super::common::{catalog, t0};
use std::sync::Arc;
use swipefix::engine::{Case, new_case};
use swipefix::store::{CaseStore, MemoryStore, SledStore, StoreError};

fn case(id: &str, owner: &str, minutes: i64) -> Case {
    new_case(&catalog().flow, id, owner, "en-US", t0() + chrono::Duration::minutes(minutes))
}

fn suite(store: &dyn CaseStore) {
    // New case: version 0 -> 1.
    let mut a = case("A", "cli:ann", 0);
    assert_eq!(store.load("A").unwrap(), None);
    a.version = store.save(&a).unwrap();
    assert_eq!(a.version, 1);
    assert_eq!(store.load("A").unwrap().unwrap(), a);

    // A stale save is a conflict, not an overwrite.
    let stale = a.clone();
    a.node = "role".into();
    a.version = store.save(&a).unwrap();
    assert_eq!(a.version, 2);
    match store.save(&stale) {
        Err(StoreError::Conflict { id, expected: 1, found: 2 }) => assert_eq!(id, "A"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(store.load("A").unwrap().unwrap().node, "role");

    // Creating a case whose id exists is a conflict too.
    let dup = case("A", "cli:ann", 5);
    assert!(matches!(store.save(&dup), Err(StoreError::Conflict { .. })));

    // Listing, per owner, oldest first.
    let mut b = case("B", "cli:bob", 10);
    b.version = store.save(&b).unwrap();
    let mut a2 = case("A2", "cli:ann", 20);
    a2.version = store.save(&a2).unwrap();
    let ids = |v: Vec<Case>| v.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(ids(store.list().unwrap()), ["A", "B", "A2"]);
    assert_eq!(ids(store.cases_of("cli:ann").unwrap()), ["A", "A2"]);
    assert_eq!(ids(store.cases_of("cli:bob").unwrap()), ["B"]);
    assert!(store.cases_of("cli:an").unwrap().is_empty(), "owner match is exact, not a prefix");

    // Ids are never handed out twice.
    let x = store.next_id().unwrap();
    let y = store.next_id().unwrap();
    assert_ne!(x, y);

    // Erasing cases removes them, their follow-ups and their merchant, and nothing else.
    let t = |m: i64| t0() + chrono::Duration::minutes(m);
    store.schedule(t(1), "A").unwrap();
    let shop = swipefix::store::Merchant {
        code: "m_ann".into(),
        owner: "cli:ann".into(),
        shop: "Ann's".into(),
        terminals: vec![],
        review: Default::default(),
        locale: None,
        created: t0(),
    };
    store.save_merchant(&shop).unwrap();
    assert_eq!(store.merchant_of("cli:ann").unwrap(), Some(shop.clone()));
    assert_eq!(store.erase(&["A".into(), "A2".into()], &["m_ann".into()]).unwrap(), 2);
    assert_eq!(store.load("A").unwrap(), None);
    assert!(store.cases_of("cli:ann").unwrap().is_empty());
    assert_eq!(ids(store.list().unwrap()), ["B"]);
    assert_eq!(store.merchant("m_ann").unwrap(), None);
    assert_eq!(store.queued().unwrap(), []);
    assert_eq!(store.erase(&["nothing".into()], &[]).unwrap(), 0);
    // The erased cases' keys are gone: what was sealed with them before stays sealed.
    let names = ["case:A".to_string()];
    assert_eq!(store.keys().destroy(&names).unwrap(), 0, "already destroyed");

    // The follow-up queue: ordered by time, only what is due, removable.
    store.schedule(t(30), "B").unwrap();
    store.schedule(t(10), "X").unwrap();
    store.schedule(t(20), "B").unwrap();
    assert_eq!(store.due(t(5)).unwrap(), []);
    assert_eq!(store.due(t(20)).unwrap(), [(t(10), "X".to_string()), (t(20), "B".to_string())]);
    store.unschedule(t(10), "X").unwrap();
    assert_eq!(store.due(t(60)).unwrap(), [(t(20), "B".to_string()), (t(30), "B".to_string())]);
    store.flush().unwrap();
}

#[test]
fn memory_store_passes_the_suite() {
    suite(&MemoryStore::new());
}

#[test]
fn sled_store_passes_the_suite() {
    let dir = tempfile::tempdir().unwrap();
    suite(&SledStore::open(dir.path()).unwrap());
}

#[test]
fn sled_keeps_cases_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = case("A", "cli:ann", 0);
    {
        let s = SledStore::open(dir.path()).unwrap();
        a.version = s.save(&a).unwrap();
        s.flush().unwrap();
    }
    let s = SledStore::open(dir.path()).unwrap();
    assert_eq!(s.load("A").unwrap().unwrap(), a);
    assert!(s.next_id().unwrap() > 0);
}

#[test]
fn a_second_open_of_the_same_database_is_a_clear_locked_error() {
    let dir = tempfile::tempdir().unwrap();
    let _first = SledStore::open(dir.path()).unwrap();
    match SledStore::open(dir.path()) {
        Err(e @ StoreError::Locked { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("in use by another swipefix process"), "{msg}");
            assert!(msg.contains(&dir.path().display().to_string()), "{msg}");
        }
        Err(other) => panic!("expected Locked, got {other}"),
        Ok(_) => panic!("a second open must fail"),
    }
}

#[test]
fn concurrent_saves_of_one_case_never_lose_an_update() {
    // Two writers race on the same case with versioned saves and retries: every increment lands.
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    let mut c = case("C", "cli:c", 0);
    c.version = store.save(&c).unwrap();
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let store = store.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    loop {
                        let mut c = store.load("C").unwrap().unwrap();
                        c.repeats += 1;
                        match store.save(&c) {
                            Ok(_) => break,
                            Err(StoreError::Conflict { .. }) => continue,
                            Err(e) => panic!("{e}"),
                        }
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let c = store.load("C").unwrap().unwrap();
    assert_eq!(c.repeats, 100);
    assert_eq!(c.version, 101);
}
