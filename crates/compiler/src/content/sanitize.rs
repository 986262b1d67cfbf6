//! The second line of defence: whatever the checks let through, only these
//! elements and attributes reach the structure pass.

use std::collections::{HashMap, HashSet};

pub const TAGS: &[&str] = &[
    "p", "ul", "ol", "li", "strong", "b", "em", "i", "a", "details", "summary", "h1", "h2", "h3",
    "h4", "h5", "h6", "br", "hr", "div", "span", "nav",
];

/// The classes the structure pass reads to find NHS.UK components; every
/// other class is dropped here (the app renders each component's own markup).
const COMPONENT_CLASSES: &[(&str, &[&str])] = &[
    ("div", &["nhsuk-inset-text", "nhsuk-warning-callout"]),
    ("nav", &["nhsuk-contents-list"]),
    ("span", &["nhsuk-u-visually-hidden", "nhsuk-contents-list__current"]),
    ("p", &["nhsuk-u-visually-hidden"]),
    ("h1", &["nhsuk-u-visually-hidden"]),
    ("h2", &["nhsuk-u-visually-hidden"]),
    ("h3", &["nhsuk-u-visually-hidden"]),
    ("h4", &["nhsuk-u-visually-hidden"]),
    ("h5", &["nhsuk-u-visually-hidden"]),
    ("h6", &["nhsuk-u-visually-hidden"]),
];

pub fn clean(html: &str) -> String {
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    attributes.insert("a", ["href", "title"].into());
    attributes.insert("ol", ["start"].into());
    attributes.insert("nav", ["aria-label"].into());
    attributes.insert("li", ["aria-current"].into());
    let classes = COMPONENT_CLASSES.iter().map(|(tag, classes)| (*tag, classes.iter().copied().collect())).collect();
    ammonia::Builder::default()
        .tags(TAGS.iter().copied().collect())
        .allowed_classes(classes)
        .clean_content_tags(["script", "style", "template", "noscript"].into())
        .generic_attributes(HashSet::new())
        .tag_attributes(attributes)
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    /// What the checks would refuse, given straight to the sanitiser: none of
    /// it may survive, and the harmless text around it must.
    #[test]
    fn strips_everything_that_could_run_or_load() {
        let payloads = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<svg onload=alert(1)><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<p onclick=\"alert(1)\" style=\"background:url(https://evil.example)\">x</p>",
            "<details ontoggle=alert(1) open><summary>x</summary></details>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<style>body{background:url(https://evil.example)}</style>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
            "<base href=https://evil.example/>",
            "<form action=https://evil.example><input name=password></form>",
            "<img src=x onerror=alert(1)>",
            "<object data=https://evil.example/x.swf></object><embed src=x>",
            "<template><script>alert(1)</script></template>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>",
            "<div><!--<script>alert(1)</script>--></div>",
        ];
        let forbidden = [
            "<script", "<svg", "<math", "javascript:", "vbscript:", "data:", "onclick", "onload", "ontoggle", "onerror", "style",
            "<iframe", "srcdoc", "<link", "<meta", "<base", "<form", "<input", "<img", "<object", "<embed", "<template", "<noscript", "<!--",
        ];
        for payload in payloads {
            let cleaned = clean(&format!("<p>before</p>{payload}<p>after</p>")).to_ascii_lowercase();
            for bad in forbidden {
                assert!(!cleaned.contains(bad), "{payload:?} left {bad:?} in {cleaned:?}");
            }
            assert!(cleaned.starts_with("<p>before</p>") && cleaned.ends_with("<p>after</p>"), "{payload:?} → {cleaned:?}");
        }
    }

    #[test]
    fn keeps_the_markup_articles_use() {
        let html = "<details><summary>Why</summary><div><p><a href=\"https://www.nhs.uk/\" title=\"NHS\">NHS</a> and <a href=\"mailto:x@nhs.net\">mail</a></p><ol start=\"2\"><li><strong>b</strong></li></ol></div></details>";
        assert_eq!(clean(html), html);
    }

    #[test]
    fn keeps_only_the_classes_that_name_components() {
        let html = "<div class=\"nhsuk-warning-callout nhsuk-u-margin-top-4\" id=\"x\"><h3 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Label</span></h3></div>";
        assert_eq!(
            clean(html),
            "<div class=\"nhsuk-warning-callout\"><h3 class=\"\"><span><span class=\"nhsuk-u-visually-hidden\">Important: </span>Label</span></h3></div>"
        );
        let nav = "<nav class=\"nhsuk-contents-list\" role=\"navigation\" aria-label=\"Pages in this guide\"><ol><li aria-current=\"page\">x</li></ol></nav>";
        assert_eq!(clean(nav), "<nav class=\"nhsuk-contents-list\" aria-label=\"Pages in this guide\"><ol><li aria-current=\"page\">x</li></ol></nav>");
    }
}
