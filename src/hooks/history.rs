//! Moving around: in-app links add a history entry, back and forward follow
//! the address, and Ctrl+K (Cmd+K on a Mac) finds the search box.

use gloo::events::{EventListener, EventListenerOptions};
use help_search::MAX_QUERY_CHARS;
use help_core::{Route, Site};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::content;
use crate::hooks::bodies;
use crate::state::{Action, AppState};

/// The route and the search query (`q`) of the current location.
pub fn current_location(site: &Site) -> (Route, String) {
    let location = browser::location();
    // Search reads no more than this, so neither the box nor the heading shows more.
    let query = location.params.iter().find(|(k, _)| k == "q").map(|(_, v)| v.chars().take(MAX_QUERY_CHARS).collect()).unwrap_or_default();
    (Route::resolve(site, &location.path, &location.params, &location.fragment), query)
}

/// Follows back and forward and the search shortcut; returns what in-app
/// links call with their `href`.
#[hook]
pub fn use_history(state: &UseReducerHandle<AppState>, search_box: &'static str) -> Callback<String> {
    let site = content::site();
    let dispatch = state.dispatcher();
    let first = (state.route.clone(), state.query.clone());
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("browser window");
        let follow = move |dispatch: yew::UseReducerDispatcher<AppState>| {
            let (route, query) = current_location(site);
            bodies::when_held(&route.clone(), move || dispatch.dispatch(Action::Navigated(route, query)));
        };
        let listener = {
            let dispatch = dispatch.clone();
            EventListener::new(&window, "popstate", move |_| {
                // After the browser has finished going back: its own fragment
                // handling would otherwise take focus from the section the app
                // focuses.
                let dispatch = dispatch.clone();
                gloo::timers::callback::Timeout::new(0, move || follow(dispatch)).forget();
            })
        };
        // The address may have moved between the app reading it and this
        // listener starting (a partner's frame asks for a code's guidance as
        // soon as the page answers, by the address): follow it now.
        if current_location(site) != first {
            follow(dispatch);
        }
        // No single-key shortcut, so typing elsewhere never jumps (WCAG 2.1.4).
        let document = window.document().expect("document");
        let shortcut = EventListener::new_with_options(&document, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
            let e: &KeyboardEvent = e.unchecked_ref();
            if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("k") {
                e.prevent_default();
                browser::focus(search_box);
            }
        });
        move || drop((listener, shortcut))
    });

    let dispatch = state.dispatcher();
    Callback::from(move |href: String| {
        browser::push_url(&href);
        let (route, query) = current_location(site);
        let dispatch = dispatch.clone();
        bodies::when_held(&route.clone(), move || dispatch.dispatch(Action::Navigated(route, query)));
    })
}
