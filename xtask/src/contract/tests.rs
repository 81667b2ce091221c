//! The contract (contract.rs) held to every place that must follow it: the README's
//! tables, the attributes element.js observes and the embed reads, the detail the core
//! writes, and the end-to-end tests' lists. A change in one place that misses another
//! fails here, naming the other.

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
    let fixture = util::read_text(&util::root().join("tests/e2e/fixtures/contract.mjs")).unwrap();
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
