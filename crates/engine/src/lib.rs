//! The search engine as a WebAssembly module of its own, with no JavaScript
//! glue: the app (`src/browser.rs`, `SearchEngine`) instantiates it from its
//! bytes, writes the index and each query into its memory, and reads back
//! an [`Answer`] ([`help_search::Answer`]'s bytes). It is fetched with the
//! index the first time search is used, as Pagefind loads its own, so the
//! wasm every first visit downloads does not carry the engine.
//!
//! The exports: `abi()`; `input(len)`, a buffer of `len` bytes to write into;
//! `load(len)`, which reads an index from the buffer (1, or 0 when it is
//! refused); `site()` and `search(len, limit, tolerant)`, which put their
//! answer in the buffer and return its length; and `output()`, where it is.

use std::cell::RefCell;

use help_search::{Answer, SearchIndex, ENGINE_ABI};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

thread_local! {
    static INDEX: RefCell<Option<SearchIndex>> = const { RefCell::new(None) };
    /// Both ways: what the app writes, then what the engine answers.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Reads an index from its file's bytes; false when it is refused (damaged,
/// another format), which leaves no index.
pub fn load_index(bytes: &[u8]) -> bool {
    let index = SearchIndex::from_bytes(bytes).ok();
    let loaded = index.is_some();
    INDEX.with_borrow_mut(|held| *held = index);
    loaded
}

/// The build of the site the index was made from, empty with no index.
pub fn site() -> String {
    INDEX.with_borrow(|index| index.as_ref().map(|index| index.site.clone()).unwrap_or_default())
}

/// The answer to `query` as bytes ([`Answer::to_bytes`]): no results with no index.
pub fn answer(query: &str, limit: usize, tolerant: bool) -> Vec<u8> {
    INDEX.with_borrow(|index| match index {
        Some(index) => Answer::of(index, index.search_with(query, limit, tolerant)),
        None => Answer::default(),
    })
    .to_bytes()
}

fn with_buffer<T>(f: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    BUFFER.with_borrow_mut(f)
}

/// The answer, in the buffer for the app to read; its length.
fn put(bytes: Vec<u8>) -> usize {
    with_buffer(|buffer| {
        *buffer = bytes;
        buffer.len()
    })
}

#[no_mangle]
pub extern "C" fn abi() -> u32 {
    ENGINE_ABI
}

#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    with_buffer(|buffer| {
        buffer.clear();
        buffer.resize(len, 0);
        buffer.as_mut_ptr()
    })
}

#[no_mangle]
pub extern "C" fn output() -> *const u8 {
    with_buffer(|buffer| buffer.as_ptr())
}

#[no_mangle]
pub extern "C" fn load(len: usize) -> u32 {
    let bytes = with_buffer(|buffer| std::mem::take(buffer));
    u32::from(load_index(bytes.get(..len).unwrap_or_default()))
}

#[no_mangle]
pub extern "C" fn site_name() -> usize {
    put(site().into_bytes())
}

#[no_mangle]
pub extern "C" fn search(len: usize, limit: u32, tolerant: u32) -> usize {
    let query = with_buffer(|buffer| String::from_utf8_lossy(buffer.get(..len).unwrap_or_default()).into_owned());
    put(answer(&query, limit as usize, tolerant != 0))
}

#[cfg(test)]
mod tests {
    use help_search::{parse_synonyms, Doc};

    use super::*;

    fn index_bytes() -> Vec<u8> {
        let sections = [("I cannot log in", "Check your password."), ("Change your phone number", "Go to your account settings.")];
        let docs = (0..sections.len()).map(|i| Doc { page: 2, section: i as u32, details: None, len: Default::default() }).collect();
        let fields = sections.iter().map(|(h, b)| ["Help".to_owned(), (*h).to_owned(), (*b).to_owned()]).collect();
        let mut index = SearchIndex::from_documents(docs, fields, parse_synonyms(""));
        index.site = "build-1".into();
        index.to_bytes()
    }

    /// As the app calls it: write into `input`, then call.
    fn write(bytes: &[u8]) -> usize {
        let at = input(bytes.len());
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len()) };
        bytes.len()
    }

    /// ...and read the answer from `output`.
    fn call(bytes: &[u8], f: impl FnOnce(usize) -> usize) -> Vec<u8> {
        let len = f(write(bytes));
        unsafe { std::slice::from_raw_parts(output(), len) }.to_vec()
    }

    #[test]
    fn answers_a_query_through_its_exports_as_the_app_reads_them() {
        let index = index_bytes();
        assert_eq!(load(write(&index)), 1);
        assert_eq!(call(&[], |_| site_name()), b"build-1");
        let answer = Answer::from_bytes(&call("pasword".as_bytes(), |len| search(len, 5, 1))).unwrap();
        assert_eq!(answer.docs.iter().map(|d| (d.page, d.section)).collect::<Vec<_>>(), [(2, 0)]);
        assert_eq!(answer.corrected.as_deref(), Some("password"));
        assert_eq!(answer.found, 1);
        // As typed, without forgiving the typo: nothing.
        assert_eq!(Answer::from_bytes(&call("pasword".as_bytes(), |len| search(len, 5, 0))).unwrap().found, 0);
    }

    #[test]
    fn a_damaged_index_is_refused_and_leaves_no_answers() {
        let mut index = index_bytes();
        let last = index.len() - 1;
        index[last] ^= 1;
        assert!(!load_index(&index));
        assert_eq!(site(), "");
        assert_eq!(Answer::from_bytes(&answer("phone", 5, true)), Some(Answer::default()));
        assert_eq!(abi(), ENGINE_ABI);
    }
}
