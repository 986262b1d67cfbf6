//! The help content, compiled from `content/` by `build.rs` and bundled as JSON.

use std::sync::OnceLock;

use help_core::Site;

const SITE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/site.json"));

/// The bundled site, parsed once on first use.
pub fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| match help_core::bundle::site_from_json(SITE_JSON) {
        Ok(site) => site,
        // build.rs reads every bundle back before writing it, so this is a bug.
        Err(e) => panic!("the bundled help content cannot be read: {e}"),
    })
}

/// A partner's display name, from its profile.
pub fn partner_name(id: &str) -> &str {
    site().partner(id).map_or(id, |p| p.name.as_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_model_parses_and_starts_at_home() {
        let site = super::site();
        assert_eq!(site.home().page_name, "home");
        assert_eq!(site.pages.len(), 7);
    }
}
