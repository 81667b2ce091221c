//! `cargo xtask bench [--smoke]`: sizes (computed here), the wasm's largest contributors,
//! and the browser timings from xtask/bench/bench.mjs, merged into target/bench.json and
//! printed beside the targets. A timing over its target is reported, never fatal: timings
//! on a shared 2-core machine are too noisy to gate on. Errors (a script that crashes,
//! prints no JSON) do fail.

use anyhow::{anyhow, Context, Result};
use serde_json::{json, Map, Value};

use crate::dist::{self, Outputs};
use crate::node::node_with_browser_env;
use crate::performance_table;
use crate::targets::{measured_limit, ratios};
use crate::util::{self, capture, kb, say};
use crate::wasm::{contents, Contents};

/// Mount/unmount cycles on one page, as a single-page site's navigations make them. The
/// smoke run (CI) makes fewer: enough for an element, a listener or a few hundred bytes
/// left behind by each instance to show, in a fraction of the time.
const CHURN_CYCLES: u32 = 1000;
const SMOKE_CHURN_CYCLES: u32 = 250;
/// Runs per timing in the smoke run: it checks that every measure still runs and the
/// README's table still renders, which one run shows as well as three, in a minute less of
/// CI's 15.
const SMOKE_RUNS: u32 = 1;
/// Runs per timing in a full run: the README's figures are their medians.
const FULL_RUNS: u32 = 15;
/// How many of the wasm's largest contributors the bench lists.
const LARGEST_SHOWN: usize = 10;

pub fn bench(smoke: bool) -> Result<()> {
    let out = dist::dist()?;
    say!("measuring sizes…");
    let sizes = measure_sizes(&out)?;
    let contents = contents(&util::read(&out.optimised_named_wasm)?)?;
    let runs = if smoke { SMOKE_RUNS } else { FULL_RUNS };
    let churn_cycles = if smoke {
        SMOKE_CHURN_CYCLES
    } else {
        CHURN_CYCLES
    };
    let browser = browser_bench(runs, churn_cycles)?;
    let native = native_bench()?;

    let sizes_json: Map<String, Value> = sizes
        .iter()
        .map(|(k, v)| (k.to_string(), json!(v)))
        .collect();
    let ratios_json: Map<String, Value> = ratios(&browser)
        .into_iter()
        .map(|r| (r.key.to_string(), json!(r.value)))
        .collect();
    let report = json!({
        "smoke": smoke,
        "runs": runs,
        "sizes": sizes_json,
        "ratios": ratios_json,
        "wasm_largest": contents.to_json(LARGEST_SHOWN),
        "browser": browser,
        "native": native,
    });
    let path = util::target_dir().join("bench.json");
    let text = serde_json::to_string_pretty(&report).context("writing target/bench.json")?;
    util::write(&path, text + "\n")?;

    print_report(&sizes, &contents, &report["browser"]);
    // Every run renders the README's table, so a figure the table needs and the bench no
    // longer measures fails CI's smoke run; only a full run's figures go into the README.
    let table = performance_table::render(&report)?;
    if smoke {
        say!(
            "a smoke run: {runs} per start-up timing and {SMOKE_CHURN_CYCLES} mount/unmount \
             cycles, not the {FULL_RUNS} and {CHURN_CYCLES} of a full run (`cargo xtask \
             bench`), so the README's performance table is left as it is"
        );
    } else {
        let readme_path = util::root().join("README.md");
        let readme = performance_table::splice(&util::read_text(&readme_path)?, &table)?;
        util::write(&readme_path, readme)?;
        say!("rewrote the performance table in README.md");
    }
    say!("wrote {}", path.display());
    Ok(())
}

type Sizes = Vec<(&'static str, usize)>;

fn measure_sizes(out: &Outputs) -> Result<Sizes> {
    let script = util::read(&out.script)?;
    let page = util::read(&out.page)?;
    let wasm = util::read(&out.optimised_wasm)?;
    // The hosted build is served as separate files, each compressed on its own.
    let (hosted, hosted_total) = dist::hosted_files(&out.hosted)?;
    Ok(vec![
        ("stackweigh_js_bytes", script.len()),
        ("stackweigh_js_gzip_bytes", util::gzip_len(&script)),
        ("stackweigh_js_brotli_bytes", util::brotli_len(&script)),
        ("stackweigh_html_bytes", page.len()),
        ("wasm_optimised_bytes", wasm.len()),
        ("wasm_optimised_gzip_bytes", util::gzip_len(&wasm)),
        ("hosted_js_wasm_bytes", hosted_total),
        (
            "hosted_js_wasm_gzip_bytes",
            hosted.iter().map(|f| util::gzip_len(f)).sum(),
        ),
        (
            "hosted_js_wasm_brotli_bytes",
            hosted.iter().map(|f| util::brotli_len(f)).sum(),
        ),
    ])
}

/// `yew::html::component::lifecycle::CompStateInner` → `yew::…::CompStateInner`, for the
/// printed list: whole paths push the part that tells two functions apart off the line.
/// A path keeps its first segment (the crate) and last; one segment between stays.
fn brief(name: &str) -> String {
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let is_ident = |s: &str| !s.is_empty() && s.bytes().all(ident);
    let ident_end = |s: &str| s.bytes().last().is_some_and(ident);
    let ident_start = |s: &str| s.bytes().next().is_some_and(ident);
    let pieces: Vec<&str> = name.split("::").collect();
    let inner = |i: usize| {
        i > 0
            && i + 1 < pieces.len()
            && is_ident(pieces[i])
            && ident_end(pieces[i - 1])
            && ident_start(pieces[i + 1])
    };
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < pieces.len() {
        let run = (i..).take_while(|&j| inner(j)).count();
        if i > 0 {
            out.push_str("::");
        }
        if run >= 2 {
            out.push('…');
            i += run;
        } else {
            out.push_str(pieces[i]);
            i += 1;
        }
    }
    out
}

fn browser_bench(runs: u32, churn_cycles: u32) -> Result<Value> {
    crate::setup::browsers()?;
    let script = util::required("xtask/bench/bench.mjs")?;
    say!("timing the widget in headless Chromium ({runs} runs)…");
    let stdout = capture(
        node_with_browser_env()
            .arg(&script)
            .env("STACKWEIGH_BENCH_RUNS", runs.to_string())
            .env("STACKWEIGH_BENCH_CHURN_CYCLES", churn_cycles.to_string()),
    )?;
    parse_bench_output(&stdout)
}

/// What the core's own work costs, timed natively and optimised by an example of the core's
/// (`stackweigh-core/examples/firmness_cost.rs`): how firm the answer is, which the
/// browser's input timings include but cannot tell apart.
fn native_bench() -> Result<Value> {
    say!("timing the core natively (how firm the answer is)…");
    let stdout = capture(util::cargo().args([
        "run",
        "--quiet",
        "--profile",
        "fuzz",
        "-p",
        "stackweigh-core",
        "--example",
        "firmness_cost",
    ]))?;
    serde_json::from_str(stdout.trim())
        .with_context(|| format!("firmness_cost printed no JSON object: {stdout}"))
}

/// bench.mjs prints one JSON object; tolerate log lines around it.
pub fn parse_bench_output(stdout: &str) -> Result<Value> {
    if let Ok(value @ Value::Object(_)) = serde_json::from_str(stdout.trim()) {
        return Ok(value);
    }
    stdout
        .lines()
        .rev()
        .filter(|line| line.trim_start().starts_with('{'))
        .find_map(|line| match serde_json::from_str(line.trim()) {
            Ok(value @ Value::Object(_)) => Some(value),
            _ => None,
        })
        .ok_or_else(|| {
            let shown: String = stdout.chars().take(400).collect();
            anyhow!("xtask/bench/bench.mjs printed no JSON object on stdout; it printed:\n{shown}")
        })
}

/// A measurement with its unit, read from the key's suffix.
pub fn format_measure(key: &str, value: f64) -> String {
    if key.ends_with("_bytes") {
        kb(value.max(0.0) as usize)
    } else if key.ends_with("_ms") {
        format!("{value:.2} ms")
    } else if key.starts_with("layout_shift_") {
        format!("{value:.3}")
    } else if value.fract() == 0.0 {
        // Counts: runs, cycles, nodes, listeners.
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

/// Nested objects become dotted keys, so any shape bench.mjs prints can be listed.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(entries) => {
            for (key, value) in entries {
                let key = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&key, value, out);
            }
        }
        other => out.push((prefix.to_string(), other.clone())),
    }
}

fn status(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "OVER"
    }
}

fn row(label: &str, value: &str, target: &str, status: &str) {
    println!("  {label:<34} {value:>14}  {target:<22} {status}");
}

fn print_report(sizes: &Sizes, contents: &Contents, browser: &Value) {
    let size = |key: &str| sizes.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    println!();
    say!("sizes (1 KB = 1000 bytes)");
    row("measure", "value", "target", "");
    for (key, bytes) in sizes {
        let label = key.trim_end_matches("_bytes").replace('_', " ");
        match measured_limit("sizes", key) {
            Some(target) => row(
                &label,
                &kb(*bytes),
                &format!("≤ {}", kb(target as usize)),
                status(*bytes as f64 <= target),
            ),
            None => row(&label, &kb(*bytes), "", ""),
        }
    }
    if let (Some(one_file), Some(hosted)) = (
        size("stackweigh_js_gzip_bytes"),
        size("hosted_js_wasm_gzip_bytes"),
    ) {
        row(
            "one-file vs hosted (gzip)",
            &format!("{:.2}×", one_file as f64 / hosted.max(1) as f64),
            "",
            "",
        );
    }

    println!();
    let wasm = size("wasm_optimised_bytes").unwrap_or_default();
    say!(
        "largest contributors to the shipped wasm ({}: code {}, data {})",
        kb(wasm),
        kb(contents.code_bytes),
        kb(contents.data_bytes)
    );
    for part in contents.parts.iter().take(LARGEST_SHOWN) {
        let share = 100.0 * part.bytes as f64 / wasm.max(1) as f64;
        println!(
            "  {:>10}  {share:>5.1}%  {}",
            kb(part.bytes),
            shorten(&brief(&part.name), 100)
        );
    }

    println!();
    say!("browser timings (headless Chromium; over a target is reported, never fatal)");
    row("measure", "value", "target", "");
    let mut measures = Vec::new();
    flatten("", browser, &mut measures);
    for (key, value) in &measures {
        match value.as_f64() {
            Some(n) => match measured_limit("browser", key) {
                Some(target) => row(
                    key,
                    &format_measure(key, n),
                    &format!("≤ {}", format_measure(key, target)),
                    status(n <= target),
                ),
                None => row(key, &format_measure(key, n), "", ""),
            },
            None => row(key, &shorten(&value.to_string(), 40), "", ""),
        }
    }
    for ratio in ratios(browser) {
        let value = if ratio.key.ends_with("_bytes") {
            format!("{} KB", format_args!("{:.2}", ratio.value / 1000.0))
        } else if ratio.key.ends_with("_growth") {
            format!("{:+.1}%", ratio.value * 100.0)
        } else {
            format!("{:.2}×", ratio.value)
        };
        row(&ratio.label, &value, &ratio.target, status(ratio.ok));
    }
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max - 1).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_bench_object_among_log_lines() {
        let out = "launching chromium\n{\"startup_ms\": 12.5}\n";
        assert_eq!(
            parse_bench_output(out).unwrap()["startup_ms"].as_f64(),
            Some(12.5)
        );
        let pretty = "{\n  \"static_ms\": 10\n}\n";
        assert_eq!(
            parse_bench_output(pretty).unwrap()["static_ms"].as_f64(),
            Some(10.0)
        );
        assert!(parse_bench_output("no json here\n[1, 2]\n").is_err());
    }

    #[test]
    fn long_paths_keep_their_crate_and_last_segment() {
        assert_eq!(
            brief("<yew::html::component::lifecycle::CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view"),
            "<yew::…::CompStateInner<COMP> as yew::…::Stateful>::view"
        );
        assert_eq!(
            brief("yew::dom_bundle::bnode::<impl yew::dom_bundle::traits::Reconcilable for yew::virtual_dom::vnode::VNode>::reconcile"),
            "yew::dom_bundle::bnode::<impl yew::…::Reconcilable for yew::…::VNode>::reconcile"
        );
        assert_eq!(
            brief("stackweigh_core::verdict::evaluate"),
            "stackweigh_core::verdict::evaluate"
        );
        assert_eq!(brief("data segment .rodata"), "data segment .rodata");
    }

    #[test]
    fn measures_are_printed_with_units() {
        assert_eq!(format_measure("latency_p95_ms", 1.23456), "1.23 ms");
        assert_eq!(
            format_measure("memory_after_start_bytes", 2_345_678.0),
            "2345.68 KB"
        );
        assert_eq!(format_measure("runs", 15.0), "15");
        assert_eq!(format_measure("ten_instances_ratio", 1.5), "1.50");
        assert_eq!(format_measure("layout_shift_snippet_360", 0.0042), "0.004");
        assert_eq!(format_measure("calls_per_input", 150.0), "150");
    }

    #[test]
    fn nested_browser_results_flatten_to_dotted_keys() {
        let value =
            serde_json::from_str::<Value>(r#"{"a": 1, "b": {"c": 2, "d": {"e": "x"}}}"#).unwrap();
        let mut out = Vec::new();
        flatten("", &value, &mut out);
        let keys: Vec<_> = out.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b.c", "b.d.e"]);
    }
}
