//! The few browser calls the app makes, in one place.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlDetailsElement, HtmlElement};

fn window() -> web_sys::Window {
    web_sys::window().expect("runs in a browser window")
}

/// The current path and fragment (with its `#`).
pub fn location() -> (String, String) {
    let location = window().location();
    (location.pathname().unwrap_or_default(), location.hash().unwrap_or_default())
}

/// Adds a history entry for an in-app navigation.
pub fn push_url(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = window().document() {
        document.set_title(title);
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    window().document()?.get_element_by_id(id)
}

/// Brings the section or details with `id` into view and gives its heading
/// focus, opening the details it is (or sits in), so a screen reader reads it.
pub fn reveal(id: &str) {
    let Some(target) = element(id) else { return };
    let mut node = Some(target.clone());
    while let Some(el) = node {
        if let Some(details) = el.dyn_ref::<HtmlDetailsElement>() {
            details.set_open(true);
        }
        node = el.parent_element();
    }
    let focus = target
        .query_selector("h2, h3, summary")
        .ok()
        .flatten()
        .unwrap_or(target);
    focus.scroll_into_view();
    if let Some(el) = focus.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// After a navigation to a page: top of the page, focus on its main heading.
pub fn focus_main_heading() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(h1) = window().document().and_then(|d| d.query_selector("main h1").ok().flatten()) {
        if let Some(el) = h1.dyn_ref::<HtmlElement>() {
            let _ = el.focus();
        }
    }
}
