//! One suite for every `CaseStore`: sled on disk, memory and PostgreSQL must behave the same. The PostgreSQL
//! tests start a throwaway server (`swipefix_lab::postgres`); without one they skip loudly, unless
//! `SWIPEFIX_REQUIRE_POSTGRES` is set (`.ci/run`).

use super::common::{catalog, t0};
use std::sync::Arc;
use swipefix::engine::{Case, new_case};
use swipefix::store::{CaseStore, MasterKey, MemoryStore, PgStore, SledStore, StoreError};
use swipefix_lab::postgres::TempPostgres;

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

    // Single-use tokens (sign-in links): spent once; an expired one may be forgotten, but while it would
    // still work it stays spent.
    assert!(store.spend("n1", t(10), t(0)).unwrap());
    assert!(!store.spend("n1", t(10), t(5)).unwrap(), "a second use");
    assert!(store.spend("n2", t(10), t(5)).unwrap());
    assert!(!store.spend("n2", t(10), t(9)).unwrap());
    assert!(store.is_spent("n2", t(9)).unwrap() && !store.is_spent("n3", t(9)).unwrap());
    assert!(!store.is_spent("n2", t(11)).unwrap(), "past its end it no longer counts");
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
fn postgres_store_passes_the_suite() {
    let Some(pg) = TempPostgres::for_test("postgres_store_passes_the_suite") else { return };
    let store = PgStore::open(&pg.url(), &MasterKey::generate()).unwrap();
    suite(&store);
    // Called from inside another runtime's task, many times over (past tokio's cooperative budget of 128).
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let loaded = rt.block_on(async { (0..300).filter(|_| store.load("B").unwrap().is_some()).count() });
    assert_eq!(loaded, 300);
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
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn CaseStore> = Arc::new(SledStore::open(dir.path()).unwrap());
    racing_saves(store.clone(), store);
}

fn racing_saves(store: Arc<dyn CaseStore>, other: Arc<dyn CaseStore>) {
    // Two writers race on the same case with versioned saves and retries: every increment lands.
    let mut c = case("C", "cli:c", 0);
    c.version = store.save(&c).unwrap();
    let threads: Vec<_> = [store.clone(), other]
        .into_iter()
        .map(|store| {
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

/// Two processes on one database, as two stores: what one writes the other reads, a save of either is a
/// compare-and-swap against the other's, follow-ups are claimed by one only, and an erasure by one leaves
/// nothing the other can open.
#[test]
fn two_postgres_stores_share_cases_claims_and_erasure() {
    let Some(pg) = TempPostgres::for_test("two_postgres_stores_share_cases_claims_and_erasure") else { return };
    let master = MasterKey::generate();
    let a: Arc<dyn CaseStore> = Arc::new(PgStore::open(&pg.url(), &master).unwrap());
    let b: Arc<dyn CaseStore> = Arc::new(PgStore::open(&pg.url(), &master).unwrap());
    racing_saves(a.clone(), b.clone());
    assert_ne!(a.next_id().unwrap(), b.next_id().unwrap(), "one sequence");

    // A case made by A (its key made by A) opens in B.
    let mut d = case("D", "tg:4", 0);
    d.version = a.save(&d).unwrap();
    assert_eq!(b.cases_of("tg:4").unwrap(), [d.clone()]);

    // Each due follow-up goes to exactly one claimer; a released one can be claimed again, an expired claim
    // too (its process died).
    let t = |m: i64| t0() + chrono::Duration::minutes(m);
    for i in 0..20 {
        a.schedule(t(i), &format!("R{i}")).unwrap();
    }
    let lease = chrono::Duration::minutes(5);
    let (ca, cb) = std::thread::scope(|s| {
        let ha = s.spawn(|| a.claim_due(t(30), lease).unwrap());
        let hb = s.spawn(|| b.claim_due(t(30), lease).unwrap());
        (ha.join().unwrap(), hb.join().unwrap())
    });
    assert_eq!(ca.len() + cb.len(), 20, "every follow-up claimed: {ca:?} {cb:?}");
    assert!(ca.iter().all(|x| !cb.contains(x)), "none twice");
    assert!(a.claim_due(t(31), lease).unwrap().is_empty(), "claimed ones wait for their lease");
    let (at, id) = ca.first().or(cb.first()).cloned().unwrap();
    b.release(at, &id).unwrap();
    assert_eq!(a.claim_due(t(31), lease).unwrap(), [(at, id)]);
    assert_eq!(b.claim_due(t(35), lease).unwrap().len(), 19, "a lease that ran out is taken again");

    // A sign-in link spent through A is spent for B, and two spending it at once: one wins.
    assert!(a.spend("nonce-1", t(40), t(30)).unwrap());
    assert!(!b.spend("nonce-1", t(40), t(31)).unwrap(), "used once in the whole deployment");
    assert!(b.is_spent("nonce-1", t(31)).unwrap());
    let (sa, sb) = std::thread::scope(|s| {
        let ha = s.spawn(|| a.spend("nonce-2", t(40), t(30)).unwrap());
        let hb = s.spawn(|| b.spend("nonce-2", t(40), t(30)).unwrap());
        (ha.join().unwrap(), hb.join().unwrap())
    });
    assert!(sa ^ sb, "exactly one of two at once: {sa} {sb}");

    // B erases D: A, which made D's key, can no longer open it from anywhere.
    b.mark_replied("D", 7).unwrap();
    assert_eq!(a.replied("D").unwrap(), Some(7));
    assert_eq!(b.erase(&["D".into()], &[]).unwrap(), 1);
    assert_eq!(a.load("D").unwrap(), None);
    assert_eq!(a.replied("D").unwrap(), None);
    let fresh = PgStore::open(&pg.url(), &master).unwrap();
    assert_eq!(fresh.keys().destroy(&["case:D".into()]).unwrap(), 0, "D's key is in the database no more");
}

/// The schema's guard rails: a newer schema than the binary knows is refused with a message naming it, and
/// so is a master key other than the one the database's records are sealed under.
#[test]
fn postgres_refuses_a_newer_schema_and_another_master_key() {
    let Some(pg) = TempPostgres::for_test("postgres_refuses_a_newer_schema_and_another_master_key") else { return };
    let master = MasterKey::generate();
    let store = PgStore::open(&pg.url(), &master).unwrap();
    assert_eq!(store.migrated().to, swipefix::store::postgres::latest_schema());
    let mut a = case("A", "tg:1", 0);
    a.version = store.save(&a).unwrap();
    drop(store);

    let e = PgStore::open(&pg.url(), &MasterKey::generate()).err().unwrap().to_string();
    assert!(e.contains("sealed under master key") && e.contains("SWIPEFIX_MASTER_KEY"), "{e}");

    // Reopened with the right key: the case is there, nothing migrated again.
    let again = PgStore::open(&pg.url(), &master).unwrap();
    assert_eq!(again.load("A").unwrap(), Some(a));
    let latest = swipefix::store::postgres::latest_schema();
    assert_eq!((again.migrated().from, again.migrated().to), (latest, latest));

    let url = pg.database("newer").unwrap();
    drop(PgStore::open(&url, &master).unwrap());
    let newer = latest + 1;
    pg.sql("newer", &format!("INSERT INTO swipefix_schema (version) VALUES ({newer})")).unwrap();
    let e = PgStore::open(&url, &master).err().unwrap().to_string();
    assert!(e.contains(&format!("schema version {newer}")) && e.contains("upgrade"), "{e}");
    assert!(e.contains("/newer"), "names the database: {e}");
}
