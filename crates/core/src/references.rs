//! Where each error reference's guidance is, and the rule that picks one
//! canonical place when the content names a code in several.

use serde::{Deserialize, Serialize};

use crate::error_code::codes_in;
use crate::model::{Block, Inline, LinkTarget, Page};

/// How a place names its code; the order is the precedence, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Naming {
    /// The heading begins with the code (`## CID3002: The link ... has expired`):
    /// an entry written for that code alone.
    HeadingStartsWithCode,
    /// The heading names the code (`### Expired link – Reference CID3009`).
    HeadingNamesCode,
    /// Only a contact link in the section carries the code.
    ContactLink,
}

/// One section that gives guidance for a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Index into [`crate::Site::pages`].
    pub page: usize,
    pub section: String,
    /// The details to open: the one holding the contact link, if any.
    pub details: Option<String>,
    pub naming: Naming,
    /// The section's heading, to show in lists.
    pub heading: String,
}

/// A code and where its guidance is: `place` first, then `also`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub code: String,
    pub place: Place,
    pub also: Vec<Place>,
}

impl Reference {
    /// The canonical heading without a leading `CIDnnnn:` (the list it is
    /// shown in already names the code).
    pub fn title(&self) -> &str {
        let heading = self.place.heading.as_str();
        match heading.get(..self.code.len()) {
            Some(start) if start.eq_ignore_ascii_case(&self.code) => {
                heading[self.code.len()..].trim_start_matches([':', ' ', '-', '–'])
            }
            _ => heading,
        }
    }
}

/// Every code the pages name, each with its canonical place and the others,
/// sorted by code. Precedence: [`Naming`] order, then the pages' order, then
/// order within the page.
pub fn collect(pages: &[Page]) -> Vec<Reference> {
    let mut found: Vec<(String, Place)> = Vec::new();
    for (page_index, page) in pages.iter().enumerate() {
        for section in &page.sections {
            let mut place = |code: String, naming, details: Option<String>| {
                let duplicate = found.iter().any(|(c, p)| *c == code && p.page == page_index && p.section == section.id);
                if !duplicate {
                    let heading = section.heading.clone();
                    found.push((code, Place { page: page_index, section: section.id.clone(), details, naming, heading }));
                }
            };
            for (i, code) in codes_in(&section.heading).into_iter().enumerate() {
                let starts = i == 0 && section.heading.get(..code.len()).is_some_and(|h| h.eq_ignore_ascii_case(&code));
                place(code, if starts { Naming::HeadingStartsWithCode } else { Naming::HeadingNamesCode }, None);
            }
            let mut links = Vec::new();
            contact_links(&section.blocks, None, &mut links);
            for (code, details) in links {
                place(code, Naming::ContactLink, details);
            }
        }
    }
    // A stable sort keeps page and in-page order among equals.
    found.sort_by(|(a, pa), (b, pb)| (a, pa.naming).cmp(&(b, pb.naming)));
    let mut references: Vec<Reference> = Vec::new();
    for (code, place) in found {
        match references.last_mut() {
            Some(r) if r.code == code => r.also.push(place),
            _ => references.push(Reference { code, place, also: Vec::new() }),
        }
    }
    references
}

/// Codes of the contact links in `blocks`, with the innermost details around each.
fn contact_links(blocks: &[Block], details: Option<&str>, out: &mut Vec<(String, Option<String>)>) {
    fn inlines(items: &[Inline], details: Option<&str>, out: &mut Vec<(String, Option<String>)>) {
        for item in items {
            match item {
                Inline::Link { target: LinkTarget::Contact { code: Some(code) }, .. } => {
                    out.push((code.clone(), details.map(str::to_owned)));
                }
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => inlines(c, details, out),
                Inline::Text(_) | Inline::LineBreak => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(i) | Block::Subheading(i) => inlines(i, details, out),
            Block::List { items, .. } => items.iter().for_each(|item| contact_links(item, details, out)),
            Block::Details { id, blocks, .. } => contact_links(blocks, Some(id), out),
            Block::Rule => {}
        }
    }
}
