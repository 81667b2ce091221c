//! `cargo xtask test` (what CI runs) and `cargo xtask screenshots`.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use crate::node::node_with_browser_env;
use crate::setup;
use crate::tools::{CHROMEDRIVER, WASM_TARGET};
use crate::util::{self, run, say, tool};
use crate::{bench, dist, package};

pub fn test() -> Result<()> {
    setup::setup()?;
    let root = util::root();

    say!("1/5 native tests: stackweigh-core and stackweigh-unpack (with property tests), xtask…");
    run(util::cargo().args([
        "test",
        "-p",
        "stackweigh-core",
        "-p",
        "stackweigh-unpack",
        "--release",
    ]))?;
    run(util::cargo().args(["test", "-p", "xtask"]))?;

    say!("2/5 browser component tests (wasm-bindgen-test in headless Chromium)…");
    if !root.join("webdriver.json").is_file() {
        bail!("webdriver.json is missing: the test runner would start Chromium with the sandbox on, which fails as root");
    }
    // wasm-bindgen-test-runner reads webdriver.json from the current directory: the root.
    run(util::cargo()
        .args(["test", "-p", "stackweigh", "--target", WASM_TARGET])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            tool("wasm-bindgen-test-runner"),
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;

    say!("3/5 building dist/ and the npm package…");
    dist::dist()?;
    package::package()?;

    say!("4/5 end-to-end tests (node --test, headless Chromium)…");
    let e2e = root.join("tests/e2e");
    if node_test_files(&e2e).is_empty() {
        say!("no test files in tests/e2e yet: skipping the end-to-end tests");
    } else {
        run(node_with_browser_env()
            .args(["--test", "--test-concurrency=1"])
            .arg("tests/e2e/"))?;
    }

    say!("5/5 bench smoke run…");
    bench::bench(true)?;

    say!("all tests passed");
    Ok(())
}

pub fn screenshots() -> Result<()> {
    dist::dist()?;
    let script = util::root().join("tests/e2e/screenshots.mjs");
    if !script.is_file() {
        say!("no tests/e2e/screenshots.mjs yet: nothing to take");
        return Ok(());
    }
    run(node_with_browser_env().arg(script))
}

/// The files `node --test <dir>` (Node 20) would run: found recursively, outside
/// node_modules, named `test.*`, `test-*`, `*.test.*`, `*-test.*` or `*_test.*`, or
/// any script inside a `test` directory.
pub fn node_test_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect_tests(dir, false, &mut found);
    found.sort();
    found
}

fn collect_tests(dir: &Path, inside_test_dir: bool, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "node_modules" && !name.starts_with('.') {
                collect_tests(&path, inside_test_dir || name == "test", found);
            }
        } else if is_node_test_file(&name, inside_test_dir) {
            found.push(path);
        }
    }
}

pub fn is_node_test_file(name: &str, inside_test_dir: bool) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "mjs" | "cjs") {
        return false;
    }
    inside_test_dir
        || stem == "test"
        || stem.starts_with("test-")
        || stem.ends_with(".test")
        || stem.ends_with("-test")
        || stem.ends_with("_test")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_node_test_runner_file_names() {
        for name in [
            "widget.test.mjs",
            "a11y-test.js",
            "embed_test.cjs",
            "test-links.mjs",
            "test.js",
        ] {
            assert!(is_node_test_file(name, false), "{name}");
        }
        for name in [
            "bench.mjs",
            "screenshots.mjs",
            "helpers.js",
            "test.json",
            "latest.mjs",
            "README.md",
        ] {
            assert!(!is_node_test_file(name, false), "{name}");
        }
        assert!(is_node_test_file("helpers.mjs", true));
        assert!(!is_node_test_file("notes.txt", true));
    }

    #[test]
    fn finds_tests_recursively_but_not_in_node_modules() {
        let dir = std::env::temp_dir().join(format!("xtask-node-tests-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "a.test.mjs",
            "bench.mjs",
            "sub/b.test.mjs",
            "node_modules/x/c.test.mjs",
        ] {
            util::write(&dir.join(file), "").unwrap();
        }
        let found = node_test_files(&dir);
        let names: Vec<_> = found
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [PathBuf::from("a.test.mjs"), PathBuf::from("sub/b.test.mjs")]
        );
        assert!(node_test_files(&dir.join("missing")).is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
