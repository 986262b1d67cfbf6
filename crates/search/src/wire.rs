//! What the search engine module (`crates/engine`) hands the app for a
//! query, as bytes: the two are separate WebAssembly modules that share no
//! memory. The engine is fetched with the index the first time search is
//! used, so the wasm every first visit downloads does not carry it.
//!
//! Layout, every number a little-endian `u32`: how many sections were
//! found; the sections shown, as a count then `page, section, details`
//! each (`details` [`NONE`] for a whole section); the words to mark, as a
//! count then each as its length and UTF-8 bytes; the correction, as its
//! length and bytes, or [`NONE`].

use super::index::{Doc, SearchIndex};
use super::query::Results;

/// The engine module's file, beside the index.
pub const SEARCH_ENGINE_FILE: &str = "search-engine.wasm";

/// Changes whenever this layout or the index format does: the app refuses
/// an engine (from another deploy, mid-way) that answers another way.
pub const ENGINE_ABI: u32 = 0x0003_0001;

/// Absent: no details block, no correction.
const NONE: u32 = u32::MAX;

/// The answer to a query, as the app shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    /// Where each result is in the site model, best first.
    pub docs: Vec<Doc>,
    /// The stems to mark in the snippets.
    pub matched: Vec<String>,
    /// How many sections matched in all.
    pub found: usize,
    /// "Showing results for" this, when a word was read as a misspelling.
    pub corrected: Option<String>,
}

impl Answer {
    /// `results` of a query on `index`, with each hit as where it is.
    pub fn of(index: &SearchIndex, results: Results) -> Answer {
        Answer {
            docs: results.hits.iter().filter_map(|hit| index.docs.get(hit.doc as usize).cloned()).collect(),
            matched: results.matched,
            found: results.found,
            corrected: results.corrected,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        fn number(out: &mut Vec<u8>, n: u32) {
            out.extend_from_slice(&n.to_le_bytes());
        }
        fn text(out: &mut Vec<u8>, s: &str) {
            number(out, s.len() as u32);
            out.extend_from_slice(s.as_bytes());
        }
        let mut out = Vec::new();
        number(&mut out, self.found as u32);
        number(&mut out, self.docs.len() as u32);
        for doc in &self.docs {
            number(&mut out, doc.page);
            number(&mut out, doc.section);
            number(&mut out, doc.details.unwrap_or(NONE));
        }
        number(&mut out, self.matched.len() as u32);
        for word in &self.matched {
            text(&mut out, word);
        }
        match &self.corrected {
            Some(corrected) => text(&mut out, corrected),
            None => number(&mut out, NONE),
        }
        out
    }

    /// `None` for bytes that are not an answer (cut short, say).
    pub fn from_bytes(bytes: &[u8]) -> Option<Answer> {
        let mut input = Input { bytes, at: 0 };
        let found = input.number()? as usize;
        let mut docs = Vec::new();
        for _ in 0..input.number()?.min(1024) {
            let (page, section, details) = (input.number()?, input.number()?, input.number()?);
            docs.push(Doc { page, section, details: (details != NONE).then_some(details), len: Default::default() });
        }
        let mut matched = Vec::new();
        for _ in 0..input.number()?.min(1024) {
            let len = input.number()?;
            matched.push(input.text(len)?);
        }
        let corrected = match input.number()? {
            NONE => None,
            len => Some(input.text(len)?),
        };
        Some(Answer { docs, matched, found, corrected })
    }
}

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Input<'_> {
    fn take(&mut self, len: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(len)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    fn number(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn text(&mut self, len: u32) -> Option<String> {
        String::from_utf8(self.take(len as usize)?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_reads_back_as_it_was_written() {
        let answers = [
            Answer::default(),
            Answer {
                docs: vec![Doc { page: 3, section: 1, details: None, len: Default::default() }, Doc { page: 0, section: 7, details: Some(2), len: Default::default() }],
                matched: vec!["password".into(), "rëset".into()],
                found: 12,
                corrected: Some("password reset".into()),
            },
            Answer { docs: Vec::new(), matched: vec![String::new()], found: 0, corrected: Some(String::new()) },
        ];
        for answer in answers {
            assert_eq!(Answer::from_bytes(&answer.to_bytes()), Some(answer.clone()));
        }
    }

    #[test]
    fn bytes_cut_short_or_malformed_are_no_answer() {
        let bytes = Answer { docs: vec![Doc { page: 1, section: 2, details: None, len: Default::default() }], matched: vec!["code".into()], found: 1, corrected: None }.to_bytes();
        for end in 0..bytes.len() {
            assert_eq!(Answer::from_bytes(&bytes[..end]), None, "cut at {end}");
        }
        let mut bad = bytes.clone();
        let at = bad.len() - 12;
        bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(Answer::from_bytes(&bad), None);
    }
}
