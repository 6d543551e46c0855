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
        other => Err(format!("no migration from case schema {other}")),
    }
}
