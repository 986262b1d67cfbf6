//! Any query returns real sections, and their snippets can be cut.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (site, index) = common::site_and_index();
    let results = index.search(&query, 10);
    assert!(results.hits.len() <= 10);
    for hit in &results.hits {
        let text = help_core::search::doc_text(&site.pages, &index.docs[hit.doc as usize]);
        let _ = help_core::search::snippet(&text, &results.matched, 30);
    }
});
