//! Any location (path, parameters, fragment) resolves without a panic, a
//! page route names a section that exists, and a return link is kept only on
//! the partner's own origins.
#![no_main]

use help_core::route::Route;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Fields separated by NUL: path, fragment, then key/value pairs.
    let mut fields = text.split('\0');
    let path = fields.next().unwrap_or("");
    let fragment = fields.next().unwrap_or("");
    let rest: Vec<&str> = fields.collect();
    let params: Vec<(String, String)> =
        rest.chunks(2).map(|pair| (pair[0].to_owned(), pair.get(1).copied().unwrap_or("").to_owned())).collect();
    let (site, _) = common::site_and_index();
    if let Route::Page { index, anchor: Some(anchor), .. } = Route::resolve(site, path, &params, fragment) {
        assert!(site.pages[index].has_anchor(&anchor));
    }
    if let Some(visit) = help_core::partner::partner_visit(site, &params) {
        if let Some(link) = &visit.return_link {
            let origins = &site.partners[visit.partner].origins;
            assert!(origins.iter().any(|o| link.strip_prefix(o.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(['/', '?', '#']))));
        }
    }
    let _ = help_core::error_code::parse_code(&text);
    let _ = help_core::error_code::codes_in(&text);
});
