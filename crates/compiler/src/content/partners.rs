//! Partner profiles: `content/partners/<id>/partner.yml` names the partner,
//! the origins that may embed the widget and be returned to, its article and
//! the return link's text. `partner.test.yml` beside it adds the localhost
//! origins that the examples and tests need; it is read only when
//! `HELP_TEST_PARTNERS=1`, so it never ships in a release build.

use std::path::Path;

use help_core::partner::origin_of;
use help_core::{Partner, Site};
use saphyr::{LoadableYamlNode, MarkedYaml, YamlData};

use crate::diagnostic::{Diagnostic, Reporter};
use crate::content::front_matter::scalar_text;

pub const PROFILE_FILE: &str = "partner.yml";
pub const TEST_PROFILE_FILE: &str = "partner.test.yml";

/// A profile's keys, each with the line it is on.
struct Entries {
    values: Vec<(String, usize, Value)>,
}

enum Value {
    Text(String),
    List(Vec<(String, usize)>),
}

fn read_yaml(text: &str, report: &mut Reporter) -> Option<Entries> {
    let docs = match MarkedYaml::load_from_str(text) {
        Ok(docs) => docs,
        Err(e) => {
            report.error(e.marker().line(), format!("the profile is not valid YAML: {}", e.info()));
            return None;
        }
    };
    let Some(YamlData::Mapping(map)) = docs.first().map(|d| &d.data) else {
        report.error(1, "the profile must be `key: value` lines");
        return None;
    };
    let mut values = Vec::new();
    for (key, value) in map.iter() {
        let line = key.span.start.line();
        let Some(name) = scalar_text(&key.data) else {
            report.error(line, "a profile key must be plain text");
            continue;
        };
        let value = match &value.data {
            YamlData::Sequence(items) => Value::List(
                items.iter().map(|item| (scalar_text(&item.data).unwrap_or_default().trim().to_owned(), item.span.start.line())).collect(),
            ),
            data => Value::Text(scalar_text(data).unwrap_or_default().trim().to_owned()),
        };
        values.push((name, line, value));
    }
    Some(Entries { values })
}

impl Entries {
    fn text(&mut self, key: &str, report: &mut Reporter) -> Option<(String, usize)> {
        let i = self.values.iter().position(|(k, ..)| k == key)?;
        match self.values.remove(i) {
            (_, line, Value::Text(text)) if !text.is_empty() => Some((text, line)),
            (_, line, _) => {
                report.error(line, format!("`{key}` must be one line of text"));
                None
            }
        }
    }

    fn list(&mut self, key: &str, report: &mut Reporter) -> Option<Vec<(String, usize)>> {
        let i = self.values.iter().position(|(k, ..)| k == key)?;
        match self.values.remove(i) {
            (_, _, Value::List(items)) if !items.is_empty() => Some(items),
            (_, line, _) => {
                report.error(line, format!("`{key}` must be a list, one `- https://…` line per origin"));
                None
            }
        }
    }

    fn warn_unknown(&self, known: &str, report: &mut Reporter) {
        for (key, line, _) in &self.values {
            report.warning(*line, format!("unknown profile key `{key}` is ignored (known keys: {known})"));
        }
    }
}

/// Checks one origin: exactly `https://host[:port]` in a profile, or a
/// localhost origin in a test profile.
fn check_origin(origin: &str, line: usize, test_only: bool, report: &mut Reporter) -> bool {
    if origin_of(origin).as_deref() != Some(origin) {
        report.error(line, format!("`{origin}` is not an origin: write it as `https://host` (a port if needed), with no path and in lower case"));
        return false;
    }
    let local = ["http://localhost", "http://127.0.0.1"].iter().any(|l| origin == *l || origin.starts_with(&format!("{l}:")));
    match (test_only, origin.starts_with("https://"), local) {
        (false, true, _) => true,
        (false, false, _) => {
            report.error(line, format!("`{origin}` is not https: a partner's real origins are https only (localhost belongs in {TEST_PROFILE_FILE})"));
            false
        }
        (true, _, true) => true,
        (true, _, false) => {
            report.error(line, format!("`{origin}`: {TEST_PROFILE_FILE} may list only http://localhost or http://127.0.0.1 origins"));
            false
        }
    }
}

/// Reads every partner's profile below `content_dir/partners`, checked
/// against the compiled site; adds the test origins when `with_test_origins`.
pub fn read(content_dir: &Path, site: &Site, with_test_origins: bool) -> Result<(Vec<Partner>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut partners = Vec::new();
    let mut diagnostics = Vec::new();
    let folder = content_dir.join("partners");
    let mut ids: Vec<String> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries.flatten().filter(|e| e.path().is_dir()).map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    };
    ids.sort();
    for id in &ids {
        let path = folder.join(id).join(PROFILE_FILE);
        let mut report = Reporter::new(path.clone());
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                if let Some(partner) = read_profile(id, &text, site, &mut report) {
                    partners.push(partner);
                }
            }
            Err(_) => report.error(1, format!("partner `{id}` has no profile: add {PROFILE_FILE} with its name, origins, article and return-link-label")),
        }
        diagnostics.extend(report.diagnostics);
        let test_path = folder.join(id).join(TEST_PROFILE_FILE);
        if with_test_origins {
            if let (Ok(text), Some(partner)) = (std::fs::read_to_string(&test_path), partners.iter_mut().find(|p| p.id == *id)) {
                let mut report = Reporter::new(test_path);
                if let Some(mut entries) = read_yaml(&text, &mut report) {
                    for (origin, line) in entries.list("origins", &mut report).unwrap_or_default() {
                        if check_origin(&origin, line, true, &mut report) {
                            partner.origins.push(origin);
                        }
                    }
                    entries.warn_unknown("origins", &mut report);
                }
                diagnostics.extend(report.diagnostics);
            }
        }
    }
    // Every partner article needs its partner's profile.
    for page in &site.pages {
        if let Some(id) = &page.partner {
            if !ids.contains(id) {
                diagnostics.push(Diagnostic {
                    severity: crate::Severity::Error,
                    file: content_dir.join("partners").join(id).join(PROFILE_FILE),
                    line: 1,
                    message: format!("{} belongs to partner `{id}`, which has no profile here", page.file),
                });
            }
        }
    }
    if diagnostics.iter().any(|d| d.severity == crate::Severity::Error) {
        Err(diagnostics)
    } else {
        Ok((partners, diagnostics))
    }
}

fn read_profile(id: &str, text: &str, site: &Site, report: &mut Reporter) -> Option<Partner> {
    let mut entries = read_yaml(text, report)?;
    let name = entries.text("name", report);
    let article = entries.text("article", report);
    let label = entries.text("return-link-label", report);
    let origins = entries.list("origins", report);
    entries.warn_unknown("name, origins, article, return-link-label", report);
    for (key, value) in [("name", name.is_some()), ("article", article.is_some()), ("origins", origins.is_some())] {
        if !value && !report.has_errors() {
            report.error(1, format!("the profile has no `{key}`, which every partner needs"));
        }
    }
    let (name, _) = name?;
    let (article, article_line) = article?;
    let page = site.pages.iter().find(|p| p.page_name == article);
    let file = match page {
        Some(page) if page.partner.as_deref() == Some(id) => page.file.clone(),
        Some(page) => {
            report.error(article_line, format!("`{article}` is not marked `partner: {id}` in its front matter ({})", page.file));
            return None;
        }
        None => {
            report.error(article_line, format!("no page has `pageName: {article}`"));
            return None;
        }
    };
    let mut checked = Vec::new();
    for (origin, line) in origins? {
        if check_origin(&origin, line, false, report) {
            checked.push(origin);
        }
    }
    if report.has_errors() {
        return None;
    }
    let return_label = label.map_or_else(|| format!("Back to {name}"), |(label, _)| label);
    Some(Partner { id: id.to_owned(), name, origins: checked, article: file, return_label })
}
