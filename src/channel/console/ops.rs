//! Operations' endpoints, on the console and on the webhook listener alike: `/healthz` (the process
//! answers), `/readyz` (the store answers and the flows are loaded; 503 otherwise) and `/metrics`
//! (Prometheus' text format, `telemetry`). They carry no personal data, and need no session: a load
//! balancer and Prometheus call them. The webhook listener faces the internet, so nothing here costs more
//! than one small read per request: the open cases (a read of every case) are counted at most once per
//! `COUNT_EVERY`, whatever the rate of scrapes.
//! Must not touch: cases beyond counting them.

use crate::session::App;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

impl Ops {
    /// The open cases: the last count while it is younger than `COUNT_EVERY`; else one count on a blocking
    /// thread — only one at a time: scrapes meanwhile get the last count.
    async fn open_cases(self: Arc<Ops>) -> Option<usize> {
        let last = *self.last.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((at, n)) = last
            && at.elapsed() < COUNT_EVERY
        {
            return Some(n);
        }
        if self.counting.swap(true, Ordering::AcqRel) {
            return last.map(|(_, n)| n);
        }
        let app = self.app.clone();
        let counted = tokio::task::spawn_blocking(move || app.open_cases())
            .await
            .ok()
            .and_then(|r| r.inspect_err(|e| tracing::warn!(error = %e, "open cases could not be counted")).ok());
        if let Some(n) = counted {
            *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some((Instant::now(), n));
        }
        self.counting.store(false, Ordering::Release);
        counted.or(last.map(|(_, n)| n))
    }
}

/// How old the count of open cases in `/metrics` may be.
const COUNT_EVERY: Duration = Duration::from_secs(30);

/// What the routes share: the app, and the last count of open cases with when it was made.
pub struct Ops {
    app: Arc<App>,
    last: Mutex<Option<(Instant, usize)>>,
    counting: AtomicBool,
}

/// The three routes, for any router's state.
pub fn router<S: Clone + Send + Sync + 'static>(app: Arc<App>) -> Router<S> {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .with_state(Arc::new(Ops { app, last: Mutex::new(None), counting: AtomicBool::new(false) }))
}

async fn ready(State(ops): State<Arc<Ops>>) -> Response {
    let app = ops.app.clone();
    let nodes = app.catalog().flow.nodes.len();
    let checked = tokio::task::spawn_blocking(move || app.store_ready()).await;
    match checked {
        Ok(Ok(())) if nodes > 0 => format!("ready: store answers, {nodes} nodes loaded\n").into_response(),
        Ok(Ok(())) => (StatusCode::SERVICE_UNAVAILABLE, "not ready: no flows loaded\n").into_response(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "readiness: the store does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "not ready: the store does not answer\n").into_response()
        }
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "not ready\n").into_response(),
    }
}

async fn metrics(State(ops): State<Arc<Ops>>) -> Response {
    let open = ops.open_cases().await;
    let body = crate::telemetry::render(open);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], body).into_response()
}
