//! The sizes `cargo xtask dist` prints when it is done, and the hosted build's code files,
//! which the bench (bench.rs) measures too.

use std::path::Path;

use anyhow::{Context, Result};

use super::Outputs;
use crate::util::{self, kb, say};

/// The one-file script's size (raw and gzip), the demo page's, and the hosted build's code.
pub fn print_sizes(out: &Outputs) -> Result<()> {
    say!("outputs:");
    let script = util::read(&out.script)?;
    println!(
        "  {:<34} {:>12}  (gzip {})",
        util::rel(&out.script),
        kb(script.len()),
        kb(util::gzip_len(&script))
    );
    let page =
        std::fs::metadata(&out.page).with_context(|| format!("reading {}", out.page.display()))?;
    println!(
        "  {:<34} {:>12}",
        util::rel(&out.page),
        kb(page.len() as usize)
    );
    let (files, total) = hosted_files(&out.hosted)?;
    let gzip: usize = files.iter().map(|bytes| util::gzip_len(bytes)).sum();
    println!(
        "  {:<34} {:>12}  (gzip {})",
        format!("{}/ (*.js + *.wasm)", util::rel(&out.hosted)),
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
