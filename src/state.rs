//! The app's one piece of state: where the person is. Every view is a pure
//! function of it, so links, back/forward and reloads all agree.

use std::rc::Rc;

use help_core::Route;
use yew::Reducible;

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub route: Route,
    /// Counts in-app navigations; 0 is the page as first loaded. Views use it
    /// to move focus only after a navigation, not on first load.
    pub navigations: u32,
}

pub enum Action {
    /// The location changed: a link inside the app or back/forward.
    Navigated(Route),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Navigated(route) => Rc::new(AppState { route, navigations: self.navigations + 1 }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigating_counts_and_replaces_the_route() {
        let state = Rc::new(AppState { route: Route::NotFound { file: "x.html".into() }, navigations: 0 });
        let next = state.reduce(Action::Navigated(Route::Page { index: 1, anchor: None, reference: None }));
        assert_eq!(next.navigations, 1);
        assert_eq!(next.route, Route::Page { index: 1, anchor: None, reference: None });
    }
}
