//! `custom-elements.json`: the contract (contract.rs) as a Custom Elements Manifest, the
//! format editors and component catalogues read. `cargo xtask package` ships it.

use serde_json::{json, Value};

use super::{
    ATTRIBUTES, CLASS, CSS_PROPERTIES, DETAIL, DETAIL_DESCRIPTION, ELEMENT_DESCRIPTION, EVENTS,
    PARTS, TAG,
};

/// The detail's TypeScript type, written out (the manifest has no separate types).
fn detail_ts() -> String {
    let fields: Vec<String> = DETAIL
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ts))
        .collect();
    format!("{{ {} }}", fields.join("; "))
}

/// `custom-elements.json`: one module (the script), declaring the element and
/// registering it, as schema 2.1.0 describes.
pub fn manifest(version: &str) -> Value {
    let event_type = format!("CustomEvent<{}>", detail_ts());
    let detail_words: Vec<String> = DETAIL
        .iter()
        .map(|f| format!("`{}`: {}", f.name, f.description))
        .collect();
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": "stackweigh.js",
            "summary": format!("stackweigh {version}: one classic script that defines <{TAG}>."),
            "declarations": [{
                "kind": "class",
                "name": CLASS,
                "tagName": TAG,
                "customElement": true,
                "description": ELEMENT_DESCRIPTION,
                "superclass": { "name": "HTMLElement", "package": "global:" },
                "attributes": ATTRIBUTES.iter().map(|a| {
                    let mut attribute = json!({
                        "name": a.name,
                        "type": { "text": a.ts },
                        "description": a.description,
                    });
                    if let Some(default) = a.default {
                        attribute["default"] = default.into();
                    }
                    attribute
                }).collect::<Vec<_>>(),
                "events": EVENTS.iter().map(|e| json!({
                    "name": e.name,
                    "type": { "text": event_type },
                    "description": format!(
                        "{} It bubbles and is composed. Its detail: {} {}",
                        e.description, DETAIL_DESCRIPTION, detail_words.join("; ")
                    ),
                })).collect::<Vec<_>>(),
                "cssProperties": CSS_PROPERTIES.iter().map(|p| json!({
                    "name": p.name,
                    "syntax": p.syntax,
                    "default": p.default,
                    "description": p.description,
                })).collect::<Vec<_>>(),
                "cssParts": PARTS.iter().map(|p| json!({
                    "name": p.name,
                    "description": p.description,
                })).collect::<Vec<_>>(),
                "members": [],
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": TAG,
                "declaration": { "name": CLASS, "module": "stackweigh.js" },
            }],
        }],
    })
}
