//! A short, polite notice while the browser is offline: the help shown is
//! the copy this device saved, and contacting support needs a connection.

use yew::prelude::*;

/// The region is always in the page, empty while online, so that screen
/// readers announce the notice when the connection drops. A plain function,
/// not a component: it has no state of its own, and each component costs
/// wasm bytes.
/// `saved_on` is the date as the service worker wrote it (`22 November 2026`).
pub fn offline_notice(online: bool, saved_on: Option<&str>) -> Html {
    // Without a date the page came from the network before the connection
    // dropped: it still works, and there is nothing more to say.
    let saved = saved_on.map(|date| format!(" You are reading the copy of this help saved on this device on {date}."));
    html! {
        <div role="status" class="app-offline-notice">
            if !online {
                <div class="nhsuk-inset-text">
                    <p><strong>{ "You are offline." }</strong>{ saved }</p>
                    <p>{ "To contact NHS login support, you need to be online." }</p>
                </div>
            }
        </div>
    }
}
