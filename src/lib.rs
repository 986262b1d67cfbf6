//! The NHS login help widget: the Yew app, rendered in the browser
//! (`src/main.rs`) and prerendered into every page file at build time
//! (`src/bin/prerender.rs`) by the same components.

pub mod app;
// Natively (the prerender, the tests) the start-up calls go unused.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod browser;
mod components;
pub mod content;
mod context;
mod hooks;
mod pages;
pub mod state;
