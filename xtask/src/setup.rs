//! `cargo xtask setup`: installs each tool only when it is missing or the wrong version.
//!
//! A fresh CI machine has none of them, so every command calls this first. The versions
//! are pinned because Trunk.toml names them and Trunk runs offline: it must find exactly
//! these on PATH instead of downloading its own.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};

use crate::util::{self, command, probe, run, say, tool};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Must equal the `wasm-bindgen` version pinned in the root Cargo.toml.
pub const WASM_BINDGEN: &str = "0.2.130";
/// The Binaryen release whose wasm-opt we run: npm's `binaryen` package at this major
/// version, pinned in xtask/tools/package-lock.json. Trunk.toml names it too.
pub const WASM_OPT_BINARYEN: &str = "116";
pub const TRUNK: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

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
        Some(version) if version == WASM_OPT_BINARYEN => {
            say!("found wasm-opt {version}");
            Ok(())
        }
        other => bail!(
            "{} reports version {}, not {WASM_OPT_BINARYEN}: delete xtask/tools/node_modules and run `cargo xtask setup` again",
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

/// Installs the packages `dir`'s package-lock.json pins, unless they are there already.
fn npm_ci(dir: &Path, label: &str) -> Result<()> {
    for file in ["package.json", "package-lock.json"] {
        if !dir.join(file).is_file() {
            bail!("{} is missing", dir.join(file).display());
        }
    }
    if installed(dir)? {
        say!("found {label}");
        return Ok(());
    }
    say!("installing {label}…");
    let mut npm = command("npm");
    npm.current_dir(dir)
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(&mut npm).context("installing npm packages (is node/npm installed?)")
}

/// Whether `dir/node_modules` holds every package `dir/package.json` pins, at its
/// version: a pin added or moved since the last install means installing again.
fn installed(dir: &Path) -> Result<bool> {
    let manifest: serde_json::Value =
        serde_json::from_str(&util::read_text(&dir.join("package.json"))?)
            .with_context(|| format!("reading {}", dir.join("package.json").display()))?;
    let pinned = ["dependencies", "devDependencies"]
        .iter()
        .filter_map(|key| manifest[key].as_object())
        .flatten();
    for (name, version) in pinned {
        let installed = util::read_text(&dir.join("node_modules").join(name).join("package.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok());
        if installed.as_ref().map(|package| &package["version"]) != Some(version) {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packages_are_installed_only_at_their_pinned_versions() {
        let dir = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let pins = r#"{ "devDependencies": { "a": "1.0.0", "@s/b": "2.0.0" } }"#;
        util::write(&dir.join("package.json"), pins).unwrap();
        assert_eq!(installed(&dir).ok(), Some(false));
        util::write(
            &dir.join("node_modules/a/package.json"),
            r#"{ "version": "1.0.0" }"#,
        )
        .unwrap();
        util::write(
            &dir.join("node_modules/@s/b/package.json"),
            r#"{ "version": "1.9.0" }"#,
        )
        .unwrap();
        assert_eq!(installed(&dir).ok(), Some(false), "b moved to 2.0.0");
        util::write(
            &dir.join("node_modules/@s/b/package.json"),
            r#"{ "version": "2.0.0" }"#,
        )
        .unwrap();
        assert_eq!(installed(&dir).ok(), Some(true));
        let _ = std::fs::remove_dir_all(&dir);
    }

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
