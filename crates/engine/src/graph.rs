//! Draws the decision tree as Mermaid or Graphviz dot text, for reviewers and the README.
//!
//! Owns: the two text formats of the drawing.
//! Must not touch: files: it returns text from a parsed `Flow`; writing it is the caller's job.

use super::flow::{Flow, NodeKind, RESUME};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Mermaid,
    Dot,
}

fn edges(flow: &Flow) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for id in &flow.order {
        let n = &flow.nodes[id];
        match &n.kind {
            NodeKind::Message { next } => out.push((id.clone(), next.node.clone(), String::new())),
            NodeKind::Choice { options } => {
                out.extend(options.iter().map(|o| (id.clone(), o.to.node.clone(), o.id.clone())));
            }
            NodeKind::Input { next, yes, no, input, unknown } => {
                if let Some(t) = unknown {
                    out.push((id.clone(), t.node.clone(), "unknown".into()));
                }
                if let Some(t) = next {
                    out.push((id.clone(), t.node.clone(), input.as_str().to_string()));
                }
                if let Some(t) = yes {
                    out.push((id.clone(), t.node.clone(), "yes".into()));
                }
                if let Some(t) = no {
                    out.push((id.clone(), t.node.clone(), "no".into()));
                }
            }
            NodeKind::Branch { rules } => {
                for r in rules {
                    let label = r.when.as_ref().map_or("else".to_string(), |_| "if".to_string());
                    out.push((id.clone(), r.to.node.clone(), label));
                }
            }
            NodeKind::Final { .. } => {}
        }
    }
    for i in &flow.interrupts {
        out.push((format!("interrupt_{}", i.id), i.to.node.clone(), format!("/{}", i.id)));
    }
    out
}

fn node_name(id: &str) -> String {
    if id == RESUME { "resume".into() } else { id.to_string() }
}

/// The tree as text in the given format.
pub fn render(flow: &Flow, format: GraphFormat) -> String {
    let mut s = String::new();
    match format {
        GraphFormat::Mermaid => {
            s.push_str("flowchart TD\n");
            for id in &flow.order {
                let n = &flow.nodes[id];
                let shape = match n.kind {
                    NodeKind::Branch { .. } => format!("{id}{{{{{id}}}}}"),
                    NodeKind::Final { ref outcome } => format!("{id}([{id}: {outcome}])"),
                    _ => format!("{id}[{id}]"),
                };
                let _ = writeln!(s, "    {shape}");
            }
            for (a, b, label) in edges(flow) {
                let (a, b) = (node_name(&a), node_name(&b));
                if label.is_empty() {
                    let _ = writeln!(s, "    {a} --> {b}");
                } else {
                    let _ = writeln!(s, "    {a} -->|{label}| {b}");
                }
            }
        }
        GraphFormat::Dot => {
            s.push_str("digraph swipefix {\n    rankdir=TB;\n    node [shape=box];\n");
            for id in &flow.order {
                let n = &flow.nodes[id];
                let shape = match n.kind {
                    NodeKind::Branch { .. } => "diamond",
                    NodeKind::Final { .. } => "doubleoctagon",
                    NodeKind::Choice { .. } | NodeKind::Input { .. } => "box",
                    NodeKind::Message { .. } => "note",
                };
                let _ = writeln!(s, "    \"{id}\" [shape={shape}];");
            }
            for (a, b, label) in edges(flow) {
                let (a, b) = (node_name(&a), node_name(&b));
                let _ = writeln!(s, "    \"{a}\" -> \"{b}\" [label=\"{label}\"];");
            }
            s.push_str("}\n");
        }
    }
    s
}
