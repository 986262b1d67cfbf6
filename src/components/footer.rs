use help_core::model::REFERENCES_FILE;
use help_core::ErrorCode;
use yew::prelude::*;

use crate::components::blocks::external_link;
use crate::components::page_link::PageLink;
use crate::content;

/// The NHS.UK footer; its contact link carries `arrival`, the code the
/// person arrived with. A function, as the header is (see header.rs).
pub fn footer(arrival: Option<&ErrorCode>) -> Html {
    let contact = content::site().contact_href(arrival);
    html! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">{ "Support links" }</h2>
                    <ul class="nhsuk-footer__list">
                        <li class="nhsuk-footer__list-item">
                            { external_link(contact, None, "nhsuk-footer__list-item-link", html! { "Contact NHS login" }) }
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <PageLink file={REFERENCES_FILE} class="nhsuk-footer__list-item-link">{ "Error references" }</PageLink>
                        </li>
                    </ul>
                    <p class="nhsuk-body-s">{ "© NHS England" }</p>
                </div>
            </div>
        </footer>
    }
}
