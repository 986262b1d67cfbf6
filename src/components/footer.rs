use yew::prelude::*;

use crate::content;

#[function_component(Footer)]
pub fn footer() -> Html {
    let contact = content::site().contact_url.clone();
    html! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">{ "Support links" }</h2>
                    <ul class="nhsuk-footer__list">
                        <li class="nhsuk-footer__list-item">
                            <a class="nhsuk-footer__list-item-link" href={contact} target="_blank" rel="noopener noreferrer">
                                { "Contact NHS login" }<span class="nhsuk-u-visually-hidden">{ " (opens in a new tab)" }</span>
                            </a>
                        </li>
                    </ul>
                    <p class="nhsuk-body-s">{ "© NHS England" }</p>
                </div>
            </div>
        </footer>
    }
}
