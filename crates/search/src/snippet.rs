//! What a result shows: the text its document covers, and a short extract
//! around the words that matched, marked for highlighting.

use help_core::model::{Block, Page, Section};
use help_core::walk;

use super::index::Doc;
use super::text::{self, stem, words};

/// A document as the site model has it.
pub struct Located<'a> {
    pub page: &'a Page,
    pub section: &'a Section,
    /// A details block's id, summary and content, when the document is one.
    pub details: Option<(&'a str, &'a str, &'a [Block])>,
}

impl Located<'_> {
    /// The section heading or the details summary.
    pub fn heading(&self) -> &str {
        self.details.map_or(&self.section.heading, |(_, summary, _)| summary)
    }

    /// The id a link to the document points at.
    pub fn anchor(&self) -> &str {
        self.details.map_or(&self.section.id, |(id, _, _)| id)
    }

    /// The text it covers: a section without its details, or one details block.
    pub fn text(&self) -> String {
        let mut out = String::new();
        match self.details {
            None => walk::text(&self.section.blocks, false, &mut out),
            Some((_, _, blocks)) => walk::text(blocks, true, &mut out),
        }
        out
    }
}

/// Where `doc` is in `pages`; `None` for an index of another model.
pub fn locate<'a>(pages: &'a [Page], doc: &Doc) -> Option<Located<'a>> {
    let page = pages.get(doc.page as usize)?;
    let section = page.sections.get(doc.section as usize)?;
    let details = match doc.details {
        None => None,
        Some(n) => Some(*walk::details(&section.blocks).get(n as usize)?),
    };
    Some(Located { page, section, details })
}

/// The text a document covers (empty for an index of another model).
pub fn doc_text(pages: &[Page], doc: &Doc) -> String {
    locate(pages, doc).map(|found| found.text()).unwrap_or_default()
}

/// A short extract of `text` around the first matched word, as pieces that
/// are marked (a matched word) or not, at most about `max_words` words.
pub fn snippet(text: &str, matched: &[String], max_words: usize) -> Vec<(String, bool)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let is_match = |token: &str| words(token).any(|w| matched.contains(&stem(&w)));
    let first = tokens.iter().position(|t| is_match(t)).unwrap_or(0);
    let start = first.saturating_sub(max_words / 3);
    let end = (start + max_words).min(tokens.len());
    let mut pieces: Vec<(String, bool)> = Vec::new();
    if start > 0 {
        pieces.push(("… ".into(), false));
    }
    for (i, token) in tokens[start..end].iter().enumerate() {
        let marked = is_match(token);
        let sep = if i + 1 < end - start { " " } else { "" };
        match pieces.last_mut() {
            Some((text, false)) if !marked => {
                text.push_str(token);
                text.push_str(sep);
            }
            _ if marked => {
                // Mark the word, not the punctuation around it.
                let word_start = token.find(text::is_word_char).unwrap_or(0);
                let word_end = token.rfind(text::is_word_char).map_or(token.len(), |i| i + token[i..].chars().next().map_or(1, char::len_utf8));
                let (before, rest) = token.split_at(word_start);
                let (word, after) = rest.split_at(word_end - word_start);
                if !before.is_empty() {
                    match pieces.last_mut() {
                        Some((text, false)) => text.push_str(before),
                        _ => pieces.push((before.to_owned(), false)),
                    }
                }
                pieces.push((word.to_owned(), true));
                let tail = format!("{after}{sep}");
                if !tail.is_empty() {
                    pieces.push((tail, false));
                }
            }
            _ => pieces.push((format!("{token}{sep}"), false)),
        }
    }
    if end < tokens.len() {
        pieces.push((" …".into(), false));
    }
    pieces
}
