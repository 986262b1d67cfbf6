//! The URL contract: which page and section a location names.
//!
//! Every hub and article is its own file in one flat folder, so the last path
//! segment alone picks the page; this works from any static host and sub-path.

use crate::error_code::{parse_code, ErrorCode};
use crate::model::{file_of_path, Site, REFERENCES_FILE};

/// The most of any one parameter, or of the fragment, that the app reads
/// from an address, in characters, before and again after normalising it
/// (NFKC can make text 18 times longer): a link may hold anything, and
/// nothing it holds may cost more than this. Every parameter the widget
/// knows is far shorter.
pub const MAX_PARAMETER_CHARS: usize = 2048;

/// What a location asks the widget to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A page (index into [`Site::pages`]) and, optionally, a section or
    /// details id on it. `reference` (an index into [`Site::references`]) is
    /// the error reference the person arrived with when this is its guidance:
    /// resolved once here, never looked up again by code.
    Page { index: usize, anchor: Option<String>, reference: Option<usize> },
    /// The list of every error reference.
    References,
    /// A registered code with no guidance of its own, retired or to
    /// contact NHS login about (an index into [`Site::notices`]).
    Notice { at: usize },
    /// An `error` parameter or code fragment the content has no guidance
    /// for: a well-formed code, or `None` when nothing given was a code.
    UnknownReference { code: Option<ErrorCode> },
    /// A file name this build does not have.
    NotFound { file: String },
}

impl Route {
    /// Resolves a location: its path (any prefix: only the last segment
    /// counts), its decoded query parameters and its fragment (with or
    /// without `#`). Parameter values and the fragment must already be
    /// NFKC-normalised (see [`crate::error_code::parse_code`]).
    pub fn resolve(site: &Site, path: &str, params: &[(String, String)], fragment: &str) -> Route {
        let mut error_params = params.iter().filter(|(k, _)| k == "error").peekable();
        if error_params.peek().is_some() {
            // Any page accepts `error`; the first well-formed code counts.
            return match error_params.find_map(|(_, v)| parse_code(v)) {
                Some(code) => Route::guidance(site, code),
                None => Route::UnknownReference { code: None },
            };
        }
        let file = file_of_path(path);
        if file == REFERENCES_FILE {
            return Route::References;
        }
        let Some((index, page)) = site.page_by_file(&file) else {
            return Route::NotFound { file: file.into_owned() };
        };
        // Every id the compiler writes is lower case.
        let anchor = fragment.trim_start_matches('#').to_ascii_lowercase();
        let anchor = anchor.as_str();
        if anchor.is_empty() || page.has_anchor(anchor) {
            let anchor = (!anchor.is_empty()).then(|| anchor.to_owned());
            return Route::Page { index, anchor, reference: None };
        }
        // `#cid7023` works on any page, like `?error=CID7023`.
        let code_fragment = anchor.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("cid"));
        match parse_code(anchor) {
            Some(code) if code_fragment => Route::guidance(site, code),
            _ => Route::Page { index, anchor: None, reference: None },
        }
    }

    /// The canonical guidance for a well-formed code, if the content has it.
    fn guidance(site: &Site, code: ErrorCode) -> Route {
        match site.reference(&code) {
            Some((at, reference)) => Route::Page {
                index: reference.place.page,
                anchor: Some(reference.place.section.clone()),
                reference: Some(at),
            },
            None => match site.notice(&code) {
                Some((at, _)) => Route::Notice { at },
                None => Route::UnknownReference { code: Some(code) },
            },
        }
    }

    /// The error code the person arrived with, known or not.
    pub fn arrival_code<'a>(&'a self, site: &'a Site) -> Option<&'a ErrorCode> {
        match self {
            Route::Page { reference: Some(at), .. } => site.references.get(*at).map(|r| &r.code),
            Route::Notice { at } => site.notices.get(*at).map(|n| &n.code),
            Route::UnknownReference { code } => code.as_ref(),
            _ => None,
        }
    }

    /// The pages whose bodies this view shows (see [`Site::shown_with`]).
    pub fn pages_shown(&self, site: &Site) -> Vec<usize> {
        match self {
            Route::Page { index, .. } => site.shown_with(*index),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::references;

    fn code(text: &str) -> ErrorCode {
        parse_code(text).expect("a code")
    }

    fn contact(text: &str) -> Block {
        Block::Paragraph(vec![Inline::Link {
            target: LinkTarget::Contact { code: Some(code(text)) },
            title: None,
            children: vec![Inline::Text("Contact us".into())],
        }])
    }

    fn section(id: &str, heading: &str, blocks: Vec<Block>) -> Section {
        Section { id: id.into(), level: 2, heading: heading.into(), blocks, references: vec![] }
    }

    fn page(name: &str, sections: Vec<Section>) -> Page {
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
            sections,
            children: vec![],
            review_dates: None,
        }
    }

    /// Two articles that both name CID3002, and a code only in a contact link
    /// inside a details.
    fn site() -> Site {
        let pages = vec![
            page("home", vec![]),
            page(
                "errors",
                vec![
                    section("lost", "Lost access", vec![Block::Details {
                        id: "more".into(),
                        summary: "More".into(),
                        blocks: vec![contact("CID3008")],
                    }]),
                    section("cid3002", "CID3002: The link has expired", vec![contact("CID3002")]),
                ],
            ),
            page(
                "manage:Landline-number",
                vec![
                    section("cid3009", "Expired link – Reference CID3009", vec![contact("CID3009")]),
                    section("cid3002", "Expired link – Reference CID3002", vec![]),
                ],
            ),
        ];
        let references = references::collect(&pages);
        Site {
            pages,
            help_centre_url: "https://help.example".into(),
            contact_url: "https://help.example/contact/".into(),
            references,
            partners: Vec::new(),
            notices: vec![
                Notice { code: code("CID1234"), retired: Some("2025-03-01".into()), replaced_by: Some(code("CID3002")), line: "Old links show it.".into() },
                Notice { code: code("CID9001"), retired: None, replaced_by: None, line: "Contact us.".into() },
            ],
        }
    }

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect()
    }

    /// `reference` by its code, as the route holds it: its index in the site's references.
    fn page_at(index: usize, anchor: Option<&str>, reference: Option<&str>) -> Route {
        let reference = reference.map(|c| site().reference(c).expect("a known code").0);
        Route::Page { index, anchor: anchor.map(Into::into), reference }
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
            assert_eq!(Route::resolve(&site, path, &[], ""), page_at(0, None, None), "{path}");
        }
        assert_eq!(Route::resolve(&site, "/help/manage-landline-number.html", &[], "#cid3009"), page_at(2, Some("cid3009"), None));
        assert_eq!(Route::resolve(&site, "/x/references.html", &[], ""), Route::References);
    }

    #[test]
    fn clean_urls_name_the_same_pages_as_their_files() {
        // Hosts that redirect `page.html` to `page` (Cloudflare Pages, Netlify's pretty URLs).
        let site = site();
        for path in ["/index", "/help/index", "index"] {
            assert_eq!(Route::resolve(&site, path, &[], ""), page_at(0, None, None), "{path}");
        }
        assert_eq!(Route::resolve(&site, "/help/manage-landline-number", &[], "#cid3009"), page_at(2, Some("cid3009"), None));
        assert_eq!(Route::resolve(&site, "/errors", &[], "#cid3009"), page_at(2, Some("cid3009"), Some("CID3009")));
        assert_eq!(Route::resolve(&site, "/x/references", &[], ""), Route::References);
        assert_eq!(Route::resolve(&site, "/help/gone", &[], ""), Route::NotFound { file: "gone.html".into() });
        // A file of another kind is not a page, whatever its name.
        assert_eq!(Route::resolve(&site, "/errors.htm", &[], ""), Route::NotFound { file: "errors.htm".into() });
    }

    #[test]
    fn details_ids_are_anchors_and_unknown_fragments_are_ignored() {
        let site = site();
        assert_eq!(Route::resolve(&site, "errors.html", &[], "more"), page_at(1, Some("more"), None));
        assert_eq!(Route::resolve(&site, "errors.html", &[], "#nope"), page_at(1, None, None));
        assert_eq!(Route::resolve(&site, "errors.html", &[], "#7023"), page_at(1, None, None));
        // Ids are lower case; a fragment in capitals still names the section on this page.
        assert_eq!(Route::resolve(&site, "manage-landline-number.html", &[], "#CID3002"), page_at(2, Some("cid3002"), None));
    }

    #[test]
    fn unknown_files_are_not_found_not_home() {
        assert_eq!(
            Route::resolve(&site(), "/help/manage-landline.html", &[], ""),
            Route::NotFound { file: "manage-landline.html".into() }
        );
    }

    #[test]
    fn an_error_code_on_any_page_opens_its_guidance() {
        let site = site();
        for path in ["index.html", "errors.html", "manage-landline-number.html", "references.html", "gone.html"] {
            assert_eq!(
                Route::resolve(&site, path, &params(&[("error", "cid 3009")]), ""),
                page_at(2, Some("cid3009"), Some("CID3009")),
                "{path}"
            );
        }
        assert_eq!(Route::resolve(&site, "index.html", &[], "#CID3009"), page_at(2, Some("cid3009"), Some("CID3009")));
    }

    #[test]
    fn a_heading_that_begins_with_the_code_is_the_canonical_place() {
        let site = site();
        assert_eq!(Route::resolve(&site, "", &params(&[("error", "3002")]), ""), page_at(1, Some("cid3002"), Some("CID3002")));
        let (_, reference) = site.reference("CID3002").expect("known");
        assert_eq!(reference.place.naming, crate::Naming::HeadingStartsWithCode);
        assert_eq!(reference.also.len(), 1);
        assert_eq!((reference.also[0].page, reference.also[0].section.as_str()), (2, "cid3002"));
    }

    #[test]
    fn a_code_only_in_a_contact_link_opens_the_section_and_details_holding_it() {
        let site = site();
        assert_eq!(Route::resolve(&site, "", &params(&[("error", "CID3008")]), ""), page_at(1, Some("lost"), Some("CID3008")));
        assert_eq!(site.reference("CID3008").unwrap().1.place.details.as_deref(), Some("more"));
    }

    #[test]
    fn a_code_named_only_in_text_opens_its_section_but_loses_to_a_heading_or_a_link() {
        let mut pages = site().pages;
        let text = |t: &str| Block::Paragraph(vec![Inline::Text(t.into())]);
        pages.push(page("video", vec![
            section("too-dark", "My video is too dark", vec![text("If reference CID4017 is shown, record it again in good light.")]),
            section("blurry", "Blurry", vec![Block::Details { id: "why".into(), summary: "Why CID4018 appears".into(), blocks: vec![text("Light.")] }]),
            // CID3009 is in a heading elsewhere and CID3008 in a contact link: they keep their places.
            section("mentions", "Mentions", vec![text("Unlike CID3009 and CID3008, this is about video.")]),
        ]));
        let references = references::collect(&pages);
        let site = Site { pages, references, ..site() };
        let at = |code: &str| site.reference(code).map(|(i, _)| i);
        assert_eq!(
            Route::resolve(&site, "", &params(&[("error", "CID4017")]), ""),
            Route::Page { index: 3, anchor: Some("too-dark".into()), reference: at("CID4017") }
        );
        assert_eq!(site.reference("CID4017").unwrap().1.place.naming, Naming::Text);
        assert_eq!(site.reference("CID4018").unwrap().1.place.details.as_deref(), Some("why"));
        assert_eq!(Route::resolve(&site, "", &params(&[("error", "CID3009")]), ""), Route::Page { index: 2, anchor: Some("cid3009".into()), reference: at("CID3009") });
        assert_eq!(Route::resolve(&site, "", &params(&[("error", "CID3008")]), ""), Route::Page { index: 1, anchor: Some("lost".into()), reference: at("CID3008") });
        let mentioned = site.reference("CID3009").unwrap().1;
        assert_eq!((mentioned.also.len(), mentioned.also[0].naming), (1, Naming::Text));
    }

    #[test]
    fn the_first_well_formed_error_parameter_counts() {
        let site = site();
        let route = Route::resolve(&site, "", &params(&[("error", "<b>"), ("error", "CID3009"), ("error", "CID3008")]), "");
        assert_eq!(route, page_at(2, Some("cid3009"), Some("CID3009")));
    }

    #[test]
    fn unknown_and_malformed_codes_get_the_helpful_page() {
        let site = site();
        assert_eq!(Route::resolve(&site, "", &params(&[("error", "CID9999")]), ""), Route::UnknownReference { code: Some(code("CID9999")) });
        // A registered code with no guidance has its own notice, never the unknown page.
        assert_eq!(Route::resolve(&site, "", &params(&[("error", "cid 1234")]), ""), Route::Notice { at: 0 });
        assert_eq!(Route::resolve(&site, "errors.html", &[], "#cid9001"), Route::Notice { at: 1 });
        assert_eq!(Route::Notice { at: 1 }.arrival_code(&site), Some(&code("CID9001")));
        assert_eq!(Route::resolve(&site, "errors.html", &[], "#cid9999"), Route::UnknownReference { code: Some(code("CID9999")) });
        let long = "x".repeat(10_000);
        for bad in ["", "<script>alert(1)</script>", long.as_str(), "CID70\u{200b}23", "CID7023\u{202e}"] {
            assert_eq!(Route::resolve(&site, "", &params(&[("error", bad)]), ""), Route::UnknownReference { code: None }, "{bad:?}");
        }
    }
}
