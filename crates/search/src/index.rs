//! The search index's format: what the compiler writes beside the pages and
//! the app reads when search is first used. Built by [`super::build`] (build
//! time only), read by [`crate::bundle`], queried by [`super::query`].

use serde::{Deserialize, Serialize};

use help_core::error_code::ErrorCode;

/// The file the index is shipped in, beside the pages, packed (see
/// `packed.rs`); the app fetches it when search is first used, so it is not
/// part of the first page load.
pub const SEARCH_INDEX_FILE: &str = "search-index.bin";

/// Fields: the article title, the heading (or details summary), the body,
/// and the search terms editors give the section (never shown).
pub const FIELD_COUNT: usize = 4;
/// The field of [`crate::Terms`] phrases.
pub const TERMS: usize = 3;

/// One searchable section or details block, by where it is in the site
/// model: the model already holds its heading and text, so the index does
/// not carry them a second time (see [`super::locate`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Index into [`help_core::Site::pages`].
    pub page: u32,
    /// Index into the page's sections.
    pub section: u32,
    /// Set when this document is a details block of the section: its place
    /// among the section's details blocks ([`help_core::walk::details`]).
    pub details: Option<u32>,
    /// Words per field.
    pub len: [u16; FIELD_COUNT],
}

/// The most times a word is counted in each field: BM25F's saturation makes
/// more count for almost nothing, and so the three counts fit one byte.
#[cfg(feature = "indexer")]
pub const MAX_COUNT: [u16; FIELD_COUNT] = [3, 3, 15, 3];

/// A document and how often a stem occurs in each of its fields (at most
/// [`MAX_COUNT`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posting(pub u32, pub [u16; FIELD_COUNT]);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    /// Every stem, sorted; `postings[i]` belongs to `stems[i]`.
    pub stems: Vec<String>,
    pub postings: Vec<Vec<Posting>>,
    /// Every word as written in the content, sorted, with its stem's index:
    /// typos and prefixes are matched against these.
    pub words: Vec<(String, u32)>,
    /// Average words per field, in hundredths (the bundle holds whole numbers).
    pub average_len: [u32; FIELD_COUNT],
    /// Groups of interchangeable phrases, each phrase as its words.
    pub synonyms: Vec<Vec<Vec<String>>>,
    /// Each error reference and its documents, the canonical place first.
    pub references: Vec<(ErrorCode, Vec<u32>)>,
    /// The build of the site model this index belongs to: an app must not
    /// use an index from another build (its documents point at other pages).
    pub site: String,
    /// The postings as each keystroke reads them, `scored[i][j]` for
    /// `postings[i][j]`: worked out once when the index is made or read,
    /// not on every keystroke ([`SearchIndex::with_scores`]).
    #[serde(skip)]
    pub scored: Vec<Vec<Scored>>,
    /// [`Self::synonyms`] as queries compare them (stems, `cannot` as
    /// `cant`), worked out with [`Self::scored`].
    #[serde(skip)]
    pub synonym_forms: Vec<Vec<Vec<String>>>,
}

/// A posting with its BM25F score and whether the word is in the heading:
/// all a query needs of it, side by side, so the loop that runs for every
/// posting of every query word reads one list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub doc: u32,
    pub weight: f32,
    pub in_heading: bool,
}


impl SearchIndex {
    /// Every index the queries follow points inside the index, and every
    /// list they search is sorted: an index file that was cut short or
    /// changed on its way is refused here, so search can say it is
    /// unavailable instead of the app failing.
    pub fn check(&self) -> Result<(), &'static str> {
        // Plain loops and fixed messages: this runs in the wasm, where each
        // iterator adapter and `format!` costs bytes.
        let docs = self.docs.len();
        let stems = self.stems.len();
        let problem = if self.postings.len() != stems {
            Some("the stems and posting lists differ in number")
        } else if (1..stems).any(|i| self.stems[i - 1] >= self.stems[i]) {
            Some("the stems are not sorted")
        } else if (1..self.words.len()).any(|i| self.words[i - 1].0 > self.words[i].0) {
            Some("the words are not sorted")
        } else if self.words.iter().any(|(_, stem)| *stem as usize >= stems) {
            Some("a word points past the stems")
        } else if self.postings.iter().any(|list| list.iter().any(|p| p.0 as usize >= docs)) {
            Some("a posting points past the documents")
        } else if self.references.iter().any(|(_, places)| places.iter().any(|d| *d as usize >= docs)) {
            Some("a reference points past the documents")
        } else {
            None
        };
        match problem {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }
}
