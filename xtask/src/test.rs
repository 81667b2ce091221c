//! `cargo xtask test` (what CI runs) and `cargo xtask screenshots`.

use std::time::{Duration, Instant};

use anyhow::{bail, Result};

use crate::setup;
use crate::tools::{CHROMEDRIVER, WASM_TARGET};
use crate::util::{self, run, say};
use crate::{bench, dist, e2e, package};

pub fn test() -> Result<()> {
    let mut steps = Steps::new();
    // wasm-bindgen and Trunk, if missing, compile in the background meanwhile.
    setup::start()?;
    let root = util::root();

    steps.begin(
        "1/5 native tests: stackweigh-core and stackweigh-unpack (with property tests), xtask",
    );
    run(util::cargo().args([
        "test",
        "-p",
        "stackweigh-core",
        "-p",
        "stackweigh-unpack",
        "--profile",
        "fuzz",
    ]))?;
    run(util::cargo().args(["test", "-p", "xtask"]))?;
    say!("checking the GitHub workflows with actionlint…");
    run(util::command(setup::actionlint()).current_dir(&root))?;

    steps.begin("2/5 browser component tests (wasm-bindgen-test in headless Chromium)");
    setup::browsers()?;
    if !root.join("webdriver.json").is_file() {
        bail!("webdriver.json is missing: the test runner would start Chromium with the sandbox on, which fails as root");
    }
    // wasm-bindgen-test-runner reads webdriver.json from the current directory: the root.
    run(util::cargo()
        .args(["test", "-p", "stackweigh", "--target", WASM_TARGET])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            setup::wasm_bindgen_test_runner()?,
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;

    steps.begin("3/5 building dist/ and the npm package");
    dist::dist()?;
    package::package()?;

    steps.begin("4/5 end-to-end tests (node --test) in Chromium, Firefox and WebKit");
    setup::browsers()?;
    e2e::run_all()?;

    steps.begin("5/5 bench smoke run");
    bench::bench(true)?;

    steps.end();
    say!("all tests passed");
    Ok(())
}

/// The steps of `cargo xtask test` and how long each took, said when the run ends, passed
/// or failed: CI keeps only a log's tail, and the aim is a fresh run within 15 minutes
/// (docs/performance.md, "Set-up"). A step's time includes waiting for the tools that
/// compile in the background.
struct Steps {
    started: Instant,
    current: Option<(&'static str, Instant)>,
    done: Vec<(&'static str, Duration)>,
}

impl Steps {
    fn new() -> Steps {
        Steps {
            started: Instant::now(),
            current: None,
            done: Vec::new(),
        }
    }

    fn begin(&mut self, label: &'static str) {
        self.end();
        say!("{label}…");
        self.current = Some((label, Instant::now()));
    }

    fn end(&mut self) {
        if let Some((label, started)) = self.current.take() {
            self.done.push((label, started.elapsed()));
        }
    }
}

impl Drop for Steps {
    fn drop(&mut self) {
        self.end();
        say!("time by step:");
        for (label, took) in &self.done {
            say!("  {:>5.1} min  {label}", took.as_secs_f64() / 60.0);
        }
        say!(
            "  {:>5.1} min  in all, set-up included",
            self.started.elapsed().as_secs_f64() / 60.0
        );
    }
}

/// The pictures in docs/screenshots/ (and dist/card.png), in each engine: Chromium's are
/// the README's; Firefox's and WebKit's are there to compare.
pub fn screenshots() -> Result<()> {
    dist::dist()?;
    setup::browsers()?;
    let script = util::required("tests/e2e/screenshots.mjs")?;
    for engine in &e2e::ENGINES {
        say!("screenshots in {}…", engine.label);
        run(e2e::node_for(engine).arg(&script))?;
    }
    Ok(())
}
