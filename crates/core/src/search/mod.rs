//! Section search: an index built at compile time from the content model,
//! and a query engine over it. A document is a section (a `##` or `###`
//! heading with its text) or a details block (its summary as the heading).
//!
//! Ranking is BM25F over three fields (article title, heading or summary,
//! body), each query word matched by its stem, a synonym, as a prefix (the
//! last word only) or within a typo budget, in that order of strength. A
//! query that reads as an error reference puts that reference's guidance first.

pub mod text;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error_code::parse_code;
use crate::model::{Block, Inline, Page, PageKind};
use crate::references::Reference;
use text::{distance_chars, stem, typo_budget, words};

/// The file the index is shipped in, beside the pages; the app fetches it
/// when search is first used, so it is not part of the first page load.
pub const SEARCH_INDEX_FILE: &str = "search-index.json";

/// Fields: the article title, the heading (or details summary), the body.
const FIELD_COUNT: usize = 3;
const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [1.5, 3.0, 1.0];
const FIELD_LENGTH_NORMALISATION: [f32; FIELD_COUNT] = [0.3, 0.5, 0.75];
const K1: f32 = 1.2;

/// How much a match counts, by how the query word met the indexed word.
const EXACT: f32 = 1.0;
const SYNONYM: f32 = 0.9;
const PREFIX: f32 = 0.75;
const ONE_TYPO: f32 = 0.6;
const TWO_TYPOS: f32 = 0.45;

/// Function words count for little: they say how something is asked, not
/// what it is about.
const STOP_WORD_WEIGHT: f32 = 0.3;
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "have", "how", "i", "if",
    "in", "is", "it", "me", "my", "of", "on", "or", "the", "to", "was", "what", "when", "why", "with", "you", "your",
];

/// Bounds that keep any query, however long or strange, cheap.
const MAX_QUERY_CHARS: usize = 256;
const MAX_QUERY_WORDS: usize = 12;
const MAX_PREFIX_EXPANSIONS: usize = 64;

/// One searchable section or details block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Index into [`crate::Site::pages`].
    pub page: u32,
    pub section: String,
    /// Set when this document is a details block in `section`.
    pub details: Option<String>,
    /// The section heading or the details summary.
    pub heading: String,
    /// Words per field.
    pub len: [u16; FIELD_COUNT],
}

/// A document and how often a stem occurs in each of its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Posting(pub u32, pub [u16; FIELD_COUNT]);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    /// Every stem, sorted; `postings[i]` belongs to `stems[i]`.
    pub stems: Vec<String>,
    pub postings: Vec<Vec<Posting>>,
    /// Every word as written in the content, sorted, with its stem's index:
    /// typos and prefixes are matched against these.
    pub words: Vec<(String, u32)>,
    /// Average words per field, in hundredths (the bundle holds whole numbers).
    pub average_len: [u32; FIELD_COUNT],
    /// Groups of interchangeable phrases, each phrase as its words.
    pub synonyms: Vec<Vec<Vec<String>>>,
    /// Each error reference and its documents, the canonical place first.
    pub references: Vec<(String, Vec<u32>)>,
    /// The build of the site model this index belongs to: an app must not
    /// use an index from another build (its documents point at other pages).
    pub site: String,
}

/// A ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

/// What a query found: the hits, best first, and the stems that matched
/// (for highlighting).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub matched: Vec<String>,
}

/// The plain text of blocks, details included or not.
pub fn blocks_text(blocks: &[Block], include_details: bool, out: &mut String) {
    fn inlines(items: &[Inline], out: &mut String) {
        for item in items {
            match item {
                Inline::Text(t) => out.push_str(t),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } => inlines(c, out),
                Inline::LineBreak => out.push(' '),
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(i) | Block::Subheading(i) => {
                inlines(i, out);
                out.push(' ');
            }
            Block::List { items, .. } => items.iter().for_each(|item| blocks_text(item, include_details, out)),
            Block::Details { summary, blocks, .. } if include_details => {
                out.push_str(summary);
                out.push(' ');
                blocks_text(blocks, true, out);
            }
            Block::Details { .. } | Block::Rule => {}
        }
    }
}

/// The details blocks in `blocks`, nested ones included, with their text.
fn details_in<'a>(blocks: &'a [Block], out: &mut Vec<(&'a str, &'a str, &'a [Block])>) {
    for block in blocks {
        match block {
            Block::Details { id, summary, blocks } => {
                out.push((id, summary, blocks));
                details_in(blocks, out);
            }
            Block::List { items, .. } => items.iter().for_each(|item| details_in(item, out)),
            _ => {}
        }
    }
}

/// The text a document covers: a section without its details, or one details block.
pub fn doc_text(pages: &[Page], doc: &Doc) -> String {
    let mut out = String::new();
    let Some(section) = pages.get(doc.page as usize).and_then(|p| p.section(&doc.section)) else { return out };
    match &doc.details {
        None => blocks_text(&section.blocks, false, &mut out),
        Some(id) => {
            let mut all = Vec::new();
            details_in(&section.blocks, &mut all);
            if let Some((_, _, blocks)) = all.into_iter().find(|(d, ..)| d == id) {
                blocks_text(blocks, true, &mut out);
            }
        }
    }
    out
}

impl SearchIndex {
    /// Indexes every section and details block of the articles in `pages`.
    pub fn build(pages: &[Page], references: &[Reference], synonyms: Vec<Vec<Vec<String>>>) -> SearchIndex {
        let mut docs = Vec::new();
        let mut fields: Vec<[String; FIELD_COUNT]> = Vec::new();
        for (page_index, page) in pages.iter().enumerate().filter(|(_, p)| p.kind == PageKind::Article) {
            for section in &page.sections {
                let mut body = String::new();
                blocks_text(&section.blocks, false, &mut body);
                docs.push(Doc { page: page_index as u32, section: section.id.clone(), details: None, heading: section.heading.clone(), len: [0; FIELD_COUNT] });
                fields.push([page.title.clone(), section.heading.clone(), body]);
                let mut details = Vec::new();
                details_in(&section.blocks, &mut details);
                for (id, summary, blocks) in details {
                    let mut body = String::new();
                    blocks_text(blocks, true, &mut body);
                    docs.push(Doc { page: page_index as u32, section: section.id.clone(), details: Some(id.to_owned()), heading: summary.to_owned(), len: [0; FIELD_COUNT] });
                    fields.push([page.title.clone(), summary.to_owned(), body]);
                }
            }
        }
        let mut index = SearchIndex::from_documents(docs, fields, synonyms);
        let doc_of = |page: usize, section: &str| {
            index.docs.iter().position(|d| d.page as usize == page && d.section == section && d.details.is_none())
        };
        index.references = references
            .iter()
            .map(|r| {
                let places = std::iter::once(&r.place).chain(&r.also);
                (r.code.clone(), places.filter_map(|p| doc_of(p.page, &p.section)).map(|d| d as u32).collect())
            })
            .collect();
        index
    }

    /// Indexes any documents, given their title, heading and body text (the
    /// benchmark builds its larger corpora this way). `docs[i].len` is filled in.
    pub fn from_documents(mut docs: Vec<Doc>, fields: Vec<[String; FIELD_COUNT]>, synonyms: Vec<Vec<Vec<String>>>) -> SearchIndex {
        let mut postings: HashMap<String, HashMap<u32, [u16; FIELD_COUNT]>> = HashMap::new();
        let mut surface: HashMap<String, String> = HashMap::new();
        let mut totals = [0f32; FIELD_COUNT];
        for (doc_index, texts) in fields.iter().enumerate() {
            for (field, text) in texts.iter().enumerate() {
                let mut count = 0u16;
                for word in words(text) {
                    count = count.saturating_add(1);
                    let stemmed = stem(&word);
                    let tf = postings.entry(stemmed.clone()).or_default().entry(doc_index as u32).or_default();
                    tf[field] = tf[field].saturating_add(1);
                    surface.entry(word).or_insert(stemmed);
                }
                docs[doc_index].len[field] = count;
                totals[field] += f32::from(count);
            }
        }
        let mut stems: Vec<String> = postings.keys().cloned().collect();
        stems.sort();
        let position: HashMap<&str, u32> = stems.iter().enumerate().map(|(i, s)| (s.as_str(), i as u32)).collect();
        let postings_list = stems
            .iter()
            .map(|s| {
                let mut list: Vec<Posting> = postings[s].iter().map(|(d, tf)| Posting(*d, *tf)).collect();
                list.sort_by_key(|p| p.0);
                list
            })
            .collect();
        let mut word_list: Vec<(String, u32)> = surface.iter().map(|(w, s)| (w.clone(), position[s.as_str()])).collect();
        word_list.sort();

        let n = docs.len().max(1) as f32;
        SearchIndex {
            average_len: totals.map(|t| (t / n * 100.0).round() as u32),
            docs,
            stems,
            postings: postings_list,
            words: word_list,
            synonyms,
            references: Vec::new(),
            site: String::new(),
        }
    }

    fn stem_index(&self, stem: &str) -> Option<usize> {
        self.stems.binary_search_by(|s| s.as_str().cmp(stem)).ok()
    }

    fn idf(&self, stem: usize) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.postings[stem].len() as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25f(&self, posting: &Posting) -> f32 {
        let doc = &self.docs[posting.0 as usize];
        let mut weighted = 0.0;
        for f in 0..FIELD_COUNT {
            if posting.1[f] == 0 {
                continue;
            }
            let norm = 1.0 - FIELD_LENGTH_NORMALISATION[f]
                + FIELD_LENGTH_NORMALISATION[f] * f32::from(doc.len[f]) * 100.0 / (self.average_len[f].max(100) as f32);
            weighted += FIELD_WEIGHTS[f] * f32::from(posting.1[f]) / norm;
        }
        weighted * (K1 + 1.0) / (K1 + weighted)
    }

    /// The stems a query word may stand for, with how strongly each counts.
    fn alternatives(&self, word: &str, as_prefix: bool, synonyms: &[String]) -> Vec<(usize, f32)> {
        let mut found: Vec<(usize, f32)> = Vec::new();
        let mut add = |stem: usize, quality: f32| match found.iter_mut().find(|(s, _)| *s == stem) {
            Some(entry) => entry.1 = entry.1.max(quality),
            None => found.push((stem, quality)),
        };
        if let Some(s) = self.stem_index(&stem(word)) {
            add(s, EXACT);
        }
        for synonym in synonyms {
            if let Some(s) = self.stem_index(&stem(synonym)) {
                add(s, SYNONYM);
            }
        }
        if as_prefix && word.chars().count() >= 2 {
            let start = self.words.partition_point(|(w, _)| w.as_str() < word);
            for (w, s) in self.words[start..].iter().take_while(|(w, _)| w.starts_with(word)).take(MAX_PREFIX_EXPANSIONS) {
                add(*s as usize, if w == word { EXACT } else { PREFIX });
            }
        }
        let budget = typo_budget(word);
        if budget > 0 {
            let typed: Vec<char> = word.chars().collect();
            let (mut candidate, mut rows) = (Vec::new(), Vec::new());
            for (w, s) in &self.words {
                // A character is at most 4 bytes: a cheap bound before decoding.
                if w.len() + 4 * budget < word.len() || word.len() + 4 * budget < w.len() {
                    continue;
                }
                candidate.clear();
                candidate.extend(w.chars());
                if let Some(d) = distance_chars(&typed, &candidate, budget, &mut rows) {
                    if d > 0 {
                        add(*s as usize, if d == 1 { ONE_TYPO } else { TWO_TYPOS });
                    }
                }
            }
        }
        found
    }

    /// Words of other phrases in any synonym group one of whose phrases the
    /// query contains, by query word position.
    fn synonyms_for(&self, query: &[String]) -> Vec<Vec<String>> {
        let mut out = vec![Vec::new(); query.len()];
        for group in &self.synonyms {
            for phrase in group {
                if phrase.is_empty() || phrase.len() > query.len() {
                    continue;
                }
                for start in 0..=query.len() - phrase.len() {
                    if query[start..start + phrase.len()] == phrase[..] {
                        let others: Vec<String> = group.iter().filter(|p| *p != phrase).flatten().cloned().collect();
                        for slot in &mut out[start..start + phrase.len()] {
                            slot.extend(others.iter().cloned());
                        }
                    }
                }
            }
        }
        out
    }

    /// Ranks documents for `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let terms: Vec<String> = words(&query).take(MAX_QUERY_WORDS).collect();
        // Dense per-document arrays: cheaper than maps at these sizes, and
        // they keep hashing code out of the wasm.
        let docs = self.docs.len();
        let mut scores = vec![0f32; docs];

        // A query that reads as an error reference: its guidance first.
        if let Some(code) = parse_code(&query) {
            if let Some((_, places)) = self.references.iter().find(|(c, _)| *c == code) {
                for (rank, doc) in places.iter().enumerate() {
                    if let Some(score) = scores.get_mut(*doc as usize) {
                        *score = 1000.0 - rank as f32;
                    }
                }
            }
        }

        let ends_in_word = query.chars().last().is_some_and(text::is_word_char);
        let synonyms = self.synonyms_for(&terms);
        let mut sums = vec![0f32; docs];
        let mut covered = vec![0f32; docs];
        let mut total_weight = 0f32;
        let mut matched: Vec<String> = Vec::new();
        let mut best = vec![0f32; docs];
        for (i, term) in terms.iter().enumerate() {
            let as_prefix = ends_in_word && i + 1 == terms.len();
            let alternatives = self.alternatives(term, as_prefix, &synonyms[i]);
            let importance = if STOP_WORDS.contains(&term.as_str()) { STOP_WORD_WEIGHT } else { 1.0 };
            // Another word standing in for one the content has may not count
            // for more than that word would: a rare synonym must not outrank
            // the word the person typed.
            let own_idf = self.stem_index(&stem(term)).map(|s| self.idf(s));
            best.iter_mut().for_each(|b| *b = 0.0);
            let mut weight: f32 = 0.0;
            for (stem, quality) in alternatives {
                let idf = match own_idf {
                    Some(own) if quality < EXACT => self.idf(stem).min(own),
                    _ => self.idf(stem),
                } * importance;
                weight = weight.max(idf * quality);
                if !matched.contains(&self.stems[stem]) {
                    matched.push(self.stems[stem].clone());
                }
                for posting in &self.postings[stem] {
                    if let Some(b) = best.get_mut(posting.0 as usize) {
                        *b = b.max(quality * idf * self.bm25f(posting));
                    }
                }
            }
            // Documents that match more of the query, weighted by how telling
            // each word is, rank above those that match one word many times.
            for doc in 0..docs {
                if best[doc] > 0.0 {
                    sums[doc] += best[doc];
                    covered[doc] += weight;
                }
            }
            total_weight += weight;
        }
        if total_weight > 0.0 {
            for doc in 0..docs {
                let coverage = covered[doc] / total_weight;
                scores[doc] += sums[doc] * coverage * coverage;
            }
        }

        let mut hits: Vec<Hit> = (0..docs).filter(|&d| scores[d] > 0.0).map(|d| Hit { doc: d as u32, score: scores[d] }).collect();
        // Ties keep document order: the sort key includes it.
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits.truncate(limit);
        Results { hits, matched }
    }
}

/// Parses the synonym list: one group per line, phrases separated by commas,
/// `#` starting a comment.
pub fn parse_synonyms(text: &str) -> Vec<Vec<Vec<String>>> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .map(|line| line.split(',').map(|phrase| words(phrase).collect::<Vec<_>>()).filter(|p| !p.is_empty()).collect::<Vec<_>>())
        .filter(|group| group.len() > 1)
        .collect()
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
