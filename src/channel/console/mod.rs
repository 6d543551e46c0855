//! The staff console: a web inbox of hand-offs, case pages, the audit log and analytics, served by swipefix
//! itself (`swipefix telegram --console ADDR`, or `swipefix console --listen ADDR` as a process of its own
//! on PostgreSQL). One more thin channel: take, reply, note, close and assign run the session's staff
//! commands (`App::staff`), the same code as the Telegram staff chat; the person's answer goes out through a
//! `Courier` (the Telegram channel's).
//!
//! Its parts: `auth` (sign-in links, signed cookies, CSRF, the staff roster read at every request),
//! `page` (the layout and shared pieces; maud escapes every value), `inbox` (the list and its live updates),
//! `case_page` (a case and its actions), `audit`, `analytics`, `ops` (`/healthz`, `/readyz`, `/metrics`).
//! Must not touch: teloxide (the courier is passed in), the store except through `App`.

mod analytics;
mod audit;
mod auth;
mod case_page;
mod inbox;
pub mod ops;
mod page;

pub use auth::Roster;

use crate::session::App;
use axum::Router;
use axum::routing::{get, post};
use axum_extra::extract::cookie::Key;
use futures::future::BoxFuture;
use std::sync::Arc;

/// Delivers what the console cannot itself: a staff answer into the person's chat, and a file the person
/// sent (fetched when a page shows it, never stored).
pub trait Courier: Send + Sync {
    /// Sends `text` to the person known as `owner` (`tg:…`).
    fn deliver(&self, owner: &str, text: String) -> BoxFuture<'static, Result<(), String>>;
    /// The bytes and media type of the file the channel knows as `reference`.
    fn fetch(&self, reference: &str) -> BoxFuture<'static, Result<(Vec<u8>, String), String>>;
}

/// A courier for a console without a channel to send through: answers are kept on the case only.
pub struct NoCourier;

impl Courier for NoCourier {
    fn deliver(&self, _owner: &str, _text: String) -> BoxFuture<'static, Result<(), String>> {
        Box::pin(async { Err("no Telegram bot is configured for the console (TELOXIDE_TOKEN)".into()) })
    }
    fn fetch(&self, _reference: &str) -> BoxFuture<'static, Result<(Vec<u8>, String), String>> {
        Box::pin(async { Err("no Telegram bot is configured for the console (TELOXIDE_TOKEN)".into()) })
    }
}

/// How many evidence files pass through the console at once (each up to the Bot API's 20 MB).
const FETCHES: usize = 4;

/// What every console request shares.
pub struct Console {
    app: Arc<App>,
    roster: Arc<Roster>,
    courier: Arc<dyn Courier>,
    cookies: Key,
    /// Cookies only over HTTPS when the console's address is HTTPS.
    secure: bool,
    /// Bumped whenever the hand-offs change: what the inbox's live updates wait on.
    changes: inbox::Changes,
    /// Set when the console stops: open live-update streams end, so the server's graceful stop can finish.
    stopping: tokio::sync::watch::Sender<bool>,
    /// Evidence fetched from the channel at once, at most: each is held in memory while it passes through.
    fetches: tokio::sync::Semaphore,
}

impl Console {
    /// A console over `app`; `secure` when it is reached over HTTPS.
    pub fn new(app: Arc<App>, roster: Arc<Roster>, courier: Arc<dyn Courier>, secure: bool) -> Arc<Console> {
        let cookies = auth::cookie_key(&app);
        let stopping = tokio::sync::watch::channel(false).0;
        let fetches = tokio::sync::Semaphore::new(FETCHES);
        Arc::new(Console {
            app,
            roster,
            courier,
            cookies,
            secure,
            changes: inbox::Changes::default(),
            stopping,
            fetches,
        })
    }
}

/// Every route of the console; all but the sign-in, the static assets and the operations' need a session.
pub fn router(console: Arc<Console>) -> Router {
    Router::new()
        .route("/", get(inbox::page))
        .route("/inbox/rows", get(inbox::rows))
        .route("/events", get(inbox::events))
        .route("/cases/{id}", get(case_page::page))
        .route("/cases/{id}/files/{n}", get(case_page::file))
        .route("/cases/{id}/{action}", post(case_page::act))
        .route("/audit", get(audit::page))
        .route("/audit.csv", get(audit::csv))
        .route("/analytics", get(analytics::page))
        .route("/signin", get(auth::sign_in).post(auth::redeem))
        .route("/signout", post(auth::sign_out))
        .route("/lang", post(auth::switch_language))
        .route("/assets/console.css", get(page::css))
        .route("/assets/console.js", get(page::js))
        .merge(ops::router(console.app.clone()))
        .layer(axum::middleware::from_fn(page::headers))
        .with_state(console)
}

/// Serves the console on `listener` until `shutdown` completes, with the watcher of the inbox's live
/// updates; both are gone when this returns (they hold the app, and with it the store).
pub async fn serve(
    listener: tokio::net::TcpListener,
    console: Arc<Console>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let watcher = tokio::spawn(inbox::watch(console.clone()));
    let stop = console.clone();
    let shutdown = async move {
        shutdown.await;
        stop.stopping.send_replace(true);
    };
    let served = axum::serve(listener, router(console)).with_graceful_shutdown(shutdown).await;
    watcher.abort();
    let _ = watcher.await;
    served
}
