use help_core::Section;
use yew::prelude::*;

use crate::components::blocks::blocks;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::page_link::PageLink;
use crate::content;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub index: usize,
    /// The section or details the URL names, marked so it stands out.
    #[prop_or_default]
    pub anchor: Option<AttrValue>,
}

/// An article: title, summary, a contents list for longer ones, then every
/// section with its own anchor.
#[function_component(ArticlePage)]
pub fn article_page(props: &ArticleProps) -> Html {
    let page = &content::site().pages[props.index];
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
                    { blocks(&page.intro) }
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
                    { for page.sections.iter().map(|s| section(s, props.anchor.as_deref() == Some(s.id.as_str()))) }
                </div>
            </div>
        </>
    }
}

fn section(section: &Section, named_in_url: bool) -> Html {
    let heading = if section.level == 2 {
        html! { <h2 tabindex="-1">{ &section.heading }</h2> }
    } else {
        html! { <h3 tabindex="-1">{ &section.heading }</h3> }
    };
    html! {
        <section id={section.id.clone()} class={classes!("app-section", named_in_url.then_some("app-section--highlight"))}>
            { heading }
            { blocks(&section.blocks) }
        </section>
    }
}

/// A partner's display name. Partner profiles (the embedding work) will name
/// partners; until then the id, capitalised, is the name.
fn partner_name(id: &str) -> String {
    let mut chars = id.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
