//! The score chart: each option's bar, split into what each criterion adds.
//!
//! **The rule.** A bar runs from 0 to the option's score out of 10 and shows what each
//! criterion adds to it, in dataset order. Slivers under [`VISIBLE`] points are left out: nobody can see or point at them. A bar never
//! has more than [`MAX_CRITERIA`] criterion segments: beyond that, the largest keep their
//! own segment and the rest merge into one "other criteria" segment at the end. Forty
//! slivers in one bar are unreadable, and each costs a node to draw on every slider step.

use crate::order::sort_descending;
use crate::score::Scores;

/// Points (of 10) below which a contribution gets no segment.
pub const VISIBLE: f64 = 0.005;

/// Criterion segments in one bar, the merged "other criteria" segment included.
pub const MAX_CRITERIA: usize = 8;

/// What one segment stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Part {
    /// One criterion, by index.
    Criterion(usize),
    /// This many smaller criteria, merged.
    Others(usize),
}

/// One piece of a bar, in points from the bar's start (0–10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub part: Part,
    pub start: f64,
    pub points: f64,
}

/// How many chart units one point of the 0–10 scale is drawn as: the weights' sum (1 when
/// nothing is weighed). In these units a segment starts at `Σ w_c s_oc` over the criteria
/// before it, which one slider's step changes only for the segments after its criterion,
/// and the drawing's width (10 points) carries the division by the sum. So a step rewrites
/// few coordinates where every start used to move (docs/performance.md, "What a step
/// costs"). Multiply a point figure by this before rounding it to a coordinate.
pub fn scale(scores: &Scores) -> f64 {
    let total: f64 = scores.weights.iter().sum();
    if total > 0.0 {
        total
    } else {
        1.0
    }
}

/// Option `option`'s bar.
pub fn bar(scores: &Scores, option: usize) -> Vec<Segment> {
    let parts = scores.parts.get(option).map(Vec::as_slice).unwrap_or(&[]);
    let mut shown: Vec<usize> = (0..parts.len()).filter(|&c| parts[c] >= VISIBLE).collect();
    let mut others = (0, 0.0);
    if shown.len() > MAX_CRITERIA {
        // Keep the largest (the sort is stable: ties go to dataset order), one short of
        // the cap to leave room for "others".
        let mut by_size = shown.clone();
        sort_descending(&mut by_size, |&c| parts[c]);
        let (kept, merged) = by_size.split_at(MAX_CRITERIA - 1);
        others = (merged.len(), merged.iter().map(|&c| parts[c]).sum());
        shown.retain(|c| kept.contains(c));
    }
    let mut segments = Vec::with_capacity(shown.len() + 2);
    let mut start = 0.0;
    let mut push = |part, points: f64| {
        segments.push(Segment {
            part,
            start,
            points,
        });
        start += points;
    };
    for c in shown {
        push(Part::Criterion(c), parts[c]);
    }
    if others.0 > 0 {
        push(Part::Others(others.0), others.1);
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(parts: Vec<f64>) -> Scores {
        Scores {
            mean: vec![parts.iter().sum::<f64>()],
            weights: vec![1.0; parts.len()],
            parts: vec![parts],
        }
    }

    #[test]
    fn a_bar_lists_visible_criteria_in_order() {
        let bar = bar(&scores(vec![1.0, 0.001, 2.0, 0.5]), 0);
        let parts: Vec<Part> = bar.iter().map(|s| s.part).collect();
        assert_eq!(
            parts,
            [Part::Criterion(0), Part::Criterion(2), Part::Criterion(3)]
        );
        assert_eq!(bar[1].start, 1.0);
        assert_eq!(bar[2].start, 3.0);
    }

    #[test]
    fn many_criteria_keep_the_largest_and_merge_the_rest() {
        let parts: Vec<f64> = (1..=12).map(f64::from).collect(); // 1, 2, … 12
        let bar = bar(&scores(parts), 0);
        assert_eq!(bar.len(), MAX_CRITERIA);
        let kept: Vec<Part> = bar[..MAX_CRITERIA - 1].iter().map(|s| s.part).collect();
        assert_eq!(kept, (5..12).map(Part::Criterion).collect::<Vec<_>>());
        let last = bar[MAX_CRITERIA - 1];
        assert_eq!(last.part, Part::Others(5));
        assert_eq!(last.points, 1.0 + 2.0 + 3.0 + 4.0 + 5.0);
        let end = last.start + last.points;
        assert_eq!(end, (1..=12).map(f64::from).sum::<f64>());
    }

    #[test]
    fn the_scale_is_the_weights_sum_and_one_when_nothing_is_weighed() {
        let mut s = scores(vec![1.0, 2.0]);
        s.weights = vec![3.0, 4.5];
        assert_eq!(scale(&s), 7.5);
        s.weights = vec![0.0, 0.0];
        assert_eq!(scale(&s), 1.0);
    }

    #[test]
    fn an_option_that_does_not_exist_has_an_empty_bar() {
        assert!(bar(&scores(vec![1.0]), 3).is_empty());
    }
}
