use help_core::Page;
use yew::prelude::*;

use crate::components::page_link::PageLink;
use crate::content;

/// The hubs above the page at `index`, home first, as NHS.UK breadcrumbs;
/// on narrow screens only the back link to the nearest hub shows.
/// A function, not a component: it keeps no state and uses no hooks, and
/// each component type costs the wasm its own copy of Yew's lifecycle code
/// (see header.rs).
pub fn breadcrumbs(index: usize) -> Html {
    let site = content::site();
    let mut trail: Vec<&Page> = Vec::new();
    let mut hub = site.pages[index].hub.as_deref();
    while let Some(name) = hub {
        let Some(page) = site.page_by_name(name) else { break };
        if trail.iter().any(|p| p.page_name == page.page_name) {
            break;
        }
        trail.insert(0, page);
        hub = page.hub.as_deref();
    }
    let Some(parent) = trail.last() else { return html! {} };
    html! {
        <nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
            <ol class="nhsuk-breadcrumb__list">
                { for trail.iter().map(|p| html! {
                    <li class="nhsuk-breadcrumb__list-item">
                        <PageLink file={p.file.clone()} class="nhsuk-breadcrumb__link">{ crumb(p) }</PageLink>
                    </li>
                }) }
            </ol>
            <PageLink file={parent.file.clone()} class="nhsuk-back-link">
                <span class="nhsuk-u-visually-hidden">{ "Back to " }</span>{ crumb(parent) }
            </PageLink>
        </nav>
    }
}

fn crumb(page: &Page) -> String {
    if page.page_name == "home" { "Home".to_owned() } else { page.link_title().to_owned() }
}
