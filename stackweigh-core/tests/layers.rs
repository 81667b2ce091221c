//! The core reads bottom-up: each module uses only the modules of the layers before its
//! own, and those listed before it in its own layer. The rule and the list are at the top
//! of src/lib.rs; this test reads both there, and every module's `crate::` paths.

use std::path::Path;

/// The modules in the order lib.rs lists them: `(layer, module)`.
fn layers(lib: &str) -> Vec<(usize, String)> {
    let mut modules = Vec::new();
    for line in lib.lines() {
        let Some(item) = line.strip_prefix("//! ") else {
            continue;
        };
        let Some((number, rest)) = item.split_once(". ") else {
            continue;
        };
        let Ok(layer) = number.parse::<usize>() else {
            continue;
        };
        let Some((_, list)) = rest.split_once(": ") else {
            continue;
        };
        for module in list.split(", ") {
            modules.push((layer, module.trim_matches('`').to_string()));
        }
    }
    modules
}

/// The modules `source` names with a `crate::` path, outside comments.
fn uses(source: &str) -> Vec<String> {
    let mut used = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !used.contains(&name) {
                used.push(name);
            }
        }
    }
    used
}

/// What is wrong with `module` using what `source` names, by the rule.
fn breaches(order: &[(usize, String)], module: &str, source: &str) -> Vec<String> {
    let place = |name: &str| order.iter().position(|(_, m)| m == name);
    let Some(at) = place(module) else {
        return vec![format!("{module} is in no layer of lib.rs")];
    };
    let mut found = Vec::new();
    for used in uses(source) {
        if used == module {
            continue;
        }
        match place(&used) {
            None => found.push(format!(
                "{module} uses crate::{used}, which is no module of the list: name the module \
                 (crate::choices::Choices, not crate::Choices)"
            )),
            Some(other) if other > at => found.push(format!(
                "{module} (layer {}) uses {used} (layer {}), which comes after it",
                order[at].0, order[other].0
            )),
            Some(_) => {}
        }
    }
    found
}

#[test]
fn every_module_uses_only_what_comes_before_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let order = layers(&lib);
    assert!(order.len() > 10, "lib.rs lists the layers: {order:?}");
    let mut found = Vec::new();
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("an entry").path();
        let module = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if path.extension().is_none_or(|e| e != "rs") || module == "lib" {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a source file");
        found.extend(breaches(&order, module, &source));
        seen.push(module.to_string());
    }
    for (_, module) in &order {
        if !seen.contains(module) {
            found.push(format!("lib.rs lists {module}, which has no file"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_module_reaching_forward_or_through_the_root_is_caught() {
    let order = layers(
        "//! 1. text: `order`, `numbers`\n//! 2. dataset: `dataset`, `validate`\n//! 3. words: `explain`",
    );
    assert_eq!(order.len(), 5);
    let fine =
        "use crate::dataset::Dataset;\nuse crate::numbers::number; // crate::explain in a comment";
    assert!(breaches(&order, "validate", fine).is_empty());
    let forward = "use crate::explain::number;";
    assert_eq!(breaches(&order, "validate", forward).len(), 1);
    let later_in_its_layer = "fn f() { crate::validate::check(); }";
    assert_eq!(breaches(&order, "dataset", later_in_its_layer).len(), 1);
    let through_the_root = "use crate::Dataset;";
    assert_eq!(breaches(&order, "validate", through_the_root).len(), 1);
    assert_eq!(
        breaches(&order, "tipping", "").len(),
        1,
        "a module in no layer"
    );
}
