//! YAML front matter between `---` lines, read with positions so that every
//! message names the line of the key at fault.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};

use crate::diagnostic::Reporter;

/// Keys the real help centre writes that the widget does not use.
const ACCEPTED_UNUSED_KEYS: &[&str] = &["layout"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Hub,
    Article,
}

/// A field's value and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    pub value: T,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub title: Field<String>,
    pub subtitle: Field<String>,
    pub page_name: Field<String>,
    pub kind: Field<Kind>,
    pub hub: Option<Field<String>>,
    pub position: Field<i64>,
    pub short_title: Option<Field<String>>,
    pub partner: Option<Field<String>>,
    /// A hub's short name (`provewhoyouare`), which its articles may give as
    /// their `hub`, as the help centre's own do; by custom also its folder.
    pub name: Option<Field<String>>,
    /// When the article was last reviewed, and when its next review is due.
    pub reviewed: Option<Field<time::Date>>,
    pub review_due: Option<Field<time::Date>>,
    /// `search-terms`: phrases people use for the article or its sections,
    /// searched but never shown.
    pub search_terms: Vec<SearchTerms>,
}

/// Phrases for the whole article (`heading` is `None`), or for the section
/// or details block with that heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms {
    pub heading: Option<Field<String>>,
    pub phrases: Vec<Field<String>>,
}

/// The front-matter key for [`SearchTerms`].
pub const SEARCH_TERMS_KEY: &str = "search-terms";

const SEARCH_TERMS_SHAPE: &str = "write a list of phrases, each `- phrase` on its own line; for one section, a list item `- Heading text:` followed by its own indented `- phrase` lines";

/// Reads `search-terms`: a list whose items are phrases (for the whole
/// article) or `heading: [phrases]` (for that section); anything else is
/// reported at its line.
fn search_terms(value: &MarkedYaml<'_>, line: usize, line_of: &dyn Fn(&saphyr::Marker) -> usize, report: &mut Reporter) -> Option<Vec<SearchTerms>> {
    let phrase = |node: &MarkedYaml<'_>, report: &mut Reporter| -> Option<Field<String>> {
        let at = line_of(&node.span.start);
        let text = match &node.data {
            YamlData::Value(s) => scalar_as_written(s),
            YamlData::Representation(text, ..) => text.trim().to_owned(),
            _ => {
                report.error(at, format!("`{SEARCH_TERMS_KEY}`: a phrase must be text, not a list or a map: {SEARCH_TERMS_SHAPE}"));
                return None;
            }
        };
        if !text.chars().any(|c| c.is_alphanumeric()) {
            report.error(at, format!("`{SEARCH_TERMS_KEY}`: a phrase is empty or has no words"));
            return None;
        }
        Some(Field { value: text, line: at })
    };
    let YamlData::Sequence(items) = &value.data else {
        report.error(line, format!("`{SEARCH_TERMS_KEY}` must be a list: {SEARCH_TERMS_SHAPE}"));
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    let mut article = SearchTerms { heading: None, phrases: Vec::new() };
    for item in items {
        let at = line_of(&item.span.start);
        match &item.data {
            YamlData::Mapping(map) => {
                if map.len() != 1 {
                    report.error(at, format!("`{SEARCH_TERMS_KEY}`: a section's item names one heading (`- Heading text:`), then its phrases; put each section in its own item"));
                    ok = false;
                    continue;
                }
                for (key, phrases) in map.iter() {
                    let at = line_of(&key.span.start);
                    let Some(heading) = scalar_text(&key.data).map(|h| h.trim().to_owned()).filter(|h| !h.is_empty()) else {
                        report.error(at, format!("`{SEARCH_TERMS_KEY}`: a section's heading must be text"));
                        ok = false;
                        continue;
                    };
                    let mut section = SearchTerms { heading: Some(Field { value: heading, line: at }), phrases: Vec::new() };
                    match &phrases.data {
                        YamlData::Sequence(list) if !list.is_empty() => {
                            for p in list {
                                match phrase(p, report) {
                                    Some(p) => section.phrases.push(p),
                                    None => ok = false,
                                }
                            }
                        }
                        _ => {
                            report.error(at, format!("`{SEARCH_TERMS_KEY}`: the section `{}` has no list of phrases under it: {SEARCH_TERMS_SHAPE}", section.heading.as_ref().map_or("", |h| h.value.as_str())));
                            ok = false;
                        }
                    }
                    out.push(section);
                }
            }
            _ => match phrase(item, report) {
                Some(p) => article.phrases.push(p),
                None => ok = false,
            },
        }
    }
    if !article.phrases.is_empty() {
        out.insert(0, article);
    }
    ok.then_some(out)
}

/// The file split at its front matter.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the first body line.
    pub body_line: usize,
}

/// Finds the `---` fences. The opening one must be the file's first line.
pub fn split<'a>(source: &'a str, report: &mut Reporter) -> Option<Split<'a>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        report.error(1, "the file must start with front matter: a `---` line, the fields, then another `---` line");
        return None;
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            return Some(Split {
                yaml: &source[yaml_start..offset],
                yaml_line: 2,
                body: &source[offset + line.len()..],
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    report.error(1, "the front matter is not closed: no `---` line after the opening one");
    None
}

/// Reads and checks the fields; `None` when an error was reported.
pub fn parse(split: &Split<'_>, report: &mut Reporter) -> Option<FrontMatter> {
    let line_of = |m: &saphyr::Marker| split.yaml_line + m.line() - 1;
    let docs = match MarkedYaml::load_from_str(split.yaml) {
        Ok(docs) => docs,
        Err(e) => {
            report.error(line_of(e.marker()), format!("the front matter is not valid YAML: {}", e.info()));
            return None;
        }
    };
    let Some(YamlData::Mapping(map)) = docs.first().map(|d| &d.data) else {
        report.error(split.yaml_line, "the front matter must be `key: value` lines");
        return None;
    };

    let mut fields: Vec<(String, Field<Scalar<'_>>)> = Vec::new();
    let mut ok = true;
    let mut terms = Vec::new();
    for (key, value) in map.iter() {
        let line = line_of(&key.span.start);
        let Some(name) = scalar_text(&key.data) else {
            report.error(line, "a front-matter key must be plain text");
            ok = false;
            continue;
        };
        if name == SEARCH_TERMS_KEY {
            match search_terms(value, line, &line_of, report) {
                Some(t) => terms = t,
                None => ok = false,
            }
            continue;
        }
        let value = match &value.data {
            YamlData::Value(s) => s.clone(),
            YamlData::Representation(text, ..) => Scalar::String(text.clone()),
            _ => {
                report.error(line, format!("`{name}` must be a single value, not a list or a map"));
                ok = false;
                continue;
            }
        };
        fields.push((name, Field { value, line }));
    }

    let present: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
    let mut take = |key: &str| -> Option<Field<Scalar<'_>>> {
        let i = fields.iter().position(|(k, _)| k == key)?;
        Some(fields.remove(i).1)
    };
    let mut text = |key: &str, report: &mut Reporter| -> Option<Field<String>> {
        let field = take(key)?;
        let value = scalar_as_written(&field.value);
        if value.is_empty() {
            report.error(field.line, format!("`{key}` is empty"));
            return None;
        }
        Some(Field { value, line: field.line })
    };

    let title = text("title", report);
    let subtitle = text("subtitle", report);
    let page_name = text("pageName", report);
    let kind_text = text("type", report);
    let hub = text("hub", report);
    let short_title = text("short_title", report);
    let partner = text("partner", report);
    // Only hubs use it (see lib.rs); on an article it is ignored, as before.
    let name = take("name").and_then(|f| match f.value {
        Scalar::String(s) if !s.trim().is_empty() => Some(Field { value: s.trim().to_owned(), line: f.line }),
        _ => None,
    });
    let position = take("position");
    let mut date = |key: &str, report: &mut Reporter| -> Option<Field<time::Date>> {
        let field = take(key)?;
        let text = scalar_as_written(&field.value);
        match crate::content::dates::parse_date(&text) {
            Ok(value) => Some(Field { value, line: field.line }),
            Err(problem) => {
                report.error(field.line, format!("`{key}`: {problem}"));
                ok = false;
                None
            }
        }
    };
    let reviewed = date("reviewed", report);
    let review_due = date("review_due", report);
    if let (Some(reviewed), Some(due)) = (&reviewed, &review_due) {
        if due.value < reviewed.value {
            report.error(due.line, format!(
                "`review_due` ({}) is before `reviewed` ({}): the next review comes after the last one",
                crate::content::dates::long_date(due.value),
                crate::content::dates::long_date(reviewed.value)
            ));
            ok = false;
        }
    }

    for key in ACCEPTED_UNUSED_KEYS {
        take(key);
    }
    for (key, field) in &fields {
        report.warning(field.line, format!("unknown front-matter key `{key}` is ignored (known keys: title, subtitle, pageName, type, hub, position, short_title, partner, layout, name, reviewed, review_due, search-terms)"));
    }

    let missing = |report: &mut Reporter, key: &str| {
        report.error(split.yaml_line, format!("the front matter has no `{key}`, which every page needs"));
    };
    let mut need = |f: Option<Field<String>>, key: &str, report: &mut Reporter| {
        if f.is_none() && !present.iter().any(|k| k == key) {
            missing(report, key);
        }
        ok &= f.is_some();
        f
    };
    let title = need(title, "title", report);
    let subtitle = need(subtitle, "subtitle", report);
    let page_name = need(page_name, "pageName", report);
    let kind_text = need(kind_text, "type", report);

    let kind = match kind_text.as_ref().map(|k| k.value.as_str()) {
        Some("article") => Kind::Article,
        Some("hub") => Kind::Hub,
        Some(other) => {
            let line = kind_text.as_ref().map_or(split.yaml_line, |k| k.line);
            report.error(line, format!("`type: {other}` is not a page type: use `article` or `hub`"));
            return None;
        }
        None => return None,
    };

    let position = match position {
        Some(Field { value: Scalar::Integer(p), line }) => Field { value: p, line },
        Some(Field { line, .. }) => {
            report.error(line, "`position` must be a whole number, such as `3`");
            return None;
        }
        None if kind == Kind::Article => {
            report.error(split.yaml_line, "the front matter has no `position`, which every article needs to be ordered in its hub");
            return None;
        }
        None => Field { value: 0, line: split.yaml_line },
    };
    let page_name = page_name?;
    if kind == Kind::Article && hub.is_none() {
        report.error(split.yaml_line, "the front matter has no `hub`, which every article needs: the hub it is listed on, such as `home` or `manage`");
        return None;
    }
    if let Some(bad) = page_name.value.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_'))) {
        report.error(page_name.line, format!("`pageName` may hold only letters, digits, `:`, `-` and `_`, not `{bad}`"));
        return None;
    }
    if !ok {
        return None;
    }
    Some(FrontMatter {
        title: title?,
        subtitle: subtitle?,
        page_name,
        kind: Field { value: kind, line: kind_text?.line },
        hub,
        position,
        short_title,
        partner,
        name,
        reviewed,
        review_due,
        search_terms: terms,
    })
}

/// A scalar value as the editor wrote it, trimmed: YAML may read `3` as a
/// number or `true` as a flag where a key wants text.
fn scalar_as_written(value: &Scalar<'_>) -> String {
    match value {
        Scalar::String(s) => s.trim().to_owned(),
        Scalar::Integer(i) => i.to_string(),
        Scalar::FloatingPoint(f) => f.to_string(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::Null => String::new(),
    }
}

pub(crate) fn scalar_text<'a>(data: &YamlData<'a, MarkedYaml<'a>>) -> Option<String> {
    match data {
        YamlData::Value(Scalar::String(s)) => Some(s.to_string()),
        YamlData::Representation(s, ..) => Some(s.to_string()),
        _ => None,
    }
}
