//! Reading and rewriting wasm modules: short import names, the name section cut out, and
//! (contents.rs) what their code is made of.
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
//! wasmparser reads the module and wasm-encoder writes it back: every section but the
//! one rewritten is copied byte for byte, and the rewritten import section is encoded
//! from what wasmparser read. Both write numbers in their shortest LEB128 form, as
//! wasm-opt does, so a module with nothing to rename comes back byte for byte (a test
//! holds them to that).

mod contents;

use anyhow::{Context, Result};
use wasm_encoder::{EntityType, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

pub use contents::{contents, Contents};

/// The module with its function imports renamed, and the glue with the same names. Names
/// the glue does not define exactly once are kept.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    let mut glue = glue.to_string();
    let mut next = 0;
    let module = rewrite(wasm, |payload, module| {
        let Payload::ImportSection(reader) = payload else {
            return Ok(false);
        };
        let mut imports = ImportSection::new();
        for import in reader.clone().into_imports() {
            let import = import.context("reading the wasm module's imports")?;
            let renamed = match defined_once(&glue, import.name) {
                Some(at) => {
                    let short = short_name(next);
                    next += 1;
                    glue.replace_range(at..at + import.name.len(), &short);
                    short
                }
                None => import.name.to_string(),
            };
            let ty = EntityType::try_from(import.ty)
                .context("an import of a kind this build does not know")?;
            imports.import(import.module, &renamed, ty);
        }
        module.section(&imports);
        Ok(true)
    })?;
    Ok((module, glue))
}

/// The module without its `name` section, every other byte as it was. wasm-opt keeps the
/// names when asked (`-g`) and changes no code for it, but a second wasm-opt run to drop
/// them re-encodes the module, a few bytes larger; cutting the section out keeps the
/// shipped module identical to the one the bench breaks down.
pub fn without_names(wasm: &[u8]) -> Result<Vec<u8>> {
    rewrite(wasm, |payload, _| {
        Ok(matches!(payload, Payload::CustomSection(section) if section.name() == "name"))
    })
}

/// The module again, section by section: `replace` writes what it likes in place of a
/// section and returns true, or returns false to keep the section byte for byte.
fn rewrite(
    wasm: &[u8],
    mut replace: impl FnMut(&Payload, &mut Module) -> Result<bool>,
) -> Result<Vec<u8>> {
    let mut module = Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.context("reading the wasm module")?;
        // Function bodies come inside their code section, which is copied whole.
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        if !replace(&payload, &mut module)? {
            module.section(&RawSection {
                id,
                data: &wasm[range],
            });
        }
    }
    Ok(module.finish())
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

#[cfg(test)]
mod tests {
    use wasm_encoder::{CustomSection, FuncType, MemoryType, TypeSection};

    use super::*;

    /// A module with one function type, these function imports from "wbg", a memory
    /// import, and a custom section after them.
    fn module(imports: &[&str]) -> Vec<u8> {
        let mut types = TypeSection::new();
        types.ty().func_type(&FuncType::new([], []));
        let mut section = ImportSection::new();
        for name in imports {
            section.import("wbg", name, EntityType::Function(0));
        }
        let memory = MemoryType {
            minimum: 1,
            maximum: Some(2),
            memory64: false,
            shared: false,
            page_size_log2: None,
        };
        section.import("env", "memory", memory);
        let note = CustomSection {
            name: "note".into(),
            data: (&[][..]).into(),
        };
        let mut module = Module::new();
        module.section(&types).section(&section).section(&note);
        module.finish()
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
}
