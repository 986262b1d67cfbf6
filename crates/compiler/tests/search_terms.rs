//! `search-terms` in front matter: phrases people use for an article or a
//! section, searched but never shown, and refused with file and line when
//! they are written wrongly.

mod common;

use std::path::PathBuf;

use help_compiler::{compile_dir, search_index, Settings};

fn fixtures(name: &str) -> PathBuf {
    common::fixtures("search-terms").join(name)
}

/// The first result for `query` as "file#anchor".
fn first(query: &str) -> String {
    let dir = fixtures("good");
    let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let index = search_index(&compiled.site, &dir);
    let hit = index.search(query, 1).hits.first().map(|h| h.doc).unwrap_or_else(|| panic!("nothing for {query:?}"));
    let found = help_search::locate(&compiled.site.pages, &index.docs[hit as usize]).expect("a document of this model");
    format!("{}#{}", found.page.file, found.anchor())
}

#[test]
fn phrases_find_their_section_and_are_never_shown() {
    let dir = fixtures("good");
    let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(compiled.warnings.is_empty(), "{:#?}", compiled.warnings);
    // Words only the section's search terms hold.
    assert_eq!(first("my link is old"), "links.html#cid3009");
    assert_eq!(first("out of date"), "links.html#cid3009");
    assert_eq!(first("what is this email"), "links.html#why-we-send-links");
    // A details block, named by its summary.
    assert_eq!(first("goes to the wrong place"), "links.html#the-link-opens-the-wrong-app");
    // The article's terms reach its sections, not other articles'.
    assert!(first("button does nothing").starts_with("links.html#"));
    assert!(first("ancient").starts_with("other.html#"));
    // The phrases are in the index, never in what the pages show.
    let model = serde_json::to_string(&compiled.site).unwrap();
    for phrase in ["my link is old", "out of date", "button does nothing", "wrong place"] {
        assert!(!model.contains(phrase), "{phrase} is in the model");
    }
}

/// Compiles the good fixtures plus one bad file; returns the errors shown.
fn errors_with(bad: &str) -> Vec<String> {
    common::errors_with(&fixtures("good"), &fixtures("bad"), bad)
}

#[test]
fn malformed_search_terms_fail_naming_file_and_line() {
    for (bad, line, message) in [
        ("not-a-list.md", 8, "`search-terms` must be a list"),
        ("unknown-heading.md", 12, "no section or details block headed `A section that is not here`"),
        ("nested-list.md", 12, "a phrase must be text"),
        ("empty-phrase.md", 10, "a phrase is empty"),
        ("no-phrases.md", 9, "has no list of phrases"),
    ] {
        let errors = errors_with(bad);
        let location = format!("{bad}:{line}: error: ");
        assert!(errors.iter().any(|e| e.contains(&location) && e.contains(message)), "expected `{location}…{message}…` in {errors:#?}");
        assert_eq!(errors.len(), 1, "one message per problem: {errors:#?}");
    }
}
