//! The one reducer. It holds the dataset and the visitor's choices and hands every
//! action to the core's `update`; returning the same `Rc` when nothing changed lets
//! Yew skip the render. And [`Shared`], how props hold what they only read.

use std::rc::Rc;

use stackweigh_core::{update, Action, Choices, Dataset};
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub dataset: Shared<Dataset>,
    pub choices: Choices,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match update(&self.dataset, &self.choices, action) {
            Some(choices) => Rc::new(Model {
                dataset: self.dataset.clone(),
                choices,
            }),
            None => self,
        }
    }
}

/// Shared, read-only data in props. Equal when it is the same data: the dataset and the
/// outcome are rebuilt, never mutated, so identity is enough and avoids a deep comparison
/// of the whole dataset on every render. A dataset lives as long as the page (the
/// built-in one is baked in, a custom one is kept once read) and is borrowed; what is
/// worked out anew, like each outcome, is counted.
#[derive(Debug)]
pub enum Shared<T: 'static> {
    Static(&'static T),
    Counted(Rc<T>),
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        match self {
            Shared::Static(data) => Shared::Static(data),
            Shared::Counted(rc) => Shared::Counted(Rc::clone(rc)),
        }
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq::<T>(&**self, &**other)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Static(data) => data,
            Shared::Counted(rc) => rc,
        }
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared::Counted(rc)
    }
}

impl<T> From<&'static T> for Shared<T> {
    fn from(data: &'static T) -> Self {
        Shared::Static(data)
    }
}
