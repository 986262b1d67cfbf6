use help_core::{ids, Block, Section};
use yew::prelude::*;

use crate::components::blocks::Render;
use crate::components::breadcrumbs::breadcrumbs;
use crate::components::feedback::feedback;
use crate::components::page_link::PageLink;
use crate::components::section::{caption_separator, prerendered, section_at};
use crate::content;
use crate::context::AppContext;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub index: usize,
    /// The section or details the URL names, marked so it stands out.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
    /// The error reference the person arrived with (an index into the
    /// site's references), when this page is its guidance.
    #[prop_or_default]
    pub reference: Option<usize>,
}

/// An article: title, summary, a contents list for longer ones, then every
/// section with its own anchor.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticleProps) -> Html {
    let site = content::site();
    let page = &site.pages[props.index];
    let context = use_context::<AppContext>();
    let render = Render {
        arrival: context.as_ref().and_then(|c| c.arrival.as_ref()),
        navigator: context.as_ref().map(|c| &c.navigate),
        context: context.as_ref(),
        heading_level: 1,
    };
    let reference = props.reference.and_then(|at| site.references.get(at));
    // The guidance for the code the person arrived with comes first, under
    // the title (at level 2, whatever its level in place), so on a phone the
    // first screen shows where they are and what to do.
    let arrival = reference.and(props.anchor.as_deref()).and_then(|id| page.sections.iter().find(|s| s.id == id));
    let top_level: Vec<&Section> = page.sections.iter().filter(|s| s.level == 2).collect();
    // One contents list per article: the editors' own (a guide's pages)
    // stands in for "On this page".
    let own_contents = page.intro.iter().any(|b| matches!(b, Block::ContentsList { .. }));
    // NHS.UK's "Back to top" closes an article long enough to need it.
    let long = page.sections.len() >= 3;
    html! {
        <>
            { breadcrumbs(props.index) }
            <div class="nhsuk-grid-row">
                <div class="nhsuk-grid-column-two-thirds">
                    <h1 tabindex="-1">
                        if let Some(partner) = &page.partner {
                            <span class="nhsuk-caption-l">
                                <strong class="app-partner-label">{ format!("From {}", content::partner_name(partner)) }</strong>
                                { caption_separator() }
                            </span>
                        }
                        { &page.title }
                    </h1>
                    if let Some(section) = arrival {
                        { section_at(section, 2, true, reference, &render) }
                    }
                    <p class="nhsuk-lede-text">{ &page.subtitle }</p>
                    { render.blocks(&page.intro) }
                    if top_level.len() >= 3 && !own_contents {
                        <nav class="app-contents" aria-labelledby={ids::CONTENTS_HEADING}>
                            <h2 id={ids::CONTENTS_HEADING} class="nhsuk-heading-s app-contents__wide">{ "On this page" }</h2>
                            <div class="app-contents__wide">{ contents_list(page, &top_level) }</div>
                            // On a phone, folded away: the first section starts in the first screen.
                            <details class="nhsuk-details app-contents__narrow">
                                <summary class="nhsuk-details__summary">
                                    <span class="nhsuk-details__summary-text">{ "On this page" }</span>
                                </summary>
                                <div class="nhsuk-details__text">{ contents_list(page, &top_level) }</div>
                            </details>
                        </nav>
                    }
                    { for page.sections.iter().filter(|s| !arrival.is_some_and(|a| std::ptr::eq(a, *s))).map(|s| {
                        let named = props.anchor.as_deref() == Some(s.id.as_str());
                        section_at(s, s.level, named, reference.filter(|_| named), &render)
                    }) }
                    // Under the guidance for a code, or else at the end.
                    if reference.is_none() {
                        { prerendered::without_reference(feedback(context.as_ref(), None, 2)) }
                    }
                    if long {
                        <p class="app-back-to-top"><a class="nhsuk-back-link" href={ids::MAIN_HREF}>{ "Back to top" }</a></p>
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

/// The links to an article's top-level sections.
fn contents_list(page: &'static help_core::Page, top_level: &[&'static Section]) -> Html {
    html! {
        <ul class="nhsuk-list nhsuk-list--bullet">
            { for top_level.iter().map(|s| html! {
                <li><PageLink file={page.file.clone()} fragment={AttrValue::from(s.id.clone())}>{ &s.heading }</PageLink></li>
            }) }
        </ul>
    }
}
