//! The unpacker's stack is a few hundred bytes; wasm-ld's default of 1 MB would put the
//! model and the data a megabyte into linear memory for nothing.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-cdylib-link-arg=-zstack-size=16384");
    }
}
