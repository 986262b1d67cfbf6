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
            let (links, mentions) = codes_in_blocks(&section.blocks);
            for (code, details) in links {
                place(code, Naming::ContactLink, details);
            }
            for (code, details) in mentions {
                place(code, Naming::Text, details);
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

/// Codes in `blocks` with the innermost details around each: those of the
/// contact links, and those written in the text.
fn codes_in_blocks(blocks: &[Block]) -> (Vec<(ErrorCode, Option<String>)>, Vec<(ErrorCode, Option<String>)>) {
    struct Codes<'a> {
        details: Vec<&'a str>,
        links: Vec<(ErrorCode, Option<String>)>,
        text: Vec<(ErrorCode, Option<String>)>,
    }
    impl<'a> Visitor<'a> for Codes<'a> {
        fn enter(&mut self, block: &'a Block) -> bool {
            if let Block::Details { id, summary, .. } = block {
                self.details.push(id);
                // A summary is text too ("If you see CID4017").
                self.text.extend(codes_in(summary).into_iter().map(|code| (code, Some((*id).to_owned()))));
            }
            true
        }
        fn leave(&mut self, block: &'a Block) {
            if matches!(block, Block::Details { .. }) {
                self.details.pop();
            }
        }
        fn inline(&mut self, inline: &'a Inline) -> bool {
            let details = || self.details.last().map(|d| (*d).to_owned());
            match inline {
                Inline::Link { target: LinkTarget::Contact { code: Some(code) }, .. } => self.links.push((code.clone(), details())),
                Inline::Text(text) => {
                    let found: Vec<_> = codes_in(text).into_iter().map(|code| (code, details())).collect();
                    self.text.extend(found);
                }
                _ => {}
            }
            true
        }
    }
    let mut codes = Codes { details: Vec::new(), links: Vec::new(), text: Vec::new() };
    walk::blocks(blocks, &mut codes);
    (codes.links, codes.text)
}
