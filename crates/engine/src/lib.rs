//! The engine: the decision tree as data and the pure function that walks it.
//!
//! Owns: the tree's types (`flow`), reading and checking the flow files (`parse`, `jurisdiction`, `validate`,
//! `condition`, with `problem` for where a problem is), reading typed input (`input`), one conversation turn
//! (`step`), deadlines (`deadline`), drawing the tree (`graph`).
//! Must not touch: files, network, clock, randomness, tokio, teloxide, sled, fluent. The caller reads the
//! files, passes the time in and acts on the returned effects. `tests/main.rs` checks this.

pub mod case;
pub mod condition;
pub mod deadline;
pub mod flow;
pub mod gate;
pub mod graph;
pub mod input;
pub mod jurisdiction;
mod parse;
mod problem;
pub mod setting;
pub mod step;
pub mod understand;
mod validate;

pub use case::{Answer, AuditEntry, Case, Evidence, Note, Role, Status, TranscriptLine};
pub use flow::{Flow, InputKind, Jurisdiction, Limits, Node, NodeKind, Problem, Setting};
pub use step::{Arg, Button, Effect, FileInput, Input, new_case, step};
