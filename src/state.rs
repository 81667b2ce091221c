//! The one reducer. It holds the dataset and the visitor's choices and hands every
//! action to the core's `update`; returning the same `Rc` when nothing changed lets
//! Yew skip the render.

use std::rc::Rc;

use stackweigh_core::{update, Action, Choices, Dataset};
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub dataset: Rc<Dataset>,
    pub choices: Choices,
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match update(&self.dataset, &self.choices, action) {
            Some(choices) => Rc::new(Model {
                dataset: Rc::clone(&self.dataset),
                choices,
            }),
            None => self,
        }
    }
}

/// Shared, read-only data in props. Equal when it is the same allocation: the dataset
/// and the outcome are rebuilt, never mutated, so identity is enough and avoids a deep
/// comparison of the whole dataset on every render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}
