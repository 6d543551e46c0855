//! The console's page frame and shared pieces: the layout (navigation, language switch, sign-out), texts in
//! the staff member's language, security headers on every answer, the stylesheet and the one small script
//! (live inbox, `/` to search). Every value goes into HTML through maud, which escapes it: a person's
//! `<script>` is shown as text.
//! Must not touch: cases, sessions (handlers pass what to show).

use crate::session::App;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use maud::{DOCTYPE, Markup, html};

/// A signed-in staff member, for a handler (`auth` checks the session and makes it).
pub struct Staff {
    /// `tg:<id>`.
    pub id: String,
    pub locale: String,
    /// The token every form of this session carries.
    pub csrf: String,
    /// The session's own nonce and when it ends (what a sign-out spends).
    pub session: String,
    pub ends: DateTime<Utc>,
}

/// The first language of the request's `Accept-Language`, for pages without a session.
pub fn accept_language(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    v.split(',').next().map(|t| t.split(';').next().unwrap_or(t).trim().to_string()).filter(|t| !t.is_empty())
}

/// Texts in one language.
pub struct Texts<'a> {
    app: &'a App,
    pub locale: String,
}

impl<'a> Texts<'a> {
    pub fn new(app: &'a App, locale: &str) -> Texts<'a> {
        Texts { app, locale: app.catalog().i18n.negotiate(locale) }
    }

    /// For a page without a session: the browser's language.
    pub fn for_request(app: &'a App, headers: &HeaderMap, fallback: Option<&str>) -> Texts<'a> {
        let tag = accept_language(headers).or(fallback.map(String::from));
        Texts::new(app, tag.as_deref().unwrap_or(crate::i18n::DEFAULT_LOCALE))
    }

    pub fn t(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.app.catalog().i18n.raw(&self.locale, key, args)
    }

    /// A text with a count as `$count`, passed as a number so its plural variants (`[one]`) are chosen.
    pub fn count(&self, key: &str, n: usize) -> String {
        let arg = crate::engine::step::Arg::Number(n.into());
        self.app.catalog().i18n.render(&self.locale, key, &[("count".to_string(), arg)])
    }

    /// A time as staff read it: the locale's date and time, in UTC (staff may sit anywhere).
    pub fn time(&self, at: DateTime<Utc>) -> String {
        format!("{} UTC", self.app.catalog().i18n.format_datetime(&self.locale, at.naive_utc()))
    }

    /// How long ago `at` was, in minutes, hours or days.
    pub fn age(&self, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
        let minutes = (now - at).num_minutes().max(0);
        let (key, n) = match minutes {
            m if m < 60 => ("console-age-minutes", m),
            m if m < 48 * 60 => ("console-age-hours", m / 60),
            m => ("console-age-days", m / (24 * 60)),
        };
        self.t(key, &[("n", &n.to_string())])
    }
}

/// Which part of the console a page belongs to (highlighted in the navigation).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Inbox,
    Audit,
    Analytics,
}

/// Where a page is: its part of the console, and its path and query (where the language switch returns).
pub struct Here {
    pub section: Section,
    pub path: String,
}

/// A full page for a signed-in staff member.
pub fn layout(texts: &Texts, staff: &Staff, here: &Here, title: &str, body: Markup) -> Markup {
    let nav = [
        (Section::Inbox, "/", "console-nav-inbox"),
        (Section::Audit, "/audit", "console-nav-audit"),
        (Section::Analytics, "/analytics", "console-nav-analytics"),
    ];
    html! {
        (DOCTYPE)
        html lang=(texts.locale) {
            (head(title))
            body {
                a.skip href="#main" { (texts.t("console-skip", &[])) }
                header.top {
                    span.brand { "swipefix" }
                    nav aria-label=(texts.t("console-nav-label", &[])) {
                        @for (s, href, key) in nav {
                            a href=(href) aria-current=[(s == here.section).then_some("page")] { (texts.t(key, &[])) }
                        }
                    }
                    (switches(texts, staff, &here.path))
                }
                main #main tabindex="-1" { h1 { (title) } (body) }
            }
        }
    }
}

/// The language switch and sign-out, each a small form with the session's CSRF token.
fn switches(texts: &Texts, staff: &Staff, back: &str) -> Markup {
    let langs = texts.app.catalog().i18n.locales();
    html! {
        div.me {
            span.who { (staff.id) }
            form method="post" action="/lang" {
                input type="hidden" name="csrf" value=(staff.csrf);
                input type="hidden" name="back" value=(back);
                label for="lang" { (texts.t("console-language", &[])) }
                select #lang name="lang" {
                    @for l in &langs {
                        // Each language by its own name, so a reader of it finds it whatever the page is in.
                        option value=(l) lang=(l) selected[*l == texts.locale] { (texts.app.catalog().i18n.raw(l, &format!("language-{l}"), &[])) }
                    }
                }
                button type="submit" { (texts.t("console-language-set", &[])) }
            }
            form method="post" action="/signout" {
                input type="hidden" name="csrf" value=(staff.csrf);
                button type="submit" { (texts.t("console-signout", &[])) }
            }
        }
    }
}

fn head(title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="referrer" content="no-referrer";
            title { (title) " · swipefix" }
            link rel="stylesheet" href="/assets/console.css";
            script src="/assets/console.js" defer {}
        }
    }
}

/// A page without the navigation (sign-in, signed out).
pub fn bare(texts: &Texts, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(texts.locale) {
            (head(title))
            body.bare { main #main { h1 { (title) } (body) } }
        }
    }
}

/// A form whose CSRF token was wrong: 403, and nothing done.
pub fn forbidden(texts: &Texts) -> Response {
    let body = html! { p role="alert" { (texts.t("console-csrf-failed", &[])) } p { a href="/" { (texts.t("console-nav-inbox", &[])) } } };
    (StatusCode::FORBIDDEN, bare(texts, &texts.t("console-forbidden", &[]), body)).into_response()
}

/// No such case (or it was erased).
pub fn not_found(texts: &Texts, id: &str) -> Response {
    let body = html! { p role="alert" { (texts.t("console-no-case", &[("case_id", id)])) } p { a href="/" { (texts.t("console-nav-inbox", &[])) } } };
    (StatusCode::NOT_FOUND, bare(texts, &texts.t("console-no-case-title", &[]), body)).into_response()
}

/// Something failed on our side (the store): said, and logged by the caller.
pub fn failed(texts: &Texts) -> Response {
    let body = html! { p role="alert" { (texts.t("console-failed", &[])) } };
    (StatusCode::INTERNAL_SERVER_ERROR, bare(texts, &texts.t("console-failed-title", &[]), body)).into_response()
}

/// Where a form sends the browser back to: `back` when it is a path on this console, else the inbox (never
/// another site: `//host` and `https://…` are refused).
pub fn safe_back(back: &str) -> String {
    let ok =
        back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') && !back.chars().any(char::is_control);
    if ok { back.to_string() } else { "/".into() }
}

/// Headers on every answer: no framing, no sniffing, no referrer (a sign-in link must not leak), scripts
/// and styles only from the console itself, and pages never cached (they hold personal data). A form
/// posted from another site is refused before any handler (the browser says where a request comes from:
/// `Sec-Fetch-Site`, `Origin`) — on top of each form's CSRF token, and for the sign-in too.
pub async fn headers(request: Request, next: Next) -> Response {
    if request.method() == axum::http::Method::POST && cross_site(request.headers()) {
        return (StatusCode::FORBIDDEN, "a form from another site\n").into_response();
    }
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    h.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Whether a request says it comes from another site: by `Sec-Fetch-Site` where the browser sends it
/// (anything but `same-origin` or `none`), else by an `Origin` whose host is not the `Host` asked for. (Our
/// `no-referrer` policy makes browsers send `Origin: null` with our own forms, so `null` decides nothing.)
fn cross_site(h: &HeaderMap) -> bool {
    let text = |name: &str| h.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    match (text("origin"), text("host")) {
        (Some("null"), _) => false,
        (Some(origin), Some(host)) => url::Url::parse(origin).ok().is_none_or(|o| {
            let port = o.port().map_or(String::new(), |p| format!(":{p}"));
            format!("{}{port}", o.host_str().unwrap_or_default()) != host
        }),
        _ => false,
    }
}

pub async fn css() -> Response {
    let cache = (header::CACHE_CONTROL, "max-age=3600");
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), cache], include_str!("console.css")).into_response()
}

pub async fn js() -> Response {
    let cache = (header::CACHE_CONTROL, "max-age=3600");
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), cache], include_str!("console.js")).into_response()
}
