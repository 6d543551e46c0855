//! The bot's metrics, in Prometheus' text format: the names of the series, the one recorder of the process
//! (`metrics-exporter-prometheus`, installed once, with no HTTP listener of its own — the console or the
//! webhook listener serves `/metrics`), and its rendering. Code records through the `metrics` macros with
//! these names; nothing here knows who records.
//! Must not touch: HTTP, the store (the caller passes what it counted there).

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;

/// Updates (messages, button presses, follow-ups are not) handled by the session, by channel.
pub const UPDATES: &str = "swipefix_updates_handled_total";
/// How long a person's turn took in the session (load, step, save, flush), in seconds.
pub const TURN_SECONDS: &str = "swipefix_turn_seconds";
/// Hand-offs to staff.
pub const HANDOFFS: &str = "swipefix_handoffs_total";
/// Cases not closed, in the store (read when scraped).
pub const OPEN_CASES: &str = "swipefix_open_cases";
/// Posts waiting in the staff chat's queues of this process.
pub const OUTBOX_DEPTH: &str = "swipefix_outbox_queue_depth";
/// Errors, by kind: a turn (`turn`) or a console action (`console`) that failed, an update the Telegram
/// channel could not handle (by the request error's kind).
pub const ERRORS: &str = "swipefix_errors_total";

/// The turn histogram's buckets, in seconds: a turn is a few milliseconds; a flush under load tens.
const TURN_BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed at first use. `None` when another recorder was installed first (a
/// program embedding the library with its own): metrics then go there, and `/metrics` says so.
pub fn handle() -> Option<&'static PrometheusHandle> {
    if let Some(h) = HANDLE.get() {
        return Some(h);
    }
    let builder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(TURN_SECONDS.into()), TURN_BUCKETS)
        .expect("the buckets are not empty");
    match builder.install_recorder() {
        Ok(h) => {
            describe();
            Some(HANDLE.get_or_init(|| h))
        }
        Err(_) => HANDLE.get(),
    }
}

/// Help lines, and every counter at zero so a scrape shows each series before anything happened.
fn describe() {
    metrics::describe_counter!(UPDATES, "Updates handled by the session");
    metrics::describe_histogram!(TURN_SECONDS, metrics::Unit::Seconds, "Time of one person's turn in the session");
    metrics::describe_counter!(HANDOFFS, "Hand-offs to support staff");
    metrics::describe_gauge!(OPEN_CASES, "Cases not closed");
    metrics::describe_gauge!(OUTBOX_DEPTH, "Posts waiting for the staff chat");
    metrics::describe_counter!(ERRORS, "Errors by kind");
    metrics::counter!(UPDATES, "channel" => "telegram").absolute(0);
    metrics::counter!(HANDOFFS).absolute(0);
    metrics::counter!(ERRORS, "kind" => "turn").absolute(0);
    metrics::gauge!(OUTBOX_DEPTH).set(0.0);
}

/// The exposition: every series in Prometheus' text format, with `open_cases` as counted now.
pub fn render(open_cases: Option<usize>) -> String {
    let Some(h) = handle() else { return "# another metrics recorder is installed in this process\n".into() };
    if let Some(n) = open_cases {
        metrics::gauge!(OPEN_CASES).set(n as f64);
    }
    h.render()
}

/// The channel a person is from, as the label of `UPDATES` (`tg:…` → `telegram`).
pub fn channel_of(owner: &str) -> &'static str {
    match owner.split(':').next() {
        Some("tg") => "telegram",
        Some("cli") => "terminal",
        _ => "other",
    }
}
