//! The host page's colour scheme, as the widget's own element inherits it.

use wasm_bindgen::prelude::*;
use web_sys::{MutationObserver, MutationObserverInit};
use yew::prelude::*;

/// The computed `color-scheme` that the element holding `node` inherits from the host
/// page ("normal" when the page declares none), kept current: a page that switches its own
/// theme does it by changing a class or style on `<html>` or `<body>`, or in a media query
/// on the reader's setting, so both are watched while the widget is mounted and let go when
/// it is removed.
#[hook]
pub fn use_host_scheme(node: NodeRef) -> AttrValue {
    let scheme = use_state_eq(AttrValue::default);
    use_effect_with(node, {
        let scheme = scheme.setter();
        move |node: &NodeRef| {
            let read = {
                let node = node.clone();
                move || {
                    if let Some(computed) = node
                        .get()
                        .and_then(|n| n.parent_element())
                        .and_then(|parent| web_sys::window()?.get_computed_style(&parent).ok()?)
                        .and_then(|style| style.get_property_value("color-scheme").ok())
                    {
                        scheme.set(computed.into());
                    }
                }
            };
            read();
            let watch = Watch::start(read);
            move || drop(watch)
        }
    });
    (*scheme).clone()
}

/// What keeps [`use_host_scheme`] current; dropping it stops the watching.
struct Watch {
    observer: Option<MutationObserver>,
    media: Option<web_sys::MediaQueryList>,
    on_change: Closure<dyn FnMut()>,
}

impl Watch {
    fn start(read: impl FnMut() + 'static) -> Watch {
        let on_change = Closure::<dyn FnMut()>::new(read);
        let callback = on_change.as_ref().unchecked_ref();
        let document = web_sys::window().and_then(|w| w.document());
        let observer = MutationObserver::new(callback).ok().inspect(|observer| {
            let init = MutationObserverInit::new();
            init.set_attributes(true);
            let roots = document
                .iter()
                .flat_map(|d| [d.document_element(), d.body().map(Into::into)])
                .flatten();
            for element in roots {
                // A page we cannot observe still gets its scheme read at mount.
                let _ = observer.observe_with_options(&element, &init);
            }
        });
        let media = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .inspect(|media| {
                let _ = media.add_event_listener_with_callback("change", callback);
            });
        Watch {
            observer,
            media,
            on_change,
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        if let Some(media) = &self.media {
            let _ = media.remove_event_listener_with_callback(
                "change",
                self.on_change.as_ref().unchecked_ref(),
            );
        }
    }
}
