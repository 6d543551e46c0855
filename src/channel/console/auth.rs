//! Who is at the console: sign-in by a single-use link (`session::signin`), then a session in a signed,
//! HttpOnly, SameSite=Strict cookie; a CSRF token on every form, derived from the session; and the staff
//! roster read at every request, so a staff id taken out of the settings loses access at once.
//!
//! The link opens a page with a button, and only the button's POST spends it: a link previewer or a
//! mail scanner that fetches the link does not use it up.
//! Must not touch: cases (the pages do).

use super::Console;
pub use super::page::Staff;
use super::page::{self, Texts};
use crate::session::signin::{Grant, Refused};
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::SignedCookieJar;
use axum_extra::extract::cookie::{Cookie, Key, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use hmac::{Hmac, Mac};
use maud::html;
use sha2::Sha256;
use std::sync::{Arc, Mutex};

const COOKIE: &str = "swipefix_console";
/// How long a session lasts from its sign-in: a working day.
const SESSION: chrono::Duration = chrono::Duration::hours(12);

/// The staff list, read again at every request (from the settings file), the last good one kept when a
/// read fails.
pub struct Roster {
    read: Box<dyn Fn() -> Result<Vec<u64>, String> + Send + Sync>,
    /// The last list read, and the last error (logged once, not at every request).
    last: Mutex<(Vec<u64>, Option<String>)>,
}

impl std::fmt::Debug for Roster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Roster").field("last", &self.last.lock().unwrap_or_else(|p| p.into_inner()).0).finish()
    }
}

impl Roster {
    /// A roster `read` returns (the settings' `[staff] users`).
    pub fn new(read: impl Fn() -> Result<Vec<u64>, String> + Send + Sync + 'static) -> Roster {
        Roster { read: Box::new(read), last: Mutex::default() }
    }

    /// The staff ids as of now.
    pub fn current(&self) -> Vec<u64> {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        match (self.read)() {
            Ok(ids) => *last = (ids, None),
            Err(e) if last.1.as_ref() != Some(&e) => {
                tracing::warn!(error = %e, "the staff list could not be read again; the last one is used");
                last.1 = Some(e);
            }
            Err(_) => {}
        }
        last.0.clone()
    }

    /// Whether `staff` (`tg:<id>`) is on the list now.
    pub fn admits(&self, staff: &str) -> bool {
        let id = staff.strip_prefix("tg:").and_then(|n| n.parse::<u64>().ok());
        id.is_some_and(|id| self.current().contains(&id))
    }
}

/// The cookie key: 64 bytes from the master key, the same in every process of the deployment.
pub fn cookie_key(app: &crate::session::App) -> Key {
    let keys = app.store_keys();
    let mut k = [0u8; 64];
    k[..32].copy_from_slice(&keys.secret("console cookie signing v1"));
    k[32..].copy_from_slice(&keys.secret("console cookie encryption v1"));
    Key::from(&k)
}

/// What the cookie holds.
#[derive(serde::Serialize, serde::Deserialize)]
struct Session {
    staff: String,
    locale: String,
    issued: i64,
    nonce: String,
}

impl Staff {
    /// Whether a form's `token` is this session's.
    pub fn csrf_ok(&self, token: &str) -> bool {
        // In constant time: a token is not guessed byte by byte from timing.
        use subtle::ConstantTimeEq;
        self.csrf.as_bytes().ct_eq(token.as_bytes()).into()
    }
}

impl FromRequestParts<Arc<Console>> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, console: &Arc<Console>) -> Result<Staff, Response> {
        let jar = console.jar(&parts.headers);
        let texts = Texts::for_request(&console.app, &parts.headers, None);
        let session = jar.get(COOKIE).and_then(|c| decode(c.value()));
        let now = console.app.now().timestamp();
        let Some(s) = session.filter(|s| now >= s.issued && now - s.issued < SESSION.num_seconds()) else {
            return Err(signed_out(&texts, "console-signin-needed"));
        };
        if !console.roster.admits(&s.staff) {
            return Err(signed_out(&texts, "console-signin-revoked"));
        }
        // Signed out (here or in another process): the cookie is dead even if a copy of it lives on.
        let ended = tokio::task::block_in_place(|| console.app.session_ended(&s.nonce));
        if !matches!(ended, Ok(false)) {
            return Err(signed_out(&texts, "console-signin-needed"));
        }
        let csrf = csrf_token(console, &s.nonce);
        let ends = chrono::DateTime::from_timestamp(s.issued, 0).unwrap_or_default() + SESSION;
        Ok(Staff { id: s.staff, locale: s.locale, csrf, session: s.nonce, ends })
    }
}

fn decode(value: &str) -> Option<Session> {
    serde_json::from_slice(&B64.decode(value).ok()?).ok()
}

fn csrf_token(console: &Console, nonce: &str) -> String {
    let key = console.app.store_keys().secret("console csrf v1");
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key).expect("HMAC takes any key length");
    mac.update(nonce.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The page for someone without a (valid) session: how to get a link. 401, so scripts see it too.
fn signed_out(texts: &Texts, why: &str) -> Response {
    let body = html! {
        p role="alert" { (texts.t(why, &[])) }
        p { (texts.t("console-signin-how", &[])) }
    };
    (StatusCode::UNAUTHORIZED, page::bare(texts, &texts.t("console-signin-title", &[]), body)).into_response()
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// `GET /signin?token=…`: a page with the button that signs in (the link itself spends nothing).
pub async fn sign_in(State(c): State<Arc<Console>>, headers: HeaderMap, Query(q): Query<TokenQuery>) -> Response {
    let texts = Texts::for_request(&c.app, &headers, None);
    let body = html! {
        p { (texts.t("console-signin-confirm", &[])) }
        form method="post" action="/signin" {
            input type="hidden" name="token" value=(q.token);
            button type="submit" autofocus { (texts.t("console-signin-button", &[])) }
        }
    };
    page::bare(&texts, &texts.t("console-signin-title", &[]), body).into_response()
}

/// `POST /signin`: spends the link and starts a session.
pub async fn redeem(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    axum::Form(q): axum::Form<TokenQuery>,
) -> Response {
    let jar = c.jar(&headers);
    let texts = Texts::for_request(&c.app, &headers, None);
    let (app, token) = (c.app.clone(), q.token.trim().to_string());
    let grant = match tokio::task::spawn_blocking(move || app.redeem_sign_in(&token)).await {
        Ok(Ok(g)) => g,
        _ => return page::failed(&texts),
    };
    match grant {
        Ok(g) if c.roster.admits(&g.staff) => {
            tracing::info!(staff = %g.staff, "signed in to the console");
            (set_session(&c, jar, &g), Redirect::to("/")).into_response()
        }
        Ok(_) => signed_out(&texts, "console-signin-revoked"),
        Err(Refused::Expired) => signed_out(&texts, "console-signin-expired"),
        Err(Refused::Spent) => signed_out(&texts, "console-signin-spent"),
        Err(Refused::Forged) => signed_out(&texts, "console-signin-invalid"),
    }
}

fn set_session(c: &Console, jar: SignedCookieJar, g: &Grant) -> SignedCookieJar {
    let mut nonce = [0u8; 16];
    use chacha20poly1305::aead::{OsRng, rand_core::RngCore};
    OsRng.fill_bytes(&mut nonce);
    let s = Session {
        staff: g.staff.clone(),
        locale: g.locale.clone(),
        issued: c.app.now().timestamp(),
        nonce: hex::encode(nonce),
    };
    jar.add(cookie(c, encode(&s)))
}

fn encode(s: &Session) -> String {
    B64.encode(serde_json::to_vec(s).expect("a session serializes"))
}

fn cookie(c: &Console, value: String) -> Cookie<'static> {
    Cookie::build((COOKIE, value))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(c.secure)
        .path("/")
        // A browser session's cookie (gone when the browser closes); the server ends it after `SESSION`.
        .build()
}

impl Console {
    /// The request's cookies, checked against this deployment's key.
    fn jar(&self, headers: &HeaderMap) -> SignedCookieJar {
        SignedCookieJar::from_headers(headers, self.cookies.clone())
    }
}

#[derive(serde::Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// `POST /signout`.
pub async fn sign_out(
    State(c): State<Arc<Console>>,
    staff: Staff,
    headers: HeaderMap,
    axum::Form(f): axum::Form<CsrfForm>,
) -> Response {
    let jar = c.jar(&headers);
    if !staff.csrf_ok(&f.csrf) {
        return page::forbidden(&Texts::new(&c.app, &staff.locale));
    }
    let texts = Texts::new(&c.app, &staff.locale);
    let (app, nonce, ends) = (c.app.clone(), staff.session.clone(), staff.ends);
    if !matches!(tokio::task::spawn_blocking(move || app.end_session(&nonce, ends)).await, Ok(Ok(()))) {
        return page::failed(&texts);
    }
    let body = html! { p { (texts.t("console-signed-out", &[])) } };
    (jar.remove(Cookie::build(COOKIE).path("/")), page::bare(&texts, &texts.t("console-signin-title", &[]), body))
        .into_response()
}

/// `POST /lang`: this session's console language.
pub async fn switch_language(
    State(c): State<Arc<Console>>,
    staff: Staff,
    headers: HeaderMap,
    axum::Form(f): axum::Form<CsrfForm>,
) -> Response {
    let jar = c.jar(&headers);
    if !staff.csrf_ok(&f.csrf) {
        return page::forbidden(&Texts::new(&c.app, &staff.locale));
    }
    let Some(mut s) = jar.get(COOKIE).and_then(|k| decode(k.value())) else {
        return Redirect::to("/").into_response();
    };
    s.locale = c.app.catalog().i18n.negotiate(&f.lang);
    let back = page::safe_back(&f.back);
    (jar.add(cookie(&c, encode(&s))), Redirect::to(&back)).into_response()
}
