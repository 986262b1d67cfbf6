use help_core::route::REFERENCES_FILE;
use yew::prelude::*;

use crate::app::Arrival;
use crate::components::blocks::ExternalLink;
use crate::components::page_link::PageLink;
use crate::content;

#[function_component(Footer)]
pub fn footer() -> Html {
    let arrival = use_context::<Arrival>().unwrap_or_default();
    let contact = content::site().contact_href(arrival.0.as_deref());
    html! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">{ "Support links" }</h2>
                    <ul class="nhsuk-footer__list">
                        <li class="nhsuk-footer__list-item">
                            <ExternalLink href={contact} class="nhsuk-footer__list-item-link">{ "Contact NHS login" }</ExternalLink>
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
