//! A first visit that does not wait for the app. Two changes to each page
//! file, made by `help-content pages` on what Trunk wrote:
//!
//! - The error-code journey runs without WebAssembly: a small classic
//!   script in `<head>` ([`guidance_script`], from `first_visit.js`) reads
//!   `?error=` and `#cid…` as the app does, moves to the guidance's own page
//!   file with `location.replace` before the first paint, and there shows
//!   the guidance view the prerender wrote hidden and gives its heading
//!   focus. The policy allows it by its hash.
//! - The app starts after the page's first paint ([`start_after_first_paint`]):
//!   Trunk's preloads go, and its start-up script waits for the page's first
//!   contentful paint, then fetches the glue and the wasm (at low priority,
//!   with their integrity), so the app never competes with the page for it.

use help_core::Site;

const TEMPLATE: &str = include_str!("first_visit.js");
const DATA_LINE: &str = "var FILES = [], GUIDANCE = {}, CONTACT = '', CID_IDS = [], FRAMERS = [];";

/// The guidance script's text for `site`: the template with the build's page
/// files, each code's place, the contact address, each page's own `cid…`
/// ids and every partner origin (who may frame the widget) filled in.
pub fn guidance_script(site: &Site) -> String {
    // The references page comes last: a registered code with no guidance
    // (retired, or to contact NHS login about) has its section there.
    let mut files: Vec<&str> = site.pages.iter().map(|p| p.file.as_str()).collect();
    files.push(help_core::model::REFERENCES_FILE);
    let references_page = site.pages.len();
    let mut guidance: serde_json::Map<String, serde_json::Value> = site
        .references
        .iter()
        .map(|r| {
            let place = serde_json::json!([r.place.page, r.place.section, r.place.details.as_deref().unwrap_or("")]);
            (r.code.to_string(), place)
        })
        .collect();
    let notice_ids: Vec<String> = site.notices.iter().map(|n| n.code.anchor()).collect();
    for (notice, id) in site.notices.iter().zip(&notice_ids) {
        guidance.insert(notice.code.to_string(), serde_json::json!([references_page, id, ""]));
    }
    // Per page file; none for the references page, where (as the router
    // reads it) a fragment never names a code.
    let cid_ids: Vec<Vec<&str>> = site.pages.iter().map(|p| p.anchors().into_iter().filter(|id| id.starts_with("cid")).collect()).collect();
    let mut framers: Vec<&str> = site.partners.iter().flat_map(|p| p.origins.iter().map(String::as_str)).collect();
    framers.sort_unstable();
    framers.dedup();
    let data = format!(
        "var FILES = {}, GUIDANCE = {}, CONTACT = {}, CID_IDS = {}, FRAMERS = {};",
        script_json(&serde_json::json!(files)),
        script_json(&serde_json::Value::Object(guidance)),
        script_json(&serde_json::json!(site.contact_url)),
        script_json(&serde_json::json!(cid_ids)),
        script_json(&serde_json::json!(framers)),
    );
    assert!(TEMPLATE.contains(DATA_LINE), "first_visit.js lost its data line");
    compact(&TEMPLATE.replacen(DATA_LINE, &data, 1))
}

/// JSON that is safe inside `<script>`: no `<` can end the element or open
/// a comment.
fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The script without its comment lines and indentation: it is in every
/// page file.
fn compact(script: &str) -> String {
    script
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `html` with `script` inline in its `<head>`, before the stylesheet:
/// a script after a stylesheet waits for it, and moving to another page
/// file must not.
pub fn with_guidance_script(html: &str, script: &str) -> Result<String, String> {
    let at = html.find("<link rel=\"stylesheet\"").ok_or("index.html has no stylesheet link")?;
    Ok(format!("{}<script>{script}</script>\n    {}", &html[..at], &html[at..]))
}

/// Trunk's start-up as this build wrote it: the glue, the wasm and their
/// integrity hashes.
struct TrunkStart {
    glue: String,
    wasm: String,
    glue_integrity: String,
    wasm_integrity: String,
}

/// `html` with Trunk's preloads removed and its start-up script replaced by
/// one that begins after the first paint. Fails, saying what it missed, if
/// Trunk's output is not the shape this was written for (a Trunk upgrade):
/// the build must not ship a page that silently starts no app.
pub fn start_after_first_paint(html: &str) -> Result<String, String> {
    let mut html = html.to_owned();
    let script = take_element(&mut html, "<script type=\"module\">", "</script>")
        .ok_or("index.html has no Trunk start-up script (<script type=\"module\">)")?;
    let glue = between(&script, "from '", "'").ok_or("Trunk's start-up script imports no glue")?;
    let wasm = between(&script, "module_or_path: '", "'").ok_or("Trunk's start-up script names no wasm")?;
    let modulepreload = take_element(&mut html, "<link rel=\"modulepreload\"", ">").ok_or("index.html has no modulepreload for the glue")?;
    let preload = take_element(&mut html, "<link rel=\"preload\"", ">").ok_or("index.html has no preload for the wasm")?;
    if !modulepreload.contains(&format!("href=\"{glue}\"")) || !preload.contains(&format!("href=\"{wasm}\"")) {
        return Err(format!("Trunk's preloads do not name {glue} and {wasm}"));
    }
    let integrity = |tag: &str| between(tag, "integrity=\"", "\"").ok_or_else(|| format!("no integrity in {tag}"));
    let start = TrunkStart { glue_integrity: integrity(&modulepreload)?, wasm_integrity: integrity(&preload)?, glue, wasm };
    let at = html.find("</head>").ok_or("index.html has no </head>")?;
    html.insert_str(at, &start.script());
    Ok(html)
}

impl TrunkStart {
    fn script(&self) -> String {
        let TrunkStart { glue, wasm, glue_integrity, wasm_integrity } = self;
        // Not when the guidance script is leaving for another page file, nor
        // where the browser has no WebAssembly (the page reads as it is). In
        // a partner's frame (`?embed`, hidden until opened) at once: the
        // partner's page waits for the app there. A page that paints
        // nothing for 3 s (in the background) starts its app anyway.
        format!(
            r#"<script type="module">
if (!document.documentElement.hasAttribute('data-leaving') && typeof WebAssembly === 'object') {{
if (!new URLSearchParams(location.search).has('embed')) await new Promise((resolve) => {{
new PerformanceObserver((paints) => {{ if (paints.getEntriesByName('first-contentful-paint').length) setTimeout(resolve); }}).observe({{ type: 'paint', buffered: true }});
setTimeout(resolve, 3000);
}});
const glue = document.createElement('link');
Object.assign(glue, {{ rel: 'modulepreload', href: '{glue}', integrity: '{glue_integrity}', crossOrigin: 'anonymous' }});
document.head.append(glue);
const module_or_path = fetch('{wasm}', {{ priority: 'low', integrity: '{wasm_integrity}' }});
const bindings = await import('{glue}');
const wasm = await bindings.default({{ module_or_path }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
}}
</script>
"#
        )
    }
}

/// Removes the first element that starts with `open` and ends with the
/// first `close` after it; returns it.
fn take_element(html: &mut String, open: &str, close: &str) -> Option<String> {
    let start = html.find(open)?;
    let end = start + html[start..].find(close)? + close.len();
    Some(html.drain(start..end).collect())
}

fn between(text: &str, before: &str, after: &str) -> Option<String> {
    let start = text.find(before)? + before.len();
    let end = start + text[start..].find(after)?;
    Some(text[start..end].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21 writes (whitespace as it writes it).
    const TRUNK: &str = "<html><head><meta charset=\"utf-8\">\n<link rel=\"stylesheet\" href=\"./widget-1.css\" integrity=\"sha384-css\"/>\n<script type=\"module\">\nimport init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n</script>\n  <link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-glue\"><link rel=\"preload\" href=\"./app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\"></head><body><div id=\"app\"></div></body></html>";

    #[test]
    fn the_app_starts_after_the_first_paint_with_its_integrity_and_nothing_preloads_it() {
        let html = start_after_first_paint(TRUNK).unwrap();
        assert!(!html.contains("rel=\"preload\"") && !html.contains("<link rel=\"modulepreload\""), "{html}");
        assert!(!html.contains("import init"), "{html}");
        assert_eq!(html.matches("<script type=\"module\">").count(), 1);
        for expected in ["first-contentful-paint", "has('embed')", "priority: 'low'", "fetch('./app-1_bg.wasm'", "integrity: 'sha384-wasm'", "integrity: 'sha384-glue'", "import('./app-1.js')", "TrunkApplicationStarted", "data-leaving"] {
            assert!(html.contains(expected), "{expected}: {html}");
        }
        assert!(html.find("<link rel=\"stylesheet\"").unwrap() < html.find("<script").unwrap());
        assert!(html.trim_end().ends_with("</script>\n</head><body><div id=\"app\"></div></body></html>"), "{html}");
    }

    #[test]
    fn another_shape_of_trunk_output_fails_the_build_saying_what_is_missing() {
        let no_preload = TRUNK.replace("<link rel=\"preload\"", "<link rel=\"prefetch\"");
        assert_eq!(start_after_first_paint(&no_preload).unwrap_err(), "index.html has no preload for the wasm");
        let no_script = TRUNK.replace("type=\"module\"", "type=\"text/javascript\"");
        assert!(start_after_first_paint(&no_script).unwrap_err().contains("no Trunk start-up script"));
        let other_wasm = TRUNK.replace("href=\"./app-1_bg.wasm\"", "href=\"./other_bg.wasm\"");
        assert!(start_after_first_paint(&other_wasm).unwrap_err().contains("do not name"));
    }

    #[test]
    fn the_guidance_script_comes_before_the_stylesheet_and_cannot_end_its_element() {
        let html = with_guidance_script(TRUNK, "var x = 1;").unwrap();
        assert!(html.contains("<meta charset=\"utf-8\">\n<script>var x = 1;</script>\n    <link rel=\"stylesheet\""), "{html}");
        assert_eq!(script_json(&serde_json::json!("</script><!--")), "\"\\u003c/script>\\u003c!--\"");
        let compacted = compact("  // a comment\n  var a = 1;\n\n    f(a);\n");
        assert_eq!(compacted, "var a = 1;\nf(a);");
    }
}
