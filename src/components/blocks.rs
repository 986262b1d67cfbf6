//! Renders the content model's blocks and inlines as NHS.UK markup. Every node
//! is built here from structured data: no content reaches the DOM as HTML.

use help_core::{Block, Inline, LinkTarget};
use yew::prelude::*;

use crate::components::page_link::PageLink;
use crate::content;

pub fn blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(block).collect()
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ self::inlines(inlines) }</p> },
        Block::Subheading(inlines) => html! { <h4>{ self::inlines(inlines) }</h4> },
        Block::List { ordered: true, start, items } => html! {
            <ol class="nhsuk-list nhsuk-list--number" start={(*start != 1).then(|| start.to_string())}>
                { for items.iter().map(|item| html! { <li>{ list_item(item) }</li> }) }
            </ol>
        },
        Block::List { ordered: false, items, .. } => html! {
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for items.iter().map(|item| html! { <li>{ list_item(item) }</li> }) }
            </ul>
        },
        Block::Details { id, summary, blocks } => html! {
            <details class="nhsuk-details nhsuk-expander" id={id.clone()}>
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">{ summary }</span>
                </summary>
                <div class="nhsuk-details__text">{ self::blocks(blocks) }</div>
            </details>
        },
        Block::Rule => html! { <hr class="nhsuk-section-break nhsuk-section-break--m nhsuk-section-break--visible" /> },
    }
}

/// A tight list item (one paragraph) renders without a `<p>`, as NHS.UK lists do.
fn list_item(item: &[Block]) -> Html {
    match item {
        [Block::Paragraph(items)] => inlines(items),
        _ => blocks(item),
    }
}

pub fn inlines(items: &[Inline]) -> Html {
    items.iter().map(inline).collect()
}

fn inline(item: &Inline) -> Html {
    match item {
        Inline::Text(text) => html! { { text } },
        Inline::Strong(children) => html! { <strong>{ inlines(children) }</strong> },
        Inline::Emphasis(children) => html! { <em>{ inlines(children) }</em> },
        Inline::LineBreak => html! { <br /> },
        Inline::Link { target, title, children } => link(target, title.as_deref(), children),
    }
}

fn link(target: &LinkTarget, title: Option<&str>, children: &[Inline]) -> Html {
    let title = title.map(|t| AttrValue::from(t.to_owned()));
    match target {
        LinkTarget::Page { file, fragment } => html! {
            <PageLink file={file.clone()} fragment={fragment.clone().map(AttrValue::from)} title={title}>
                { inlines(children) }
            </PageLink>
        },
        LinkTarget::Contact { .. } | LinkTarget::External { .. } => {
            let href = target.href(content::site());
            html! {
                <a href={href} title={title} target="_blank" rel="noopener noreferrer">
                    { inlines(children) }
                    <span class="nhsuk-u-visually-hidden">{ " (opens in a new tab)" }</span>
                </a>
            }
        }
    }
}
