//! The one integration-test binary (one link on 2 cores). Each module is a topic; `common` has the shared
//! fixtures: the shipped flows and texts, an in-memory app with a manual clock, the transcript runner.

mod abuse;
mod architecture;
mod at_limits;
mod browser;
mod catalog;
mod cli;
mod commands;
mod common;
mod console;
mod conversation;
mod deadlines;
mod erasure;
mod fuzz;
mod gate;
mod hostile;
mod letter;
mod merchants;
mod postgres;
mod properties;
mod reliability;
mod reminders;
mod staff;
mod store;
mod telegram;
mod timing;
mod transcripts;
mod understanding;
