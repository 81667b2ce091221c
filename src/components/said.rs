//! Whose a sentence is, marked the same way in every panel: a source's name and the part
//! of its article, or "ours" and the rule, from the core's [`Whose`].

use stackweigh_core::whose::{Said as SaidText, Whose};
use yew::prelude::*;

use crate::components::Same;

/// The mark after a sentence or beside a heading. Our rules get a framed "ours" tag, so a
/// reader tells them from the articles' advice at a glance; the whole attribution is its
/// tooltip, and said to screen readers.
pub fn mark(whose: &Whose) -> Html {
    let kind = match whose {
        Whose::Source { .. } => "source",
        Whose::Ours(_) => "ours",
        Whose::Dataset => "dataset",
    };
    html! {
        <small class="sw-whose" data-whose={kind} title={whose.attribution()}>{ whose.label() }</small>
    }
}

/// A sentence followed by its mark.
pub fn said(said: &SaidText) -> Html {
    html! { <>{ said.text.to_string() }{ " " }{ mark(&said.whose) }</> }
}

/// [`said`], for a sentence whose words change on most slider steps and whose owner does
/// not (the answer's sentence, the firmness line): the mark is in a [`Same`], so a step
/// rewrites the words and leaves the mark alone.
pub fn said_changing(said: &SaidText) -> Html {
    html! { <>{ said.text.to_string() }{ " " }<Same>{ mark(&said.whose) }</Same></> }
}
