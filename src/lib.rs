//! swipefix: a help-desk bot for people whose card payment at a POS terminal went wrong.
//!
//! The crate is layered (see ARCHITECTURE.md): `engine` is pure; `store` keeps cases; `i18n` owns every
//! text; `catalog` loads and checks flows + texts from disk; `app` is the one loop that ties them together;
//! `channel` adapters talk to the outside world.

pub mod app;
pub mod catalog;
pub mod channel;
pub mod crash;
pub mod desk;
pub mod engine;
pub mod fake_telegram;
pub mod i18n;
pub mod load;
pub mod merchant;
pub mod report;
pub mod settings;
pub mod store;
