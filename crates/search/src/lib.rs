//! Section search: an index built at compile time from the content model,
//! and a query engine over it. A document is a section (a `##` or `###`
//! heading with its text) or a details block (its summary as the heading).
//!
//! Split the way Pagefind splits its indexer from its web crate: the index
//! format, building it (build time only), answering queries and cutting
//! snippets each have their own file, so the part that runs in the browser
//! reads on its own.

#[cfg(feature = "indexer")]
mod build;
mod index;
mod packed;
mod query;
mod snippet;
pub mod text;
mod wire;

#[cfg(feature = "indexer")]
pub use build::{parse_synonyms, same_heading, Terms};
pub use index::{Doc, Posting, SearchIndex, SEARCH_INDEX_FILE};
pub use query::{Hit, Results, MAX_QUERY_CHARS};
pub use snippet::{doc_text, locate, snippet, Located};
pub use wire::{Answer, ENGINE_ABI, SEARCH_ENGINE_FILE};
