//! `cargo xtask package`: the npm package, so a blogger can use stackweigh from a
//! registry's CDN without building anything.
//!
//! It stages the package in `target/npm/package/` and packs it with `npm pack` into
//! `target/npm/stackweigh-<version>.tgz`, ready for `npm publish`. What it holds:
//! `stackweigh.js`, `embed.html`, the README and the licence, `package.json` (the version
//! is Cargo's), `custom-elements.json` and `stackweigh.d.ts` (both written from
//! contract.rs). It prints the script's Subresource Integrity hash for the CDN snippet.

use std::path::PathBuf;

use anyhow::{Context, Result};
use serde_json::json;
use sha2::{Digest, Sha384};

use crate::contract;
use crate::dist::{self, EMBED_PAGE};
use crate::node::npm;
use crate::util::{self, capture, say};

/// The package's name on the registry.
pub const NAME: &str = "stackweigh";

/// What `package.json`'s `"files"` lists; npm adds `package.json` itself.
pub const FILES: [&str; 6] = [
    "stackweigh.js",
    EMBED_PAGE,
    "custom-elements.json",
    "stackweigh.d.ts",
    "README.md",
    "LICENSE",
];

pub fn package() -> Result<PathBuf> {
    let out = dist::dist()?;
    let root = util::root();
    let cargo_toml = util::read_text(&root.join("Cargo.toml"))?;
    let version = dist::package_field(&cargo_toml, "version")?.unwrap_or_else(|| "0.0.0".into());
    let description = dist::package_field(&cargo_toml, "description")?.unwrap_or_default();
    let license = dist::package_field(&cargo_toml, "license")?
        .context("Cargo.toml names no licence for the package: add `license` to [package] or [workspace.package]")?;

    say!("staging the npm package {NAME}@{version}…");
    let staging = util::package_staging_dir();
    if staging.exists() {
        std::fs::remove_dir_all(&staging)
            .with_context(|| format!("clearing {}", staging.display()))?;
    }
    let script = util::read(&out.script)?;
    util::write(&staging.join("stackweigh.js"), &script)?;
    util::write(&staging.join(EMBED_PAGE), util::read(&out.embed)?)?;
    util::write(
        &staging.join("README.md"),
        util::read(&root.join("README.md"))?,
    )?;
    util::write(&staging.join("LICENSE"), util::read(&root.join("LICENSE"))?)?;
    let manifest = contract::manifest(&version);
    util::write(&staging.join("custom-elements.json"), pretty(&manifest)?)?;
    util::write(
        &staging.join("stackweigh.d.ts"),
        contract::declarations(&version),
    )?;
    let mut manifest_json = package_json(&version, &description, &license);
    // npm's provenance check (the release workflow publishes with --provenance) refuses a
    // package whose `repository` is not the GitHub repository that built it, which only a
    // workflow knows: GitHub Actions names it in GITHUB_REPOSITORY.
    if let Some(repository) = std::env::var("GITHUB_REPOSITORY")
        .ok()
        .filter(|r| !r.is_empty())
    {
        manifest_json["repository"] = json!({
            "type": "git",
            "url": format!("git+https://github.com/{repository}.git"),
        });
    }
    util::write(&staging.join("package.json"), pretty(&manifest_json)?)?;

    let packed_dir = util::target_dir().join("npm");
    let report = capture(
        npm(&staging)
            .args(["pack", "--json", "--pack-destination"])
            .arg(&packed_dir),
    )?;
    let report: serde_json::Value =
        serde_json::from_str(&report).context("reading npm pack's report")?;
    let file = report[0]["filename"]
        .as_str()
        .context("npm pack did not say which file it wrote")?;
    let tarball = packed_dir.join(file);

    let integrity = integrity(&script);
    // For the GitHub release, beside the script and the tarball.
    util::write(
        &packed_dir.join("stackweigh.js.integrity.txt"),
        format!("{integrity}\n"),
    )?;
    say!("wrote {}", tarball.display());
    say!("stackweigh.js integrity: {integrity} (also in target/npm/stackweigh.js.integrity.txt)");
    println!(
        "\nOnce published, pages can load it from a CDN:\n\n  \
         <script src=\"https://cdn.jsdelivr.net/npm/{NAME}@{version}/stackweigh.js\"\n          \
         integrity=\"{integrity}\" crossorigin=\"anonymous\" defer></script>\n"
    );
    Ok(tarball)
}

/// JSON with two-space indents and a final newline, as npm writes package.json.
fn pretty(value: &serde_json::Value) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|json| json + "\n")
        .context("writing JSON")
}

/// `package.json`. The script is a classic script with a side effect (it defines the
/// element), not a module with exports: `import "stackweigh"` in a bundler runs it, and
/// CDNs serve it by the `jsdelivr` and `unpkg` fields.
pub fn package_json(version: &str, description: &str, license: &str) -> serde_json::Value {
    json!({
        "name": NAME,
        "version": version,
        "description": description,
        "license": license,
        "keywords": ["web-component", "custom-element", "hiring", "nodejs", "python", "webassembly"],
        "main": "stackweigh.js",
        "types": "stackweigh.d.ts",
        "exports": {
            ".": { "types": "./stackweigh.d.ts", "default": "./stackweigh.js" },
            "./stackweigh.js": "./stackweigh.js",
            "./embed.html": format!("./{EMBED_PAGE}"),
            "./custom-elements.json": "./custom-elements.json",
            "./package.json": "./package.json",
        },
        "jsdelivr": "stackweigh.js",
        "unpkg": "stackweigh.js",
        "customElements": "custom-elements.json",
        "files": FILES,
        "sideEffects": true,
    })
}

/// The Subresource Integrity value for `bytes`: `sha384-` and the base64 digest.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", dist::base64(&Sha384::digest(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_sha384_in_base64() {
        // The FIPS 180-2 test vector for "abc".
        assert_eq!(
            integrity(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn package_json_points_every_tool_at_the_right_file() {
        let json = package_json("1.2.3", "A widget.", "MIT");
        assert_eq!(json["name"], NAME);
        assert_eq!(json["version"], "1.2.3");
        assert_eq!(json["license"], "MIT");
        assert_eq!(json["jsdelivr"], "stackweigh.js");
        assert_eq!(json["unpkg"], "stackweigh.js");
        assert_eq!(json["customElements"], "custom-elements.json");
        assert_eq!(json["types"], "stackweigh.d.ts");
        assert_eq!(json["sideEffects"], true);
        assert_eq!(json["exports"]["."]["default"], "./stackweigh.js");
        assert_eq!(json["exports"]["."]["types"], "./stackweigh.d.ts");
        let files: Vec<&str> = json["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        for named in [
            "stackweigh.js",
            "embed.html",
            "custom-elements.json",
            "stackweigh.d.ts",
        ] {
            assert!(files.contains(&named), "{named}");
        }
    }
}
