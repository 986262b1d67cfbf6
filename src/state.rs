//! The app's one piece of state: where the person is, what they are
//! searching for, and whether the search index has arrived. Every view is a
//! pure function of it, so links, back/forward and reloads all agree.

use std::rc::Rc;

use help_core::Route;
use yew::Reducible;

use crate::browser::SearchEngine;

/// The search index is fetched the first time search is used.
#[derive(Debug, Clone, Default)]
pub enum IndexState {
    #[default]
    NotLoaded,
    Loading,
    Ready(Rc<SearchEngine>),
    /// It could not be fetched (offline before it was cached, say).
    Failed,
}

/// Two states are equal when they hold the same index, not an equal one:
/// comparing whole indexes on every render would cost time and bytes.
impl PartialEq for IndexState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (IndexState::Ready(a), IndexState::Ready(b)) => Rc::ptr_eq(a, b),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub route: Route,
    /// Counts in-app navigations; 0 is the page as first loaded. Views use it
    /// to move focus only after a navigation, not on first load.
    pub navigations: u32,
    /// What is in the search box; also `?q=` in the address bar. While it is
    /// not empty the results stand in place of the page.
    pub query: String,
    pub index: IndexState,
    /// Whether the browser is online, and when this device saved the copy it
    /// shows offline (`22 November 2026`, once known).
    pub online: bool,
    pub saved_on: Option<String>,
    /// The answer to "Did this help?" on the page shown, once given.
    pub helped: Option<bool>,
}

impl AppState {
    /// The state on arrival: the route and query of the address.
    pub fn new(route: Route, query: String, online: bool) -> Self {
        AppState { route, navigations: 0, query, index: IndexState::NotLoaded, online, saved_on: None, helped: None }
    }

    /// Whether the results stand in place of the page: a query with more
    /// than spaces in it.
    pub fn searching(&self) -> bool {
        !self.query.trim().is_empty()
    }
}

pub enum Action {
    /// The location changed: a link inside the app or back/forward, with the
    /// location's own `q`.
    Navigated(Route, String),
    /// The search box changed.
    Typed(String),
    IndexLoading,
    IndexLoaded(Rc<SearchEngine>),
    IndexFailed,
    /// The browser went online (`true`) or offline.
    Connection(bool),
    /// The date the service worker saved the offline copy.
    SavedOn(String),
    /// "Did this help?" was answered.
    Answered(bool),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigated(route, query) => {
                next.route = route;
                next.query = query;
                next.navigations += 1;
                next.helped = None;
            }
            Action::Typed(query) => next.query = query,
            // Once is enough; after a failure (offline), try again.
            Action::IndexLoading if matches!(next.index, IndexState::NotLoaded | IndexState::Failed) => {
                next.index = IndexState::Loading;
            }
            Action::IndexLoading => return self,
            Action::IndexLoaded(index) => next.index = IndexState::Ready(index),
            Action::IndexFailed => next.index = IndexState::Failed,
            Action::Connection(online) if online == next.online => return self,
            Action::Connection(online) => next.online = online,
            Action::SavedOn(day) => next.saved_on = Some(day),
            Action::Answered(helped) => next.helped = Some(helped),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start() -> Rc<AppState> {
        Rc::new(AppState { route: Route::NotFound { file: "x.html".into() }, navigations: 0, query: String::new(), index: IndexState::NotLoaded, online: true, saved_on: None, helped: None })
    }

    #[test]
    fn navigating_counts_and_replaces_the_route_and_query() {
        let next = start().reduce(Action::Navigated(Route::Page { index: 1, anchor: None, reference: None }, "pass".into()));
        assert_eq!(next.navigations, 1);
        assert_eq!(next.route, Route::Page { index: 1, anchor: None, reference: None });
        assert_eq!(next.query, "pass");
    }

    #[test]
    fn typing_keeps_the_page_and_the_index_loads_once() {
        let typed = start().reduce(Action::Typed("landline".into()));
        assert_eq!((typed.query.as_str(), typed.navigations), ("landline", 0));
        let loading = typed.reduce(Action::IndexLoading);
        assert_eq!(loading.index, IndexState::Loading);
        assert!(Rc::ptr_eq(&loading, &loading.clone().reduce(Action::IndexLoading)));
        let failed = loading.reduce(Action::IndexFailed);
        assert_eq!(failed.reduce(Action::IndexLoading).index, IndexState::Loading);
    }

    #[test]
    fn an_answer_holds_until_the_next_page() {
        let answered = start().reduce(Action::Answered(false));
        assert_eq!(answered.helped, Some(false));
        assert_eq!(answered.reduce(Action::Navigated(Route::References, String::new())).helped, None);
    }

    #[test]
    fn going_offline_keeps_the_page_and_learns_the_saved_date() {
        let state = start();
        assert!(Rc::ptr_eq(&state, &state.clone().reduce(Action::Connection(true))), "no re-render for no change");
        let offline = state.reduce(Action::Connection(false)).reduce(Action::SavedOn("22 November 2026".into()));
        assert_eq!((offline.online, offline.saved_on.as_deref(), offline.navigations), (false, Some("22 November 2026"), 0));
        assert!(offline.reduce(Action::Connection(true)).online);
    }
}
