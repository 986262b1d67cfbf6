//! The files partners' pages and the widget's frame use to embed it:
//! `embed.js` at a stable address, a copy named by its hash for partners who
//! pin it with Subresource Integrity (`embed-integrity.txt` gives the
//! `integrity` value), the frame bridge, and `embed-config.json`, which tells
//! the bridge whose pages it may talk to.

use base64::Engine as _;
use help_core::Site;
use sha2::{Digest, Sha256, Sha384};

const EMBED_SOURCE: &str = include_str!("../../../../static/embed.js");
const FRAME_BRIDGE: &str = include_str!("../../../../static/embed-frame.js");

/// `embed.js` as served to partners' pages: without its whole-line `//`
/// comments, its `/** … */` API notes and indentation, which are for us,
/// not for every page load (the opening comment, which points a reader to
/// the README, stays).
pub fn embed_script() -> String {
    let mut out = String::new();
    let mut in_note = false;
    for line in EMBED_SOURCE.lines().map(str::trim_start).filter(|l| !l.is_empty() && !l.starts_with("//")) {
        if line.starts_with("/**") {
            in_note = !line.ends_with("*/");
            continue;
        }
        if in_note {
            in_note = !line.starts_with("*/");
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The versioned file name and `integrity` value of `embed.js`.
pub fn versioned() -> (String, String) {
    let script = embed_script();
    let name: String = Sha256::digest(script.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect();
    let integrity = format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(script.as_bytes())));
    (format!("embed-{name}.js"), integrity)
}

/// Every file to write beside the pages, as (name, text).
pub fn files(site: &Site) -> Vec<(String, String)> {
    let (versioned_name, integrity) = versioned();
    let partners: serde_json::Map<String, serde_json::Value> =
        site.partners.iter().map(|p| (p.id.clone(), serde_json::json!(p.origins))).collect();
    let config = serde_json::json!({ "contactUrl": site.contact_url, "partners": partners });
    vec![
        ("embed.js".to_owned(), embed_script()),
        (versioned_name.clone(), embed_script()),
        (
            "embed-integrity.txt".to_owned(),
            format!("<script src=\"https://WIDGET-ORIGIN/{versioned_name}\" integrity=\"{integrity}\" crossorigin=\"anonymous\" data-partner=\"…\" defer></script>\n"),
        ),
        ("embed-frame.js".to_owned(), FRAME_BRIDGE.to_owned()),
        ("embed-config.json".to_owned(), config.to_string()),
    ]
}
