//! Paths, running commands, and size helpers shared by the commands.
//!
//! Errors are `anyhow` errors whose messages are for a person: what failed and, where we
//! know it, what to do. `main` prints the whole chain of contexts.

use std::env;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

/// One progress line; everything the xtask says starts with "stackweigh:" so it stands
/// out among the tools' own output.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("stackweigh: {}", format_args!($($arg)*))
    };
}
pub(crate) use say;

/// The workspace root: the xtask crate sits directly below it.
pub fn root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

fn home() -> Option<PathBuf> {
    env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Where `cargo install` puts binaries. We call tools from here by absolute path because
/// a system copy of the same name may be the wrong one (Debian's wasm-opt is broken).
pub fn cargo_bin() -> PathBuf {
    if let Some(root) = env::var_os("CARGO_INSTALL_ROOT").filter(|r| !r.is_empty()) {
        return PathBuf::from(root).join("bin");
    }
    if let Some(cargo_home) = env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
        return PathBuf::from(cargo_home).join("bin");
    }
    home()
        .unwrap_or_else(|| PathBuf::from("/root"))
        .join(".cargo")
        .join("bin")
}

pub fn tool(name: &str) -> PathBuf {
    cargo_bin().join(name)
}

/// `relative` (to the workspace root), which the command cannot do without: a missing
/// file is an error, never a step quietly skipped.
pub fn required(relative: &str) -> Result<PathBuf> {
    let path = root().join(relative);
    if !path.is_file() {
        bail!(
            "{relative} is missing: it is part of the repository (`git status` shows whether \
             it was deleted; `git checkout -- {relative}` restores it)"
        );
    }
    Ok(path)
}

/// `path` relative to the workspace root, as messages name files.
pub fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Cargo's target directory, where the intermediate files and target/bench.json go.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// What `cargo xtask dist` writes: what we ship.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// Where `cargo xtask package` stages the npm package before packing it.
pub fn package_staging_dir() -> PathBuf {
    target_dir().join("npm/package")
}

/// Where `cargo xtask setup` installs the build tools that come from npm.
pub fn tools_dir() -> PathBuf {
    root().join("xtask/tools")
}

/// Binaryen's wasm-opt, from npm's `binaryen` package (see setup/quick.rs).
pub fn wasm_opt() -> PathBuf {
    tools_dir().join("node_modules/.bin/wasm-opt")
}

/// terser, from npm's `terser` package (see setup/quick.rs): a Node.js script.
pub fn terser() -> PathBuf {
    tools_dir().join("node_modules/terser/bin/terser")
}

/// Children (Trunk in particular, which looks its tools up on PATH) must find our
/// tools before any system copies: the `cargo install`ed ones, then wasm-opt.
pub fn prepare_env() {
    let ours = [cargo_bin(), tools_dir().join("node_modules/.bin")];
    let mut dirs = ours.to_vec();
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path).filter(|dir| !ours.contains(dir)));
    }
    if let Ok(path) = env::join_paths(dirs) {
        // Single-threaded here: called first thing in main.
        env::set_var("PATH", path);
    }
}

/// The cargo that runs us, so nested builds use the same toolchain.
pub fn cargo() -> Command {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root());
    cmd
}

/// A command run from the workspace root.
pub fn command(program: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root());
    cmd
}

/// The command line as a person would type it, with `~` for the home directory.
pub fn describe(cmd: &Command) -> String {
    let home = home().map(|h| h.to_string_lossy().into_owned());
    let shorten = |s: &str| match &home {
        Some(h) if h != "/" && s.starts_with(h.as_str()) => format!("~{}", &s[h.len()..]),
        _ => s.to_string(),
    };
    let mut parts = Vec::new();
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value {
            if key != "PATH" {
                parts.push(format!(
                    "{}={}",
                    key.to_string_lossy(),
                    shorten(&value.to_string_lossy())
                ));
            }
        }
    }
    let program = cmd.get_program().to_string_lossy();
    // `CARGO` is an absolute path into the toolchain; `cargo` reads better.
    let program = if Some(cmd.get_program()) == env::var_os("CARGO").as_deref() {
        "cargo".to_string()
    } else {
        shorten(&program)
    };
    parts.push(program);
    for arg in cmd.get_args() {
        let arg = shorten(&arg.to_string_lossy());
        if arg.is_empty() || arg.contains(char::is_whitespace) {
            parts.push(format!("'{arg}'"));
        } else {
            parts.push(arg);
        }
    }
    parts.join(" ")
}

fn spawn_error(cmd: &Command) -> String {
    format!("could not start `{}`", cmd.get_program().to_string_lossy())
}

/// Runs a command with its output going straight to ours; fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result<()> {
    let line = describe(cmd);
    println!("  $ {line}");
    let _ = std::io::stdout().flush();
    let status = cmd.status().with_context(|| spawn_error(cmd))?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Like `run`, but hands back what the command printed on stdout (stderr passes through).
pub fn capture(cmd: &mut Command) -> Result<String> {
    let line = describe(cmd);
    println!("  $ {line}");
    let _ = std::io::stdout().flush();
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| spawn_error(cmd))?;
    if !output.status.success() {
        bail!("`{line}` failed ({})", output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Quietly asks a tool something (its version, usually): stdout and stderr together, or
/// None when it is missing or fails.
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text)
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

/// Bytes after zlib's deflate at level 9 (`gzip -9`), what a server compressing with zlib
/// at its highest level sends.
pub fn gzip_len(bytes: &[u8]) -> usize {
    use flate2::{write::GzEncoder, Compression};
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    // Writing to a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory").len()
}

/// Bytes after brotli at quality 11 (what a CDN serves for static files).
pub fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 22);
        writer.write_all(bytes).expect("brotli into memory");
    }
    out.len()
}

/// Sizes in the units the targets are written in: 1 KB = 1000 bytes.
pub fn kb(bytes: usize) -> String {
    format!("{:.2} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_shows_env_and_quotes_spaces() {
        let mut cmd = Command::new("node");
        cmd.arg("--test")
            .arg("a b")
            .env("CHROMIUM", "/usr/bin/chromium");
        assert_eq!(
            describe(&cmd),
            "CHROMIUM=/usr/bin/chromium node --test 'a b'"
        );
    }

    #[test]
    fn compression_shrinks_repetitive_input() {
        let text = "stackweigh ".repeat(1000);
        assert!(gzip_len(text.as_bytes()) < 200);
        assert!(brotli_len(text.as_bytes()) < 200);
        assert!(brotli_len(b"") > 0);
    }

    #[test]
    fn a_missing_file_is_an_error_that_names_it() {
        assert!(required("Cargo.toml").is_ok());
        let error = required("no/such.mjs").unwrap_err().to_string();
        assert!(error.starts_with("no/such.mjs is missing"), "{error}");
    }

    #[test]
    fn kb_uses_thousands() {
        assert_eq!(kb(90_000), "90.00 KB");
        assert_eq!(kb(1_234), "1.23 KB");
    }
}
