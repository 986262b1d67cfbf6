//! Compiles `content/` into the JSON model the app bundles. A content error
//! fails the build here, naming the file and line.

use std::path::Path;

use help_compiler::{compile_dir, search_index, version_of, Settings};

fn main() {
    // HELP_CONTENT_DIR builds other content (the offline-update test's second
    // version); the page files must then come from the same folder.
    println!("cargo::rerun-if-env-changed=HELP_CONTENT_DIR");
    let content = std::env::var("HELP_CONTENT_DIR").unwrap_or_else(|_| "content".to_owned());
    let content = Path::new(&content);
    println!("cargo::rerun-if-changed={}", content.display());
    println!("cargo::rerun-if-env-changed={}", Settings::ENV_HELP_CENTRE_URL);
    println!("cargo::rerun-if-env-changed={}", Settings::ENV_CONTACT_URL);
    println!("cargo::rerun-if-env-changed={}", Settings::ENV_TEST_PARTNERS);
    // A build that retires the service worker must not register it again:
    // the retiring worker reloads the page, which would register it anew.
    println!("cargo::rerun-if-env-changed={}", help_compiler::deploy::offline::ENV_RETIRE);
    let worker = if help_compiler::deploy::offline::retire_from_env() { "off" } else { "on" };
    println!("cargo::rustc-env=SERVICE_WORKER={worker}");

    // Build scripts run in the package folder, so paths in messages are short.
    match compile_dir(content, &Settings::from_env()) {
        Ok(compiled) => {
            for warning in &compiled.warnings {
                println!("cargo::warning={warning}");
            }
            let shipped = help_compiler::Shipped::of(&compiled.site);
            // The app reads them with help_core::bundle; refuse to ship what it cannot read.
            if let Err(e) = reads_back(&shipped, compiled.site.pages.len()) {
                eprintln!("the compiled model does not read back: {e}");
                std::process::exit(1);
            }
            println!("cargo::rustc-env=SITE_VERSION={}", shipped.version);
            let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
            let write = |name: &str, text: &str| std::fs::write(out_dir.join(name), text).expect("OUT_DIR is writable");
            // The native prerender renders from the whole model; the wasm
            // bundles the outline; the prerender copies the bodies beside the
            // pages and writes each page's own into its page file.
            write("site.json", &shipped.full);
            write("site-outline.json", &shipped.outline);
            write("site-bodies.json", &shipped.bodies_of(0..compiled.site.pages.len()));
            write("page-bodies.jsonl", &shipped.bodies.join("\n"));
            // The app fetches the search index (written beside the pages by
            // `help-content pages`) with this version, so a new index is never
            // read from an old cache.
            let index = search_index(&compiled.site, content).to_bytes();
            println!("cargo::rustc-env=SEARCH_INDEX_VERSION={}", version_of(&index));
        }
        Err(failed) => {
            eprintln!("{failed}");
            std::process::exit(1);
        }
    }
}

/// Whether the outline with every body, read as the app reads them, is the
/// whole model.
fn reads_back(shipped: &help_compiler::Shipped, pages: usize) -> Result<(), String> {
    use help_core::bundle::{bodies_from_json, site_from_json};
    let bodies = bodies_from_json(&shipped.bodies_of(0..pages))?;
    let site = site_from_json(&shipped.outline)?.with_bodies(bodies.pages)?;
    if site != site_from_json(&shipped.full)? || bodies.site != shipped.version {
        return Err("the outline and the bodies do not make the whole model".to_owned());
    }
    Ok(())
}
