//! The URL contract: which page and section a location names.
//!
//! Every hub and article is its own file in one flat folder, so the last path
//! segment alone picks the page; this works from any static host and sub-path.

use crate::model::Site;

/// The home hub's file.
pub const HOME_FILE: &str = "index.html";

/// A page's file name from its front-matter `pageName`: lower case, `:` as `-`,
/// and `home` as `index.html`.
pub fn file_for_page_name(page_name: &str) -> String {
    if page_name.eq_ignore_ascii_case("home") {
        return HOME_FILE.to_owned();
    }
    let mut file: String = page_name
        .chars()
        .map(|c| if c == ':' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    file.push_str(".html");
    file
}

/// What a location asks the widget to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A page (index into [`Site::pages`]) and, optionally, a section or
    /// details id on it.
    Page { index: usize, anchor: Option<String> },
    /// A file name this build does not have.
    NotFound { file: String },
}

impl Route {
    /// Resolves a location's path (any prefix: only the last segment counts)
    /// and fragment (with or without `#`).
    pub fn resolve(site: &Site, path: &str, fragment: &str) -> Route {
        let file = path.rsplit('/').next().unwrap_or("");
        let file = if file.is_empty() { HOME_FILE } else { file };
        let anchor = fragment.trim_start_matches('#');
        match site.page_by_file(file) {
            Some((index, page)) => Route::Page {
                index,
                anchor: (!anchor.is_empty() && page.has_anchor(anchor)).then(|| anchor.to_owned()),
            },
            None => Route::NotFound { file: file.to_owned() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn page(name: &str, sections: &[&str]) -> Page {
        Page {
            page_name: name.into(),
            file: file_for_page_name(name),
            site_path: String::new(),
            kind: PageKind::Article,
            title: name.into(),
            short_title: None,
            subtitle: String::new(),
            hub: None,
            position: 0,
            partner: None,
            intro: vec![],
            sections: sections
                .iter()
                .map(|id| Section {
                    id: (*id).into(),
                    level: 2,
                    heading: (*id).into(),
                    blocks: vec![Block::Details { id: format!("{id}-more"), summary: "More".into(), blocks: vec![] }],
                    references: vec![],
                })
                .collect(),
            children: vec![],
        }
    }

    fn site() -> Site {
        Site {
            pages: vec![page("home", &[]), page("manage:Landline-number", &["cid3009"])],
            help_centre_url: "https://help.example".into(),
            contact_url: "https://help.example/contact/".into(),
        }
    }

    #[test]
    fn page_names_become_flat_lower_case_files() {
        assert_eq!(file_for_page_name("home"), "index.html");
        assert_eq!(file_for_page_name("manage:Landline-number"), "manage-landline-number.html");
        assert_eq!(file_for_page_name("patientcentre:cannot-log-in"), "patientcentre-cannot-log-in.html");
    }

    #[test]
    fn the_last_path_segment_picks_the_page_under_any_prefix() {
        let site = site();
        for path in ["/", "", "/help/", "/help/index.html", "index.html"] {
            assert_eq!(Route::resolve(&site, path, ""), Route::Page { index: 0, anchor: None }, "{path}");
        }
        assert_eq!(
            Route::resolve(&site, "/help/manage-landline-number.html", "#cid3009"),
            Route::Page { index: 1, anchor: Some("cid3009".into()) }
        );
    }

    #[test]
    fn details_ids_are_anchors_and_unknown_fragments_are_ignored() {
        let site = site();
        assert_eq!(
            Route::resolve(&site, "manage-landline-number.html", "cid3009-more"),
            Route::Page { index: 1, anchor: Some("cid3009-more".into()) }
        );
        assert_eq!(
            Route::resolve(&site, "manage-landline-number.html", "#nope"),
            Route::Page { index: 1, anchor: None }
        );
    }

    #[test]
    fn unknown_files_are_not_found_not_home() {
        assert_eq!(
            Route::resolve(&site(), "/help/manage-landline.html", ""),
            Route::NotFound { file: "manage-landline.html".into() }
        );
    }
}
