//! What link cards (Open Graph, Twitter) and oEmbed say about a page of dist/, and the
//! card image's size, read from its PNG header.
//!
//! Part of `cargo xtask dist`: pages.rs puts the tags in each page's head, and mod.rs
//! writes oembed.json when it is given the address dist/ is served from.

use stackweigh_core::share::{self, escape_html};
use stackweigh_core::{Choices, Dataset, Theme};

use super::{CARD_IMAGE, EMBED_PAGE};

/// What the link cards say below the title.
pub const DESCRIPTION: &str = "Weigh what matters to your project and see whether to hire a Node.js or a Python backend developer, or both. It runs in your browser.";

/// What link cards and oEmbed discovery say about a page of dist/.
pub struct Card<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Where dist/ is served from, ending in `/`.
    pub base_url: Option<&'a str>,
    /// The card image's width and height, when dist/card.png exists.
    pub image: Option<(u32, u32)>,
}

impl Card<'_> {
    /// The `<meta>` and `<link>` tags for `file` (a page in dist/). Open Graph and Twitter
    /// take only absolute addresses: without a base URL the page's address, the image and
    /// the oEmbed link are left out, since a relative one would be wrong wherever a card
    /// is made.
    pub fn tags(&self, file: &str) -> String {
        let meta = |attribute: &str, key: &str, value: &str| {
            format!(
                "<meta {attribute}=\"{key}\" content=\"{}\">\n",
                escape_html(value)
            )
        };
        let mut tags = meta("name", "description", self.description);
        tags += &meta("property", "og:type", "website");
        tags += &meta("property", "og:site_name", "stackweigh");
        tags += &meta("property", "og:title", self.title);
        tags += &meta("property", "og:description", self.description);
        let image = self.base_url.zip(self.image);
        if let Some(base) = self.base_url {
            tags += &meta("property", "og:url", &format!("{base}{file}"));
        }
        if let Some((base, (width, height))) = image {
            tags += &meta("property", "og:image", &format!("{base}{CARD_IMAGE}"));
            tags += &meta("property", "og:image:width", &width.to_string());
            tags += &meta("property", "og:image:height", &height.to_string());
            tags += &meta("property", "og:image:alt", &self.image_alt());
        }
        let twitter_card = if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        tags += &meta("name", "twitter:card", twitter_card);
        tags += &meta("name", "twitter:title", self.title);
        tags += &meta("name", "twitter:description", self.description);
        if let Some((base, _)) = image {
            tags += &meta("name", "twitter:image", &format!("{base}{CARD_IMAGE}"));
            tags += &meta("name", "twitter:image:alt", &self.image_alt());
        }
        if let Some(base) = self.base_url {
            tags += &format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n",
                escape_html(&format!("{base}oembed.json")),
                escape_html(self.title)
            );
        }
        tags
    }

    fn image_alt(&self) -> String {
        format!("The stackweigh widget: {}", self.title)
    }

    /// `dist/oembed.json`: the widget as a `rich` oEmbed, the iframe snippet (default
    /// choices) as its `html`. None without a base URL.
    pub fn oembed(&self, dataset: &Dataset) -> Option<String> {
        let base = self.base_url?;
        let page = format!("{base}{EMBED_PAGE}");
        let choices = Choices::defaults(dataset);
        let html = share::iframe_snippet(dataset, &choices, &page, Theme::Auto, false);
        let mut oembed = serde_json::json!({
            "version": "1.0",
            "type": "rich",
            "title": self.title,
            "provider_name": "stackweigh",
            "provider_url": base,
            "html": html.trim_end(),
            "width": OEMBED_WIDTH,
            "height": share::IFRAME_HEIGHT,
        });
        if let Some((width, height)) = self.image {
            oembed["thumbnail_url"] = format!("{base}{CARD_IMAGE}").into();
            oembed["thumbnail_width"] = width.into();
            oembed["thumbnail_height"] = height.into();
        }
        serde_json::to_string_pretty(&oembed)
            .ok()
            .map(|json| json + "\n")
    }
}

/// The width oEmbed consumers are told: a blog's column. The iframe itself is as wide as
/// the column it lands in.
const OEMBED_WIDTH: u32 = 720;

/// A PNG's width and height, from its header; None for anything else.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) || bytes.get(12..16) != Some(b"IHDR") {
        return None;
    }
    let word = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((word(16)?, word(20)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(base_url: Option<&str>, image: Option<(u32, u32)>) -> Card<'_> {
        Card {
            title: "Node or \"Python\"?",
            description: "Weigh <it>.",
            base_url,
            image,
        }
    }

    #[test]
    fn without_a_base_url_the_cards_leave_out_every_address() {
        let tags = card(None, Some((1200, 630))).tags("embed.html");
        assert!(
            tags.contains("<meta property=\"og:title\" content=\"Node or &quot;Python&quot;?\">")
        );
        assert!(tags.contains("<meta name=\"twitter:description\" content=\"Weigh &lt;it&gt;.\">"));
        assert!(tags.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        for absent in [
            "og:url",
            "og:image",
            "twitter:image",
            "oembed",
            "http",
            "card.png",
        ] {
            assert!(!tags.contains(absent), "{absent} in\n{tags}");
        }
        assert_eq!(card(None, None).oembed(Dataset::builtin()), None);
    }

    #[test]
    fn with_a_base_url_the_cards_have_absolute_addresses() {
        let base = Some("https://example.com/tools/");
        let tags = card(base, Some((1200, 630))).tags("embed.html");
        for tag in [
            "<meta property=\"og:url\" content=\"https://example.com/tools/embed.html\">",
            "<meta property=\"og:image\" content=\"https://example.com/tools/card.png\">",
            "<meta property=\"og:image:width\" content=\"1200\">",
            "<meta property=\"og:image:height\" content=\"630\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<meta name=\"twitter:image\" content=\"https://example.com/tools/card.png\">",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.com/tools/oembed.json\"",
        ] {
            assert!(tags.contains(tag), "{tag} missing from\n{tags}");
        }
        // No image rendered yet: no image tags, rather than a broken image.
        let tags = card(base, None).tags("stackweigh.html");
        assert!(tags.contains("content=\"https://example.com/tools/stackweigh.html\""));
        assert!(
            !tags.contains("card.png") && !tags.contains("summary_large_image"),
            "{tags}"
        );
    }

    #[test]
    fn oembed_json_is_a_rich_embed_of_the_iframe() {
        let d = Dataset::builtin();
        let json = card(Some("https://example.com/"), Some((1200, 630)))
            .oembed(d)
            .unwrap();
        let oembed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(oembed["version"], "1.0");
        assert_eq!(oembed["type"], "rich");
        assert_eq!(oembed["provider_name"], "stackweigh");
        assert_eq!(oembed["provider_url"], "https://example.com/");
        assert_eq!(oembed["title"], "Node or \"Python\"?");
        assert_eq!(oembed["thumbnail_url"], "https://example.com/card.png");
        assert!(oembed["width"].as_u64().unwrap() > 300);
        assert_eq!(oembed["height"], share::IFRAME_HEIGHT);
        let html = oembed["html"].as_str().unwrap();
        assert!(
            html.starts_with("<iframe src=\"https://example.com/embed.html#weights="),
            "{html}"
        );
        assert!(
            html.ends_with("></iframe>") && !html.contains("<script"),
            "{html}"
        );
        let without = card(Some("https://example.com/"), None).oembed(d).unwrap();
        assert!(!without.contains("thumbnail"), "{without}");
    }

    #[test]
    fn png_sizes_come_from_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(1200u32.to_be_bytes());
        png.extend(630u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((1200, 630)));
        assert_eq!(png_size(&png[..20]), None);
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
