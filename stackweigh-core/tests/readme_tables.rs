//! The README's "How it decides" presets table is what the engine gives: each project
//! type's verdict in CompanyBench, its preset, and the answer alone and with each team.
//! When they differ, the test fails with the table as it should read; run it with
//! `UPDATE_README=1` to write that into the README.

use stackweigh_core::{evaluate, Choices, Dataset, Strength, Verdict};

const START: &str = "  <!-- presets table: checked against the engine by stackweigh-core/tests/readme_tables.rs -->\n";
const END: &str = "  <!-- end of presets table -->";

fn answer(d: &Dataset, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Lead(o, Strength::Clear) => format!("clear {}", d.options[*o].name),
        Verdict::Lead(o, Strength::Leans) => format!("leans {}", d.options[*o].name),
        Verdict::TooClose => "too close".into(),
        Verdict::Both(_) => "both".into(),
        Verdict::Start | Verdict::NoPriorities => "none".into(),
    }
}

/// The table as the engine gives it.
fn presets_table(d: &Dataset) -> String {
    let node = d.option_index("node");
    let python = d.option_index("python");
    let mut table = String::from(
        "  | project type | CompanyBench | preset (ours): perf, data, full-stack, talent, learning, ecosystem, cost | alone | Python team | JavaScript team |\n  | --- | --- | --- | --- | --- | --- |\n",
    );
    for (p, t) in d.project_types.iter().enumerate() {
        let verdict = match d.option_index(&t.verdict) {
            Some(o) => d.options[o].name.to_string(),
            None => "either".into(),
        };
        let weights: Vec<String> = d
            .preset_weights(p)
            .iter()
            .map(|w| stackweigh_core::numbers::number(*w))
            .collect();
        let with = |team| {
            answer(
                d,
                &evaluate(d, &Choices::for_project_types(d, vec![p], team)).verdict,
            )
        };
        table += &format!(
            "  | {}{} | {verdict} | {} | {} | {} | {} |\n",
            t.name,
            if t.firm { " (firm)" } else { "" },
            weights.join(" "),
            with(None),
            with(python),
            with(node),
        );
    }
    table
}

#[test]
fn the_readme_presets_table_is_the_engines() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).expect("the README");
    let start = readme
        .find(START)
        .expect("the README marks the presets table")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("the table's end is marked");
    let expected = presets_table(Dataset::builtin());
    if readme[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(path, updated).expect("writing the README");
        } else {
            panic!("README's presets table differs from the engine's; it should read:\n{expected}\n(UPDATE_README=1 writes it)");
        }
    }
}

/// The thresholds and sizes "How it decides" states are the engine's: each stands in bold
/// beside the name of the constant that holds it.
#[test]
fn how_it_decides_states_the_engines_thresholds() {
    use stackweigh_core::firmness::{POINTS, REACH};
    use stackweigh_core::numbers::number;
    use stackweigh_core::team::TEAM_BONUS;
    use stackweigh_core::verdict::{CLEAR, TOO_CLOSE};
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).expect("the README");
    // Line breaks inside a bold figure are the README's wrapping, not its wording.
    let readme = readme.replace("\n  ", " ");
    let thousands = |n: usize| {
        let digits = n.to_string();
        let (head, tail) = digits.split_at(digits.len() % 3);
        let mut groups: Vec<&str> = tail
            .as_bytes()
            .chunks(3)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        if !head.is_empty() {
            groups.insert(0, head);
        }
        groups.join(",")
    };
    for stated in [
        format!("**{}** points (`TOO_CLOSE`)", number(TOO_CLOSE)),
        format!("**{}** (`CLEAR`)", number(CLEAR)),
        format!("**{}** (`TEAM_BONUS`", explain_points(TEAM_BONUS)),
        format!("**{} steps** either way (`REACH`)", number(REACH)),
        format!("**{}** points, `POINTS`", thousands(POINTS)),
    ] {
        assert!(readme.contains(&stated), "How it decides states {stated}");
    }
}

fn explain_points(points: f64) -> String {
    stackweigh_core::explain::points(points)
}
