//! swipefix's test lab, never linked into the shipped bot: a fake Telegram Bot API on 127.0.0.1
//! (`fake_telegram`) with Telegram's sending limits (`send_limits`), the load tool (`load`) and the crash test
//! (`crash`), a throwaway PostgreSQL server for tests (`postgres`) and headless Chromium's driver
//! (`chromium`). The integration tests use this
//! library; `swipefix-lab` runs the tools from the shell against a built `swipefix` binary.
//! Must not touch: any address but 127.0.0.1; the bot's internals beyond reading its database back.

pub mod chromium;
pub mod cli;
pub mod crash;
pub mod fake_telegram;
pub mod load;
pub mod postgres;
pub mod send_limits;
