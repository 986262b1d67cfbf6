//! Every known error reference with the heading of its guidance, linking to
//! it: on the references page, the unknown-reference page and under "No
//! results".

use help_core::Reference;
use yew::prelude::*;

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
