//! What every view may need from the app, in one context: provided by the
//! root, read by pages and components. It lives on its own so that nothing
//! below the root imports the root.

use help_core::partner::PartnerVisit;
use help_core::ErrorCode;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct AppContext {
    /// What internal links call to move within the app, with the `href` to show.
    pub navigate: Callback<String>,
    /// The error code the person arrived with (`?error=`), known or not:
    /// contact links that name no code of their own carry it.
    pub arrival: Option<ErrorCode>,
    /// The partner the person came from (`?partner=`), if any.
    pub partner: Option<PartnerVisit>,
    /// The answer to "Did this help?" on this page, and how to give it.
    pub helped: Option<bool>,
    pub answer: Callback<bool>,
}
