//! The stylesheet as the widget ships it, compacted by build.rs (build/compact.rs), means
//! what `styles/` says: the browser reads the same rules from both. And the compactor's
//! own cases, where a space or a comment is or is not part of the CSS.
//! Run with `cargo xtask test` (wasm-bindgen-test-runner drives Chromium).

#![cfg(target_arch = "wasm32")]

#[path = "../build/compact.rs"]
mod compact;

use compact::compact;
use wasm_bindgen_test::*;
use web_sys::CssStyleSheet;

wasm_bindgen_test_configure!(run_in_browser);

/// Each rule of `css` as the browser's own CSS parser reads and writes it back. A custom
/// property's value is written back as it was given, spaces and all, though a space after
/// a comma means nothing in it: those are taken out on both sides of a comparison.
fn rules(css: &str) -> Vec<String> {
    let sheet = CssStyleSheet::new().expect("a stylesheet");
    sheet.replace_sync(css).expect("CSS the browser reads");
    let rules = sheet.css_rules().expect("its rules");
    (0..rules.length())
        .filter_map(|i| rules.item(i))
        .map(|rule| rule.css_text().replace(", ", ","))
        .collect()
}

#[wasm_bindgen_test]
fn the_shipped_stylesheet_holds_the_rules_of_the_source_and_fewer_bytes() {
    let source = [
        include_str!("../styles/widget.css"),
        include_str!("../styles/print.css"),
    ]
    .join("\n");
    let shipped = rules(stackweigh::STYLES);
    assert!(shipped.len() > 50, "{} rules", shipped.len());
    assert_eq!(shipped, rules(&source));
    assert!(
        stackweigh::STYLES.len() * 10 < source.len() * 9,
        "{} bytes from {}",
        stackweigh::STYLES.len(),
        source.len()
    );
}

#[wasm_bindgen_test]
fn comments_and_spacing_go_where_css_does_not_need_them() {
    for (css, compacted) in [
        (
            "a {\n  color: red;\n  /* why */\n  margin : 0 ;\n}\n",
            "a{color: red;margin : 0;}",
        ),
        ("/* lead */a,\n  b  {}", "a,b{}"),
        ("a{b:c}/* end", "a{b:c}"),
        ("a /* b */ c{}", "a c{}"),
        ("a/**/b{}", "a/**/b{}"),
        ("a{/* x */b:c}", "a{b:c}"),
    ] {
        assert_eq!(compact(css), compacted, "{css:?}");
        assert_eq!(rules(&compact(css)), rules(css), "{css:?}");
    }
}

#[wasm_bindgen_test]
fn a_space_in_a_selector_and_anything_in_a_string_stay() {
    for (css, compacted) in [
        // A descendant combinator: `.a:focus` would select something else.
        (".a  :focus { x: y }", ".a :focus{x: y}"),
        (
            "a::after { content: \"  /* kept */  \"; }",
            "a::after{content: \"  /* kept */  \";}",
        ),
        (
            "a { content: 'it''s  \\' still  text'; }",
            "a{content: 'it''s  \\' still  text';}",
        ),
        (
            "a { font-family: \"Open  Sans\", serif; }",
            "a{font-family: \"Open  Sans\",serif;}",
        ),
    ] {
        assert_eq!(compact(css), compacted, "{css:?}");
        assert_eq!(rules(&compact(css)), rules(css), "{css:?}");
    }
}

#[wasm_bindgen_test]
fn compacting_twice_changes_nothing_more() {
    let once = compact(include_str!("../styles/widget.css"));
    assert_eq!(compact(&once), once);
}
