//! `help-content`: the content compiler's command line, for editors and the build.
//!
//! - `help-content check [--release] [CONTENT_DIR]` prints every warning and
//!   error, then a summary line; `--release` is the deploy's gate: it also
//!   fails for guidance of a published error reference too long past its
//!   review date (see `content/review-policy.yml`).
//! - `help-content report CONTENT_DIR --out FILE` writes the content report,
//!   one self-contained HTML page for editors.
//! - `help-content json CONTENT_DIR` prints the compiled model, as bundled.
//! - `help-content pages CONTENT_DIR DIST_DIR` writes one page file per hub and
//!   article next to Trunk's `index.html`, `references.html`, the search
//!   index and `_headers` with the Content-Security-Policy computed from the
//!   built page (run by Trunk's post-build hook). Each page file starts the
//!   app after its first paint and carries the error-code script
//!   (`first_visit`).
//! - `help-content service-worker DIST_DIR` writes `sw.js`, which precaches
//!   every file then in `DIST_DIR`, each checked against its SHA-256, in a
//!   cache named by a hash of them and of `_headers` (run by the hook after
//!   `pages` and the prerender).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use help_compiler::deploy::headers::{content_security_policy, headers_file, inline_script_hashes, meta_policy};
use help_compiler::diagnostic::Severity;
use help_compiler::{compile_dir, deploy::first_visit, published_codes, deploy::references_file, report, content::review, search_index, Settings};
use help_core::model::REFERENCES_FILE;
use help_core::html::escape;
use help_search::SEARCH_INDEX_FILE;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check"] => check(Path::new("content"), false),
        ["check", "--release"] => check(Path::new("content"), true),
        ["check", "--release", dir] => check(&from_here(dir), true),
        ["check", dir] => check(&from_here(dir), false),
        ["report", dir, "--out", out] => report(&from_here(dir), Path::new(out)),
        ["json", dir] => json(Path::new(dir)),
        ["pages", content, dist] => pages(Path::new(content), Path::new(dist)),
        ["service-worker", dist] => service_worker(Path::new(dist)),
        _ => Err("usage: help-content check [--release] [CONTENT_DIR] | help-content report CONTENT_DIR --out FILE | help-content json CONTENT_DIR | help-content pages CONTENT_DIR DIST_DIR | help-content service-worker DIST_DIR".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The content folder as a path from where the command runs, however it was
/// given: messages and the report name files as `content/index.md:3`, not
/// with one machine's absolute path (long, and private).
fn from_here(dir: &str) -> PathBuf {
    let given = Path::new(dir);
    let (Ok(here), Ok(there)) = (std::env::current_dir().and_then(|d| d.canonicalize()), given.canonicalize()) else {
        return given.to_path_buf();
    };
    let shared = here.components().zip(there.components()).take_while(|(a, b)| a == b).count();
    let mut relative: PathBuf = here.components().skip(shared).map(|_| "..").collect();
    relative.extend(there.components().skip(shared));
    if relative.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        relative
    }
}

fn check(dir: &Path, release: bool) -> Result<(), String> {
    let today = review::build_date()?;
    let compiled = compile_dir(dir, &Settings::from_env()).map_err(|e| e.to_string())?;
    let mut messages = compiled.warnings.clone();
    if release {
        let policy = review::read_policy(dir).map_err(|e| e.to_string())?;
        messages.extend(review::release_gate(&compiled.reviews, &published_guidance(&compiled.site, dir), policy, today));
    }
    for message in &messages {
        eprintln!("{message}");
    }
    let errors = messages.iter().filter(|m| m.severity == Severity::Error).count();
    println!("{} pages, {} warning(s); {}", compiled.site.pages.len(), messages.len() - errors, report::summary_line(&compiled.site, &compiled.reviews, today));
    if errors > 0 {
        return Err(format!("release refused: {errors} error(s) above"));
    }
    Ok(())
}

/// The page holding each published reference's guidance (every reference's
/// when there is no published list).
fn published_guidance(site: &help_core::Site, dir: &Path) -> Vec<(usize, String)> {
    let published = published_codes(dir);
    site.references
        .iter()
        .filter(|r| published.as_ref().is_none_or(|list| list.contains(&r.code)))
        .map(|r| (r.place.page, r.code.to_string()))
        .collect()
}

fn report(dir: &Path, out: &Path) -> Result<(), String> {
    let today = review::build_date()?;
    let result = compile_dir(dir, &Settings::from_env());
    let published = published_codes(dir);
    let html = match &result {
        Ok(compiled) => report::render(Some(compiled), &compiled.warnings, published.as_deref(), today),
        Err(failed) => report::render(None, &failed.diagnostics, published.as_deref(), today),
    };
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(out, html).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("{}", out.display());
    match result {
        Ok(_) => Ok(()),
        Err(failed) => Err(format!("the report lists {} error(s): the content does not build", failed.errors().count())),
    }
}

fn json(dir: &Path) -> Result<(), String> {
    let compiled = compile_dir(dir, &Settings::from_env()).map_err(|e| e.to_string())?;
    println!("{}", serde_json::to_string_pretty(&compiled.site).map_err(|e| e.to_string())?);
    Ok(())
}

fn pages(content: &Path, dist: &Path) -> Result<(), String> {
    let compiled = compile_dir(content, &Settings::from_env()).map_err(|e| e.to_string())?;
    let shell_path: PathBuf = dist.join("index.html");
    let built = std::fs::read_to_string(&shell_path).map_err(|e| format!("{}: {e}", shell_path.display()))?;
    let in_shell = |e: String| format!("{}: {e}", shell_path.display());
    let built = first_visit::start_after_first_paint(&built).map_err(in_shell)?;
    let built = first_visit::with_guidance_script(&built, &first_visit::guidance_script(&compiled.site)).map_err(in_shell)?;
    // Partners' pages may frame the widget: their origins, from the profiles.
    let partner_origins: Vec<String> = compiled.site.partners.iter().flat_map(|p| p.origins.iter().cloned()).collect();
    let policy = content_security_policy(&inline_script_hashes(&built), &partner_origins);
    let shell = with_policy_meta(&built, &policy)?;
    let write = |file: &str, html: &str| {
        let path = dist.join(file);
        std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
    };
    for page in &compiled.site.pages {
        write(&page.file, &shell)?;
    }
    write("_headers", &headers_file(&policy))?;
    for (file, text) in help_compiler::deploy::embed::files(&compiled.site) {
        write(&file, &text)?;
    }
    // Its list is written by the prerender step, like every page's content.
    write(REFERENCES_FILE, &shell)?;
    write(references_file::REFERENCES_JSON_FILE, &references_file::references_json(&compiled.site, &compiled.reviews))?;
    let path = dist.join(SEARCH_INDEX_FILE);
    std::fs::write(&path, search_index(&compiled.site, content).to_bytes()).map_err(|e| format!("{}: {e}", path.display()))
}

fn service_worker(dist: &Path) -> Result<(), String> {
    use help_compiler::deploy::offline::{build_version, precache_entries, precache_list, retire_from_env, service_worker, SERVICE_WORKER_FILE};
    let problem = |e: std::io::Error| format!("{}: {e}", dist.display());
    let files = precache_list(dist).map_err(problem)?;
    let version = build_version(dist, &files).map_err(problem)?;
    let entries = precache_entries(dist, &files).map_err(problem)?;
    let retire = retire_from_env();
    let path = dist.join(SERVICE_WORKER_FILE);
    std::fs::write(&path, service_worker(&version, &entries, retire)).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes: u64 = files.iter().map(|(_, size)| size).sum();
    if retire {
        eprintln!("service worker: RETIRED (clears caches and unregisters)");
    } else {
        eprintln!("service worker: version {version}, {} files, {bytes} bytes to cache", files.len());
    }
    Ok(())
}

/// The policy (less what only a header can carry) and the referrer rule as
/// `<meta>` tags, for static hosts that cannot set headers. Run once: Trunk
/// writes a fresh `index.html` on every build.
fn with_policy_meta(html: &str, policy: &str) -> Result<String, String> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err("index.html already has a policy: was it not written by this build?".into());
    }
    let charset = "<meta charset=\"utf-8\">";
    let at = html.find(charset).ok_or("index.html has no <meta charset=\"utf-8\">")? + charset.len();
    let meta = format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n    <meta name=\"referrer\" content=\"no-referrer\">",
        escape(&meta_policy(policy))
    );
    Ok(format!("{}{meta}{}", &html[..at], &html[at..]))
}
