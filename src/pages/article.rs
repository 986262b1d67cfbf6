use help_core::{ids, Section};
use yew::prelude::*;

use crate::components::blocks::Render;
use crate::components::breadcrumbs::breadcrumbs;
use crate::components::feedback::feedback;
use crate::components::page_link::PageLink;
use crate::components::section::{prerendered, section_at};
use crate::content;
use crate::context::AppContext;

/// An article: title, summary, a contents list for longer ones, then every
/// section with its own anchor. `anchor`: the section or details the URL
/// names, marked so it stands out; `reference`: the error reference the
/// person arrived with (an index into the site's references), when this
/// page is its guidance. A function, not a component: it keeps no state
/// and the root hands it the context (see components/header.rs).
pub fn article_page(index: usize, anchor: Option<&str>, reference: Option<usize>, context: &AppContext) -> Html {
    let site = content::site();
    let page = &site.pages[index];
    let render = Render { arrival: context.arrival.as_ref(), navigator: Some(&context.navigate), context: Some(context), heading_level: 1 };
    let reference = reference.and_then(|at| site.references.get(at));
    let top_level: Vec<&Section> = page.sections.iter().filter(|s| s.level == 2).collect();
    html! {
        <>
            { breadcrumbs(index) }
            <div class="nhsuk-grid-row">
                <div class="nhsuk-grid-column-two-thirds">
                    <h1 tabindex="-1">
                        if let Some(partner) = &page.partner {
                            <span class="nhsuk-caption-l">
                                <strong class="app-partner-label">{ format!("From {}", content::partner_name(partner)) }</strong>
                            </span>
                        }
                        { &page.title }
                    </h1>
                    <p class="nhsuk-lede-text">{ &page.subtitle }</p>
                    { render.blocks(&page.intro) }
                    if top_level.len() >= 3 {
                        <nav class="app-contents" aria-labelledby={ids::CONTENTS_HEADING}>
                            <h2 id={ids::CONTENTS_HEADING} class="nhsuk-heading-s">{ "On this page" }</h2>
                            <ul class="nhsuk-list nhsuk-list--bullet">
                                { for top_level.iter().map(|s| html! {
                                    <li><PageLink file={page.file.clone()} fragment={AttrValue::from(s.id.clone())}>{ &s.heading }</PageLink></li>
                                }) }
                            </ul>
                        </nav>
                    }
                    { for page.sections.iter().map(|s| {
                        let named = anchor == Some(s.id.as_str());
                        section_at(s, s.level, named, reference.filter(|_| named), &render)
                    }) }
                    // Under the guidance for a code, or else at the end.
                    if reference.is_none() {
                        { prerendered::without_reference(feedback(Some(context), None)) }
                    }
                    // NHS.UK's review-date line, when the editors set the dates.
                    if let Some(dates) = &page.review_dates {
                        <p class="nhsuk-body-s app-review-date">{ dates }</p>
                    }
                </div>
            </div>
        </>
    }
}
