//! The widget as one Yew component tree. Inputs arrive as props (raw attribute and link
//! text); the core reads them, the reducer holds the choices, the core evaluates them.

use stackweigh_core::encoding::{read_fragment, read_settings};
use stackweigh_core::{
    evaluate, explain, Action, Choices, Dataset, Outcome, Settings, Theme, Verdict,
};
use yew::prelude::*;

use crate::components::{
    ComparisonTable, Controls, Credits, Faq, HireKit, Notices, SharePanel, VerdictPanel,
};
use crate::hooks::{use_link_sync, use_on_change};
use crate::state::{Model, Shared};

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub dataset: Shared<Dataset>,
    /// Why a custom dataset was refused (the built-in one is shown instead).
    #[prop_or_default]
    pub dataset_problem: Option<AttrValue>,
    /// The `preset`, `weights` and `team` attributes as written.
    #[prop_or_default]
    pub settings: Settings,
    /// The `theme` attribute as written.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// The page's link fragment, read only when the host opted in with `sync-url`.
    #[prop_or_default]
    pub link: Option<AttrValue>,
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

/// Choices to start from: a readable link wins over the attributes. Also the link's
/// problem, if it could not be read.
pub fn initial_choices(
    dataset: &Dataset,
    settings: &Settings,
    link: Option<&str>,
) -> (Choices, Option<String>) {
    let (from_attributes, _) = read_settings(dataset, settings);
    match link.filter(|link| !link.trim_start_matches('#').is_empty()) {
        Some(link) => match read_fragment(dataset, link) {
            Ok(choices) => (choices, None),
            Err(problem) => (from_attributes, Some(problem)),
        },
        None => (from_attributes, None),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let start = use_memo((), {
        let props = props.clone();
        move |_| initial_choices(&props.dataset, &props.settings, props.link.as_deref())
    });
    let model = use_reducer({
        let dataset = props.dataset.clone();
        let choices = start.0.clone();
        move || Model { dataset, choices }
    });

    // Attributes changed after load replace the choices; the first render already used them.
    let applied = use_mut_ref(|| props.settings.clone());
    use_effect_with((props.settings.clone(), model.dispatcher()), {
        let dataset = props.dataset.clone();
        move |(settings, dispatch): &(Settings, UseReducerDispatcher<Model>)| {
            if *applied.borrow() != *settings {
                *applied.borrow_mut() = settings.clone();
                dispatch.dispatch(Action::Replace(read_settings(&dataset, settings).0));
            }
        }
    });

    // Declared before `use_on_change`, so it runs before any change is reported.
    use_effect_with((), {
        let on_first_render = props.on_first_render.clone();
        move |_| on_first_render.emit(())
    });

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

    let theme = Theme::parse(props.theme.as_deref().unwrap_or_default()).unwrap_or_default();
    // What could not be used, worked out again only when the inputs change.
    let notices = use_memo(
        (
            props.dataset_problem.clone(),
            props.settings.clone(),
            props.theme.clone(),
            start.1.clone(),
        ),
        {
            let dataset = dataset.clone();
            move |(dataset_problem, settings, theme, link_problem)| {
                let mut notices: Vec<String> = dataset_problem
                    .iter()
                    .map(|p| format!("Custom dataset refused, showing the built-in one. {p}"))
                    .collect();
                notices.extend(read_settings(&dataset, settings).1);
                notices.extend(link_problem.clone());
                notices.extend(Theme::parse(theme.as_deref().unwrap_or_default()).err());
                notices
            }
        },
    );

    // One callback for the whole life of the widget, so children's props stay equal.
    let on_action = use_callback(model.dispatcher(), |action: Action, dispatch| {
        dispatch.dispatch(action)
    });

    html! {
        <section class="sw" data-theme={theme.as_str()} aria-label={dataset.title.clone()}>
            <header class="sw-head">
                <h2 class="sw-title">{ &*dataset.title }</h2>
                if !dataset.intro.is_empty() {
                    <p class="sw-intro">{ &*dataset.intro }</p>
                }
            </header>
            <Notices messages={notices} />
            <div class="sw-main">
                <VerdictPanel dataset={dataset.clone()} outcome={outcome.clone()} team={choices.team} announcement={(*announcement).clone()} />
                <Controls dataset={dataset.clone()} choices={choices.clone()} outcome={outcome.clone()} {on_action} />
            </div>
            <div class="sw-more">
                <HireKit dataset={dataset.clone()} roles={outcome.roles.clone()} both={matches!(outcome.verdict, Verdict::Both(_))} />
                <ComparisonTable dataset={dataset.clone()} />
                <Faq dataset={dataset.clone()} />
                <SharePanel dataset={dataset.clone()} choices={choices.clone()} outcome={outcome.clone()} />
            </div>
            <Credits dataset={dataset.clone()} />
        </section>
    }
}
