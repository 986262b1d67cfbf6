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
    let mark = match reference {
        Some(r) => mark(r, section),
        None => prerendered::marks(section),
    };
    let heading = if level == 2 {
        html! { <h2 tabindex="-1">{ mark }{ &section.heading }</h2> }
    } else {
        html! { <h3 tabindex="-1">{ mark }{ &section.heading }</h3> }
    };
    html! {
        <section id={section.id.clone()} class={classes!("app-section", named_in_url.then_some("app-section--highlight"))}>
            { heading }
            { render.under(level).blocks(&section.blocks) }
            if let Some(reference) = reference {
                { under_guidance(reference, level, render) }
            } else {
                { prerendered::under_guidance(section, level, render) }
            }
        </section>
    }
}

fn mark(reference: &Reference, section: &Section) -> Html {
    html! { <span class="nhsuk-caption-m app-reference-mark">{ mark_text(reference, section) }{ caption_separator() }</span> }
}

/// As NHS.UK writes a caption inside a heading, after the caption: a screen
/// reader hears a pause between the two, which sighted people see as two lines.
pub fn caption_separator() -> Html {
    html! { <span class="nhsuk-u-visually-hidden">{ " - " }</span> }
}

/// The mark's words, the same in the app and in the prerendered page: the
/// code, unless the heading under it already says it.
fn mark_text(reference: &Reference, section: &Section) -> String {
    let code = reference.code.to_string();
    if section.heading.to_ascii_uppercase().contains(&code) {
        "The guidance for your reference".to_owned()
    } else {
        format!("The guidance for your reference {code}")
    }
}

/// What follows the guidance for the code the person arrived with, its
/// headings one level under the section's (at `level`).
fn under_guidance(reference: &Reference, level: u8, render: &Render<'_>) -> Html {
    html! {
        <>
            if !reference.also.is_empty() {
                { also_see(reference) }
            }
            { feedback(render.context, Some(&reference.code), level + 1) }
        </>
    }
}

/// The page files' own `?error=` view, before the app has loaded: for each
/// code whose guidance a section is, the prerender writes the mark and what
/// follows the guidance, hidden and labelled `data-reference`; the page's
/// start-up script (`help-compiler`'s `first_visit`) shows the ones for the
/// code in the address and removes the rest, so the page matches what the
/// app renders and the app takes over without a shift. Only the prerender
/// writes them: the wasm never carries this code.
pub mod prerendered {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    fn guidance_in(section: &Section) -> Vec<&'static Reference> {
        let site = content::site();
        site.references
            .iter()
            .filter(|r| site.pages[r.place.page].sections.iter().any(|s| std::ptr::eq(s, section)) && r.place.section == section.id)
            .collect()
    }

    #[cfg(target_arch = "wasm32")]
    fn guidance_in(_: &Section) -> Vec<&'static Reference> {
        Vec::new()
    }

    /// The mark itself carries the label: inside a heading only phrasing
    /// content may stand, and the shown page must be the app's markup.
    pub fn marks(section: &Section) -> Html {
        guidance_in(section)
            .into_iter()
            .map(|r| html! {
                <span class="nhsuk-caption-m app-reference-mark" data-reference={r.code.to_string()} hidden=true>
                    { mark_text(r, section) }{ caption_separator() }
                </span>
            })
            .collect()
    }

    /// In a plain `<div>`, which adds nothing to the layout.
    pub fn under_guidance(section: &Section, level: u8, render: &Render<'_>) -> Html {
        guidance_in(section)
            .into_iter()
            .map(|r| html! { <div data-reference={r.code.to_string()} hidden=true>{ super::under_guidance(r, level, render) }</div> })
            .collect()
    }

    /// `html`, which only a view without a code shows (the article's closing
    /// "Did this help?"), labelled for the script to remove when a code is given.
    pub fn without_reference(html: Html) -> Html {
        if cfg!(target_arch = "wasm32") {
            return html;
        }
        html! { <div data-without-reference="">{ html }</div> }
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
