//! The snippets for hosts that take no script: the iframe of `embed.html` and the plain
//! link. Both must reproduce the choices, and no dataset text or address may become markup.

use proptest::prelude::*;
use stackweigh_core::encoding::read_fragment;
use stackweigh_core::share::{embed_link, iframe_snippet, IFRAME_HEIGHT};
use stackweigh_core::{Choices, Dataset, Theme};

fn real_time(d: &Dataset) -> Choices {
    read_fragment(d, "#preset=real-time&team=javascript").expect("readable")
}

#[test]
fn the_link_opens_embed_html_on_the_same_choices_and_theme() {
    let d = Dataset::builtin();
    let c = real_time(d);
    let page = "https://example.com/embed.html";
    let link = embed_link(d, &c, page, Theme::Auto);
    let fragment = link.strip_prefix(page).expect("the page's address");
    assert!(!fragment.contains("theme="), "{link}");
    assert_eq!(read_fragment(d, fragment), Ok(c.clone()));
    for theme in [Theme::Light, Theme::Dark] {
        let link = embed_link(d, &c, page, theme);
        assert!(
            link.ends_with(&format!("&theme={}", theme.as_str())),
            "{link}"
        );
        assert_eq!(read_fragment(d, &link[page.len()..]), Ok(c.clone()));
    }
}

#[test]
fn the_iframe_is_lazy_titled_full_width_and_shows_the_link() {
    let d = Dataset::builtin();
    let c = real_time(d);
    let page = "https://example.com/embed.html";
    let html = iframe_snippet(d, &c, page, Theme::Dark, false);
    let link = embed_link(d, &c, page, Theme::Dark);
    assert_eq!(
        html,
        format!(
            "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border: 0\" allow=\"clipboard-write\"></iframe>\n",
            link.replace('&', "&amp;"),
            d.title
        )
    );
    assert!(!html.contains("<script"));
    assert!((300..=1200).contains(&IFRAME_HEIGHT));
}

#[test]
fn the_height_listener_follows_the_iframe_only_when_asked_for() {
    let d = Dataset::builtin();
    let c = real_time(d);
    let frame = iframe_snippet(d, &c, "embed.html", Theme::Auto, false);
    let both = iframe_snippet(d, &c, "embed.html", Theme::Auto, true);
    let listener = both.strip_prefix(&frame).expect("the frame comes first");
    assert!(listener.starts_with("<script>\n") && listener.ends_with("</script>\n"));
    assert!(listener.contains("\"stackweigh:height\""));
    assert!(
        listener.contains("frame.contentWindow === e.source"),
        "only the frame that sent it"
    );
    assert!(listener.lines().count() <= 12, "a few lines:\n{listener}");
}

/// Text a dataset or an address could hold that would be markup if it got through.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[<>\"'&a-z /=:#]{0,40}",
        Just("\"><script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("' onload='alert(1)".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any title and any page address: the snippet's only markup is its own.
    #[test]
    fn no_dataset_text_or_address_becomes_markup(
        title in hostile_text(),
        page in hostile_text(),
        resize in any::<bool>(),
    ) {
        let mut d = *Dataset::builtin();
        d.title = title.into();
        let c = Choices::defaults(&d);
        let frame = iframe_snippet(&d, &c, &page, Theme::Auto, false);
        prop_assert!(frame.starts_with("<iframe src=\""), "{}", frame);
        prop_assert!(frame.ends_with("></iframe>\n"), "{}", frame);
        prop_assert_eq!(frame.matches('<').count(), 2, "{}", frame);
        prop_assert_eq!(frame.matches('>').count(), 2, "{}", frame);
        prop_assert_eq!(frame.matches('"').count(), 14, "{}", frame);
        prop_assert!(!frame.contains('\''), "{}", frame);
        let with = iframe_snippet(&d, &c, &page, Theme::Auto, resize);
        prop_assert!(with.starts_with(&frame));
    }
}
