//! The second line of defence: whatever the checks let through, only these
//! elements and attributes reach the structure pass.

use std::collections::{HashMap, HashSet};

const TAGS: &[&str] = &[
    "p", "ul", "ol", "li", "strong", "b", "em", "i", "a", "details", "summary", "h1", "h2", "h3",
    "h4", "h5", "h6", "br", "hr", "div", "span",
];

pub fn clean(html: &str) -> String {
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    attributes.insert("a", ["href", "title"].into());
    attributes.insert("ol", ["start"].into());
    ammonia::Builder::default()
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(["script", "style", "template", "noscript"].into())
        .generic_attributes(HashSet::new())
        .tag_attributes(attributes)
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .clean(html)
        .to_string()
}
