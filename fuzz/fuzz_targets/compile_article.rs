//! Any bytes in place of a real article: never a panic; either a model the
//! app can read back or errors naming a real file and a line in it.
#![no_main]

use help_compiler::{compile, Settings};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let mut sources = common::sources().clone();
    let Some(first) = data.first() else { return };
    let which = usize::from(*first) % sources.len();
    sources[which].bytes = data[1..].to_vec();
    match compile(&sources, &Settings::default()) {
        Ok(compiled) => {
            let json = serde_json::to_string(&compiled.site).expect("the model serialises");
            assert!(help_core::bundle::site_from_json(&json).is_ok());
        }
        Err(failed) => {
            for error in failed.errors() {
                let source = sources.iter().find(|s| s.path == error.file).expect("names a source");
                let lines = source.bytes.split(|b| *b == b'\n').count();
                assert!(error.line >= 1 && error.line <= lines + 1, "{error}");
            }
        }
    }
});
