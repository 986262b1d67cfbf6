//! The search index: fetched the first time search is used (focus, typing,
//! or `?q=` on arrival), never with the page, and tried again after a
//! failure (back online, say).

use std::rc::Rc;

use help_search::SEARCH_INDEX_FILE;
use yew::prelude::*;

use crate::browser;
use crate::hooks::bodies;
use crate::state::{Action, AppState, IndexState};

/// Fetches the search index once, then reports it to the state.
fn load_index(dispatch: UseReducerDispatcher<AppState>) {
    dispatch.dispatch(Action::IndexLoading);
    let url = format!("{SEARCH_INDEX_FILE}?v={}", env!("SEARCH_INDEX_VERSION"));
    yew::platform::spawn_local(async move {
        // An index from another build (a host that ignores `?v=` mid-deploy)
        // would point at other pages: treat it as unavailable.
        let index = browser::fetch_bytes(&url);
        // Results show the text of every page, so the bodies come too, together.
        let bodies = bodies::fetch_all();
        let (index, bodies) = (index.await, bodies.await);
        let bodies_arrived = bodies.is_ok();
        let index = index
            .ok()
            .and_then(|bytes| help_search::SearchIndex::from_bytes(&bytes).ok())
            .filter(|index| index.site == env!("SITE_VERSION"))
            .filter(|_| bodies_arrived);
        dispatch.dispatch(match index {
            Some(index) => Action::IndexLoaded(Rc::new(index)),
            None => Action::IndexFailed,
        });
    });
}

/// What the search box calls: when its query changes, and when it gets focus.
pub struct SearchCallbacks {
    pub on_query: Callback<String>,
    pub on_focus: Callback<()>,
}

#[hook]
pub fn use_search_index(state: &UseReducerHandle<AppState>) -> SearchCallbacks {
    // A search in the address (on arrival, back and forward, a partner's
    // request) needs the index at once, and tries again after a failure:
    // once per navigation, never in a loop.
    let dispatch = state.dispatcher();
    let needed = state.searching() && matches!(state.index, IndexState::NotLoaded | IndexState::Failed);
    use_effect_with((state.navigations, state.searching()), move |_| {
        if needed {
            load_index(dispatch);
        }
    });

    let idle = matches!(state.index, IndexState::NotLoaded | IndexState::Failed);
    let dispatch = state.dispatcher();
    // Typing fetches the index if focusing did not (text typed into the
    // prerendered box before the app arrived), and after a failed fetch.
    let on_query = Callback::from(move |query: String| {
        browser::replace_query(&query);
        dispatch.dispatch(Action::Typed(query));
        if idle {
            load_index(dispatch.clone());
        }
    });
    let dispatch = state.dispatcher();
    let on_focus = Callback::from(move |()| {
        if idle {
            load_index(dispatch.clone());
        }
    });
    SearchCallbacks { on_query, on_focus }
}
