//! Page bodies the app does not hold yet (see `content.rs`): a view of
//! another page waits for [`BODIES_FILE`], fetched once, then shown. Offline
//! the service worker answers with its copy; if it cannot be had at all,
//! the address is loaded as its page file, which carries its own text.

use help_core::Route;

use crate::browser;
use crate::content::{self, BODIES_FILE};

/// Every page's body, fetched if the site does not hold them all yet. The
/// request starts at once, whenever the result is awaited.
pub fn fetch_all() -> impl std::future::Future<Output = Result<(), String>> {
    let site = content::site();
    let all: Vec<usize> = (0..site.pages.len()).collect();
    let request = (!content::holds(&all)).then(|| browser::fetch_text(&format!("{BODIES_FILE}?v={}", env!("SITE_VERSION"))));
    async move {
        match request {
            None => Ok(()),
            Some(request) => content::add_bodies(&request.await.map_err(|_| format!("{BODIES_FILE} could not be fetched"))?),
        }
    }
}

/// Calls `show` once the site holds what `route` shows: at once when it
/// does already.
pub fn when_held(route: &Route, show: impl FnOnce() + 'static) {
    if content::holds(&route.pages_shown(content::site())) {
        return show();
    }
    yew::platform::spawn_local(async move {
        match fetch_all().await {
            Ok(()) => show(),
            Err(e) => {
                web_sys::console::warn_1(&format!("NHS login help: {e}; loading the page file instead").into());
                browser::reload();
            }
        }
    });
}
