use help_core::{Reference, Section};
use yew::prelude::*;

use crate::app::AppContext;
use crate::components::blocks::Render;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::feedback::feedback;
use crate::components::page_link::PageLink;
use crate::content;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub index: usize,
    /// The section or details the URL names, marked so it stands out.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
    /// The error code the person arrived with, when this page is its guidance.
    #[prop_or_default]
    pub reference: Option<AttrValue>,
}

/// An article: title, summary, a contents list for longer ones, then every
/// section with its own anchor.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticleProps) -> Html {
    let site = content::site();
    let page = &site.pages[props.index];
    let context = use_context::<AppContext>();
    let render = Render {
        arrival: context.as_ref().and_then(|c| c.arrival.as_deref()),
        navigator: context.as_ref().map(|c| &c.navigate),
        context: context.as_ref(),
    };
    let reference = props.reference.as_deref().and_then(|c| site.reference(c)).map(|(_, r)| r);
    let top_level: Vec<&Section> = page.sections.iter().filter(|s| s.level == 2).collect();
    html! {
        <>
            <Breadcrumbs index={props.index} />
            <div class="nhsuk-grid-row">
                <div class="nhsuk-grid-column-two-thirds">
                    <h1 tabindex="-1">
                        if let Some(partner) = &page.partner {
                            <span class="nhsuk-caption-l">
                                <strong class="app-partner-label">{ format!("From {}", partner_name(partner)) }</strong>
                            </span>
                        }
                        { &page.title }
                    </h1>
                    <p class="nhsuk-lede-text">{ &page.subtitle }</p>
                    { render.blocks(&page.intro) }
                    if top_level.len() >= 3 {
                        <nav class="app-contents" aria-labelledby="contents-heading">
                            <h2 id="contents-heading" class="nhsuk-heading-s">{ "On this page" }</h2>
                            <ul class="nhsuk-list nhsuk-list--bullet">
                                { for top_level.iter().map(|s| html! {
                                    <li><PageLink file={page.file.clone()} fragment={AttrValue::from(s.id.clone())}>{ &s.heading }</PageLink></li>
                                }) }
                            </ul>
                        </nav>
                    }
                    { for page.sections.iter().map(|s| {
                        let named = props.anchor.as_deref() == Some(s.id.as_str());
                        section(s, named, reference.filter(|_| named), &render)
                    }) }
                    // Under the guidance for a code, or else at the end.
                    if reference.is_none() {
                        { feedback(context.as_ref(), &page.file, None) }
                    }
                </div>
            </div>
        </>
    }
}

pub fn section(section: &Section, named_in_url: bool, reference: Option<&Reference>, render: &Render<'_>) -> Html {
    section_at(section, section.level, named_in_url, reference, render)
}

/// A section with its heading at `level` (2 or deeper: a partner's article on
/// the home page sits one level down).
pub fn section_at(section: &Section, level: u8, named_in_url: bool, reference: Option<&Reference>, render: &Render<'_>) -> Html {
    // The mark sits inside the heading, so a screen reader reads it with the
    // heading when focus lands there.
    let mark = reference.map(|r| html! {
        <span class="nhsuk-caption-m app-reference-mark">{ format!("The guidance for your reference {}", r.code) }</span>
    });
    let heading = if level == 2 {
        html! { <h2 tabindex="-1">{ mark }{ &section.heading }</h2> }
    } else {
        html! { <h3 tabindex="-1">{ mark }{ &section.heading }</h3> }
    };
    html! {
        <section id={section.id.clone()} class={classes!("app-section", named_in_url.then_some("app-section--highlight"))}>
            { heading }
            { render.blocks(&section.blocks) }
            if let Some(reference) = reference.filter(|r| !r.also.is_empty()) {
                { also_see(reference) }
            }
            if let Some(reference) = reference {
                { feedback(render.context, &content::site().pages[reference.place.page].file, Some(&reference.code)) }
            }
        </section>
    }
}

/// The other places that name the same code.
fn also_see(reference: &Reference) -> Html {
    let site = content::site();
    html! {
        <div class="app-also-see">
            <p class="nhsuk-u-margin-bottom-2"><strong>{ "Also see" }</strong></p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for reference.also.iter().map(|place| {
                    let page = &site.pages[place.page];
                    html! {
                        <li>
                            <PageLink file={page.file.clone()} fragment={AttrValue::from(place.section.clone())}>{ &place.heading }</PageLink>
                            { format!(" ({})", page.title) }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// A partner's display name, from its profile.
pub fn partner_name(id: &str) -> &str {
    content::site().partner(id).map_or(id, |p| p.name.as_str())
}
