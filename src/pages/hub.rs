use help_core::{Page, PageKind};
use yew::prelude::*;

use crate::components::breadcrumbs::breadcrumbs;
use crate::components::page_link::PageLink;
use crate::components::section::caption_separator;
use crate::content;
use crate::context::AppContext;

#[derive(Properties, PartialEq)]
pub struct HubProps {
    pub index: usize,
}

/// A hub: its pages as NHS.UK cards, in position order. A hub listed on this
/// hub shows its own articles inside its card, so the home page reaches every
/// article in one step.
#[function_component(HubPage)]
pub fn hub_page(props: &HubProps) -> Html {
    let site = content::site();
    let hub = &site.pages[props.index];
    let context = use_context::<AppContext>();
    // On the home page, a partner's visitors see its own guidance first, as
    // a short card (its title, its one line, a link to the article), so the
    // hubs still start within a phone's first screen.
    let partner_guidance = context
        .as_ref()
        .filter(|_| hub.file == help_core::model::HOME_FILE)
        .and_then(|c| c.partner.as_ref())
        .map(|visit| &site.partners[visit.partner])
        .and_then(|partner| Some((partner, site.page_by_file(&partner.article)?.1)))
        .map(|(partner, article)| {
            html! {
                <div class="nhsuk-grid-row">
                    <div class="nhsuk-grid-column-two-thirds app-partner-guidance">
                        { card(article, Some(format!("From {}", partner.name))) }
                    </div>
                </div>
            }
        });
    html! {
        <>
            { breadcrumbs(props.index) }
            <div class="nhsuk-grid-row">
                <div class="nhsuk-grid-column-two-thirds">
                    <h1 tabindex="-1">{ &hub.title }</h1>
                    <p class="nhsuk-lede-text">{ &hub.subtitle }</p>
                </div>
            </div>
            { for partner_guidance }
            <ul class="nhsuk-grid-row nhsuk-card-group">
                { for listed(hub).map(|page| html! {
                    <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">{ card(page, None) }</li>
                }) }
            </ul>
        </>
    }
}

/// The pages a hub lists. Partner articles are not: a partner's visitors see
/// its article first on the home page (`?partner=`), and everyone else has
/// no use for it.
fn listed(hub: &Page) -> impl Iterator<Item = &'static Page> + '_ {
    let site = content::site();
    hub.children.iter().map(|&i| &site.pages[i]).filter(|p| p.partner.is_none())
}

/// A page as an NHS.UK card: its title as the link, its one line, and for a
/// hub the articles it lists; `caption` above the title (whose guidance a
/// partner's article is).
fn card(page: &'static Page, caption: Option<String>) -> Html {
    let articles: Vec<&Page> = if page.kind == PageKind::Hub { listed(page).collect() } else { vec![] };
    html! {
        <div class={classes!("nhsuk-card", articles.is_empty().then_some("nhsuk-card--clickable"))}>
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-m">
                    if let Some(caption) = caption {
                        <span class="nhsuk-caption-m">
                            <strong class="app-partner-label">{ caption }</strong>
                            { caption_separator() }
                        </span>
                    }
                    <PageLink file={page.file.clone()} class="nhsuk-card__link">{ &page.title }</PageLink>
                </h2>
                <p class="nhsuk-card__description">{ &page.subtitle }</p>
                if !articles.is_empty() {
                    <ul class="nhsuk-list nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0">
                        { for articles.iter().map(|a| html! {
                            <li><PageLink file={a.file.clone()}>{ &a.title }</PageLink></li>
                        }) }
                    </ul>
                }
            </div>
        </div>
    }
}
