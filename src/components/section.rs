//! One section of an article: its anchor, its heading (with the mark when
//! it is the guidance for the reference the person arrived with), its
//! blocks, and under a code's guidance "Also see" and "Did this help?". The
//! article page and a partner's guidance on the home page both show them.

use help_core::{Reference, Section};
use yew::prelude::*;

use crate::components::blocks::Render;
use crate::components::feedback::feedback;
use crate::components::page_link::PageLink;
use crate::content;

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
            { render.under(level).blocks(&section.blocks) }
            if let Some(reference) = reference.filter(|r| !r.also.is_empty()) {
                { also_see(reference) }
            }
            if let Some(reference) = reference {
                { feedback(render.context, Some(&reference.code)) }
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
