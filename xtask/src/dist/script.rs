//! The one-file script's parts: wasm-bindgen's glue trimmed, the module packed with LZMA
//! and encoded as text, all filled into xtask/templates/stackweigh.js.
//!
//! Part of `cargo xtask dist` (mod.rs runs the pipeline); the pages that carry the script
//! inline are pages.rs's.

use anyhow::{Context, Result};
use base64::Engine;

use crate::snapshot::Snapshot;
use crate::templates;

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
        ("glue", trim_glue(glue).trim_end()),
        ("element", element_js.trim_end()),
        // Lower-case hex, what `Uint8Array.fromHex` and `parseInt(…, 16)` read.
        ("unpacker_hex", &hex::encode(unpacker_wasm)),
        ("packed_base64", &base64(packed_wasm)),
        ("wasm_len", &wasm_len.to_string()),
    ])
}

/// wasm-bindgen's glue without its comment lines and indentation: fewer bytes after gzip,
/// the same program. Lines are only dropped or unindented, never joined, so
/// no statement changes; a line with an odd number of backticks could be inside a
/// multi-line template literal, whose whitespace is its text, so then the glue is left
/// as it is.
pub fn trim_glue(glue: &str) -> String {
    let mut out = String::with_capacity(glue.len());
    let mut in_doc_comment = false;
    for line in glue.lines() {
        let line = line.trim();
        if in_doc_comment {
            in_doc_comment = !line.ends_with("*/");
            continue;
        }
        if line.starts_with("/**") {
            in_doc_comment = !line.ends_with("*/");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if line.matches('`').count() % 2 == 1 {
            return glue.to_string();
        }
        out.push_str(line);
        out.push('\n');
    }
    out
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
    fn trimmed_glue_keeps_every_statement_and_string() {
        let glue = "let a = (function() {\n    /**\n     * Docs.\n     */\n    class W {\n        // why\n        f() { return `x ${1}`; }\n    }\n    /** one line */\n\n    const s = \"  // not a comment\";\n})();\n";
        assert_eq!(
            trim_glue(glue),
            "let a = (function() {\nclass W {\nf() { return `x ${1}`; }\n}\nconst s = \"  // not a comment\";\n})();\n"
        );
    }

    #[test]
    fn glue_with_a_multi_line_template_is_left_as_it_is() {
        let glue = "const t = `first\n    second`;\n    // note\n";
        assert_eq!(trim_glue(glue), glue);
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
