use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub messages: Vec<String>,
}

/// What could not be used from the attributes, the link or a custom dataset, and what
/// the widget did instead. The widget keeps working either way.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.messages.is_empty() {
        return html! {};
    }
    html! {
        <div class="sw-notices" role="status">
            { for props.messages.iter().map(|m| html! { <p class="sw-notice">{ m }</p> }) }
        </div>
    }
}
