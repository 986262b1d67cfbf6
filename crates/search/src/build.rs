//! Builds the search index from the content model, at build time only (the
//! compiler and the benchmarks enable the `indexer` feature; the app never
//! builds an index, so this is not in the wasm).

use std::collections::HashMap;

use help_core::model::{Page, PageKind, Reference};
use help_core::walk;

use super::index::{Doc, Posting, SearchIndex, FIELD_COUNT, MAX_COUNT, TERMS};
use super::text::{stem, words};

/// Phrases people use for an article (`heading` is `None`) or for one of
/// its sections or details blocks (by its heading or summary, compared by
/// words, ignoring case and punctuation): searched, never shown. Editors
/// write them as `search-terms:` in an article's front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    /// Index into the pages.
    pub page: usize,
    pub heading: Option<String>,
    pub phrases: Vec<String>,
}

/// Where the phrases are counted: an article's with its title (every
/// section shares it), a section's in a field of their own, weighted as the
/// heading is but without the boost a heading holding the query's words
/// gives (measured on the tuning set: both as the heading, or in the body,
/// ranked worse). They add to a field's word counts, not to its length, so
/// an article given phrases does not weaken its own title.
const ARTICLE_TERMS_FIELD: usize = 0;
const SECTION_TERMS_FIELD: usize = TERMS;

/// Whether `heading` names the heading or summary `text`.
pub fn same_heading(heading: &str, text: &str) -> bool {
    words(heading).eq(words(text))
}

impl SearchIndex {
    /// Indexes every section and details block of the articles in `pages`,
    /// with the phrases `terms` gives them.
    pub fn build(pages: &[Page], references: &[Reference], synonyms: Vec<Vec<Vec<String>>>, terms: &[Terms]) -> SearchIndex {
        let mut docs = Vec::new();
        let mut fields: Vec<[String; FIELD_COUNT]> = Vec::new();
        let mut extra: Vec<[String; FIELD_COUNT]> = Vec::new();
        let phrases = |page: usize, heading: Option<&str>| -> String {
            let mut out = String::new();
            for t in terms.iter().filter(|t| t.page == page && t.heading.as_deref().map(|h| heading.is_some_and(|text| same_heading(h, text))).unwrap_or(heading.is_none())) {
                for p in &t.phrases {
                    out.push_str(p);
                    out.push_str(" . ");
                }
            }
            out
        };
        for (page_index, page) in pages.iter().enumerate().filter(|(_, p)| p.kind == PageKind::Article) {
            let for_article = phrases(page_index, None);
            let terms_of = |heading: &str| {
                let mut t: [String; FIELD_COUNT] = Default::default();
                t[ARTICLE_TERMS_FIELD].push_str(&for_article);
                t[SECTION_TERMS_FIELD].push_str(&phrases(page_index, Some(heading)));
                t
            };
            for (section_index, section) in page.sections.iter().enumerate() {
                let mut body = String::new();
                walk::text(&section.blocks, false, &mut body);
                let at = |details| Doc { page: page_index as u32, section: section_index as u32, details, len: [0; FIELD_COUNT] };
                docs.push(at(None));
                fields.push([page.title.clone(), section.heading.clone(), body, String::new()]);
                extra.push(terms_of(&section.heading));
                for (n, (_, summary, blocks)) in walk::details(&section.blocks).into_iter().enumerate() {
                    let mut body = String::new();
                    walk::text(blocks, true, &mut body);
                    docs.push(at(Some(n as u32)));
                    fields.push([page.title.clone(), summary.to_owned(), body, String::new()]);
                    extra.push(terms_of(summary));
                }
            }
        }
        let mut index = SearchIndex::index(docs, fields, extra, synonyms);
        let doc_of = |page: usize, section: &str| {
            let section = pages[page].sections.iter().position(|s| s.id == section)?;
            index.docs.iter().position(|d| d.page as usize == page && d.section as usize == section && d.details.is_none())
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
    pub fn from_documents(docs: Vec<Doc>, fields: Vec<[String; 3]>, synonyms: Vec<Vec<Vec<String>>>) -> SearchIndex {
        let extra = vec![Default::default(); fields.len()];
        let fields = fields.into_iter().map(|[title, heading, body]| [title, heading, body, String::new()]).collect();
        SearchIndex::index(docs, fields, extra, synonyms)
    }

    /// [`Self::from_documents`], with more text per field (search terms)
    /// that counts as the field's words but not in its length.
    fn index(mut docs: Vec<Doc>, fields: Vec<[String; FIELD_COUNT]>, extra: Vec<[String; FIELD_COUNT]>, synonyms: Vec<Vec<Vec<String>>>) -> SearchIndex {
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
                    tf[field] = (tf[field] + 1).min(MAX_COUNT[field]);
                    surface.entry(word).or_insert(stemmed);
                }
                docs[doc_index].len[field] = count;
                totals[field] += f32::from(count);
            }
            for (field, text) in extra[doc_index].iter().enumerate() {
                for word in words(text) {
                    let stemmed = stem(&word);
                    let tf = postings.entry(stemmed.clone()).or_default().entry(doc_index as u32).or_default();
                    tf[field] = (tf[field] + 1).min(MAX_COUNT[field]);
                    surface.entry(word).or_insert(stemmed);
                }
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
            scored: Vec::new(),
            synonym_forms: Vec::new(),
        }.with_scores()
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

