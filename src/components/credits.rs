use stackweigh_core::view;
use yew::prelude::*;

use crate::hooks::use_dataset;

/// Credits the sources and says how to read the marks, as the core's [`view::credits`]
/// has it. Links are http(s) only: validation refuses anything else.
#[component]
pub fn Credits() -> Html {
    let dataset = use_dataset();
    let credits = view::credits(&dataset);
    let sources = credits.sources.iter().enumerate().map(|(i, s)| {
        let title = match s.url {
            Some(url) => html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ s.title }</a> },
            None => html! { <cite>{ s.title }</cite> },
        };
        let sep = if i == 0 { "" } else { "; " };
        html! { <>{ sep }{ title }{ &s.by }</> }
    });
    html! {
        <footer class="sw-credits">
            <p>
                if !credits.sources.is_empty() {
                    { "Facts from " }{ for sources }{ ". " }{ credits.marks }{ " " }
                }
                { credits.privacy }
            </p>
        </footer>
    }
}
