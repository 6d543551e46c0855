//! swipefix: a help-desk bot for people whose card payment at a POS terminal went wrong.
//!
//! The crate is layered (see ARCHITECTURE.md): `engine` is pure; `store` keeps cases; `i18n` owns every
//! text; `catalog` loads and checks flows + texts from disk; `app` is the one loop that ties them together;
//! `channel` adapters talk to the outside world.

pub mod app;
pub mod catalog;
pub mod channel;
pub mod desk;
/// The pure engine lives in its own crate (`crates/engine`), so its purity is a dependency list.
pub use swipefix_engine as engine;
pub mod i18n;
pub mod merchant;
pub mod report;
pub mod settings;
pub mod store;
