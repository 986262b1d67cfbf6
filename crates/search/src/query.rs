//! Answers a query from the index, on every keystroke: BM25F over three
//! fields, each query word matched by its stem, a synonym, as a prefix (the
//! last word only) or within a typo budget, in that order of strength.

use help_core::error_code::{parse_code, ErrorCode};

use super::index::{Posting, Scored, SearchIndex, FIELD_COUNT, TERMS};
use super::text::{self, distance_chars, stem, typo_budget, words};

/// Field weights and length normalisation (BM25F's b) for the article
/// title, the heading and the body.
const FIELD_WEIGHTS: [f32; FIELD_COUNT] = [1.5, 3.0, 1.0, 3.0];
const FIELD_LENGTH_NORMALISATION: [f32; FIELD_COUNT] = [0.3, 0.5, 0.75, 0.0];
const K1: f32 = 1.2;
const REFERENCE_STEP: f32 = 1000.0;
const REFERENCE_PLACES: usize = 100;
const HEADING: usize = 1;
/// A section whose heading holds the query's words answers it: it ranks
/// above sections whose bodies only mention them.
const HEADING_BOOST: f32 = 1.0;
/// Whether a section's search terms answer a query as its heading does
/// (no: they are many, and would outrank the heading that says it).
const TERMS_AS_HEADING: bool = false;

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
    "a", "am", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "me", "my", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your",
    // How a question or complaint is put, not what it is about.
    "im", "ive", "its", "says", "said", "say", "let", "lets", "keeps", "please", "just", "still", "would", "could", "should",
    // How much, not what.
    "too", "much", "very", "really", "so",
];

/// Words a synonym phrase never gives another query word: in most
/// sections, they would find anything ("timed out" must not make "old"
/// find "locked out").
const NEVER_GIVEN: &[&str] = &["not", "no", "never", "out", "up", "off", "too", "again", "over", "back", "away", "all", "any"];

/// Negations as people type them, often without the apostrophe (`cant`,
/// `doesnt`): read as the negation they are, never "corrected" into another
/// word ("can", "does"), and counted like stop words; `cant` and `cannot`
/// find each other.
const NEGATIONS: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent", "isnt", "mustnt", "neednt", "shouldnt", "wasnt", "werent", "wont", "wouldnt",
];

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word)
}

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word) || is_negation(word)
}

/// The form phrases are compared in: `cannot` and `cant` are one negation.
fn canonical(word: &str) -> String {
    match word {
        "cannot" => "cant".to_owned(),
        _ => stem(word),
    }
}

/// Bounds that keep any query, however long or strange, cheap.
pub const MAX_QUERY_CHARS: usize = 256;
const MAX_QUERY_WORDS: usize = 12;
const MAX_PREFIX_EXPANSIONS: usize = 64;

/// A ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

/// What a query found: the hits, best first, and the stems that matched
/// (for highlighting), and any correction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub matched: Vec<String>,
    /// How many sections matched in all (`hits` holds at most the limit).
    pub found: usize,
    /// The query as it was read when a word matched only as a misspelling
    /// of another ("pasky" → "passkey"), for "Showing results for".
    pub corrected: Option<String>,
}

impl SearchIndex {
    fn stem_index(&self, stem: &str) -> Option<usize> {
        self.stems.binary_search_by(|s| s.as_str().cmp(stem)).ok()
    }

    fn idf(&self, stem: usize) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.postings[stem].len() as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Fills in [`SearchIndex::scored`]; every constructor ends with this.
    /// Postings must point at documents ([`SearchIndex::check`]).
    pub(super) fn with_scores(mut self) -> Self {
        // Per document and field: the field's weight over its length normalisation.
        let factors: Vec<[f32; FIELD_COUNT]> = self
            .docs
            .iter()
            .map(|doc| {
                std::array::from_fn(|f| {
                    let norm = 1.0 - FIELD_LENGTH_NORMALISATION[f]
                        + FIELD_LENGTH_NORMALISATION[f] * f32::from(doc.len[f]) * 100.0 / (self.average_len[f].max(100) as f32);
                    FIELD_WEIGHTS[f] / norm
                })
            })
            .collect();
        let bm25f = |posting: &Posting| {
            let weighted: f32 = factors.get(posting.0 as usize).map_or(0.0, |factors| (0..FIELD_COUNT).map(|f| f32::from(posting.1[f]) * factors[f]).sum());
            Scored { doc: posting.0, weight: weighted * (K1 + 1.0) / (K1 + weighted), in_heading: posting.1[HEADING] > 0 || TERMS_AS_HEADING && posting.1[TERMS] > 0 }
        };
        self.scored = self.postings.iter().map(|list| list.iter().map(bm25f).collect()).collect();
        self.synonym_forms = self.synonyms.iter().map(|group| group.iter().map(|phrase| phrase.iter().map(|w| canonical(w)).collect()).collect()).collect();
        self
    }

    /// The stems a query word may stand for, with how strongly each counts,
    /// and, when only misspellings matched, the words it may have meant.
    /// `known` is the word's own stem in the index, if it has one.
    fn alternatives(&self, word: &str, known: Option<usize>, as_prefix: bool, synonyms: &[String], tolerant: bool) -> (Vec<(usize, f32)>, Vec<Candidate<'_>>) {
        let mut found: Vec<(usize, f32)> = Vec::new();
        let add = |found: &mut Vec<(usize, f32)>, stem: usize, quality: f32| match found.iter_mut().find(|(s, _)| *s == stem) {
            Some(entry) => entry.1 = entry.1.max(quality),
            None => found.push((stem, quality)),
        };
        if let Some(s) = known {
            add(&mut found, s, EXACT);
        }
        for synonym in synonyms {
            if let Some(s) = self.stem_index(&stem(synonym)) {
                add(&mut found, s, SYNONYM);
            }
        }
        // One or two letters typed last are not yet a word: as a prefix they
        // would match (and mark) nearly everything ("in" → "include").
        if as_prefix && word.chars().count() >= 3 {
            let start = self.words.partition_point(|(w, _)| w.as_str() < word);
            for (w, s) in self.words[start..].iter().take_while(|(w, _)| w.starts_with(word)).take(MAX_PREFIX_EXPANSIONS) {
                add(&mut found, *s as usize, if w == word { EXACT } else { PREFIX });
            }
        }
        // A word the content itself uses is what the person meant: it is not
        // a misspelling of some other word ("passport" is not "password").
        // Nor is a number or a code: a digit typed differently is another
        // number, and another code's guidance would be wrong.
        if known.is_some() || !tolerant || word.bytes().any(|b| b.is_ascii_digit()) {
            return (found, Vec::new());
        }
        let exact = !found.is_empty();
        let typed: Vec<char> = word.chars().collect();
        let ascii = word.is_ascii();
        // The usual budget, then, when nothing at all matched a word of five
        // letters or more, two edits: a near miss beats no answer.
        let mut budgets = vec![typo_budget(word)];
        if !exact && typed.len() >= 5 && budgets[0] < 2 {
            budgets.push(2);
        }
        let mut candidates: Vec<Candidate<'_>> = Vec::new();
        for budget in budgets {
            if budget == 0 || !found.is_empty() && budget > typo_budget(word) {
                continue;
            }
            let (mut candidate, mut rows) = (Vec::new(), Vec::new());
            for (w, s) in &self.words {
                // Words too long or short to be within reach are skipped
                // before decoding: exactly for ASCII words (most of them),
                // loosely for others (a character is at most 4 bytes).
                let slack = if ascii && w.is_ascii() { budget } else { 4 * budget };
                if w.len() + slack < word.len() || word.len() + slack < w.len() {
                    continue;
                }
                candidate.clear();
                candidate.extend(w.chars());
                if let Some(d) = distance_chars(&typed, &candidate, budget, &mut rows) {
                    if d > 0 {
                        // Two edits reach many words ("pasky" is as far from
                        // "pass" as from "passkey"): the one sharing more of
                        // the typed letter pairs is the likelier meaning.
                        let likeness = bigram_likeness(&typed, &candidate);
                        add(&mut found, *s as usize, if d == 1 { ONE_TYPO } else { TWO_TYPOS * likeness });
                        candidates.push(Candidate { stem: *s as usize, distance: d, likeness, word: w });
                    }
                }
            }
        }
        if exact {
            candidates.clear();
        }
        (found, candidates)
    }

    /// What synonym groups add at each query word position: for each
    /// phrase of a group the query holds (compared by stem, `cannot` as
    /// `cant`), each other phrase's words that it lacks, given to its own
    /// words that the other phrase lacks ("link is old" and "expired link":
    /// `old` may be `expired`, `link` is itself). Stop words are never
    /// given (they would match every section); a stop word the phrase turns
    /// into words that count ("cant get in" and "cannot log in": `get` is
    /// `log`) is marked, to stand for those words alone. Several words given
    /// at once are a phrase, found only where all of them are ("new
    /// address" may be "moved house", not "moved" alone).
    fn synonyms_for(&self, query: &[String]) -> Synonyms {
        let mut out: Vec<Vec<String>> = vec![Vec::new(); query.len()];
        let mut phrases: Vec<Vec<Vec<String>>> = vec![Vec::new(); query.len()];
        let mut replaced = vec![false; query.len()];
        if self.synonyms.is_empty() {
            return (out, phrases, replaced);
        }
        let canon: Vec<String> = query.iter().map(|w| canonical(w)).collect();
        let useful = |w: &String| !is_stop_word(w) && !NEVER_GIVEN.contains(&w.as_str());
        for (group, canons) in self.synonyms.iter().zip(&self.synonym_forms) {
            for (p, phrase) in canons.iter().enumerate() {
                if phrase.is_empty() || phrase.len() > query.len() || !canon.contains(&phrase[0]) {
                    continue;
                }
                for start in 0..=query.len() - phrase.len() {
                    if canon[start..start + phrase.len()] != phrase[..] {
                        continue;
                    }
                    for (q, other) in canons.iter().enumerate().filter(|(q, _)| *q != p) {
                        let given: Vec<&String> = group[q].iter().zip(other).filter(|(w, c)| useful(w) && !phrase.contains(c)).map(|(w, _)| w).collect();
                        if given.is_empty() {
                            continue;
                        }
                        let own: Vec<usize> = (start..start + phrase.len()).filter(|&i| !other.contains(&canon[i])).collect();
                        let content: Vec<usize> = own.iter().copied().filter(|&i| !is_stop_word(&query[i])).collect();
                        let targets = if content.is_empty() { own } else { content };
                        for &i in &targets {
                            replaced[i] |= is_stop_word(&query[i]);
                            if let [word] = given[..] {
                                if !out[i].contains(word) {
                                    out[i].push(word.clone());
                                }
                            } else {
                                let given: Vec<String> = given.iter().map(|w| (*w).clone()).collect();
                                if !phrases[i].contains(&given) {
                                    phrases[i].push(given);
                                }
                            }
                        }
                    }
                }
            }
        }
        (out, phrases, replaced)
    }

    /// The documents holding every word of `phrase`, each with the mean
    /// of their scores, and the phrase's weight (its commonest word's):
    /// `None` when the index lacks a word.
    fn phrase_postings(&self, phrase: &[String]) -> Option<(Vec<Scored>, f32, Vec<usize>)> {
        let stems: Vec<usize> = phrase.iter().map(|w| self.stem_index(&stem(w))).collect::<Option<_>>()?;
        let (first, rest) = stems.split_first()?;
        let mut list: Vec<Scored> = self.scored.get(*first)?.clone();
        for &s in rest {
            let other = self.scored.get(s)?;
            let mut j = 0;
            list.retain_mut(|p| {
                while j < other.len() && other[j].doc < p.doc {
                    j += 1;
                }
                let keep = j < other.len() && other[j].doc == p.doc;
                if keep {
                    p.weight += other[j].weight;
                    p.in_heading &= other[j].in_heading;
                }
                keep
            });
        }
        let n = stems.len() as f32;
        list.iter_mut().for_each(|p| p.weight /= n);
        let idf = stems.iter().map(|&s| self.idf(s)).fold(f32::INFINITY, f32::min);
        Some((list, idf, stems))
    }

    /// The known error references among the query's words, each as the
    /// words it spans and its documents: `cid7023`, `cid 7023`, `CID-7023`,
    /// `c i d 7023` or a bare `7023`, read by [`parse_code`] over windows of
    /// up to four words. A bare number next to another number is part of a
    /// longer one (a phone number), and a code the index does not know (a
    /// year) is no code: both stay words.
    fn codes_in_query(&self, terms: &[String]) -> Vec<(std::ops::Range<usize>, &ErrorCode, &[u32])> {
        let all_digits = |w: &String| w.bytes().all(|b| b.is_ascii_digit());
        let mut found: Vec<(std::ops::Range<usize>, &ErrorCode, &[u32])> = Vec::new();
        if self.references.is_empty() {
            return found;
        }
        for end in 0..terms.len() {
            if !terms[end].bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let first = found.last().map_or(0, |(r, _, _)| r.end).max(end.saturating_sub(3));
            for start in first..=end {
                if start == end && all_digits(&terms[end]) && (end > 0 && all_digits(&terms[end - 1]) || terms.get(end + 1).is_some_and(all_digits)) {
                    continue;
                }
                let Some(code) = parse_code(&terms[start..=end].join(" ")) else { continue };
                if let Some((code, places)) = self.references.iter().find(|(c, _)| *c == code) {
                    found.push((start..end + 1, code, places));
                    break;
                }
            }
        }
        found
    }

    /// Ranks documents for `query`, best first, at most `limit`, forgiving
    /// misspellings.
    pub fn search(&self, query: &str, limit: usize) -> Results {
        self.search_with(query, limit, true)
    }

    /// [`Self::search`], or with `tolerant` false only the words as typed
    /// (and their prefixes and synonyms): "search instead for" a correction.
    pub fn search_with(&self, query: &str, limit: usize, tolerant: bool) -> Results {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let terms: Vec<String> = words(&query).take(MAX_QUERY_WORDS).collect();
        // One dense tally per document: cheaper than maps at these sizes, it
        // keeps hashing code out of the wasm, and a document's figures sit
        // together. Only the documents a query reaches (`candidates`, and
        // per word `touched`) are visited after: a pass over every document
        // per word cost more than the postings.
        let mut tally = vec![Tally::default(); self.docs.len()];
        let mut candidates: Vec<u32> = Vec::new();
        let mut matched: Vec<String> = Vec::new();

        // An error reference anywhere in the query: its guidance first, in
        // the reference's order, whatever the words add (they add less than
        // a step: at most 12 words, each a saturated BM25F times its boosts).
        // The other words rank the sections below it.
        let codes = self.codes_in_query(&terms);
        let mut is_code = vec![false; terms.len()];
        let mut rank = 0;
        for (words, code, places) in &codes {
            is_code[words.clone()].iter_mut().for_each(|c| *c = true);
            for &doc in places.iter() {
                if let Some(t) = tally.get_mut(doc as usize) {
                    if !t.seen {
                        t.seen = true;
                        candidates.push(doc);
                    }
                    if t.reference == 0.0 {
                        t.reference = REFERENCE_STEP * (REFERENCE_PLACES - rank.min(REFERENCE_PLACES - 1)) as f32;
                        rank += 1;
                    }
                }
            }
            // Marked where the guidance names it.
            let code = code.anchor();
            if self.stem_index(&code).is_some() && !matched.contains(&code) {
                matched.push(code);
            }
        }

        let ends_in_word = query.chars().last().is_some_and(text::is_word_char);
        let (mut synonyms, synonym_phrases, replaced) = self.synonyms_for(&terms);
        // A word split in two on a phone ("finger print", "pass word"),
        // where the content writes it as one: each half may be the whole.
        for i in 1..terms.len() {
            let (a, b) = (&terms[i - 1], &terms[i]);
            if is_code[i - 1] || is_code[i] || self.stem_index(&stem(a)).is_some() && self.stem_index(&stem(b)).is_some() {
                continue;
            }
            let whole = format!("{a}{b}");
            if self.stem_index(&stem(&whole)).is_some() {
                synonyms[i - 1].push(whole.clone());
                synonyms[i].push(whole);
            }
        }
        let mut total_weight = 0f32;
        // Per misspelt word: the words it may have meant.
        let mut misspelt: Vec<(usize, Vec<Candidate<'_>>)> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        let mut extra: Vec<String> = Vec::new();
        // Whether the query has a word that says what it is about: then a
        // section that only shares its "how do I" is no result, and is not
        // counted in "N results".
        let mut asks_about = false;
        for (i, term) in terms.iter().enumerate() {
            if is_code[i] {
                continue;
            }
            let as_prefix = ends_in_word && i + 1 == terms.len();
            // The word's own stem, if the content has it: looked up once.
            // A stop word a synonym phrase turned into words that count
            // stands for those words alone.
            let known = if replaced[i] { None } else { self.stem_index(&stem(term)) };
            let negation = is_negation(term);
            let synonyms_here: &[String] = if negation {
                extra.clear();
                extra.extend(synonyms[i].iter().cloned());
                match term.as_str() {
                    "cant" => extra.push("cannot".to_owned()),
                    "cannot" => extra.push("cant".to_owned()),
                    _ => {}
                }
                &extra
            } else {
                &synonyms[i]
            };
            // A negation is never a misspelling of another word.
            let (alternatives, typos) = self.alternatives(term, known, as_prefix && !replaced[i], synonyms_here, tolerant && !negation && !replaced[i]);
            if !typos.is_empty() {
                misspelt.push((i, typos));
            }
            let function_word = is_stop_word(term) && !replaced[i];
            let importance = if function_word { STOP_WORD_WEIGHT } else { 1.0 };
            // Only the words a result was found by are marked in its snippet:
            // not every "in" or "can" of a question's form.
            let mut mark = |stem: &String| {
                if !function_word && !matched.contains(stem) {
                    matched.push(stem.clone());
                }
            };
            // Another word standing in for one the content has may not count
            // for more than that word would: a rare synonym must not outrank
            // the word the person typed.
            let own_idf = known.map(|s| self.idf(s));
            let mut weight: f32 = 0.0;
            let phrase_lists: Vec<(Vec<Scored>, f32, Vec<usize>)> = synonym_phrases[i].iter().filter_map(|p| self.phrase_postings(p)).collect();
            let lists = alternatives
                .iter()
                .map(|&(stem, quality)| (self.scored.get(stem).map_or(&[][..], Vec::as_slice), self.idf(stem), quality, std::slice::from_ref(&self.stems[stem])))
                .chain(phrase_lists.iter().map(|(list, idf, _)| (list.as_slice(), *idf, SYNONYM, &[][..])));
            for &stem in phrase_lists.iter().flat_map(|(_, _, stems)| stems) {
                mark(&self.stems[stem]);
            }
            for (list, stem_idf, quality, stems) in lists {
                let idf = match own_idf {
                    Some(own) if quality < EXACT => stem_idf.min(own),
                    _ => stem_idf,
                } * importance;
                weight = weight.max(idf * quality);
                stems.iter().for_each(&mut mark);
                let scale = quality * idf;
                // This loop runs for every posting of every word on each
                // keystroke: one list read in order, one tally looked up.
                for posting in list {
                    if let Some(t) = tally.get_mut(posting.doc as usize) {
                        // A document's first posting for this word (a valid
                        // index has no posting of weight 0).
                        if t.best == 0.0 {
                            touched.push(posting.doc);
                        }
                        let score = scale * posting.weight;
                        // Not `f32::max`: at the app's size optimisation it is a call.
                        if score > t.best {
                            t.best = score;
                        }
                        t.in_heading |= posting.in_heading;
                    }
                }
            }
            // Documents that match more of the query, weighted by how telling
            // each word is, rank above those that match one word many times.
            for &doc in &touched {
                if let Some(t) = tally.get_mut(doc as usize) {
                    if t.best > 0.0 {
                        t.sum += t.best;
                        t.covered += weight;
                        t.about |= !function_word;
                    }
                    if t.in_heading {
                        t.heading_covered += weight;
                    }
                    (t.best, t.in_heading) = (0.0, false);
                    if !t.seen {
                        t.seen = true;
                        candidates.push(doc);
                    }
                }
            }
            touched.clear();
            total_weight += weight;
            asks_about |= !function_word;
        }
        // Each candidate's final score, and the best `limit` of them, in
        // order, kept as they are found: cheaper than sorting every match,
        // and smaller in the wasm than a selection. Ties keep document
        // order: the order includes it.
        let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc));
        let mut hits: Vec<Hit> = Vec::with_capacity(limit.min(candidates.len()) + 1);
        let mut found = 0;
        for &doc in &candidates {
            let Some(t) = tally.get(doc as usize) else { continue };
            let mut score = t.reference;
            if total_weight > 0.0 {
                let coverage = t.covered / total_weight;
                let in_heading = t.heading_covered / total_weight;
                score += t.sum * coverage * coverage * (1.0 + HEADING_BOOST * in_heading * in_heading);
            }
            if asks_about && !t.about && t.reference == 0.0 {
                continue;
            }
            let hit = Hit { doc, score };
            found += usize::from(score > 0.0);
            if score > 0.0 && hits.len() < limit || hits.last().is_some_and(|last| score > 0.0 && order(&hit, last).is_lt()) {
                let at = hits.partition_point(|h| order(h, &hit).is_lt());
                hits.insert(at, hit);
                hits.truncate(limit);
            }
        }
        // "Showing results for": each misspelt word as the word the first
        // result was found with. Every candidate counted, so the first result
        // is the section that, with the other words, best fits one of them;
        // it is named here. A word the first result holds none of is shown
        // as typed.
        let mut corrected: Option<Vec<String>> = None;
        if let Some(first) = hits.first() {
            for (i, typos) in &misspelt {
                let holds = |c: &&Candidate<'_>| self.postings.get(c.stem).is_some_and(|list| list.binary_search_by_key(&first.doc, |p| p.0).is_ok());
                let best = typos.iter().filter(holds).min_by(|a, b| a.distance.cmp(&b.distance).then(b.likeness.total_cmp(&a.likeness)));
                if let Some(word) = best {
                    corrected.get_or_insert_with(|| terms.clone())[*i] = word.word.to_owned();
                }
            }
        }
        Results { hits, matched, found, corrected: corrected.map(|words| words.join(" ")) }
    }
}

/// Per query word: the single words and the phrases synonyms give it, and
/// whether it is a stop word that stands for them alone.
type Synonyms = (Vec<Vec<String>>, Vec<Vec<Vec<String>>>, Vec<bool>);

/// A word of the content a misspelt query word may have meant.
#[derive(Debug, Clone, Copy)]
struct Candidate<'a> {
    stem: usize,
    distance: usize,
    likeness: f32,
    word: &'a str,
}

/// What a query has found of one document so far.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// The reference's step, if the query is a reference that names it.
    reference: f32,
    /// The sum of the best match of each query word.
    sum: f32,
    /// The weights of the query words it matches, in any field...
    covered: f32,
    /// ...and in its heading.
    heading_covered: f32,
    /// The current word's best match, and whether it is in the heading.
    best: f32,
    in_heading: bool,
    /// Whether it is among the candidates yet.
    seen: bool,
    /// Whether it matches a word that is not a function word.
    about: bool,
}

/// The share of the typed word's letter pairs that `candidate` also has:
/// 1 when it holds every pair typed, 0 when none.
fn bigram_likeness(typed: &[char], candidate: &[char]) -> f32 {
    if typed.len() < 2 {
        return 0.0;
    }
    let shared = typed.windows(2).filter(|pair| candidate.windows(2).any(|other| other == *pair)).count();
    shared as f32 / (typed.len() - 1) as f32
}

/// What a person would notice, on a small index (building one needs the
/// `indexer` feature: `cargo test --workspace` has it, through the
/// compiler, as does `cargo test -p help-search --features indexer`).
#[cfg(all(test, feature = "indexer"))]
mod tests {
    use help_core::error_code::parse_code;

    use crate::{parse_synonyms, Doc, SearchIndex};

    /// A small help centre: (heading, body) per section, one article.
    const SECTIONS: &[(&str, &str)] = &[
        ("I cannot log in", "If you cannot log in, check your email address and password. You can reset your password."),
        ("CID1201: Your password reset link has expired", "The link to reset your password has expired. Ask for a new link."),
        ("Change your phone number", "You can change your mobile phone number in your account settings."),
        ("I have not received a security code", "Codes can take a few minutes. Check your phone signal."),
        ("Can I use a passkey?", "A passkey lets you log in with your fingerprint or face."),
        ("Delete your account", "You can delete your NHS login. We keep some information for 8 years."),
    ];

    /// An index of one article, `title`, with these (heading, body) sections.
    fn index_of(title: &str, sections: &[(&str, &str)], synonyms: &str) -> SearchIndex {
        let docs = (0..sections.len()).map(|i| Doc { page: 0, section: i as u32, details: None, len: Default::default() }).collect();
        let fields = sections.iter().map(|(h, b)| [title.to_owned(), (*h).to_owned(), (*b).to_owned()]).collect();
        SearchIndex::from_documents(docs, fields, parse_synonyms(synonyms))
    }

    fn index() -> SearchIndex {
        let mut index = index_of("Help", SECTIONS, "expired link, link is old\ncant get in, cannot log in\nnot received, never came\n");
        index.references = vec![(parse_code("CID1201").unwrap(), vec![1])];
        index
    }

    fn first(index: &SearchIndex, query: &str) -> usize {
        index.search(query, 5).hits.first().map_or(usize::MAX, |h| h.doc as usize)
    }

    #[test]
    fn negations_typed_without_apostrophes_are_never_corrected() {
        let index = index();
        for query in ["cant log in", "i cant log in", "code doesnt work", "didnt get code", "email wont come", "isnt working", "i havent got a code"] {
            assert_eq!(index.search(query, 5).corrected, None, "{query}");
        }
        assert_eq!(first(&index, "cant log in"), 0);
        assert_eq!(first(&index, "i cant log in"), 0);
    }

    #[test]
    fn a_code_anywhere_in_the_query_puts_its_guidance_first() {
        let index = index();
        for query in ["screen says 1201 what do i do", "i have error cid1201 on my phone", "it says CID-1201", "cid 1201 phone number", "C I D 1201", "passkey 1201"] {
            assert_eq!(first(&index, query), 1, "{query}");
        }
        // The rest of the query ranks the sections below it.
        let hits = index.search("cid1201 change phone number", 3).hits;
        assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>()[..2], [1, 2]);
    }

    #[test]
    fn numbers_that_are_not_known_codes_change_nothing() {
        let index = index();
        let plain = index.search("change phone number", 5);
        for query in ["change phone number 2024", "2024 change phone number", "change phone number cid2024", "change phone number 0300 123 1201"] {
            let with = index.search(query, 5);
            assert_eq!(with.hits, plain.hits, "{query}");
            assert_eq!(with.corrected, None, "{query}");
        }
    }

    #[test]
    fn phrase_synonyms_match_and_negations_read_as_the_same() {
        let index = index();
        assert_eq!(first(&index, "my link is old"), 1);
        assert_eq!(first(&index, "cant get in"), 0);
        assert_eq!(first(&index, "can't get in"), 0);
        assert_eq!(first(&index, "security code never came"), 3);
    }

    #[test]
    fn sections_sharing_only_the_way_a_question_is_put_are_not_results() {
        let index = index();
        let results = index.search("how can i delete my account", 10);
        let mut docs: Vec<u32> = results.hits.iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        assert_eq!(docs, [2, 5], "{results:?}");
        assert_eq!(results.found, 2);
        // Nothing in the content is what the query is about: no results,
        // not every section with a "can" in it.
        assert_eq!(index.search("how can i xylophone", 10).found, 0);
        // A query of function words alone still finds what holds them.
        assert!(index.search("can i", 10).found > 0);
    }

    #[test]
    fn a_word_split_in_two_is_read_as_the_content_writes_it() {
        let index = index();
        assert_eq!(first(&index, "finger print"), 4);
        assert_eq!(first(&index, "log in with my finger print"), 4);
        assert_eq!(first(&index, "pass key"), 4);
        // Not a correction: nothing was misspelt.
        assert_eq!(index.search("finger print", 5).corrected, None);
    }

    #[test]
    fn how_much_is_not_what() {
        // "too" and "much" say how, not what: a heading that shares only
        // them does not outrank a section about what was asked.
        let index = index_of("Video", &[("My video is too dark", "Record in a quiet room."), ("Recording a video", "Avoid strong light behind you.")], "");
        assert_eq!(first(&index, "too much light"), 1);
        assert_eq!(first(&index, "video too dark"), 0);
    }

    #[test]
    fn a_correction_names_what_the_first_result_holds() {
        let index = index();
        let results = index.search("pasword reset", 5);
        assert_eq!(results.corrected.as_deref(), Some("password reset"));
        let first = &SECTIONS[results.hits[0].doc as usize];
        assert!(format!("{} {}", first.0, first.1).to_lowercase().contains("password"));
        // Searching for exactly what was typed forgives nothing.
        let exact = index.search_with("pasword reset", 5, false);
        assert_eq!(exact.corrected, None);
        assert!(exact.hits.iter().all(|h| h.doc == 1 || h.doc == 0), "{exact:?}");
    }
}
