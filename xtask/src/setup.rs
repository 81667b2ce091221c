//! `cargo xtask setup`: installs each tool only when it is missing or the wrong version.
//!
//! A fresh CI machine has none of them, so every command calls this first. The versions
//! are pinned because Trunk.toml names them and Trunk runs offline: it must find exactly
//! these on PATH instead of downloading its own.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};

use crate::node::npm_ci;
use crate::tools::{BINARYEN, CHROMEDRIVER, CHROMIUM, TRUNK, WASM_BINDGEN, WASM_TARGET};
use crate::util::{self, command, probe, run, say, tool};

static DONE: AtomicBool = AtomicBool::new(false);

pub fn setup() -> Result<()> {
    if DONE.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()?;
    ensure_trunk()?;
    ensure_chromium()?;
    ensure_e2e_packages()?;
    Ok(())
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

/// The first word of a `--version` output that starts with a digit: "trunk 0.21.14" →
/// "0.21.14", "wasm-opt version 116 (version_116)" → "116".
pub fn version_in(output: &str) -> Option<&str> {
    output
        .split_whitespace()
        .find(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .map(|word| word.trim_end_matches([',', ';', ':', ')']))
}

/// The version a `cargo install`ed tool reports, or None when it is missing or broken.
fn installed_version(name: &str) -> Option<String> {
    let bin = tool(name);
    if !bin.is_file() {
        return None;
    }
    let output = probe(command(&bin).arg("--version"))?;
    version_in(&output).map(str::to_string)
}

/// A tool we `cargo install` at a pinned version.
struct CargoTool {
    label: &'static str,
    /// The binary whose `--version` we check.
    binary: &'static str,
    /// Further binaries the same crate installs, which must exist too.
    also: &'static [&'static str],
    /// The version the binary reports.
    want: &'static str,
    krate: &'static str,
    crate_version: &'static str,
    /// What was measured to build with our toolchain: Trunk with its own lock file,
    /// wasm-bindgen-cli and wasm-opt without theirs.
    locked: bool,
    minutes: u32,
}

impl CargoTool {
    fn ensure(&self) -> Result<()> {
        let missing_also = self.also.iter().find(|name| !tool(name).is_file());
        let (label, want) = (self.label, self.want);
        match (installed_version(self.binary), missing_also) {
            (Some(found), None) if found == want => {
                say!("found {label} {found}");
                return Ok(());
            }
            (Some(found), None) if found != want => say!(
                "{label} is {found}, not {want}: installing {label} {want} (about {} minutes)…",
                self.minutes
            ),
            _ => say!(
                "installing {label} {want} (about {} minutes)…",
                self.minutes
            ),
        }
        let mut cmd = util::cargo();
        cmd.args([
            "install",
            self.krate,
            "--version",
            self.crate_version,
            "--force",
        ]);
        if self.locked {
            cmd.arg("--locked");
        }
        run(&mut cmd)?;
        match installed_version(self.binary) {
            Some(found) if found == want => Ok(()),
            found => bail!(
                "installed {} {}, but {} reports {}",
                self.krate,
                self.crate_version,
                tool(self.binary).display(),
                found.as_deref().unwrap_or("no version")
            ),
        }
    }
}

fn ensure_wasm_bindgen() -> Result<()> {
    CargoTool {
        label: "wasm-bindgen",
        binary: "wasm-bindgen",
        also: &["wasm-bindgen-test-runner"],
        want: WASM_BINDGEN,
        krate: "wasm-bindgen-cli",
        crate_version: WASM_BINDGEN,
        locked: false,
        minutes: 4,
    }
    .ensure()
}

/// wasm-opt from npm's `binaryen` package: a prebuilt Binaryen that runs under Node.js, so
/// a fresh machine compiles nothing for it (the `wasm-opt` crate builds Binaryen's C++).
fn ensure_wasm_opt() -> Result<()> {
    npm_ci(
        &util::tools_dir(),
        "the build tools' npm packages (wasm-opt)",
    )?;
    let found = probe(command(util::wasm_opt()).arg("--version"));
    match found.as_deref().and_then(version_in) {
        Some(version) if version == BINARYEN => {
            say!("found wasm-opt {version}");
            Ok(())
        }
        other => bail!(
            "{} reports version {}, not {BINARYEN}: delete xtask/tools/node_modules and run `cargo xtask setup` again",
            util::wasm_opt().display(),
            other.unwrap_or("(none)")
        ),
    }
}

fn ensure_trunk() -> Result<()> {
    CargoTool {
        label: "Trunk",
        binary: "trunk",
        also: &[],
        want: TRUNK,
        krate: "trunk",
        crate_version: TRUNK,
        locked: true,
        minutes: 9,
    }
    .ensure()
}

fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        say!("found Chromium and chromedriver");
        return Ok(());
    }
    say!("installing Chromium and chromedriver with apt (a few minutes)…");
    let root = probe(command("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if root {
            command("apt-get")
        } else {
            let mut sudo = command("sudo");
            sudo.arg("apt-get");
            sudo
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["update"])?;
    apt(&["install", "-y", "chromium", "chromium-driver"])?;
    for path in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(path).is_file() {
            bail!("apt installed Chromium, but {path} is missing");
        }
    }
    Ok(())
}

/// The end-to-end tests drive Chromium with playwright-core (no browser download).
fn ensure_e2e_packages() -> Result<()> {
    npm_ci(
        &util::root().join("tests/e2e"),
        "the end-to-end tests' npm packages",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_each_tools_output() {
        assert_eq!(version_in("trunk 0.21.14\n"), Some("0.21.14"));
        assert_eq!(version_in("wasm-bindgen 0.2.130"), Some("0.2.130"));
        assert_eq!(
            version_in("wasm-opt version 116 (version_116)"),
            Some("116")
        );
        assert_eq!(
            version_in("wasm-opt version 111 (version_111)"),
            Some("111")
        );
        assert_eq!(
            version_in("wasm-opt version 116, built from git"),
            Some("116")
        );
        assert_eq!(version_in("command not found"), None);
        assert_eq!(version_in(""), None);
    }
}
