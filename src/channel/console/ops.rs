//! Operations' endpoints, on the console and on the webhook listener alike: `/healthz` (the process
//! answers), `/readyz` (the store answers and the flows are loaded; 503 otherwise) and `/metrics`
//! (Prometheus' text format, `telemetry`). They carry no personal data, and need no session: a load
//! balancer and Prometheus call them.
//! Must not touch: cases beyond counting them.

use crate::session::App;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::sync::Arc;

/// The three routes, for any router's state.
pub fn router<S: Clone + Send + Sync + 'static>(app: Arc<App>) -> Router<S> {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .with_state(app)
}

async fn ready(State(app): State<Arc<App>>) -> Response {
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

async fn metrics(State(app): State<Arc<App>>) -> Response {
    let open = tokio::task::spawn_blocking(move || app.open_cases()).await.ok().and_then(Result::ok);
    let body = crate::telemetry::render(open);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], body).into_response()
}
