//! `cargo xtask setup`: installs each tool only when it is missing or the wrong version.
//!
//! A fresh CI machine has none of them, so every command calls this first. The versions
//! (tools.rs) are pinned because Trunk.toml names them and Trunk runs offline: it must
//! find exactly these on PATH instead of downloading its own.
//!
//! Most tools install in seconds: the wasm32 target (rustup), wasm-opt and the tests'
//! packages (npm), actionlint (pip), the browsers (apt: Chromium, Firefox ESR, WebKitGTK's
//! WebDriver with Xvfb). wasm-bindgen-cli and Trunk are compiled from
//! crates.io, and that compiling is most of a fresh machine's set-up, so
//! - they are compiled without the features we do not use and with a quick release
//!   profile (compiled.rs);
//! - [`start`] compiles them in the background, one after the other, while the caller
//!   builds and tests what needs neither (the native tests, the release wasm), and
//!   [`wasm_bindgen`], [`trunk`] and the like wait for one only where it is first run.
//!   [`setup`] installs everything in the foreground, for `cargo xtask setup` and
//!   `serve`.
//!
//! docs/performance.md#set-up has the measurements behind these choices.
//!
//! This file decides when each tool is installed and waits for the background ones; the
//! modules beside it install them: [`quick`] (the tools that take seconds), [`browsers`]
//! (apt), [`compiled`] (`cargo install`), with [`logged`] keeping a background install's
//! output in a log.

mod browsers;
mod compiled;
mod logged;
mod quick;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use anyhow::{anyhow, Result};

use crate::util::{self, say, tool};
use browsers::BROWSERS_BACKGROUND;
use compiled::{CargoTool, COMPILED};
use logged::RUNNING;
use quick::install_quick_tools;

pub use browsers::browsers;
pub use quick::actionlint;

static STARTED: AtomicBool = AtomicBool::new(false);

/// How a background compile went: `None` while it runs, then its outcome (a message, since
/// it crosses threads and may be read more than once).
type Outcome = Option<Result<(), String>>;

/// The tools [`start`] is compiling in the background, by binary. A tool that was
/// already installed is not listed.
static BACKGROUND: Mutex<Vec<(&str, Outcome)>> = Mutex::new(Vec::new());
static FINISHED: Condvar = Condvar::new();
/// Set once a command is ending: a tool still waiting to compile in the background does
/// not start.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Installs whatever is missing, in the foreground, and returns when all is there.
pub fn setup() -> Result<()> {
    if STARTED.swap(true, Ordering::SeqCst) {
        return COMPILED.iter().try_for_each(|t| wait_for(t.binary));
    }
    install_quick_tools(false)?;
    for cargo_tool in &COMPILED {
        if !cargo_tool.is_installed() {
            cargo_tool.install(None)?;
        }
    }
    Ok(())
}

/// Installs the quick tools now, and starts compiling the missing ones in the background;
/// take a compiled tool's path from [`wasm_bindgen`], [`trunk`] and the like, which wait
/// for it.
pub fn start() -> Result<()> {
    if STARTED.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    install_quick_tools(true)?;
    let missing: Vec<&'static CargoTool> = COMPILED.iter().filter(|t| !t.is_installed()).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = missing
        .iter()
        .map(|t| format!("{} {}", t.label, t.want))
        .collect();
    say!(
        "compiling {} in the background{}, while the build goes on (logs in {})",
        names.join(" and "),
        if names.len() > 1 {
            ", one after the other"
        } else {
            ""
        },
        util::rel(&log_dir())
    );
    lock(&BACKGROUND).extend(missing.iter().map(|t| (t.binary, None)));
    std::thread::spawn(move || {
        for cargo_tool in missing {
            let log = log_dir().join(format!("{}.log", cargo_tool.binary));
            let install = || cargo_tool.install(Some(&log)).map_err(|e| format!("{e:#}"));
            let outcome = if STOPPING.load(Ordering::SeqCst) {
                Err("stopped before it started".to_string())
            } else {
                // A panic here must still end the wait for this tool.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(install))
                    .unwrap_or_else(|_| Err(format!("compiling {} panicked", cargo_tool.label)))
            };
            let mut background = lock(&BACKGROUND);
            if let Some(entry) = background.iter_mut().find(|(b, _)| *b == cargo_tool.binary) {
                entry.1 = Some(outcome);
            }
            FINISHED.notify_all();
        }
    });
    Ok(())
}

/// wasm-bindgen, once it is installed.
pub fn wasm_bindgen() -> Result<PathBuf> {
    wait_for("wasm-bindgen")?;
    Ok(tool("wasm-bindgen"))
}

/// wasm-bindgen's test runner (the same crate), once it is installed.
pub fn wasm_bindgen_test_runner() -> Result<PathBuf> {
    wait_for("wasm-bindgen")?;
    Ok(tool("wasm-bindgen-test-runner"))
}

/// Trunk, once it is installed.
pub fn trunk() -> Result<PathBuf> {
    wait_for("trunk")?;
    Ok(tool("trunk"))
}

/// Returns once `binary` (one of the compiled tools) is installed: at once if it was
/// there already, else when [`start`]'s background compile of it ends.
fn wait_for(binary: &str) -> Result<()> {
    start()?;
    let mut background = lock(&BACKGROUND);
    let mut said = false;
    loop {
        match background.iter().find(|(b, _)| *b == binary) {
            None => return Ok(()),
            Some((_, Some(outcome))) => return outcome.clone().map_err(|e| anyhow!(e)),
            Some((_, None)) => {
                if !said {
                    say!("waiting for {binary} to finish compiling…");
                    said = true;
                }
                background = FINISHED
                    .wait(background)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        }
    }
}

/// Ends a background compile that is still running: called when a command ends early,
/// so no `cargo install` goes on after it. The next command starts it again.
pub fn stop_background() {
    // apt is never stopped: a dpkg run cut short leaves the system's packages half set up.
    if let Some(handle) = lock(&BROWSERS_BACKGROUND).take() {
        say!("waiting for apt to finish installing the browsers before exiting…");
        let _ = handle.join();
    }
    STOPPING.store(true, Ordering::SeqCst);
    if let Some(mut child) = lock(&RUNNING).take() {
        say!("stopped compiling in the background: the next command starts it again");
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A thread that panicked holding the lock left the data as whole as any other.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Where the background installs write their output.
fn log_dir() -> PathBuf {
    util::target_dir().join("setup")
}

/// The first word of a `--version` output that starts with a digit: "trunk 0.21.14" →
/// "0.21.14", "wasm-opt version 116 (version_116)" → "116".
pub fn version_in(output: &str) -> Option<&str> {
    output
        .split_whitespace()
        .find(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .map(|word| word.trim_end_matches([',', ';', ':', ')']))
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
