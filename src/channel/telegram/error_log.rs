//! How the channel logs what went wrong: the kind of error and the update's id, never a payload. An update
//! holds whatever a person typed (a card number, an SMS code), and teloxide's own error texts carry the
//! raw response (`InvalidJson { raw }`) or the request; so nothing here prints an error's text or an update.
//!
//! Owns: `kind` (an error as a short fixed word), `QuietErrors` (the dispatcher's and listeners' error
//! handler in place of teloxide's `LoggingErrorHandler`, which logs `{:?}` of the error).
//! Must not touch: the session, the store; it only logs.

use futures::future::BoxFuture;
use std::sync::Arc;
use teloxide::RequestError;

/// A request error as a fixed word: what kind of thing failed, nothing of what was sent or received.
pub fn kind(e: &RequestError) -> &'static str {
    match e {
        RequestError::Api(_) => "telegram refused the request",
        RequestError::MigrateToChatId(_) => "the chat became a supergroup",
        RequestError::RetryAfter(_) => "too many requests (retry after)",
        RequestError::Network(_) => "network",
        RequestError::InvalidJson { .. } => "unreadable answer from the Bot API",
        RequestError::Io(_) => "input/output",
    }
}

/// Any handler error as a fixed word: a request error by its kind, anything else as "other".
pub fn kind_of(e: &(dyn std::error::Error + 'static)) -> &'static str {
    e.downcast_ref::<RequestError>().map_or("other", kind)
}

/// The error handler of the dispatcher and the listeners: one line with where and the kind of error.
pub struct QuietErrors {
    /// Where it happened: "polling", "webhook", "an update".
    pub what: &'static str,
}

impl QuietErrors {
    pub fn new(what: &'static str) -> Arc<QuietErrors> {
        Arc::new(QuietErrors { what })
    }
}

impl teloxide::error_handlers::ErrorHandler<RequestError> for QuietErrors {
    fn handle_error(self: Arc<Self>, error: RequestError) -> BoxFuture<'static, ()> {
        tracing::error!(kind = kind(&error), "{} failed", self.what);
        Box::pin(async {})
    }
}

impl teloxide::error_handlers::ErrorHandler<std::convert::Infallible> for QuietErrors {
    fn handle_error(self: Arc<Self>, error: std::convert::Infallible) -> BoxFuture<'static, ()> {
        match error {}
    }
}

impl teloxide::error_handlers::ErrorHandler<super::HandlerError> for QuietErrors {
    fn handle_error(self: Arc<Self>, error: super::HandlerError) -> BoxFuture<'static, ()> {
        tracing::error!(kind = kind_of(error.as_ref()), "{} failed", self.what);
        Box::pin(async {})
    }
}
