//! The document title names what is shown: the search, or the page.

use help_core::{Route, Site};
use yew::prelude::*;

use crate::browser;
use crate::components::reference_list::notice_title;
use crate::content;
use crate::hooks::frame_bridge;
use crate::pages::references::{REFERENCES_TITLE, UNKNOWN_REFERENCE_TITLE};

/// The document title for a view: what is shown, then the service.
pub fn page_title(site: &Site, route: &Route, searching: bool) -> String {
    let title = match route {
        _ if searching => "Search results".to_owned(),
        Route::Page { index, reference: Some(at), .. } => match site.references.get(*at) {
            Some(reference) => format!("{}: {}", reference.code, site.pages[*index].title),
            None => site.pages[*index].title.clone(),
        },
        Route::Page { index, .. } => site.pages[*index].title.clone(),
        Route::References => REFERENCES_TITLE.to_owned(),
        Route::Notice { at } => site.notices.get(*at).map(notice_title).unwrap_or_default(),
        Route::UnknownReference { .. } => UNKNOWN_REFERENCE_TITLE.to_owned(),
        Route::NotFound { .. } => "Page not found".to_owned(),
    };
    format!("{title} - NHS login help")
}

/// Names each view in the title and, in a partner's frame, tells the
/// partner's page what is now shown.
#[hook]
pub fn use_document_title(route: &Route, searching: bool, embedded: bool) {
    use_effect_with((route.clone(), searching), move |(route, searching)| {
        let title = page_title(content::site(), route, *searching);
        browser::set_title(&title);
        if embedded {
            frame_bridge::report_viewed(&title, route);
        }
    });
}
