//! Error references: the list of every known one, the page for a
//! registered code with no guidance of its own (retired, or to contact NHS
//! login about), and the page for a code the content has no guidance for
//! (or for something that is not a code).
//! Functions, as the header is (see components/header.rs).

use help_core::{ErrorCode, Notice};
use yew::prelude::*;

use crate::components::blocks::external_link;
use crate::components::page_link::PageLink;
use crate::components::reference_list::{notice_text, notice_title, notices_list, reference_list};
use crate::content;

pub const REFERENCES_TITLE: &str = "Error references";
pub const UNKNOWN_REFERENCE_TITLE: &str = "We do not have guidance for that reference";

pub fn references_page() -> Html {
    html! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <h1 tabindex="-1">{ REFERENCES_TITLE }</h1>
                <p class="nhsuk-lede-text">{ "If a website or app showed you an error reference, such as CID7023, find it here for what it means and what you can do." }</p>
                { reference_list() }
                { notices_list() }
            </div>
        </div>
    }
}

/// A registered code with no guidance: what it is now and what to do.
pub fn notice_page(notice: &Notice) -> Html {
    // The code's id, as its section on the references page has: the address
    // references.json gives lands on it whichever of the two shows.
    html! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds" id={notice.code.anchor()}>
                <h1 tabindex="-1">{ notice_title(notice) }</h1>
                { notice_text(notice) }
                <p><PageLink file="index.html">{ "Go to the NHS login help centre" }</PageLink></p>
            </div>
        </div>
    }
}

/// `code`: a well-formed code we have no guidance for; `None` when what was
/// given was not a code at all (it is never shown back).
pub fn unknown_reference_page(code: Option<&ErrorCode>) -> Html {
    let contact = content::site().contact_href(code);
    html! {
        <div class="nhsuk-grid-row">
            <div class="nhsuk-grid-column-two-thirds">
                <h1 tabindex="-1">
                    if let Some(code) = code {
                        { format!("We do not have guidance for reference {code}") }
                    } else {
                        { "We could not read that error reference" }
                    }
                </h1>
                <p>{ "Check the reference on the screen you saw. References start with CID and have 4 or 5 numbers, for example CID7023." }</p>
                <p>
                    { external_link(contact, None, "", html! { "Contact NHS login" }) }
                    if let Some(code) = code {
                        { format!(" and tell us the reference {code}.") }
                    } else {
                        { " if you need help." }
                    }
                </p>
                <h2>{ "References we have guidance for" }</h2>
                { reference_list() }
                <p><PageLink file="index.html">{ "Go to the NHS login help centre" }</PageLink></p>
            </div>
        </div>
    }
}
