//! Sorting the engine's short lists (options, reasons, roots, project types: at most a few dozen
//! items) by insertion. Each use of std's sorts instantiates its sort code, kilobytes of
//! wasm apiece, for lists this short.

/// Stable, largest key first; `total_cmp` orders even NaN.
pub(crate) fn sort_descending<T>(items: &mut [T], key: impl Fn(&T) -> f64) {
    sort_by(items, |a, b| key(a).total_cmp(&key(b)).is_gt());
}

/// Stable, in the order `before` defines.
pub(crate) fn sort_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Ascending, each value once.
pub(crate) fn sort_dedup(items: &mut Vec<usize>) {
    sort_by(items, |a, b| a < b);
    items.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descending_is_stable_and_puts_nan_first() {
        let mut items = [
            (1.0, 'a'),
            (3.0, 'b'),
            (1.0, 'c'),
            (f64::NAN, 'd'),
            (2.0, 'e'),
        ];
        sort_descending(&mut items, |i| i.0);
        let order: String = items.iter().map(|i| i.1).collect();
        assert_eq!(order, "dbeac");
    }

    #[test]
    fn sort_dedup_sorts_and_merges() {
        let mut items = vec![3, 1, 3, 0, 2, 1];
        sort_dedup(&mut items);
        assert_eq!(items, [0, 1, 2, 3]);
    }
}
