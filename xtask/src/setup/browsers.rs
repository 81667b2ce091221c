//! The browsers the tests drive (Chromium, Firefox ESR, WebKitGTK), installed from
//! Debian's packages with apt: at once, or in the background if asked.
//!
//! Part of setup; mod.rs's `stop_background` waits for a background apt run rather than
//! cut it short.

use std::path::Path;
use std::sync::Mutex;
use std::thread::JoinHandle;

use anyhow::{anyhow, bail, Result};

use super::logged::run_to_log;
use super::{lock, log_dir};
use crate::tools::{CHROMEDRIVER, CHROMIUM, FIREFOX, MINIBROWSER, WEBKIT_WEBDRIVER, XVFB_RUN};
use crate::util::{self, command, probe, run, say};

/// A browser the tests drive, from Debian's packages: what apt installs, and the files
/// that must then exist.
pub struct AptBrowser {
    label: &'static str,
    packages: &'static [&'static str],
    files: &'static [&'static str],
}

/// Chromium (every test), Firefox and WebKit (the end-to-end tests a reader's browser
/// must pass: the README says which tests run where).
pub static BROWSERS: [AptBrowser; 3] = [
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
pub static BROWSERS_BACKGROUND: Mutex<Option<JoinHandle<Result<(), String>>>> = Mutex::new(None);

/// Installs the missing ones of `browsers` in the background, with apt's output in
/// target/setup/apt.log.
pub fn start_browsers(browsers: &'static [AptBrowser]) {
    if browsers.iter().all(AptBrowser::is_installed) {
        return;
    }
    let log = log_dir().join("apt.log");
    say!(
        "installing the browsers with apt in the background (log in {})",
        util::rel(&log)
    );
    let handle = std::thread::spawn(move || {
        ensure_browsers(browsers, Some(&log)).map_err(|e| format!("{e:#}"))
    });
    *lock(&BROWSERS_BACKGROUND) = Some(handle);
}

/// Returns once the browsers [`start`] installs in the background are installed (at
/// once if none were missing); whatever drives a browser (the component tests, the
/// end-to-end tests, the bench, the screenshots) calls it first.
pub fn browsers() -> Result<()> {
    let Some(handle) = lock(&BROWSERS_BACKGROUND).take() else {
        return Ok(());
    };
    say!("waiting for apt to finish installing the browsers…");
    handle
        .join()
        .map_err(|_| anyhow!("installing the browsers panicked"))?
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
pub fn ensure_browsers(browsers: &[AptBrowser], log: Option<&Path>) -> Result<()> {
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
