//! Channel adapters: they turn the outside world into the session's `Incoming` and its `Reply` back into
//! output. Transport only: the session decides. Only `telegram` imports teloxide.

pub mod telegram;
pub mod terminal;
