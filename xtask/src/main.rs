//! `cargo xtask <command>`: stackweigh's build automation, in Rust so that it runs the
//! same on every machine and needs no shell scripts (matklad's xtask convention).
//!
//! Every command installs what it needs first (`setup`), so a fresh CI machine and a
//! developer's machine go through the same path.
//!
//! The modules form layers, and each uses only modules on the layers below its own, so
//! the crate reads bottom-up (a test holds them to [`LAYERS`]):
//!
//! 1. `tools` (versions and flags), `util` (paths, commands, sizes), `templates` (the
//!    shipped files' fixed text);
//! 2. `wasm` (sections, names, imports), `node` (node and npm), `contract` (the
//!    element's public contract), `targets` (the bench's budgets), `snapshot` (the
//!    prerendered first view);
//! 3. `performance_table` (the README's, from the bench's figures), `e2e` (the end-to-end
//!    tests in each browser engine);
//! 4. `setup`;
//! 5. `dist`;
//! 6. `package`, `bench`;
//! 7. `test`;
//!
//! and this file, which dispatches the commands.

mod bench;
mod contract;
mod dist;
mod e2e;
mod node;
mod package;
mod performance_table;
mod setup;
mod snapshot;
mod targets;
mod templates;
mod test;
mod tools;
mod util;
mod wasm;

use std::process::ExitCode;

use anyhow::{anyhow, bail, Result};

/// The modules, lowest layer first: a module may use only modules on earlier lines.
pub const LAYERS: &[&[&str]] = &[
    &["tools", "util", "templates"],
    &["wasm", "node", "contract", "targets", "snapshot"],
    &["performance_table", "e2e"],
    &["setup"],
    &["dist"],
    &["package", "bench"],
    &["test"],
];

const HELP: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup             install what the build needs (only what is missing): the wasm32
                    target, wasm-bindgen-cli, wasm-opt, Trunk, Chromium + chromedriver,
                    and the end-to-end tests' npm packages
  dist [--base-url URL]
                    build dist/stackweigh.js (one classic script), dist/stackweigh.html
                    (one self-contained page), dist/embed.html (the widget alone, for
                    an iframe) and dist/hosted/ (Trunk's split build); with the address
                    dist/ will be served from, also the link cards' absolute addresses
                    and dist/oembed.json
  package           dist, then the npm package under target/npm/ (stackweigh.js,
                    embed.html, README, LICENSE, package.json, custom-elements.json,
                    stackweigh.d.ts), and the script's integrity hash for a CDN snippet
  serve [--port N]  serve the demo page with Trunk at http://127.0.0.1:8080/
  test              every test, stopping at the first failure: core + xtask (native),
                    browser component tests, dist, end-to-end tests, bench smoke run
  bench [--smoke]   sizes, the wasm's largest functions and the browser timings,
                    written to target/bench.json (never fails on a timing); a full
                    run also rewrites README.md's performance table
  screenshots       dist, then tests/e2e/screenshots.mjs
  help              this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    util::prepare_env();
    let outcome = dispatch(&args);
    // A command that failed early may leave a tool compiling in the background.
    setup::stop_background();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // `{:#}`: each context, then its cause, on one line.
            eprintln!("stackweigh: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        print!("{HELP}");
        return Ok(());
    };
    match command.as_str() {
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        "setup" => no_options(command, rest).and_then(|()| setup::setup()),
        "dist" => dist::dist_at(parse_base_url(rest)?.as_deref()).map(|_| ()),
        "package" => no_options(command, rest).and_then(|()| package::package().map(|_| ())),
        "serve" => dist::serve(parse_port(rest)?),
        "test" => no_options(command, rest).and_then(|()| test::test()),
        "bench" => match rest {
            [] => bench::bench(false),
            [flag] if flag == "--smoke" => bench::bench(true),
            _ => bail!("`bench` takes only `--smoke`, not {rest:?}\n\n{HELP}"),
        },
        "screenshots" => no_options(command, rest).and_then(|()| test::screenshots()),
        other => bail!("unknown command `{other}`\n\n{HELP}"),
    }
}

fn no_options(command: &str, rest: &[String]) -> Result<()> {
    if !rest.is_empty() {
        bail!("`{command}` takes no options, got {rest:?}");
    }
    Ok(())
}

fn parse_port(rest: &[String]) -> Result<u16> {
    let value = match rest {
        [] => return Ok(8080),
        [flag, value] if flag == "--port" || flag == "-p" => value.as_str(),
        [flag] if flag.starts_with("--port=") => &flag["--port=".len()..],
        _ => bail!("`serve` takes only `--port N`, not {rest:?}"),
    };
    value
        .parse()
        .map_err(|_| anyhow!("`--port` needs a number from 1 to 65535, not `{value}`"))
}

/// `--base-url https://example.com/tools/`: where dist/ will be served from. It goes into
/// HTML attributes and JSON, so only a plain http(s) address is taken; the `/` at its end
/// is added if missing.
fn parse_base_url(rest: &[String]) -> Result<Option<String>> {
    let value = match rest {
        [] => return Ok(None),
        [flag, value] if flag == "--base-url" => value.as_str(),
        [flag] if flag.starts_with("--base-url=") => &flag["--base-url=".len()..],
        _ => bail!("`dist` takes only `--base-url URL`, not {rest:?}"),
    };
    let host = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .map(|rest| rest.split('/').next().unwrap_or_default());
    let plain = value
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '#' | '?'));
    match host {
        Some(host) if !host.is_empty() && plain => Ok(Some(if value.ends_with('/') {
            value.to_string()
        } else {
            format!("{value}/")
        })),
        _ => bail!(
            "`--base-url` needs the http(s) address dist/ will be served from, such as \
             https://example.com/stackweigh/ (no query or fragment), not `{value}`"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn port_defaults_to_8080_and_accepts_both_spellings() {
        assert_eq!(parse_port(&[]).ok(), Some(8080));
        assert_eq!(parse_port(&strings(&["--port", "9000"])).ok(), Some(9000));
        assert_eq!(parse_port(&strings(&["--port=9001"])).ok(), Some(9001));
        assert!(parse_port(&strings(&["--port", "http"])).is_err());
        assert!(parse_port(&strings(&["--open"])).is_err());
    }

    #[test]
    fn the_base_url_is_a_plain_http_address_ending_in_a_slash() {
        assert_eq!(parse_base_url(&[]).ok(), Some(None));
        let expected = Some("https://example.com/tools/".to_string());
        assert_eq!(
            parse_base_url(&strings(&["--base-url", "https://example.com/tools"])).ok(),
            Some(expected.clone())
        );
        assert_eq!(
            parse_base_url(&strings(&["--base-url=https://example.com/tools/"])).ok(),
            Some(expected)
        );
        assert_eq!(
            parse_base_url(&strings(&["--base-url", "http://localhost:8000"])).ok(),
            Some(Some("http://localhost:8000/".to_string()))
        );
        for bad in [
            "example.com/",
            "https://",
            "https:///x",
            "ftp://example.com/",
            "https://example.com/a b/",
            "https://example.com/\"><script>",
            "https://example.com/?q=1",
            "https://example.com/#x",
            "javascript:alert(1)//",
        ] {
            assert!(
                parse_base_url(&strings(&["--base-url", bad])).is_err(),
                "{bad}"
            );
        }
        assert!(parse_base_url(&strings(&["--base-url"])).is_err());
        assert!(parse_base_url(&strings(&["--release"])).is_err());
    }

    /// The modules `source` names as `crate::<module>`, in paths and `use` trees alike.
    fn crate_modules(source: &str) -> Vec<String> {
        let ident = |s: &str| -> String {
            s.trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        };
        let mut found = Vec::new();
        for (at, _) in source.match_indices("crate::") {
            let rest = &source[at + "crate::".len()..];
            match rest.strip_prefix('{') {
                // `crate::{a, b::c, d::{e, f}}`: the first name of each top-level item.
                Some(tree) => {
                    let mut depth = 0;
                    let mut item_start = true;
                    for (i, c) in tree.char_indices() {
                        match c {
                            '{' => depth += 1,
                            '}' if depth == 0 => break,
                            '}' => depth -= 1,
                            ',' if depth == 0 => item_start = true,
                            _ if item_start && !c.is_whitespace() => {
                                found.push(ident(&tree[i..]));
                                item_start = false;
                            }
                            _ => {}
                        }
                    }
                }
                None => found.push(ident(rest)),
            }
        }
        found.retain(|name| !name.is_empty());
        found
    }

    fn layer_of(module: &str) -> Option<usize> {
        LAYERS.iter().position(|layer| layer.contains(&module))
    }

    /// Every `.rs` file under xtask/src/, with its path from there.
    fn source_files() -> Vec<std::path::PathBuf> {
        fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    found.push(path);
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        walk(&src, &mut found);
        found.sort();
        found
            .into_iter()
            .map(|path| path.strip_prefix(&src).unwrap().to_path_buf())
            .collect()
    }

    #[test]
    fn each_module_uses_only_lower_layers() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut modules = Vec::new();
        for file in source_files() {
            // `dist.rs`, or any file under `dist/`: the module `dist`.
            let first = file
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let name = first.trim_end_matches(".rs").to_string();
            if name == "main" {
                continue;
            }
            let layer = layer_of(&name)
                .unwrap_or_else(|| panic!("{name} is in no layer: add it to LAYERS"));
            let source = std::fs::read_to_string(src.join(&file)).unwrap();
            let shown = file.display();
            for used in crate_modules(&source).into_iter().filter(|u| *u != name) {
                let used_layer = layer_of(&used)
                    .unwrap_or_else(|| panic!("{shown} uses crate::{used}, in no layer"));
                assert!(
                    used_layer < layer,
                    "{shown} (layer {}) uses crate::{used} (layer {}): a module may use \
                     only lower layers",
                    layer + 1,
                    used_layer + 1
                );
            }
            modules.push(name);
        }
        for layer in LAYERS {
            for module in *layer {
                assert!(modules.contains(&module.to_string()), "no module {module}");
            }
        }
    }

    /// Past this, a file does more than one thing: split it by concern, as dist/ and
    /// setup/ are.
    const MOST_LINES: usize = 400;

    #[test]
    fn no_source_file_is_over_400_lines() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let long: Vec<String> = source_files()
            .into_iter()
            .filter_map(|file| {
                let lines = std::fs::read_to_string(src.join(&file))
                    .unwrap()
                    .lines()
                    .count();
                (lines > MOST_LINES)
                    .then(|| format!("xtask/src/{} ({lines} lines)", file.display()))
            })
            .collect();
        assert!(
            long.is_empty(),
            "over {MOST_LINES} lines, so split by concern: {}",
            long.join(", ")
        );
    }

    #[test]
    fn crate_paths_and_use_trees_are_both_read() {
        let source = "use crate::util::{self, say};\nuse crate::{bench, dist::{self, Outputs}};\n\
                      let x = crate::wasm::contents(b);\npub(crate) use say;\n";
        assert_eq!(crate_modules(source), ["util", "bench", "dist", "wasm"]);
    }

    #[test]
    fn unknown_commands_are_errors_not_panics() {
        assert!(dispatch(&strings(&["deploy"])).is_err());
        assert!(dispatch(&strings(&["bench", "--fast"])).is_err());
        assert!(dispatch(&strings(&["dist", "--release"])).is_err());
    }
}
