//! The README's performance table held to [`ROWS`], and the table rendered from a
//! bench.json with every figure the rows read.

use anyhow::{bail, Context, Result};
use serde_json::Value;

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
