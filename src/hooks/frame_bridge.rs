//! Inside a partner's frame (`?embed`), the script that speaks the embed
//! protocol with the partner's page (`static/embed-frame.js`).

use yew::prelude::*;

use crate::browser;

const FRAME_BRIDGE_FILE: &str = "embed-frame.js";

#[hook]
pub fn use_frame_bridge(embedded: bool) {
    use_effect_with(embedded, |embedded| {
        if *embedded {
            browser::load_script(FRAME_BRIDGE_FILE);
        }
    });
}
