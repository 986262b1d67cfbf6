//! The search engine exactly as the app runs it, exported on its own so the
//! browser benchmark (bench/search/) can time it beside the JavaScript
//! engines without the app around it. Not part of the widget.

use help_core::search::SearchIndex;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Engine {
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Reads an index from its JSON, as the app does.
    pub fn load(json: &str) -> Result<Engine, JsError> {
        help_core::bundle::index_from_json(json).map(|index| Engine { index }).map_err(|e| JsError::new(&e))
    }

    /// Document ids, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<u32> {
        self.index.search(query, limit).hits.iter().map(|h| h.doc).collect()
    }
}
