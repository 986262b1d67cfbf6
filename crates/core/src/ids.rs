//! The element ids the app and every page file use themselves, in one list
//! the compiler and the components share. Content may not take them: a
//! heading or details summary whose slug is one of these gets a suffix
//! (`## Search` becomes `#search-2`), so focus and `aria-*` references always
//! find the app's own element and no page has a duplicate id.

/// The element the app lives in (`index.html`).
pub const ROOT: &str = "app";
/// The skip link's target.
pub const MAIN: &str = "maincontent";
/// The skip link's target: `#` and [`MAIN`], written out so the app need not format it.
pub const MAIN_HREF: &str = "#maincontent";
/// "On this page" on longer articles.
pub const CONTENTS_HEADING: &str = "contents-heading";
/// The search box, its hint and its list of results.
pub const SEARCH_INPUT: &str = "search";
pub const SEARCH_HINT: &str = "search-hint";
pub const SEARCH_RESULTS: &str = "search-results";
/// Each result is `search-result-0`, `search-result-1`, ... up to the most
/// the search box shows.
pub const SEARCH_RESULT_PREFIX: &str = "search-result-";
pub const SEARCH_RESULTS_SHOWN: usize = 10;

const FIXED: &[&str] = &[ROOT, MAIN, CONTENTS_HEADING, SEARCH_INPUT, SEARCH_HINT, SEARCH_RESULTS];

/// The id of the `n`th search result.
pub fn search_result(n: usize) -> String {
    format!("{SEARCH_RESULT_PREFIX}{n}")
}

/// Whether the app or the page file uses `id` itself.
pub fn is_reserved(id: &str) -> bool {
    // Only the ids rendered: a reserved pattern with no end would leave a
    // content slug such as `search-result` no free suffix.
    FIXED.contains(&id) || (0..SEARCH_RESULTS_SHOWN).any(|n| id.strip_prefix(SEARCH_RESULT_PREFIX) == Some(n.to_string().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skip_link_points_at_main() {
        assert_eq!(MAIN_HREF, format!("#{MAIN}"));
    }

    #[test]
    fn the_apps_ids_are_reserved_and_others_are_not() {
        for id in ["app", "maincontent", "contents-heading", "search", "search-hint", "search-results", "search-result-0", "search-result-9"] {
            assert!(is_reserved(id), "{id}");
        }
        for id in ["search-2", "search-result-", "search-result-x", "search-result-10", "searching", "contents", "cid7023"] {
            assert!(!is_reserved(id), "{id}");
        }
        assert_eq!(search_result(3), "search-result-3");
    }
}
