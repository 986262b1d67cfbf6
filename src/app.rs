//! The root component: turns the location into state, listens for
//! back/forward, and picks the page view.

use gloo::events::EventListener;
use help_core::{PageKind, Route, Site};
use yew::prelude::*;

use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::pages::article::ArticlePage;
use crate::pages::hub::HubPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::references::{ReferencesPage, UnknownReferencePage, REFERENCES_TITLE, UNKNOWN_REFERENCE_TITLE};
use crate::state::{Action, AppState};
use crate::{browser, content};

/// What every view may need from the app, in one context.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// What internal links call to move within the app, with the `href` to show.
    pub navigate: Callback<String>,
    /// The error code the person arrived with (`?error=`), known or not:
    /// contact links that name no code of their own carry it.
    pub arrival: Option<AttrValue>,
}

fn current_route(site: &Site) -> Route {
    let location = browser::location();
    Route::resolve(site, &location.path, &location.params, &location.fragment)
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

    let navigate = {
        let dispatch = state.dispatcher();
        Callback::from(move |href: String| {
            browser::push_url(&href);
            dispatch.dispatch(Action::Navigated(current_route(site)));
        })
    };

    // After each render of a new route: title, then focus where the URL points.
    {
        let route = state.route.clone();
        let navigations = state.navigations;
        use_effect_with((route, navigations), move |(route, navigations)| {
            let title = match route {
                Route::Page { index, reference: Some(code), .. } => format!("{code}: {}", site.pages[*index].title),
                Route::Page { index, .. } => site.pages[*index].title.clone(),
                Route::References => REFERENCES_TITLE.to_owned(),
                Route::UnknownReference { .. } => UNKNOWN_REFERENCE_TITLE.to_owned(),
                Route::NotFound { .. } => "Page not found".to_owned(),
            };
            browser::set_title(&format!("{title} - NHS login help"));
            match route {
                Route::Page { anchor: Some(anchor), reference, .. } => {
                    let details = reference.as_deref().and_then(|c| site.reference(c)).and_then(|(_, r)| r.place.details.as_deref());
                    browser::reveal(anchor, details);
                }
                _ if *navigations > 0 => browser::focus_main_heading(),
                _ => {}
            }
        });
    }

    let page = match &state.route {
        Route::Page { index, anchor, reference } => match site.pages[*index].kind {
            PageKind::Hub => html! { <HubPage index={*index} /> },
            PageKind::Article => html! {
                <ArticlePage index={*index} anchor={anchor.clone().map(AttrValue::from)} reference={reference.clone().map(AttrValue::from)} />
            },
        },
        Route::References => html! { <ReferencesPage /> },
        Route::UnknownReference { code } => html! { <UnknownReferencePage code={code.clone().map(AttrValue::from)} /> },
        Route::NotFound { .. } => html! { <NotFoundPage /> },
    };

    let context = AppContext { navigate, arrival: state.route.arrival_code().map(|c| AttrValue::from(c.to_owned())) };
    html! {
        <ContextProvider<AppContext> {context}>
            <a class="nhsuk-skip-link" href="#maincontent">{ "Skip to main content" }</a>
            <Header />
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent">
                    { page }
                </main>
            </div>
            <Footer />
        </ContextProvider<AppContext>>
    }
}
