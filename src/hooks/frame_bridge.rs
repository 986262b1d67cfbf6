//! Inside a partner's frame (`?embed`): the script that speaks the embed
//! protocol with the partner's page (`static/embed-frame.js`, which the
//! page's head script loads with the page, so it works without the app)
//! hears what the app decides (what is viewed, "Did this help?" answers)
//! through the contract in `browser.rs`.
//! The bridge asks for `open` and `search` through the address, the app's
//! public interface: it sets `?error=` or `?q=` and announces the change as
//! back and forward do. (Contact links followed are clicks the bridge sees
//! itself.) Outside a frame none of this runs.

use help_core::model::file_of_path;
use help_core::{ErrorCode, Route};
use wasm_bindgen::JsValue;

use crate::browser;
use crate::content;

/// An answer to "Did this help?", for the partner's page.
pub fn report_feedback(helped: bool, page: Option<&str>, code: Option<&ErrorCode>) {
    browser::emit_frame_event("feedback", &[
        ("helpful", Some(JsValue::from_bool(helped))),
        ("page", page.map(JsValue::from_str)),
        ("error", code.map(|c| JsValue::from_str(c))),
    ]);
}

/// A new view is shown: its page file, title, the code the person arrived
/// with and the section named, as they are now.
pub fn report_viewed(title: &str, route: &Route) {
    let site = content::site();
    // The page file the view shows (guidance opened with `?error=` from the
    // home page is on its own page), always with `.html`, whatever the host
    // did to the address.
    let page = match route {
        Route::Page { index, .. } => site.pages[*index].file.clone(),
        _ => file_of_path(&browser::location().path).into_owned(),
    };
    let section = match route {
        Route::Page { anchor: Some(anchor), .. } => Some(JsValue::from_str(anchor)),
        _ => None,
    };
    browser::emit_frame_event("viewed", &[
        ("page", Some(JsValue::from_str(&page))),
        ("title", Some(JsValue::from_str(title))),
        ("error", route.arrival_code(site).map(|c| JsValue::from_str(c))),
        ("section", section),
    ]);
}
