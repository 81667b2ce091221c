//! Compacts the widget's stylesheet for the wasm: comments and indentation are for
//! readers of `styles/`, and every byte here ships inside `stackweigh.js`.

use std::path::Path;

#[path = "build/compact.rs"]
mod compact;

const SHEETS: [&str; 2] = ["styles/widget.css", "styles/print.css"];

fn main() {
    let mut css = String::new();
    for sheet in SHEETS {
        println!("cargo:rerun-if-changed={sheet}");
        let text =
            std::fs::read_to_string(sheet).unwrap_or_else(|e| panic!("reading {sheet}: {e}"));
        css.push_str(&compact::compact(&text));
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("widget.min.css"), css)
        .unwrap_or_else(|e| panic!("writing the compacted stylesheet: {e}"));
}
