//! Every known error reference with the heading of its guidance, linking to
//! it: on the references page, the unknown-reference page and under "No
//! results"; and what to do about a registered code with no guidance.

use help_core::{Notice, Reference};
use yew::prelude::*;

use crate::components::blocks::external_link;
use crate::components::page_link::PageLink;
use crate::content;

pub fn reference_list() -> Html {
    let site = content::site();
    let item = |r: &Reference| {
        let page = &site.pages[r.place.page];
        html! {
            <li>
                <PageLink file={page.file.clone()} fragment={AttrValue::from(r.place.section.clone())}>{ r.code.as_str() }</PageLink>
                { format!(" – {} ({})", r.title(), page.title) }
            </li>
        }
    };
    html! { <ul class="nhsuk-list nhsuk-list--bullet app-reference-list">{ for site.references.iter().map(item) }</ul> }
}

/// The heading (and document title) of a registered code's notice.
pub fn notice_title(notice: &Notice) -> String {
    match notice.retired {
        Some(_) => format!("Reference {} is no longer used", notice.code),
        None => format!("Contact NHS login about reference {}", notice.code),
    }
}

/// What someone who sees a registered code with no guidance can do: the
/// editor's line, the guidance that replaced a retired code, and the
/// contact form carrying the code.
pub fn notice_text(notice: &Notice) -> Html {
    let site = content::site();
    let replacement = notice.replaced_by.as_ref().and_then(|code| Some((code, site.reference(code)?.1)));
    let contact = site.contact_href(Some(&notice.code));
    html! {
        <>
            if !notice.line.is_empty() {
                <p>{ &notice.line }</p>
            }
            if let Some((code, r)) = replacement {
                <p>{ format!("{code} has taken its place. ") }
                    <PageLink file={site.pages[r.place.page].file.clone()} fragment={AttrValue::from(r.place.section.clone())}>
                        { format!("Read the guidance for {code}: {}", r.title()) }
                    </PageLink>
                </p>
            }
            <p>
                { external_link(contact, None, "", html! { "Contact NHS login" }) }
                { format!(" and tell us the reference {}{}", notice.code, if notice.retired.is_some() { " if you still need help." } else { "." }) }
            </p>
        </>
    }
}

/// The registered codes with no guidance, on the references page: to
/// contact NHS login about, then no longer used. Each is a section with the
/// code's id, where the page files' script takes `?error=` for it when the
/// app is not running.
pub fn notices_list() -> Html {
    let notices = &content::site().notices;
    let group = |heading: &'static str, retired: bool| {
        let shown: Vec<&Notice> = notices.iter().filter(|n| n.retired.is_some() == retired).collect();
        if shown.is_empty() {
            return Html::default();
        }
        html! {
            <>
                <h2>{ heading }</h2>
                { for shown.into_iter().map(|notice| html! {
                    <section id={notice.code.anchor()} class="app-section">
                        <h3 tabindex="-1">{ notice_title(notice) }</h3>
                        { notice_text(notice) }
                    </section>
                }) }
            </>
        }
    };
    html! {
        <>
            { group("References to contact us about", false) }
            { group("References no longer used", true) }
        </>
    }
}
