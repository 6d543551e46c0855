//! How a case is kept as bytes: JSON of the current schema, and the migration of older records. Every
//! store and the backup read cases through `decode`, so an old record keeps loading and one written by a
//! newer swipefix is refused rather than read wrongly. A storage concern, so not in the engine.

use crate::engine::case::{CASE_SCHEMA, Case};

/// Reads a stored case (JSON) of this schema or an older one, migrating it step by step. A case written by a
/// newer swipefix is refused rather than read wrongly.
pub fn decode(bytes: &[u8]) -> Result<Case, String> {
    // The common case, without a detour through `serde_json::Value`.
    if let Ok(c) = serde_json::from_slice::<Case>(bytes)
        && c.schema == CASE_SCHEMA
    {
        return Ok(c);
    }
    let mut v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| format!("not a case: {e}"))?;
    let schema = v.get("schema").and_then(serde_json::Value::as_u64).unwrap_or(1);
    if schema > u64::from(CASE_SCHEMA) {
        return Err(format!(
            "it was written by a newer swipefix (case schema {schema}; this one reads up to {CASE_SCHEMA})"
        ));
    }
    for from in schema as u32..CASE_SCHEMA {
        migrate_step(from, &mut v)?;
    }
    v["schema"] = CASE_SCHEMA.into();
    serde_json::from_value(v).map_err(|e| format!("a schema {schema} case that does not read: {e}"))
}

/// Turns a case of schema `from` into one of `from + 1`.
fn migrate_step(from: u32, v: &mut serde_json::Value) -> Result<(), String> {
    match from {
        // 1 -> 2: the new fields (`update` on transcript lines, `editing`) are optional: absent is right.
        1 => {
            if let Some(obj) = v.as_object_mut() {
                obj.entry("editing").or_insert(serde_json::Value::Null);
            }
            Ok(())
        }
        // 2 -> 3: evidence fields renamed (the old names are read as aliases); `focus` and `relayed` are
        // optional: absent is right.
        2 => Ok(()),
        // 3 -> 4: every hand-off before posted every file the case had then, so a file older than the last
        // hand-off was given to staff already; the hand-offs' `closed` cannot be known and stays false
        // (the limit on hand-offs of closed cases starts with the first one after the upgrade).
        3 => {
            mark_forwarded(v);
            Ok(())
        }
        // 4 -> 5: the one `intl` jurisdiction became one per country; the card-region answer says which.
        4 => {
            split_intl(v);
            Ok(())
        }
        other => Err(format!("no migration from case schema {other}")),
    }
}

/// A schema 4 case of the old `intl` jurisdiction gets the country its `card_region` answer named (a US card
/// also its `card_kind`), else `other`; a case waiting at a question that no longer exists (`timing`, which
/// the payment date now answers, and `card_region`, asked first now) goes on from the step that replaced it.
fn split_intl(v: &mut serde_json::Value) {
    let region = v.pointer("/answers/card_region/value").and_then(serde_json::Value::as_str).map(str::to_string);
    if v.get("jurisdiction").and_then(serde_json::Value::as_str) == Some("intl") {
        let (j, kind) = match region.as_deref() {
            Some("us_credit") => ("us", Some("us_credit")),
            Some("us_debit") => ("us", Some("us_debit")),
            Some("uk") => ("uk", None),
            Some("eu") => ("eu", None),
            _ => ("other", None),
        };
        v["jurisdiction"] = j.into();
        if let (Some(kind), Some(answers)) = (kind, v.get_mut("answers").and_then(serde_json::Value::as_object_mut)) {
            answers.insert("card_kind".into(), serde_json::json!({ "type": "choice", "value": kind }));
        }
    }
    let node = match v.get("node").and_then(serde_json::Value::as_str) {
        Some("timing") => "timing_route",
        Some("card_region") => "application_send",
        _ => return,
    };
    v["node"] = node.into();
}

/// Marks the evidence of a schema 3 case that a hand-off at or after its arrival posted to staff.
fn mark_forwarded(v: &mut serde_json::Value) {
    let time = |x: &serde_json::Value| {
        x.get("at").and_then(serde_json::Value::as_str).and_then(|t| t.parse::<chrono::DateTime<chrono::Utc>>().ok())
    };
    let last_handoff =
        v.get("handoffs").and_then(serde_json::Value::as_array).and_then(|h| h.iter().filter_map(time).max());
    let Some(last) = last_handoff else { return };
    if let Some(files) = v.get_mut("evidence").and_then(serde_json::Value::as_array_mut) {
        for f in files.iter_mut().filter(|f| time(f).is_some_and(|at| at <= last)) {
            if let Some(o) = f.as_object_mut() {
                o.insert("forwarded".into(), true.into());
            }
        }
    }
}
