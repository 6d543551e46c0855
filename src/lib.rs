//! swipefix: a help-desk bot for people whose card payment at a POS terminal went wrong.
//!
//! The crate is layered (see ARCHITECTURE.md): `engine` is pure; `store` keeps cases; `i18n` owns every
//! text; `catalog` loads and checks flows + texts from disk (`quoted_numbers` finds facts
//! written into texts); `session` is the only way in — the command table,
//! de-duplication and the one commit path; `channel` adapters talk to the outside world (Telegram, the
//! terminal, the staff console); `stats` reads the cases for analytics; `telemetry` names the metrics.

pub mod catalog;
pub mod channel;
/// The pure engine lives in its own crate (`crates/engine`), so its purity is a dependency list.
pub use swipefix_engine as engine;
pub mod i18n;
pub mod merchant;
pub mod quoted_numbers;
pub mod report;
pub mod session;
pub mod settings;
pub mod stats;
pub mod store;
pub mod telemetry;
