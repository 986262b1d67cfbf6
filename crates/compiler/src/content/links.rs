//! Where each link in an article goes, decided once at build time.

use std::collections::HashMap;

use help_core::error_code::{codes_in, ErrorCode};
use help_core::{LinkTarget, Page, PageKind};

/// A link found in the source, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub href: String,
    pub line: usize,
}

/// Why a URL may not be used, if it may not.
pub fn unsafe_url(url: &str) -> Option<&'static str> {
    // Browsers ignore spaces and control characters inside a scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with("javascript:") || cleaned.starts_with("vbscript:") {
        Some("could run code: `javascript:` and `vbscript:` URLs are not allowed")
    } else if cleaned.starts_with("data:") {
        Some("uses a `data:` URL, which is not allowed")
    } else if has_userinfo(url) {
        Some("hides where it goes: everything before `@` in the address is a user name, not the site (`https://help.login.nhs.uk@example.com/` opens example.com); write the real address")
    } else {
        None
    }
}

/// Whether a `scheme://` address carries a user name or password, which
/// makes it look like another site.
fn has_userinfo(url: &str) -> bool {
    // As a browser reads it: tabs and newlines removed, then any run of `/`
    // and `\` after the scheme skipped before the host.
    let cleaned: String = url.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let Some((scheme, rest)) = cleaned.trim().split_once(':') else { return false };
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return false;
    }
    let Some(rest) = rest.strip_prefix(['/', '\\']) else { return false };
    let authority = rest.trim_start_matches(['/', '\\']).split(['/', '\\', '?', '#']).next().unwrap_or("");
    authority.contains('@')
}

/// Whether a link sends the person over plain `http:` (a warning: the
/// content may still need it, but it should say `https:` where it can).
pub fn is_insecure(href: &str) -> bool {
    href.trim().get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://"))
}

/// Bidirectional controls (embeddings, overrides, isolates) make text read
/// differently from what it is, in link text as anywhere else.
pub fn bidi_control(text: &str) -> Option<char> {
    text.chars().chain(entities(text)).find(|&c| is_bidi_control(c))
}

/// Embeddings, overrides, isolates and the three direction marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// The characters `text` writes as HTML character references (`&#x202E;`,
/// `&#8238;`, `&rlm;`), which Markdown and HTML turn into the characters.
fn entities(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split('&').skip(1).filter_map(|rest| {
        let name = &rest[..rest.find(';')?];
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "lrm" => Some('\u{200e}'),
            "rlm" => Some('\u{200f}'),
            _ => {
                let number = lower.strip_prefix('#')?;
                let value = match number.strip_prefix('x') {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(value)
            }
        }
    })
}


/// `Some(code)` when `href` is the help centre's contact page (`/contact`,
/// `/contact/`, with or without `?error=CIDnnnn`).
pub fn contact_code(href: &str) -> Option<Option<ErrorCode>> {
    let (path, query) = split_query(href);
    let path = path.trim_end_matches('/');
    (path.eq_ignore_ascii_case("/contact")).then(|| {
        let query = query.split('#').next().unwrap_or("").trim_start_matches('?');
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .filter(|(k, _)| k.eq_ignore_ascii_case("error"))
            .find_map(|(_, v)| codes_in(v).into_iter().next())
    })
}

/// Path, and what follows it (`?query#fragment`).
fn split_query(href: &str) -> (&str, &str) {
    match href.find(['?', '#']) {
        Some(i) => (&href[..i], &href[i..]),
        None => (href, ""),
    }
}

/// Everything a link's destination is checked against.
pub struct Links<'a> {
    pages: &'a [Page],
    by_path: HashMap<String, usize>,
    /// First path segments of hubs (`manage`): links under them must resolve.
    hub_segments: Vec<String>,
    help_centre_url: &'a str,
}

impl<'a> Links<'a> {
    pub fn new(pages: &'a [Page], help_centre_url: &'a str) -> Self {
        let by_path = pages.iter().enumerate().map(|(i, p)| (p.site_path.to_ascii_lowercase(), i)).collect();
        let hub_segments = pages
            .iter()
            .filter(|p| p.kind == PageKind::Hub && p.site_path != "/")
            .filter_map(|p| p.site_path.trim_start_matches('/').split('/').next().map(str::to_ascii_lowercase))
            .collect();
        Links { pages, by_path, hub_segments, help_centre_url: help_centre_url.trim_end_matches('/') }
    }

    /// The target of `href` written on page `from`, or why it cannot be used.
    pub fn resolve(&self, from: usize, href: &str) -> Result<LinkTarget, String> {
        let href = href.trim();
        if let Some(problem) = unsafe_url(href) {
            return Err(format!("link `{href}` {problem}"));
        }
        if let Some(fragment) = href.strip_prefix('#') {
            return self.page_target(from, fragment, href);
        }
        // An absolute link to the help centre itself is treated like a site-relative one.
        let href = match href.strip_prefix(self.help_centre_url) {
            Some(rest) if rest.is_empty() || rest.starts_with(['/', '?', '#']) => {
                if rest.is_empty() { "/" } else { rest }
            }
            _ => href,
        };
        if let Some(code) = contact_code(href) {
            return Ok(LinkTarget::Contact { code });
        }
        if !href.starts_with('/') || href.starts_with("//") {
            let lower = href.to_ascii_lowercase();
            return if ["https://", "http://", "mailto:", "tel:"].iter().any(|s| lower.starts_with(s)) {
                Ok(LinkTarget::External { href: href.to_owned() })
            } else {
                Err(format!("link `{href}` is neither a web address (https://...) nor a site path starting with `/`"))
            };
        }
        let (path, rest) = split_query(href);
        let fragment = rest.split_once('#').map(|(_, f)| f).unwrap_or("");
        let normalised = match path.trim_end_matches('/') {
            "" => "/".to_owned(),
            p => p.to_ascii_lowercase(),
        };
        if let Some(&index) = self.by_path.get(&normalised) {
            return self.page_target(index, fragment, href);
        }
        let first_segment = normalised.trim_start_matches('/').split('/').next().unwrap_or("");
        if self.hub_segments.iter().any(|h| h == first_segment) {
            return Err(format!(
                "link `{href}` points into the `/{first_segment}` hub, but no article has the path `{normalised}`"
            ));
        }
        Ok(LinkTarget::External { href: format!("{}{href}", self.help_centre_url) })
    }

    fn page_target(&self, index: usize, fragment: &str, href: &str) -> Result<LinkTarget, String> {
        let page = &self.pages[index];
        if !fragment.is_empty() && !page.has_anchor(fragment) {
            return Err(format!(
                "link `{href}` names the section `#{fragment}`, but {} has no section with that id",
                page.site_path
            ));
        }
        Ok(LinkTarget::Page {
            file: page.file.clone(),
            fragment: (!fragment.is_empty()).then(|| fragment.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{contact_code, unsafe_url};
    use help_core::error_code::parse_code;

    #[test]
    fn recognises_dangerous_schemes_however_written() {
        for url in ["javascript:alert(1)", " JavaScript:x", "java\tscript:x", "vbscript:x", "data:text/html,x"] {
            assert!(unsafe_url(url).is_some(), "{url:?}");
        }
        for url in ["/contact?error=CID1111", "https://example.org/javascript:x", "#data", "mailto:a@b", "data-protection"] {
            assert!(unsafe_url(url).is_none(), "{url:?}");
        }
    }

    #[test]
    fn addresses_with_a_user_name_are_refused_wherever_the_at_sign_hides() {
        for url in ["https://help.login.nhs.uk@evil.example/", "https://user:pw@evil.example", "HTTP://a@b", " https://x.y@z/path?q=1", "https:///help.login.nhs.uk@evil.example/", "https://\\help.login.nhs.uk@evil.example/", "https:/\t/help.login.nhs.uk@evil.example", "https://a%40b@c"] {
            assert!(unsafe_url(url).is_some_and(|p| p.contains("hides where it goes")), "{url:?}");
        }
        for url in ["https://example.org/path@user", "https://example.org/?email=a@b", "https://example.org/#a@b", "mailto:a@b.example"] {
            assert!(unsafe_url(url).is_none(), "{url:?}");
        }
    }

    #[test]
    fn plain_http_and_bidi_controls_are_recognised() {
        use super::{bidi_control, is_insecure};
        assert!(is_insecure("http://example.org") && is_insecure(" HTTP://x"));
        assert!(!is_insecure("https://example.org") && !is_insecure("/http://"));
        assert_eq!(bidi_control("Contact \u{202e}SHN nigol"), Some('\u{202e}'));
        assert_eq!(bidi_control("\u{2067}x"), Some('\u{2067}'));
        assert_eq!(bidi_control("Contact NHS login – العربية"), None);
        for written in ["[a&#x202E;b](https://x.example)", "a &#8238; b", "a &rlm; b", "a &#X2066; b", "\u{200f}", "\u{061c}"] {
            assert!(bidi_control(written).is_some(), "{written:?}");
        }
        assert_eq!(bidi_control("fish &amp; chips &#169; &#x41;"), None);
    }

    #[test]
    fn contact_links_carry_their_code() {
        assert_eq!(contact_code("/contact?error=CID3008"), Some(parse_code("CID3008")));
        assert_eq!(contact_code("/contact/?error=cid7023"), Some(parse_code("CID7023")));
        assert_eq!(contact_code("/contact"), Some(None));
        assert_eq!(contact_code("/contacts"), None);
        assert_eq!(contact_code("/manage/landline"), None);
    }
}
