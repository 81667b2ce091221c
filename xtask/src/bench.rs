//! `cargo xtask bench [--smoke]`: sizes (computed here), the wasm's largest contributors,
//! and the browser timings from tests/e2e/bench.mjs, merged into target/bench.json and
//! printed beside the targets. A timing over its target is reported, never fatal: timings
//! on a shared 2-core machine are too noisy to gate on. Errors (a script that crashes,
//! prints no JSON) do fail.

use anyhow::{anyhow, Context, Result};
use serde_json::{json, Map, Value};

use crate::dist::{self, Outputs};
use crate::node::node_with_browser_env;
use crate::util::{self, capture, kb, say};
use crate::wasm::{contents, Contents};

/// stackweigh.js after gzip -9, in bytes (1 KB = 1000 bytes).
const SCRIPT_GZIP_TARGET: usize = 140_000;
const STARTUP_RATIO_TARGET: f64 = 1.5;
const LATENCY_P95_TARGET_MS: f64 = 2.0;
const LATENCY_LARGE_P95_TARGET_MS: f64 = 6.0;
const TEN_INSTANCES_RATIO_TARGET: f64 = 3.0;
const FIFTY_INSTANCES_RATIO_TARGET: f64 = 10.0;
/// Main-thread time while a long post loads, with the widget three screens down, against
/// the same post without it.
const POST_LOAD_RATIO_TARGET: f64 = 1.1;
/// JS heap, Blink's heap (the DOM, its styles and layout) and wasm memory, for each of 50
/// instances on one page.
const PER_INSTANCE_TARGET_BYTES: f64 = 1_000_000.0;
/// Mount/unmount cycles on one page, as a single-page site's navigations make them. The
/// smoke run (CI) makes fewer: enough for an element, a listener or a few hundred bytes
/// left behind by each instance to show, in a fraction of the time.
const CHURN_CYCLES: u32 = 1000;
const SMOKE_CHURN_CYCLES: u32 = 250;
/// What the page holds after all the cycles against after the first 50 (by then warm):
/// more growth than this is what freed instances left behind.
const CHURN_GROWTH_TARGET: f64 = 0.05;
/// How many of the wasm's largest contributors the bench lists.
const LARGEST_SHOWN: usize = 10;
/// Heap measurements move with the garbage collector's mood; more than this fraction of
/// the start-up heap counts as growth.
const MEMORY_NOISE: f64 = 0.10;

pub fn bench(smoke: bool) -> Result<()> {
    let out = dist::dist()?;
    say!("measuring sizes…");
    let sizes = measure_sizes(&out)?;
    let contents = contents(&util::read(&out.optimised_named_wasm)?)?;
    let runs = if smoke { 3 } else { 15 };
    let churn_cycles = if smoke {
        SMOKE_CHURN_CYCLES
    } else {
        CHURN_CYCLES
    };
    let browser = browser_bench(runs, churn_cycles)?;

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
    });
    let path = util::target_dir().join("bench.json");
    let text = serde_json::to_string_pretty(&report).context("writing target/bench.json")?;
    util::write(&path, text + "\n")?;

    print_report(&sizes, &contents, &report["browser"]);
    if smoke {
        say!(
            "a smoke run: {runs} runs per start-up timing and {SMOKE_CHURN_CYCLES} mount/unmount \
             cycles, not the {CHURN_CYCLES} of a full run (`cargo xtask bench`)"
        );
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
    let script = util::required("tests/e2e/bench.mjs")?;
    say!("timing the widget in headless Chromium ({runs} runs)…");
    let stdout = capture(
        node_with_browser_env()
            .arg(&script)
            .env("STACKWEIGH_BENCH_RUNS", runs.to_string())
            .env("STACKWEIGH_BENCH_CHURN_CYCLES", churn_cycles.to_string()),
    )?;
    parse_bench_output(&stdout)
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
            anyhow!("tests/e2e/bench.mjs printed no JSON object on stdout; it printed:\n{shown}")
        })
}

pub struct Ratio {
    pub key: &'static str,
    pub label: String,
    pub value: f64,
    pub target: String,
    pub ok: bool,
}

/// The targets that compare two measurements, for whichever pairs the bench produced.
pub fn ratios(browser: &Value) -> Vec<Ratio> {
    let mut out = Vec::new();
    let num = |key: &str| browser.get(key).and_then(Value::as_f64);
    let pair = |a: &str, b: &str| Some((num(a)?, num(b)?));
    let targets = [
        (
            "startup_ms",
            "static_ms",
            "startup_vs_static",
            "start-up vs static page",
            STARTUP_RATIO_TARGET,
        ),
        (
            "shown_ms",
            "static_ms",
            "shown_vs_static",
            "widget on screen vs static page",
            STARTUP_RATIO_TARGET,
        ),
        (
            "ten_instances_ms",
            "one_instance_ms",
            "ten_vs_one_instance",
            "10 instances vs 1",
            TEN_INSTANCES_RATIO_TARGET,
        ),
        (
            "fifty_instances_ms",
            "one_instance_ms",
            "fifty_vs_one_instance",
            "50 instances vs 1",
            FIFTY_INSTANCES_RATIO_TARGET,
        ),
        (
            "post_load_ms",
            "post_plain_load_ms",
            "post_load_vs_plain",
            "long post's load, widget 3 screens down vs none (main thread)",
            POST_LOAD_RATIO_TARGET,
        ),
    ];
    for (measured, baseline, key, label, target) in targets {
        if let Some((value, base)) = pair(measured, baseline).filter(|(_, base)| *base > 0.0) {
            let value = value / base;
            out.push(Ratio {
                key,
                label: label.to_string(),
                value,
                target: format!("≤ {target:.2}×"),
                ok: value <= target,
            });
        }
    }
    if let Some((start, after)) = pair("memory_after_start_bytes", "memory_after_inputs_bytes") {
        let growth = after - start;
        out.push(Ratio {
            key: "memory_growth_bytes",
            label: "memory growth after inputs".to_string(),
            value: growth,
            target: format!("none (noise ≤ {:.0}%)", MEMORY_NOISE * 100.0),
            ok: growth <= start.abs() * MEMORY_NOISE,
        });
    }
    let per_instance = ["js_heap_bytes", "dom_heap_bytes", "wasm_bytes"]
        .iter()
        .map(|part| num(&format!("per_instance_{part}")))
        .sum::<Option<f64>>();
    if let Some(bytes) = per_instance {
        out.push(Ratio {
            key: "per_instance_bytes",
            label: "memory per instance, of 50".to_string(),
            value: bytes,
            target: format!("≤ {}", kb(PER_INSTANCE_TARGET_BYTES as usize)),
            ok: bytes <= PER_INSTANCE_TARGET_BYTES,
        });
    }
    let cycles = num("churn_cycles").unwrap_or_default();
    let churned = [
        ("churn_js_heap", "_bytes", "churn_js_heap_growth", "JS heap"),
        ("churn_wasm", "_bytes", "churn_wasm_growth", "wasm memory"),
        ("churn_dom_nodes", "", "churn_dom_nodes_growth", "DOM nodes"),
        (
            "churn_listeners",
            "",
            "churn_listeners_growth",
            "event listeners",
        ),
    ];
    for (prefix, unit, key, what) in churned {
        let after = |when: &str| num(&format!("{prefix}_after_{when}{unit}"));
        if let (Some(first), Some(all)) = (after("50"), after("all")) {
            let value = if first > 0.0 { all / first - 1.0 } else { 0.0 };
            out.push(Ratio {
                key,
                label: format!("{what}, 50 → {cycles:.0} mounts"),
                value,
                target: format!("≤ +{:.0}%", CHURN_GROWTH_TARGET * 100.0),
                ok: all <= first * (1.0 + CHURN_GROWTH_TARGET),
            });
        }
    }
    out
}

/// Targets on single measurements from the browser bench.
fn browser_target(key: &str) -> Option<f64> {
    match key {
        "latency_p95_ms" => Some(LATENCY_P95_TARGET_MS),
        "latency_large_p95_ms" => Some(LATENCY_LARGE_P95_TARGET_MS),
        _ => None,
    }
}

/// A measurement with its unit, read from the key's suffix.
pub fn format_measure(key: &str, value: f64) -> String {
    if key.ends_with("_bytes") {
        kb(value.max(0.0) as usize)
    } else if key.ends_with("_ms") {
        format!("{value:.2} ms")
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
        if *key == "stackweigh_js_gzip_bytes" {
            row(
                &label,
                &kb(*bytes),
                &format!("≤ {}", kb(SCRIPT_GZIP_TARGET)),
                status(*bytes <= SCRIPT_GZIP_TARGET),
            );
        } else {
            row(&label, &kb(*bytes), "", "");
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
            Some(n) => match browser_target(key) {
                Some(target) => row(
                    key,
                    &format_measure(key, n),
                    &format!("≤ {target:.2} ms"),
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
    fn ratios_appear_only_when_both_parts_exist() {
        let browser = serde_json::from_str::<Value>(
            r#"{"startup_ms": 30, "static_ms": 20, "ten_instances_ms": 40,
                "memory_after_start_bytes": 1000000, "memory_after_inputs_bytes": 1050000}"#,
        )
        .unwrap();
        let found = ratios(&browser);
        let keys: Vec<_> = found.iter().map(|r| r.key).collect();
        assert_eq!(keys, ["startup_vs_static", "memory_growth_bytes"]);
        assert!((found[0].value - 1.5).abs() < 1e-9);
        assert!(found[0].ok, "exactly on the target passes");
        assert_eq!(found[1].value, 50_000.0);
        assert!(found[1].ok, "5% is noise");

        let grown = serde_json::from_str::<Value>(
            r#"{"memory_after_start_bytes": 1000, "memory_after_inputs_bytes": 2000}"#,
        )
        .unwrap();
        assert!(!ratios(&grown)[0].ok);
        assert!(ratios(
            &serde_json::from_str::<Value>(r#"{"startup_ms": 1, "static_ms": 0}"#).unwrap()
        )
        .is_empty());
    }

    #[test]
    fn churn_growth_is_measured_from_the_first_fifty_mounts() {
        let browser = serde_json::from_str::<Value>(
            r#"{"churn_cycles": 1000,
                "churn_js_heap_after_50_bytes": 1000000, "churn_js_heap_after_all_bytes": 1050000,
                "churn_wasm_after_50_bytes": 1245184, "churn_wasm_after_all_bytes": 3145728,
                "churn_dom_nodes_after_50": 42, "churn_dom_nodes_after_all": 42,
                "per_instance_js_heap_bytes": 20000, "per_instance_dom_heap_bytes": 500000,
                "per_instance_wasm_bytes": 90000}"#,
        )
        .unwrap();
        let found = ratios(&browser);
        let keys: Vec<_> = found.iter().map(|r| r.key).collect();
        assert_eq!(
            keys,
            [
                "per_instance_bytes",
                "churn_js_heap_growth",
                "churn_wasm_growth",
                "churn_dom_nodes_growth"
            ]
        );
        assert_eq!(found[0].value, 610_000.0);
        assert!(found[0].ok);
        assert!((found[1].value - 0.05).abs() < 1e-9);
        assert!(found[1].ok, "exactly on the target passes");
        assert_eq!(found[1].label, "JS heap, 50 → 1000 mounts");
        assert!(!found[2].ok, "the wasm memory more than doubled");
        assert_eq!((found[3].value, found[3].ok), (0.0, true));
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
