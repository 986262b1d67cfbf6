//! The search engine exactly as the app runs it, exported on its own so the
//! browser benchmark (bench/search/) can time it beside the JavaScript
//! engines without the app around it. Not part of the widget.

use help_search::SearchIndex;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Engine {
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Reads an index from its file's bytes, as the app does.
    pub fn load(bytes: &[u8]) -> Result<Engine, JsError> {
        SearchIndex::from_bytes(bytes).map(|index| Engine { index }).map_err(JsError::new)
    }

    /// Document ids, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<u32> {
        self.index.search(query, limit).hits.iter().map(|h| h.doc).collect()
    }
}
