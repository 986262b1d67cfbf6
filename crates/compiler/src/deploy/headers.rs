//! The HTTP headers the built widget must be served with, above all its
//! Content-Security-Policy. The policy is computed from the built page itself
//! (the hash of Trunk's inline start-up script), so it cannot go stale.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// `sha256-…` sources for every inline `<script>` in `html`, in document order.
///
/// The hash is over the script's text exactly as written, which is what the
/// browser hashes: script content is raw text, with no entity decoding.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = find_ascii_case_insensitive(rest, "<script") {
        let after_name = &rest[start + "<script".len()..];
        let Some(tag_end) = after_name.find('>') else { break };
        let attributes = &after_name[..tag_end];
        let body_and_more = &after_name[tag_end + 1..];
        let Some(body_end) = find_ascii_case_insensitive(body_and_more, "</script") else { break };
        if !has_src(attributes) {
            let digest = Sha256::digest(body_and_more[..body_end].as_bytes());
            hashes.push(format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &body_and_more[body_end..];
    }
    hashes
}

fn has_src(attributes: &str) -> bool {
    attributes
        .split(|c: char| c.is_ascii_whitespace())
        .any(|attribute| attribute.to_ascii_lowercase().starts_with("src="))
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The one Trusted Types policy the pages may create. The app (`src/browser.rs`)
/// turns the names of its own two scripts, the service worker and the frame
/// bridge, into script URLs through it; every other sink of the kind is
/// refused a string.
pub const TRUSTED_TYPES_POLICY: &str = "nhs-login-help";

/// The widget's Content-Security-Policy: its own origin only, no inline code
/// but the hashed start-up script, WebAssembly allowed to compile, Trusted
/// Types required (no string reaches an HTML or script sink but through the
/// one named policy), and nothing posted anywhere.
///
/// `frame_ancestors` lists who may show the widget in a frame (the widget
/// itself and each partner's allowed origins).
pub fn content_security_policy(script_hashes: &[String], frame_ancestors: &[String]) -> String {
    let mut script_src = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    script_src.extend(script_hashes.iter().cloned());
    let mut ancestors = vec!["'self'".to_owned()];
    ancestors.extend(frame_ancestors.iter().cloned());
    [
        "default-src 'none'".to_owned(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_owned(),
        "img-src 'self' data:".to_owned(),
        "connect-src 'self'".to_owned(),
        "manifest-src 'self'".to_owned(),
        "worker-src 'self'".to_owned(),
        "base-uri 'none'".to_owned(),
        "form-action 'none'".to_owned(),
        "require-trusted-types-for 'script'".to_owned(),
        format!("trusted-types {TRUSTED_TYPES_POLICY}"),
        format!("frame-ancestors {}", ancestors.join(" ")),
    ]
    .join("; ")
}

/// The same policy for a `<meta>` tag, for hosts that cannot set headers:
/// without `frame-ancestors`, which browsers ignore (and complain about) there.
pub fn meta_policy(policy: &str) -> String {
    policy.split("; ").filter(|directive| !directive.starts_with("frame-ancestors")).collect::<Vec<_>>().join("; ")
}

/// Headers for every file, in the `_headers` format that static hosts
/// (Netlify, Cloudflare Pages and others) read. Paths are from the host's
/// root: a widget served under a sub-path needs them prefixed.
///
/// - `Cache-Control: no-cache` for every file: a browser may keep a copy but
///   asks the host before each use, so a deploy (or a removed partner in
///   `embed-config.json`) reaches everyone at once. Files named by their
///   contents answer that question with "unchanged" and never go stale.
/// - `Cross-Origin-Resource-Policy: cross-origin` and a
///   `Cross-Origin-Embedder-Policy` of its own, so that a partner whose page
///   requires them (`require-corp` or `credentialless`) can frame the widget
///   and load the embed script. The widget loads nothing from elsewhere.
/// - The embed script is loaded by partners' pages, pinned ones with
///   `crossorigin`, and partners' servers and pages read `references.json`,
///   so both are served for any origin.
///
/// No header is set by two rules that match one path: hosts join the values,
/// and a joined `Cross-Origin-Resource-Policy` or `Cache-Control` is not what
/// either rule said.
pub fn headers_file(policy: &str) -> String {
    format!(
        "/*\n\
         \x20 Content-Security-Policy: {policy}\n\
         \x20 X-Content-Type-Options: nosniff\n\
         \x20 Referrer-Policy: no-referrer\n\
         \x20 Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=()\n\
         \x20 Cache-Control: no-cache\n\
         \x20 Cross-Origin-Resource-Policy: cross-origin\n\
         \x20 Cross-Origin-Embedder-Policy: require-corp\n\
         /embed.js\n\
         \x20 Access-Control-Allow-Origin: *\n\
         /embed-*\n\
         \x20 Access-Control-Allow-Origin: *\n\
         /references.json\n\
         \x20 Access-Control-Allow-Origin: *\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts_exactly_as_written() {
        let html = "<script type=\"module\">\nimport x from './a.js';\n</script>\
                    <SCRIPT src=\"b.js\"></SCRIPT><script>alert(1)</script>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 2, "{hashes:?}");
        // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
        assert_eq!(hashes[1], "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    }

    #[test]
    fn policy_has_no_unsafe_sources_and_meta_drops_frame_ancestors() {
        let policy = content_security_policy(&["'sha256-x'".into()], &["https://partner.example".into()]);
        assert!(!policy.contains("unsafe-inline") && !policy.contains(" 'unsafe-eval'"), "{policy}");
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x';"), "{policy}");
        assert!(policy.ends_with("frame-ancestors 'self' https://partner.example"), "{policy}");
        assert!(!meta_policy(&policy).contains("frame-ancestors"));
    }

    #[test]
    fn policy_requires_trusted_types_through_one_policy_and_posts_nowhere() {
        let policy = content_security_policy(&[], &[]);
        let directives: Vec<&str> = policy.split("; ").collect();
        assert!(directives.contains(&"require-trusted-types-for 'script'"), "{policy}");
        assert!(directives.contains(&"trusted-types nhs-login-help"), "{policy}");
        assert!(directives.contains(&"form-action 'none'"), "{policy}");
        // Hosts without headers get them too.
        let meta = meta_policy(&policy);
        assert!(meta.contains("; require-trusted-types-for 'script'; trusted-types nhs-login-help"), "{meta}");
    }

    /// The rules of a `_headers` file: (pattern, [(name, value)]).
    fn rules(file: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in file.lines().filter(|l| !l.trim().is_empty()) {
            if line.starts_with(char::is_whitespace) {
                let (name, value) = line.trim().split_once(": ").expect("name: value");
                rules.last_mut().expect("a rule first").1.push((name.to_owned(), value.to_owned()));
            } else {
                rules.push((line.trim().to_owned(), Vec::new()));
            }
        }
        rules
    }

    /// Every header sent for `path`, as hosts combine the rules that match it.
    fn headers_for(file: &str, path: &str) -> Vec<(String, String)> {
        let mut sent: Vec<(String, String)> = Vec::new();
        for (pattern, headers) in rules(file) {
            let matches = pattern.strip_suffix('*').map_or(path == pattern, |prefix| path.starts_with(prefix));
            if matches {
                sent.extend(headers);
            }
        }
        sent
    }

    #[test]
    fn every_file_is_revalidated_frameable_by_isolated_partners_and_no_header_is_sent_twice() {
        let file = headers_file("default-src 'none'");
        for path in ["/", "/index.html", "/manage.html", "/sw.js", "/embed.js", "/embed-0123456789abcdef.js", "/embed-config.json", "/embed-frame.js", "/search-index.bin", "/references.json", "/manifest.webmanifest", "/assets/images/favicon.svg", "/nhs-login-help-0123456789abcdef_bg.wasm"] {
            let sent = headers_for(&file, path);
            let value = |name: &str| sent.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
            assert_eq!(value("Cache-Control"), Some("no-cache"), "{path}");
            assert_eq!(value("Cross-Origin-Resource-Policy"), Some("cross-origin"), "{path}");
            assert_eq!(value("Cross-Origin-Embedder-Policy"), Some("require-corp"), "{path}");
            assert_eq!(value("Content-Security-Policy"), Some("default-src 'none'"), "{path}");
            let mut names: Vec<&str> = sent.iter().map(|(n, _)| n.as_str()).collect();
            names.sort_unstable();
            let count = names.len();
            names.dedup();
            assert_eq!(names.len(), count, "{path}: a header set by two rules: {sent:?}");
            let for_any_origin = path.starts_with("/embed") || path == "/references.json";
            assert_eq!(value("Access-Control-Allow-Origin"), for_any_origin.then_some("*"), "{path}");
        }
    }
}
