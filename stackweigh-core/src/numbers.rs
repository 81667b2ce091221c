//! Numbers as the widget writes them: whole numbers or tenths, by hand, so no float
//! formatting code ships in the wasm.

/// A number as a whole number, or with one decimal when it has a fraction ("6.5").
pub fn number(value: f64) -> String {
    tenths(value, false)
}

/// A score out of 10, always with one decimal ("7.0"), so scores line up.
pub fn score(value: f64) -> String {
    tenths(value, true)
}

/// A share from 0 to 1 in hundredths, as JSON writes it: "0.67", "0.5", "1", "0".
pub fn share(value: f64) -> String {
    let hundredths = if value.is_finite() {
        (value.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    };
    match hundredths {
        0 => "0".into(),
        100 => "1".into(),
        h if h % 10 == 0 => format!("0.{}", h / 10),
        h => format!("0.{h:02}"),
    }
}

/// A share from 0 to 1 as a whole percentage: "45%".
pub fn percent(value: f64) -> String {
    let percent = if value.is_finite() {
        (value.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    };
    format!("{percent}%")
}

fn tenths(value: f64, keep_zero: bool) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    if tenths.is_multiple_of(10) && !keep_zero {
        format!("{sign}{}", tenths / 10)
    } else {
        format!("{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_whole_or_tenths_and_scores_always_tenths() {
        assert_eq!(number(6.0), "6");
        assert_eq!(number(6.54), "6.5");
        assert_eq!(number(-0.26), "-0.3");
        assert_eq!(number(f64::NAN), "0");
        assert_eq!(score(7.0), "7.0");
        assert_eq!(score(6.75), "6.8");
        assert_eq!(share(0.666), "0.67");
        assert_eq!(share(0.5), "0.5");
        assert_eq!(share(0.999), "1");
        assert_eq!(share(0.004), "0");
        assert_eq!(share(0.05), "0.05");
        assert_eq!(percent(0.455), "46%");
    }
}
