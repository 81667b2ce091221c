//! What a wasm module is made of: each function body and data segment, by size, named
//! from the module's name section, for the bench's list of the shipped wasm's largest
//! parts and for `cargo xtask dist`'s check that the unpacker cannot panic.
//!
//! Part of wasm (mod.rs rewrites modules; this only reads them).

use std::collections::HashMap;

use anyhow::{Context, Result};
use serde_json::{json, Value};

/// What a wasm module is made of: each function body and data segment, largest first.
pub struct Contents {
    pub code_bytes: usize,
    pub data_bytes: usize,
    /// Named from the module's name section where it has names.
    pub parts: Vec<Part>,
}

#[derive(Debug, PartialEq)]
pub struct Part {
    pub name: String,
    pub bytes: usize,
}

impl Contents {
    /// The totals and the `n` largest parts, for target/bench.json.
    pub fn to_json(&self, n: usize) -> Value {
        json!({
            "code_bytes": self.code_bytes,
            "data_bytes": self.data_bytes,
            "largest": self.parts
                .iter()
                .take(n)
                .map(|part| json!({ "name": part.name, "bytes": part.bytes }))
                .collect::<Vec<_>>(),
        })
    }
}

/// Reads a module's function bodies and data segments, with their names.
pub fn contents(wasm: &[u8]) -> Result<Contents> {
    use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

    let mut imported_functions = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut segments: Vec<usize> = Vec::new();
    let mut function_names: HashMap<u32, String> = HashMap::new();
    let mut data_names: HashMap<u32, String> = HashMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("reading the wasm module")? {
            // Function indices count imports first, then the bodies in order.
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.context("reading the wasm module's imports")?;
                    if matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::DataSection(reader) => {
                for segment in reader {
                    segments.push(
                        segment
                            .context("reading the wasm module's data")?
                            .data
                            .len(),
                    );
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(subsections) = reader.as_known() {
                    // A damaged name section costs us names, not the list.
                    for subsection in subsections.into_iter().flatten() {
                        let (map, names) = match subsection {
                            Name::Function(map) => (map, &mut function_names),
                            Name::Data(map) => (map, &mut data_names),
                            _ => continue,
                        };
                        for naming in map.into_iter().flatten() {
                            names.insert(naming.index, naming.name.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let functions = bodies.iter().enumerate().map(|(i, &bytes)| {
        let index = imported_functions + i as u32;
        let name = match function_names.get(&index) {
            Some(name) => tidy_name(&format!("{:#}", rustc_demangle::demangle(name))),
            None => format!("function[{index}]"),
        };
        Part { name, bytes }
    });
    let data = segments.iter().enumerate().map(|(i, &bytes)| {
        let name = match data_names.get(&(i as u32)) {
            Some(name) => format!("data segment {name}"),
            None => format!("data segment [{i}]"),
        };
        Part { name, bytes }
    });
    let mut parts: Vec<Part> = functions.chain(data).collect();
    // Stable: equal sizes keep the module's order.
    parts.sort_by_key(|part| std::cmp::Reverse(part.bytes));
    Ok(Contents {
        code_bytes: bodies.iter().sum(),
        data_bytes: segments.iter().sum(),
        parts,
    })
}

/// wasm-ld already writes most names demangled, but with the legacy `::h<hash>` suffix
/// and `crate[<hash>]` disambiguators, which only make the list harder to read.
pub fn tidy_name(name: &str) -> String {
    let is_hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close) if is_hex(&rest[open + 1..close]) => {
                out.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    match out.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && is_hex(hash) => head.to_string(),
        _ => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_names_lose_their_hashes() {
        assert_eq!(
            tidy_name("<dlmalloc[e24a27700634d609]::Dlmalloc<dlmalloc[e24a27700634d609]::System>>::malloc"),
            "<dlmalloc::Dlmalloc<dlmalloc::System>>::malloc"
        );
        assert_eq!(
            tidy_name("stackweigh_core::dataset::Dataset::from_json::h664e3a4ee580c2c8"),
            "stackweigh_core::dataset::Dataset::from_json"
        );
        assert_eq!(tidy_name("<[u8] as Debug>::fmt"), "<[u8] as Debug>::fmt");
        assert_eq!(tidy_name("f::hello"), "f::hello");
    }

    /// A hand-assembled module: one imported function, two bodies of different sizes, one
    /// data segment, and a name section naming the larger body (with a mangled Rust name)
    /// and the segment.
    #[test]
    fn lists_bodies_and_data_largest_first_with_demangled_names() {
        fn section(id: u8, body: &[u8]) -> Vec<u8> {
            let mut s = vec![id, body.len() as u8];
            s.extend_from_slice(body);
            s
        }
        let mangled = b"_ZN10stackweigh4core5score17h0123456789abcdefE";
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend(section(1, &[1, 0x60, 0, 0])); // one type: () -> ()
        wasm.extend(section(2, &[1, 1, b'm', 1, b'f', 0, 0])); // import m.f: func type 0
        wasm.extend(section(3, &[2, 0, 0])); // two functions of type 0
        wasm.extend(section(5, &[1, 0, 1])); // one memory, at least one page
        let small = [2, 0, 0x0b]; // no locals; end
        let large = [6, 0, 0x01, 0x01, 0x01, 0x01, 0x0b]; // no locals; nop ×4; end
        let mut code = vec![2];
        code.extend_from_slice(&small);
        code.extend_from_slice(&large);
        wasm.extend(section(10, &code));
        // One active segment at offset 0 (i32.const 0; end) of four bytes.
        wasm.extend(section(
            11,
            &[1, 0, 0x41, 0, 0x0b, 4, b'd', b'a', b't', b'a'],
        ));
        let mut names = vec![4];
        names.extend_from_slice(b"name");
        let mut function_names = vec![1, 2]; // one naming: index 2
        function_names.push(mangled.len() as u8);
        function_names.extend_from_slice(mangled);
        names.push(1); // subsection: function names
        names.push(function_names.len() as u8);
        names.extend(function_names);
        let data_names = [1, 0, 7, b'.', b'r', b'o', b'd', b'a', b't', b'a']; // segment 0
        names.push(9); // subsection: data segment names
        names.push(data_names.len() as u8);
        names.extend(data_names);
        wasm.extend(section(0, &names));

        let found = contents(&wasm).unwrap();
        assert_eq!((found.code_bytes, found.data_bytes), (2 + 6, 4));
        let part = |name: &str, bytes| Part {
            name: name.to_string(),
            bytes,
        };
        assert_eq!(
            found.parts,
            [
                part("stackweigh::core::score", 6),
                part("data segment .rodata", 4),
                part("function[1]", 2),
            ]
        );
        assert!(contents(b"not wasm").is_err());
    }
}
