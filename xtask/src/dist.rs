//! `cargo xtask dist` and `cargo xtask serve`.
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

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};
use stackweigh_core::share::{self, escape_html};
use stackweigh_core::{Choices, Dataset, Theme};

use crate::setup;
use crate::snapshot::{self, Snapshot};
use crate::templates;
use crate::tools::{self, BINARYEN, WASM_BINDGEN, WASM_OPT_FEATURES, WASM_OPT_PASSES, WASM_TARGET};
use crate::util::{self, command, kb, run, say};
use crate::wasm;

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
/// What the link cards say below the title.
const DESCRIPTION: &str = "Weigh what matters to your project and see whether to hire a Node.js or a Python backend developer, or both. It runs in your browser.";

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
    let packed = pack(&wasm).context("packing the wasm")?;
    let version = package_version(&util::read_text(&util::root().join("Cargo.toml"))?);
    let script = assemble_script(
        &version,
        &glue,
        &element,
        &unpacker,
        &packed,
        wasm.len(),
        &view,
    )?;
    util::write(&out.script, &script)?;
    write_pages(&out, &script, base_url)?;

    say!("building the hosted demo with Trunk…");
    util::required("index.html")?;
    run(command(setup::trunk()?)
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&out.hosted)
        .args(["--public-url", "./"]))?;
    // The hosted demo's share panel offers embed.html from next to its page.
    std::fs::copy(&out.embed, out.hosted.join(EMBED_PAGE))
        .with_context(|| format!("copying {EMBED_PAGE} into {}", out.hosted.display()))?;

    print_sizes(&out)?;
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

/// The `version` of the root package, for the script's header.
fn package_version(manifest: &str) -> String {
    package_field(manifest, "version").unwrap_or_else(|| "0.0.0".to_string())
}

/// A plain `key = "value"` of Cargo.toml's `[package]` section.
pub fn package_field(manifest: &str, key: &str) -> Option<String> {
    section_field(manifest, "[package]", key)
}

/// A plain `key = "value"` of Cargo.toml's `[workspace.package]` section, which members
/// take with `key.workspace = true`.
pub fn workspace_field(manifest: &str, key: &str) -> Option<String> {
    section_field(manifest, "[workspace.package]", key)
}

fn section_field(manifest: &str, section: &str, key: &str) -> Option<String> {
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == section;
        } else if let Some((name, value)) = line.split_once('=').filter(|_| inside) {
            let value = value.trim();
            if name.trim() == key && value.starts_with('"') {
                return Some(value.trim_matches('"').to_string());
            }
        }
    }
    None
}

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
        ("unpacker_hex", &hex(unpacker_wasm)),
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

/// Lower-case hex, what `Uint8Array.fromHex` and `parseInt(…, 16)` read.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
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

/// Standard base64 with padding (RFC 4648), what `atob` and `fromBase64` read.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Makes script text safe inside an inline `<script>` element: `</script` would end the
/// element, and `<!--` can switch the HTML parser into a mode where it would not end.
/// Both escapes mean the same to JavaScript inside strings, regexes and comments.
pub fn escape_inline_script(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut rest = script;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let closes_script = tail.len() >= 8
            && tail.as_bytes()[1] == b'/'
            && tail.as_bytes()[2..8].eq_ignore_ascii_case(b"script");
        if closes_script {
            out.push_str("<\\/");
            rest = &tail[2..];
        } else if let Some(after) = tail.strip_prefix("<!--") {
            out.push_str("<\\!--");
            rest = after;
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// What link cards and oEmbed discovery say about a page of dist/.
pub struct Card<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Where dist/ is served from, ending in `/`.
    pub base_url: Option<&'a str>,
    /// The card image's width and height, when dist/card.png exists.
    pub image: Option<(u32, u32)>,
}

impl Card<'_> {
    /// The `<meta>` and `<link>` tags for `file` (a page in dist/). Open Graph and Twitter
    /// take only absolute addresses: without a base URL the page's address, the image and
    /// the oEmbed link are left out, since a relative one would be wrong wherever a card
    /// is made.
    pub fn tags(&self, file: &str) -> String {
        let meta = |attribute: &str, key: &str, value: &str| {
            format!(
                "<meta {attribute}=\"{key}\" content=\"{}\">\n",
                escape_html(value)
            )
        };
        let mut tags = meta("name", "description", self.description);
        tags += &meta("property", "og:type", "website");
        tags += &meta("property", "og:site_name", "stackweigh");
        tags += &meta("property", "og:title", self.title);
        tags += &meta("property", "og:description", self.description);
        let image = self.base_url.zip(self.image);
        if let Some(base) = self.base_url {
            tags += &meta("property", "og:url", &format!("{base}{file}"));
        }
        if let Some((base, (width, height))) = image {
            tags += &meta("property", "og:image", &format!("{base}{CARD_IMAGE}"));
            tags += &meta("property", "og:image:width", &width.to_string());
            tags += &meta("property", "og:image:height", &height.to_string());
            tags += &meta("property", "og:image:alt", &self.image_alt());
        }
        let twitter_card = if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        tags += &meta("name", "twitter:card", twitter_card);
        tags += &meta("name", "twitter:title", self.title);
        tags += &meta("name", "twitter:description", self.description);
        if let Some((base, _)) = image {
            tags += &meta("name", "twitter:image", &format!("{base}{CARD_IMAGE}"));
            tags += &meta("name", "twitter:image:alt", &self.image_alt());
        }
        if let Some(base) = self.base_url {
            tags += &format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
                escape_html(&format!("{base}oembed.json")),
                escape_html(self.title)
            );
        }
        tags
    }

    fn image_alt(&self) -> String {
        format!("The stackweigh widget: {}", self.title)
    }

    /// `dist/oembed.json`: the widget as a `rich` oEmbed, the iframe snippet (default
    /// choices) as its `html`. None without a base URL.
    pub fn oembed(&self, dataset: &Dataset) -> Option<String> {
        let base = self.base_url?;
        let page = format!("{base}{EMBED_PAGE}");
        let choices = Choices::defaults(dataset);
        let html = share::iframe_snippet(dataset, &choices, &page, Theme::Auto, false);
        let mut oembed = serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": self.title,
            "provider_name": "stackweigh",
            "provider_url": base,
            "html": html.trim_end(),
            "width": OEMBED_WIDTH,
            "height": share::IFRAME_HEIGHT,
        });
        if let Some((width, height)) = self.image {
            oembed["thumbnail_url"] = format!("{base}{CARD_IMAGE}").into();
            oembed["thumbnail_width"] = width.into();
            oembed["thumbnail_height"] = height.into();
        }
        serde_json::to_string_pretty(&oembed)
            .ok()
            .map(|json| json + "\n")
    }
}

/// The width oEmbed consumers are told: a blog's column. The iframe itself is as wide as
/// the column it lands in.
const OEMBED_WIDTH: u32 = 720;

/// A PNG's width and height, from its header; None for anything else.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) || bytes.get(12..16) != Some(b"IHDR") {
        return None;
    }
    let word = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((word(16)?, word(20)?))
}

/// stackweigh.html, embed.html and, with a base URL, oembed.json (without one, an old
/// oembed.json would point at another address: it goes).
fn write_pages(out: &Outputs, script: &str, base_url: Option<&str>) -> Result<()> {
    let dataset = Dataset::builtin();
    let image = match std::fs::read(&out.card) {
        Ok(bytes) => Some(png_size(&bytes).with_context(|| {
            format!(
                "{} is not a PNG: run `cargo xtask screenshots` again",
                out.card.display()
            )
        })?),
        Err(_) => None,
    };
    if base_url.is_some() && image.is_none() {
        say!("no dist/{CARD_IMAGE} yet: the link cards go without a picture (`cargo xtask screenshots` renders it; then run this again)");
    }
    let card = Card {
        title: &dataset.title,
        description: DESCRIPTION,
        base_url,
        image,
    };
    let css = util::read_text(&util::root().join("styles/widget.css"))?;
    let background = widget_background(&css)
        .context("styles/widget.css sets no `--sw-bg`, which embed.html's background follows")?;
    let page_js = util::read_text(&util::root().join("src/embed/embed-page.js"))?;
    util::write(&out.page, demo_page(script, &card.tags("stackweigh.html"))?)?;
    util::write(
        &out.embed,
        embed_page(script, &page_js, background, &card.tags(EMBED_PAGE))?,
    )?;
    match card.oembed(dataset) {
        Some(json) => util::write(&out.oembed, json)?,
        None => match std::fs::remove_file(&out.oembed) {
            Ok(()) => say!("removed dist/oembed.json: without --base-url it would be wrong"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", out.oembed.display())),
        },
    }
    Ok(())
}

/// The value of the widget's `--sw-bg` (its background in both themes), so embed.html's
/// page around the widget is the same colour.
pub fn widget_background(css: &str) -> Option<&str> {
    let start = css.find("--sw-bg:")? + "--sw-bg:".len();
    let value = css[start..].split(';').next()?.trim();
    (!value.is_empty()).then_some(value)
}

/// The widget alone, for an iframe, from xtask/templates/embed.html. `page_js` runs
/// first (theme, height messages); `background` is the widget's `--sw-bg`; `head`: the
/// link-card tags.
pub fn embed_page(script: &str, page_js: &str, background: &str, head: &str) -> Result<String> {
    templates::EMBED_PAGE.fill(&[
        ("head", head),
        ("background", background),
        ("page_script", &escape_inline_script(page_js)),
        ("script", &escape_inline_script(script)),
    ])
}

/// The self-contained demo page, from xtask/templates/demo.html: the whole script
/// inline, so it works from file://. `head`: the link-card tags.
pub fn demo_page(script: &str, head: &str) -> Result<String> {
    templates::DEMO_PAGE.fill(&[("head", head), ("script", &escape_inline_script(script))])
}

fn print_sizes(out: &Outputs) -> Result<()> {
    say!("outputs:");
    let script = util::read(&out.script)?;
    println!(
        "  {:<34} {:>12}  (gzip {})",
        rel(&out.script),
        kb(script.len()),
        kb(util::gzip_len(&script))
    );
    let page =
        std::fs::metadata(&out.page).with_context(|| format!("reading {}", out.page.display()))?;
    println!("  {:<34} {:>12}", rel(&out.page), kb(page.len() as usize));
    let (files, total) = hosted_files(&out.hosted)?;
    let gzip: usize = files.iter().map(|bytes| util::gzip_len(bytes)).sum();
    println!(
        "  {:<34} {:>12}  (gzip {})",
        format!("{}/ (*.js + *.wasm)", rel(&out.hosted)),
        kb(total),
        kb(gzip)
    );
    Ok(())
}

/// The hosted build's code: every .js and .wasm file Trunk wrote, and their total size.
pub fn hosted_files(hosted: &Path) -> Result<(Vec<Vec<u8>>, usize)> {
    let mut files = Vec::new();
    let entries =
        std::fs::read_dir(hosted).with_context(|| format!("reading {}", hosted.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("reading {}", hosted.display()))?
            .path();
        let code = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("js" | "wasm")
        );
        if code && path.is_file() {
            files.push(util::read(&path)?);
        }
    }
    let total = files.iter().map(Vec::len).sum();
    Ok((files, total))
}

fn rel(path: &Path) -> String {
    let root = util::root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A decoder written independently of the encoder, as `atob` would read it.
    fn decode(text: &str) -> Vec<u8> {
        let value = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        };
        let mut bits = 0u32;
        let mut count = 0;
        let mut out = Vec::new();
        for &c in text.as_bytes().iter().filter(|&&c| c != b'=') {
            bits = (bits << 6) | u32::from(value(c));
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
            }
        }
        out
    }

    #[test]
    fn hex_is_two_lower_case_digits_a_byte() {
        assert_eq!(hex(b""), "");
        assert_eq!(hex(b"\0asm\x01\xff"), "0061736d01ff");
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn base64_round_trips_every_byte_value_and_length() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..bytes.len() {
            assert_eq!(decode(&base64(&bytes[..len])), &bytes[..len]);
        }
        // wasm starts with "\0asm"
        assert!(base64(b"\0asm\x01\0\0\0").starts_with("AGFzbQ"));
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
    fn inline_scripts_cannot_close_their_element() {
        let js = r#"var a = "</script>"; var b = "</SCRIPT "; /* <!-- */ var c = "<p></p>";"#;
        let escaped = escape_inline_script(js);
        assert_eq!(
            escaped,
            r#"var a = "<\/script>"; var b = "<\/SCRIPT "; /* <\!-- */ var c = "<p></p>";"#
        );
        assert!(!escaped.to_ascii_lowercase().contains("</script"));
        assert_eq!(
            escape_inline_script("a < b && c </scrip"),
            "a < b && c </scrip"
        );
        assert_eq!(escape_inline_script("ends with <"), "ends with <");
    }

    #[test]
    fn the_page_holds_the_whole_script_escaped_once() {
        let page = demo_page("console.log(\"</script>\");\n", "<meta name=\"x\">\n").unwrap();
        assert!(page.contains("</title>\n<meta name=\"x\">\n<style>"));
        assert!(page.starts_with("<!doctype html>"));
        assert!(page.contains(r#"<html lang="en">"#));
        assert!(page.contains("<stack-weigh sync-url>"));
        assert!(page.contains(r#"console.log("<\/script>");"#));
        // Only the page's own closing tag remains.
        assert_eq!(page.matches("</script>").count(), 1);
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
                hex(unpacker)
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
        assert!(check_glue(glue).is_ok());
        assert!(check_glue("var wasm_bindgen;").is_err());
    }

    fn card(base_url: Option<&str>, image: Option<(u32, u32)>) -> Card<'_> {
        Card {
            title: "Node or \"Python\"?",
            description: "Weigh <it>.",
            base_url,
            image,
        }
    }

    #[test]
    fn without_a_base_url_the_cards_leave_out_every_address() {
        let tags = card(None, Some((1200, 630))).tags("embed.html");
        assert!(
            tags.contains("<meta property=\"og:title\" content=\"Node or &quot;Python&quot;?\">")
        );
        assert!(tags.contains("<meta name=\"twitter:description\" content=\"Weigh &lt;it&gt;.\">"));
        assert!(tags.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        for absent in [
            "og:url",
            "og:image",
            "twitter:image",
            "oembed",
            "http",
            "card.png",
        ] {
            assert!(!tags.contains(absent), "{absent} in\n{tags}");
        }
        assert_eq!(card(None, None).oembed(Dataset::builtin()), None);
    }

    #[test]
    fn with_a_base_url_the_cards_have_absolute_addresses() {
        let base = Some("https://example.com/tools/");
        let tags = card(base, Some((1200, 630))).tags("embed.html");
        for tag in [
            "<meta property=\"og:url\" content=\"https://example.com/tools/embed.html\">",
            "<meta property=\"og:image\" content=\"https://example.com/tools/card.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:image:height\" content=\"630\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta name=\"twitter:image\" content=\"https://example.com/tools/card.png\">",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.com/tools/oembed.json\"",
        ] {
            assert!(tags.contains(tag), "{tag} missing from\n{tags}");
        }
        // No image rendered yet: no image tags, rather than a broken image.
        let tags = card(base, None).tags("stackweigh.html");
        assert!(tags.contains("content=\"https://example.com/tools/stackweigh.html\""));
        assert!(
            !tags.contains("card.png") && !tags.contains("summary_large_image"),
            "{tags}"
        );
    }

    #[test]
    fn oembed_json_is_a_rich_embed_of_the_iframe() {
        let d = Dataset::builtin();
        let json = card(Some("https://example.com/"), Some((1200, 630)))
            .oembed(d)
            .unwrap();
        let oembed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(oembed["version"], "1.0");
        assert_eq!(oembed["type"], "rich");
        assert_eq!(oembed["provider_name"], "stackweigh");
        assert_eq!(oembed["provider_url"], "https://example.com/");
        assert_eq!(oembed["title"], "Node or \"Python\"?");
        assert_eq!(oembed["thumbnail_url"], "https://example.com/card.png");
        assert!(oembed["width"].as_u64().unwrap() > 300);
        assert_eq!(oembed["height"], share::IFRAME_HEIGHT);
        let html = oembed["html"].as_str().unwrap();
        assert!(
            html.starts_with("<iframe src=\"https://example.com/embed.html#weights="),
            "{html}"
        );
        assert!(
            html.ends_with("></iframe>") && !html.contains("<script"),
            "{html}"
        );
        let without = card(Some("https://example.com/"), None).oembed(d).unwrap();
        assert!(!without.contains("thumbnail"), "{without}");
    }

    #[test]
    fn png_sizes_come_from_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(1200u32.to_be_bytes());
        png.extend(630u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((1200, 630)));
        assert_eq!(png_size(&png[..20]), None);
        assert_eq!(png_size(b"GIF89a"), None);
    }

    #[test]
    fn the_embed_page_is_the_widget_alone_on_its_background() {
        let css = ".sw {\n  color-scheme: light dark;\n  --sw-bg: light-dark(#fff, #111);\n}";
        let background = widget_background(css).unwrap();
        assert_eq!(background, "light-dark(#fff, #111)");
        assert_eq!(widget_background(".sw { color: red; }"), None);
        let page = embed_page(
            "widget(\"</script>\");\n",
            "page();\n",
            background,
            "<meta name=\"x\">\n",
        )
        .unwrap();
        assert!(page.contains("background: light-dark(#fff, #111);"));
        assert!(page.contains("<stack-weigh sync-url>"));
        assert!(page.contains("</title>\n<meta name=\"x\">\n<style>"));
        // The page script runs first, so the widget starts in the fragment's theme.
        let page_at = page.find("page();").unwrap();
        assert!(page_at < page.find("widget(\"<\\/script>\");").unwrap());
        assert!(page.find("<stack-weigh").unwrap() < page_at);
        assert_eq!(page.matches("</script>").count(), 2);
        for chrome in ["<h1", "<main", "<header", "<footer"] {
            assert!(!page.contains(chrome), "{chrome}");
        }
    }

    #[test]
    fn the_version_comes_from_the_package_section() {
        let manifest = "[workspace]\nversion = \"9\"\n\n[package]\nname = \"stackweigh\"\nversion = \"0.1.0\"\n\n[dependencies]\nversion = \"8\"\n";
        assert_eq!(package_version(manifest), "0.1.0");
        assert_eq!(package_version("[package]\nname = \"x\"\n"), "0.0.0");
        let manifest = "[workspace.package]\nlicense = \"MIT\"\n\n[package]\nname = \"stackweigh\"\nlicense.workspace = true\ndescription = \"A widget.\"\n";
        assert_eq!(
            package_field(manifest, "description").as_deref(),
            Some("A widget.")
        );
        assert_eq!(package_field(manifest, "license"), None);
        assert_eq!(workspace_field(manifest, "license").as_deref(), Some("MIT"));
    }
}
