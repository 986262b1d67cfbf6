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
/// The `<script type="application/json">` in which a page file carries the
/// bodies it shows: the prerender writes it, the app reads it at start.
pub const PAGE_BODIES: &str = "page-bodies";

const FIXED: &[&str] = &[ROOT, MAIN, CONTENTS_HEADING, SEARCH_INPUT, SEARCH_HINT, SEARCH_RESULTS, PAGE_BODIES];

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

    /// Every id written literally where the page's scripts and the app look
    /// elements up or write them: `getElementById('…')`, a `'#…'` selector
    /// or `id="…"`.
    fn literal_ids(text: &str) -> Vec<String> {
        let id_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let mut ids = Vec::new();
        for opener in ["getElementById('", "getElementById(\"", "get_element_by_id(\"", "('#", "(\"#", "id=\"", "id=\\\"", "id='"] {
            for (at, _) in text.match_indices(opener) {
                let rest = &text[at + opener.len()..];
                let id: String = rest.chars().take_while(|&c| id_char(c)).collect();
                // Only whole literals: `id=\"{}\"` is filled in from a constant.
                if !id.is_empty() && rest[id.len()..].starts_with(['\'', '"', '\\']) {
                    ids.push(id);
                }
            }
        }
        ids
    }

    #[test]
    fn every_id_the_page_and_its_scripts_use_is_reserved() {
        for id in [ROOT, MAIN, CONTENTS_HEADING, SEARCH_INPUT, SEARCH_HINT, SEARCH_RESULTS, PAGE_BODIES] {
            assert!(is_reserved(id), "{id}");
        }
        (0..SEARCH_RESULTS_SHOWN).for_each(|n| assert!(is_reserved(&search_result(n))));

        // The shell, the scripts that run in the page and the app's own Rust.
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = vec![repo.join("index.html"), repo.join("crates/compiler/src/deploy/first_visit.js"), repo.join("crates/compiler/src/deploy/first_visit.rs")];
        let mut folders = vec![repo.join("static"), repo.join("src")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display())) {
                let path = entry.unwrap().path();
                match path.extension().and_then(|e| e.to_str()) {
                    _ if path.is_dir() => folders.push(path),
                    Some("js" | "rs") => files.push(path),
                    _ => {}
                }
            }
        }
        let mut found = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            for id in literal_ids(&text) {
                assert!(is_reserved(&id), "{} uses the id `{id}`, which content could take: add it to ids.rs", file.display());
                found.push(id);
            }
        }
        // The search finds what it is meant to: the shell's root, and the
        // search box the partner's frame script looks for.
        for id in [ROOT, SEARCH_INPUT] {
            assert!(found.iter().any(|f| f == id), "{id} not found in {found:?}");
        }
        assert_eq!(literal_ids(r##"d.getElementById('a'); q("#b-1"); <div id="c"> id=\"{}\" { color: '#f0f4f5' }"##), ["a", "b-1", "c"]);
    }
}
