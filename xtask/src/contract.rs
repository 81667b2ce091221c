//! The public contract of `<stack-weigh>`, written down once: its attributes, its events
//! and what they carry, the CSS custom properties it reads and the parts it exposes.
//!
//! `cargo xtask package` writes both descriptions a package ships from this one:
//! `custom-elements.json` (a Custom Elements Manifest, for editors and catalogues) and
//! `stackweigh.d.ts` (TypeScript declarations). The tests below hold it to the README's
//! contract section and to the attributes `element.js` observes, so a change in one place
//! that misses another fails. Adding an attribute, an event-detail field or a part starts here:
//! the tests below then name every other place that must follow (the element's observed
//! attributes, the embed's reading of them, the core's detail, the README's tables and the
//! end-to-end tests' lists).

use serde_json::{json, Value};

/// The element's name, and the name its class goes by in the manifest and the types.
pub const TAG: &str = "stack-weigh";
pub const CLASS: &str = "StackWeighElement";

/// An attribute the element reads at load and whenever it changes.
pub struct Attribute {
    pub name: &'static str,
    /// Its values as a TypeScript type.
    pub ts: &'static str,
    /// The value in effect when it is absent, as the manifest shows it.
    pub default: Option<&'static str>,
    pub description: &'static str,
}

/// An event the element sends; each carries the same detail ([`DETAIL`]).
pub struct Event {
    pub name: &'static str,
    pub description: &'static str,
}

/// A field of the events' `detail`.
pub struct Field {
    pub name: &'static str,
    pub ts: &'static str,
    pub description: &'static str,
}

/// A CSS custom property the element reads, set on it or on any ancestor.
pub struct CssProperty {
    pub name: &'static str,
    /// Its CSS syntax (as `@property` writes it).
    pub syntax: &'static str,
    pub default: &'static str,
    pub description: &'static str,
}

/// A part of the shadow tree a page may style with `stack-weigh::part(name)`.
pub struct Part {
    pub name: &'static str,
    pub description: &'static str,
}

#[rustfmt::skip]
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute { name: "preset", ts: "string", default: None, description: "Project types, as a comma list (such as `real-time,machine-learning`); their weight presets combine." },
    Attribute { name: "weights", ts: "string", default: None, description: "Whole numbers 0–10 per criterion (such as `performance:8,data-science:2`); they override the preset." },
    Attribute { name: "team", ts: "string", default: Some("\"neither\""), description: "What the team writes today (`javascript`, `python` or `neither`, or a custom dataset's team); its stack gets the team bonus." },
    Attribute { name: "theme", ts: "\"auto\" | \"light\" | \"dark\"", default: Some("\"auto\""), description: "Colour scheme; `auto` follows the page's `color-scheme` when it declares one, and the reader's setting otherwise." },
    Attribute { name: "sync-url", ts: "boolean", default: None, description: "Keep the state in the page's `#fragment`: read it at load, write it back after each change." },
    Attribute { name: "loading", ts: "\"lazy\" | \"eager\"", default: Some("\"lazy\""), description: "`lazy` starts the widget only when it comes within a screen of the viewport (the fallback shows until then); `eager` starts it at once." },
];

const DETAIL_DESCRIPTION: &str =
    "The answer the widget shows, its scores and the weights behind them.";

#[rustfmt::skip]
pub const DETAIL: &[Field] = &[
    Field { name: "recommendation", ts: "\"node\" | \"python\" | \"both\" | \"either\" | (string & {})", description: "An option id (`node`, `python`, or a custom dataset's), `both`, or `either` where there is no single answer: too close to call, nothing weighed, or the start, before the reader has chosen anything." },
    Field { name: "strength", ts: "\"clear\" | \"leans\" | \"too-close\" | \"none\"", description: "How firm a single-stack answer is: `clear`, `leans` or `too-close`; `none` for the start, for nothing weighed and for `both`." },
    Field { name: "scores", ts: "Record<string, number>", description: "Each option's weighted mean of the sources' 1–10 scores (without the team bonus), in tenths, by option id." },
    Field { name: "agreement", ts: "number", description: "How firm the answer is: the share (0–1, in hundredths) of nearby weightings, each slider moved up to 2 steps either way, that give the same recommendation." },
    Field { name: "weights", ts: "Record<string, number>", description: "Each criterion's weight, 0–10, by criterion id." },
];

#[rustfmt::skip]
pub const EVENTS: &[Event] = &[
    Event { name: "stackweigh:ready", description: "Once, as soon as the widget is on the page (before its first paint), with the state it starts from." },
    Event { name: "stackweigh:change", description: "After every change: slider, chip, team, reset or attribute." },
];

#[rustfmt::skip]
pub const CSS_PROPERTIES: &[CssProperty] = &[
    CssProperty { name: "--stackweigh-accent", syntax: "<color>", default: "#1f56c7 (light), #8ab4ff (dark)", description: "Buttons, chips, sliders and links." },
    CssProperty { name: "--stackweigh-font", syntax: "*", default: "the page's font", description: "The font family of all the widget's text." },
    CssProperty { name: "--stackweigh-font-size", syntax: "<length>", default: "16px", description: "The base font size; everything scales from it." },
    CssProperty { name: "--stackweigh-radius", syntax: "<length>", default: "10px", description: "The corner radius of the widget and its panels." },
];

#[rustfmt::skip]
pub const PARTS: &[Part] = &[
    Part { name: "answer", description: "The answer panel: headline, reasons, what the sources say, the chart." },
    Part { name: "answer-bar", description: "The compact answer bar that narrow layouts keep at the bottom of the screen." },
    Part { name: "button", description: "The buttons (start over, copy)." },
    Part { name: "chip", description: "Each project-type chip." },
    Part { name: "slider", description: "Each weight slider, a native range input (accent-color, height)." },
    Part { name: "panel", description: "Each collapsed panel: hiring kits, side by side, questions, share." },
];

const ELEMENT_DESCRIPTION: &str = "Weighs Node.js against Python (or a custom dataset's options) for a backend hire: it recommends a hire, says why, shows how far each weight is from flipping the answer, and hands over the matching hiring kit. Its children are the fallback for readers without JavaScript.";

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

/// A TypeScript doc comment, indented.
fn doc(indent: &str, text: &str) -> String {
    format!("{indent}/** {text} */\n")
}

/// A property name as TypeScript takes it: quoted unless a plain identifier.
fn key(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("\"{name}\"")
    }
}

/// `stackweigh.d.ts`. The script is a classic script that exports nothing, so the
/// element is an interface (there is no class to import) and the declarations reach the
/// page's globals: `document.querySelector("stack-weigh")` has the element's type, and
/// `addEventListener("stackweigh:change", e => e.detail.recommendation)` type-checks on
/// the element and on the document.
pub fn declarations(version: &str) -> String {
    let mut ts = format!(
        "// stackweigh {version}: TypeScript declarations for <{TAG}>, the element stackweigh.js\n\
         // defines. Generated by `cargo xtask package` from xtask/src/contract.rs.\n\n"
    );
    ts += &doc("", DETAIL_DESCRIPTION);
    ts += "export interface StackWeighDetail {\n";
    for field in DETAIL {
        ts += &doc("  ", field.description);
        ts += &format!("  {}: {};\n", key(field.name), field.ts);
    }
    ts += "}\n\n";

    ts += &doc(
        "",
        &format!(
            "The attributes <{TAG}> reads, at load and whenever they change. All are optional."
        ),
    );
    ts += "export interface StackWeighAttributes {\n";
    for attribute in ATTRIBUTES {
        ts += &doc("  ", attribute.description);
        ts += &format!("  {}?: {};\n", key(attribute.name), attribute.ts);
    }
    ts += "}\n\n";

    ts += &doc("", "The events <stack-weigh> sends. They bubble and are composed, so `document` hears every instance.");
    ts += "export interface StackWeighEventMap {\n";
    for event in EVENTS {
        ts += &doc("  ", event.description);
        ts += &format!("  {}: CustomEvent<StackWeighDetail>;\n", key(event.name));
    }
    ts += "}\n\n";
    ts += "export interface StackWeighElementEventMap extends HTMLElementEventMap, StackWeighEventMap {}\n\n";

    ts += &doc("", ELEMENT_DESCRIPTION);
    ts += &format!("export interface {CLASS} extends HTMLElement {{\n");
    ts += &format!(
        "  addEventListener<K extends keyof StackWeighElementEventMap>(type: K, listener: (this: {CLASS}, ev: StackWeighElementEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;\n\
         \x20 removeEventListener<K extends keyof StackWeighElementEventMap>(type: K, listener: (this: {CLASS}, ev: StackWeighElementEventMap[K]) => any, options?: boolean | EventListenerOptions): void;\n\
         \x20 removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;\n\
         \x20 getAttribute(qualifiedName: keyof StackWeighAttributes): string | null;\n\
         \x20 getAttribute(qualifiedName: string): string | null;\n\
         \x20 setAttribute(qualifiedName: keyof StackWeighAttributes, value: string): void;\n\
         \x20 setAttribute(qualifiedName: string, value: string): void;\n\
         }}\n\n"
    );

    ts += "declare global {\n";
    ts += &format!("  interface HTMLElementTagNameMap {{\n    \"{TAG}\": {CLASS};\n  }}\n");
    ts += "  interface DocumentEventMap extends StackWeighEventMap {}\n";
    ts += "}\n";
    ts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::util;

    /// The README's "The embed contract" section, up to the next top-level heading.
    fn readme_contract() -> String {
        let readme = util::read_text(&util::root().join("README.md")).unwrap();
        let start = readme
            .find("## The embed contract")
            .expect("the README has its contract section");
        let rest = &readme[start + 3..];
        let end = rest.find("\n## ").map_or(rest.len(), |at| at);
        rest[..end].to_string()
    }

    /// The text between `### heading` and the next `###`.
    fn subsection(section: &str, heading: &str) -> String {
        let start = section
            .find(&format!("### {heading}"))
            .unwrap_or_else(|| panic!("the contract section has `### {heading}`"));
        let rest = &section[start + 4..];
        rest[..rest.find("\n### ").unwrap_or(rest.len())].to_string()
    }

    fn sorted<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut names: Vec<String> = names.into_iter().map(String::from).collect();
        names.sort();
        names.dedup();
        names
    }

    /// Every `` `name` `` in the first column of the subsection's table.
    fn table_names(text: &str) -> Vec<String> {
        sorted(text.lines().filter_map(|line| {
            let cell = line.strip_prefix("| `")?;
            Some(&cell[..cell.find('`')?])
        }))
    }

    #[test]
    fn the_attributes_are_the_readme_tables() {
        let table = table_names(&subsection(&readme_contract(), "Attributes"));
        assert!(!table.is_empty());
        assert_eq!(table, sorted(ATTRIBUTES.iter().map(|a| a.name)));
    }

    #[test]
    fn the_events_and_their_detail_are_the_readmes() {
        let events = subsection(&readme_contract(), "Events");
        let listed = sorted(events.lines().filter_map(|line| {
            let name = line.strip_prefix("- `")?;
            Some(&name[..name.find('`')?])
        }));
        assert_eq!(listed, sorted(EVENTS.iter().map(|e| e.name)));
        for field in DETAIL {
            assert!(
                events.contains(&format!("{}:", field.name)),
                "the README's event example shows `{}`",
                field.name
            );
        }
    }

    #[test]
    fn the_custom_properties_are_the_readmes() {
        let brand = subsection(&readme_contract(), "Matching your brand");
        let named = sorted(
            brand
                .split(|c: char| c.is_whitespace() || c == ':')
                .filter(|w| w.starts_with("--stackweigh-")),
        );
        assert_eq!(named, sorted(CSS_PROPERTIES.iter().map(|p| p.name)));
    }

    #[test]
    fn the_parts_are_the_readmes_and_the_widgets() {
        let brand = subsection(&readme_contract(), "Matching your brand");
        let parts: Vec<String> = table_names(&brand)
            .into_iter()
            .filter(|name| !name.starts_with("--"))
            .collect();
        assert_eq!(parts, sorted(PARTS.iter().map(|p| p.name)));
        let components = std::fs::read_dir(util::root().join("src/components"))
            .unwrap()
            .map(|entry| util::read_text(&entry.unwrap().path()).unwrap())
            .collect::<String>();
        for part in PARTS {
            assert!(
                components.contains(&format!("part=\"{}\"", part.name)),
                "a component carries part=\"{}\"",
                part.name
            );
        }
    }

    /// Every string literal in `text` that follows `call(`, but not `set_call(` or
    /// `remove_call(`: the attribute names a reader asks for.
    fn literals_after<'a>(text: &'a str, call: &str) -> Vec<&'a str> {
        text.match_indices(call)
            .filter(|&(at, _)| !text[..at].ends_with("set_") && !text[..at].ends_with("remove_"))
            .filter_map(|(at, _)| {
                let rest = text[at + call.len()..].strip_prefix('"')?;
                Some(&rest[..rest.find('"')?])
            })
            .collect()
    }

    #[test]
    fn the_embed_reads_every_attribute_and_no_other() {
        let embed = util::read_text(&util::root().join("src/embed.rs")).unwrap();
        let element = util::read_text(&util::root().join("src/embed/element.js")).unwrap();
        let mut read = literals_after(&embed, "attribute(");
        read.extend(literals_after(&element, "getAttribute("));
        assert!(
            read.len() >= ATTRIBUTES.len(),
            "the readers were found: {read:?}"
        );
        assert_eq!(sorted(read), sorted(ATTRIBUTES.iter().map(|a| a.name)));
    }

    #[test]
    fn the_detail_is_what_the_core_writes_field_for_field() {
        use stackweigh_core::{evaluate, share, Choices, Dataset};
        let d = Dataset::builtin();
        let choices = Choices::defaults(d);
        let text = share::event_detail(d, &choices, &evaluate(d, &choices));
        let detail: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&str> = detail
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let declared: Vec<&str> = DETAIL.iter().map(|f| f.name).collect();
        assert_eq!(keys, declared);
    }

    #[test]
    fn the_end_to_end_tests_expect_the_declared_contract() {
        let fixture =
            util::read_text(&util::root().join("tests/e2e/fixtures/contract.mjs")).unwrap();
        let list = |name: &str| -> Vec<String> {
            let start = fixture
                .find(&format!("export const {name} = ["))
                .unwrap_or_else(|| panic!("the fixture exports {name}"));
            let rest = &fixture[start..];
            let list = &rest[rest.find('[').unwrap() + 1..rest.find(']').unwrap()];
            list.split(',')
                .map(|item| item.trim().trim_matches('"').to_string())
                .filter(|item| !item.is_empty())
                .collect()
        };
        let names = |items: &mut dyn Iterator<Item = &str>| -> Vec<String> {
            items.map(String::from).collect()
        };
        assert_eq!(
            list("DETAIL_FIELDS"),
            names(&mut DETAIL.iter().map(|f| f.name))
        );
        assert_eq!(
            list("ATTRIBUTES"),
            names(&mut ATTRIBUTES.iter().map(|a| a.name))
        );
    }

    #[test]
    fn the_element_observes_every_attribute() {
        let element = util::read_text(&util::root().join("src/embed/element.js")).unwrap();
        let start = element.find("observedAttributes").unwrap();
        let list = &element[start..];
        let list = &list[list.find('[').unwrap() + 1..list.find(']').unwrap()];
        let observed = sorted(list.split(',').map(|name| name.trim().trim_matches('"')));
        assert_eq!(observed, sorted(ATTRIBUTES.iter().map(|a| a.name)));
    }

    #[test]
    fn the_manifest_declares_the_element_with_everything() {
        let manifest = manifest("1.2.3");
        let module = &manifest["modules"][0];
        assert_eq!(module["path"], "stackweigh.js");
        let element = &module["declarations"][0];
        assert_eq!(element["tagName"], TAG);
        assert_eq!(element["customElement"], true);
        let names = |list: &str| -> Vec<String> {
            element[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| item["name"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            names("attributes"),
            ATTRIBUTES.iter().map(|a| a.name).collect::<Vec<_>>()
        );
        assert_eq!(
            names("events"),
            EVENTS.iter().map(|e| e.name).collect::<Vec<_>>()
        );
        assert_eq!(
            names("cssProperties"),
            CSS_PROPERTIES.iter().map(|p| p.name).collect::<Vec<_>>()
        );
        assert_eq!(
            names("cssParts"),
            PARTS.iter().map(|p| p.name).collect::<Vec<_>>()
        );
        for event in element["events"].as_array().unwrap() {
            let ts = event["type"]["text"].as_str().unwrap();
            for field in DETAIL {
                assert!(
                    ts.contains(&format!("{}: {}", field.name, field.ts)),
                    "{ts}"
                );
            }
        }
        assert_eq!(module["exports"][0]["name"], TAG);
        assert_eq!(module["exports"][0]["declaration"]["name"], CLASS);
    }

    #[test]
    fn the_declarations_type_the_element_its_attributes_and_its_events() {
        let ts = declarations("1.2.3");
        assert!(ts.contains("    \"stack-weigh\": StackWeighElement;"));
        assert!(ts.contains("  interface DocumentEventMap extends StackWeighEventMap {}"));
        assert!(ts.contains("  \"sync-url\"?: boolean;"));
        assert!(ts.contains("  theme?: \"auto\" | \"light\" | \"dark\";"));
        for event in EVENTS {
            assert!(ts.contains(&format!(
                "  \"{}\": CustomEvent<StackWeighDetail>;",
                event.name
            )));
        }
        for field in DETAIL {
            assert!(ts.contains(&format!("  {}: {};", field.name, field.ts)));
        }
        // Braces balance: a generator slip would show here before tsc sees it.
        assert_eq!(ts.matches('{').count(), ts.matches('}').count());
    }
}
