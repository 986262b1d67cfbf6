//! Property tests (proptest) over hostile and random input, on the real
//! content: the URL contract, error-code reading and search in the core, and
//! the content compiler over mutated articles.
//!
//! Each property runs a bounded number of cases in the test suite; run many
//! more on demand with `PROPTEST_CASES=100000 cargo test --release -p
//! help-compiler --test properties`. Coverage-guided fuzz targets for the same
//! code are in `fuzz/` (cargo-fuzz, nightly).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use help_compiler::{compile, read_dir, search_index, Settings, Source};
use help_core::error_code::{codes_in, parse_code};
use help_core::route::Route;
use help_search::{snippet, SearchIndex};
use help_core::Site;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn content_sources() -> &'static Vec<Source> {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| read_dir(&content_dir()).expect("content/"))
}

fn site_and_index() -> &'static (Site, SearchIndex) {
    static BUILT: OnceLock<(Site, SearchIndex)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let site = compile(content_sources(), &Settings::default()).unwrap_or_else(|e| panic!("{e}")).site;
        let index = search_index(&site, &content_dir());
        (site, index)
    })
}

/// Where a failing case's seed is saved. The file is committed, so a failure
/// found once (even in a long run of random cases) is tried first on every run.
const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/properties.txt");

/// `cases` unless PROPTEST_CASES asks for more (or fewer).
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    Config { cases, failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))), ..Config::default() }
}

/// Text a person, a partner system or an attacker might put in a URL or the
/// search box: plausible pieces, markup, odd Unicode, and sometimes 10,000
/// characters of it.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("CID7023".to_owned()),
        Just("cid 3009".to_owned()),
        Just("7023".to_owned()),
        Just("password".to_owned()),
        Just("landline".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("\"'><img src=x onerror=alert(1)>".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("%00%ff%".to_owned()),
        Just("../../etc/passwd".to_owned()),
        Just("#".to_owned()),
        Just("\u{0}\u{202e}\u{feff}\u{fffd}".to_owned()),
        Just("ｃｉｄ７０２３".to_owned()),
        Just("manage.html".to_owned()),
        Just("patientcentre".to_owned()),
        Just("https://patientcentre.example/".to_owned()),
        Just("https://patientcentre.example@evil.example/".to_owned()),
        "\\PC{0,12}",
        any::<String>(),
    ];
    prop_oneof![
        8 => prop::collection::vec(piece.clone(), 0..6).prop_map(|p| p.concat()),
        1 => (piece, 1000usize..=10_000).prop_map(|(p, n)| p.chars().cycle().take(n).collect()),
        1 => "\\PC{10000}",
    ]
}

fn parameter() -> impl Strategy<Value = (String, String)> {
    let key = prop_oneof![
        Just("error".to_owned()),
        Just("q".to_owned()),
        Just("partner".to_owned()),
        Just("return-link".to_owned()),
        Just("embed".to_owned()),
        "\\PC{0,8}",
    ];
    (key, hostile_text())
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("/".to_owned()),
        Just("/help/index.html".to_owned()),
        Just("/manage-landline-number.html".to_owned()),
        Just("/error-messages-support.html".to_owned()),
        Just("/references.html".to_owned()),
        hostile_text().prop_map(|t| format!("/{t}")),
    ]
}

proptest! {
    #![proptest_config(config(512))]

    /// Any location resolves to something the app can show, and a page
    /// route never names a page or section the content does not have.
    #[test]
    fn every_location_resolves_to_a_real_view(
        path in path(),
        params in prop::collection::vec(parameter(), 0..5),
        fragment in hostile_text(),
    ) {
        let (site, _) = site_and_index();
        let route = Route::resolve(site, &path, &params, &fragment);
        match &route {
            Route::Page { index, anchor, reference } => {
                let page = &site.pages[*index];
                if let Some(anchor) = anchor {
                    prop_assert!(page.has_anchor(anchor), "{anchor:?} is not on {}", page.file);
                }
                if let Some(at) = reference {
                    prop_assert!(site.references.get(*at).is_some());
                }
            }
            Route::UnknownReference { code: Some(code) } => {
                prop_assert!(parse_code(code).as_deref() == Some(code.as_str()));
                prop_assert!(site.reference(code).is_none());
                prop_assert!(site.notice(code).is_none(), "a registered code shows its notice");
            }
            Route::Notice { at } => prop_assert!(site.notices.get(*at).is_some()),
            Route::UnknownReference { code: None } | Route::References | Route::NotFound { .. } => {}
        }
        // A return link is kept only on one of the named partner's own origins.
        if let Some(visit) = help_core::partner::partner_visit(site, &params) {
            let partner = &site.partners[visit.partner];
            if let Some(link) = &visit.return_link {
                let on_origin = partner.origins.iter().any(|o| {
                    link.strip_prefix(o.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#']))
                });
                prop_assert!(on_origin && !link.bytes().any(|b| b <= b' ' || b == b'\\'), "{link:?}");
            }
        }
        // An `error` parameter always wins, whatever else the URL holds.
        if params.iter().any(|(k, _)| k == "error") {
            let is_error_view = matches!(route, Route::UnknownReference { .. } | Route::Notice { .. } | Route::Page { reference: Some(_), .. });
            prop_assert!(is_error_view, "{route:?}");
        }
    }

    /// Error codes read from anything are always well formed.
    #[test]
    fn codes_read_from_anything_are_well_formed(text in hostile_text()) {
        let well_formed = |code: &str| {
            code.len() >= 7 && code.len() <= 8 && code.starts_with("CID") && code[3..].bytes().all(|b| b.is_ascii_digit())
        };
        if let Some(code) = parse_code(&text) {
            prop_assert!(well_formed(&code), "{code:?}");
        }
        for code in codes_in(&text) {
            prop_assert!(well_formed(&code), "{code:?}");
        }
    }

    /// Any query, up to 10,000 characters, returns at most the limit of real
    /// sections, and their snippets are cut from the section's own text.
    #[test]
    fn any_query_returns_real_sections_and_sane_snippets(query in hostile_text(), limit in 0usize..30) {
        let (site, index) = site_and_index();
        let results = index.search(&query, limit);
        prop_assert!(results.hits.len() <= limit);
        for hit in &results.hits {
            prop_assert!((hit.doc as usize) < index.docs.len());
            prop_assert!(hit.score.is_finite() && hit.score > 0.0);
            let text = help_search::doc_text(&site.pages, &index.docs[hit.doc as usize]);
            snippet_is_sane(&text, &snippet(&text, &results.matched, 30))?;
        }
    }
}

/// A 30-word snippet as a person reads it: the pieces run together (the app
/// renders them side by side), at most 30 of the text's own consecutive words
/// and the two ellipses. Counted per piece, the comma after a marked word
/// ("<mark>services</mark>, online") was a word of its own, so three marked
/// words with punctuation passed 34 though 32 words were shown.
fn snippet_is_sane(text: &str, pieces: &[(String, bool)]) -> Result<(), TestCaseError> {
    let shown: String = pieces.iter().map(|(p, _)| p.as_str()).collect();
    prop_assert!(shown.split_whitespace().count() <= 32, "{pieces:?}");
    let body = shown.strip_prefix("… ").unwrap_or(&shown);
    let body: Vec<&str> = body.strip_suffix(" …").unwrap_or(body).split_whitespace().collect();
    let own: Vec<&str> = text.split_whitespace().collect();
    prop_assert!(body.is_empty() || own.windows(body.len()).any(|w| w == body), "not the text's own words: {pieces:?}");
    Ok(())
}

/// The case a run of 100,000 found (its seed is in proptest-regressions/):
/// three marked words followed by commas and a full stop.
#[test]
fn a_snippet_whose_marked_words_carry_punctuation_is_within_bounds() {
    let (site, index) = site_and_index();
    let results = index.search("services", 5);
    let text = results
        .hits
        .iter()
        .map(|hit| help_search::doc_text(&site.pages, &index.docs[hit.doc as usize]))
        .find(|t| t.contains("These include NHS services, online pharmacies"))
        .expect("the setup article's section");
    let pieces = snippet(&text, &results.matched, 30);
    assert_eq!(pieces.iter().filter(|(_, marked)| *marked).count(), 3, "{pieces:?}");
    snippet_is_sane(&text, &pieces).unwrap_or_else(|e| panic!("{e}"));
}

/// A 10,000-character query costs no more than its first 256 characters:
/// the engine reads only that much, so a hostile query is bounded by design.
#[test]
fn a_ten_thousand_character_query_is_read_only_as_far_as_the_limit() {
    let (_, index) = site_and_index();
    for unit in ["password ", "pasword", "CID7023 ", "ä", "<b>x</b> "] {
        let long: String = unit.chars().cycle().take(10_000).collect();
        let short: String = long.chars().take(256).collect();
        let (a, b) = (index.search(&long, 10), index.search(&short, 10));
        let docs = |r: &help_search::Results| r.hits.iter().map(|h| h.doc).collect::<Vec<_>>();
        assert_eq!(docs(&a), docs(&b), "{unit:?}");
    }
}

/// What a slip, a bad merge or a hostile editor might do to an article.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Insert(usize, String),
    Flip(usize, u8),
    NestLists(usize),
    NestHtml(usize),
    Repeat(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let fragment = prop_oneof![
        Just("---\n".to_owned()),
        Just("<details>".to_owned()),
        Just("</details>".to_owned()),
        Just("<div class=\"nhsuk-details__text\">".to_owned()),
        Just("</div>".to_owned()),
        Just("<summary>".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_owned()),
        Just("<p onclick=\"x()\">".to_owned()),
        Just("<!--".to_owned()),
        Just("```\n".to_owned()),
        Just("\n    indented\n".to_owned()),
        Just("[x]: /manage/landline\n".to_owned()),
        Just("[broken](/nowhere)".to_owned()),
        Just("title: \"<b>\"\n".to_owned()),
        Just("position: x\n".to_owned()),
        Just("## CID7023\n".to_owned()),
        Just("\u{0}\u{feff}\r".to_owned()),
        "\\PC{0,20}",
    ];
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::Truncate),
        4 => (any::<usize>(), fragment).prop_map(|(at, f)| Mutation::Insert(at, f)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        1 => (1usize..200).prop_map(Mutation::NestLists),
        1 => (1usize..200).prop_map(Mutation::NestHtml),
        1 => (1usize..50).prop_map(Mutation::Repeat),
    ]
}

fn mutate(bytes: &[u8], mutation: &Mutation) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = |n: usize| n % (bytes.len() + 1);
    match mutation {
        Mutation::Truncate(n) => out.truncate(at(*n)),
        Mutation::Insert(n, text) => {
            let i = at(*n);
            out.splice(i..i, text.bytes());
        }
        Mutation::Flip(n, byte) => {
            if !out.is_empty() {
                let i = n % out.len();
                out[i] = *byte;
            }
        }
        Mutation::NestLists(depth) => {
            for level in 0..*depth {
                out.extend(format!("{}- level {level}\n", "  ".repeat(level)).bytes());
            }
        }
        Mutation::NestHtml(depth) => {
            out.extend("\n<div>".repeat(*depth).bytes());
            out.extend("x".bytes());
            out.extend("</div>".repeat(*depth).bytes());
        }
        Mutation::Repeat(times) => out = bytes.repeat(*times),
    }
    out
}

/// Compiles the real content with one file replaced: never a panic; either a
/// model the app can read back, or errors that each name a real file and a
/// line inside it.
fn compiles_or_names_file_and_line(which: usize, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let mut sources = content_sources().clone();
    let which = which % sources.len();
    sources[which].bytes = bytes;
    match compile(&sources, &Settings::default()) {
        Ok(compiled) => {
            let json = serde_json::to_string(&compiled.site).expect("model serialises");
            prop_assert!(help_core::bundle::site_from_json(&json).is_ok(), "the app cannot read the model back");
        }
        Err(failed) => {
            let errors: Vec<_> = failed.errors().collect();
            prop_assert!(!errors.is_empty());
            for error in errors {
                let source = sources.iter().find(|s| s.path == error.file);
                prop_assert!(source.is_some(), "{error} names no source file");
                let lines = source.unwrap().bytes.split(|b| *b == b'\n').count();
                prop_assert!(error.line >= 1 && error.line <= lines + 1, "{error}: the file has {lines} lines");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn mutated_articles_compile_or_fail_naming_file_and_line(which in any::<usize>(), mutations in prop::collection::vec(mutation(), 1..4)) {
        let sources = content_sources();
        let original = &sources[which % sources.len()].bytes;
        let bytes = mutations.iter().fold(original.clone(), |bytes, m| mutate(&bytes, m));
        compiles_or_names_file_and_line(which, bytes)?;
    }
}

/// Whole-file extremes the random mutations rarely reach.
#[test]
fn extreme_articles_compile_or_fail_naming_file_and_line() {
    let sources = content_sources();
    let article = &sources.iter().position(|s| s.relative == "manage/landline.md").expect("landline article");
    let original = &sources[*article].bytes;
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("front matter only", b"---\ntitle: x\n---\n".to_vec()),
        ("invalid UTF-8 in the middle", [&original[..100], &[0xff, 0xfe, 0x80][..], &original[100..]].concat()),
        ("a NUL byte", [&original[..], b"\0"].concat()),
        ("4 MB", original.repeat(4 * 1024 * 1024 / original.len())),
        ("10,000 nested lists", (0..10_000).map(|i| format!("{}- {i}\n", " ".repeat(i % 200))).collect::<String>().into_bytes()),
        ("10,000 nested blockquotes", format!("---\ntitle: x\n---\n{}x\n", "> ".repeat(10_000)).into_bytes()),
        ("10,000 unclosed divs", [&original[..], "<div>".repeat(10_000).as_bytes()].concat()),
        ("unbalanced details", [&original[..], b"\n<details><summary>x</summary>\n\n</div></div></details></details>\n"].concat()),
    ];
    for (what, bytes) in cases.drain(..) {
        if let Err(e) = compiles_or_names_file_and_line(*article, bytes) {
            panic!("{what}: {e}");
        }
    }
}

/// What a cut-short download, a bad cache or a proxy might do to the index
/// file: cut it, change a byte (to 0, to the largest one-byte number, to a
/// byte that says "more bytes follow", or to anything), swap two bytes.
#[derive(Debug, Clone)]
enum IndexDamage {
    Truncate(usize),
    Byte(usize, u8),
    Swap(usize, usize),
}

fn index_damage() -> impl Strategy<Value = IndexDamage> {
    prop_oneof![
        any::<usize>().prop_map(IndexDamage::Truncate),
        (any::<usize>(), prop_oneof![Just(0u8), Just(0x7f), Just(0x80), Just(0xff), any::<u8>()]).prop_map(|(at, b)| IndexDamage::Byte(at, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| IndexDamage::Swap(a, b)),
    ]
}

fn damage(bytes: &mut Vec<u8>, damage: &IndexDamage) {
    let len = bytes.len();
    match *damage {
        IndexDamage::Truncate(at) => bytes.truncate(at % len),
        IndexDamage::Byte(at, b) => bytes[at % len] = b,
        IndexDamage::Swap(a, b) => bytes.swap(a % len, b % len),
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// A damaged index is refused or searched without a panic: every hit is
    /// a real document of a real page. Every stem is searched, so a damaged
    /// posting anywhere is reached.
    #[test]
    fn a_damaged_index_is_refused_or_searched_safely(damages in prop::collection::vec(index_damage(), 1..4)) {
        let (site, index) = site_and_index();
        let mut bytes = index.to_bytes();
        for d in &damages {
            if !bytes.is_empty() {
                damage(&mut bytes, d);
            }
        }
        if let Ok(read) = SearchIndex::from_bytes(&bytes) {
            let stems: Vec<String> = read.stems.iter().take(2_000).cloned().collect();
            for query in ["pasword reset", "CID7023", "cid3009", "ph", "x"].into_iter().map(str::to_owned).chain(stems) {
                let results = read.search(&query, 10);
                for hit in &results.hits {
                    prop_assert!((hit.doc as usize) < read.docs.len());
                    let doc = &read.docs[hit.doc as usize];
                    let _ = help_search::doc_text(&site.pages, doc);
                }
            }
        }
    }
}

#[test]
fn an_index_pointing_past_its_documents_is_refused() {
    let (_, index) = site_and_index();
    let refused = |bad: &SearchIndex| SearchIndex::from_bytes(&bad.to_bytes()).unwrap_err();
    let mut bad = index.clone();
    bad.postings[0][0].0 = bad.docs.len() as u32;
    assert_eq!(refused(&bad), "a posting points past the documents");
    let mut bad = index.clone();
    bad.postings.pop();
    // Every list after it is read out of step: refused, wherever that shows.
    refused(&bad);
    let mut bad = index.clone();
    bad.words[0].1 = bad.stems.len() as u32;
    assert_eq!(refused(&bad), "a word points past the stems");
    let mut bad = index.clone();
    bad.references[0].1.push(bad.docs.len() as u32);
    assert_eq!(refused(&bad), "a reference points past the documents");
    assert_eq!(SearchIndex::from_bytes(&index.to_bytes()).as_ref(), Ok(index));
    // Not an index, or one of another format version.
    assert!(SearchIndex::from_bytes(b"").is_err());
    assert!(SearchIndex::from_bytes(br#"{"docs":[]}"#).is_err());
    let mut other = index.to_bytes();
    other[4] = 1;
    assert_eq!(SearchIndex::from_bytes(&other).unwrap_err(), "not a search index of this version");
    // A length that claims more than the file holds is refused before
    // anything that large is allocated, even with a checksum that agrees
    // (the file's 13-byte header is its name, version and FNV-1a 64).
    let body = [0xff, 0xff, 0xff, 0xff, 0x0f];
    let sum = body.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut huge = index.to_bytes()[..5].to_vec();
    huge.extend(sum.to_le_bytes());
    huge.extend(body);
    assert_eq!(SearchIndex::from_bytes(&huge).unwrap_err(), "a length runs past the end of the index");
}

/// The page files' error-code script (`first_visit.js`, run before the app
/// loads) reads every location as the app's router does: on the same
/// property-test inputs, it moves to the page file of the same guidance,
/// or shows the same guidance in place, or, for every other view, leaves
/// the page alone for the app. Runs the built script in Node.
#[test]
fn the_page_script_reads_every_location_as_the_router_does() {
    use help_core::model::file_of_path;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let (site, _) = site_and_index();
    let mut runner = TestRunner::new(config(512));
    let strategy = (path(), prop::collection::vec(parameter(), 0..5), hostile_text());
    let mut cases: Vec<(String, Vec<(String, String)>, String)> =
        (0..runner.config().cases).map(|_| strategy.new_tree(&mut runner).expect("a case").current()).collect();
    // Every known code both ways, from the home page and from its own page.
    for reference in &site.references {
        let own = format!("/help/{}", site.pages[reference.place.page].file);
        for path in ["/help/", own.as_str()] {
            cases.push((path.into(), vec![("error".into(), format!(" {}", reference.code.to_lowercase()))], String::new()));
            cases.push((path.into(), vec![("q".into(), "x".into())], reference.code.to_lowercase()));
            cases.push((path.into(), vec![("embed".into(), "1".into()), ("error".into(), reference.code.to_string())], String::new()));
            // A bidirectional control is read as nothing, as the app reads it.
            cases.push((path.into(), vec![("error".into(), format!("\u{202e}{}\u{2066}", reference.code))], String::new()));
        }
    }
    let anchors: std::collections::HashMap<&str, serde_json::Value> = site
        .pages
        .iter()
        .map(|p| {
            // `anchors` lists the sections' ids first, then the details'.
            let anchors = p.anchors();
            let (sections, details) = anchors.split_at(p.sections.len());
            (p.file.as_str(), serde_json::json!({ "sections": sections, "details": details }))
        })
        .collect();
    let script = help_compiler::deploy::first_visit::guidance_script(site);
    let input = serde_json::json!({
        "script": script,
        "anchors": anchors,
        "cases": cases.iter().map(|(path, params, fragment)| serde_json::json!({"path": path, "params": params, "fragment": fragment})).collect::<Vec<_>>(),
    });
    let file = std::env::temp_dir().join(format!("first-visit-cases-{}.json", std::process::id()));
    std::fs::write(&file, input.to_string()).unwrap();
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/first_visit_harness.mjs");
    let output = std::process::Command::new("node").arg(&harness).arg(&file).output().expect("Node.js runs the page script (scripts/setup.sh installs it)");
    std::fs::remove_file(&file).unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let results: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(results.len(), cases.len());
    let (mut moved, mut shown) = (0, 0);
    for (result, (_, given, _)) in results.iter().zip(&cases) {
        let seen = &result["seen"];
        let path = seen["path"].as_str().unwrap();
        let params: Vec<(String, String)> = seen["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
            .collect();
        let fragment = seen["fragment"].as_str().unwrap();
        let outcome = &result["outcome"];
        let route = Route::resolve(site, path, &params, fragment);
        match route {
            // In a partner's frame the app moves to other page files itself.
            Route::Page { index, .. } if params.iter().any(|(k, _)| k == "embed") && file_of_path(path) != site.pages[index].file => {
                assert_eq!(outcome, &serde_json::json!({}), "{result}");
            }
            Route::Page { index, anchor: Some(anchor), reference: Some(at) } => {
                let file = &site.pages[index].file;
                let code = &site.references[at].code;
                if file_of_path(path) == *file {
                    shown += 1;
                    assert_eq!(outcome["focused"], serde_json::json!(anchor), "{result}");
                    assert_eq!(outcome["highlighted"], serde_json::json!(anchor), "{result}");
                    assert_eq!(outcome["title"], serde_json::json!(format!("{code}: Page - NHS login help")), "{result}");
                    assert!(outcome.get("replaced").is_none(), "{result}");
                } else {
                    moved += 1;
                    let to = outcome["replaced"].as_str().unwrap_or_else(|| panic!("no move for {result}"));
                    // Every parameter kept as it was; a code from the
                    // fragment becomes `error`, so the view is the same.
                    let search = seen["search"].as_str().unwrap();
                    let mut expected = match params.iter().any(|(k, _)| k == "error") {
                        true => format!("{file}{search}#{anchor}"),
                        false => format!("{file}{search}{}error={code}#{anchor}", if search.is_empty() { "?" } else { "&" }),
                    };
                    // Longer than any address the widget writes, only the
                    // code and what the app reads besides (each no longer
                    // than a quarter of that) go along.
                    if expected.len() - file.len() - anchor.len() - 1 > 2048 {
                        let mut carried = form_urlencoded::Serializer::new(String::new());
                        carried.append_pair("error", code);
                        for key in ["partner", "return-link"] {
                            if let Some((_, value)) = given.iter().find(|(k, _)| k == key).filter(|(_, v)| v.encode_utf16().count() <= 512) {
                                carried.append_pair(key, value);
                            }
                        }
                        expected = format!("{file}?{}#{anchor}", carried.finish());
                    }
                    assert_eq!(to, expected, "{result}");
                    assert!(outcome.get("focused").is_none(), "{result}");
                }
            }
            // A section the address names stands out, as the app marks it.
            Route::Page { index, anchor: Some(anchor), reference: None } if site.pages[index].sections.iter().any(|s| s.id == anchor) => {
                assert_eq!(outcome, &serde_json::json!({ "highlighted": anchor }), "{result}");
            }
            other => assert_eq!(outcome, &serde_json::json!({}), "the router shows {other:?} for {result}"),
        }
    }
    assert!(moved >= 2 * site.references.len() && shown >= site.references.len(), "moved {moved}, shown {shown}");
}

