//! The index file's bytes: a packed binary form of [`SearchIndex`], about a
//! third of the JSON's size after gzip and read many times faster, because
//! most of an index is numbers. Every number is a LEB128 varint; every list
//! starts with its length; strings are UTF-8 with their byte length first.
//!
//! - Stems and words are sorted, so each is written as the length it shares
//!   with the one before and the rest (front coding).
//! - A posting list is its document numbers as gaps from the one before,
//!   then one byte per document holding the word's title, heading and body
//!   counts (which the index caps to fit: see `MAX_COUNT`), then the few
//!   postings with search terms, as their places in the list (gaps) and
//!   counts. Runs of small, alike numbers are what gzip compresses best.
//!
//! After the header comes a checksum of every byte that follows it, checked
//! before anything is read: a flipped bit can leave a file that parses and
//! points only at real documents, yet answers wrongly. Reading also checks
//! every length against the bytes left before allocating, and
//! [`SearchIndex::check`] then checks every reference between lists, so a
//! file cut short or changed on its way is refused, never trusted.

use help_core::error_code::{parse_code, ErrorCode};

use super::index::{Doc, Posting, SearchIndex, FIELD_COUNT, TERMS};

/// The file's first bytes: a name and the format's version. A file written
/// by another version of the format is refused. Version 2 added the checksum,
/// version 3 the search-terms field.
const MAGIC: &[u8; 5] = b"NHSI\x03";
/// The header: [`MAGIC`], then the [`checksum`] of every byte after the
/// header, little-endian.
const HEADER_LEN: usize = MAGIC.len() + 8;

/// FNV-1a 64 of `bytes`: a few instructions and no tables (the wasm carries
/// it). A change within any one byte always changes it, since each step is
/// a bijection of the state; wider damage goes unnoticed once in 2^64.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Why the bytes could not be read.
pub type Error = &'static str;

impl SearchIndex {
    /// The index as its file's bytes.
    #[cfg(feature = "indexer")]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer(MAGIC.to_vec());
        out.0.resize(HEADER_LEN, 0);
        out.string(&self.site);
        self.average_len.iter().for_each(|n| out.number(*n as usize));
        out.number(self.docs.len());
        for doc in &self.docs {
            out.number(doc.page as usize);
            out.number(doc.section as usize);
            out.number(doc.details.map_or(0, |n| n as usize + 1));
            doc.len.iter().for_each(|n| out.number(usize::from(*n)));
        }
        out.sorted_strings(self.stems.iter().map(String::as_str));
        for list in &self.postings {
            out.number(list.len());
            let mut previous = 0;
            for posting in list {
                out.number((posting.0 - previous) as usize);
                previous = posting.0;
            }
            // One byte per posting for all three counts (see MAX_COUNT).
            list.iter().for_each(|p| out.0.push((p.1[0] | p.1[1] << 2 | p.1[2] << 4) as u8));
            // Search terms are on few postings: those, by place in the list.
            let with_terms: Vec<(usize, u16)> = list.iter().enumerate().filter(|(_, p)| p.1[TERMS] > 0).map(|(i, p)| (i, p.1[TERMS])).collect();
            out.number(with_terms.len());
            let mut previous = 0;
            for (i, count) in with_terms {
                out.number(i - previous);
                out.number(usize::from(count));
                previous = i;
            }
        }
        out.sorted_strings(self.words.iter().map(|(w, _)| w.as_str()));
        self.words.iter().for_each(|(_, stem)| out.number(*stem as usize));
        out.number(self.synonyms.len());
        for group in &self.synonyms {
            out.number(group.len());
            for phrase in group {
                out.number(phrase.len());
                phrase.iter().for_each(|w| out.string(w));
            }
        }
        out.number(self.references.len());
        for (code, places) in &self.references {
            out.string(code);
            out.number(places.len());
            places.iter().for_each(|d| out.number(*d as usize));
        }
        let sum = checksum(&out.0[HEADER_LEN..]);
        out.0[MAGIC.len()..HEADER_LEN].copy_from_slice(&sum.to_le_bytes());
        out.0
    }

    /// Reads an index from its file's bytes, refusing anything damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, Error> {
        let mut input = Reader { bytes, at: 0 };
        if !bytes.starts_with(MAGIC) {
            return Err("not a search index of this version");
        }
        let stored = bytes.get(MAGIC.len()..HEADER_LEN).ok_or("the index is cut short")?;
        if stored != checksum(&bytes[HEADER_LEN..]).to_le_bytes() {
            return Err("the index is damaged");
        }
        input.at = HEADER_LEN;
        let site = input.string()?;
        let mut average_len = [0; FIELD_COUNT];
        for n in &mut average_len {
            *n = input.number()?;
        }
        let docs = input.list(|input| {
            let page = input.number()?;
            let section = input.number()?;
            let details = match input.number::<u32>()? {
                0 => None,
                n => Some(n - 1),
            };
            let mut len = [0; FIELD_COUNT];
            for n in &mut len {
                *n = input.small()?;
            }
            Ok(Doc { page, section, details, len })
        })?;
        let stems = input.sorted_strings()?;
        let mut postings = Vec::with_capacity(stems.len());
        for _ in 0..stems.len() {
            let count = input.size()?;
            let mut list = Vec::with_capacity(count);
            let mut doc = 0u32;
            for _ in 0..count {
                doc = doc.checked_add(input.number()?).ok_or("a document number overflows")?;
                list.push(Posting(doc, [0; FIELD_COUNT]));
            }
            for posting in &mut list {
                let counts = u16::from(input.byte()?);
                posting.1 = [counts & 3, counts >> 2 & 3, counts >> 4, 0];
            }
            let with_terms = input.size()?;
            let mut at = 0usize;
            for n in 0..with_terms {
                let gap: usize = input.number()?;
                at = at.checked_add(gap).filter(|&i| i < list.len() && (n == 0 || gap > 0)).ok_or("a search-terms count points outside its list")?;
                list[at].1[TERMS] = input.small()?;
            }
            postings.push(list);
        }
        let surface = input.sorted_strings()?;
        let mut words = Vec::with_capacity(surface.len());
        for word in surface {
            words.push((word, input.number()?));
        }
        let synonyms = input.list(|input| input.list(|input| input.list(Reader::string)))?;
        let references = input.list(|input| {
            let code = input.string()?;
            let code: ErrorCode = parse_code(&code).filter(|c| **c == code).ok_or("an error reference is not a code")?;
            Ok((code, input.list(Reader::number)?))
        })?;
        if input.at != bytes.len() {
            return Err("bytes after the end of the index");
        }
        let index = SearchIndex { docs, stems, postings, words, average_len, synonyms, references, site, scored: Vec::new(), synonym_forms: Vec::new() }.with_scores();
        index.check()?;
        Ok(index)
    }
}

#[cfg(feature = "indexer")]
struct Writer(Vec<u8>);

#[cfg(feature = "indexer")]
impl Writer {
    fn number(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn string(&mut self, s: &str) {
        self.number(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    /// Sorted strings, each as the bytes it shares with the one before and
    /// the rest.
    fn sorted_strings<'a>(&mut self, strings: impl ExactSizeIterator<Item = &'a str>) {
        self.number(strings.len());
        let mut previous = "";
        for s in strings {
            let shared = s.bytes().zip(previous.bytes()).take_while(|(a, b)| a == b).count();
            // Cut on a character boundary so each suffix is valid UTF-8.
            let shared = (0..=shared).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            self.number(shared);
            self.string(&s[shared..]);
            previous = s;
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn number<T: TryFrom<u64>>(&mut self) -> Result<T, Error> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).ok_or("the index is cut short")?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return T::try_from(value).map_err(|_| "a number is too large");
            }
        }
        Err("a number is too long")
    }

    fn byte(&mut self) -> Result<u8, Error> {
        let byte = *self.bytes.get(self.at).ok_or("the index is cut short")?;
        self.at += 1;
        Ok(byte)
    }

    fn small(&mut self) -> Result<u16, Error> {
        self.number()
    }

    /// A length: never more than the bytes left, so a damaged length cannot
    /// make a reader allocate more than the file itself.
    fn size(&mut self) -> Result<usize, Error> {
        let n: usize = self.number()?;
        if n > self.bytes.len() - self.at {
            return Err("a length runs past the end of the index");
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Error> {
        let len = self.size()?;
        let end = self.at + len;
        let text = std::str::from_utf8(&self.bytes[self.at..end]).map_err(|_| "a string is not UTF-8")?;
        self.at = end;
        Ok(text.to_owned())
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let count = self.size()?;
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            out.push(item(self)?);
        }
        Ok(out)
    }

    fn sorted_strings(&mut self) -> Result<Vec<String>, Error> {
        let mut previous = String::new();
        self.list(|input| {
            let shared = input.size()?;
            let rest = input.string()?;
            let mut s = previous.get(..shared).ok_or("a shared prefix is longer than the word before")?.to_owned();
            s.push_str(&rest);
            previous.clone_from(&s);
            Ok(s)
        })
    }
}

#[cfg(all(test, feature = "indexer"))]
mod tests {
    use super::{checksum, SearchIndex, Writer, HEADER_LEN, MAGIC};

    /// A one-document, one-word index whose search-terms entries are
    /// `terms` (gap, count pairs), written by hand.
    fn with_terms(terms: &[(usize, usize)]) -> Vec<u8> {
        let mut out = Writer(MAGIC.to_vec());
        out.0.resize(HEADER_LEN, 0);
        out.string("");
        (0..4).for_each(|_| out.number(100));
        out.number(1);
        [0, 0, 0, 1, 1, 1, 0].iter().for_each(|n| out.number(*n));
        out.sorted_strings(["word"].into_iter());
        out.number(1);
        out.number(0);
        out.0.push(0b0100_0100);
        out.number(terms.len());
        terms.iter().for_each(|(gap, count)| {
            out.number(*gap);
            out.number(*count);
        });
        out.sorted_strings(["word"].into_iter());
        out.number(0);
        out.number(0);
        out.number(0);
        let sum = checksum(&out.0[HEADER_LEN..]);
        out.0[MAGIC.len()..HEADER_LEN].copy_from_slice(&sum.to_le_bytes());
        out.0
    }

    #[test]
    fn search_terms_counts_read_back_and_must_point_into_their_list() {
        let index = SearchIndex::from_bytes(&with_terms(&[(0, 2)])).unwrap();
        assert_eq!(index.postings[0][0].1, [0, 1, 4, 2]);
        assert_eq!(SearchIndex::from_bytes(&with_terms(&[])).unwrap().postings[0][0].1, [0, 1, 4, 0]);
        assert_eq!(SearchIndex::from_bytes(&with_terms(&[(1, 2)])).unwrap_err(), "a search-terms count points outside its list");
        // Twice the same posting: a gap of 0 after the first.
        assert_eq!(SearchIndex::from_bytes(&with_terms(&[(0, 2), (0, 1)])).unwrap_err(), "a search-terms count points outside its list");
        // More entries than the list has postings: a length the bytes cannot hold is refused first.
        assert!(SearchIndex::from_bytes(&with_terms(&[(0, 1); 3])).is_err());
    }
}
