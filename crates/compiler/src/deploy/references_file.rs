//! `references.json`: every registered error reference for partners, so an
//! error screen can link straight to the guidance's own page file and
//! section (the fast path: no move through the home page first). Its shape
//! is `docs/references.schema.json`.

use help_core::model::{page_href, REFERENCES_FILE};
use help_core::{ErrorCode, Site};

use crate::content::review::Review;

pub const REFERENCES_JSON_FILE: &str = "references.json";

/// The address of `code`'s view, relative to the widget's folder: the page
/// file with `?error=` (so the guidance is marked and focused) and the section.
fn address(file: &str, code: &ErrorCode, section: &str) -> String {
    page_href(&format!("{file}?error={code}"), Some(section))
}

/// The file's text for `site`, with its version ([`crate::site_version`]).
pub fn references_json(site: &Site, reviews: &[Review]) -> String {
    let version = crate::site_version(site);
    let mut references: Vec<serde_json::Value> = Vec::new();
    for reference in &site.references {
        let page = &site.pages[reference.place.page];
        let review = reviews.iter().find(|r| r.page == reference.place.page);
        let date = |field: Option<&crate::content::front_matter::Field<time::Date>>| field.map(|f| serde_json::json!(f.value.to_string()));
        let mut entry = serde_json::json!({
            "code": reference.code,
            "status": "live",
            "title": page.title,
            "heading": reference.place.heading,
            "href": address(&page.file, &reference.code, &reference.place.section),
            "contactHref": site.contact_href(Some(&reference.code)),
        });
        if let Some(reviewed) = date(review.and_then(|r| r.reviewed.as_ref())) {
            entry["reviewed"] = reviewed;
        }
        if let Some(due) = date(review.and_then(|r| r.due.as_ref())) {
            entry["reviewDue"] = due;
        }
        references.push(entry);
    }
    for notice in &site.notices {
        let mut entry = serde_json::json!({
            "code": notice.code,
            "status": if notice.retired.is_some() { "retired" } else { "contact" },
            "line": notice.line,
            "href": address(REFERENCES_FILE, &notice.code, &notice.code.anchor()),
            "contactHref": site.contact_href(Some(&notice.code)),
        });
        if let Some(since) = &notice.retired {
            entry["retired"] = serde_json::json!(since);
        }
        if let Some(code) = &notice.replaced_by {
            entry["replacedBy"] = serde_json::json!(code);
        }
        references.push(entry);
    }
    references.sort_by(|a, b| a["code"].as_str().cmp(&b["code"].as_str()));
    let file = serde_json::json!({
        "version": version,
        "contactUrl": site.contact_url,
        "references": references,
    });
    serde_json::to_string_pretty(&file).expect("JSON values always serialise") + "\n"
}
