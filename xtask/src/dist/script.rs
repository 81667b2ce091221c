//! The one-file script's parts: wasm-bindgen's glue, the module packed with LZMA and
//! encoded as text, all filled into xtask/templates/stackweigh.js, then minified.
//!
//! Part of `cargo xtask dist` (mod.rs runs the pipeline); the pages that carry the script
//! inline are pages.rs's.

use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine;

use crate::snapshot::Snapshot;
use crate::templates;
use crate::util::{self, command, run};

/// The one-file script, from xtask/templates/stackweigh.js: wasm-bindgen's glue, the
/// element and the inlined wasm inside one IIFE.
pub fn assemble_script(
    version: &str,
    glue: &str,
    element_js: &str,
    unpacker_wasm: &[u8],
    packed_wasm: &[u8],
    wasm_len: usize,
    view: &Snapshot,
) -> Result<String> {
    let css = serde_json::to_string(&view.css).context("writing the stylesheet")?;
    templates::SCRIPT.fill(&[
        ("css", &css),
        ("view", &view.view),
        ("version", version),
        ("glue", glue.trim_end()),
        ("element", element_js.trim_end()),
        // Lower-case hex, what `Uint8Array.fromHex` and `parseInt(…, 16)` read.
        ("unpacker_hex", &hex::encode(unpacker_wasm)),
        ("packed_base64", &base64(packed_wasm)),
        ("wasm_len", &wasm_len.to_string()),
    ])
}

/// The assembled script minified by terser (xtask/tools pins it): local names shortened,
/// comments and whitespace dropped, except the `/*!` header that names the widget. About a
/// tenth of the script is JavaScript, the glue and the element; minified, the script is
/// 4 KB smaller after gzip (docs/performance.md). The readable sources stay in the
/// repository: src/embed/element.js, xtask/templates/stackweigh.js and wasm-bindgen's glue.
///
/// Everything sits in one IIFE, so every name terser shortens is local: the names the
/// host page and the wasm see (the element's tag, its events, the import object's keys)
/// are strings and properties, which terser leaves as they are. One local name is kept:
/// `__wbg_get_imports`, the glue's function that defines the wasm's imports, by which the
/// bench finds them to count a slider step's calls into JavaScript.
///
/// The header must come out as it went in: it names the widget and its version, and
/// readers copy from it (terser once rewrote a script end tag in it).
pub fn minify(script: &str, scratch: &Path) -> Result<String> {
    let full = scratch.join("stackweigh.full.js");
    let minified = scratch.join("stackweigh.min.js");
    util::write(&full, script)?;
    run(command("node")
        .arg(util::terser())
        .arg(&full)
        .args(["--compress", "passes=2", "--comments", "/^!/"])
        .args(["--mangle", "reserved=['__wbg_get_imports']"])
        .arg("-o")
        .arg(&minified))
    .context("minifying the script with terser (run `cargo xtask setup` if it is missing)")?;
    let out = util::read_text(&minified)?;
    let header = script
        .find("*/")
        .filter(|_| script.starts_with("/*!"))
        .map(|end| &script[..end + 2])
        .context("the assembled script does not open with its /*! header")?;
    if !out.starts_with(header) {
        bail!("terser changed the script's /*! header; it must ship as written:\n{header}");
    }
    Ok(out)
}

/// The `.lzma` stream stackweigh-unpack reads: LZMA packs our module smaller than the best
/// DEFLATE (docs/performance.md compares them). The settings are liblzma's most thorough
/// (preset 9, "extreme"), with no position context for literals or matches (lp = pb = 0):
/// wasm is byte code with no natural alignment, and that packed smallest. lc = 3 keeps
/// within the unpacker's room for literal contexts (lc + lp ≤ 4).
pub fn pack(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    const EXTREME: u32 = 1 << 31;
    let mut options = xz2::stream::LzmaOptions::new_preset(9 | EXTREME)?;
    options
        .literal_context_bits(3)
        .literal_position_bits(0)
        .position_bits(0);
    let stream = xz2::stream::Stream::new_lzma_encoder(&options)?;
    let mut encoder = xz2::write::XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Standard base64 with padding (RFC 4648), what `atob` and `fromBase64` read: the
/// script decodes the packed module with them.
pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_encodings_are_the_ones_the_script_decodes() {
        // Lower-case hex, two digits a byte, for `stackweighHex`.
        assert_eq!(hex::encode(b"\0asm\x01\xff"), "0061736d01ff");
        // Padded standard base64 (not the URL-safe alphabet, and no line breaks), for atob.
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
        assert_eq!(base64(&[0; 99]), "A".repeat(132));
    }

    #[test]
    fn the_inlined_module_unpacks_back_to_the_same_bytes_in_our_unpacker() {
        let wasm: Vec<u8> = (0..50_000u32)
            .map(|i| (i % 251) as u8 ^ (i / 97) as u8)
            .collect();
        let packed = pack(&wasm).unwrap();
        assert!(packed.len() < wasm.len());
        let mut unpacked = vec![0; wasm.len()];
        stackweigh_unpack::unpack_into(&packed, &mut unpacked, &mut Box::default()).unwrap();
        assert_eq!(unpacked, wasm);
    }

    #[test]
    fn the_script_is_one_guarded_iife_around_glue_element_and_wasm() {
        let glue = "let wasm_bindgen;\n(function() { wasm_bindgen = { initSync() {} }; })();\n";
        let element = "function defineStackWeigh(load) {}\n";
        let unpacker = b"\0asm-unpacker";
        let packed = pack(b"\0asm").unwrap();
        let view = Snapshot {
            css: ".sw{color:red}".into(),
            view: r#"[["p",[],"a"]]"#.into(),
            elements: 1,
        };
        let script = assemble_script("1.2.3", glue, element, unpacker, &packed, 4, &view).unwrap();
        assert!(script.starts_with("/*! stackweigh 1.2.3"));
        let body = script
            .split_once("(function () {\n\"use strict\";\n")
            .unwrap()
            .1;
        assert!(body.starts_with("if (typeof customElements === \"undefined\" || customElements.get(\"stack-weigh\")) return;"));
        let glue_at = script.find("let wasm_bindgen;").unwrap();
        let element_at = script.find("function defineStackWeigh").unwrap();
        let payload = format!(
            "var packed = stackweighBytes(\"{}\"), size = 4;",
            base64(&packed)
        );
        let wasm_at = script.find(&payload).unwrap();
        let init_at = script.find("wasm_bindgen.initSync({ module:").unwrap();
        assert!(
            script.find("function stackweighLoad()").unwrap() < init_at,
            "the module starts inside the loader, on the first mount"
        );
        assert!(glue_at < element_at && element_at < wasm_at && wasm_at < init_at);
        let unpacker_at = script
            .find(&format!(
                "new WebAssembly.Module(stackweighHex(\"{}\"))",
                hex::encode(unpacker)
            ))
            .unwrap();
        assert!(element_at < unpacker_at && unpacker_at < wasm_at);
        assert!(script.contains("var damage = unpacker.unpack(packed.length, size);"));
        assert!(script.contains(
            r#"defineStackWeigh(stackweighLoad, { css: ".sw{color:red}", view: function () { return [["p",[],"a"]]; } });"#
        ));
        assert!(
            script.contains("stackweighFailure = e;"),
            "a module that cannot start is not tried again"
        );
        assert!(script.trim_end().ends_with("})();"));
    }
}
