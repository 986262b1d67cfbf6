//! The root component: turns the location into state, listens for
//! back/forward, and picks the page view.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use help_core::search::SEARCH_INDEX_FILE;
use help_core::partner::PartnerVisit;
use help_core::{PageKind, Route, Site};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::search::{self, Search};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::offline_notice::offline_notice;
use crate::pages::article::ArticlePage;
use crate::pages::hub::HubPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::references::{ReferencesPage, UnknownReferencePage, REFERENCES_TITLE, UNKNOWN_REFERENCE_TITLE};
use crate::state::{Action, AppState, IndexState};
use crate::{browser, content};

/// The service worker, and the date it saved this device's copy (it answers
/// this address from its cache; see `static/sw.js`).
const SERVICE_WORKER_FILE: &str = "sw.js";
const SAVED_ON_FILE: &str = "offline-saved-on";
/// The script that speaks the embed protocol with a partner's page; only
/// loaded inside a partner's frame (`static/embed-frame.js`).
const FRAME_BRIDGE_FILE: &str = "embed-frame.js";

/// What every view may need from the app, in one context.
#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// What internal links call to move within the app, with the `href` to show.
    pub navigate: Callback<String>,
    /// The error code the person arrived with (`?error=`), known or not:
    /// contact links that name no code of their own carry it.
    pub arrival: Option<AttrValue>,
    /// The partner the person came from (`?partner=`), if any.
    pub partner: Option<PartnerVisit>,
    /// The answer to "Did this help?" on this page, and how to give it.
    pub helped: Option<bool>,
    pub answer: Callback<bool>,
}

/// The route and the search query (`q`) of the current location.
fn current_location(site: &Site) -> (Route, String) {
    let location = browser::location();
    let query = location.params.iter().find(|(k, _)| k == "q").map(|(_, v)| v.clone()).unwrap_or_default();
    (Route::resolve(site, &location.path, &location.params, &location.fragment), query)
}

/// Fetches the search index once, then reports it to the state.
fn load_index(dispatch: UseReducerDispatcher<AppState>) {
    dispatch.dispatch(Action::IndexLoading);
    let url = format!("{SEARCH_INDEX_FILE}?v={}", env!("SEARCH_INDEX_VERSION"));
    yew::platform::spawn_local(async move {
        // An index from another build (a host that ignores `?v=` mid-deploy)
        // would point at other pages: treat it as unavailable.
        let index = browser::fetch_text(&url)
            .await
            .ok()
            .and_then(|text| help_core::bundle::index_from_json(&text).ok())
            .filter(|index| index.site == env!("SITE_VERSION"));
        dispatch.dispatch(match index {
            Some(index) => Action::IndexLoaded(Rc::new(index)),
            None => Action::IndexFailed,
        });
    });
}

/// The document title for a view: what is shown, then the service.
pub fn page_title(site: &Site, route: &Route, searching: bool) -> String {
    let title = match route {
        _ if searching => "Search results".to_owned(),
        Route::Page { index, reference: Some(code), .. } => format!("{code}: {}", site.pages[*index].title),
        Route::Page { index, .. } => site.pages[*index].title.clone(),
        Route::References => REFERENCES_TITLE.to_owned(),
        Route::UnknownReference { .. } => UNKNOWN_REFERENCE_TITLE.to_owned(),
        Route::NotFound { .. } => "Page not found".to_owned(),
    };
    format!("{title} - NHS login help")
}

/// Where the app starts: the view of the address it was opened at. The
/// browser reads it from the location; the prerender names each page file.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub route: Route,
    /// `?q=` of the address.
    #[prop_or_default]
    pub query: String,
    #[prop_or(true)]
    pub online: bool,
    /// `?partner=` and `?return-link=`, checked against the partner's profile.
    #[prop_or_default]
    pub partner: Option<PartnerVisit>,
    /// `?embed`: shown in a partner's frame; the frame bridge is loaded.
    #[prop_or_default]
    pub embedded: bool,
    /// Called after the first render, before any other effect: the browser
    /// then puts the app in place of the prerendered page.
    #[prop_or_default]
    pub on_rendered: Callback<()>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let site = content::site();
    let state = use_reducer(|| AppState {
        route: props.route.clone(),
        navigations: 0,
        query: props.query.clone(),
        index: IndexState::NotLoaded,
        online: props.online,
        saved_on: None,
        helped: None,
    });

    // First: the rendered app takes the prerendered page's place, so that
    // the effects below find their elements in the document.
    {
        let on_rendered = props.on_rendered.clone();
        use_effect_with((), move |_| on_rendered.emit(()));
    }

    // Offline: register the service worker once the page is up (unless this
    // build retires it), and follow the connection for the offline notice.
    // In a partner's frame, load the bridge that talks to the partner's page.
    {
        let dispatch = state.dispatcher();
        let embedded = props.embedded;
        use_effect_with((), move |_| {
            if env!("SERVICE_WORKER") == "on" {
                browser::register_service_worker(SERVICE_WORKER_FILE);
            }
            if embedded {
                browser::load_script(FRAME_BRIDGE_FILE);
            }
            let window = web_sys::window().expect("browser window");
            let went_offline = dispatch.clone();
            let offline = EventListener::new(&window, "offline", move |_| went_offline.dispatch(Action::Connection(false)));
            let came_online = dispatch.clone();
            let online = EventListener::new(&window, "online", move |_| came_online.dispatch(Action::Connection(true)));
            move || drop((offline, online))
        });
    }
    // The date the offline copy was saved, answered by the service worker.
    {
        let dispatch = state.dispatcher();
        // A page loaded from the network before the connection dropped is
        // not the saved copy: it has no date to show.
        let wanted = !state.online && state.saved_on.is_none() && browser::served_by_service_worker();
        use_effect_with(wanted, move |wanted| {
            if *wanted {
                yew::platform::spawn_local(async move {
                    // A date, as the worker wrote it; never a page a host
                    // answered in its place.
                    match browser::fetch_text(SAVED_ON_FILE).await {
                        Ok(day) if day.len() <= 40 && !day.contains('<') => dispatch.dispatch(Action::SavedOn(day)),
                        _ => {}
                    }
                });
            }
        });
    }

    // Back and forward: the browser has already changed the URL.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("browser window");
            let listener = EventListener::new(&window, "popstate", move |_| {
                // After the browser has finished going back: its own fragment
                // handling would otherwise take focus from the section the
                // app focuses.
                let dispatch = dispatch.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    let (route, query) = current_location(site);
                    dispatch.dispatch(Action::Navigated(route, query));
                })
                .forget();
            });
            // Ctrl+K (Cmd+K on a Mac) finds the search box from anywhere; no
            // single-key shortcut, so typing elsewhere never jumps (WCAG 2.1.4).
            let document = window.document().expect("document");
            let shortcut = EventListener::new_with_options(&document, "keydown", EventListenerOptions::enable_prevent_default(), |e| {
                let e: &KeyboardEvent = e.unchecked_ref();
                if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("k") {
                    e.prevent_default();
                    browser::focus(search::INPUT_ID);
                }
            });
            move || drop((listener, shortcut))
        });
    }

    let navigate = {
        let dispatch = state.dispatcher();
        Callback::from(move |href: String| {
            browser::push_url(&href);
            let (route, query) = current_location(site);
            dispatch.dispatch(Action::Navigated(route, query));
        })
    };

    // The document title names what is shown: the search, or the page.
    {
        let route = state.route.clone();
        let searching = state.searching();
        use_effect_with((route, searching), move |(route, searching)| browser::set_title(&page_title(site, route, *searching)));
    }
    // After each navigation: focus where the URL points.
    {
        let route = state.route.clone();
        let navigations = state.navigations;
        use_effect_with((route, navigations), move |(route, navigations)| {
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

    // A search in the address bar on arrival needs the index at once.
    {
        let dispatch = state.dispatcher();
        let needed = state.searching() && state.index == IndexState::NotLoaded;
        use_effect_with(needed, move |needed| {
            if *needed {
                load_index(dispatch);
            }
        });
    }
    let on_query = {
        let dispatch = state.dispatcher();
        // Typing fetches the index if focusing did not (text typed into the
        // prerendered box before the app arrived), and after a failed fetch
        // (back online, say) tries again.
        let idle = matches!(state.index, IndexState::NotLoaded | IndexState::Failed);
        Callback::from(move |query: String| {
            browser::replace_query(&query);
            dispatch.dispatch(Action::Typed(query));
            if idle {
                load_index(dispatch.clone());
            }
        })
    };
    let on_focus = {
        let dispatch = state.dispatcher();
        let idle = matches!(state.index, IndexState::NotLoaded | IndexState::Failed);
        Callback::from(move |()| {
            if idle {
                load_index(dispatch.clone());
            }
        })
    };
    let searching = state.searching();

    let on_open = navigate.clone();
    let context = AppContext {
        navigate,
        arrival: state.route.arrival_code().map(|c| AttrValue::from(c.to_owned())),
        partner: props.partner.clone(),
        helped: state.helped,
        answer: {
            let dispatch = state.dispatcher();
            Callback::from(move |helped| dispatch.dispatch(Action::Answered(helped)))
        },
    };
    let return_link = props.partner.as_ref().and_then(|visit| {
        let partner = &site.partners[visit.partner];
        visit.return_link.as_ref().map(|href| html! {
            // `_top`: inside a partner's frame, the partner's own page comes back whole.
            <a class="nhsuk-back-link app-return-link" href={href.clone()} target="_top">{ &partner.return_label }</a>
        })
    });
    html! {
        <ContextProvider<AppContext> {context}>
            <a class="nhsuk-skip-link" href="#maincontent">{ "Skip to main content" }</a>
            <Header />
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id="maincontent">
                    { offline_notice(state.online, state.saved_on.as_deref()) }
                    { for return_link }
                    <Search query={AttrValue::from(state.query.clone())} index={state.index.clone()}
                        {on_query} {on_focus} {on_open} />
                    if !searching { { page } }
                </main>
            </div>
            <Footer />
        </ContextProvider<AppContext>>
    }
}

/// Starts the app in the browser: renders the view of the current address
/// into a new element, and swaps it for the prerendered page in one step once
/// the first render is complete, so nothing flashes or moves. Until then, and
/// if the app fails before that, the prerendered page stays and works.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("NHS login help stopped: {info}").into());
        browser::show_failure(&content::site().contact_href(None));
    }));
    let site = content::site();
    let (route, query) = current_location(site);
    let location = browser::location();
    let partner = help_core::partner::partner_visit(site, &location.params);
    let embedded = location.params.iter().any(|(k, _)| k == "embed");
    let Some(fresh) = browser::new_root() else { return };
    let on_rendered = {
        let fresh = fresh.clone();
        Callback::from(move |()| browser::take_over(&fresh))
    };
    let props = AppProps { route, query, online: browser::online(), partner, embedded, on_rendered };
    yew::Renderer::<App>::with_root_and_props(fresh, props).render();
}
