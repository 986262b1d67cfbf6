//! A link to a page of the widget. A plain click moves within the app
//! (history entry, no reload); any modified click, or no JavaScript, follows
//! the real page file, which the build writes for every page.

use help_core::model::page_href;
use yew::prelude::*;

use crate::context::AppContext;

#[derive(Properties, PartialEq)]
pub struct PageLinkProps {
    pub file: AttrValue,
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    /// An accessible name, where the visible content is not one.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub title: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// The click handler that turns a plain click into an in-app navigation.
pub fn on_click(navigator: Option<&Callback<String>>, href: &str) -> Callback<MouseEvent> {
    let navigator = navigator.cloned();
    let href = href.to_owned();
    Callback::from(move |e: MouseEvent| {
        let plain = e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key());
        if let (true, Some(navigator)) = (plain, navigator.as_ref()) {
            e.prevent_default();
            navigator.emit(href.clone());
        }
    })
}

#[function_component(PageLink)]
pub fn page_link(props: &PageLinkProps) -> Html {
    let context = use_context::<AppContext>();
    let href = page_href(&props.file, props.fragment.as_deref());
    let onclick = on_click(context.as_ref().map(|c| &c.navigate), &href);
    html! {
        <a href={href} class={props.class.clone()} aria-label={props.label.clone()} title={props.title.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
