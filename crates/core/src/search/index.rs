//! The search index's format: what the compiler writes beside the pages and
//! the app reads when search is first used. Built by [`super::build`] (build
//! time only), read by [`crate::bundle`], queried by [`super::query`].

use serde::{Deserialize, Serialize};

use crate::error_code::ErrorCode;

/// The file the index is shipped in, beside the pages; the app fetches it
/// when search is first used, so it is not part of the first page load.
pub const SEARCH_INDEX_FILE: &str = "search-index.json";

/// Fields: the article title, the heading (or details summary), the body.
pub const FIELD_COUNT: usize = 3;

/// One searchable section or details block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Index into [`crate::Site::pages`].
    pub page: u32,
    pub section: String,
    /// Set when this document is a details block in `section`.
    pub details: Option<String>,
    /// The section heading or the details summary.
    pub heading: String,
    /// Words per field.
    pub len: [u16; FIELD_COUNT],
}

/// A document and how often a stem occurs in each of its fields.
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
}

