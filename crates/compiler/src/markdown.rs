//! Markdown (with raw HTML) to HTML, plus the checks that need source lines.
//!
//! The help centre's own renderer does not treat indented text as code, and
//! its articles rely on that: text inside `<details>` is often indented four
//! spaces after a blank line. CommonMark would make that a code block, so
//! every indented code block is parsed again as Markdown in its place.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{LineIndex, Reporter};
use crate::html_check;

/// How deep indented text is re-read as Markdown before it is left as text.
const MAX_REPARSE_DEPTH: usize = 8;

/// A link found in the source, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub href: String,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Rendered {
    /// Unsanitised HTML: it goes through the sanitiser next.
    pub html: String,
    pub links: Vec<LinkRef>,
}

pub fn render(body: &str, first_line: usize, report: &mut Reporter) -> Rendered {
    let mut links = Vec::new();
    let events = expand(body, first_line, 0, report, &mut links);
    let mut html = String::with_capacity(body.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, links }
}

fn expand(
    src: &str,
    first_line: usize,
    depth: usize,
    report: &mut Reporter,
    links: &mut Vec<LinkRef>,
) -> Vec<Event<'static>> {
    let lines = LineIndex::new(src, first_line);
    let mut out = Vec::new();
    let mut words = DoubledWordLint::default();
    let mut code: Option<(usize, bool, String)> = None;

    for (event, range) in Parser::new_ext(src, Options::empty()).into_offset_iter() {
        let line = lines.line(range.start);
        if let Some((_, _, text)) = code.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (start, indented, text) = code.take().unwrap_or_default();
                    if !indented {
                        report.warning(start, "code blocks are not used in help articles: shown as plain text");
                        out.push(Event::Start(Tag::Paragraph));
                        out.push(Event::Text(CowStr::from(text)));
                        out.push(Event::End(TagEnd::Paragraph));
                    } else if depth < MAX_REPARSE_DEPTH {
                        out.extend(expand(&text, start, depth + 1, report, links));
                    } else {
                        out.push(Event::Start(Tag::Paragraph));
                        out.push(Event::Text(CowStr::from(text)));
                        out.push(Event::End(TagEnd::Paragraph));
                    }
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(Tag::CodeBlock(kind)) => {
                // Indented code starts on its own line; a fence's text starts one line down.
                let indented = matches!(kind, CodeBlockKind::Indented);
                code = Some((if indented { line } else { line + 1 }, indented, String::new()));
                continue;
            }
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => {
                report.warning(line, "a `#` heading in the body: the page title comes from `title`, so it is shown as a `##` section");
            }
            Event::Start(Tag::Image { .. }) => {
                report.error(line, "images are not supported in help articles");
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(problem) = html_check::unsafe_url(dest_url) {
                    report.error(line, format!("link `{}` {problem}", truncate(dest_url)));
                }
                links.push(LinkRef { href: dest_url.to_string(), line });
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                html_check::check(html, line, report, links);
            }
            Event::Text(text) => words.text(text, line, report),
            _ => {}
        }
        if matches!(
            event,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item)
                | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                | Event::Html(_)
        ) {
            words.reset();
        }
        let event = match event {
            // Blank-line-separated raw HTML comes through as-is; the sanitiser
            // and the structure pass decide what survives.
            Event::Start(Tag::Heading { level: HeadingLevel::H1, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: HeadingLevel::H2, id, classes, attrs })
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => Event::End(TagEnd::Heading(HeadingLevel::H2)),
            other => other,
        };
        out.push(event.into_static());
    }
    out
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// Warns about a word written twice in a row ("Contact us us"), across the
/// inline markup that splits a paragraph's text into pieces.
#[derive(Default)]
struct DoubledWordLint {
    last: Option<String>,
}

impl DoubledWordLint {
    fn text(&mut self, text: &str, line: usize, report: &mut Reporter) {
        let mut line = line;
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                line += 1;
            }
            for token in piece.split(|c: char| c.is_whitespace()) {
                if token.is_empty() {
                    continue;
                }
                let word: String = token
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                let ends_clause = token.ends_with(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
                let starts_clause = token.starts_with(|c: char| !c.is_alphanumeric());
                if word.chars().any(char::is_alphabetic) {
                    if !starts_clause && self.last.as_deref() == Some(word.as_str()) {
                        report.warning(line, format!("the word “{word}” is written twice in a row"));
                    }
                    self.last = (!ends_clause).then_some(word);
                } else {
                    self.last = None;
                }
            }
        }
    }

    fn reset(&mut self) {
        self.last = None;
    }
}
