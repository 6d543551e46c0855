//! Channel adapters: they turn the outside world into `app::Incoming` and a `Reply` back into output. They
//! make no decisions. Only `telegram` (a later module) imports teloxide.

pub mod telegram;
pub mod terminal;
