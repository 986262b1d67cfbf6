//! The root component: turns the location into state, listens for
//! back/forward, and picks the page view.

use gloo::events::EventListener;
use help_core::{PageKind, Route, Site};
use yew::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::pages::{article::ArticlePage, hub::HubPage, not_found::NotFoundPage};
use crate::state::{Action, AppState};
use crate::{browser, content};

/// What internal links call to move within the app: the `href` to show.
#[derive(Clone, PartialEq)]
pub struct Navigator(pub Callback<String>);

fn current_route(site: &Site) -> Route {
    let (path, hash) = browser::location();
    Route::resolve(site, &path, &hash)
}

#[function_component(App)]
pub fn app() -> Html {
    let site = content::site();
    let state = use_reducer(|| AppState { route: current_route(site), navigations: 0 });

    // Back and forward: the browser has already changed the URL.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("browser window");
            let listener = EventListener::new(&window, "popstate", move |_| {
                dispatch.dispatch(Action::Navigated(current_route(site)));
            });
            move || drop(listener)
        });
    }

    let navigator = {
        let dispatch = state.dispatcher();
        Navigator(Callback::from(move |href: String| {
            browser::push_url(&href);
            dispatch.dispatch(Action::Navigated(current_route(site)));
        }))
    };

    // After each render of a new route: title, then focus where the URL points.
    {
        let route = state.route.clone();
        let navigations = state.navigations;
        use_effect_with((route, navigations), move |(route, navigations)| {
            let title = match route {
                Route::Page { index, .. } => site.pages[*index].title.clone(),
                Route::NotFound { .. } => "Page not found".to_owned(),
            };
            browser::set_title(&format!("{title} - NHS login help"));
            match route {
                Route::Page { anchor: Some(anchor), .. } => browser::reveal(anchor),
                _ if *navigations > 0 => browser::focus_main_heading(),
                _ => {}
            }
        });
    }

    let page = match &state.route {
        Route::Page { index, anchor } => match site.pages[*index].kind {
            PageKind::Hub => html! { <HubPage index={*index} /> },
            PageKind::Article => html! { <ArticlePage index={*index} anchor={anchor.clone().map(AttrValue::from)} /> },
        },
        Route::NotFound { .. } => html! { <NotFoundPage /> },
    };

    html! {
        <ContextProvider<Navigator> context={navigator}>
            <a class="nhsuk-skip-link" href="#maincontent">{ "Skip to main content" }</a>
            <Header />
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent">
                    { page }
                </main>
            </div>
            <Footer />
        </ContextProvider<Navigator>>
    }
}
