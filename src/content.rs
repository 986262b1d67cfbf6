//! The help content, compiled from `content/` by `build.rs`.
//!
//! The wasm bundles only the outline of the site (see
//! [`help_core::Site::outline`]), so it does not grow with every article. A
//! page's own text comes with its page file (read at start), and every
//! other page's in one file, [`BODIES_FILE`], fetched the first time the app
//! needs a page it does not hold (see `hooks/bodies.rs`). Natively (the
//! prerender, tests) the whole model is bundled.

use std::cell::{Cell, RefCell};

use help_core::Site;

#[cfg(target_arch = "wasm32")]
const SITE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/site-outline.json"));
#[cfg(not(target_arch = "wasm32"))]
const SITE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/site.json"));

/// Every page's body, beside the pages (written by the prerender).
pub const BODIES_FILE: &str = "site-bodies.json";

/// The id of the `<script type="application/json">` in which a page file
/// carries the bodies it shows: reserved, so no heading can take it.
pub const PAGE_BODIES_ID: &str = help_core::ids::PAGE_BODIES;

thread_local! {
    /// The site as far as it is known. Each time bodies arrive a new one
    /// takes its place; the old one is kept, since views may still hold
    /// references into it (a few copies at most: one per arrival).
    static SITE: Cell<Option<&'static Site>> = const { Cell::new(None) };
    /// Which pages' bodies [`SITE`] holds.
    static HELD: RefCell<Vec<bool>> = const { RefCell::new(Vec::new()) };
    /// The bodies as they arrived: a new site is read afresh from the
    /// outline and these, which costs the wasm less than copying the old one.
    static ARRIVED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

fn read(json: &str) -> Site {
    match help_core::bundle::site_from_json(json) {
        Ok(site) => site,
        // build.rs reads every bundle back before writing it, so this is a bug.
        Err(e) => panic!("the bundled help content cannot be read: {e}"),
    }
}

/// The site, with every body that has arrived.
pub fn site() -> &'static Site {
    SITE.with(|cell| {
        if let Some(site) = cell.get() {
            return site;
        }
        let site: &'static Site = Box::leak(Box::new(read(SITE_JSON)));
        HELD.with_borrow_mut(|held| *held = vec![!cfg!(target_arch = "wasm32"); site.pages.len()]);
        cell.set(Some(site));
        site
    })
}

/// Whether the site holds the bodies of all of `pages`.
pub fn holds(pages: &[usize]) -> bool {
    site();
    HELD.with_borrow(|held| pages.iter().all(|&p| held.get(p).copied().unwrap_or(true)))
}

/// Takes in the bodies of a page file or of [`BODIES_FILE`]; refuses, and
/// changes nothing, when they are not of this build.
pub fn add_bodies(json: &str) -> Result<(), String> {
    let bodies = help_core::bundle::bodies_from_json(json)?;
    if bodies.site != env!("SITE_VERSION") {
        return Err("the page bodies are of another build".to_owned());
    }
    if bodies.pages.iter().all(|b| holds(&[b.page])) {
        return Ok(());
    }
    let json: &'static str = Box::leak(json.into());
    let mut all = Vec::new();
    for earlier in ARRIVED.with_borrow(|arrived| arrived.clone()).into_iter().chain([json]) {
        all.extend(help_core::bundle::bodies_from_json(earlier)?.pages);
    }
    let pages: Vec<usize> = all.iter().map(|b| b.page).collect();
    let site: &'static Site = Box::leak(Box::new(read(SITE_JSON).with_bodies(all)?));
    HELD.with_borrow_mut(|held| pages.into_iter().for_each(|p| held[p] = true));
    ARRIVED.with_borrow_mut(|arrived| arrived.push(json));
    SITE.set(Some(site));
    Ok(())
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
        assert!(super::holds(&(0..site.pages.len()).collect::<Vec<_>>()), "natively every body is bundled");
    }

    #[test]
    fn bodies_of_another_build_are_refused() {
        let err = super::add_bodies(r#"{"site":"0000000000000000","pages":[]}"#).unwrap_err();
        assert!(err.contains("another build"), "{err}");
        assert!(super::add_bodies("{").is_err());
    }
}
