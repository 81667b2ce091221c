//! Bakes the built-in dataset (`data/nodejs-vs-python.json`) into Rust, so the widget does
//! not parse its own data at start-up: it is read here into the schema's own types
//! (`src/schema.rs`, shared with the crate) and written out by databake as one constant.
//!
//! Only its shape is checked here. The core's tests hold the file to every rule a custom
//! dataset meets, and check that the baked constant is what reading the file gives.

#[allow(dead_code)]
#[path = "src/schema.rs"]
mod schema;

const DATA: &str = "data/nodejs-vs-python.json";

fn main() {
    println!("cargo:rerun-if-changed={DATA}");
    println!("cargo:rerun-if-changed=src/schema.rs");
    let text = std::fs::read_to_string(DATA).unwrap_or_else(|e| panic!("reading {DATA}: {e}"));
    let dataset: schema::Dataset = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{DATA} does not fit the schema: {e}"));
    let baked = databake::Bake::bake(&dataset, &Default::default());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        std::path::Path::new(&out).join("builtin.rs"),
        baked.to_string(),
    )
    .unwrap_or_else(|e| panic!("writing the built-in dataset: {e}"));
}
