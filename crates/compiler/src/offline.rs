//! The service worker that keeps the widget working offline: it precaches
//! exactly the files of one build, read from the build output, in a cache
//! named by a hash of their contents.

use std::path::Path;

use sha2::{Digest, Sha256};

/// The worker's file name, beside `index.html`.
pub const SERVICE_WORKER_FILE: &str = "sw.js";

/// The build setting that ships [`RETIRED_WORKER`] instead: set it to `1` to
/// clear every device's cache and unregister the worker in an emergency.
pub const ENV_RETIRE: &str = "HELP_RETIRE_SERVICE_WORKER";

const WORKER: &str = include_str!("../../../static/sw.js");
const RETIRED_WORKER: &str = include_str!("../../../static/sw-retired.js");

/// Files of the build that are not served to browsers as part of it.
fn is_precached(relative: &str) -> bool {
    // embed.js and its pinned copies run on partners' pages, never the widget's.
    let for_partners = relative == "embed.js" || relative == "embed-integrity.txt" || (relative.starts_with("embed-") && relative.ends_with(".js") && relative != "embed-frame.js");
    relative != SERVICE_WORKER_FILE && relative != "_headers" && !relative.starts_with('.') && !for_partners
}

/// Every file below `dist` (paths with `/`, sorted) that the worker caches,
/// with its size in bytes.
pub fn precache_list(dist: &Path) -> std::io::Result<Vec<(String, u64)>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, u64)>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = format!("{prefix}{name}");
            if entry.file_type()?.is_dir() {
                walk(&entry.path(), &format!("{relative}/"), out)?;
            } else if is_precached(&relative) {
                out.push((relative, entry.metadata()?.len()));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dist, "", &mut files)?;
    files.sort();
    Ok(files)
}

/// The build's version: a hash of every precached file's name and bytes, so
/// any change to any of them gives a new worker and a new cache.
pub fn build_version(dist: &Path, files: &[(String, u64)]) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    for (file, _) in files {
        hasher.update(file.as_bytes());
        hasher.update([0]);
        hasher.update(std::fs::read(dist.join(file))?);
    }
    Ok(hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// The worker's source for this build, or the retiring worker.
pub fn service_worker(version: &str, files: &[(String, u64)], retire: bool) -> String {
    if retire {
        return RETIRED_WORKER.to_owned();
    }
    let list = serde_json::to_string(&files.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>()).expect("a list of strings");
    WORKER.replacen("'__VERSION__'", &serde_json::to_string(version).expect("a string"), 1).replacen("__FILES__", &list, 1)
}

/// Whether the retire setting is on (`1` or `true`).
pub fn retire_from_env() -> bool {
    matches!(std::env::var(ENV_RETIRE).as_deref(), Ok("1") | Ok("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_names_its_version_and_exactly_the_files_given() {
        let files = vec![("index.html".to_owned(), 10), ("app-1a2b.wasm".to_owned(), 20)];
        let worker = service_worker("abc123", &files, false);
        assert!(worker.contains("const VERSION = \"abc123\";"), "{worker}");
        assert!(worker.contains("const FILES = [\"index.html\",\"app-1a2b.wasm\"];"), "{worker}");
        assert!(!worker.contains("__"), "every placeholder filled");
        let retired = service_worker("abc123", &files, true);
        assert!(retired.contains("registration.unregister()") && !retired.contains("addAll"));
    }
}
