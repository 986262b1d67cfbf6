//! The real content, compiled once per fuzzing process.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use help_compiler::{compile, read_dir, search_index, Settings, Source};
use help_core::search::SearchIndex;
use help_core::Site;

pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

pub fn sources() -> &'static Vec<Source> {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| read_dir(&content_dir()).expect("content/"))
}

#[allow(dead_code)] // not every target searches
pub fn site_and_index() -> &'static (Site, SearchIndex) {
    static BUILT: OnceLock<(Site, SearchIndex)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let site = compile(sources(), &Settings::default()).expect("the real content compiles").site;
        let index = search_index(&site, &content_dir());
        (site, index)
    })
}
