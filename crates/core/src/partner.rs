//! Partner services: who a visit comes from (`?partner=`), and where the
//! "Back to …" link may lead (`?return-link=`): only an address on one of
//! that partner's own origins, never anywhere a crafted link names.

use crate::model::{Partner, Site};

/// A visit from a partner, from the URL parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerVisit {
    /// Index into [`Site::partners`].
    pub partner: usize,
    /// The checked return address, when one was given and allowed.
    pub return_link: Option<String>,
}

/// Longest return address considered: a partner's sign-in page is short.
const MAX_RETURN_LINK: usize = 2048;

/// The partner named by `partner`, with the `return-link` if it is on one of
/// that partner's origins. Unknown partners and bad links are ignored: the
/// widget then works as for anyone.
pub fn partner_visit(site: &Site, params: &[(String, String)]) -> Option<PartnerVisit> {
    let value = |key: &str| params.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim());
    let id = value("partner")?;
    let partner = site.partners.iter().position(|p| p.id == id)?;
    let return_link = value("return-link")
        .filter(|link| is_allowed_return_link(&site.partners[partner], link))
        .map(str::to_owned);
    Some(PartnerVisit { partner, return_link })
}

/// Whether `link` is an absolute address on one of `partner`'s origins: it
/// starts with the origin exactly as the profile writes it (checked by the
/// compiler with [`origin_of`]), then ends or goes on with `/`, `?` or `#`,
/// so nothing can change the host. (This runs in the browser, so it is a
/// prefix check rather than a URL parser.)
pub fn is_allowed_return_link(partner: &Partner, link: &str) -> bool {
    // Spaces, control characters and backslashes have no place in a real
    // address, and browsers read them in ways of their own.
    link.len() <= MAX_RETURN_LINK
        && !link.bytes().any(|b| b <= b' ' || b == 0x7f || b == b'\\')
        && partner.origins.iter().any(|origin| {
            link.strip_prefix(origin.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
        })
}

/// The origin (`scheme://host[:port]`, host in lower case) of an absolute
/// `https:` or `http:` address, or `None` for anything else: relative
/// addresses, other schemes, user names (`https://partner@evil`), spaces,
/// control characters and backslashes, which browsers read in other ways.
pub fn origin_of(url: &str) -> Option<String> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\') {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => (host, Some(port)),
        _ => (authority, None),
    };
    if host.is_empty() || !host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':')) {
        return None;
    }
    let default_port = if scheme == "https" { "443" } else { "80" };
    match port {
        Some(port) if port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) => None,
        // By hand, not `parse`: the standard integer parsing costs wasm bytes.
        Some(port) if port.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')) > 65535 => None,
        Some(port) if port != default_port => Some(format!("{scheme}://{}:{port}", host.to_ascii_lowercase())),
        _ => Some(format!("{scheme}://{}", host.to_ascii_lowercase())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner() -> Partner {
        Partner {
            id: "patientcentre".into(),
            name: "Patientcentre".into(),
            origins: vec!["https://patientcentre.example".into(), "http://localhost:8765".into()],
            article: "patientcentre-cannot-log-in.html".into(),
            return_label: "Back to Patientcentre".into(),
        }
    }

    #[test]
    fn origins_are_read_strictly() {
        assert_eq!(origin_of("https://Patientcentre.example/sign-in?x=1#y").as_deref(), Some("https://patientcentre.example"));
        assert_eq!(origin_of("https://patientcentre.example:443/").as_deref(), Some("https://patientcentre.example"));
        assert_eq!(origin_of("http://localhost:8765/x").as_deref(), Some("http://localhost:8765"));
        for bad in [
            "", "/sign-in", "//patientcentre.example/", "javascript:alert(1)", "data:text/html,x", "ftp://patientcentre.example/",
            "https://patientcentre.example@evil.example/", "https://evil.example\\@patientcentre.example", "https://patientcentre.example /",
            "https://patientcentre.example:99999/", "https://patientcentre.example:/", "https:///x", "https://exa mple/",
        ] {
            assert_eq!(origin_of(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn only_links_on_the_partners_own_origins_are_kept() {
        let p = partner();
        assert!(is_allowed_return_link(&p, "https://patientcentre.example/sign-in"));
        assert!(is_allowed_return_link(&p, "http://localhost:8765/error.html"));
        for bad in [
            "https://patientcentre.example.evil.example/", "http://patientcentre.example/", "https://evil.example/?https://patientcentre.example",
            "http://localhost:8766/", "https://PATIENTCENTRE.example@evil.example", &format!("https://patientcentre.example/{}", "x".repeat(3000)),
            "https://patientcentre.example@evil.example/", "https://patientcentre.example:444/", "https://patientcentre.example\\@evil.example",
            "https://patientcentre.example\n.evil.example/", "https://patientcentre.example.", "javascript:https://patientcentre.example/",
        ] {
            assert!(!is_allowed_return_link(&p, bad), "{bad:?}");
        }
    }

    #[test]
    fn a_visit_names_a_known_partner_and_keeps_only_an_allowed_link() {
        let mut site = Site { pages: vec![], help_centre_url: String::new(), contact_url: String::new(), references: vec![], partners: vec![partner()], notices: vec![] };
        let params = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>();
        assert_eq!(partner_visit(&site, &params(&[("partner", "patientcentre")])), Some(PartnerVisit { partner: 0, return_link: None }));
        assert_eq!(partner_visit(&site, &params(&[("partner", "PatientCentre")])), None, "ids are exact");
        assert_eq!(
            partner_visit(&site, &params(&[("partner", "patientcentre"), ("return-link", "https://patientcentre.example/a")])),
            Some(PartnerVisit { partner: 0, return_link: Some("https://patientcentre.example/a".into()) })
        );
        assert_eq!(partner_visit(&site, &params(&[("partner", "patientcentre"), ("return-link", "https://evil.example/")])).unwrap().return_link, None);
        assert_eq!(partner_visit(&site, &params(&[("partner", "other")])), None);
        assert_eq!(partner_visit(&site, &params(&[("return-link", "https://patientcentre.example/")])), None);
        site.partners.clear();
        assert_eq!(partner_visit(&site, &params(&[("partner", "patientcentre")])), None);
    }
}
