//! The widget as one Yew component tree. What it starts from arrives as props, worked out
//! by the core from the attributes, the link and the theme ([`stackweigh_core::start`]);
//! the reducer holds the choices, the core evaluates them.

use std::cell::RefCell;
use std::rc::Rc;

use stackweigh_core::start::Start;
use stackweigh_core::{evaluate, explain, Action, Choices, Dataset, Outcome, Settings, Verdict};
use yew::prelude::*;

use crate::components::{
    use_kept_ref, ComparisonTable, Controls, Credits, Faq, HireKit, Notices, Same, SharePanel,
    VerdictPanel,
};
use crate::hooks::{use_host_scheme, use_link_sync, use_on_change};
use crate::state::{Model, Shared};

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub dataset: Shared<Dataset>,
    /// The choices, theme and notices from what the host and the reader asked for. A new
    /// one (the host changed an attribute) replaces the choices if it brings other ones.
    pub start: Shared<Start>,
    /// Where `embed.html` is, for the iframe snippet and the link.
    #[prop_or(AttrValue::Static("embed.html"))]
    pub embed_page: AttrValue,
    /// Write the choices back into the page link as they change.
    #[prop_or_default]
    pub sync_url: bool,
    /// Called once the first render's DOM is complete, before any `on_change`.
    #[prop_or_default]
    pub on_first_render: Callback<()>,
    /// Called after every change of the choices, with what the widget now shows. The
    /// embed sends it to the host page as `stackweigh:change`.
    #[prop_or_default]
    pub on_change: Callback<(Choices, Shared<Outcome>)>,
}

/// The widget, with its dataset in a context that every panel reads
/// (`hooks::use_dataset`). The context's provider sits above [`Panels`], which holds the
/// state, so a slider step re-renders the panels and not the provider: a provider renders
/// again whenever the `Html` inside it changes, and it is one more component to render.
#[component]
pub fn App(props: &AppProps) -> Html {
    html! {
        <ContextProvider<Shared<Dataset>> context={props.dataset.clone()}>
            <Panels ..props.clone() />
        </ContextProvider<Shared<Dataset>>>
    }
}

/// One instance's panels (the answer, the controls, the kits, the table, sharing) and the
/// reducer that holds its choices.
#[component]
fn Panels(props: &AppProps) -> Html {
    let model = use_reducer({
        let dataset = props.dataset.clone();
        let choices = props.start.choices.clone();
        move || Model { dataset, choices }
    });

    // Attributes changed after load replace the choices; a new theme alone leaves the
    // reader's sliders where they are.
    let applied = use_mut_ref(|| props.start.settings.clone());
    use_effect_with((props.start.clone(), model.dispatcher()), {
        move |(start, dispatch): &(Shared<Start>, UseReducerDispatcher<Model>)| {
            replace_if_new(&applied, start, dispatch)
        }
    });

    // Declared before `use_on_change`, so it runs before any change is reported.
    use_effect_with((), {
        let on_first_render = props.on_first_render.clone();
        move |_| on_first_render.emit(())
    });

    // After the first-render effect above, which puts the widget on the page: only there
    // does it inherit the page's colour scheme.
    let section = use_node_ref();
    // The elements a step re-renders keep their reference (`use_kept_ref`).
    let kept = use_kept_ref();
    let host_scheme = use_host_scheme(section.clone());

    let dataset = props.dataset.clone();
    let choices = &model.choices;
    let outcome: Shared<_> = use_memo(choices.clone(), {
        let dataset = dataset.clone();
        move |choices| evaluate(&dataset, choices)
    })
    .into();

    use_on_change(props.on_change.clone(), choices.clone(), outcome.clone());
    use_link_sync(props.sync_url, dataset.clone(), choices.clone());

    // The live region speaks when the verdict changes, not on every step of a slider.
    let announcement = use_memo(outcome.verdict.clone(), {
        let (dataset, outcome) = (dataset.clone(), outcome.clone());
        move |_| AttrValue::from(explain::announcement(&dataset, &outcome))
    });

    let theme = props.start.theme.on_host(&host_scheme);

    // One callback for the whole life of the widget, so children's props stay equal.
    let on_action = use_callback(model.dispatcher(), |action: Action, dispatch| {
        dispatch.dispatch(action)
    });

    html! {
        <section class="sw" ref={section} data-theme={theme.as_str()} aria-label={dataset.title.0}>
            <Same>
                <header class="sw-head">
                    <h2 class="sw-title">{ &*dataset.title }</h2>
                    if !dataset.intro.is_empty() {
                        <p class="sw-intro">{ &*dataset.intro }</p>
                    }
                </header>
            </Same>
            <Notices messages={props.start.notices.clone()} />
            <div ref={kept.clone()} class="sw-main">
                <VerdictPanel outcome={outcome.clone()} team={choices.team} announcement={(*announcement).clone()} />
                <Controls choices={choices.clone()} outcome={outcome.clone()} {on_action} />
            </div>
            <div ref={kept.clone()} class="sw-more">
                <HireKit roles={outcome.roles.clone()} both={matches!(outcome.verdict, Verdict::Both(_))} />
                <ComparisonTable />
                <Faq />
                <SharePanel choices={choices.clone()} outcome={outcome.clone()} embed_page={props.embed_page.clone()} {theme} />
            </div>
            <Credits />
        </section>
    }
}

fn replace_if_new(
    applied: &Rc<RefCell<Settings>>,
    start: &Start,
    dispatch: &UseReducerDispatcher<Model>,
) {
    if *applied.borrow() != start.settings {
        *applied.borrow_mut() = start.settings.clone();
        dispatch.dispatch(Action::Replace(start.choices.clone()));
    }
}
