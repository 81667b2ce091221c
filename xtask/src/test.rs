//! `cargo xtask test` (what CI runs) and `cargo xtask screenshots`.

use anyhow::{bail, Result};

use crate::setup;
use crate::tools::{CHROMEDRIVER, WASM_TARGET};
use crate::util::{self, run, say};
use crate::{bench, dist, e2e, package};

pub fn test() -> Result<()> {
    // wasm-bindgen and Trunk, if missing, compile in the background meanwhile.
    setup::start()?;
    let root = util::root();

    say!("1/5 native tests: stackweigh-core and stackweigh-unpack (with property tests), xtask…");
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

    say!("2/5 browser component tests (wasm-bindgen-test in headless Chromium)…");
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

    say!("3/5 building dist/ and the npm package…");
    dist::dist()?;
    package::package()?;

    say!("4/5 end-to-end tests (node --test) in Chromium, Firefox and WebKit…");
    setup::browsers()?;
    e2e::run_all()?;

    say!("5/5 bench smoke run…");
    bench::bench(true)?;

    say!("all tests passed");
    Ok(())
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
