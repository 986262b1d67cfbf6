//! What several test files share: the fixture folders, and compiling a good
//! folder with one bad article added.
// Each test file uses only some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use help_compiler::{compile, read_dir, Settings, Source};

/// `tests/fixtures/<name>`.
pub fn fixtures(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// Compiles the articles of `good` plus the file `bad` of the folder
/// `bad_dir`, which must fail; returns the errors shown.
pub fn errors_with(good: &Path, bad_dir: &Path, bad: &str) -> Vec<String> {
    let mut sources = read_dir(good).expect("fixtures");
    let path = bad_dir.join(bad);
    sources.push(Source { bytes: std::fs::read(&path).expect("bad fixture"), path, relative: bad.to_owned() });
    match compile(&sources, &Settings::default()) {
        Ok(_) => panic!("{bad} compiled without an error"),
        Err(failed) => failed.errors().map(|d| d.to_string()).collect(),
    }
}
