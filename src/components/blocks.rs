//! Renders the content model's blocks and inlines as NHS.UK markup. Every node
//! is built here from structured data: no content reaches the DOM as HTML.

use help_core::model::page_href;
use help_core::{Block, ErrorCode, Inline, LinkTarget};
use yew::prelude::*;

use crate::components::page_link;
use crate::content;
use crate::context::AppContext;

/// Said to screen readers after every link that leaves the widget.
const NEW_TAB: &str = " (opens in a new tab)";

/// What rendering needs beyond the model itself. Links are rendered here as
/// plain elements rather than components: an article has dozens of them, and
/// a component each made the first render measurably slower.
#[derive(Clone, Copy, Default)]
pub struct Render<'a> {
    /// The error code the person arrived with: contact links that name no
    /// code of their own carry it.
    pub arrival: Option<&'a ErrorCode>,
    pub navigator: Option<&'a Callback<String>>,
    /// The app's context, for the "Did this help?" under a code's guidance.
    pub context: Option<&'a AppContext>,
}

impl Render<'_> {
    pub fn blocks(&self, blocks: &[Block]) -> Html {
        blocks.iter().map(|b| self.block(b)).collect()
    }

    fn block(&self, block: &Block) -> Html {
        match block {
            Block::Paragraph(inlines) => html! { <p>{ self.inlines(inlines) }</p> },
            Block::Subheading(inlines) => html! { <h4>{ self.inlines(inlines) }</h4> },
            Block::List { ordered: true, start, items } => html! {
                <ol class="nhsuk-list nhsuk-list--number" start={(*start != 1).then(|| start.to_string())}>
                    { for items.iter().map(|item| html! { <li>{ self.list_item(item) }</li> }) }
                </ol>
            },
            Block::List { ordered: false, items, .. } => html! {
                <ul class="nhsuk-list nhsuk-list--bullet">
                    { for items.iter().map(|item| html! { <li>{ self.list_item(item) }</li> }) }
                </ul>
            },
            Block::Details { id, summary, blocks } => html! {
                <details class="nhsuk-details nhsuk-expander" id={id.clone()}>
                    <summary class="nhsuk-details__summary">
                        <span class="nhsuk-details__summary-text">{ summary }</span>
                    </summary>
                    <div class="nhsuk-details__text">{ self.blocks(blocks) }</div>
                </details>
            },
            Block::Rule => html! { <hr class="nhsuk-section-break nhsuk-section-break--m nhsuk-section-break--visible" /> },
        }
    }

    /// A tight list item (one paragraph) renders without a `<p>`, as NHS.UK lists do.
    fn list_item(&self, item: &[Block]) -> Html {
        match item {
            [Block::Paragraph(items)] => self.inlines(items),
            _ => self.blocks(item),
        }
    }

    pub fn inlines(&self, items: &[Inline]) -> Html {
        items.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&self, item: &Inline) -> Html {
        match item {
            Inline::Text(text) => html! { { text } },
            Inline::Strong(children) => html! { <strong>{ self.inlines(children) }</strong> },
            Inline::Emphasis(children) => html! { <em>{ self.inlines(children) }</em> },
            Inline::LineBreak => html! { <br /> },
            Inline::Link { target, title, children } => self.link(target, title.as_deref(), children),
        }
    }

    fn link(&self, target: &LinkTarget, title: Option<&str>, children: &[Inline]) -> Html {
        let title = title.map(|t| AttrValue::from(t.to_owned()));
        let site = content::site();
        let href = match target {
            LinkTarget::Page { file, fragment } => {
                let href = page_href(file, fragment.as_deref());
                let onclick = page_link::on_click(self.navigator, &href);
                return html! { <a href={href} title={title} {onclick}>{ self.inlines(children) }</a> };
            }
            LinkTarget::Contact { code } => site.contact_href(code.as_ref().or(self.arrival)),
            LinkTarget::External { .. } => target.href(site),
        };
        external_link(href, title, "", self.inlines(children))
    }
}

/// A link that leaves the widget: a new tab, no opener, and said so.
pub fn external_link(href: String, title: Option<AttrValue>, class: &'static str, children: Html) -> Html {
    html! {
        <a href={href} title={title} class={(!class.is_empty()).then_some(class)} target="_blank" rel="noopener noreferrer">
            { children }
            <span class="nhsuk-u-visually-hidden">{ NEW_TAB }</span>
        </a>
    }
}
