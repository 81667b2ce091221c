//! The text forms of the visitor's choices: attributes and link fragments say exactly what
//! the choices are, and anything malformed is reported, setting by setting.

mod common;

use proptest::prelude::*;
use stackweigh_core::dataset::Dataset;
use stackweigh_core::encoding::{
    parse_preset, parse_team, parse_weights, read_fragment, read_settings, rewrite_fragment,
    write_fragment, write_settings,
};
use stackweigh_core::{Choices, Settings, Theme};

fn builtin() -> Dataset {
    *Dataset::builtin()
}

#[test]
fn a_dataset_written_as_json_reads_back_the_same() {
    let d = builtin();
    assert_eq!(common::through_json(&d), d);
}

fn dataset_and_choices() -> impl Strategy<Value = (Dataset, Choices)> {
    common::arb_dataset(8).prop_flat_map(|d| {
        let choices = common::arb_choices(&d);
        (Just(d), choices)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn a_link_reproduces_the_choices_on_the_builtin_dataset(c in common::arb_choices(&builtin())) {
        let d = builtin();
        let fragment = write_fragment(&d, &c);
        prop_assert_eq!(read_fragment(&d, &fragment), Ok(c.clone()), "fragment {}", fragment);
        // With the leading `#` the browser gives us, too.
        prop_assert_eq!(read_fragment(&d, &format!("#{fragment}")), Ok(c));
    }

    #[test]
    fn attributes_reproduce_the_choices_on_the_builtin_dataset(c in common::arb_choices(&builtin())) {
        let d = builtin();
        let settings = write_settings(&d, &c);
        prop_assert_eq!(read_settings(&d, &settings), (c, vec![]), "settings {:?}", settings);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn a_link_reproduces_the_choices_on_any_dataset((d, c) in dataset_and_choices()) {
        let fragment = write_fragment(&d, &c);
        prop_assert_eq!(read_fragment(&d, &fragment), Ok(c), "fragment {}", fragment);
    }

    #[test]
    fn attributes_reproduce_the_choices_on_any_dataset((d, c) in dataset_and_choices()) {
        let settings = write_settings(&d, &c);
        prop_assert_eq!(read_settings(&d, &settings), (c, vec![]), "settings {:?}", settings);
    }

    /// A link a browser copied with every character percent-escaped still reads the same.
    #[test]
    fn a_percent_escaped_link_reads_the_same((d, c) in dataset_and_choices(), upper in any::<bool>()) {
        let fragment = write_fragment(&d, &c);
        let escaped: String = fragment
            .bytes()
            .map(|b| if upper { format!("%{b:02X}") } else { format!("%{b:02x}") })
            .collect();
        prop_assert_eq!(read_fragment(&d, &escaped), Ok(c));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The link the widget writes back over any address still reads as the choices, and
    /// keeps the embed page's theme and a host's addition, whatever was there before.
    #[test]
    fn a_rewritten_link_reads_the_same_and_keeps_the_theme_and_the_hosts_part(
        (d, c) in dataset_and_choices(),
        before in common::arb_choices(&builtin()),
        theme in prop::option::of(prop::sample::select(vec!["auto", "light", "dark", "purple"])),
        secret in prop::option::of("[a-zA-Z0-9]{10}"),
        hash in any::<bool>(),
    ) {
        let mut current = write_fragment(&builtin(), &before);
        if let Some(theme) = theme {
            current = format!("{current}&theme={theme}");
        }
        if let Some(secret) = &secret {
            current = format!("{current}#?secret={secret}");
        }
        if hash {
            current = format!("#{current}");
        }
        let link = rewrite_fragment(&d, &c, &current);
        prop_assert_eq!(read_fragment(&d, &link), Ok(c.clone()), "link {}", link);
        let ours = link.split('#').next().unwrap_or_default();
        let kept_theme = theme.map(|theme| format!("theme={theme}"));
        prop_assert_eq!(
            ours.split('&').find(|part| part.starts_with("theme=")),
            kept_theme.as_deref(),
            "link {}", link
        );
        match secret {
            Some(secret) => prop_assert!(link.ends_with(&format!("#?secret={secret}")), "{}", link),
            None => prop_assert!(!link.contains('#'), "{}", link),
        }
        // Only our own part changes.
        prop_assert!(link.starts_with(&write_fragment(&d, &c)), "{}", link);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Where the widget starts (defaults, or any set of project types' presets) can always be linked,
    /// even when the dataset's own weights have fractions.
    #[test]
    fn the_starting_choices_of_any_dataset_can_be_linked(
        d in common::arb_dataset(8),
        quarters in prop::collection::vec(0u8..=40, 40),
        preset_quarters in prop::collection::vec(0u8..=40, 40),
        chosen in prop::collection::vec(any::<bool>(), 6),
    ) {
        let mut d = d;
        d.criteria = common::edited(d.criteria, |criteria| {
            for (c, q) in criteria.iter_mut().zip(&quarters) {
                c.default_weight = f64::from(*q) / 4.0;
            }
        });
        d.project_types = common::edited(d.project_types, |projects| {
            for p in projects {
                p.preset = p
                    .preset
                    .iter()
                    .zip(&preset_quarters)
                    .map(|((id, _), q)| (id.to_string(), f64::from(*q) / 4.0))
                    .collect();
            }
        });
        let d = common::through_json(&d);
        let chosen: Vec<usize> = (0..d.project_types.len()).filter(|&p| chosen[p]).collect();
        for c in [Choices::defaults(&d), Choices::for_project_types(&d, chosen, None)] {
            prop_assert_eq!(read_fragment(&d, &write_fragment(&d, &c)), Ok(c.clone()));
            prop_assert_eq!(read_settings(&d, &write_settings(&d, &c)), (c, vec![]));
        }
    }
}

/// The message for a fragment that must be refused.
fn refused(fragment: &str) -> String {
    match read_fragment(&builtin(), fragment) {
        Ok(c) => panic!("{fragment} was read as {c:?}"),
        Err(message) => {
            assert!(
                message.ends_with("showing the defaults"),
                "{fragment}: {message}"
            );
            message
        }
    }
}

#[test]
fn an_empty_fragment_means_defaults() {
    let d = builtin();
    assert_eq!(read_fragment(&d, ""), Ok(Choices::defaults(&d)));
    assert_eq!(read_fragment(&d, "#"), Ok(Choices::defaults(&d)));
}

#[test]
fn a_weight_that_is_not_a_number_is_refused_by_name() {
    let message = refused("#weights=performance:abc");
    assert!(
        message.contains("\"abc\" for performance must be a whole number from 0 to 10"),
        "{message}"
    );
    for bad in [
        "#weights=performance:11",
        "#weights=performance:-1",
        "#weights=performance:7.5",
        "#weights=performance:",
        "#weights=performance:256",
    ] {
        let message = refused(bad);
        assert!(
            message.contains("for performance must be a whole number from 0 to 10"),
            "{bad}: {message}"
        );
    }
}

#[test]
fn an_unknown_setting_is_refused_by_name() {
    let message = refused("#foo=1");
    assert!(message.contains("unknown setting \"foo\""), "{message}");
    let message = refused("#preset=real-time&Weights=performance:3");
    assert!(message.contains("unknown setting \"Weights\""), "{message}");
}

#[test]
fn an_unknown_criterion_is_refused_by_name() {
    let message = refused("#weights=nope:3");
    assert!(
        message.contains(
            "\"nope\" is not a criterion (try performance, data-science, full-stack-js, talent, …)"
        ),
        "{message}"
    );
    let message = refused("#weights=performance");
    assert!(
        message.contains("\"performance\" should look like performance:8"),
        "{message}"
    );
}

#[test]
fn a_broken_escape_is_refused() {
    for bad in [
        "#%zz",
        "#%",
        "#%4",
        "#weights=performance:%3",
        "#%ff%fe",
        "#%C3",
        "#%+4",
        "#team=python%+0",
        "#%-1",
    ] {
        let message = refused(bad);
        assert!(message.contains("not valid text"), "{bad}: {message}");
    }
}

#[test]
fn an_unknown_team_is_refused_by_name() {
    let message = refused("#team=cobol");
    assert!(
        message.contains("\"cobol\" is not one of javascript, python, neither"),
        "{message}"
    );
}

#[test]
fn an_unknown_project_type_is_refused_by_name() {
    let message = refused("#preset=real-time,rocketry");
    assert!(
        message.contains("\"rocketry\" is not a project type"),
        "{message}"
    );
}

#[test]
fn a_very_long_fragment_is_refused() {
    let message = refused(&format!("#weights={}", "performance:1,".repeat(1000)));
    assert!(message.contains("too long"), "{message}");
}

#[test]
fn a_fragment_with_every_setting_reads_them_all() {
    let d = builtin();
    let c = read_fragment(
        &d,
        "#preset=machine-learning,real-time&weights=talent:9&team=python",
    )
    .expect("readable");
    let ml = d.project_index("machine-learning").unwrap();
    let rt = d.project_index("real-time").unwrap();
    let mut chosen = vec![ml, rt];
    chosen.sort_unstable();
    assert_eq!(c.project_types, chosen);
    assert_eq!(c.team, d.option_index("python"));
    let talent = d.criterion_index("talent").unwrap();
    assert_eq!(c.weights[talent], 9.0);
    let performance = d.criterion_index("performance").unwrap();
    // Real-time's 10 and machine learning's 3 average to 6.5, which rounds to 7.
    assert_eq!(c.weights[performance], 7.0);
}

#[test]
fn a_theme_in_the_link_is_the_pages_and_changes_no_choice() {
    let d = builtin();
    let plain = read_fragment(&d, "#preset=real-time&team=javascript");
    assert!(plain.is_ok());
    for theme in ["dark", "light", "auto", "", "purple"] {
        assert_eq!(
            read_fragment(
                &d,
                &format!("#preset=real-time&theme={theme}&team=javascript")
            ),
            plain,
            "theme={theme}: the theme attribute's reader checks the value"
        );
    }
    assert_eq!(read_fragment(&d, "#theme=dark"), Ok(Choices::defaults(&d)));
}

#[test]
fn what_wordpress_appends_to_an_embedded_address_is_not_read() {
    let d = builtin();
    let real_time = read_fragment(&d, "#preset=real-time&theme=dark");
    assert!(real_time.is_ok());
    assert_eq!(
        read_fragment(&d, "#preset=real-time&theme=dark#?secret=Ab3dEf9hIj"),
        real_time
    );
    assert_eq!(
        read_fragment(&d, "#?secret=Ab3dEf9hIj"),
        Ok(Choices::defaults(&d))
    );
    assert_eq!(read_fragment(&d, "?secret=x"), Ok(Choices::defaults(&d)));
    // Our own part is still checked in full.
    let message = refused("#weights=performance:abc#?secret=Ab3dEf9hIj");
    assert!(message.contains("\"abc\""), "{message}");
}

#[test]
fn rewriting_a_link_replaces_only_our_settings() {
    let d = builtin();
    let c = read_fragment(&d, "#preset=machine-learning").expect("readable");
    let ours = write_fragment(&d, &c);
    assert_eq!(rewrite_fragment(&d, &c, ""), ours);
    assert_eq!(rewrite_fragment(&d, &c, "#"), ours);
    assert_eq!(
        rewrite_fragment(&d, &c, "#preset=real-time&theme=dark"),
        format!("{ours}&theme=dark")
    );
    assert_eq!(
        rewrite_fragment(&d, &c, "#?secret=Ab3dEf9hIj"),
        format!("{ours}#?secret=Ab3dEf9hIj")
    );
    assert_eq!(
        rewrite_fragment(&d, &c, "#theme=light&team=python#?secret=Ab3dEf9hIj"),
        format!("{ours}&theme=light#?secret=Ab3dEf9hIj")
    );
}

fn settings(preset: Option<&str>, weights: Option<&str>, team: Option<&str>) -> Settings {
    Settings {
        preset: preset.map(Into::into),
        weights: weights.map(Into::into),
        team: team.map(Into::into),
    }
}

#[test]
fn a_bad_team_attribute_keeps_a_good_preset_and_weights() {
    let d = builtin();
    let rt = d.project_index("real-time").unwrap();
    let talent = d.criterion_index("talent").unwrap();
    let (c, problems) = read_settings(
        &d,
        &settings(Some("real-time"), Some("talent:9"), Some("cobol")),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("team: \"cobol\" is not one of"),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("using neither"), "{problems:?}");
    let mut expected = d.preset_weights(rt);
    expected[talent] = 9.0;
    assert_eq!(
        c,
        Choices {
            weights: expected,
            project_types: vec![rt],
            team: None
        }
    );
}

#[test]
fn a_bad_weights_attribute_keeps_the_preset_weights_and_the_team() {
    let d = builtin();
    let ml = d.project_index("machine-learning").unwrap();
    let (c, problems) = read_settings(
        &d,
        &settings(
            Some("machine-learning"),
            Some("performance:abc"),
            Some("javascript"),
        ),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("weights: \"abc\" for performance must be a whole number"),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("ignored"), "{problems:?}");
    assert_eq!(
        c,
        Choices {
            weights: d.preset_weights(ml),
            project_types: vec![ml],
            team: d.option_index("node")
        }
    );
}

#[test]
fn a_bad_preset_attribute_keeps_the_weights_and_the_team() {
    let d = builtin();
    let performance = d.criterion_index("performance").unwrap();
    let (c, problems) = read_settings(
        &d,
        &settings(Some("rocketry"), Some("performance:2"), Some("python")),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("preset: \"rocketry\" is not a project type"),
        "{problems:?}"
    );
    assert!(
        problems[0].ends_with("using the default weights"),
        "{problems:?}"
    );
    let mut expected = d.default_weights();
    expected[performance] = 2.0;
    assert_eq!(
        c,
        Choices {
            weights: expected,
            project_types: vec![],
            team: d.option_index("python")
        }
    );
}

#[test]
fn every_setting_bad_gives_three_messages_and_the_defaults() {
    let d = builtin();
    let (c, problems) = read_settings(&d, &settings(Some("x"), Some("y"), Some("z")));
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].starts_with("preset:")
            && problems[1].starts_with("weights:")
            && problems[2].starts_with("team:")
    );
    assert_eq!(c, Choices::defaults(&d));
}

#[test]
fn missing_and_empty_attributes_mean_defaults_without_complaint() {
    let d = builtin();
    assert_eq!(
        read_settings(&d, &Settings::default()),
        (Choices::defaults(&d), vec![])
    );
    assert_eq!(
        read_settings(&d, &settings(Some(""), Some(""), Some(""))),
        (Choices::defaults(&d), vec![])
    );
    assert_eq!(
        read_settings(&d, &settings(Some(" , "), Some(" , "), Some("neither"))),
        (Choices::defaults(&d), vec![])
    );
}

#[test]
fn the_parsers_read_what_the_docs_show() {
    let d = builtin();
    let rt = d.project_index("real-time").unwrap();
    let ml = d.project_index("machine-learning").unwrap();
    let mut both = vec![rt, ml];
    both.sort_unstable();
    assert_eq!(
        parse_preset(&d, "real-time,machine-learning"),
        Ok(both.clone())
    );
    assert_eq!(
        parse_preset(&d, " machine-learning , real-time, real-time "),
        Ok(both)
    );
    let performance = d.criterion_index("performance").unwrap();
    let data = d.criterion_index("data-science").unwrap();
    assert_eq!(
        parse_weights(&d, "performance:8,data-science:2"),
        Ok(vec![(performance, 8.0), (data, 2.0)])
    );
    assert_eq!(parse_team(&d, "javascript"), Ok(d.option_index("node")));
    assert_eq!(parse_team(&d, "python"), Ok(d.option_index("python")));
    assert_eq!(parse_team(&d, "neither"), Ok(None));
}

#[test]
fn theme_accepts_auto_light_and_dark() {
    assert_eq!(Theme::parse("auto"), Ok(Theme::Auto));
    assert_eq!(Theme::parse("light"), Ok(Theme::Light));
    assert_eq!(Theme::parse("dark"), Ok(Theme::Dark));
    assert_eq!(Theme::parse(" dark "), Ok(Theme::Dark));
    assert_eq!(Theme::parse(""), Ok(Theme::Auto));
    for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
        assert_eq!(Theme::parse(theme.as_str()), Ok(theme));
    }
}

#[test]
fn theme_refuses_anything_else_with_a_message() {
    for bad in ["blue", "darker", "light dark", "system", "<b>"] {
        let message = Theme::parse(bad).expect_err(bad);
        assert_eq!(
            message,
            format!("theme: \"{bad}\" is not auto, light or dark; using auto")
        );
    }
    let message = Theme::parse(&"x".repeat(100)).expect_err("long");
    assert!(
        message.contains(&format!("\"{}…\"", "x".repeat(30))),
        "{message}"
    );
}

#[test]
fn a_weight_written_with_a_sign_is_refused() {
    let d = stackweigh_core::Dataset::builtin();
    assert!(stackweigh_core::encoding::parse_weights(d, "performance:+5").is_err());
    assert!(stackweigh_core::encoding::parse_weights(d, "performance:5").is_ok());
}

#[test]
fn auto_follows_a_host_page_that_declares_one_colour_scheme() {
    for (computed, theme) in [
        ("dark", Theme::Dark),
        ("only dark", Theme::Dark),
        ("light", Theme::Light),
        ("only light", Theme::Light),
        ("normal", Theme::Auto),
        ("light dark", Theme::Auto),
        ("dark light", Theme::Auto),
        ("", Theme::Auto),
        ("purple", Theme::Auto),
    ] {
        assert_eq!(Theme::Auto.on_host(computed), theme, "{computed:?}");
    }
    // The attribute wins over the page.
    assert_eq!(Theme::Light.on_host("dark"), Theme::Light);
    assert_eq!(Theme::Dark.on_host("light"), Theme::Dark);
}
