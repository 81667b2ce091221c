//! What working out how firm the answer is costs, natively and optimised: the median time
//! of the firmness over the widget's points, for every built-in project type, and for a
//! generated comparison of 8 options × 40 criteria. `cargo xtask bench` runs it (with the
//! `fuzz` profile, which the native tests build already) and reads the JSON it prints.
//!
//! The figure is the firmness alone: an evaluation with the widget's points, less one with
//! a single point, so the rest of the evaluation does not count.

use std::time::Instant;

#[path = "../tests/common/mod.rs"]
mod common;

use stackweigh_core::firmness::POINTS;
use stackweigh_core::{firmness_over, Choices, Dataset};

/// The median of `runs` timings of `work`, in milliseconds.
fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// Its firmness alone, for these choices.
fn firmness_ms(d: &Dataset, c: &Choices, runs: usize) -> f64 {
    let all = median_ms(runs, || {
        std::hint::black_box(firmness_over(d, c, POINTS));
    });
    let one = median_ms(runs, || {
        std::hint::black_box(firmness_over(d, c, 1));
    });
    (all - one).max(0.0)
}

/// 8 options × 40 criteria, with a fixed spread of scores, built as the tests build one.
fn large() -> Dataset {
    let quarters: Vec<Vec<u8>> = (0..40)
        .map(|c| (0..8).map(|o| ((c * 7 + o * 13) % 37) as u8).collect())
        .collect();
    common::scored_dataset(&quarters)
}

fn main() {
    let d = Dataset::builtin();
    let mut per_type: Vec<f64> = (0..d.project_types.len())
        .map(|p| firmness_ms(d, &Choices::for_project_types(d, vec![p], None), 21))
        .collect();
    per_type.sort_by(f64::total_cmp);
    let builtin = per_type[per_type.len() / 2];
    let big = large();
    let weights: Vec<f64> = (0..40).map(|c| (c % 11) as f64).collect();
    let choices = Choices {
        weights,
        project_types: vec![],
        team: None,
    };
    let large_ms = firmness_ms(&big, &choices, 11);
    println!(r#"{{"firmness_ms": {builtin:.4}, "firmness_large_ms": {large_ms:.4}}}"#);
}
