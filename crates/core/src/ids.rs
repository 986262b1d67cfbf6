//! The element ids the app and every page file use themselves, in one list
//! the compiler and the components share. Content may not take them: a
//! heading or details summary whose slug is one of these gets a suffix
//! (`## Search` becomes `#search-2`), so focus and `aria-*` references always
//! find the app's own element and no page has a duplicate id.

/// The element the app lives in (`index.html`).
pub const ROOT: &str = "app";
/// The skip link's target.
pub const MAIN: &str = "maincontent";
/// "On this page" on longer articles.
pub const CONTENTS_HEADING: &str = "contents-heading";
/// The search box, its hint and its list of results.
pub const SEARCH_INPUT: &str = "search";
pub const SEARCH_HINT: &str = "search-hint";
pub const SEARCH_RESULTS: &str = "search-results";
/// Each result is `search-result-0`, `search-result-1`, ...
pub const SEARCH_RESULT_PREFIX: &str = "search-result-";

const FIXED: &[&str] = &[ROOT, MAIN, CONTENTS_HEADING, SEARCH_INPUT, SEARCH_HINT, SEARCH_RESULTS];

/// The id of the `n`th search result.
pub fn search_result(n: usize) -> String {
    format!("{SEARCH_RESULT_PREFIX}{n}")
}

/// Whether the app or the page file uses `id` itself.
pub fn is_reserved(id: &str) -> bool {
    FIXED.contains(&id) || id.strip_prefix(SEARCH_RESULT_PREFIX).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_ids_are_reserved_and_others_are_not() {
        for id in ["app", "maincontent", "contents-heading", "search", "search-hint", "search-results", "search-result-0", "search-result-12"] {
            assert!(is_reserved(id), "{id}");
        }
        for id in ["search-2", "search-result-", "search-result-x", "searching", "contents", "cid7023"] {
            assert!(!is_reserved(id), "{id}");
        }
        assert_eq!(search_result(3), "search-result-3");
    }
}
