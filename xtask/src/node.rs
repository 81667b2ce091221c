//! Running Node.js and npm: the Node scripts in tests/e2e and xtask/bench with what they
//! expect, and `npm ci` for the npm packages the build and the tests pin.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::tools::CHROMIUM;
use crate::util::{self, command, run, say};

/// `node`, with what the Node scripts in tests/e2e and xtask/bench expect: where dist/
/// and the staged npm package are, and which browser to launch.
pub fn node_with_browser_env() -> Command {
    let mut node = command("node");
    node.env("STACKWEIGH_DIST", util::dist_dir())
        .env("STACKWEIGH_PACKAGE", util::package_staging_dir())
        .env("CHROMIUM", CHROMIUM);
    node
}

/// `npm`, run in `dir`.
pub fn npm(dir: &Path) -> Command {
    let mut npm = command("npm");
    npm.current_dir(dir);
    npm
}

/// Installs the packages `dir`'s package-lock.json pins, unless they are there already.
pub fn npm_ci(dir: &Path, label: &str) -> Result<()> {
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
    run(npm(dir)
        .args(["ci", "--no-audit", "--no-fund"])
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
    .context("installing npm packages (is node/npm installed?)")
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
}
