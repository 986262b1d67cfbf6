use yew::prelude::*;

use crate::components::blocks::external_link;
use crate::components::page_link::PageLink;
use crate::content;

/// A page file this build does not have: say so plainly and offer the way on.
/// A function, as the header is (see header.rs).
pub fn not_found_page() -> Html {
    html! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <h1 tabindex="-1">{ "Page not found" }</h1>
                <p>{ "We could not find the help page at this address. It may have moved, or the link may be wrong." }</p>
                <p><PageLink file="index.html">{ "Go to the NHS login help centre" }</PageLink></p>
                <p>
                    { external_link(content::site().contact_url.clone(), None, "", html! { "Contact NHS login" }) }
                    { " if you still need help." }
                </p>
            </div>
        </div>
    }
}
