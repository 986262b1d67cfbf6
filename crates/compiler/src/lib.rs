//! The build-time content compiler: front matter + Markdown + raw HTML in
//! `content/` become the sanitised, structured [`help_core::Site`] that the app
//! bundles as JSON. Nothing here ships in the wasm.
//!
//! Every problem is reported with the file and line it is on; errors fail the
//! build, warnings are printed and the build goes on.

pub mod content;
pub mod deploy;
pub mod diagnostic;
pub mod report;

use std::fmt;
use std::path::{Path, PathBuf};

use help_core::model::file_for_page_name;
use help_core::{Inline, LinkTarget, Page, PageKind, Site};

use content::{front_matter, html_check, links, markdown, partners, register, review, sanitize, structure};

pub use diagnostic::{Diagnostic, Severity};
use diagnostic::Reporter;
use front_matter::{FrontMatter, Kind};
use links::Links;
use links::LinkRef;

/// Build-time settings, from the environment (see `Settings::from_env`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where site-relative links the widget does not hold are sent.
    pub help_centre_url: String,
    /// The contact page; it must end with `/` (the form loses the code otherwise).
    pub contact_url: String,
    /// Whether partners' test-only profiles (localhost origins) are read:
    /// for test builds only, never a release.
    pub test_partners: bool,
    /// The build's date, for review dates: see [`review::build_date`].
    pub today: time::Date,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            help_centre_url: "https://help.login.nhs.uk".into(),
            contact_url: "https://help.login.nhs.uk/contact/".into(),
            test_partners: false,
            // A bad SOURCE_DATE_EPOCH is reported by the commands that read it.
            today: review::build_date().unwrap_or_else(|_| time::OffsetDateTime::now_utc().date()),
        }
    }
}

impl Settings {
    /// Names of the environment variables that override the defaults.
    pub const ENV_HELP_CENTRE_URL: &'static str = "HELP_CENTRE_URL";
    pub const ENV_CONTACT_URL: &'static str = "HELP_CONTACT_URL";
    pub const ENV_TEST_PARTNERS: &'static str = "HELP_TEST_PARTNERS";

    pub fn from_env() -> Self {
        let mut settings = Settings::default();
        if let Ok(url) = std::env::var(Self::ENV_HELP_CENTRE_URL) {
            settings.help_centre_url = url.trim_end_matches('/').to_owned();
        }
        if let Ok(url) = std::env::var(Self::ENV_CONTACT_URL) {
            settings.contact_url = url;
        }
        settings.test_partners = matches!(std::env::var(Self::ENV_TEST_PARTNERS).as_deref(), Ok("1") | Ok("true"));
        settings
    }
}

/// A successful build: the site, and any warnings to show the editor.
#[derive(Debug)]
pub struct Compiled {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
    /// Every page's review dates, by index into `site.pages`.
    pub reviews: Vec<review::Review>,
}

/// A failed build: every error found (and the warnings), not just the first.
#[derive(Debug)]
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
}

impl Failed {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(f, "the help content has {} error(s); fix them and build again", self.errors().count())
    }
}

impl std::error::Error for Failed {}

/// One content file as read from disk.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown in messages.
    pub path: PathBuf,
    /// Path below the content folder, with `/` separators (`manage/landline.md`).
    pub relative: String,
    pub bytes: Vec<u8>,
}

/// Every `*.md` file below `dir`, in a stable order.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<Source>> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<Source>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                walk(&path, root, out)?;
            } else if path.extension().is_some_and(|e| e == "md") {
                let relative = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(Source { bytes: std::fs::read(&path)?, path, relative });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

/// The synonym list content editors keep, in `content/`.
pub const SYNONYMS_FILE: &str = "synonyms.txt";

/// The search index for a compiled site, with the content's synonym list
/// and the articles' `search-terms` (read again from their front matter,
/// which the compile has already checked).
pub fn search_index(site: &Site, content_dir: &Path) -> help_search::SearchIndex {
    let synonyms = std::fs::read_to_string(content_dir.join(SYNONYMS_FILE)).unwrap_or_default();
    let terms = search_terms(site, content_dir);
    let mut index = help_search::SearchIndex::build(&site.pages, &site.references, help_search::parse_synonyms(&synonyms), &terms);
    index.site = site_version(site);
    index
}

/// Every article's `search-terms` in `content_dir`, by page of `site`.
pub fn search_terms(site: &Site, content_dir: &Path) -> Vec<help_search::Terms> {
    let mut out = Vec::new();
    for source in read_dir(content_dir).unwrap_or_default() {
        let Ok(text) = std::str::from_utf8(&source.bytes) else { continue };
        let mut report = Reporter::new(source.path.clone());
        let Some(front) = front_matter::split(text, &mut report).and_then(|split| front_matter::parse(&split, &mut report)) else { continue };
        let Some(page) = site.pages.iter().position(|p| p.page_name == front.page_name.value) else { continue };
        for t in front.search_terms {
            out.push(help_search::Terms {
                page,
                heading: t.heading.map(|h| h.value),
                phrases: t.phrases.into_iter().map(|p| p.value).collect(),
            });
        }
    }
    out
}

/// Names one build of the site model: a hash of its JSON. `build.rs` gives it
/// to the app, and the search index carries it, so the two can be matched.
pub fn site_version(site: &Site) -> String {
    version_of(serde_json::to_string(site).expect("the model serialises").as_bytes())
}

/// The model as the app ships it: the outline the wasm bundles, and every
/// page's body (see [`help_core::PageBody`]), each as one JSON value with
/// `<` written `\u003c`, so that it can stand inside a page file's
/// `<script type="application/json">` as it is.
pub struct Shipped {
    /// The whole model, for the native prerender.
    pub full: String,
    pub outline: String,
    /// [`site_version`] of the whole model.
    pub version: String,
    /// One per page, in page order.
    pub bodies: Vec<String>,
}

impl Shipped {
    pub fn of(site: &Site) -> Shipped {
        let escaped = |json: String| json.replace('<', "\\u003c");
        let full = serde_json::to_string(site).expect("the model serialises");
        Shipped {
            version: version_of(full.as_bytes()),
            outline: escaped(serde_json::to_string(&site.outline()).expect("the model serialises")),
            bodies: (0..site.pages.len()).map(|i| escaped(serde_json::to_string(&site.body(i)).expect("the model serialises"))).collect(),
            full,
        }
    }

    /// The bodies of `pages` as the app reads them ([`help_core::bundle::bodies_from_json`]).
    pub fn bodies_of(&self, pages: impl IntoIterator<Item = usize>) -> String {
        let bodies: Vec<&str> = pages.into_iter().map(|i| self.bodies[i].as_str()).collect();
        format!("{{\"site\":\"{}\",\"pages\":[{}]}}", self.version, bodies.join(","))
    }
}

/// A short, stable name for one build of some bundled file: a hash of it.
pub fn version_of(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The register of error references partners may show, in `content/`.
pub const PUBLISHED_REFERENCES_FILE: &str = register::REGISTER_FILE;

/// The live codes in `dir`'s register (`None` without one): those whose
/// guidance the release gate checks. Lines it cannot read are left to
/// [`compile_dir`] to report.
pub fn published_codes(dir: &Path) -> Option<Vec<help_core::ErrorCode>> {
    register::live_codes(dir)
}

/// Compiles the content folder at `dir`, and checks it against its list of
/// published references when it has one.
pub fn compile_dir(dir: &Path, settings: &Settings) -> Result<Compiled, Failed> {
    match read_dir(dir) {
        Ok(sources) => {
            let mut compiled = compile(&sources, settings)?;
            match partners::read(dir, &compiled.site, settings.test_partners) {
                Ok((partners, warnings)) => {
                    compiled.site.partners = partners;
                    compiled.warnings.extend(warnings);
                }
                Err(diagnostics) => return Err(Failed { diagnostics: diagnostics.into_iter().chain(compiled.warnings).collect() }),
            }
            let list = dir.join(PUBLISHED_REFERENCES_FILE);
            if let Ok(text) = std::fs::read_to_string(&list) {
                let (diagnostics, notices) = register::read(&compiled.site, &list, &text);
                if diagnostics.iter().any(|d| d.severity == Severity::Error) {
                    return Err(Failed { diagnostics: diagnostics.into_iter().chain(compiled.warnings).collect() });
                }
                compiled.warnings.extend(diagnostics);
                compiled.site.notices = notices;
            }
            Ok(compiled)
        }
        Err(e) => Err(Failed {
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                file: dir.to_owned(),
                line: 1,
                message: format!("cannot read the content folder: {e}"),
            }],
        }),
    }
}

/// A page read from one file, with what the cross-file checks need.
struct Parsed {
    page: Page,
    front: FrontMatter,
    links: Vec<LinkRef>,
    report: Reporter,
}

pub fn compile(sources: &[Source], settings: &Settings) -> Result<Compiled, Failed> {
    let mut parsed: Vec<Parsed> = Vec::new();
    let mut reports: Vec<Reporter> = Vec::new();
    for source in sources {
        let mut report = Reporter::new(source.path.clone());
        match parse_file(source, &mut report) {
            Some((page, front, links)) => parsed.push(Parsed { page, front, links, report }),
            None => reports.push(report),
        }
    }

    check_names_and_hubs(&mut parsed);
    // Home first, then by file name: a stable order for the bundle.
    parsed.sort_by(|a, b| (a.page.page_name != "home", &a.page.file).cmp(&(b.page.page_name != "home", &b.page.file)));
    if !parsed.iter().any(|p| p.page.page_name == "home") && reports.is_empty() {
        let mut report = Reporter::new(sources.first().map_or_else(PathBuf::new, |s| s.path.clone()));
        report.error(1, "there is no home hub: one file needs `pageName: home` and `type: hub`");
        reports.push(report);
    }
    link_children(&mut parsed);
    resolve_links(&mut parsed, settings);
    check_bundles(&mut parsed);
    let reviews: Vec<review::Review> = parsed
        .iter()
        .enumerate()
        .filter(|(_, p)| p.front.reviewed.is_some() || p.front.review_due.is_some())
        .map(|(page, p)| review::Review { file: p.report.file.clone(), page, reviewed: p.front.reviewed.clone(), due: p.front.review_due.clone() })
        .collect();

    let mut diagnostics: Vec<Diagnostic> = reports
        .into_iter()
        .chain(parsed.iter_mut().map(|p| std::mem::replace(&mut p.report, Reporter::new(PathBuf::new()))))
        .flat_map(|r| r.diagnostics)
        .chain(review::overdue_warnings(&reviews, settings.today))
        .collect();
    diagnostics.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(Failed { diagnostics });
    }
    let mut pages: Vec<Page> = parsed.into_iter().map(|p| p.page).collect();
    let references = help_core::references::collect(&pages);
    for reference in &references {
        for place in std::iter::once(&reference.place).chain(&reference.also) {
            if let Some(section) = pages[place.page].sections.iter_mut().find(|s| s.id == place.section) {
                section.references.push(reference.code.clone());
            }
        }
    }
    Ok(Compiled {
        site: Site {
            pages,
            help_centre_url: settings.help_centre_url.clone(),
            contact_url: settings.contact_url.clone(),
            references,
            // Read from their own files by `compile_dir`.
            partners: Vec::new(),
            notices: Vec::new(),
        },
        warnings: diagnostics,
        reviews,
    })
}

/// Every bundle is read back before it ships (serde_json, which refuses
/// nesting deeper than 128 levels, here and in `build.rs`; the app's own
/// reader in `help_core::bundle`); a page too deep to read back must fail
/// here, naming its file, not blank the app.
fn check_bundles(parsed: &mut [Parsed]) {
    for p in parsed {
        let json = serde_json::to_string(&p.page).expect("the model serialises");
        if serde_json::from_str::<Page>(&json).is_err() {
            p.report.error(p.front.title.line, "this page is nested too deeply to bundle: flatten its lists, details and emphasis");
        }
    }
}

fn parse_file(source: &Source, report: &mut Reporter) -> Option<(Page, FrontMatter, Vec<LinkRef>)> {
    let text = match std::str::from_utf8(&source.bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + source.bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            report.error(line, "the file is not valid UTF-8 text: save it as UTF-8");
            return None;
        }
    };
    // Checked on the source, so the line is exact wherever the character is.
    for (i, line) in text.lines().enumerate() {
        if let Some(c) = links::bidi_control(line) {
            report.error(i + 1, format!("a bidirectional control character (U+{:04X}) is here: it can make text, such as a link, read differently from what it is; remove it", c as u32));
        }
    }
    let split = front_matter::split(text, report)?;
    let front = front_matter::parse(&split, report)?;
    let rendered = markdown::render(split.body, split.body_line, report);
    // The checks above name the line for deep raw HTML or Markdown; this
    // catches depth built across several blocks before anything recurses on it.
    if html_check::max_depth(&rendered.html) > html_check::MAX_DEPTH {
        if !report.has_errors() {
            let message = format!("this article is nested more than {} elements deep: flatten it", html_check::MAX_DEPTH);
            report.error(split.body_line, message);
        }
        return None;
    }
    let structured = structure::structure(&sanitize::clean(&rendered.html));
    check_search_terms(&front, &structured.sections, report);

    let site_path = {
        let without_ext = source.relative.strip_suffix(".md").unwrap_or(&source.relative);
        // Only a whole `index` segment names its folder (`manage/index`), not `body-mass-index`.
        let trimmed = match without_ext.rsplit_once('/') {
            Some((folder, "index")) => folder,
            None if without_ext == "index" => "",
            _ => without_ext,
        };
        format!("/{trimmed}")
    };
    let page = Page {
        page_name: front.page_name.value.clone(),
        file: file_for_page_name(&front.page_name.value),
        site_path,
        kind: match front.kind.value {
            Kind::Hub => PageKind::Hub,
            Kind::Article => PageKind::Article,
        },
        title: front.title.value.clone(),
        short_title: front.short_title.as_ref().map(|f| f.value.clone()),
        subtitle: front.subtitle.value.clone(),
        hub: front.hub.as_ref().map(|f| f.value.clone()),
        position: front.position.value,
        partner: front.partner.as_ref().map(|f| f.value.clone()),
        intro: structured.intro,
        sections: structured.sections,
        children: Vec::new(),
        review_dates: review::review_text(front.reviewed.as_ref().map(|f| f.value), front.review_due.as_ref().map(|f| f.value)),
    };
    Some((page, front, rendered.links))
}

/// Each section `search-terms` names must be a heading (or details
/// summary) of the article, and only articles are searched.
fn check_search_terms(front: &FrontMatter, sections: &[help_core::Section], report: &mut Reporter) {
    if front.search_terms.is_empty() {
        return;
    }
    if front.kind.value == Kind::Hub {
        let line = front.search_terms.iter().flat_map(|t| t.heading.iter().map(|h| h.line).chain(t.phrases.iter().map(|p| p.line))).min().unwrap_or(front.kind.line);
        report.error(line, format!("`{}` is for articles: search finds the sections of articles, not hubs", front_matter::SEARCH_TERMS_KEY));
        return;
    }
    let headings: Vec<&str> = sections
        .iter()
        .flat_map(|s| std::iter::once(s.heading.as_str()).chain(help_core::walk::details(&s.blocks).into_iter().map(|(_, summary, _)| summary)))
        .collect();
    for heading in front.search_terms.iter().filter_map(|t| t.heading.as_ref()) {
        if !headings.iter().any(|h| help_search::same_heading(&heading.value, h)) {
            report.error(heading.line, format!(
                "`{}`: this article has no section or details block headed `{}` (its headings: {})",
                front_matter::SEARCH_TERMS_KEY,
                heading.value,
                headings.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")
            ));
        }
    }
}

fn check_names_and_hubs(parsed: &mut [Parsed]) {
    for i in 0..parsed.len() {
        let (before, rest) = parsed.split_at_mut(i);
        let this = &mut rest[0];
        if let Some(first) = before.iter().find(|p| p.page.file == this.page.file) {
            let message = if first.page.page_name == this.page.page_name {
                format!("duplicate pageName `{}`: {} already uses it", this.page.page_name, first.report.file.display())
            } else {
                format!(
                    "pageName `{}` gives the page file `{}`, which `{}` in {} already gives",
                    this.page.page_name, this.page.file, first.page.page_name, first.report.file.display()
                )
            };
            this.report.error(this.front.page_name.line, message);
        }
    }
    for p in parsed.iter_mut() {
        if help_core::model::BUILD_PAGE_FILES.contains(&p.page.file.as_str()) {
            let message = format!(
                "pageName `{}` gives the page file `{}`, which the build writes itself (the list of error references): choose another pageName",
                p.page.page_name, p.page.file
            );
            p.report.error(p.front.page_name.line, message);
        }
    }
    // A hub is named by its pageName, its `name` or its folder (the help
    // centre's articles say `hub: provewhoyouare` for the hub in
    // `provewhoyouare/index.md`); the model always holds the pageName.
    struct Hub {
        page_name: String,
        names: Vec<String>,
        file: String,
    }
    let folder_of = |p: &Parsed| -> Option<String> {
        // Only `<folder>/index.md` is its folder's hub.
        (p.report.file.file_name()? == "index.md").then(|| p.page.site_path.rsplit('/').next().map(str::to_owned)).flatten().filter(|f| !f.is_empty())
    };
    let hubs: Vec<Hub> = parsed
        .iter()
        .filter(|p| p.page.kind == PageKind::Hub)
        .map(|p| {
            let mut names = vec![p.page.page_name.clone()];
            names.extend(p.front.name.as_ref().map(|n| n.value.clone()));
            names.extend(folder_of(p));
            Hub { page_name: p.page.page_name.clone(), names, file: p.report.file.display().to_string() }
        })
        .collect();
    // A hub's `name` another hub already answers to is the hub's mistake,
    // said once at its own line.
    for p in parsed.iter_mut().filter(|p| p.page.kind == PageKind::Hub) {
        let Some(name) = &p.front.name else { continue };
        if let Some(other) = hubs.iter().find(|h| h.page_name != p.page.page_name && h.names.contains(&name.value)) {
            p.report.error(name.line, format!("`name: {}` is already how {} ({}) is named: choose another name", name.value, other.page_name, other.file));
        }
    }
    for p in parsed.iter_mut() {
        let Some(hub) = &p.front.hub else { continue };
        let matches: Vec<&Hub> = hubs.iter().filter(|h| h.names.contains(&hub.value)).collect();
        match matches.as_slice() {
            [one] if one.page_name == p.page.page_name => {
                p.report.error(hub.line, format!("`hub: {}` names this page itself", hub.value));
            }
            [one] => p.page.hub = Some(one.page_name.clone()),
            [] => {
                let known: Vec<&str> = hubs.iter().map(|h| h.page_name.as_str()).collect();
                let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
                p.report.error(hub.line, format!("`hub: {}` is not a hub in this content (hubs by pageName, name or folder: {known})", hub.value));
            }
            several => {
                let which: Vec<String> = several.iter().map(|h| format!("{} ({})", h.page_name, h.file)).collect();
                p.report.error(hub.line, format!("`hub: {}` could be more than one hub: {}; give the hub's pageName", hub.value, which.join(", ")));
            }
        }
    }
}

/// Each hub lists its pages by position, ties broken by title.
fn link_children(parsed: &mut [Parsed]) {
    let keys: Vec<(Option<String>, i64, String)> =
        parsed.iter().map(|p| (p.page.hub.clone(), p.page.position, p.page.title.clone())).collect();
    for p in parsed.iter_mut().filter(|p| p.page.kind == PageKind::Hub) {
        let mut children: Vec<usize> =
            (0..keys.len()).filter(|&i| keys[i].0.as_deref() == Some(p.page.page_name.as_str())).collect();
        children.sort_by(|&a, &b| (keys[a].1, &keys[a].2).cmp(&(keys[b].1, &keys[b].2)));
        p.page.children = children;
    }
}

fn resolve_links(parsed: &mut [Parsed], settings: &Settings) {
    let pages: Vec<Page> = parsed.iter().map(|p| p.page.clone()).collect();
    let links = Links::new(&pages, &settings.help_centre_url);
    for (index, p) in parsed.iter_mut().enumerate() {
        for link in &p.links {
            if let Err(message) = links.resolve(index, &link.href) {
                p.report.error(link.line, message);
            } else if links::is_insecure(&link.href) {
                p.report.warning(link.line, format!("link `{}` uses plain `http:`: use `https:` if the site has it", link.href.trim()));
            }
        }
        let mut unresolved = Vec::new();
        // Replace the raw `href` the structure pass kept with the resolved target.
        let mut rewrite = |inline: &mut Inline| {
            if let Inline::Link { target, .. } = inline {
                if let LinkTarget::External { href } = target {
                    match links.resolve(index, href) {
                        Ok(resolved) => *target = resolved,
                        Err(message) => unresolved.push(message),
                    }
                }
            }
        };
        help_core::walk::inlines_mut(&mut p.page.intro, &mut rewrite);
        for section in &mut p.page.sections {
            help_core::walk::inlines_mut(&mut section.blocks, &mut rewrite);
        }
        // Every link the source holds was checked above with its line; one
        // that only appears now slipped past those checks, so fail loudly.
        if !p.report.has_errors() {
            for message in unresolved {
                p.report.error(p.front.kind.line, format!("{message} (could not tell which line)"));
            }
        }
    }
}
