//! Fields of the root Cargo.toml's `[package]`: the version in the script's header and,
//! for `cargo xtask package` (package.rs), the npm package's version, description and
//! licence.
//!
//! Part of `cargo xtask dist`; the `toml` crate reads the manifest, so any TOML that
//! Cargo takes is read the same way here.

use anyhow::{Context, Result};
use toml::{Table, Value};

/// The `version` of the root package, for the script's header.
pub fn package_version(manifest: &str) -> Result<String> {
    Ok(package_field(manifest, "version")?.unwrap_or_else(|| "0.0.0".to_string()))
}

/// A string `key` of Cargo.toml's `[package]` section, or of `[workspace.package]` when
/// the package takes it with `key.workspace = true`, as Cargo does.
pub fn package_field(manifest: &str, key: &str) -> Result<Option<String>> {
    let manifest: Table = manifest.parse().context("reading Cargo.toml")?;
    let section = |path: &[&str]| {
        path.iter()
            .try_fold(&manifest, |table, name| table.get(*name)?.as_table())
    };
    let value = match section(&["package"]).and_then(|package| package.get(key)) {
        Some(Value::Table(inherited))
            if inherited.get("workspace") == Some(&Value::Boolean(true)) =>
        {
            section(&["workspace", "package"]).and_then(|workspace| workspace.get(key))
        }
        value => value,
    };
    Ok(value.and_then(Value::as_str).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_comes_from_the_package_section() {
        let manifest = "[workspace]\nversion = \"9\"\n\n[package]\nname = \"stackweigh\"\nversion = \"0.1.0\"\n\n[dependencies]\nversion = \"8\"\n";
        assert_eq!(package_version(manifest).unwrap(), "0.1.0");
        assert_eq!(
            package_version("[package]\nname = \"x\"\n").unwrap(),
            "0.0.0"
        );
        assert!(package_version("[package\n").is_err());
    }

    #[test]
    fn a_field_the_package_inherits_comes_from_the_workspace() {
        let manifest = "[workspace.package]\nlicense = \"MIT\"\n\n[package]\nname = \"stackweigh\"\nlicense.workspace = true\ndescription = \"A widget.\"\n";
        let field = |key| package_field(manifest, key).unwrap();
        assert_eq!(field("description").as_deref(), Some("A widget."));
        assert_eq!(field("license").as_deref(), Some("MIT"));
        assert_eq!(field("homepage"), None);
    }
}
