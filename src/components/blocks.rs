//! Renders the content model's blocks and inlines as NHS.UK markup. Every node
//! is built here from structured data: no content reaches the DOM as HTML.

use help_core::model::page_href;
use help_core::{Block, ContentsItem, ErrorCode, Inline, LinkTarget};
use yew::prelude::*;

use crate::components::page_link;
use crate::content;
use crate::context::AppContext;

/// Written after every link that leaves the widget, in the link's text and
/// in view, as NHS.UK writes it: sighted people are the ones a new tab
/// surprises.
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
    /// The level of the heading the blocks sit under (1: the page title), so
    /// a component's own heading skips no level.
    pub heading_level: u8,
}

impl Render<'_> {
    /// The same, for blocks under a heading at `level`.
    pub fn under(&self, level: u8) -> Self {
        Render { heading_level: level, ..*self }
    }

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
            Block::InsetText { hidden_label, blocks } => html! {
                <div class="nhsuk-inset-text">
                    <span class="nhsuk-u-visually-hidden">{ hidden_label }</span>
                    { self.blocks(blocks) }
                </div>
            },
            // nhsuk-frontend v10 draws the warning callout as a warning card.
            // Its label is an `h3` (nhsuk-frontend's default) under a section,
            // an `h2` straight under the page title, so no level is skipped.
            Block::WarningCallout { label, blocks } => {
                let label = (!label.is_empty()).then(|| self.inlines(label));
                let heading = match label {
                    Some(label) if self.heading_level <= 1 => html! { <h2 class="nhsuk-card__heading">{ label }</h2> },
                    Some(label) => html! { <h3 class="nhsuk-card__heading">{ label }</h3> },
                    None => Html::default(),
                };
                html! {
                    <div class="nhsuk-card nhsuk-card--warning">
                        <div class="nhsuk-card__content">{ heading }{ self.blocks(blocks) }</div>
                    </div>
                }
            }
            Block::ContentsList { label, heading, items } => html! {
                <nav class="nhsuk-contents-list" role="navigation" aria-label={label.clone()}>
                    <h2 class="nhsuk-u-visually-hidden">{ heading }</h2>
                    <ol class="nhsuk-contents-list__list">
                        { for items.iter().map(|item| self.contents_item(item)) }
                    </ol>
                </nav>
            },
        }
    }

    fn contents_item(&self, item: &ContentsItem) -> Html {
        if item.current {
            return html! {
                <li class="nhsuk-contents-list__item" aria-current="page">
                    <span class="nhsuk-contents-list__current">{ self.inlines(&item.inlines) }</span>
                </li>
            };
        }
        // The item's link carries the component's class.
        let inner = match &item.inlines[..] {
            [Inline::Link { target, title, children }] => self.link(target, title.as_deref(), children, "nhsuk-contents-list__link"),
            other => self.inlines(other),
        };
        html! { <li class="nhsuk-contents-list__item">{ inner }</li> }
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
            Inline::Link { target, title, children } => self.link(target, title.as_deref(), children, ""),
            Inline::VisuallyHidden(children) => html! { <span class="nhsuk-u-visually-hidden">{ self.inlines(children) }</span> },
        }
    }

    fn link(&self, target: &LinkTarget, title: Option<&str>, children: &[Inline], class: &'static str) -> Html {
        let title = title.map(|t| AttrValue::from(t.to_owned()));
        let site = content::site();
        let href = match target {
            LinkTarget::Page { file, fragment } => {
                let href = page_href(file, fragment.as_deref());
                let onclick = page_link::on_click(self.navigator, &href);
                let class = (!class.is_empty()).then_some(class);
                return html! { <a href={href} title={title} {class} {onclick}>{ self.inlines(children) }</a> };
            }
            LinkTarget::Contact { code } => site.contact_href(code.as_ref().or(self.arrival)),
            LinkTarget::External { .. } => target.href(site),
        };
        external_link(href, title, class, self.inlines(children))
    }
}

/// A link that leaves the widget: a new tab, no opener, and said so.
pub fn external_link(href: String, title: Option<AttrValue>, class: &'static str, children: Html) -> Html {
    html! {
        <a href={href} title={title} class={(!class.is_empty()).then_some(class)} target="_blank" rel="noopener noreferrer">
            { children }{ NEW_TAB }
        </a>
    }
}
