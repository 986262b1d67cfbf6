//! The search engine on the real content: what a person typing would notice.

use std::path::Path;
use std::time::{Duration, Instant};

use help_compiler::{compile_dir, search_index, Settings};
use help_search::{snippet, SearchIndex};
use help_core::Site;

fn real() -> (Site, SearchIndex) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let compiled = compile_dir(&content, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let index = search_index(&compiled.site, &content);
    (compiled.site, index)
}

/// The top `n` results as "file#section" or "file#details".
fn top(site: &Site, index: &SearchIndex, query: &str, n: usize) -> Vec<String> {
    index
        .search(query, n)
        .hits
        .iter()
        .map(|h| {
            let found = help_search::locate(&site.pages, &index.docs[h.doc as usize]).expect("a document of this model");
            format!("{}#{}", found.page.file, found.anchor())
        })
        .collect()
}

#[test]
fn every_section_and_details_block_is_a_document() {
    let (site, index) = real();
    let sections: usize = site.pages.iter().map(|p| p.sections.len()).sum();
    let details = index.docs.iter().filter(|d| d.details.is_some()).count();
    assert_eq!(index.docs.len(), sections + details);
    assert_eq!(details, 7);
}

#[test]
fn typos_still_find_the_guidance() {
    let (site, index) = real();
    let cases = [
        ("pasword", "error-messages-support.html#forgotten-your-password"),
        ("landlne", "manage-landline-number.html#how-to-add-a-landline-number"),
        ("secruity code", "error-messages-support.html#i-have-not-received-an-email-with-a-security-code"),
        ("outlok", "error-messages-support.html#if-you-are-using-outlook-hotmail-or-live"),
    ];
    for (query, expected) in cases {
        let found = top(&site, &index, query, 3);
        assert!(found.iter().any(|f| f == expected), "{query}: {found:#?}");
    }
}

#[test]
fn synonyms_from_the_content_list_apply() {
    let (site, index) = real();
    for query in ["2 step verification", "2fa", "two factor"] {
        let found = top(&site, &index, query, 5);
        assert!(found.iter().any(|f| f.ends_with("#how-to-set-up-an-nhs-login") || f.ends_with("#how-to-add-a-landline-number")), "{query}: {found:#?}");
    }
}

#[test]
fn the_last_word_is_a_prefix() {
    let (site, index) = real();
    assert!(top(&site, &index, "landl", 3).iter().all(|f| f.starts_with("manage-landline-number.html")));
    assert!(top(&site, &index, "gmai", 1)[0].ends_with("#if-you-are-using-gmail-google-mail"));
    // A finished word (followed by a space) is not a prefix.
    assert!(top(&site, &index, "hotm", 1)[0].ends_with("#if-you-are-using-outlook-hotmail-or-live"));
    assert!(index.search("hotm ", 5).hits.is_empty());
}

#[test]
fn an_error_reference_comes_first_however_written() {
    let (site, index) = real();
    for (query, expected) in [
        ("CID7023", "error-messages-support.html#cid7023"),
        ("cid 3009", "manage-landline-number.html#cid3009"),
        ("3009", "manage-landline-number.html#cid3009"),
        ("CID1111", "error-messages-support.html#there-is-already-an-account-linked-to-my-details"),
        ("cid3002", "error-messages-support.html#cid3002"),
    ] {
        assert_eq!(top(&site, &index, query, 1), [expected], "{query}");
    }
    // The other places that name the code follow.
    assert_eq!(top(&site, &index, "CID3002", 2)[1], "manage-phone-number.html#cid3002");
}

#[test]
fn partner_articles_are_searchable_by_everyone() {
    let (site, index) = real();
    assert_eq!(top(&site, &index, "account locked", 1), ["patientcentre-cannot-log-in.html#my-account-is-locked"]);
}

#[test]
fn strange_queries_return_quickly_and_never_panic() {
    let (_, index) = real();
    let long = "password ".repeat(1_200);
    let noise: String = (0..10_000).map(|i| char::from_u32(0x20 + (i * 7919) % 0x2000).unwrap_or(' ')).collect();
    let queries = [long.as_str(), noise.as_str(), "", "   ", "!!!???", "😀😀😀", "<script>alert(1)</script>", "\u{0}", "ａｂｃ", "CID", "x"];
    for query in queries {
        let start = Instant::now();
        let results = index.search(query, 10);
        assert!(start.elapsed() < Duration::from_millis(200), "{:?}… took {:?}", &query.chars().take(20).collect::<String>(), start.elapsed());
        assert!(results.hits.len() <= 10);
    }
    assert!(index.search("!!!???", 10).hits.is_empty());
}

#[test]
fn snippets_mark_the_matched_words() {
    let (site, index) = real();
    let results = index.search("reset password", 1);
    let doc = &index.docs[results.hits[0].doc as usize];
    let text = help_search::doc_text(&site.pages, doc);
    let pieces = snippet(&text, &results.matched, 24);
    let marked: Vec<&str> = pieces.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
    assert!(marked.iter().any(|m| m.to_lowercase().starts_with("password")), "{pieces:?}");
    assert!(marked.iter().any(|m| m.to_lowercase().starts_with("reset")), "{pieces:?}");
    assert!(marked.iter().all(|m| m.chars().all(char::is_alphanumeric)), "marks hold words only: {marked:?}");
    let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
    assert!(joined.split_whitespace().count() <= 26, "{joined}");
}

#[test]
fn the_index_loads_from_bytes() {
    let (_, index) = real();
    let loaded = SearchIndex::from_bytes(&index.to_bytes()).unwrap();
    assert_eq!(loaded.search("landline", 3), index.search("landline", 3));
}

/// `site` as bundled: without the fields only the compiler uses.
fn bundled(site: &help_core::Site) -> help_core::Site {
    let mut site = site.clone();
    site.help_centre_url.clear();
    for page in &mut site.pages {
        (page.site_path, page.position) = (String::new(), 0);
        page.sections.iter_mut().for_each(|s| s.references.clear());
    }
    for reference in &mut site.references {
        for place in std::iter::once(&mut reference.place).chain(&mut reference.also) {
            place.naming = Default::default();
        }
    }
    site
}

#[test]
fn the_browser_reads_the_bundles_exactly_as_the_compiler_wrote_them() {
    // The app reads with help_core::bundle (no serde); the compiler writes
    // with serde. Everything written must read back the same.
    for dir in [Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"), Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")] {
        let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string(&compiled.site).unwrap();
        assert_eq!(help_core::bundle::site_from_json(&json).unwrap(), bundled(&compiled.site), "{}", dir.display());
        assert_eq!(serde_json::from_str::<help_core::Site>(&json).unwrap(), bundled(&compiled.site), "{}", dir.display());
        let index = search_index(&compiled.site, &dir);
        assert_eq!(SearchIndex::from_bytes(&index.to_bytes()).unwrap(), index, "{}", dir.display());
    }
}

#[test]
fn the_outline_with_every_body_is_the_whole_model_and_each_part_reads_alone() {
    use help_core::bundle::{bodies_from_json, site_from_json};
    for dir in ["../../content", "tests/fixtures/good", "../../tests/fixtures/help-centre"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let site = bundled(&compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}")).site);
        let shipped = help_compiler::Shipped::of(&site);
        let outline = site_from_json(&shipped.outline).unwrap();
        // Without any body an address still resolves to every section and
        // details block, so the app can route before the text arrives.
        for (page, bare) in site.pages.iter().zip(&outline.pages) {
            assert_eq!(page.anchors(), bare.anchors(), "{}", page.file);
            assert!(bare.sections.iter().all(|s| s.blocks.iter().all(|b| matches!(b, help_core::Block::Details { blocks, .. } if blocks.is_empty()))), "{}", page.file);
        }
        assert_eq!(outline.clone().with_bodies(bodies_from_json(&shipped.bodies_of(0..site.pages.len())).unwrap().pages).unwrap(), site, "{}", dir.display());
        // One page's body completes that page and no other.
        let one = bodies_from_json(&shipped.bodies_of([1])).unwrap();
        assert_eq!(one.site, shipped.version);
        let partly = outline.clone().with_bodies(one.pages.clone()).unwrap();
        assert_eq!(partly.pages[1], site.pages[1], "{}", dir.display());
        assert_eq!(partly.pages[0], outline.pages[0], "{}", dir.display());
        assert!(shipped.bodies.iter().all(|b| !b.contains('<')), "a body can stand inside <script>");
        // Bodies that do not fit (another build's) change nothing.
        let mut wrong = one.pages.clone();
        wrong[0].sections.push(Vec::new());
        assert!(outline.clone().with_bodies(wrong.clone()).is_err());
        wrong[0].page = site.pages.len();
        assert!(outline.clone().with_bodies(wrong).is_err());
    }
}

/// The help centre's other articles (the fixture corpus), which the ranking
/// was not written against.
fn help_centre() -> (Site, SearchIndex) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/help-centre");
    let compiled = compile_dir(&content, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let index = search_index(&compiled.site, &content);
    (compiled.site, index)
}

#[test]
fn a_word_two_edits_from_the_only_close_term_still_finds_it_and_says_so() {
    let (site, index) = help_centre();
    // Five letters allow one typo; "pasky" is two from "passkey".
    let results = index.search("pasky", 5);
    assert_eq!(results.corrected.as_deref(), Some("passkey"));
    let found = top(&site, &index, "pasky", 3);
    assert!(found.iter().all(|f| f.starts_with("passkeys.html")), "{found:#?}");
    // The rest of the query is kept as typed.
    assert_eq!(index.search("how do i remove a pasky", 5).corrected.as_deref(), Some("how do i remove a passkey"));
    // One typo is corrected too; a word the content has, or a word being typed, is not.
    assert_eq!(index.search("pasword", 5).corrected.as_deref(), Some("password"));
    for query in ["passkey", "passport", "passk", "what is a passkey"] {
        assert_eq!(index.search(query, 5).corrected, None, "{query}");
    }
    // Searching for exactly what was typed: no misspelling is forgiven.
    assert!(index.search_with("pasky", 5, false).hits.is_empty());
    assert_eq!(index.search_with("passk", 5, false).hits.len(), 5);
    // Four letters or fewer never get two edits: "pkey" would reach too far.
    assert!(index.search("xqzv", 5).hits.is_empty());
}

#[test]
fn closer_spellings_rank_above_two_edit_matches() {
    let (site, index) = help_centre();
    // "pasword" is one edit from "password": the password article leads.
    let found = top(&site, &index, "pasword", 3);
    assert!(found.iter().all(|f| f.starts_with("passwords.html")), "{found:#?}");
}

#[test]
fn a_word_the_content_uses_is_not_read_as_a_misspelling() {
    let (site, index) = real();
    // "passport" is two edits from "password", but it is a word of its own.
    let found = top(&site, &index, "passport", 5);
    assert!(found.iter().all(|f| !f.contains("password")), "{found:#?}");
}

#[test]
fn a_heading_holding_every_word_beats_bodies_that_mention_them() {
    let (site, index) = help_centre();
    for (query, words) in [("new phone", &["new", "phone"][..]), ("delete my nhs login", &["delete", "nhs", "login"]), ("photo id accepted", &["photo", "id", "accept"])] {
        let results = index.search(query, 1);
        let heading = help_search::locate(&site.pages, &index.docs[results.hits[0].doc as usize]).unwrap().heading().to_lowercase();
        assert!(words.iter().all(|w| heading.contains(w)), "{query}: {heading}");
    }
}

/// `from_bytes` on `bytes` with each set of bit positions in `flips`
/// flipped; the sets that were read anyway. On every core: the single-bit
/// flips alone are hundreds of thousands of reads.
fn read_despite(bytes: &[u8], flips: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = flips.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = flips
            .chunks(chunk)
            .map(|sets| {
                scope.spawn(move || {
                    let mut copy = bytes.to_vec();
                    let flip = |copy: &mut Vec<u8>, set: &[usize]| set.iter().for_each(|&bit| copy[bit / 8] ^= 1 << (bit % 8));
                    let mut read = Vec::new();
                    for set in sets {
                        flip(&mut copy, set);
                        if SearchIndex::from_bytes(&copy).is_ok() {
                            read.push(set.clone());
                        }
                        flip(&mut copy, set);
                    }
                    read
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    })
}

#[test]
fn a_damaged_index_is_refused() {
    let (_, index) = real();
    let bytes = index.to_bytes();
    assert_eq!(SearchIndex::from_bytes(&bytes).as_ref(), Ok(&index), "an intact index reads");
    let bits = bytes.len() * 8;
    // Every single bit, header included.
    let singles: Vec<Vec<usize>> = (0..bits).map(|bit| vec![bit]).collect();
    let read = read_despite(&bytes, &singles);
    assert!(read.is_empty(), "{} of {bits} single-bit flips read anyway, such as {:?}", read.len(), &read[..read.len().min(5)]);
    // Eight bits: each whole byte inverted, eight in a row across a byte
    // boundary, and 2,000 sets scattered over the file (a fixed xorshift).
    let mut eights: Vec<Vec<usize>> = (0..bytes.len()).map(|at| (at * 8..at * 8 + 8).collect()).collect();
    eights.extend((0..bits - 8).step_by(97).map(|at| (at + 4..at + 12).filter(|&b| b < bits).collect()));
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize % bits
    };
    for _ in 0..2_000 {
        let mut set: Vec<usize> = Vec::new();
        while set.len() < 8 {
            let bit = next();
            if !set.contains(&bit) {
                set.push(bit);
            }
        }
        eights.push(set);
    }
    let read = read_despite(&bytes, &eights);
    assert!(read.is_empty(), "{} of {} eight-bit flips read anyway, such as {:?}", read.len(), eights.len(), &read[..read.len().min(5)]);
}

#[test]
fn a_code_in_a_sentence_puts_its_guidance_first() {
    let (site, index) = help_centre();
    assert_eq!(top(&site, &index, "screen says 1201 what do i do", 1), ["passwords.html#cid1201"]);
    assert_eq!(top(&site, &index, "i got error CID-1452 while abroad", 1), ["security-codes.html#i-am-abroad-and-cannot-get-my-security-code"]);
    // A number the index does not know as a code is no code.
    assert_eq!(top(&site, &index, "new phone 2024", 3), top(&site, &index, "new phone", 3));
    // An unknown code is not "corrected" into another code's guidance.
    assert_eq!(index.search("i have error cid1111", 5).corrected, None);
}

#[test]
fn negations_without_apostrophes_are_read_as_negations() {
    let (_, index) = real();
    for (query, negation) in [("cant log in", "cant"), ("code doesnt work", "doesnt"), ("didnt get code", "didnt"), ("email wont come", "wont"), ("isnt working", "isnt")] {
        let corrected = index.search(query, 5).corrected;
        assert!(corrected.as_deref().is_none_or(|c| c.split(' ').any(|w| w == negation)), "{query}: {corrected:?}");
    }
    assert_eq!(index.search("cant log in", 5).corrected, None);
}

#[test]
fn how_people_ask_finds_what_the_content_calls_it() {
    let (site, index) = real();
    // Phrase synonyms: "link is old" is "expired link".
    assert!(top(&site, &index, "it says my link is old", 3).iter().all(|f| f.ends_with("cid3002") || f.ends_with("cid3009")), "{:#?}", top(&site, &index, "it says my link is old", 3));
    // Search terms: words only an article's front matter holds.
    assert_eq!(top(&site, &index, "house phone", 1)[0].split('#').next(), Some("manage-landline-number.html"));
}

#[test]
fn search_terms_survive_the_index_file_and_a_damaged_count_is_refused() {
    let (_, index) = help_centre();
    // The fixture's sections carry search terms: a field of their own.
    let with_terms = index.postings.iter().flatten().filter(|p| p.1[3] > 0).count();
    assert!(with_terms > 100, "{with_terms}");
    let bytes = index.to_bytes();
    assert_eq!(&bytes[..5], b"NHSI\x03");
    assert_eq!(SearchIndex::from_bytes(&bytes).as_ref(), Ok(&index));
    // (A count pointing past its list is refused: see packed.rs's tests.)
}
