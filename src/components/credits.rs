use stackweigh_core::Dataset;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct CreditsProps {
    pub dataset: Shared<Dataset>,
}

/// Credits both sources. Links are http(s) only: validation refuses anything else.
#[component]
pub fn Credits(props: &CreditsProps) -> Html {
    let sources = props.dataset.sources.iter().enumerate().map(|(i, s)| {
        let title = match &s.url {
            Some(url) => html! { <a href={url.0} target="_blank" rel="noopener noreferrer">{ &*s.title }</a> },
            None => html! { <cite>{ &*s.title }</cite> },
        };
        let by = match &s.date {
            Some(date) => format!(" ({}, {date})", s.publisher),
            None => format!(" ({})", s.publisher),
        };
        let sep = if i == 0 { "" } else { "; " };
        html! { <>{ sep }{ title }{ by }</> }
    });
    html! {
        <footer class="sw-credits">
            <p>
                if !props.dataset.sources.is_empty() {
                    { "Facts from " }{ for sources }{ ". Wording and weighting are stackweigh's own. " }
                }
                { "It runs entirely in your browser: nothing you set leaves this page." }
            </p>
        </footer>
    }
}
