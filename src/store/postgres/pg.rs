//! The connection to PostgreSQL: a pool of tokio-postgres connections on a small runtime of the store's own,
//! and the one way the synchronous `CaseStore` methods run a query on it.
//! Owns: connecting, timeouts, turning driver errors into `StoreError`s that name the database.
//! Must not touch: records, keys, the schema.
//!
//! Why a runtime of its own: `CaseStore` is synchronous (sled's calls block; every caller already runs
//! stores on blocking threads or plain ones). A store call hands its query to this runtime and waits for the
//! answer, so it behaves the same from a blocking thread, a test's thread or the CLI, and never needs the
//! caller's runtime (whose `block_on` would panic inside an async context).

use crate::store::{StoreError, StoreResult};
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;

/// A query parameter that can travel to the store's runtime.
pub type Param = Box<dyn ToSql + Send + Sync>;

/// Boxes query parameters: `params![id, version]`.
macro_rules! params {
    ($($p:expr),* $(,)?) => { vec![$(Box::new($p) as $crate::store::postgres::pg::Param),*] };
}
pub(crate) use params;

/// Connections at most per process; a turn holds one for a single statement (or the few of an erasure).
const POOL_SIZE: usize = 16;
/// How long a call waits for a connection, or to connect, before it is an error and not a hang.
const WAIT: Duration = Duration::from_secs(10);
/// How long a whole call may take (a lock held elsewhere, a peer that went silent) before the caller gets an
/// error instead of waiting for good (the statement goes on in the background until the database answers).
const CALL_LIMIT: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Pg {
    pool: Pool,
    handle: tokio::runtime::Handle,
    /// The database's address without its password, for messages.
    pub url: Arc<str>,
}

/// `url` without its password (in the user part or as `?password=`), safe to print.
pub fn redacted(url: &str) -> String {
    let Ok(mut u) = url::Url::parse(url) else { return "the database URL".into() };
    if u.password().is_some() {
        let _ = u.set_password(Some("***"));
    }
    if u.query_pairs().any(|(k, _)| k == "password") {
        let pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| (k.to_string(), if k == "password" { "***".to_string() } else { v.to_string() }))
            .collect();
        u.query_pairs_mut().clear().extend_pairs(pairs);
    }
    u.to_string()
}

impl Pg {
    /// A pool for `url` on `runtime` (connections are made when first needed).
    pub fn new(url: &str, runtime: &tokio::runtime::Runtime) -> StoreResult<Pg> {
        let shown: Arc<str> = redacted(url).into();
        let bad = |reason: String| StoreError::Database { url: shown.to_string(), reason };
        let mut config: tokio_postgres::Config = url.parse().map_err(|e| bad(format!("not a PostgreSQL URL: {e}")))?;
        config.connect_timeout(WAIT);
        // A dead peer is noticed in seconds, not after the system's two-hour keepalive.
        config.keepalives_idle(Duration::from_secs(30));
        if config.get_application_name().is_none() {
            config.application_name("swipefix");
        }
        let manager = Manager::from_config(
            config,
            tokio_postgres::NoTls,
            ManagerConfig { recycling_method: RecyclingMethod::Fast },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .wait_timeout(Some(WAIT))
            .create_timeout(Some(WAIT))
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .build()
            .map_err(|e| bad(e.to_string()))?;
        Ok(Pg { pool, handle: runtime.handle().clone(), url: shown })
    }

    /// Runs `work` on the store's runtime and waits for it. The answer comes back over a plain channel, not
    /// by polling the task's `JoinHandle`: polled from a thread inside another runtime's task, a tokio handle
    /// spends that task's cooperative budget, and once it is spent it only ever answers "not yet" — a caller
    /// blocking there would spin for good (seen in the lab, whose async code reads the store).
    pub fn run<T, F, Fut>(&self, work: F) -> StoreResult<T>
    where
        F: FnOnce(Pg) -> Fut,
        Fut: Future<Output = StoreResult<T>> + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        let work = work(self.clone());
        self.handle.spawn(async move {
            let _ = tx.send(work.await);
        });
        match rx.recv_timeout(CALL_LIMIT) {
            Ok(answer) => answer,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(StoreError::Database {
                url: self.url.to_string(),
                reason: format!("no answer within {} s", CALL_LIMIT.as_secs()),
            }),
            Err(_) => Err(StoreError::Backend("a database call failed: its task ended without an answer".into())),
        }
    }

    /// A connection from the pool.
    pub async fn client(&self) -> StoreResult<Object> {
        self.pool.get().await.map_err(|e| StoreError::Database { url: self.url.to_string(), reason: e.to_string() })
    }

    /// A driver error, naming the database.
    pub fn fail(&self, e: tokio_postgres::Error) -> StoreError {
        let reason = match e.as_db_error() {
            Some(db) => format!("{} ({})", db.message(), db.code().code()),
            None => e.to_string(),
        };
        StoreError::Database { url: self.url.to_string(), reason }
    }

    /// One statement's rows.
    pub fn query(&self, sql: &'static str, params: Vec<Param>) -> StoreResult<Vec<Row>> {
        self.run(move |pg| async move {
            let c = pg.client().await?;
            let st = c.prepare_cached(sql).await.map_err(|e| pg.fail(e))?;
            c.query(&st, &refs(&params)).await.map_err(|e| pg.fail(e))
        })
    }

    /// One statement; how many rows it changed.
    pub fn execute(&self, sql: &'static str, params: Vec<Param>) -> StoreResult<u64> {
        self.run(move |pg| async move {
            let c = pg.client().await?;
            let st = c.prepare_cached(sql).await.map_err(|e| pg.fail(e))?;
            c.execute(&st, &refs(&params)).await.map_err(|e| pg.fail(e))
        })
    }
}

/// Parameters as the driver takes them.
pub fn refs(params: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect()
}
