//! The service worker that keeps the widget working offline: it precaches
//! exactly the files of one build, read from the build output, in a cache
//! named by a hash of their contents, and checks each download against the
//! SHA-256 of that build's file, so a host that serves a file of another
//! build (a stale CDN edge, an upload that is not atomic) fails the install
//! instead of being kept until the next release.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The worker's file name, beside `index.html`.
pub const SERVICE_WORKER_FILE: &str = "sw.js";

/// The build setting that ships [`RETIRED_WORKER`] instead: set it to `1` to
/// clear every device's cache and unregister the worker in an emergency.
pub const ENV_RETIRE: &str = "HELP_RETIRE_SERVICE_WORKER";

const WORKER: &str = include_str!("../../../../static/sw.js");
const RETIRED_WORKER: &str = include_str!("../../../../static/sw-retired.js");

/// Files of the build that are not served to browsers as part of it.
fn is_precached(relative: &str) -> bool {
    // embed.js and its pinned copies run on partners' pages, never the widget's.
    let for_partners = relative == "embed.js" || relative == "embed-integrity.txt" || (relative.starts_with("embed-") && relative.ends_with(".js") && relative != "embed-frame.js");
    relative != SERVICE_WORKER_FILE && relative != "_headers" && !relative.starts_with('.') && !for_partners
}

/// The headers file the build writes beside the pages: not cached, but part
/// of the version, since the worker keeps each file with its headers.
const HEADERS_FILE: &str = "_headers";

/// Whether a file's name carries a hash of its contents, as Trunk names the
/// app's script, wasm and stylesheet (`nhs-login-help-<hex>.js`,
/// `…_bg.wasm`, `widget-<hex>.css`): a copy of it in the HTTP cache can
/// only be that file, so the worker need not bypass that cache for it.
/// Trunk writes the 64-bit hash without leading zeros (`{:x}`): one build in
/// 16 has 15 digits, and read as unhashed its wasm was fetched twice on a
/// first visit. Fewer than 8 digits (one build in 4 billion) read as plain,
/// which only costs that fetch.
pub fn is_named_by_contents(relative: &str) -> bool {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    let Some((stem, extension)) = name.rsplit_once('.') else { return false };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else { return false };
    matches!(extension, "js" | "wasm" | "css") && (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
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

/// The build's version: a hash of the worker's own code, of every precached
/// file's name and bytes, and of the headers file, so a change to any of
/// them (a header alone too: the worker keeps each file with its headers)
/// gives a new worker and a new cache.
pub fn build_version(dist: &Path, files: &[(String, u64)]) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(WORKER.as_bytes());
    hasher.update([0]);
    for (file, _) in files {
        hasher.update(file.as_bytes());
        hasher.update([0]);
        hasher.update(std::fs::read(dist.join(file))?);
    }
    match std::fs::read(dist.join(HEADERS_FILE)) {
        Ok(headers) => {
            hasher.update(HEADERS_FILE.as_bytes());
            hasher.update([0]);
            hasher.update(headers);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    Ok(hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect())
}

/// What the worker needs to know of one file: its name, the Subresource
/// Integrity value of its bytes in this build, and how to fetch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Precached {
    pub file: String,
    /// `sha256-<base64>` of the file's bytes.
    pub integrity: String,
    /// The fetch's `cache` mode: `default` for a file named by its contents
    /// (the HTTP cache may answer), `reload` for the others (the host must).
    pub cache: &'static str,
}

/// The worker's view of every precached file.
pub fn precache_entries(dist: &Path, files: &[(String, u64)]) -> std::io::Result<Vec<Precached>> {
    files
        .iter()
        .map(|(file, _)| {
            let digest = Sha256::digest(std::fs::read(dist.join(file))?);
            Ok(Precached {
                file: file.clone(),
                integrity: format!("sha256-{}", base64::engine::general_purpose::STANDARD.encode(digest)),
                cache: if is_named_by_contents(file) { "default" } else { "reload" },
            })
        })
        .collect()
}

/// The worker's source for this build, or the retiring worker.
pub fn service_worker(version: &str, files: &[Precached], retire: bool) -> String {
    if retire {
        return RETIRED_WORKER.to_owned();
    }
    let string = |s: &str| serde_json::to_string(s).expect("a string");
    let entries: Vec<String> = files
        .iter()
        .map(|f| format!("{{\"file\":{},\"integrity\":{},\"cache\":{}}}", string(&f.file), string(&f.integrity), string(f.cache)))
        .collect();
    let list = format!("[{}]", entries.join(","));
    WORKER.replacen("'__VERSION__'", &serde_json::to_string(version).expect("a string"), 1).replacen("__FILES__", &list, 1)
}

/// Whether the retire setting is on (`1` or `true`).
pub fn retire_from_env() -> bool {
    matches!(std::env::var(ENV_RETIRE).as_deref(), Ok("1") | Ok("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, integrity: &str, cache: &'static str) -> Precached {
        Precached { file: file.to_owned(), integrity: integrity.to_owned(), cache }
    }

    #[test]
    fn the_worker_names_its_version_and_exactly_the_files_given_with_their_hashes() {
        let files = vec![entry("index.html", "sha256-AAAA", "reload"), entry("app-0123456789abcdef_bg.wasm", "sha256-BBBB", "default")];
        let worker = service_worker("abc123", &files, false);
        assert!(worker.contains("const VERSION = \"abc123\";"), "{worker}");
        assert!(
            worker.contains(
                "const FILES = [{\"file\":\"index.html\",\"integrity\":\"sha256-AAAA\",\"cache\":\"reload\"},\
                 {\"file\":\"app-0123456789abcdef_bg.wasm\",\"integrity\":\"sha256-BBBB\",\"cache\":\"default\"}];"
            ),
            "{worker}"
        );
        assert!(!worker.contains("__"), "every placeholder filled");
        let retired = service_worker("abc123", &files, true);
        assert!(retired.contains("registration.unregister()") && !retired.contains("addAll"));
    }

    #[test]
    fn only_names_with_trunks_content_hash_count_as_named_by_contents() {
        // 15 digits: a hash below 2^60, which Trunk writes without its leading zero.
        for hashed in ["nhs-login-help-0123456789abcdef.js", "nhs-login-help-0123456789abcdef_bg.wasm", "widget-fedcba9876543210.css", "sub/x-0000000000000000.css", "nhs-login-help-beb98b4349248bb_bg.wasm", "widget-9876543210.css"] {
            assert!(is_named_by_contents(hashed), "{hashed}");
        }
        for plain in ["index.html", "sw.js", "embed-frame.js", "embed-config.json", "search-index.bin", "manifest.webmanifest", "assets/images/favicon.svg", "manage-landline-number.html", "x-0123456789ABCDEF.js", "x-0123456789abcdef0.js", "x-abc.js", "setup-add.html", "page-0123456789abcdef.html"] {
            assert!(!is_named_by_contents(plain), "{plain}");
        }
    }

    /// A folder with a build's files, removed when dropped.
    struct Build(std::path::PathBuf);
    impl Build {
        fn new(name: &str, files: &[(&str, &str)]) -> Build {
            let dir = std::env::temp_dir().join(format!("help-offline-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            for (file, text) in files {
                let path = dir.join(file);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
            Build(dir)
        }
        fn version(&self) -> String {
            build_version(&self.0, &precache_list(&self.0).unwrap()).unwrap()
        }
    }
    impl Drop for Build {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_change_to_the_headers_alone_is_a_new_version() {
        let page = ("index.html", "<p>help</p>");
        let before = Build::new("headers-a", &[page, ("_headers", "/*\n  Referrer-Policy: no-referrer\n")]);
        let after = Build::new("headers-b", &[page, ("_headers", "/*\n  Referrer-Policy: same-origin\n")]);
        let again = Build::new("headers-c", &[page, ("_headers", "/*\n  Referrer-Policy: no-referrer\n")]);
        assert_ne!(before.version(), after.version());
        assert_eq!(before.version(), again.version(), "the same build, the same version");
        assert_eq!(precache_list(&before.0).unwrap(), vec![("index.html".to_owned(), 11)], "the headers file is not cached");
    }

    #[test]
    fn each_entry_has_the_sha256_of_its_file_and_its_fetch_mode() {
        let build = Build::new("entries", &[("index.html", "alert(1)"), ("a-0123456789abcdef.js", "")]);
        let entries = precache_entries(&build.0, &precache_list(&build.0).unwrap()).unwrap();
        assert_eq!(
            entries,
            vec![
                // echo -n "" | openssl dgst -sha256 -binary | base64
                entry("a-0123456789abcdef.js", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "default"),
                // echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
                entry("index.html", "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=", "reload"),
            ]
        );
    }
}
