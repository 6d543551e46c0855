//! Plain-text views of a case for operators (`swipefix cases show`). Only the last 4 card digits exist on a
//! case, so nothing here can print more.

use crate::engine::Case;
use std::fmt::Write;

pub fn case_text(c: &Case) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "case         {}", c.id);
    let _ = writeln!(s, "owner        {}", c.owner);
    let _ = writeln!(
        s,
        "status       {}{}",
        c.status.as_str(),
        c.outcome.as_ref().map_or(String::new(), |o| format!(" (outcome: {o})"))
    );
    let _ = writeln!(s, "role         {}", c.role.map_or("-", |r| r.as_str()));
    let _ = writeln!(s, "language     {}", c.locale);
    let _ = writeln!(s, "jurisdiction {}", c.jurisdiction);
    let _ = writeln!(s, "at node      {}", c.node);
    if let Some(r) = &c.referrer {
        let _ = writeln!(s, "referrer     {r}");
    }
    let _ = writeln!(s, "created      {}", c.created.to_rfc3339());
    let _ = writeln!(s, "updated      {} (version {})", c.updated.to_rfc3339(), c.version);
    if !c.answers.is_empty() {
        let _ = writeln!(s, "answers");
        for (k, v) in &c.answers {
            let _ = writeln!(s, "  {k:<18} {}", v.plain());
        }
    }
    if !c.steps.is_empty() {
        let _ = writeln!(s, "steps done");
        for st in &c.steps {
            let _ = writeln!(s, "  {:<18} {}", st.step, st.at.to_rfc3339());
        }
    }
    if !c.handoffs.is_empty() {
        let _ = writeln!(s, "hand-offs");
        for h in &c.handoffs {
            let _ = writeln!(s, "  {:<18} at {} ({})", h.reason, h.node, h.at.to_rfc3339());
        }
    }
    s
}
