//! Dependencies point one way: no two files of the app, the core or the
//! compiler import each other, directly or around a circle. Every `crate::`
//! and `super::` path counts, in `use` lines and written inline, braces
//! expanded, so a loop cannot hide in a function body or a macro.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's source folder: each file is a module, `mod.rs` and `lib.rs` name
/// their folder's module.
struct Crate {
    /// Module path (`["components", "search"]`) to file.
    modules: BTreeMap<Vec<String>, PathBuf>,
}

fn module_path(root: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(root).expect("below the root");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().expect("a file name");
    match last.as_str() {
        "lib.rs" | "main.rs" | "mod.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_owned()),
    }
    parts
}

fn read_crate(root: &Path) -> Crate {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            // Binaries are crates of their own, importing the library by name.
            if path.is_dir() && path.file_name().is_some_and(|n| n != "bin") {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    let modules = files.iter().map(|f| (module_path(root, f), f.clone())).collect();
    Crate { modules }
}

/// Source without comments and string literals, so paths in prose do not count.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '"' && !escaped {
                        break;
                    }
                    escaped = c == '\\' && !escaped;
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else { return vec![path.to_owned()] };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| if e == "self" { prefix.trim_end_matches("::").to_owned() } else { format!("{prefix}{e}") }))
        .collect()
}

/// Every `crate::…` and `super::…` path in `code`, braces included.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for keyword in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(keyword).map(|i| i + from) {
            from = at + keyword.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            // The path runs while it is identifiers, `::`, or a balanced brace group.
            let (mut end, mut depth) = (at, 0);
            while end < bytes.len() {
                let c = bytes[end] as char;
                match c {
                    '{' => depth += 1,
                    '}' if depth > 0 => depth -= 1,
                    _ if depth > 0 => {}
                    c if c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '*' => {}
                    _ => break,
                }
                if depth == 0 && c == '}' {
                    end += 1;
                    break;
                }
                end += 1;
            }
            found.extend(expand(&code[at..end]));
        }
    }
    found
}

/// The module file a path leads into, from the module `here`.
fn target(krate: &Crate, here: &[String], path: &str) -> Option<PathBuf> {
    let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut module: Vec<String> = match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
            Vec::new()
        }
        _ => {
            let mut base = here.to_vec();
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
            base
        }
    };
    // The longest prefix that is a module of its own file.
    let mut best = krate.modules.get(&module).cloned();
    for segment in segments {
        module.push(segment.to_owned());
        match krate.modules.get(&module) {
            Some(file) => best = Some(file.clone()),
            None => break,
        }
    }
    best
}

/// Files that import each other around a circle, as readable cycles.
fn cycles(root: &Path) -> Vec<Vec<String>> {
    let krate = read_crate(root);
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (module, file) in &krate.modules {
        let code = code_only(&std::fs::read_to_string(file).expect("readable source"));
        // Tests sit at the end of a file in an inline `mod tests`, whose
        // `super` is the file's own module.
        let tests_at = code.find("mod tests {").unwrap_or(code.len());
        let mut in_tests = module.clone();
        in_tests.push("tests".into());
        let parts = [(&code[..tests_at], module), (&code[tests_at..], &in_tests)];
        for (part, here) in parts {
            for path in paths(part) {
                if let Some(to) = target(&krate, here, &path) {
                    if &to != file {
                        edges.entry(file.clone()).or_default().insert(to);
                    }
                }
            }
        }
    }
    // Depth-first search for back edges.
    let name = |p: &PathBuf| p.strip_prefix(root).unwrap_or(p).display().to_string();
    let mut found = Vec::new();
    let mut done: BTreeSet<PathBuf> = BTreeSet::new();
    fn visit(node: &PathBuf, edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>, stack: &mut Vec<PathBuf>, done: &mut BTreeSet<PathBuf>, found: &mut Vec<Vec<PathBuf>>) {
        if let Some(at) = stack.iter().position(|n| n == node) {
            found.push(stack[at..].to_vec());
            return;
        }
        if done.contains(node) {
            return;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, found);
        }
        stack.pop();
        done.insert(node.clone());
    }
    let mut raw = Vec::new();
    for file in krate.modules.values() {
        visit(file, &edges, &mut Vec::new(), &mut done, &mut raw);
    }
    for cycle in raw {
        found.push(cycle.iter().map(name).collect());
    }
    found
}

#[test]
fn no_file_imports_another_around_a_circle() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for root in ["src", "crates/core/src", "crates/search/src", "crates/engine/src", "crates/compiler/src"] {
        for cycle in cycles(&here.join(root)) {
            problems.push(format!("{root}: {}", cycle.join(" -> ")));
        }
    }
    assert!(problems.is_empty(), "import circles:\n{}", problems.join("\n"));
}

#[test]
fn the_check_sees_inline_paths_braces_and_super() {
    assert_eq!(expand("crate::{a, b::{c, self}}"), ["crate::a", "crate::b::c", "crate::b"]);
    let code = code_only("use crate::{x, y::z}; fn f() { crate::w::go(); super::v::run(); } // crate::comment\nlet s = \"crate::string\";");
    assert_eq!(paths(&code), ["crate::x", "crate::y::z", "crate::w::go", "super::v::run"]);

    // A loop written only inline, in a scratch crate, is found.
    let dir = std::env::temp_dir().join(format!("import-check-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod app; mod pages;").unwrap();
    std::fs::write(dir.join("app.rs"), "pub struct Context; fn page() { crate::pages::article::view(); }").unwrap();
    std::fs::write(dir.join("pages/mod.rs"), "pub mod article;").unwrap();
    std::fs::write(dir.join("pages/article.rs"), "pub fn view() { let _ = html! { <x ctx={crate::app::Context} /> }; }").unwrap();
    let found = cycles(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains(&"app.rs".to_owned()) && found[0].contains(&"pages/article.rs".to_owned()), "{found:?}");
}
