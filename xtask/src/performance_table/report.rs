//! Reading target/bench.json for the README's performance table (performance_table.rs
//! has the rows), writing the table, and putting it between README.md's markers.

use anyhow::{bail, Context, Result};
use serde_json::Value;

use super::{END, ROWS, START};
use crate::targets::{self, measured_limit};

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

    pub fn size(&self, key: &str) -> Result<f64> {
        self.number("sizes", key)
    }

    pub fn browser(&self, key: &str) -> Result<f64> {
        self.number("browser", key)
    }

    pub fn native(&self, key: &str) -> Result<f64> {
        self.number("native", key)
    }

    pub fn ratio_value(&self, key: &str) -> Result<f64> {
        Ok(self.ratio_of(key)?.value)
    }

    /// Whether the target `key` is met: a figure worked out from several measurements,
    /// or one measurement against its limit.
    fn met(&self, key: &str) -> Result<bool> {
        for section in ["sizes", "browser", "native"] {
            if let Some(limit) = measured_limit(section, key) {
                return Ok(self.number(section, key)? <= limit);
            }
        }
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

    /// The two measurements the ratio target `key` compares, as [`Report::ratio`] shows
    /// them.
    pub fn compared(&self, key: &str) -> Result<String> {
        let (measured, baseline) = targets::compared(key)
            .with_context(|| format!("xtask/src/targets.rs has no ratio target `{key}`"))?;
        self.ratio(measured, baseline)
    }

    /// "66 vs 53 ms: 1.25×".
    pub fn ratio(&self, measured: &str, baseline: &str) -> Result<String> {
        let (value, base) = (self.browser(measured)?, self.browser(baseline)?);
        if base <= 0.0 {
            bail!("target/bench.json's `browser.{baseline}` is {base}: nothing to compare with");
        }
        let ratio = value / base;
        Ok(format!("{} vs {} ms: {ratio:.2}×", ms(value), ms(base)))
    }

    /// "0.000 / 0.004": the worst layout shift of the post with `snippet` at 360 and 1,024 px.
    pub fn layout_shift(&self, snippet: &str) -> Result<String> {
        let at = |width: u32| self.browser(&format!("layout_shift_{snippet}_{width}"));
        let (narrow, wide) = (at(360)?, at(1024)?);
        Ok(format!("{narrow:.3} / {wide:.3}"))
    }

    /// "0.4 / 1.0 ms (0.8–2.1)": p50 and p95 over every page, and the range of one page's.
    pub fn latency(&self, prefix: &str) -> Result<String> {
        let at = |key: &str| self.browser(&format!("{prefix}_{key}_ms"));
        Ok(format!(
            "{} / {} ms ({}–{})",
            ms(at("p50")?),
            ms(at("p95")?),
            ms(at("page_p95_min")?),
            ms(at("page_p95_max")?)
        ))
    }

    /// "0.8 / 2.0 ms; 1.3 / 3.3 ms": one kind of input, with the built-in data and at 8 × 40.
    pub fn latency_pair(&self, kind: &str) -> Result<String> {
        let pair = |prefix: &str| -> Result<String> {
            let at = |p: &str| self.browser(&format!("{prefix}_{kind}_{p}_ms"));
            Ok(format!("{} / {} ms", ms(at("p50")?), ms(at("p95")?)))
        };
        Ok(format!("{}; {}", pair("latency")?, pair("latency_large")?))
    }
}

fn ms(value: f64) -> String {
    if value >= 10.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// The table (with its header and a line saying where the figures come from), for
/// target/bench.json's `report`.
pub fn render(report: &Value) -> Result<String> {
    let r = Report::new(report);
    let mut out = String::from("| figure | measured | target | met |\n| --- | --- | --- | --- |\n");
    for row in ROWS {
        let measured = (row.measure)(&r)?;
        let met = match row.held_to {
            [] => "",
            keys => {
                let mut met = true;
                for key in keys {
                    met &= r.met(key)?;
                }
                if met {
                    "yes"
                } else {
                    "**no**"
                }
            }
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
