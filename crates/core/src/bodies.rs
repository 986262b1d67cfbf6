//! A page's text apart from its outline: the app bundles the outline, and
//! the bodies travel with the page files and in one file beside them.

use serde::{Deserialize, Serialize};

use crate::model::{Block, Site, HOME_FILE};
use crate::walk;

/// What a page holds below its outline: the intro and each section's blocks.
/// The app bundles only the outline (every title, heading and anchor, which
/// routes, hubs, references and the search need); each page file carries the
/// bodies it shows, and the rest come in one file when they are first needed
/// (another page opened in the app, or search), so the wasm does not grow
/// with every article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageBody {
    /// Index into [`Site::pages`].
    pub page: usize,
    pub intro: Vec<Block>,
    /// One list of blocks per section, in the page's order.
    pub sections: Vec<Vec<Block>>,
}

/// Bodies, labelled with the build of the site they belong to: bodies from
/// another build (a stale cache mid-deploy) would not fit the outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bodies {
    pub site: String,
    pub pages: Vec<PageBody>,
}

impl Site {
    /// The site without its pages' text: each intro and section keeps only
    /// its details blocks' ids and summaries, emptied, in document order, so
    /// that an address naming a details block resolves without the body.
    pub fn outline(&self) -> Site {
        fn hollow(blocks: &[Block]) -> Vec<Block> {
            walk::details(blocks)
                .into_iter()
                .map(|(id, summary, _)| Block::Details { id: id.to_owned(), summary: summary.to_owned(), blocks: Vec::new() })
                .collect()
        }
        let mut outline = self.clone();
        for page in &mut outline.pages {
            page.intro = hollow(&page.intro);
            for section in &mut page.sections {
                section.blocks = hollow(&section.blocks);
            }
        }
        outline
    }

    /// The body of the page at `index`.
    pub fn body(&self, index: usize) -> PageBody {
        let page = &self.pages[index];
        PageBody { page: index, intro: page.intro.clone(), sections: page.sections.iter().map(|s| s.blocks.clone()).collect() }
    }

    /// The pages whose bodies a view of `page` shows: the page itself, and on
    /// the home page the partners' articles (shown first to their visitors).
    pub fn shown_with(&self, page: usize) -> Vec<usize> {
        let mut shown = vec![page];
        if self.pages[page].file == HOME_FILE {
            shown.extend(self.partners.iter().filter_map(|p| self.page_by_file(&p.article)).map(|(i, _)| i));
        }
        shown
    }

    /// This site with `bodies` moved into place; an error when any of them
    /// does not fit its page (bodies of another build). It takes the site and
    /// the bodies rather than copying them: the app builds a fresh outline
    /// for it, and copying the model costs the wasm more than reading it.
    pub fn with_bodies(mut self, bodies: Vec<PageBody>) -> Result<Site, String> {
        for body in &bodies {
            let fits = self.pages.get(body.page).is_some_and(|p| p.sections.len() == body.sections.len());
            if !fits {
                return Err(format!("the body of page {} does not fit this site", body.page));
            }
        }
        for body in bodies {
            let page = &mut self.pages[body.page];
            page.intro = body.intro;
            for (section, blocks) in page.sections.iter_mut().zip(body.sections) {
                section.blocks = blocks;
            }
        }
        Ok(self)
    }
}
