//! Channel adapters: they turn the outside world into the session's `Incoming` and its `Reply` back into
//! output. Transport only: the session decides. Only `telegram` imports teloxide; `console` is the staff's
//! web inbox over the same session.

pub mod console;
pub mod telegram;
pub mod terminal;
