//! The end-to-end tests in each browser engine: which test files run where, how each
//! engine's run is started, and how many tests each ran, read from node's TAP report.
//!
//! Chromium runs every file. Firefox and WebKit run the files that say what a reader's
//! browser must get right (the contract, the lifecycle, hostile and locked-down hosts,
//! the iframe, file://, the phone layout, axe, whose each sentence is, how firm the answer
//! is); the npm package and the sharing tests
//! (clipboard permissions, a second page) stay in Chromium, for the reasons the README
//! gives. A run in which an engine ran no test fails, so an engine cannot drop out
//! unnoticed.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::node::node_with_browser_env;
use crate::tools::{FIREFOX, MINIBROWSER, WEBKIT_WEBDRIVER, XVFB_RUN};
use crate::util::{self, say};

/// The test files (under tests/e2e/) that run in Firefox and WebKit as well as Chromium.
pub const EVERY_ENGINE: [&str; 13] = [
    "engines.test.mjs",
    "embed.test.mjs",
    "lifecycle.test.mjs",
    "hardening.test.mjs",
    "iframe.test.mjs",
    "shipped.test.mjs",
    "layout.test.mjs",
    "a11y.test.mjs",
    "provenance.test.mjs",
    "firmness.test.mjs",
    "first-view.test.mjs",
    "snippet-shift.test.mjs",
    "share.test.mjs",
];

pub struct Engine {
    /// As `STACKWEIGH_ENGINE` names it (tests/e2e/support.mjs).
    pub name: &'static str,
    pub label: &'static str,
    /// None: every test file.
    pub files: Option<&'static [&'static str]>,
    /// MiniBrowser has no headless mode: it needs a display, which Xvfb gives it.
    pub needs_display: bool,
}

pub const ENGINES: [Engine; 3] = [
    Engine {
        name: "chromium",
        label: "Chromium",
        files: None,
        needs_display: false,
    },
    Engine {
        name: "firefox",
        label: "Firefox ESR",
        files: Some(&EVERY_ENGINE),
        needs_display: false,
    },
    Engine {
        name: "webkit",
        label: "WebKitGTK",
        files: Some(&EVERY_ENGINE),
        needs_display: true,
    },
];

/// What node's test runner counted in one engine's run.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pass: u32,
    pub fail: u32,
    pub skipped: u32,
}

impl Counts {
    pub fn ran(&self) -> u32 {
        self.pass + self.fail
    }
}

/// The counts in the summary at the end of a TAP report (`# pass 8`, …); the last of
/// each, since subtests' lines come first.
pub fn counts(tap: &str) -> Counts {
    let mut counts = Counts::default();
    for line in tap.lines().filter(|l| l.starts_with("# ")) {
        let mut words = line.split_whitespace().skip(1);
        let (Some(key), Some(value)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(value) = value.parse() else { continue };
        match key {
            "pass" => counts.pass = value,
            "fail" => counts.fail = value,
            "skipped" => counts.skipped = value,
            _ => {}
        }
    }
    counts
}

/// Each failed test in a TAP report, with the error node reported for it: the
/// `not ok` line and its YAML block, up to the stack. A CI log shows only its tail, and
/// the spec reporter's own list of failures comes before the other engines' output, so
/// these are printed again, last.
pub fn failures(tap: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for line in tap.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some((depth, text)) = current.as_mut() {
            let body = line.get(*depth..).unwrap_or("");
            if body.starts_with("  ...") || body.starts_with("  stack:") {
                found.push(std::mem::take(text));
                current = None;
            } else if body.starts_with("  ") && !body.starts_with("  ---") {
                text.push('\n');
                text.push_str(body);
            }
            continue;
        }
        if line.trim_start().starts_with("not ok ") {
            current = Some((indent, line.trim_start().to_string()));
        }
    }
    found
}

/// `node` for scripts that drive `engine`: with what they expect (see
/// [`node_with_browser_env`]), the engine's name and its binaries, and, for an engine
/// that needs a display, under Xvfb. Add node's own arguments.
pub fn node_for(engine: &Engine) -> Command {
    let node = node_with_browser_env();
    let mut cmd = if engine.needs_display {
        // A screen tall enough for full-page screenshots; 24 bits for true colours.
        let mut xvfb = util::command(XVFB_RUN);
        xvfb.args(["-a", "-s", "-screen 0 1600x6000x24"])
            .arg(node.get_program());
        xvfb
    } else {
        util::command(node.get_program())
    };
    for (key, value) in node.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    cmd.env("STACKWEIGH_ENGINE", engine.name)
        .env("FIREFOX", FIREFOX)
        .env("WEBKIT_WEBDRIVER", WEBKIT_WEBDRIVER)
        .env("MINIBROWSER", MINIBROWSER);
    cmd
}

/// The command that runs `engine`'s test files, with the TAP report in `tap`.
fn command(engine: &Engine, tap: &Path) -> Command {
    let mut cmd = node_for(engine);
    // One file at a time, since each drives its own browser.
    cmd.args(["--test", "--test-concurrency=1"])
        .args(["--test-reporter=spec", "--test-reporter-destination=stdout"])
        .arg("--test-reporter=tap")
        .arg(format!("--test-reporter-destination={}", tap.display()));
    match engine.files {
        None => {
            cmd.arg("tests/e2e/");
        }
        Some(files) => {
            cmd.args(files.iter().map(|f| format!("tests/e2e/{f}")));
        }
    }
    cmd
}

/// Runs the end-to-end tests in every engine at once, then says how many tests ran in
/// each and fails if any failed or an engine ran none.
///
/// At once, because most of a test's time is spent waiting (for a browser to start, a
/// page to load, a frame to paint): the three runs share two cores with little loss, and
/// one after the other they would take the fresh `cargo xtask test` past its 15 minutes.
/// Each run's output goes to target/e2e-<engine>.log and is shown when it ends.
pub fn run_all() -> Result<()> {
    let mut running = Vec::new();
    for engine in &ENGINES {
        let tap = tap_report(engine);
        let log = util::target_dir().join(format!("e2e-{}.log", engine.name));
        let _ = std::fs::remove_file(&tap);
        let mut cmd = command(engine, &tap);
        let file = File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        let file_err = file
            .try_clone()
            .with_context(|| format!("opening {}", log.display()))?;
        say!(
            "end-to-end tests in {} (output in {})…",
            engine.label,
            log.display()
        );
        let child = cmd
            .stdin(Stdio::null())
            .stdout(file)
            .stderr(file_err)
            .spawn()
            .with_context(|| format!("could not start `{}`", util::describe(&cmd)))?;
        running.push(Run {
            engine,
            child,
            tap,
            log,
            started: Instant::now(),
            ended: None,
        });
    }
    let mut results = Vec::new();
    while !running.is_empty() {
        std::thread::sleep(Duration::from_millis(200));
        let mut index = 0;
        while index < running.len() {
            let Some(status) = running[index]
                .child
                .try_wait()
                .context("waiting for node")?
            else {
                index += 1;
                continue;
            };
            let mut done = running.remove(index);
            done.ended = Some(done.started.elapsed());
            say!(
                "end-to-end tests in {} ended ({status}):",
                done.engine.label
            );
            print!("{}", util::read_text(&done.log).unwrap_or_default());
            let _ = std::io::stdout().flush();
            results.push((done, status.success()));
        }
    }
    results.sort_by_key(|(run, _)| ENGINES.iter().position(|e| e.name == run.engine.name));
    say!("end-to-end tests, by engine:");
    let mut failed = Vec::new();
    for (run, success) in &results {
        let counts = counts(&util::read_text(&run.tap).unwrap_or_default());
        say!(
            "  {}",
            line(run.engine.label, &counts, run.ended.unwrap_or_default())
        );
        if counts.ran() == 0 {
            failed.push(format!("{} ran no test", run.engine.label));
        } else if !success {
            for failure in failures(&util::read_text(&run.tap).unwrap_or_default()) {
                say!("  {} failed: {failure}", run.engine.label);
            }
            failed.push(format!("{} (see {})", run.engine.label, run.log.display()));
        }
    }
    if !failed.is_empty() {
        bail!("end-to-end tests failed in {}", failed.join(", "));
    }
    Ok(())
}

/// One engine's run of the tests, while it runs.
struct Run {
    engine: &'static Engine,
    child: Child,
    tap: PathBuf,
    log: PathBuf,
    started: Instant,
    ended: Option<Duration>,
}

fn tap_report(engine: &Engine) -> PathBuf {
    util::target_dir().join(format!("e2e-{}.tap", engine.name))
}

/// "Firefox ESR: 61 ran (61 passed, 0 failed), 3 skipped, in 2.9 min".
fn line(label: &str, counts: &Counts, elapsed: Duration) -> String {
    format!(
        "{label}: {} ran ({} passed, {} failed), {} skipped, in {:.1} min",
        counts.ran(),
        counts.pass,
        counts.fail,
        counts.skipped,
        elapsed.as_secs_f64() / 60.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_are_read_not_the_subtests() {
        let tap = "TAP version 13\n# Subtest: a\n    # pass 99\nok 1 - a\n\
                   # tests 12\n# suites 0\n# pass 9\n# fail 1\n# cancelled 0\n# skipped 2\n# todo 0\n";
        assert_eq!(
            counts(tap),
            Counts {
                pass: 9,
                fail: 1,
                skipped: 2
            }
        );
        assert_eq!(counts(tap).ran(), 10);
        assert_eq!(counts("").ran(), 0, "no report: nothing ran");
    }

    #[test]
    fn a_failure_is_reported_with_its_error_and_without_its_stack() {
        let tap = "TAP version 13\n# Subtest: a\nok 1 - a\n  ---\n  duration_ms: 1\n  ...\n\
                   # Subtest: b\nnot ok 2 - b\n  ---\n  duration_ms: 3\n  error: |-\n    \
                   no console errors\n  code: 'ERR_ASSERTION'\n  stack: |-\n    at x\n  ...\n";
        let found = failures(tap);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("not ok 2 - b"), "{}", found[0]);
        assert!(found[0].contains("no console errors"), "{}", found[0]);
        assert!(!found[0].contains("at x"), "{}", found[0]);
        assert!(failures("ok 1 - a\n").is_empty());
    }

    /// The README's "In which browsers" table says, for each end-to-end test file, whether
    /// it runs in Firefox and WebKit. It must name every file, and say "no" exactly where
    /// the file is not in `EVERY_ENGINE`: a reader chooses what to trust by that table.
    #[test]
    fn the_readme_says_which_engines_run_each_test_file() {
        let root = util::root();
        let readme = util::read_text(&root.join("README.md")).unwrap();
        let section = &readme[readme.find("### In which browsers").expect("the section")..];
        let mut named = Vec::new();
        for row in section.lines().filter(|l| l.starts_with("| `")) {
            let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
            let file = cells[0].trim_matches('`');
            let everywhere = EVERY_ENGINE.contains(&file);
            for (engine, cell) in [("Firefox", cells[3]), ("WebKit", cells[4])] {
                assert_eq!(
                    cell.starts_with("yes"),
                    everywhere,
                    "README says {file} runs in {engine}: {cell:?}"
                );
            }
            named.push(file.to_string());
        }
        let mut files: Vec<String> = std::fs::read_dir(root.join("tests/e2e"))
            .unwrap()
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".test.mjs"))
            .collect();
        files.sort();
        named.sort();
        assert_eq!(named, files, "the README's table names each test file once");
    }

    #[test]
    fn every_file_named_for_every_engine_exists() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf();
        for file in EVERY_ENGINE {
            assert!(root.join("tests/e2e").join(file).is_file(), "{file}");
        }
    }
}
