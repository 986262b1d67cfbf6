//! The NHS login help widget: mounts the Yew app on the page.

mod app;
mod browser;
mod components;
mod content;
mod pages;
mod state;

fn main() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("NHS login help stopped: {info}").into());
    }));
    // Render into #app, where the page files keep their fallback content.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("the page has a #app element");
    yew::Renderer::<app::App>::with_root(root).render();
}
