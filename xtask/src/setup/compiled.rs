//! The tools `cargo xtask setup` compiles from crates.io (wasm-bindgen-cli and Trunk):
//! which versions, with which features and profile, and how one is installed and checked.
//!
//! Part of setup (mod.rs decides when each is compiled, in the foreground or in the
//! background).

use std::path::Path;

use anyhow::{bail, Context, Result};

use super::logged::run_logged;
use super::version_in;
use crate::tools::{TRUNK, WASM_BINDGEN};
use crate::util::{self, command, probe, run, say, tool};

/// The tools we compile, in the order they are first run: `cargo xtask test` runs
/// wasm-bindgen's test runner before it builds anything with Trunk.
pub const COMPILED: [CargoTool; 2] = [
    CargoTool {
        label: "wasm-bindgen-cli",
        binary: "wasm-bindgen",
        also: &["wasm-bindgen-test-runner"],
        want: WASM_BINDGEN,
        krate: "wasm-bindgen-cli",
        crate_version: WASM_BINDGEN,
        locked: false,
        // Its default feature is TLS (rustls) for downloads; the test runner speaks plain
        // HTTP to chromedriver on this machine.
        no_default_features: true,
        why: "no TLS: its test runner talks plain HTTP to chromedriver",
        // Light optimisation: it reads every test binary's wasm, which is large in a
        // debug build.
        opt_level: "1",
        minutes: 4,
    },
    CargoTool {
        label: "Trunk",
        binary: "trunk",
        also: &[],
        want: TRUNK,
        krate: "trunk",
        crate_version: TRUNK,
        locked: true,
        // Its default features are TLS and a check for new versions on crates.io, which
        // are for downloading tools and serving https: we run it offline, on http.
        no_default_features: true,
        why: "no TLS or update check: it runs offline here",
        // Unoptimised: it only runs cargo, wasm-bindgen and wasm-opt and writes a page,
        // which takes as long either way, and it compiles in much less time.
        opt_level: "0",
        minutes: 4,
    },
];

/// The release profile the compiled tools are built with, instead of their own (Trunk's
/// is fat LTO with one codegen unit): no LTO, many codegen units, no debug info, and each
/// tool's own optimisation level. They run on small inputs (a few wasm modules, one demo
/// page), so how fast they compile matters more than how fast they run.
const QUICK_PROFILE: [(&str, &str); 3] = [
    ("CARGO_PROFILE_RELEASE_LTO", "false"),
    ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
    ("CARGO_PROFILE_RELEASE_DEBUG", "false"),
];

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
pub struct CargoTool {
    pub label: &'static str,
    /// The binary whose `--version` we check.
    pub binary: &'static str,
    /// Further binaries the same crate installs, which must exist too.
    also: &'static [&'static str],
    /// The version the binary reports.
    pub want: &'static str,
    krate: &'static str,
    crate_version: &'static str,
    /// What was measured to build with our toolchain: Trunk with its own lock file,
    /// wasm-bindgen-cli without its.
    locked: bool,
    /// Build without the crate's default features.
    no_default_features: bool,
    /// What the install leaves out, in the words `setup` prints.
    why: &'static str,
    /// `opt-level` of its quick release profile.
    opt_level: &'static str,
    /// Roughly how long it compiles on a 2-core machine, for the message.
    minutes: u32,
}

impl CargoTool {
    pub fn is_installed(&self) -> bool {
        let missing_also = self.also.iter().any(|name| !tool(name).is_file());
        match installed_version(self.binary) {
            Some(found) if found == self.want && !missing_also => {
                say!("found {} {found}", self.label);
                true
            }
            Some(found) if found != self.want => {
                say!(
                    "{} is {found}, not {}: it will be replaced",
                    self.label,
                    self.want
                );
                false
            }
            _ => false,
        }
    }

    /// `cargo install`s it, with its output on ours or, given a log, in the log.
    pub fn install(&self, log: Option<&Path>) -> Result<()> {
        let (label, want) = (self.label, self.want);
        say!(
            "compiling {label} {want} from crates.io ({}; a quick release profile), about {} \
             minutes…",
            self.why,
            self.minutes
        );
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
        if self.no_default_features {
            cmd.arg("--no-default-features");
        }
        cmd.envs(QUICK_PROFILE)
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", self.opt_level);
        match log {
            None => run(&mut cmd)?,
            Some(log) => run_logged(&mut cmd, log)
                .with_context(|| format!("compiling {label} {want} in the background"))?,
        }
        match installed_version(self.binary) {
            Some(found) if found == want => {
                say!("installed {label} {want}");
                Ok(())
            }
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
