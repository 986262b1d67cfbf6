//! Offline: the service worker, the connection, and the date this device
//! saved its copy (for the offline notice).

use gloo::events::EventListener;
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppState};

/// The service worker, and the date it saved this device's copy (it answers
/// this address from its cache; see `static/sw.js`).
const SERVICE_WORKER_FILE: &str = "sw.js";
const SAVED_ON_FILE: &str = "offline-saved-on";

/// Registers the service worker once the page is up (unless this build
/// retires it), follows the connection, and learns the saved date when
/// offline.
#[hook]
pub fn use_connection(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        if env!("SERVICE_WORKER") == "on" {
            browser::register_service_worker(SERVICE_WORKER_FILE);
        }
        let window = web_sys::window().expect("browser window");
        let went_offline = dispatch.clone();
        let offline = EventListener::new(&window, "offline", move |_| went_offline.dispatch(Action::Connection(false)));
        let came_online = dispatch;
        let online = EventListener::new(&window, "online", move |_| came_online.dispatch(Action::Connection(true)));
        move || drop((offline, online))
    });

    let dispatch = state.dispatcher();
    // A page loaded from the network before the connection dropped is not
    // the saved copy: it has no date to show.
    let wanted = !state.online && state.saved_on.is_none() && browser::served_by_service_worker();
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            yew::platform::spawn_local(async move {
                // A date, as the worker wrote it; never a page a host
                // answered in its place.
                match browser::fetch_text(SAVED_ON_FILE).await {
                    Ok(day) if day.len() <= 40 && !day.contains('<') => dispatch.dispatch(Action::SavedOn(day)),
                    _ => {}
                }
            });
        }
    });
}
