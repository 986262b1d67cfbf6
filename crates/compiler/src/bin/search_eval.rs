//! `search-eval --queries FILE [--content DIR]`: compiles the content, runs
//! every query of a relevance file (the format of tests/fixtures/queries/public.json)
//! through the search engine and prints success@1, success@3 and mrr@10,
//! then one `fail:` line per query whose expected sections miss the top 3.
//! Exits 0 whatever the scores; non-zero only when it cannot run.

use std::path::PathBuf;
use std::process::ExitCode;

use help_compiler::{compile_dir, search_index, Settings};
use help_search::text::words;

fn normalise(text: &str) -> String {
    words(text).collect::<Vec<_>>().join(" ")
}

fn main() -> ExitCode {
    let mut queries = None;
    let mut content = PathBuf::from("content");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--queries" => queries = args.next().map(PathBuf::from),
            "--content" => content = args.next().map(PathBuf::from).unwrap_or(content),
            _ => {
                eprintln!("usage: search-eval --queries FILE [--content DIR]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(queries) = queries else {
        eprintln!("usage: search-eval --queries FILE [--content DIR]");
        return ExitCode::from(2);
    };
    let compiled = match compile_dir(&content, &Settings::from_env()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let index = search_index(&compiled.site, &content);
    let file: serde_json::Value = match std::fs::read_to_string(&queries).map_err(|e| e.to_string()).and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string())) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{}: {e}", queries.display());
            return ExitCode::FAILURE;
        }
    };
    let Some(list) = file["queries"].as_array() else {
        eprintln!("{}: no \"queries\" array", queries.display());
        return ExitCode::FAILURE;
    };

    let (mut at1, mut at3, mut mrr) = (0.0, 0.0, 0.0);
    let mut fails = Vec::new();
    for entry in list {
        let q = entry["q"].as_str().unwrap_or("");
        let expected: Vec<(String, String)> = entry["expect"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|pair| Some((pair[0].as_str()?.to_lowercase(), normalise(pair[1].as_str()?))))
            .collect();
        let results = index.search(q, 10);
        let label = |doc: u32| {
            let found = help_search::locate(&compiled.site.pages, &index.docs[doc as usize]).expect("a document of this model");
            (found.page.page_name.to_lowercase(), normalise(found.heading()))
        };
        let rank = results.hits.iter().position(|h| expected.contains(&label(h.doc)));
        if rank == Some(0) {
            at1 += 1.0;
        }
        if rank.is_some_and(|r| r < 3) {
            at3 += 1.0;
        } else {
            let top = results.hits.first().map_or_else(|| "(nothing)".to_owned(), |h| {
                let found = help_search::locate(&compiled.site.pages, &index.docs[h.doc as usize]).expect("a document of this model");
                format!("{} / {}", found.page.page_name, found.heading())
            });
            fails.push(format!("fail: {q} -> {top}"));
        }
        if let Some(r) = rank {
            mrr += 1.0 / (r as f64 + 1.0);
        }
        if std::env::var_os("SEARCH_EVAL_VERBOSE").is_some() && rank != Some(0) {
            let top: Vec<String> = results.hits.iter().take(3).map(|h| format!("{:?} {:.2}", label(h.doc), h.score)).collect();
            eprintln!("rank {rank:?} for {q:?}: {top:#?}");
        }
    }
    let n = list.len().max(1) as f64;
    println!("success@1 {:.3}", at1 / n);
    println!("success@3 {:.3}", at3 / n);
    println!("mrr@10 {:.3}", mrr / n);
    for fail in fails {
        println!("{fail}");
    }
    ExitCode::SUCCESS
}
