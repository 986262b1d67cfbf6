//! Where each error reference's guidance is, and the rule that picks one
//! canonical place when the content names a code in several.

use crate::error_code::{codes_in, ErrorCode};
use crate::model::{Block, Inline, LinkTarget, Naming, Page, Place, Reference};
use crate::walk::{self, Visitor};

/// Every code the pages name, each with its canonical place and the others,
/// sorted by code. Precedence: [`Naming`] order, then the pages' order, then
/// order within the page.
pub fn collect(pages: &[Page]) -> Vec<Reference> {
    let mut found: Vec<(ErrorCode, Place)> = Vec::new();
    for (page_index, page) in pages.iter().enumerate() {
        for section in &page.sections {
            let mut place = |code: ErrorCode, naming, details: Option<String>| {
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
            for (code, details) in contact_links(&section.blocks) {
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
fn contact_links(blocks: &[Block]) -> Vec<(ErrorCode, Option<String>)> {
    struct ContactLinks<'a> {
        details: Vec<&'a str>,
        found: Vec<(ErrorCode, Option<String>)>,
    }
    impl<'a> Visitor<'a> for ContactLinks<'a> {
        fn enter(&mut self, block: &'a Block) -> bool {
            if let Block::Details { id, .. } = block {
                self.details.push(id);
            }
            true
        }
        fn leave(&mut self, block: &'a Block) {
            if matches!(block, Block::Details { .. }) {
                self.details.pop();
            }
        }
        fn inline(&mut self, inline: &'a Inline) {
            if let Inline::Link { target: LinkTarget::Contact { code: Some(code) }, .. } = inline {
                self.found.push((code.clone(), self.details.last().map(|d| (*d).to_owned())));
            }
        }
    }
    let mut links = ContactLinks { details: Vec::new(), found: Vec::new() };
    walk::blocks(blocks, &mut links);
    links.found
}
