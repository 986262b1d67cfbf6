//! The search index: fetched the first time search is used (focus, typing,
//! or `?q=` on arrival), never with the page, and tried again after a
//! failure (back online, say).

use std::rc::Rc;

use help_search::{SEARCH_ENGINE_FILE, SEARCH_INDEX_FILE};
use yew::prelude::*;

use crate::browser::{self, SearchEngine};
use crate::hooks::bodies;
use crate::state::{Action, AppState, IndexState};

/// Fetches the search engine and index once, then reports them to the state.
fn load_index(dispatch: UseReducerDispatcher<AppState>) {
    dispatch.dispatch(Action::IndexLoading);
    let version = env!("SEARCH_INDEX_VERSION");
    yew::platform::spawn_local(async move {
        // All three travel together: the engine (its own module, so the
        // first visit's wasm does not carry it), the index, and every
        // page's text, since results show it.
        let engine = browser::fetch_bytes(&format!("{SEARCH_ENGINE_FILE}?v={version}"));
        let index = browser::fetch_bytes(&format!("{SEARCH_INDEX_FILE}?v={version}"));
        let bodies = bodies::fetch_all();
        let (engine, index, bodies) = (engine.await, index.await, bodies.await);
        // An index or engine from another build (a host that ignores `?v=`
        // mid-deploy) is refused: treated as unavailable.
        let started = match (engine, index, bodies) {
            (Ok(engine), Ok(index), Ok(())) => SearchEngine::start(&engine, &index, env!("SITE_VERSION")).await.ok(),
            _ => None,
        };
        dispatch.dispatch(match started {
            Some(engine) => Action::IndexLoaded(Rc::new(engine)),
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
