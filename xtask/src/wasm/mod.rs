//! Reading and rewriting wasm modules: their sections, what their code is made of, the
//! name section cut out, and short import names.
//!
//! - [`shorten`]: wasm-bindgen names each import after its Rust function plus a 16-digit
//!   hash (`__wbg_setAttribute_1a2b…`), and both the module and the glue carry every
//!   name. The hashes are random to a compressor, so the imports are renamed `a`, `b`, …
//!   in both (docs/performance.md has what it saves). This is what Binaryen's
//!   `--minify-imports-and-exports` does for Emscripten, limited to the imports the glue
//!   defines exactly once, so nothing else in the glue can be renamed by accident.
//! - [`without_names`]: the shipped module loses its name section.
//! - [`contents`]: each function body and data segment, by size, for the bench's list
//!   and for `cargo xtask dist`'s check that the unpacker cannot panic.
//!
//! The import section is read here by hand rather than with wasmparser (which
//! [`contents`] uses): each import's type must be copied byte for byte, and wasmparser
//! hands back the parsed type, not its bytes. The tests read the result back with
//! wasmparser.

use std::collections::HashMap;

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

/// The module with its function imports renamed, and the glue with the same names. Names
/// the glue does not define exactly once are kept.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    let sections = sections(wasm)?;
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_string();
    for section in sections {
        if section.id != IMPORT_SECTION {
            out.extend_from_slice(&wasm[section.start..section.end]);
            continue;
        }
        let mut payload = Vec::new();
        let mut r = Reader::new(&wasm[section.payload..section.end]);
        let count = r.leb()?;
        write_leb(&mut payload, count);
        let mut next = 0;
        for _ in 0..count {
            let module = r.name()?;
            let field = r.name()?;
            let desc_start = r.at;
            r.skip_import_desc()?;
            let desc = &r.bytes[desc_start..r.at];
            let renamed = match defined_once(&glue, field) {
                Some(at) => {
                    let short = short_name(next);
                    next += 1;
                    glue.replace_range(at..at + field.len(), &short);
                    short
                }
                None => field.to_string(),
            };
            write_name(&mut payload, module);
            write_name(&mut payload, &renamed);
            payload.extend_from_slice(desc);
        }
        if r.at != r.bytes.len() {
            bail!("the import section has bytes after its last import");
        }
        out.push(IMPORT_SECTION);
        write_leb(&mut out, payload.len() as u32);
        out.extend_from_slice(&payload);
    }
    Ok((out, glue))
}

const IMPORT_SECTION: u8 = 2;
const CUSTOM_SECTION: u8 = 0;

/// The module without its `name` section, every other byte as it was. wasm-opt keeps the
/// names when asked (`-g`) and changes no code for it, but a second wasm-opt run to drop
/// them re-encodes the module, a few bytes larger; cutting the section out keeps the
/// shipped module identical to the one the bench breaks down.
pub fn without_names(wasm: &[u8]) -> Result<Vec<u8>> {
    let sections = sections(wasm)?;
    let mut out = wasm[..8].to_vec();
    for section in sections {
        let is_names = section.id == CUSTOM_SECTION
            && Reader::new(&wasm[section.payload..section.end]).name()? == "name";
        if !is_names {
            out.extend_from_slice(&wasm[section.start..section.end]);
        }
    }
    Ok(out)
}

struct Section {
    id: u8,
    /// Where the section starts (its id byte), its payload starts, and it ends.
    start: usize,
    payload: usize,
    end: usize,
}

fn sections(wasm: &[u8]) -> Result<Vec<Section>> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        bail!("not a wasm module");
    }
    let mut r = Reader::new(wasm);
    r.at = 8;
    let mut found = Vec::new();
    while r.at < wasm.len() {
        let start = r.at;
        let id = r.byte()?;
        let size = r.leb()? as usize;
        let payload = r.at;
        let end = payload
            .checked_add(size)
            .filter(|&end| end <= wasm.len())
            .context("a wasm section runs past the end of the module")?;
        r.at = end;
        found.push(Section {
            id,
            start,
            payload,
            end,
        });
    }
    Ok(found)
}

/// Where the glue defines `name` (as `name: function` or `name(`…`) {`), if it names it
/// exactly once as a whole identifier.
fn defined_once(glue: &str, name: &str) -> Option<usize> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut found = None;
    for (at, _) in glue.match_indices(name) {
        let before = glue[..at].chars().next_back();
        let after = glue[at + name.len()..].chars().next();
        if before.is_some_and(is_ident) || after.is_some_and(is_ident) {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(at);
    }
    found
}

/// `a`…`z`, then `ba`, `bb`, …: lower-case letters only, so never one of wasm-bindgen's
/// own names, which all start with an underscore. Keywords such as `do` or `in` may come
/// up; the glue uses the names only as object keys, where any word is allowed.
fn short_name(mut n: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            break;
        }
    }
    name.iter().rev().collect()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn byte(&mut self) -> Result<u8> {
        let byte = *self
            .bytes
            .get(self.at)
            .context("the wasm module ends inside a section")?;
        self.at += 1;
        Ok(byte)
    }

    fn leb(&mut self) -> Result<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("a number in the wasm module is too long")
    }

    fn name(&mut self) -> Result<&'a str> {
        let len = self.leb()? as usize;
        let bytes = self
            .bytes
            .get(self.at..self.at + len)
            .context("a name runs past the end of its section")?;
        self.at += len;
        std::str::from_utf8(bytes).map_err(|_| anyhow!("a name in the wasm is not UTF-8"))
    }

    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }

    /// The kinds wasm 2.0 has; anything newer is refused rather than misread.
    fn skip_import_desc(&mut self) -> Result<()> {
        match self.byte()? {
            0x00 => self.leb().map(drop),
            0x01 => {
                self.byte()?;
                self.limits()
            }
            0x02 => self.limits(),
            0x03 => {
                self.byte()?;
                self.byte().map(drop)
            }
            kind => bail!("an import of a kind this build does not know ({kind:#x})"),
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u32);
    out.extend_from_slice(name.as_bytes());
}

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

    /// A module with one function type, these function imports from "wbg", a memory
    /// import, and a custom section after them.
    fn module(imports: &[&str]) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut payload = Vec::new();
        write_leb(&mut payload, imports.len() as u32 + 1);
        for name in imports {
            write_name(&mut payload, "wbg");
            write_name(&mut payload, name);
            payload.extend_from_slice(&[0x00, 0x00]);
        }
        write_name(&mut payload, "env");
        write_name(&mut payload, "memory");
        payload.extend_from_slice(&[0x02, 0x01, 0x01, 0x02]);
        wasm.push(IMPORT_SECTION);
        write_leb(&mut wasm, payload.len() as u32);
        wasm.extend_from_slice(&payload);
        wasm.extend_from_slice(&[0, 5, 4, b'n', b'o', b't', b'e']);
        wasm
    }

    /// The import names as wasmparser reads them: the rewritten module must be whole to a
    /// parser other than ours.
    fn import_names(wasm: &[u8]) -> Vec<String> {
        use wasmparser::{Parser, Payload};
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::ImportSection(reader) = payload.unwrap() {
                for import in reader.into_imports() {
                    names.push(import.unwrap().name.to_string());
                }
            }
        }
        names
    }

    #[test]
    fn imports_the_glue_defines_once_get_short_names_in_both() {
        let wasm = module(&["__wbg_set_0123456789abcdef", "__wbg_get_fedcba9876543210"]);
        let glue = "const i = { __wbg_set_0123456789abcdef: function(a) {}, \
                    __wbg_get_fedcba9876543210(b) { return b; } };";
        let (short, glue) = shorten(&wasm, glue).unwrap();
        assert_eq!(import_names(&short), ["a", "b", "memory"]);
        assert_eq!(glue, "const i = { a: function(a) {}, b(b) { return b; } };");
        // Everything but the import section is as it was: the custom section still ends it.
        assert!(short.ends_with(&[0, 5, 4, b'n', b'o', b't', b'e']));
        assert!(short.len() < wasm.len());
    }

    #[test]
    fn a_name_the_glue_uses_twice_or_only_inside_another_is_kept() {
        let wasm = module(&["__wbg_x_1", "__wbg_y_2"]);
        let glue = "{ __wbg_x_1: f, g: __wbg_x_1, __wbg_y_2x: h }";
        let (short, same) = shorten(&wasm, glue).unwrap();
        assert_eq!(import_names(&short), ["__wbg_x_1", "__wbg_y_2", "memory"]);
        assert_eq!(same, glue);
        assert_eq!(short, wasm);
    }

    #[test]
    fn short_names_are_letters_and_all_different() {
        let names: Vec<String> = (0..1000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[26], "ba");
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn only_the_name_section_is_cut_out() {
        let wasm = module(&["__wbg_x_1"]);
        let mut named = wasm.clone();
        named.extend_from_slice(&[0, 7, 4, b'n', b'a', b'm', b'e', 1, 0]);
        assert_eq!(without_names(&named).unwrap(), wasm);
        assert_eq!(
            without_names(&wasm).unwrap(),
            wasm,
            "other custom sections stay"
        );
        assert!(without_names(&named[..named.len() - 1]).is_err());
    }

    #[test]
    fn a_damaged_module_is_an_error_not_a_panic() {
        let wasm = module(&["__wbg_x_1"]);
        for cut in [3, 9, 12, wasm.len() - 9] {
            assert!(
                shorten(&wasm[..cut], "{ __wbg_x_1: f }").is_err(),
                "cut at {cut}"
            );
        }
    }

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
