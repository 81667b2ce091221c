//! The README's performance table, written from target/bench.json so its figures cannot
//! go stale: a full `cargo xtask bench` rewrites it between two markers in README.md.
//!
//! [`ROWS`] says which figures the table has, how each is shown, and which of the bench's
//! targets (targets.rs, the one table of them) it is held to: the limits in the target
//! cells and the "met" column both come from there. A test holds the README's table to
//! the rows (row by row, figure and target: the measured values may be from any run), and
//! every bench run, the smoke run in CI included, fails when bench.json lacks a
//! measurement a row needs, so the table and the bench cannot drift apart either.
//!
//! report.rs reads bench.json for the rows and writes the table; tests.rs checks it.

mod report;
#[cfg(test)]
mod tests;

use crate::targets::limit;
use report::Report;

pub use report::{render, splice};

/// The line before the table in README.md.
pub const START: &str =
    "<!-- performance table: written by `cargo xtask bench` from target/bench.json; rows in xtask/src/performance_table.rs -->";
/// The line after it.
pub const END: &str = "<!-- end of performance table -->";

/// One row: what is measured, its target, how the measured cell is read from bench.json,
/// and the targets whose being met the last cell says.
pub struct Row {
    pub figure: &'static str,
    /// The target cell; "—" for a figure that is only shown.
    pub target: fn() -> String,
    /// Keys of targets.rs's targets, all of which must be met; none for a figure that is
    /// only shown.
    held_to: &'static [&'static str],
    measure: fn(&Report) -> anyhow::Result<String>,
}

pub const ROWS: &[Row] = &[
    Row {
        figure: "`stackweigh.js` raw / gzip -9 (zlib) / brotli",
        target: || format!("≤ {} KB gzip", limit("stackweigh_js_gzip_bytes") / 1000.0),
        held_to: &["stackweigh_js_gzip_bytes"],
        measure: |r| {
            Ok(format!(
                "{} / {} / {}",
                kb(r.size("stackweigh_js_bytes")?),
                kb(r.size("stackweigh_js_gzip_bytes")?),
                kb(r.size("stackweigh_js_brotli_bytes")?)
            ))
        },
    },
    Row {
        figure: "hosted build (`.js` + `.wasm`) gzip",
        target: none,
        held_to: &[],
        measure: |r| Ok(kb(r.size("hosted_js_wasm_gzip_bytes")?)),
    },
    Row {
        figure: "start-up to `stackweigh:ready`, file:// vs the static page",
        target: || ratio_target("startup_vs_static"),
        held_to: &["startup_vs_static"],
        measure: |r| r.compared("startup_vs_static"),
    },
    Row {
        figure: "first frame with the widget in it, vs the static page",
        target: || ratio_target("shown_vs_static"),
        held_to: &["shown_vs_static"],
        measure: |r| r.compared("shown_vs_static"),
    },
    Row {
        figure: "layout shift of a post with the share panel's script snippet one paragraph in, at 360 / 1,024 px (worst run)",
        target: || format!("≤ {}", limit("layout_shift_")),
        held_to: &["layout_shift_snippet_360", "layout_shift_snippet_1024"],
        measure: |r| r.layout_shift("snippet"),
    },
    Row {
        figure: "the same with the README's plain snippet",
        target: || format!("≤ {}", limit("layout_shift_")),
        held_to: &["layout_shift_plain_360", "layout_shift_plain_1024"],
        measure: |r| r.layout_shift("plain"),
    },
    Row {
        figure: "a long post's main-thread time while it loads, the widget three screens down vs an empty external script",
        target: || ratio_target("post_load_vs_empty_script"),
        held_to: &["post_load_vs_empty_script"],
        measure: |r| r.compared("post_load_vs_empty_script"),
    },
    Row {
        figure: "the same post with an empty external script and no widget, vs no script",
        target: diagnostic,
        held_to: &[],
        measure: |r| r.ratio("post_empty_script_load_ms", "post_plain_load_ms"),
    },
    Row {
        figure: "how firm the answer is, worked out natively (median), built-in / 8 × 40",
        target: || {
            let (builtin, large) = (limit("firmness_ms"), limit("firmness_large_ms"));
            format!("≤ {builtin} / ≤ {large} ms")
        },
        held_to: &["firmness_ms", "firmness_large_ms"],
        measure: |r| {
            let (builtin, large) = (r.native("firmness_ms")?, r.native("firmness_large_ms")?);
            Ok(format!("{builtin:.2} / {large:.2} ms"))
        },
    },
    Row {
        figure: "slider input → DOM updated, from ready, p50 / p95 (one page's own p95)",
        target: || format!("p95 ≤ {} ms", limit("latency_p95_ms")),
        held_to: &["latency_p95_ms"],
        measure: |r| r.latency("latency"),
    },
    Row {
        figure: "the same at 8 options × 40 criteria",
        target: || format!("p95 ≤ {} ms", limit("latency_large_p95_ms")),
        held_to: &["latency_large_p95_ms"],
        measure: |r| r.latency("latency_large"),
    },
    Row {
        figure: "of those, the inputs right after a frame, p50 / p95; 8 × 40",
        target: diagnostic,
        held_to: &[],
        measure: |r| r.latency_pair("after_frame"),
    },
    Row {
        figure: "inputs from 2 s after ready, p50 / p95; 8 × 40",
        target: diagnostic,
        held_to: &[],
        measure: |r| r.latency_pair("settled"),
    },
    Row {
        figure: "the next inputs on the same pages, p50 / p95; 8 × 40",
        target: diagnostic,
        held_to: &[],
        measure: |r| r.latency_pair("warm"),
    },
    Row {
        figure: "calls from the wasm into JavaScript per input, built-in / 8 × 40",
        target: || format!("≤ {} built-in", limit("calls_per_input")),
        held_to: &["calls_per_input"],
        measure: |r| {
            let (calls, large) = (r.browser("calls_per_input")?, r.browser("calls_large_per_input")?);
            Ok(format!("{calls:.0} / {large:.0}"))
        },
    },
    Row {
        figure: "10 instances vs 1, until all ready",
        target: || ratio_target("ten_vs_one_instance"),
        held_to: &["ten_vs_one_instance"],
        measure: |r| r.compared("ten_vs_one_instance"),
    },
    Row {
        figure: "50 instances vs 1, until all ready",
        target: || ratio_target("fifty_vs_one_instance"),
        held_to: &["fifty_vs_one_instance"],
        measure: |r| r.compared("fifty_vs_one_instance"),
    },
    Row {
        figure: "wasm memory, after start → after the inputs",
        target: || "no growth".to_string(),
        held_to: &["memory_growth_bytes"],
        measure: |r| {
            Ok(format!(
                "{} → {}",
                kb(r.browser("memory_after_start_bytes")?),
                kb(r.browser("memory_after_inputs_bytes")?)
            ))
        },
    },
    Row {
        figure: "memory per instance, of 50 on a page: JS heap / Blink's heap (DOM, styles, layout) / wasm",
        target: || format!("≤ {} KB", limit("per_instance_bytes") / 1000.0),
        held_to: &["per_instance_bytes"],
        measure: |r| {
            let part = |name: &str| r.browser(&format!("per_instance_{name}_bytes"));
            let (js, dom, wasm) = (part("js_heap")?, part("dom_heap")?, part("wasm")?);
            Ok(format!(
                "{:.0} / {:.0} / {:.0} KB: {}",
                js / 1000.0,
                dom / 1000.0,
                wasm / 1000.0,
                kb(js + dom + wasm)
            ))
        },
    },
    Row {
        figure: "after all mounts and removals vs after the first 50: JS heap / wasm memory / DOM nodes / event listeners",
        target: || format!("≤ +{:.0}% each", limit("churn_js_heap_growth") * 100.0),
        held_to: CHURN,
        measure: |r| {
            let shown = CHURN
                .iter()
                .map(|key| Ok(growth(r.ratio_value(key)?)))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let cycles = r.browser("churn_cycles")?;
            Ok(format!("{} ({cycles:.0} mounts)", shown.join(" / ")))
        },
    },
];

/// The churn targets, in the order the row shows them.
const CHURN: &[&str] = &[
    "churn_js_heap_growth",
    "churn_wasm_growth",
    "churn_dom_nodes_growth",
    "churn_listeners_growth",
];

fn none() -> String {
    "—".to_string()
}

fn diagnostic() -> String {
    "(diagnostic)".to_string()
}

fn ratio_target(key: &str) -> String {
    format!("≤ {}×", limit(key))
}

/// Sizes in the README's units: 1 KB = 1000 bytes, one decimal.
fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1000.0)
}

fn growth(fraction: f64) -> String {
    if fraction == 0.0 {
        "0".to_string()
    } else {
        format!("{:+.1}%", fraction * 100.0)
    }
}
