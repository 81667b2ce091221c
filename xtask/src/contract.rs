//! The public contract of `<stack-weigh>`, written down once: its attributes, its events
//! and what they carry, the CSS custom properties it reads and the parts it exposes.
//!
//! `cargo xtask package` writes both descriptions a package ships from this one:
//! `custom-elements.json` (a Custom Elements Manifest, for editors and catalogues) and
//! `stackweigh.d.ts` (TypeScript declarations). The tests below hold it to the README's
//! contract section and to the attributes `element.js` observes, so a change in one place
//! that misses another fails. Adding an attribute, an event-detail field or a part starts here:
//! the tests below then name every other place that must follow (the element's observed
//! attributes, the embed's reading of them, the core's detail, the README's tables and the
//! end-to-end tests' lists).
//!
//! This file is the contract itself; manifest.rs and declarations.rs beside it write the
//! two descriptions, and tests.rs holds the contract to the places that must follow it.

mod declarations;
mod manifest;
#[cfg(test)]
mod tests;

pub use declarations::declarations;
pub use manifest::manifest;

/// The element's name, and the name its class goes by in the manifest and the types.
pub const TAG: &str = "stack-weigh";
pub const CLASS: &str = "StackWeighElement";

/// An attribute the element reads at load and whenever it changes.
pub struct Attribute {
    pub name: &'static str,
    /// Its values as a TypeScript type.
    pub ts: &'static str,
    /// The value in effect when it is absent, as the manifest shows it.
    pub default: Option<&'static str>,
    pub description: &'static str,
}

/// An event the element sends; each carries the same detail ([`DETAIL`]).
pub struct Event {
    pub name: &'static str,
    pub description: &'static str,
}

/// A field of the events' `detail`.
pub struct Field {
    pub name: &'static str,
    pub ts: &'static str,
    pub description: &'static str,
}

/// A CSS custom property the element reads, set on it or on any ancestor.
pub struct CssProperty {
    pub name: &'static str,
    /// Its CSS syntax (as `@property` writes it).
    pub syntax: &'static str,
    pub default: &'static str,
    pub description: &'static str,
}

/// A part of the shadow tree a page may style with `stack-weigh::part(name)`.
pub struct Part {
    pub name: &'static str,
    pub description: &'static str,
}

#[rustfmt::skip]
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute { name: "preset", ts: "string", default: None, description: "Project types, as a comma list (such as `real-time,machine-learning`); their weight presets combine." },
    Attribute { name: "weights", ts: "string", default: None, description: "Whole numbers 0–10 per criterion (such as `performance:8,data-science:2`); they override the preset." },
    Attribute { name: "team", ts: "string", default: Some("\"neither\""), description: "What the team writes today (`javascript`, `python` or `neither`, or a custom dataset's team); its stack gets the team bonus." },
    Attribute { name: "theme", ts: "\"auto\" | \"light\" | \"dark\"", default: Some("\"auto\""), description: "Colour scheme; `auto` follows the page's `color-scheme` when it declares one, and the reader's setting otherwise." },
    Attribute { name: "sync-url", ts: "boolean", default: None, description: "Keep the state in the page's `#fragment`: read it at load, write it back after each change." },
    Attribute { name: "loading", ts: "\"lazy\" | \"eager\"", default: Some("\"lazy\""), description: "`lazy` starts the widget only when it comes within a screen of the viewport (the fallback shows until then); `eager` starts it at once." },
];

pub const DETAIL_DESCRIPTION: &str =
    "The answer the widget shows, its scores and the weights behind them.";

#[rustfmt::skip]
pub const DETAIL: &[Field] = &[
    Field { name: "recommendation", ts: "\"node\" | \"python\" | \"both\" | \"either\" | (string & {})", description: "An option id (`node`, `python`, or a custom dataset's), `both`, or `either` where there is no single answer: too close to call, nothing weighed, or the start, before the reader has chosen anything." },
    Field { name: "strength", ts: "\"clear\" | \"leans\" | \"too-close\" | \"none\"", description: "How firm a single-stack answer is: `clear`, `leans` or `too-close`; `none` for the start, for nothing weighed and for `both`." },
    Field { name: "scores", ts: "Record<string, number>", description: "Each option's weighted mean of the sources' 1–10 scores (without the team bonus), in tenths, by option id." },
    Field { name: "agreement", ts: "number", description: "How firm the answer is: the share (0–1, in hundredths) of nearby weightings, each slider moved up to 2 steps either way, that give the same recommendation." },
    Field { name: "weights", ts: "Record<string, number>", description: "Each criterion's weight, 0–10, by criterion id." },
];

#[rustfmt::skip]
pub const EVENTS: &[Event] = &[
    Event { name: "stackweigh:ready", description: "Once, as soon as the widget is on the page (before its first paint), with the state it starts from." },
    Event { name: "stackweigh:change", description: "After every change: slider, chip, team, reset or attribute." },
];

#[rustfmt::skip]
pub const CSS_PROPERTIES: &[CssProperty] = &[
    CssProperty { name: "--stackweigh-accent", syntax: "<color>", default: "#1f56c7 (light), #8ab4ff (dark)", description: "Buttons, chips, sliders and links." },
    CssProperty { name: "--stackweigh-font", syntax: "*", default: "the page's font", description: "The font family of all the widget's text." },
    CssProperty { name: "--stackweigh-font-size", syntax: "<length>", default: "16px", description: "The base font size; everything scales from it." },
    CssProperty { name: "--stackweigh-radius", syntax: "<length>", default: "10px", description: "The corner radius of the widget and its panels." },
];

#[rustfmt::skip]
pub const PARTS: &[Part] = &[
    Part { name: "answer", description: "The answer panel: headline, reasons, what the sources say, the chart." },
    Part { name: "answer-bar", description: "The compact answer bar that narrow layouts keep at the bottom of the screen." },
    Part { name: "button", description: "The buttons (start over, copy)." },
    Part { name: "chip", description: "Each project-type chip." },
    Part { name: "slider", description: "Each weight slider, a native range input (accent-color, height)." },
    Part { name: "panel", description: "Each collapsed panel: hiring kits, side by side, questions, share." },
];

pub const ELEMENT_DESCRIPTION: &str = "Weighs Node.js against Python (or a custom dataset's options) for a backend hire: it recommends a hire, says why, shows how far each weight is from flipping the answer, and hands over the matching hiring kit. Its children are the fallback for readers without JavaScript.";
