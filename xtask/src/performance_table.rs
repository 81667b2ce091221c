//! The README's performance table, written from target/bench.json so its figures cannot
//! go stale: a full `cargo xtask bench` rewrites it between two markers in README.md.
//!
//! [`ROWS`] says which figures the table has and their targets. A test holds the README's
//! table to them (row by row, figure and target: the measured values may be from any
//! run), and every bench run, the smoke run in CI included, fails when bench.json lacks a
//! measurement a row needs, so the table and the bench cannot drift apart either.

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::targets::{
    self, CALLS_PER_INPUT_TARGET, CHURN_GROWTH_TARGET, FIFTY_INSTANCES_RATIO_TARGET,
    FIRMNESS_LARGE_TARGET_MS, FIRMNESS_TARGET_MS, FIRST_FRAME_RATIO_TARGET,
    LATENCY_LARGE_P95_TARGET_MS, LATENCY_P95_TARGET_MS, LAYOUT_SHIFT_TARGET,
    PER_INSTANCE_TARGET_BYTES, POST_LOAD_RATIO_TARGET, SCRIPT_GZIP_TARGET, STARTUP_RATIO_TARGET,
    TEN_INSTANCES_RATIO_TARGET,
};

/// The line before the table in README.md.
pub const START: &str =
    "<!-- performance table: written by `cargo xtask bench` from target/bench.json; rows in xtask/src/performance_table.rs -->";
/// The line after it.
pub const END: &str = "<!-- end of performance table -->";

/// A row's measured cell, and whether its target is met (None: it has no target).
type Measured = Result<(String, Option<bool>)>;

/// One row: what is measured, its target, and how the measured cell is read from
/// bench.json (with whether the target is met, for rows that have one).
pub struct Row {
    pub figure: &'static str,
    /// The target cell; "—" for a figure that is only shown.
    pub target: fn() -> String,
    measure: fn(&Report) -> Measured,
}

pub const ROWS: &[Row] = &[
    Row {
        figure: "`stackweigh.js` raw / gzip -9 (zlib) / brotli",
        target: || format!("≤ {} KB gzip", SCRIPT_GZIP_TARGET / 1000),
        measure: |r| {
            let gzip = r.size("stackweigh_js_gzip_bytes")?;
            let text = format!(
                "{} / {} / {}",
                kb(r.size("stackweigh_js_bytes")?),
                kb(gzip),
                kb(r.size("stackweigh_js_brotli_bytes")?)
            );
            Ok((text, Some(gzip <= SCRIPT_GZIP_TARGET as f64)))
        },
    },
    Row {
        figure: "hosted build (`.js` + `.wasm`) gzip",
        target: none,
        measure: |r| Ok((kb(r.size("hosted_js_wasm_gzip_bytes")?), None)),
    },
    Row {
        figure: "start-up to `stackweigh:ready`, file:// vs the static page",
        target: || ratio_target(STARTUP_RATIO_TARGET),
        measure: |r| r.ratio("startup_ms", "static_ms", STARTUP_RATIO_TARGET),
    },
    Row {
        figure: "first frame with the widget in it, vs the static page",
        target: || ratio_target(FIRST_FRAME_RATIO_TARGET),
        measure: |r| r.ratio("shown_ms", "static_ms", FIRST_FRAME_RATIO_TARGET),
    },
    Row {
        figure: "layout shift of a post with the share panel's script snippet one paragraph in, at 360 / 1,024 px (worst run)",
        target: || format!("≤ {LAYOUT_SHIFT_TARGET}"),
        measure: |r| r.layout_shift("snippet"),
    },
    Row {
        figure: "the same with the README's plain snippet",
        target: || format!("≤ {LAYOUT_SHIFT_TARGET}"),
        measure: |r| r.layout_shift("plain"),
    },
    Row {
        figure: "a long post's main-thread time while it loads, the widget three screens down vs an empty external script",
        target: || ratio_target(POST_LOAD_RATIO_TARGET),
        measure: |r| {
            r.ratio(
                "post_load_ms",
                "post_empty_script_load_ms",
                POST_LOAD_RATIO_TARGET,
            )
        },
    },
    Row {
        figure: "the same post with an empty external script and no widget, vs no script",
        target: diagnostic,
        measure: |r| {
            let (text, _) = r.ratio("post_empty_script_load_ms", "post_plain_load_ms", 0.0)?;
            Ok((text, None))
        },
    },
    Row {
        figure: "how firm the answer is, worked out natively (median), built-in / 8 × 40",
        target: || format!("≤ {FIRMNESS_TARGET_MS} / ≤ {FIRMNESS_LARGE_TARGET_MS} ms"),
        measure: |r| {
            let (builtin, large) = (r.native("firmness_ms")?, r.native("firmness_large_ms")?);
            let text = format!("{builtin:.2} / {large:.2} ms");
            Ok((
                text,
                Some(builtin <= FIRMNESS_TARGET_MS && large <= FIRMNESS_LARGE_TARGET_MS),
            ))
        },
    },
    Row {
        figure: "slider input → DOM updated, from ready, p50 / p95 (one page's own p95)",
        target: || format!("p95 ≤ {LATENCY_P95_TARGET_MS} ms"),
        measure: |r| r.latency("latency", LATENCY_P95_TARGET_MS),
    },
    Row {
        figure: "the same at 8 options × 40 criteria",
        target: || format!("p95 ≤ {LATENCY_LARGE_P95_TARGET_MS} ms"),
        measure: |r| r.latency("latency_large", LATENCY_LARGE_P95_TARGET_MS),
    },
    Row {
        figure: "of those, the inputs right after a frame, p50 / p95; 8 × 40",
        target: diagnostic,
        measure: |r| r.latency_pair("after_frame"),
    },
    Row {
        figure: "inputs from 2 s after ready, p50 / p95; 8 × 40",
        target: diagnostic,
        measure: |r| r.latency_pair("settled"),
    },
    Row {
        figure: "the next inputs on the same pages, p50 / p95; 8 × 40",
        target: diagnostic,
        measure: |r| r.latency_pair("warm"),
    },
    Row {
        figure: "calls from the wasm into JavaScript per input, built-in / 8 × 40",
        target: || format!("≤ {CALLS_PER_INPUT_TARGET} built-in"),
        measure: |r| {
            let calls = r.browser("calls_per_input")?;
            let text = format!(
                "{calls:.0} / {:.0}",
                r.browser("calls_large_per_input")?
            );
            Ok((text, Some(calls <= CALLS_PER_INPUT_TARGET)))
        },
    },
    Row {
        figure: "10 instances vs 1, until all ready",
        target: || ratio_target(TEN_INSTANCES_RATIO_TARGET),
        measure: |r| {
            r.ratio(
                "ten_instances_ms",
                "one_instance_ms",
                TEN_INSTANCES_RATIO_TARGET,
            )
        },
    },
    Row {
        figure: "50 instances vs 1, until all ready",
        target: || ratio_target(FIFTY_INSTANCES_RATIO_TARGET),
        measure: |r| {
            r.ratio(
                "fifty_instances_ms",
                "one_instance_ms",
                FIFTY_INSTANCES_RATIO_TARGET,
            )
        },
    },
    Row {
        figure: "wasm memory, after start → after the inputs",
        target: || "no growth".to_string(),
        measure: |r| {
            let text = format!(
                "{} → {}",
                kb(r.browser("memory_after_start_bytes")?),
                kb(r.browser("memory_after_inputs_bytes")?)
            );
            Ok((text, Some(r.met("memory_growth_bytes")?)))
        },
    },
    Row {
        figure: "memory per instance, of 50 on a page: JS heap / Blink's heap (DOM, styles, layout) / wasm",
        target: || format!("≤ {} KB", PER_INSTANCE_TARGET_BYTES / 1000.0),
        measure: |r| {
            let part = |name: &str| r.browser(&format!("per_instance_{name}_bytes"));
            let (js, dom, wasm) = (part("js_heap")?, part("dom_heap")?, part("wasm")?);
            let text = format!(
                "{:.0} / {:.0} / {:.0} KB: {}",
                js / 1000.0,
                dom / 1000.0,
                wasm / 1000.0,
                kb(js + dom + wasm)
            );
            Ok((text, Some(r.met("per_instance_bytes")?)))
        },
    },
    Row {
        figure: "after all mounts and removals vs after the first 50: JS heap / wasm memory / DOM nodes / event listeners",
        target: || format!("≤ +{:.0}% each", CHURN_GROWTH_TARGET * 100.0),
        measure: |r| {
            let keys = [
                "churn_js_heap_growth",
                "churn_wasm_growth",
                "churn_dom_nodes_growth",
                "churn_listeners_growth",
            ];
            let mut shown = Vec::new();
            let mut met = true;
            for key in keys {
                shown.push(growth(r.ratio_value(key)?));
                met &= r.met(key)?;
            }
            let cycles = r.browser("churn_cycles")?;
            Ok((format!("{} ({cycles:.0} mounts)", shown.join(" / ")), Some(met)))
        },
    },
];

fn none() -> String {
    "—".to_string()
}

fn diagnostic() -> String {
    "(diagnostic)".to_string()
}

fn ratio_target(target: f64) -> String {
    format!("≤ {target}×")
}

/// Sizes in the README's units: 1 KB = 1000 bytes, one decimal.
fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1000.0)
}

fn ms(value: f64) -> String {
    if value >= 10.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

fn growth(fraction: f64) -> String {
    if fraction == 0.0 {
        "0".to_string()
    } else {
        format!("{:+.1}%", fraction * 100.0)
    }
}

/// target/bench.json, with each read naming what is missing.
pub struct Report<'a> {
    json: &'a Value,
    ratios: Vec<targets::Ratio>,
}

impl<'a> Report<'a> {
    pub fn new(json: &'a Value) -> Report<'a> {
        Report {
            json,
            ratios: targets::ratios(&json["browser"]),
        }
    }

    fn number(&self, section: &str, key: &str) -> Result<f64> {
        self.json[section][key].as_f64().with_context(|| {
            format!(
                "target/bench.json has no `{section}.{key}`, which the README's performance \
                 table shows: the bench no longer measures it, or the row in \
                 xtask/src/performance_table.rs names it wrongly"
            )
        })
    }

    fn size(&self, key: &str) -> Result<f64> {
        self.number("sizes", key)
    }

    fn browser(&self, key: &str) -> Result<f64> {
        self.number("browser", key)
    }

    fn native(&self, key: &str) -> Result<f64> {
        self.number("native", key)
    }

    fn ratio_value(&self, key: &str) -> Result<f64> {
        Ok(self.ratio_of(key)?.value)
    }

    fn met(&self, key: &str) -> Result<bool> {
        Ok(self.ratio_of(key)?.ok)
    }

    fn ratio_of(&self, key: &str) -> Result<&targets::Ratio> {
        self.ratios
            .iter()
            .find(|ratio| ratio.key == key)
            .with_context(|| {
                format!(
                    "the bench could not work out `{key}` from target/bench.json's browser \
                     figures, which the README's performance table shows"
                )
            })
    }

    /// "66 vs 53 ms: 1.25×", and whether that is within `target`.
    fn ratio(&self, measured: &str, baseline: &str, target: f64) -> Measured {
        let (value, base) = (self.browser(measured)?, self.browser(baseline)?);
        if base <= 0.0 {
            bail!("target/bench.json's `browser.{baseline}` is {base}: nothing to compare with");
        }
        let ratio = value / base;
        let text = format!("{} vs {} ms: {ratio:.2}×", ms(value), ms(base));
        Ok((text, Some(ratio <= target)))
    }

    /// "0.000 / 0.004": the worst layout shift of the post with `snippet` at 360 and 1,024 px.
    fn layout_shift(&self, snippet: &str) -> Measured {
        let at = |width: u32| self.browser(&format!("layout_shift_{snippet}_{width}"));
        let (narrow, wide) = (at(360)?, at(1024)?);
        let text = format!("{narrow:.3} / {wide:.3}");
        Ok((text, Some(narrow.max(wide) <= LAYOUT_SHIFT_TARGET)))
    }

    /// "0.4 / 1.0 ms (0.8–2.1)": p50 and p95 over every page, and the range of one page's.
    fn latency(&self, prefix: &str, target: f64) -> Measured {
        let at = |key: &str| self.browser(&format!("{prefix}_{key}_ms"));
        let p95 = at("p95")?;
        let text = format!(
            "{} / {} ms ({}–{})",
            ms(at("p50")?),
            ms(p95),
            ms(at("page_p95_min")?),
            ms(at("page_p95_max")?)
        );
        Ok((text, Some(p95 <= target)))
    }

    /// "0.8 / 2.0 ms; 1.3 / 3.3 ms": one kind of input, with the built-in data and at 8 × 40.
    fn latency_pair(&self, kind: &str) -> Measured {
        let pair = |prefix: &str| -> Result<String> {
            let at = |p: &str| self.browser(&format!("{prefix}_{kind}_{p}_ms"));
            Ok(format!("{} / {} ms", ms(at("p50")?), ms(at("p95")?)))
        };
        Ok((
            format!("{}; {}", pair("latency")?, pair("latency_large")?),
            None,
        ))
    }
}

/// The table (with its header and a line saying where the figures come from), for
/// target/bench.json's `report`.
pub fn render(report: &Value) -> Result<String> {
    let r = Report::new(report);
    let mut out = String::from("| figure | measured | target | met |\n| --- | --- | --- | --- |\n");
    for row in ROWS {
        let (measured, met) = (row.measure)(&r)?;
        let met = match met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "",
        };
        out += &format!(
            "| {} | {measured} | {} | {met} |\n",
            row.figure,
            (row.target)()
        );
    }
    let browser = &report["browser"];
    out += &format!(
        "\nFrom one {} `cargo xtask bench` in headless Chromium {}: {} runs per start-up \
         timing, {} pages of inputs per latency figure.\n",
        if report["smoke"].as_bool() == Some(true) {
            "smoke run of"
        } else {
            "run of"
        },
        browser["chromium"].as_str().unwrap_or("(version unknown)"),
        r.browser("runs")?,
        r.browser("latency_pages")?,
    );
    Ok(out)
}

/// `readme` with the text between the markers replaced by `table`.
pub fn splice(readme: &str, table: &str) -> Result<String> {
    let (before, rest) = readme.split_once(START).with_context(|| {
        format!("README.md has no performance table marker: put back the line\n{START}")
    })?;
    let (_, after) = rest.split_once(END).with_context(|| {
        format!("README.md's performance table has no end marker: put back the line\n{END}")
    })?;
    Ok(format!("{before}{START}\n{table}{END}{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (figure, target) of each row of the table in `readme`, between the markers.
    pub fn rows_in(readme: &str) -> Result<Vec<(String, String)>> {
        let (_, rest) = readme
            .split_once(START)
            .context("README.md has no performance table marker")?;
        let (table, _) = rest
            .split_once(END)
            .context("README.md's performance table has no end marker")?;
        let mut rows = Vec::new();
        for line in table.lines().filter(|line| line.starts_with('|')).skip(2) {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            match cells.as_slice() {
                [figure, _, target, _] => rows.push((figure.to_string(), target.to_string())),
                _ => bail!(
                    "README.md's performance table has a row of {} cells: {line}",
                    cells.len()
                ),
            }
        }
        Ok(rows)
    }

    fn expected() -> Vec<(String, String)> {
        ROWS.iter()
            .map(|row| (row.figure.to_string(), (row.target)()))
            .collect()
    }

    /// A bench.json with every figure the rows read.
    fn sample() -> Value {
        let browser: serde_json::Map<String, Value> = [
            ("runs", 15.0),
            ("latency_pages", 5.0),
            ("startup_ms", 70.0),
            ("static_ms", 50.0),
            ("shown_ms", 80.0),
            ("post_load_ms", 64.0),
            ("post_plain_load_ms", 63.0),
            ("post_empty_script_load_ms", 63.5),
            ("calls_per_input", 213.0),
            ("layout_shift_snippet_360", 0.0),
            ("layout_shift_snippet_1024", 0.004),
            ("layout_shift_plain_360", 0.0),
            ("layout_shift_plain_1024", 0.0),
            ("calls_large_per_input", 568.0),
            ("one_instance_ms", 80.0),
            ("ten_instances_ms", 120.0),
            ("fifty_instances_ms", 250.0),
            ("memory_after_start_bytes", 1_245_184.0),
            ("memory_after_inputs_bytes", 1_245_184.0),
            ("per_instance_js_heap_bytes", 23_000.0),
            ("per_instance_dom_heap_bytes", 491_000.0),
            ("per_instance_wasm_bytes", 93_000.0),
            ("churn_cycles", 1000.0),
            ("churn_js_heap_after_50_bytes", 1_000_000.0),
            ("churn_js_heap_after_all_bytes", 1_032_000.0),
            ("churn_wasm_after_50_bytes", 1_245_184.0),
            ("churn_wasm_after_all_bytes", 1_245_184.0),
            ("churn_dom_nodes_after_50", 42.0),
            ("churn_dom_nodes_after_all", 42.0),
            ("churn_listeners_after_50", 6.0),
            ("churn_listeners_after_all", 6.0),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::from(v)))
        .chain(["latency", "latency_large"].into_iter().flat_map(|prefix| {
            [
                "p50",
                "p95",
                "page_p95_min",
                "page_p95_max",
                "after_frame_p50",
                "after_frame_p95",
                "settled_p50",
                "settled_p95",
                "warm_p50",
                "warm_p95",
            ]
            .map(|key| (format!("{prefix}_{key}_ms"), Value::from(1.5)))
        }))
        .collect();
        serde_json::json!({
            "smoke": false,
            "sizes": {
                "stackweigh_js_bytes": 213_568,
                "stackweigh_js_gzip_bytes": 141_200,
                "stackweigh_js_brotli_bytes": 136_000,
                "hosted_js_wasm_gzip_bytes": 171_600,
            },
            "browser": Value::Object(browser),
            "native": { "firmness_ms": 0.06, "firmness_large_ms": 0.4 },
        })
    }

    #[test]
    fn the_readme_has_the_rows_and_targets_the_bench_writes() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        assert_eq!(
            rows_in(&readme).unwrap(),
            expected(),
            "the README's performance table is not the one the bench writes: run \
             `cargo xtask bench` to rewrite it"
        );
    }

    #[test]
    fn a_rendered_table_has_every_row_with_its_target_and_status() {
        let table = render(&sample()).unwrap();
        let readme = format!("intro\n{START}\n{table}{END}\nafter\n");
        assert_eq!(rows_in(&readme).unwrap(), expected());
        assert!(table.contains(
            "| start-up to `stackweigh:ready`, file:// vs the static page | 70 vs 50 ms: 1.40× | ≤ 1.5× | yes |"
        ), "{table}");
        assert!(
            table.contains("| 213.6 KB / 141.2 KB / 136.0 KB | ≤ 155 KB gzip | yes |"),
            "{table}"
        );
        assert!(
            table.contains("| +3.2% / 0 / 0 / 0 (1000 mounts) | ≤ +5% each | yes |"),
            "{table}"
        );
        assert!(
            table.contains("| 23 / 491 / 93 KB: 607.0 KB | ≤ 1000 KB | yes |"),
            "{table}"
        );
        assert!(
            table.contains("| 213 / 568 | ≤ 150 built-in | **no** |"),
            "{table}"
        );
        assert!(
            table.contains("| 0.000 / 0.004 | ≤ 0.02 | yes |"),
            "{table}"
        );
        assert!(
            table.contains("Chromium (version unknown): 15 runs"),
            "{table}"
        );
    }

    #[test]
    fn a_missing_measurement_is_an_error_that_names_it() {
        let mut report = sample();
        report["browser"]
            .as_object_mut()
            .unwrap()
            .remove("post_plain_load_ms");
        let error = format!("{:#}", render(&report).unwrap_err());
        assert!(error.contains("`browser.post_plain_load_ms`"), "{error}");
        let mut report = sample();
        report["browser"]["per_instance_wasm_bytes"] = Value::Null;
        assert!(
            render(&report).is_err(),
            "a null is as missing as an absent key"
        );
    }

    #[test]
    fn splicing_replaces_only_the_table() {
        let readme = format!("# T\n\n{START}\nold\n{END}\n\n## Next\n");
        let spliced = splice(&readme, "| new |\n").unwrap();
        assert_eq!(
            spliced,
            format!("# T\n\n{START}\n| new |\n{END}\n\n## Next\n")
        );
        assert_eq!(
            splice(&spliced, "| new |\n").unwrap(),
            spliced,
            "idempotent"
        );
        assert!(splice("# T\n", "x").is_err());
        assert!(splice(&format!("{START}\nno end\n"), "x").is_err());
    }
}
