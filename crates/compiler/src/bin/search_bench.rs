//! `search-bench [--queries FILE] [--content DIR] [--export DIR]`: native figures for the search engine at
//! three corpus sizes: the real content, and deterministic synthetic corpora
//! of about 500 and 5,000 sections drawn from the real vocabulary. For each:
//! index size raw and gzip (and the JSON it replaced, gzip), time to read
//! the index (as the browser does; median of 7), and per-query latency
//! p50/p95 over every prefix of every query (what typing produces).
//! Prints figures; no pass or fail. The browser comparison with the
//! JavaScript engines is separate (see the README).

use std::path::PathBuf;
use std::time::Instant;

use help_compiler::{compile_dir, search_index, Settings};
use help_search::text::words;
use help_search::{parse_synonyms, Doc, SearchIndex};

/// A small deterministic generator (64-bit LCG), so every run measures the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `sections` synthetic sections: titles from the real pages, headings and
/// bodies sampled from the real text's words with their real frequencies.
fn synthetic(real: &SearchIndex, texts: &[[String; 3]], sections: usize, synonyms: &str) -> (SearchIndex, Vec<[String; 3]>) {
    let titles: Vec<&str> = texts.iter().map(|t| t[0].as_str()).collect();
    let vocabulary: Vec<String> = texts.iter().flat_map(|t| words(&t[1]).chain(words(&t[2])).collect::<Vec<_>>()).collect();
    let mut rng = Lcg(0x5eed);
    let mut docs = Vec::with_capacity(sections);
    let mut fields = Vec::with_capacity(sections);
    for i in 0..sections {
        let mut sample = |min: usize, max: usize| {
            let n = min + rng.next(max - min);
            (0..n).map(|_| vocabulary[rng.next(vocabulary.len())].as_str()).collect::<Vec<_>>().join(" ")
        };
        let heading = sample(3, 9);
        let body = sample(20, 120);
        let title = titles[i % titles.len()].to_owned();
        docs.push(Doc { page: 0, section: i as u32, details: None, len: Default::default() });
        fields.push([title, heading, body]);
    }
    let _ = real;
    (SearchIndex::from_documents(docs, fields.clone(), parse_synonyms(synonyms)), fields)
}

/// Bytes after `gzip -9`, as a host serves the file compressed.
fn gzip_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip").arg("-9c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("gzip runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // Written from another thread: gzip fills its output pipe while it reads.
    std::thread::scope(|scope| {
        scope.spawn(move || stdin.write_all(bytes).expect("gzip reads"));
        child.wait_with_output().expect("gzip ends").stdout.len()
    })
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn main() {
    // The repository's own copy, so the benchmark runs from a fresh clone.
    let mut queries_file = PathBuf::from("tests/fixtures/queries/public.json");
    let mut export: Option<PathBuf> = None;
    // The "real" corpus: the help centre's articles (the help-centre
    // fixture corpus for its judge sets, say).
    let mut content = PathBuf::from("content");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--queries" => queries_file = args.next().map(PathBuf::from).unwrap_or(queries_file),
            // Writes each corpus's documents and index for the browser benchmark.
            "--export" => export = args.next().map(PathBuf::from),
            "--content" => content = args.next().map(PathBuf::from).unwrap_or(content),
            _ => {}
        }
    }
    let content = content.as_path();
    let compiled = compile_dir(content, &Settings::from_env()).unwrap_or_else(|e| panic!("{e}"));
    let real = search_index(&compiled.site, content);
    let synonyms = std::fs::read_to_string(content.join("synonyms.txt")).unwrap_or_default();
    let texts: Vec<[String; 3]> = real
        .docs
        .iter()
        .map(|d| {
            let found = help_search::locate(&compiled.site.pages, d).expect("a document of this model");
            [found.page.title.clone(), found.heading().to_owned(), found.text()]
        })
        .collect();

    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&queries_file).unwrap_or_else(|e| panic!("{}: {e}", queries_file.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", queries_file.display()));
    let mut typed: Vec<String> = Vec::new();
    for q in file["queries"].as_array().expect("queries").iter().filter_map(|q| q["q"].as_str()) {
        let chars: Vec<char> = q.chars().collect();
        typed.extend((1..=chars.len()).map(|n| chars[..n].iter().collect::<String>()));
    }

    println!("corpus        docs  index bytes     gzip  json gzip  read ms  p50 us  p95 us  ({} keystrokes)", typed.len());
    let (small, small_fields) = synthetic(&real, &texts, 500, &synonyms);
    let (large, large_fields) = synthetic(&real, &texts, 5000, &synonyms);
    let corpora = [("real", real.clone(), texts.clone()), ("500", small, small_fields), ("5000", large, large_fields)];
    for (name, index, fields) in corpora {
        let bytes = index.to_bytes();
        if let Some(dir) = &export {
            std::fs::create_dir_all(dir).expect("export folder");
            let docs: Vec<serde_json::Value> = index
                .docs
                .iter()
                .zip(&fields)
                .enumerate()
                .map(|(id, (doc, f))| {
                    let page = if name == "real" { compiled.site.pages[doc.page as usize].page_name.clone() } else { "synthetic".into() };
                    serde_json::json!({ "id": id, "title": f[0], "heading": f[1], "body": f[2], "label": [page, f[1]] })
                })
                .collect();
            std::fs::write(dir.join(format!("corpus-{name}.json")), serde_json::json!({ "docs": docs }).to_string()).expect("write corpus");
            std::fs::write(dir.join(format!("index-{name}.bin")), &bytes).expect("write index");
        }
        // Reading, as the browser does once: the median of several reads.
        let mut reads: Vec<f64> = (0..7)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(SearchIndex::from_bytes(std::hint::black_box(&bytes)).expect("reads back"));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        reads.sort_by(f64::total_cmp);
        let read_ms = reads[reads.len() / 2];
        let loaded = SearchIndex::from_bytes(&bytes).expect("reads back");
        // The JSON the index was shipped as before it was packed, for comparison.
        let json = serde_json::to_vec(&index).expect("serialises");
        const REPEATS: usize = 20;
        let mut times: Vec<f64> = typed
            .iter()
            .map(|q| {
                let start = Instant::now();
                for _ in 0..REPEATS {
                    std::hint::black_box(loaded.search(std::hint::black_box(q), 10));
                }
                start.elapsed().as_secs_f64() * 1e6 / REPEATS as f64
            })
            .collect();
        // SLOWEST=1: which keystrokes make the p95, to know where to look.
        if std::env::var_os("SLOWEST").is_some() {
            let mut slowest: Vec<(f64, &String)> = times.iter().copied().zip(&typed).collect();
            slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (us, q) in slowest.iter().take(25) {
                eprintln!("{name:<6} {us:>8.1} us  {q:?}");
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<10} {:>7} {:>12} {:>8} {:>10} {:>8.2} {:>7.1} {:>7.1}",
            loaded.docs.len(),
            bytes.len(),
            gzip_size(&bytes),
            gzip_size(&json),
            read_ms,
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }
}
