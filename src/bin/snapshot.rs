//! `stackweigh-snapshot DIR`: renders the widget's default view (an element with no
//! attributes, the built-in dataset) to HTML natively, with Yew's server renderer, and
//! writes it to `DIR/snapshot.html` beside the stylesheet (`DIR/widget.css`).
//!
//! `cargo xtask dist` runs it and ships both in `stackweigh.js`, so the first frame with a
//! widget is painted before the wasm is even unpacked (docs/performance.md, "The first
//! view"). It renders whatever the components render today: a change to them or to the
//! dataset's wording reaches the snapshot at the next build, never by hand.
//!
//! Not hydratable: the app renders over the snapshot instead of hydrating it, so the
//! shipped wasm carries no hydration code and a snapshot that differs from the live view
//! (a theme, a link with state) is simply replaced, never a panic.

use std::path::PathBuf;
use std::rc::Rc;

use stackweigh::{App, AppProps};
use stackweigh_core::start::{resolve, Requested};
use stackweigh_core::Dataset;
use yew::{Callback, ServerRenderer};

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: stackweigh-snapshot DIR");
        std::process::exit(2);
    };
    let renderer = ServerRenderer::<App>::with_props(|| {
        let dataset = Dataset::builtin();
        AppProps {
            dataset: dataset.into(),
            start: Rc::new(resolve(dataset, &Requested::default())).into(),
            embed_page: "embed.html".into(),
            sync_url: false,
            on_first_render: Callback::noop(),
            on_change: Callback::noop(),
        }
    })
    .hydratable(false);
    let html = futures::executor::block_on(renderer.render());
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("stackweigh-snapshot: writing {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    write("snapshot.html", &html);
    write("widget.css", stackweigh::STYLES);
}
