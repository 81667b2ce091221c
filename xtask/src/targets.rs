//! The targets (budgets) `cargo xtask bench` holds the widget to, in ONE table,
//! [`TARGETS`], and the figures that compare two measurements with one. The printed
//! report (bench.rs), target/bench.json's `ratios` and the README's performance table
//! (performance_table.rs) all read their limits and their checks from it. They are
//! reported, never fatal: timings on a shared 2-core machine are too noisy to gate on.

use serde_json::Value;

use crate::util::kb;

/// A limit on one figure of target/bench.json.
pub struct Target {
    /// The measurement's key, or for a figure worked out from several, the key
    /// bench.json's `ratios` gives it. A measured key ending in `_` covers every
    /// measurement whose key starts with it.
    pub key: &'static str,
    pub figure: Figure,
    /// The most the figure may be, in its own unit (bytes, ms, a count, a ratio, a
    /// fraction).
    pub limit: f64,
}

/// What a target's figure is.
pub enum Figure {
    /// A measurement, as bench.json's `section` (`sizes`, `browser` or `native`) has it.
    Measured { section: &'static str },
    /// `browser.measured / browser.baseline`.
    Ratio {
        measured: &'static str,
        baseline: &'static str,
        label: &'static str,
    },
    /// `after - start` of the wasm memory; the limit is the fraction of `start` that is
    /// still noise.
    Growth,
    /// The sum of these browser measurements.
    Sum {
        parts: &'static [&'static str],
        label: &'static str,
    },
    /// How much `{prefix}_after_all{unit}` grew on `{prefix}_after_50{unit}`, a fraction.
    Churn {
        prefix: &'static str,
        unit: &'static str,
        what: &'static str,
    },
}

/// What the page holds after all the cycles against after the first 50 (by then warm):
/// more growth than this is what freed instances left behind.
const CHURN_GROWTH: f64 = 0.05;

/// The figures worked out from several measurements come in the order the report prints
/// them and bench.json's `ratios` lists them.
pub const TARGETS: &[Target] = &[
    // stackweigh.js after gzip -9, in bytes (1 KB = 1000 bytes).
    // It carries the prerendered first view and its stylesheet as text since December 2026.
    Target {
        key: "stackweigh_js_gzip_bytes",
        figure: Figure::Measured { section: "sizes" },
        limit: 155_000.0,
    },
    // Navigation → `stackweigh:ready`, against the same page rendered statically.
    Target {
        key: "startup_vs_static",
        figure: Figure::Ratio {
            measured: "startup_ms",
            baseline: "static_ms",
            label: "start-up vs static page",
        },
        limit: 1.5,
    },
    // Navigation → the first frame with the widget in it, against the static page.
    Target {
        key: "shown_vs_static",
        figure: Figure::Ratio {
            measured: "shown_ms",
            baseline: "static_ms",
            label: "widget on screen vs static page",
        },
        limit: 1.1,
    },
    Target {
        key: "ten_vs_one_instance",
        figure: Figure::Ratio {
            measured: "ten_instances_ms",
            baseline: "one_instance_ms",
            label: "10 instances vs 1",
        },
        limit: 3.0,
    },
    Target {
        key: "fifty_vs_one_instance",
        figure: Figure::Ratio {
            measured: "fifty_instances_ms",
            baseline: "one_instance_ms",
            label: "50 instances vs 1",
        },
        limit: 10.0,
    },
    // Main-thread time while a long post loads, with the widget three screens down, against
    // the same post with an empty external script (what any script costs it).
    Target {
        key: "post_load_vs_empty_script",
        figure: Figure::Ratio {
            measured: "post_load_ms",
            baseline: "post_empty_script_load_ms",
            label: "long post's load, widget 3 screens down vs an empty script (main thread)",
        },
        limit: 1.05,
    },
    // Heap measurements move with the garbage collector's mood; more than this fraction of
    // the start-up heap counts as growth.
    Target {
        key: "memory_growth_bytes",
        figure: Figure::Growth,
        limit: 0.10,
    },
    // JS heap, Blink's heap (the DOM, its styles and layout) and wasm memory, for each of 50
    // instances on one page.
    Target {
        key: "per_instance_bytes",
        figure: Figure::Sum {
            parts: &[
                "per_instance_js_heap_bytes",
                "per_instance_dom_heap_bytes",
                "per_instance_wasm_bytes",
            ],
            label: "memory per instance, of 50",
        },
        limit: 1_000_000.0,
    },
    Target {
        key: "churn_js_heap_growth",
        figure: Figure::Churn {
            prefix: "churn_js_heap",
            unit: "_bytes",
            what: "JS heap",
        },
        limit: CHURN_GROWTH,
    },
    Target {
        key: "churn_wasm_growth",
        figure: Figure::Churn {
            prefix: "churn_wasm",
            unit: "_bytes",
            what: "wasm memory",
        },
        limit: CHURN_GROWTH,
    },
    Target {
        key: "churn_dom_nodes_growth",
        figure: Figure::Churn {
            prefix: "churn_dom_nodes",
            unit: "",
            what: "DOM nodes",
        },
        limit: CHURN_GROWTH,
    },
    Target {
        key: "churn_listeners_growth",
        figure: Figure::Churn {
            prefix: "churn_listeners",
            unit: "",
            what: "event listeners",
        },
        limit: CHURN_GROWTH,
    },
    Target {
        key: "latency_p95_ms",
        figure: Figure::Measured { section: "browser" },
        limit: 1.5,
    },
    Target {
        key: "latency_large_p95_ms",
        figure: Figure::Measured { section: "browser" },
        limit: 4.0,
    },
    // Calls from the wasm into JavaScript per slider step, with the built-in dataset: each
    // is a DOM write, a string or a check crossing over, and the count is exact.
    Target {
        key: "calls_per_input",
        figure: Figure::Measured { section: "browser" },
        limit: 150.0,
    },
    // Cumulative layout shift of a post with a pasted snippet one paragraph in (Core Web
    // Vitals call ≤ 0.1 good).
    Target {
        key: "layout_shift_",
        figure: Figure::Measured { section: "browser" },
        limit: 0.02,
    },
    // Working out how firm the answer is (the core's `firmness`), median, natively: for the
    // built-in data, and at 8 options × 40 criteria.
    Target {
        key: "firmness_ms",
        figure: Figure::Measured { section: "native" },
        limit: 0.3,
    },
    Target {
        key: "firmness_large_ms",
        figure: Figure::Measured { section: "native" },
        limit: 2.0,
    },
];

/// The limit of the target `key`. A key missing from [`TARGETS`] is a mistake in the
/// code that asks, which every test run finds.
pub fn limit(key: &str) -> f64 {
    match TARGETS.iter().find(|target| target.key == key) {
        Some(target) => target.limit,
        None => panic!("xtask/src/targets.rs has no target `{key}`"),
    }
}

/// The limit on the measurement `key` of bench.json's `section`, if it has one.
pub fn measured_limit(section: &str, key: &str) -> Option<f64> {
    TARGETS.iter().find_map(|target| match target.figure {
        Figure::Measured { section: s } if s == section => {
            let covers =
                target.key == key || (target.key.ends_with('_') && key.starts_with(target.key));
            covers.then_some(target.limit)
        }
        _ => None,
    })
}

/// The measurements a target compares, `(measured, baseline)`, if `key` is a ratio's.
pub fn compared(key: &str) -> Option<(&'static str, &'static str)> {
    TARGETS.iter().find_map(|target| match target.figure {
        Figure::Ratio {
            measured, baseline, ..
        } if target.key == key => Some((measured, baseline)),
        _ => None,
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
    TARGETS
        .iter()
        .filter_map(|target| target.worked_out(browser))
        .collect()
}

impl Target {
    /// The figure, if it is worked out from several of the browser's measurements and
    /// they are all there.
    fn worked_out(&self, browser: &Value) -> Option<Ratio> {
        let num = |key: &str| browser.get(key).and_then(Value::as_f64);
        let limit = self.limit;
        let (label, value, target, ok) = match self.figure {
            Figure::Measured { .. } => return None,
            Figure::Ratio {
                measured,
                baseline,
                label,
            } => {
                let (value, base) = (num(measured)?, num(baseline)?);
                if base <= 0.0 {
                    return None;
                }
                let value = value / base;
                let target = format!("≤ {limit:.2}×");
                (label.to_string(), value, target, value <= limit)
            }
            Figure::Growth => {
                let start = num("memory_after_start_bytes")?;
                let growth = num("memory_after_inputs_bytes")? - start;
                let target = format!("none (noise ≤ {:.0}%)", limit * 100.0);
                let ok = growth <= start.abs() * limit;
                ("memory growth after inputs".to_string(), growth, target, ok)
            }
            Figure::Sum { parts, label } => {
                let bytes = parts.iter().map(|part| num(part)).sum::<Option<f64>>()?;
                let target = format!("≤ {}", kb(limit as usize));
                (label.to_string(), bytes, target, bytes <= limit)
            }
            Figure::Churn { prefix, unit, what } => {
                let after = |when: &str| num(&format!("{prefix}_after_{when}{unit}"));
                let (first, all) = (after("50")?, after("all")?);
                let value = if first > 0.0 { all / first - 1.0 } else { 0.0 };
                let cycles = num("churn_cycles").unwrap_or_default();
                let label = format!("{what}, 50 → {cycles:.0} mounts");
                let target = format!("≤ +{:.0}%", limit * 100.0);
                (label, value, target, all <= first * (1.0 + limit))
            }
        };
        Some(Ratio {
            key: self.key,
            label,
            value,
            target,
            ok,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_is_found_by_its_key() {
        assert_eq!(limit("stackweigh_js_gzip_bytes"), 155_000.0);
        assert_eq!(
            measured_limit("browser", "layout_shift_plain_360"),
            Some(0.02)
        );
        assert_eq!(measured_limit("browser", "latency_p95_ms"), Some(1.5));
        assert_eq!(measured_limit("native", "latency_p95_ms"), None);
        assert_eq!(measured_limit("browser", "startup_ms"), None);
        assert_eq!(
            compared("startup_vs_static"),
            Some(("startup_ms", "static_ms"))
        );
        let mut keys: Vec<_> = TARGETS.iter().map(|t| t.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), TARGETS.len(), "each key names one target");
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
}
