//! After each navigation, focus goes where the address points: the section
//! or details it names (opened, scrolled to), else the page's main heading.
//! On first load only a named place takes focus.

use help_core::Route;
use yew::prelude::*;

use crate::browser;
use crate::content;

#[hook]
pub fn use_focus_on_navigation(route: &Route, navigations: u32, searching: bool) {
    // Only a navigation moves focus: typing into the search box never does.
    use_effect_with((route.clone(), navigations), move |(route, navigations)| match route {
        // The results stand in place of the page: their heading is the main one.
        _ if searching => {
            if *navigations > 0 {
                browser::focus_main_heading();
            }
        }
        Route::Page { anchor: Some(anchor), reference, .. } => {
            // The details holding the reference's contact link, if any.
            let details = reference.and_then(|at| content::site().references.get(at)).and_then(|r| r.place.details.as_deref());
            browser::reveal(anchor, details);
        }
        // Arriving with a registered code is arriving at its notice.
        Route::Notice { .. } => browser::focus_main_heading(),
        _ if *navigations > 0 => browser::focus_main_heading(),
        _ => {}
    });
}
