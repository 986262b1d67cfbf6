//! Markdown (with raw HTML) to HTML, plus the checks that need source lines.
//!
//! The help centre's own renderer does not treat indented text as code, and
//! its articles rely on that: text inside `<details>` is often indented four
//! spaces after a blank line. CommonMark would make that a code block, so
//! every indented code block is parsed again as Markdown in its place.

use std::collections::HashMap;

use pulldown_cmark::{BrokenLink, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{LineIndex, Reporter};
use crate::content::html_check;
use crate::content::links::{unsafe_url, LinkRef};

/// How deep indented text is re-read as Markdown before it is left as text.
const MAX_REPARSE_DEPTH: usize = 8;

/// How deeply lists, quotes and emphasis may nest. Real help articles go two
/// or three deep; far more is a slip, and would be too deep for the app to
/// read back from its bundled JSON.
const MAX_NESTING: usize = 12;

/// Link reference definitions (`[label]: /url "title"`) by normalised label,
/// so text re-read from an indented block can use the file's definitions.
type LinkDefs = HashMap<String, (String, String)>;

fn label_key(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[derive(Debug, Default)]
pub struct Rendered {
    /// Unsanitised HTML: it goes through the sanitiser next.
    pub html: String,
    pub links: Vec<LinkRef>,
}

pub fn render(body: &str, first_line: usize, report: &mut Reporter) -> Rendered {
    let mut links = Vec::new();
    let mut visibility = html_check::Visibility::default();
    let events = expand(body, first_line, 0, &LinkDefs::new(), &mut visibility, report, &mut links);
    let mut html = String::with_capacity(body.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, links }
}

fn expand(
    src: &str,
    first_line: usize,
    depth: usize,
    inherited: &LinkDefs,
    visibility: &mut html_check::Visibility,
    report: &mut Reporter,
    links: &mut Vec<LinkRef>,
) -> Vec<Event<'static>> {
    let lines = LineIndex::new(src, first_line);
    let mut out = Vec::new();
    let mut words = DoubledWordLint::default();
    let mut code: Option<(usize, bool, String)> = None;
    // A raw HTML block arrives a line at a time; it is checked whole, so a
    // tag written over several lines is seen as one tag.
    let mut html_block: Option<(usize, String)> = None;
    let mut nesting = 0usize;
    let mut too_deep_reported = false;
    // The raw HTML elements open when each Markdown paragraph or heading
    // began: its end closes what was opened inside it.
    let mut block_marks: Vec<usize> = Vec::new();

    let lookup = |broken: BrokenLink<'_>| {
        inherited
            .get(&label_key(&broken.reference))
            .map(|(dest, title)| (CowStr::from(dest.clone()), CowStr::from(title.clone())))
    };
    let parser = Parser::new_with_broken_link_callback(src, Options::empty(), Some(lookup));
    let mut defs = inherited.clone();
    for (label, def) in parser.reference_definitions().iter() {
        let title = def.title.as_deref().unwrap_or("").to_owned();
        defs.insert(label_key(label), (def.dest.to_string(), title));
    }

    for (event, range) in parser.into_offset_iter() {
        let line = lines.line(range.start);
        match &event {
            Event::Start(Tag::List(_) | Tag::Item | Tag::BlockQuote(_) | Tag::Emphasis | Tag::Strong | Tag::Link { .. }) => {
                nesting += 1;
                if nesting > MAX_NESTING && !too_deep_reported {
                    report.error(line, format!("lists, quotes and emphasis are nested more than {MAX_NESTING} deep here: flatten them"));
                    too_deep_reported = true;
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                nesting = nesting.saturating_sub(1);
            }
            _ => {}
        }
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
                        out.extend(expand(&text, start, depth + 1, &defs, visibility, report, links));
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
            Event::Start(Tag::Paragraph | Tag::Heading { .. }) => {
                visibility.markdown_block();
                block_marks.push(visibility.mark());
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) | Event::Rule => visibility.markdown_block(),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                if let Some(mark) = block_marks.pop() {
                    visibility.close_to(mark);
                }
            }
            _ => {}
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
            Event::Start(Tag::Link { dest_url, link_type, .. }) => {
                if visibility.hidden() {
                    report.error(line, html_check::hidden_focus_message("link"));
                }
                if let Some(problem) = unsafe_url(dest_url) {
                    // Reported here, once: not passed on to link checking.
                    report.error(line, format!("link `{}` {problem}", truncate(dest_url)));
                } else {
                    // `<name@example.org>` gives the bare address; its href is a mailto: link.
                    let href = match link_type {
                        LinkType::Email => format!("mailto:{dest_url}"),
                        _ => dest_url.to_string(),
                    };
                    links.push(LinkRef { href, line });
                }
            }
            Event::Start(Tag::HtmlBlock) => html_block = Some((line, String::new())),
            Event::Html(html) => match html_block.as_mut() {
                Some((_, block)) => block.push_str(html),
                None => html_check::check(html, line, visibility, report, links),
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, block)) = html_block.take() {
                    html_check::check(&block, start, visibility, report, links);
                }
            }
            Event::InlineHtml(html) => html_check::check(html, line, visibility, report, links),
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
