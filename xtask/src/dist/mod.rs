//! `cargo xtask dist` and `cargo xtask serve`: this file runs the pipeline (cargo,
//! wasm-bindgen, wasm-opt, Trunk) and checks what it gets from each tool; the modules
//! beside it each do one part of it.
//!
//! dist/ holds what we ship:
//! - `stackweigh.js`: ONE classic script (glue + custom element + the wasm inlined), so a
//!   host page needs a single `<script src>` and no server configuration for .wasm files;
//! - `stackweigh.html`: a self-contained demo page that works from file:// offline;
//! - `embed.html`: the widget alone, self-contained too, for an iframe on hosts that take
//!   no scripts; it tells the parent page its height (src/embed/embed-page.js);
//! - `hosted/`: Trunk's split build (module JS + .wasm), for serving the demo ourselves;
//! - with `--base-url`, `oembed.json`, and the pages' link-card and oEmbed tags in full.
//!
//! `card.png`, the link cards' picture of the widget, is rendered by `cargo xtask
//! screenshots` and only used here.
//!
//! The parts: [`script`] (the wasm packed and encoded, the one-file script, minified),
//! [`pages`] (the pages that carry it inline), [`card`] (Open Graph and oEmbed),
//! [`manifest`] (Cargo.toml's fields) and [`sizes`] (what dist/ weighs).

mod card;
mod manifest;
mod pages;
mod script;
mod sizes;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};

use crate::setup;
use crate::snapshot;
use crate::tools::{self, BINARYEN, WASM_BINDGEN, WASM_OPT_FEATURES, WASM_OPT_PASSES, WASM_TARGET};
use crate::util::{self, command, kb, run, say};
use crate::wasm;

pub use manifest::package_field;
pub use script::base64;
pub use sizes::hosted_files;

pub struct Outputs {
    pub script: PathBuf,
    pub page: PathBuf,
    /// The widget alone, for an iframe.
    pub embed: PathBuf,
    /// Written only with a base URL: an absolute address is all oEmbed takes.
    pub oembed: PathBuf,
    /// The link cards' image, if `cargo xtask screenshots` has rendered it.
    pub card: PathBuf,
    /// Trunk's build of index.html.
    pub hosted: PathBuf,
    /// wasm-bindgen's output, before wasm-opt.
    pub bindgen_wasm: PathBuf,
    /// The shipped module with its function names kept, for the bench's breakdown.
    pub optimised_named_wasm: PathBuf,
    /// The shipped module: `optimised_named_wasm` without its name section, before its
    /// imports are renamed.
    pub optimised_wasm: PathBuf,
    /// stackweigh-unpack, optimised: it unpacks the inlined module at start-up.
    pub unpacker_wasm: PathBuf,
}

fn outputs() -> Outputs {
    let dist = util::dist_dir();
    let hosted = dist.join("hosted");
    Outputs {
        script: dist.join("stackweigh.js"),
        page: dist.join("stackweigh.html"),
        embed: dist.join(EMBED_PAGE),
        oembed: dist.join("oembed.json"),
        card: dist.join(CARD_IMAGE),
        hosted,
        bindgen_wasm: util::target_dir().join("stackweigh-nomodules/stackweigh_bg.wasm"),
        optimised_named_wasm: util::target_dir()
            .join("stackweigh-nomodules/stackweigh_bg.opt.named.wasm"),
        optimised_wasm: util::target_dir().join("stackweigh-nomodules/stackweigh_bg.opt.wasm"),
        unpacker_wasm: util::target_dir().join("stackweigh-nomodules/unpack.opt.wasm"),
    }
}

/// The widget alone, for an iframe.
pub const EMBED_PAGE: &str = "embed.html";
/// The link cards' image, rendered by `cargo xtask screenshots`.
pub const CARD_IMAGE: &str = "card.png";
static DONE: AtomicBool = AtomicBool::new(false);

/// Builds dist/ once per xtask run (`test` and `bench` both need it), with no base URL.
pub fn dist() -> Result<Outputs> {
    dist_at(None)
}

/// Builds dist/ once per xtask run. `base_url` (ending in `/`) is where dist/ will be
/// served from: the link-card and oEmbed tags that need an absolute address get one.
pub fn dist_at(base_url: Option<&str>) -> Result<Outputs> {
    if DONE.load(Ordering::SeqCst) {
        return Ok(outputs());
    }
    // Trunk and wasm-bindgen may still be compiling while the wasm builds.
    setup::start()?;
    let out = outputs();
    let bindgen_dir = util::target_dir().join("stackweigh-nomodules");
    let rustc_wasm = util::target_dir()
        .join(WASM_TARGET)
        .join("release/stackweigh.wasm");

    say!("building the wasm (release)…");
    run(util::cargo().args([
        "build",
        "-p",
        "stackweigh",
        "-p",
        "stackweigh-unpack",
        "--release",
        "--target",
        WASM_TARGET,
        "--lib",
        // The one-file script carries the stylesheet as text, for the first view.
        "--no-default-features",
    ]))?;

    say!("generating the no-modules glue…");
    run(command(setup::wasm_bindgen()?)
        .args(["--target", "no-modules", "--no-typescript", "--out-dir"])
        .arg(&bindgen_dir)
        .args(["--out-name", "stackweigh"])
        .arg(&rustc_wasm))?;

    say!("optimising the wasm for size…");
    optimise(&out.bindgen_wasm, &out.optimised_named_wasm, Names::Keep)?;
    let wasm = wasm::without_names(&util::read(&out.optimised_named_wasm)?)?;
    util::write(&out.optimised_wasm, &wasm)?;

    let unpacker_wasm = util::target_dir()
        .join(WASM_TARGET)
        .join("release/stackweigh_unpack.wasm");
    check_unpacker(&util::read(&unpacker_wasm)?)?;
    optimise(&unpacker_wasm, &out.unpacker_wasm, Names::Strip)?;

    say!("prerendering the first view (Yew's server renderer, native)…");
    let view = snapshot::render()?;
    say!(
        "  {} elements, {} of nodes, {} of CSS",
        view.elements,
        kb(view.view.len()),
        kb(view.css.len())
    );

    say!("assembling dist/stackweigh.js, dist/stackweigh.html and dist/embed.html…");
    let glue = util::read_text(&bindgen_dir.join("stackweigh.js"))?;
    check_glue(&glue)?;
    let element = util::read_text(&util::root().join("src/embed/element.js"))?;
    let unpacker = util::read(&out.unpacker_wasm)?;
    let (wasm, glue) = wasm::shorten(&wasm, &glue)?;
    let packed = script::pack(&wasm).context("packing the wasm")?;
    let version = manifest::package_version(&util::read_text(&util::root().join("Cargo.toml"))?)?;
    let script = script::assemble_script(
        &version,
        &glue,
        &element,
        &unpacker,
        &packed,
        wasm.len(),
        &view,
    )?;
    let script = script::minify(&script, &bindgen_dir)?;
    util::write(&out.script, &script)?;
    pages::write_pages(&out, &script, base_url)?;

    say!("building the hosted demo with Trunk…");
    util::required("index.html")?;
    run(command(setup::trunk()?)
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&out.hosted)
        .args(["--public-url", "./"]))?;
    // The hosted demo's share panel offers embed.html from next to its page.
    std::fs::copy(&out.embed, out.hosted.join(EMBED_PAGE))
        .with_context(|| format!("copying {EMBED_PAGE} into {}", out.hosted.display()))?;

    sizes::print_sizes(&out)?;
    DONE.store(true, Ordering::SeqCst);
    Ok(out)
}

/// Whether wasm-opt's output keeps the function names.
enum Names {
    Keep,
    Strip,
}

/// `wasm-opt` with tools.rs's level, passes and features. With `Names::Keep`, the module
/// keeps its name section, so the bench can say what the shipped code is made of.
fn optimise(input: &Path, output: &Path, names: Names) -> Result<()> {
    let strip: &[&str] = match names {
        Names::Keep => &["-g", "--strip-dwarf"],
        Names::Strip => &["--strip-debug"],
    };
    run(command(util::wasm_opt())
        .arg(tools::wasm_opt_level_flag())
        .args(WASM_OPT_PASSES)
        .args(WASM_OPT_FEATURES)
        .args(strip)
        .arg("--strip-producers")
        .arg(input)
        .arg("-o")
        .arg(output))
    .with_context(|| {
        format!(
            "optimising {} (a parse error here means wasm-opt cannot read an instruction \
             wasm-bindgen emitted: check that `cargo xtask setup` found wasm-opt {BINARYEN}, \
             and that the features in xtask/src/tools.rs cover it)",
            input.display()
        )
    })
}

pub fn serve(port: u16) -> Result<()> {
    setup::setup()?;
    util::required("index.html")?;
    say!("serving the demo at http://127.0.0.1:{port}/ (Ctrl-C stops)");
    // A debug build of its own: serving into dist/hosted would replace the release build
    // that the end-to-end tests and the bench measure.
    run(command(setup::trunk()?)
        .args(["serve", "--offline", "--address", "127.0.0.1", "--port"])
        .arg(port.to_string())
        .arg("--dist")
        .arg(util::target_dir().join("trunk-serve")))
}

/// The assembled script relies on these; a different wasm-bindgen version or target
/// could change them, and we would rather stop here than ship a script that throws.
fn check_glue(glue: &str) -> Result<()> {
    for needle in ["let wasm_bindgen", "initSync"] {
        if !glue.contains(needle) {
            bail!(
                "the wasm-bindgen no-modules glue has no `{needle}`: \
                 dist/stackweigh.js would not start (wasm-bindgen {} expected)",
                WASM_BINDGEN
            );
        }
    }
    Ok(())
}

/// stackweigh-unpack is written so that nothing in it can panic: a panic would bring
/// Rust's number formatting into the script, a large part of the unpacker's size
/// (docs/performance.md). rustc's output still names its functions, so a panic shows as a
/// function of `core::panicking`.
fn check_unpacker(wasm: &[u8]) -> Result<()> {
    let contents = wasm::contents(wasm)?;
    match contents
        .parts
        .iter()
        .find(|part| part.name.contains("panicking"))
    {
        Some(part) => bail!(
            "stackweigh-unpack can panic (it calls `{}`), which would pack Rust's \
             number formatting into dist/stackweigh.js: reach its arrays with masked \
             indices or `get`, as the rest of it does",
            part.name
        ),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glue_must_define_what_the_script_calls() {
        let glue = "let wasm_bindgen;\n(function() { wasm_bindgen = { initSync() {} }; })();\n";
        assert!(check_glue(glue).is_ok());
        assert!(check_glue("var wasm_bindgen;").is_err());
    }
}
