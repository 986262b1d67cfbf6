//! The root component: the list of what the app does. The state comes from
//! the address (`state.rs`), each effect is a hook (`hooks/`), and the page
//! for the route is picked here; everything shared goes down in one context.

use help_core::partner::PartnerVisit;
use help_core::{ids, PageKind, Route};
use yew::prelude::*;

use crate::components::footer::footer;
use crate::components::header::header;
use crate::components::offline_notice::offline_notice;
use crate::components::search::{self, search_box, search_results, use_search, SearchInputs};
use crate::content;
use crate::context::AppContext;
use crate::hooks::connection::use_connection;
use crate::hooks::focus::use_focus_on_navigation;
use crate::hooks::frame_bridge;
use crate::hooks::history::use_history;
use crate::hooks::search_index::{use_search_index, SearchCallbacks};
use crate::hooks::title::use_document_title;
pub use crate::hooks::title::page_title;
use crate::pages::article::ArticlePage;
use crate::pages::hub::HubPage;
use crate::pages::not_found::not_found_page;
use crate::pages::references::{notice_page, references_page, unknown_reference_page};
use crate::state::{Action, AppState};

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
    let state = use_reducer(|| AppState::new(props.route.clone(), props.query.clone(), props.online));
    // First: the rendered app takes the prerendered page's place, so that
    // the effects below find their elements in the document.
    let on_rendered = props.on_rendered.clone();
    use_effect_with((), move |_| on_rendered.emit(()));

    use_connection(&state);
    let navigate = use_history(&state, search::INPUT_ID);
    use_document_title(&state.route, state.searching(), props.embedded);
    use_focus_on_navigation(&state.route, state.navigations, state.searching());
    let SearchCallbacks { on_query, on_focus } = use_search_index(&state);
    let search = use_search(SearchInputs {
        query: AttrValue::from(state.query.clone()),
        index: state.index.clone(),
        on_query,
        on_focus,
        on_open: navigate.clone(),
    });

    let context = AppContext {
        navigate: navigate.clone(),
        arrival: state.route.arrival_code(site).cloned(),
        partner: props.partner.clone(),
        helped: state.helped,
        answer: {
            let (dispatch, embedded) = (state.dispatcher(), props.embedded);
            // The answer is about the page shown, and the code arrived with.
            let (page, code) = (shown_page(&state.route), state.route.arrival_code(site).cloned());
            Callback::from(move |helped| {
                if embedded {
                    frame_bridge::report_feedback(helped, page, code.as_ref());
                }
                dispatch.dispatch(Action::Answered(helped));
            })
        },
    };
    let footer = footer(context.arrival.as_ref());
    html! {
        <ContextProvider<AppContext> {context}>
            <a class="nhsuk-skip-link" href={ids::MAIN_HREF}>{ "Skip to main content" }</a>
            { header(search_box(&search)) }
            <div class="nhsuk-width-container">
                <main class="nhsuk-main-wrapper" id={ids::MAIN}>
                    { offline_notice(state.online, state.saved_on.as_deref()) }
                    { return_link(props.partner.as_ref()) }
                    { search_results(&search) }
                    if !state.searching() { { page(&state.route) } }
                </main>
            </div>
            { footer }
        </ContextProvider<AppContext>>
    }
}

/// The page file a route shows, if it is one of the content's pages.
fn shown_page(route: &Route) -> Option<&'static str> {
    match route {
        Route::Page { index, .. } => Some(content::site().pages[*index].file.as_str()),
        _ => None,
    }
}

/// The view of a route.
///
/// The hub and article pages stay components, though they keep no state: a
/// component is not rendered again while its props and the context it reads
/// are unchanged, and the root renders again at every change of state (the
/// search index or the pages' text arriving, the connection, an answer).
/// Today the context's `answer` is a new callback at each of the root's
/// renders, so the pages still render each time: making it stable is what
/// would let this boundary save the work.
fn page(route: &Route) -> Html {
    match route {
        Route::Page { index, anchor, reference } => match content::site().pages[*index].kind {
            PageKind::Hub => html! { <HubPage index={*index} /> },
            PageKind::Article => html! {
                <ArticlePage index={*index} anchor={anchor.clone().map(AttrValue::from)} reference={*reference} />
            },
        },
        Route::References => references_page(),
        Route::Notice { at } => content::site().notices.get(*at).map(notice_page).unwrap_or_default(),
        Route::UnknownReference { code } => unknown_reference_page(code.as_ref()),
        Route::NotFound { .. } => not_found_page(),
    }
}

/// "Back to Patientcentre", when the partner's visit gave a return link on
/// one of its own origins.
fn return_link(visit: Option<&PartnerVisit>) -> Html {
    let Some((visit, href)) = visit.and_then(|v| Some((v, v.return_link.as_ref()?))) else { return Html::default() };
    let partner = &content::site().partners[visit.partner];
    html! {
        // `_top`: inside a partner's frame, the partner's own page comes back whole.
        <a class="nhsuk-back-link app-return-link" href={href.clone()} target="_top">{ &partner.return_label }</a>
    }
}

/// Starts the app in the browser: renders the view of the current address
/// into a new element, and swaps it for the prerendered page in one step once
/// the first render is complete, so nothing flashes or moves. Until then, and
/// if the app fails before that, the prerendered page stays and works.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use crate::browser;
    // Through Yew, which otherwise puts its own hook in place of ours.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("NHS login help stopped: {info}").into());
        browser::show_failure(&content::site().contact_href(None));
    }));
    // The bodies this page file carries; any it lacks are fetched below.
    if let Some(json) = browser::text_of(content::PAGE_BODIES_ID) {
        if let Err(e) = content::add_bodies(&json) {
            web_sys::console::warn_1(&format!("NHS login help: this page's text is not of this build: {e}").into());
        }
    }
    let site = content::site();
    let (route, query) = crate::hooks::history::current_location(site);
    let location = browser::location();
    let partner = help_core::partner::partner_visit(site, &location.params);
    let embedded = location.params.iter().any(|(k, _)| k == "embed");
    let shown = route.pages_shown(site);
    let mount = move || {
        let Some(fresh) = browser::new_root() else { return };
        let on_rendered = {
            let fresh = fresh.clone();
            Callback::from(move |()| browser::take_over(&fresh, search::INPUT_ID))
        };
        let props = AppProps { route, query, online: browser::online(), partner, embedded, on_rendered };
        yew::Renderer::<App>::with_root_and_props(fresh, props).render();
    };
    if content::holds(&shown) {
        mount();
    } else {
        // Rare (a page file of another build): until the text arrives the
        // prerendered page stays, and it stays for good if it cannot.
        yew::platform::spawn_local(async move {
            match crate::hooks::bodies::fetch_all().await {
                Ok(()) => mount(),
                Err(e) => web_sys::console::warn_1(&format!("NHS login help: {e}").into()),
            }
        });
    }
    // In a partner's frame the page asks for a code's guidance at any
    // moment (`open`), on any page: have every page's text ready for it.
    if embedded {
        yew::platform::spawn_local(async {
            let _ = crate::hooks::bodies::fetch_all().await;
        });
    }
}
