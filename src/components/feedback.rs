//! "Did this help?": a yes or no at the end of an article and under the
//! guidance for an error code. "No" offers the contact route with the code
//! filled in. The answer goes nowhere but, inside a partner's frame, to the
//! partner's page: the app reports it with the page shown and the code the
//! person arrived with (`context.answer`, see `app.rs`). A plain function
//! over the app's state, not a component: components cost wasm bytes.

use help_core::ErrorCode;
use yew::prelude::*;

use crate::components::blocks::external_link;
use crate::content;
use crate::context::AppContext;

/// `code` is the error code whose guidance this is, if any; `level` the
/// heading's: 2 at the end of an article, one under a section's heading
/// below its guidance (else a screen reader's list of headings puts the
/// next section under "Did this help?").
pub fn feedback(context: Option<&AppContext>, code: Option<&ErrorCode>, level: u8) -> Html {
    let Some(context) = context else { return Html::default() };
    let code = code.or(context.arrival.as_ref());
    let choose = |helped: bool| context.answer.reform(move |_: MouseEvent| helped);
    html! {
        <div class="app-feedback">
            <@{format!("h{}", level.clamp(2, 6))} class="nhsuk-heading-s">{ "Did this help?" }</@>
            // The buttons stay (pressed or not), so keyboard focus is never lost.
            <div class="app-feedback__answers">
                <button type="button" class="app-feedback__answer" data-feedback="yes"
                    aria-pressed={pressed(context.helped, true)} onclick={choose(true)}>{ "Yes" }</button>
                <button type="button" class="app-feedback__answer" data-feedback="no"
                    aria-pressed={pressed(context.helped, false)} onclick={choose(false)}>{ "No" }</button>
            </div>
            <div role="status">
                if context.helped == Some(true) {
                    <p>{ "Thank you for telling us." }</p>
                } else if context.helped == Some(false) {
                    <p>
                        { "Sorry this did not help. " }
                        { external_link(content::site().contact_href(code), None, "", html! { "Contact NHS login support" }) }
                        { match code { Some(code) => format!(" and tell them you saw {code}."), None => " and tell them what happened.".to_owned() } }
                    </p>
                }
            </div>
        </div>
    }
}

fn pressed(helped: Option<bool>, this: bool) -> &'static str {
    if helped == Some(this) { "true" } else { "false" }
}
