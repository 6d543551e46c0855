//! The webhook listener: Telegram calls the bot; each call's secret header is checked and its body read as
//! an update. In place of teloxide's `webhooks::axum`, whose handler logs a body it cannot read whole, at
//! ERROR — with whatever the person typed in it (a card number, an SMS code). Here an unreadable update is
//! logged by its id and the kind of problem only, and skipped. Also the reading of updates that both
//! listeners share (`unreadable`).
//!
//! A call is answered once its update was handled (or after `ACK_PATIENCE`; while stopping, an update not
//! handled by then is refused with 503): Telegram sends a call that failed or timed out again, maybe to
//! another process behind the same address, so a process killed or stopped with an update in hand loses
//! nothing; the cases' update numbers keep a second delivery from being handled twice.
//! The webhook stays registered when the process stops: several processes can serve one webhook, and one
//! stopping must not cut the others off (a polling start deletes it).
//!
//! Owns: the HTTP endpoint (with the operations' endpoints beside it), `setWebhook` at start, `unreadable`.
//! Must not touch: the handlers; it only hands updates to the dispatcher.

use super::acks::{ACK_PATIENCE, Acks};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use std::convert::Infallible;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::{Update, UpdateKind};
use teloxide::update_listeners::{StatefulListener, UpdateListener, webhooks};
use tokio::sync::mpsc;

/// Why an update Telegram sent cannot be handled, as a fixed word for the log: the kind of update (the
/// name of its field, e.g. `message`) that did not read. `None` for a readable one. (teloxide reads what it
/// cannot parse as `UpdateKind::Error` holding the update's JSON, which is never logged here.)
pub fn unreadable(update: &Update) -> Option<String> {
    match &update.kind {
        UpdateKind::Error(value) => Some(unreadable_kind(value)),
        _ => None,
    }
}

/// The kind of an unreadable update's JSON: the name of its field besides `update_id`.
fn unreadable_kind(value: &serde_json::Value) -> String {
    let field = value.as_object().and_then(|o| o.keys().find(|k| k.as_str() != "update_id")).map(String::as_str);
    // Telegram's field names are short snake_case words; anything else is not repeated into the log.
    let named = field.filter(|f| f.len() <= 40 && f.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    format!("unreadable {}", named.unwrap_or("update"))
}

/// What the endpoint shares.
struct Hook {
    secret: String,
    updates: mpsc::UnboundedSender<Update>,
    flag: StopFlag,
    acks: Arc<Acks>,
}

/// The listener's state: the updates received and the stop token.
struct Listening {
    updates: mpsc::UnboundedReceiver<Update>,
    token: StopToken,
    flag: StopFlag,
}

/// Registers the webhook with Telegram (`setWebhook`, with the secret — teloxide makes one up when there is
/// none; several processes behind one address need the same one) and serves it on `options.address` until
/// stopped.
pub async fn listen(
    bot: Bot,
    mut options: webhooks::Options,
    acks: Arc<Acks>,
    app: Arc<crate::session::App>,
) -> Result<impl UpdateListener<Err = Infallible>, teloxide::RequestError> {
    let secret = options.get_or_gen_secret_token().to_string();
    bot.set_webhook(options.url.clone()).secret_token(secret.clone()).await?;
    let (tx, rx) = mpsc::unbounded_channel();
    let (token, flag) = mk_stop_token();
    let hook = Arc::new(Hook { secret, updates: tx, flag: flag.clone(), acks });
    // The operations' endpoints (`/healthz`, `/readyz`, `/metrics`) on the same listener: a load balancer in
    // front of several webhook processes checks each.
    let router = Router::new()
        .route(options.url.path(), axum::routing::post(receive))
        .with_state(hook)
        .merge(crate::channel::console::ops::router(app));
    let address = options.address;
    let stopped = flag.clone();
    let server_token = token.clone();
    tokio::spawn(async move {
        let served = match tokio::net::TcpListener::bind(address).await {
            Ok(l) => axum::serve(l, router).with_graceful_shutdown(stopped).await,
            Err(e) => Err(e),
        };
        if let Err(e) = served {
            tracing::error!(error = %e, %address, "the webhook listener stopped");
            server_token.stop();
        }
    });
    let state = Listening { updates: rx, token, flag };
    Ok(StatefulListener::new(state, updates, |st: &mut Listening| st.token.clone()))
}

fn updates(st: &mut Listening) -> impl futures::Stream<Item = Result<Update, Infallible>> + Send + '_ {
    futures::stream::unfold(st, |st| async move {
        tokio::select! {
            u = st.updates.recv() => u.map(|u| (Ok(u), st)),
            () = &mut st.flag => None,
        }
    })
}

/// One call from Telegram: the secret is checked, the body read; an update that does not read is logged by
/// its id and kind only. Telegram gets 200 for it all the same — sending it again would not make it readable.
async fn receive(State(hook): State<Arc<Hook>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let given = headers.get("X-Telegram-Bot-Api-Secret-Token").map_or(&[][..], |v| v.as_bytes());
    if !same_secret(given, hook.secret.as_bytes()) {
        return StatusCode::UNAUTHORIZED;
    }
    if hook.flag.is_stopped() {
        return StatusCode::SERVICE_UNAVAILABLE;
    }
    match serde_json::from_slice::<Update>(&body) {
        Ok(u) if !matches!(u.kind, UpdateKind::Error(_)) => {
            let (mut done, new) = hook.acks.hooked(u.id.0 as i32);
            if new {
                let _ = hook.updates.send(u);
            }
            // Not confirmed before it is handled; a slow one is confirmed after the patience all the same, so
            // that one slow conversation does not hold Telegram's connections — unless the process is
            // stopping, when it may never be handled here: Telegram is to send it again (to another process).
            let waited = tokio::time::timeout(ACK_PATIENCE, done.wait_for(|handled| *handled)).await;
            if !waited.is_ok_and(|r| r.is_ok()) && hook.flag.is_stopped() {
                return StatusCode::SERVICE_UNAVAILABLE;
            }
        }
        Ok(u) => {
            // serde gave teloxide nothing of the part it could not read; the body names it.
            let value = serde_json::from_slice::<serde_json::Value>(&body).unwrap_or_default();
            let kind = unreadable_kind(&value);
            tracing::warn!(update = u.id.0, kind, "an update could not be read; skipped");
        }
        Err(e) => {
            let id = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v.get("update_id").and_then(serde_json::Value::as_u64));
            let kind = if id.is_some() { "not an update" } else { "not JSON" };
            // `e` is not logged: serde's message quotes the value it could not read.
            let _ = e;
            tracing::warn!(update = ?id, kind, "a webhook call could not be read; skipped");
        }
    }
    StatusCode::OK
}

/// Compares secrets in time that does not depend on where they differ.
fn same_secret(given: &[u8], want: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    given.ct_eq(want).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_update_is_named_by_its_kind_not_its_content() {
        let bad = r#"{"update_id": 7, "message": {"text": "card 4111111111111111 code 123456"}}"#;
        let u: Update = serde_json::from_str(bad).unwrap();
        assert_eq!(u.id.0, 7);
        assert!(unreadable(&u).is_some());
        assert_eq!(unreadable_kind(&serde_json::from_str(bad).unwrap()), "unreadable message");
        let odd = serde_json::json!({ "update_id": 7, "4111111111111111": 1 });
        assert_eq!(unreadable_kind(&odd), "unreadable update", "an odd field name is not repeated");
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abd", b"abc"));
        assert!(!same_secret(b"ab", b"abc"));
    }
}
