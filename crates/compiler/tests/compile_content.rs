//! The compiler on real files: the help centre's own content, articles it has
//! never seen, and every kind of bad input, each of which must name its file
//! and line.

mod common;

use std::path::{Path, PathBuf};

use help_compiler::{compile, compile_dir, published_codes, read_dir, Diagnostic, Settings, Severity, Source};
use help_core::{Block, Inline, LinkTarget, Page, PageKind, Site};
use help_core::error_code::parse_code;

fn repo_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

use common::fixtures;

fn real_site() -> (Site, Vec<Diagnostic>) {
    let compiled = compile_dir(&repo_content(), &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    (compiled.site, compiled.warnings)
}

fn page<'a>(site: &'a Site, file: &str) -> &'a Page {
    site.page_by_file(file).unwrap_or_else(|| panic!("no page {file}")).1
}

fn all_blocks(page: &Page) -> Vec<&Block> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
        for b in blocks {
            out.push(b);
            match b {
                Block::Details { blocks, .. } => walk(blocks, out),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&page.intro, &mut out);
    page.sections.iter().for_each(|s| walk(&s.blocks, &mut out));
    out
}

fn text_of(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => t.clone(),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } | Inline::VisuallyHidden(c) => text_of(c),
            Inline::LineBreak => "\n".into(),
        })
        .collect()
}

fn links(page: &Page) -> Vec<(LinkTarget, String)> {
    fn walk(inlines: &[Inline], out: &mut Vec<(LinkTarget, String)>) {
        for i in inlines {
            match i {
                Inline::Link { target, children, .. } => out.push((target.clone(), text_of(children))),
                Inline::Strong(c) | Inline::Emphasis(c) => walk(c, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for b in all_blocks(page) {
        if let Block::Paragraph(i) | Block::Subheading(i) = b {
            walk(i, &mut out);
        }
    }
    out
}

#[test]
fn every_real_page_compiles_with_its_file_name() {
    let (site, _) = real_site();
    let files: Vec<&str> = site.pages.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "index.html",
            "error-messages-support.html",
            "manage-landline-number.html",
            "manage-phone-number.html",
            "manage.html",
            "patientcentre-cannot-log-in.html",
            "setup-nhs-login.html",
        ]
    );
    assert_eq!(page(&site, "manage-landline-number.html").site_path, "/manage/landline");
    assert_eq!(page(&site, "setup-nhs-login.html").site_path, "/setupnhslogin");
    assert_eq!(page(&site, "manage.html").site_path, "/manage");
    assert_eq!(page(&site, "index.html").site_path, "/");
}

#[test]
fn hubs_list_their_pages_by_position_then_title() {
    let (site, _) = real_site();
    let titles = |file: &str| -> Vec<&str> {
        page(&site, file).children.iter().map(|&i| site.pages[i].title.as_str()).collect()
    };
    assert_eq!(
        titles("index.html"),
        ["I cannot log into Patientcentre", "Set up NHS login", "Manage your NHS login", "Error messages and support"]
    );
    assert_eq!(titles("manage.html"), ["Mobile phone number", "Landline number"]);
}

#[test]
fn sections_and_details_of_the_seed_articles() {
    let (site, _) = real_site();
    let landline = page(&site, "manage-landline-number.html");
    let ids: Vec<&str> = landline.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "how-to-add-a-landline-number",
            "how-to-change-your-landline-number",
            "if-you-lose-access-to-your-landline-number",
            "the-link-to-cancel-the-update-to-your-landline-number-does-not-work",
            "cid3009",
            "cid3010",
        ]
    );
    assert_eq!(landline.sections[4].level, 3);
    assert_eq!(landline.sections[4].heading, "Expired link – Reference CID3009");

    let errors = page(&site, "error-messages-support.html");
    let details: Vec<&str> = all_blocks(errors)
        .into_iter()
        .filter_map(|b| match b {
            Block::Details { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        details,
        [
            "forgotten-your-password",
            "change-the-email-address-you-use-to-sign-into-nhs-login",
            "delete-your-existing-account",
            "you-have-already-set-up-an-nhs-login",
            "we-have-the-wrong-details-for-you",
            "if-you-are-using-gmail-google-mail",
            "if-you-are-using-outlook-hotmail-or-live",
        ]
    );
    let gp = errors.section("cid7023").expect("CID7023 section");
    assert_eq!(gp.heading, "Unable to connect to your GP surgery’s system - Reference CID7023");
}

#[test]
fn indented_text_inside_details_is_text_not_code() {
    // Seed 002 indents the text inside several <details> by four spaces after a
    // blank line; CommonMark alone would make those code blocks.
    for source in read_dir(&repo_content()).expect("content is readable") {
        let text = String::from_utf8(source.bytes.clone()).expect("utf-8");
        let body = text.splitn(3, "---\n").nth(2).expect("front matter");
        let mut report = help_compiler::diagnostic::Reporter::new(source.path.clone());
        let html = help_compiler::content::markdown::render(body, 1, &mut report).html;
        assert!(!html.contains("<pre") && !html.contains("<code"), "{} renders a code block", source.relative);
    }
    let (site, _) = real_site();
    let errors = page(&site, "error-messages-support.html");
    let Some(Block::Details { blocks, .. }) = all_blocks(errors).into_iter().find(|b| matches!(b, Block::Details { id, .. } if id == "we-have-the-wrong-details-for-you")) else {
        panic!("details missing")
    };
    assert!(matches!(&blocks[0], Block::Paragraph(i) if text_of(i) == "The details we use to make the connection are wrong."));
    assert!(matches!(&blocks[2], Block::List { ordered: false, items, .. } if items.len() == 3), "{blocks:?}");
    let Some(Block::Details { blocks, .. }) = all_blocks(errors).into_iter().find(|b| matches!(b, Block::Details { id, .. } if id == "you-have-already-set-up-an-nhs-login")) else {
        panic!("details missing")
    };
    assert!(matches!(&blocks[2], Block::Paragraph(i) if i.iter().any(|x| matches!(x, Inline::Strong(s) if text_of(s) == "Login and security settings"))));
}

#[test]
fn all_twelve_error_references_are_in_the_model() {
    let (site, _) = real_site();
    let mut codes: Vec<String> = site
        .pages
        .iter()
        .flat_map(|p| p.sections.iter().flat_map(|s| s.references.iter().map(|c| c.to_string())))
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(
        codes,
        ["CID1111", "CID2011", "CID2012", "CID2014", "CID3001", "CID3002", "CID3003", "CID3008", "CID3009", "CID3010", "CID7023", "CID7029"]
    );
    // A code only in a contact link belongs to the nearest heading above it.
    let landline = page(&site, "manage-landline-number.html");
    assert_eq!(landline.section("if-you-lose-access-to-your-landline-number").unwrap().references, ["CID3008"]);
}

#[test]
fn links_resolve_to_pages_contact_or_the_help_centre() {
    let (site, _) = real_site();
    let landline = links(page(&site, "manage-landline-number.html"));
    assert!(landline.contains(&(LinkTarget::Contact { code: parse_code("CID3009") }, "Contact us".into())));
    assert!(landline.contains(&(LinkTarget::External { href: "https://settings.login.nhs.uk/".into() }, "your NHS account".into())));
    let setup = links(page(&site, "setup-nhs-login.html"));
    assert!(setup.iter().any(|(t, _)| *t == LinkTarget::External { href: "https://help.login.nhs.uk/provewhoyouare".into() }));
    let partner = links(page(&site, "patientcentre-cannot-log-in.html"));
    assert!(partner.iter().any(|(t, _)| *t == LinkTarget::Page { file: "index.html".into(), fragment: None }));
    assert_eq!(
        LinkTarget::Contact { code: parse_code("CID3009") }.href(&site),
        "https://help.login.nhs.uk/contact/?error=CID3009"
    );
}

#[test]
fn partner_articles_are_marked_with_their_partner() {
    let (site, _) = real_site();
    let partner = page(&site, "patientcentre-cannot-log-in.html");
    assert_eq!(partner.partner.as_deref(), Some("patientcentre"));
    let headings: Vec<&str> = partner.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        ["I don't have an NHS login account", "I forgot my NHS login password", "I am not receiving a security code", "I have changed my phone number", "My account is locked", "Important"]
    );
    assert!(!all_blocks(partner).iter().any(|b| matches!(b, Block::Paragraph(i) if text_of(i).contains("Was this article helpful"))));
}

#[test]
fn real_content_warns_about_its_slips_with_file_and_line() {
    let (_, warnings) = real_site();
    let shown: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert!(shown.iter().any(|w| w.ends_with("error-messages-support.md:275: warning: the word “us” is written twice in a row")), "{shown:#?}");
    assert!(shown.iter().any(|w| w.contains("landline.md:64: warning: the `style` attribute on `<div>`")), "{shown:#?}");
    assert!(shown.iter().any(|w| w.contains("mobile-phone.md:53: warning: the `style` attribute")), "{shown:#?}");
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
}

#[test]
fn articles_it_has_never_seen() {
    let compiled = compile_dir(&fixtures("good"), &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let site = &compiled.site;
    assert!(compiled.warnings.is_empty(), "{:#?}", compiled.warnings);
    let home_titles: Vec<&str> = page(site, "index.html").children.iter().map(|&i| site.pages[i].title.as_str()).collect();
    assert_eq!(home_titles, ["Another basics page", "The basics", "Your account", "Body mass index"]);

    let recovery = page(site, "account-recovery.html");
    assert_eq!(recovery.kind, PageKind::Article);
    assert_eq!(recovery.site_path, "/account/recovery");
    assert!(matches!(&recovery.intro[..], [Block::Paragraph(i)] if text_of(i) == "Read the section that matches what you see."));
    let ids: Vec<&str> = recovery.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["check-your-details", "check-your-details-2", "cid4001", "cid40015"]);
    assert_eq!(recovery.sections[2].references, ["CID4001", "CID4002"]);
    assert!(recovery.has_anchor("what-we-need") && recovery.has_anchor("if-your-email-has-changed"));

    // The ordered list keeps its items with the nested div's text inside item 2.
    let Some(Block::List { ordered: true, items, .. }) = recovery.sections[2].blocks.get(1) else {
        panic!("{:?}", recovery.sections[2].blocks)
    };
    assert_eq!(items.len(), 3);
    assert!(items[1].iter().any(|b| matches!(b, Block::Paragraph(i) if text_of(i) == "If it is still locked, reset your password.")));

    let found = links(recovery);
    assert!(found.contains(&(LinkTarget::Page { file: "account-recovery.html".into(), fragment: Some("what-we-need".into()) }, "what we need".into())));
    assert!(found.contains(&(LinkTarget::Page { file: "account-recovery.html".into(), fragment: Some("cid4001".into()) }, "other guide".into())));
    assert!(found.contains(&(LinkTarget::External { href: "https://help.login.nhs.uk/provewhoyouare".into() }, "prove who you are".into())));

    let basics = page(site, "basics.html");
    let Block::Paragraph(inlines) = &basics.sections[0].blocks[0] else { panic!() };
    assert_eq!(text_of(inlines), "A test article. Emphasis and strong work, and so does a line break.");
}

/// Compiles the good fixtures plus one bad file; returns the errors shown.
fn errors_with(bad: &str) -> Vec<String> {
    common::errors_with(&fixtures("good"), &fixtures("bad"), bad)
}

fn assert_error(bad: &str, line: usize, message: &str) {
    let errors = errors_with(bad);
    let location = format!("{bad}:{line}: error: ");
    assert!(
        errors.iter().any(|e| e.contains(&location) && e.contains(message)),
        "expected `{location}…{message}…` in {errors:#?}"
    );
}

#[test]
fn bad_front_matter_fails_naming_file_and_line() {
    assert_error("no-front-matter.md", 1, "must start with front matter");
    assert_error("unclosed-front-matter.md", 1, "not closed");
    assert_error("invalid-yaml.md", 3, "not valid YAML");
    assert_error("missing-title.md", 2, "no `title`");
    assert_error("bad-position.md", 7, "`position` must be a whole number");
    assert_error("unknown-hub.md", 6, "`hub: settings` is not a hub");
    assert_error("not-utf8.md", 10, "not valid UTF-8");
}

#[test]
fn duplicate_page_names_name_both_files() {
    let errors = errors_with("duplicate-page-name.md");
    assert!(errors.iter().any(|e| e.contains("duplicate-page-name.md:4: error: duplicate pageName `basics`") && e.contains("basics.md")), "{errors:#?}");
}

#[test]
fn broken_internal_links_fail() {
    assert_error("broken-hub-link.md", 12, "no article has the path `/account/missing`");
    assert_error("broken-section-link.md", 12, "no section with that id");
}

#[test]
fn html_that_could_run_code_or_load_from_elsewhere_fails() {
    assert_error("script.md", 14, "`<script>` is not allowed");
    assert_error("iframe.md", 10, "`<iframe>` is not allowed");
    assert_error("event-handler.md", 13, "`ontoggle` attribute");
    assert_error("javascript-link.md", 12, "`javascript:`");
    assert_error("data-url.md", 12, "`data:` URL");
    assert_error("style-element.md", 10, "`<style>` is not allowed");
    assert_error("object.md", 12, "`<object>` is not allowed");
    assert_error("svg-script.md", 14, "`<script>` is not allowed");
    assert_error("svg-onload.md", 16, "`onload` attribute on `<svg>`");
    assert_error("encoded-javascript.md", 14, "`javascript:`");
    assert_error("markdown-javascript.md", 14, "`javascript:`");
    assert_error("markdown-data.md", 14, "`data:` URL");
    assert_error("markdown-image.md", 14, "images are not supported");
    assert_error("meta-refresh.md", 14, "`<meta>` is not allowed");
    assert_error("form.md", 14, "`<form>` is not allowed");
}

#[test]
fn each_hostile_fixture_fails_once_per_problem() {
    // One clear message per problem: a link is not reported again by link checking.
    for bad in ["javascript-link.md", "markdown-javascript.md", "encoded-javascript.md", "data-url.md", "markdown-data.md"] {
        let errors = errors_with(bad);
        assert_eq!(errors.len(), 1, "{bad}: {errors:#?}");
    }
}

#[test]
fn an_unclosed_attribute_cannot_hide_the_next_blocks_tags() {
    // The first block ends inside `title="`: joined with the next, it would
    // hide the script and the link from the check.
    assert_error("unclosed-attribute.md", 12, "ends inside a tag, attribute value or comment");
    // Markup the tokenizer ends without complaint (a bogus comment, an open
    // comment) is refused the same way.
    for (ending, line) in [("</3", 11), ("<!-- note", 11), ("<?x", 11)] {
        let article = format!("---\ntitle: T\nsubtitle: s\npageName: ending\ntype: article\nhub: home\nposition: 1\n---\n\n<div>\n{ending}\n\nParagraph <span title=\"><a href='https://example.org/'>x</a>\">y</span>\n");
        let errors: Vec<String> = compile_with("ending.md", &article).expect_err(ending).errors().map(|d| d.to_string()).collect();
        assert!(errors.iter().any(|e| e.contains(&format!("ending.md:{line}: error: this HTML ends inside"))), "{ending}: {errors:#?}");
    }
}

#[test]
fn a_page_name_the_build_writes_itself_fails_at_its_line() {
    assert_error("reserved-page-name.md", 4, "which the build writes itself");
}

#[test]
fn deceptive_links_fail_and_plain_http_warns() {
    assert_error("userinfo-link.md", 12, "hides where it goes");
    assert_error("userinfo-link.md", 14, "hides where it goes");
    assert_error("bidi-link-text.md", 12, "bidirectional control character (U+202E)");
    let article = "---\ntitle: Plain\nsubtitle: s\npageName: plain\ntype: article\nhub: home\nposition: 1\n---\n\n## Section\n\n[An old site](http://example.org/) still works.\n";
    let compiled = compile_with("plain.md", article).unwrap_or_else(|e| panic!("{e}"));
    assert!(compiled.warnings.iter().any(|w| w.to_string().contains("plain.md:12: warning: link `http://example.org/` uses plain `http:`")), "{:#?}", compiled.warnings);
}

#[test]
fn content_cannot_take_the_ids_the_app_uses() {
    let article = "---\ntitle: Ids\nsubtitle: s\npageName: ids\ntype: article\nhub: home\nposition: 1\n---\n\n## Search\n\nText.\n\n## Search results\n\n<details class=\"nhsuk-details\"><summary class=\"nhsuk-details__summary\"><span class=\"nhsuk-details__summary-text\">Search hint</span></summary><div class=\"nhsuk-details__text\"><p>Hint.</p></div></details>\n\n## Search result 1\n\nMore.\n\n## Search\n\nAgain.\n\n## Search result\n\nOne.\n\n## Search result\n\nTwo.\n";
    let compiled = compile_with("ids.md", article).unwrap_or_else(|e| panic!("{e}"));
    let page = page(&compiled.site, "ids.html");
    let ids: Vec<&str> = page.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["search-2", "search-results-2", "search-result-1-2", "search-3", "search-result", "search-result-10"]);
    let Block::Details { id, .. } = &page.sections[1].blocks[0] else { panic!("{:?}", page.sections[1].blocks) };
    assert_eq!(id, "search-hint-2");
}

#[test]
fn content_cannot_take_the_ids_the_page_files_scripts_read() {
    // The page file's own data element and the app's root: a heading with
    // either id would be what the app reads in their place.
    let article = "---\ntitle: Ids\nsubtitle: s\npageName: ids\ntype: article\nhub: home\nposition: 1\n---\n\n## Page bodies\n\n<details class=\"nhsuk-details\"><summary class=\"nhsuk-details__summary\"><span class=\"nhsuk-details__summary-text\">Page bodies</span></summary><div class=\"nhsuk-details__text\"><p>Text.</p></div></details>\n\n## App\n\nMore.\n\n## Maincontent\n\nMore.\n";
    let compiled = compile_with("ids.md", article).unwrap_or_else(|e| panic!("{e}"));
    let page = page(&compiled.site, "ids.html");
    let ids: Vec<&str> = page.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["page-bodies-2", "app-2", "maincontent-2"]);
    let Block::Details { id, .. } = &page.sections[0].blocks[0] else { panic!("{:?}", page.sections[0].blocks) };
    assert_eq!(id, "page-bodies-3");
    assert!(page.anchors().iter().all(|id| !help_core::ids::is_reserved(id)), "{:?}", page.anchors());
}

fn source(relative: &str, text: &str) -> Source {
    Source { bytes: text.as_bytes().to_vec(), path: PathBuf::from(relative), relative: relative.to_owned() }
}

fn article_on(page_name: &str, hub: &str) -> String {
    format!("---\ntitle: {page_name}\nsubtitle: s\npageName: {page_name}\ntype: article\nhub: {hub}\nposition: 1\n---\n\n## Section\n\nText.\n")
}

#[test]
fn a_hub_is_named_by_its_page_name_its_name_or_its_folder() {
    let mut sources = read_dir(&fixtures("good")).expect("fixtures");
    sources.push(source("guides/index.md", "---\ntitle: Guides\nsubtitle: s\npageName: guides-hub\nname: guideshub\ntype: hub\nhub: home\n---\n"));
    for (page_name, hub) in [("by-name", "guideshub"), ("by-folder", "guides"), ("by-page-name", "guides-hub")] {
        sources.push(source(&format!("guides/{page_name}.md"), &article_on(page_name, hub)));
    }
    let compiled = compile(&sources, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let hub = page(&compiled.site, "guides-hub.html");
    let listed: Vec<&str> = hub.children.iter().map(|&i| compiled.site.pages[i].page_name.as_str()).collect();
    assert_eq!(listed, ["by-folder", "by-name", "by-page-name"]);
    for file in ["by-name.html", "by-folder.html", "by-page-name.html"] {
        assert_eq!(page(&compiled.site, file).hub.as_deref(), Some("guides-hub"), "{file}");
    }

    // A name two hubs answer to is an error at the article's `hub` line.
    sources.push(source("other.md", "---\ntitle: Other\nsubtitle: s\npageName: other-hub\nname: guides\ntype: hub\nhub: home\n---\n"));
    let errors: Vec<String> = compile(&sources, &Settings::default()).expect_err("ambiguous").errors().map(|d| d.to_string()).collect();
    assert!(errors.iter().any(|e| e.contains("guides/by-folder.md:6: error: `hub: guides` could be more than one hub: guides-hub (guides/index.md), other-hub (other.md)")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("other.md:5: error: `name: guides` is already how guides-hub (guides/index.md) is named")), "{errors:#?}");
}

#[test]
fn the_help_centre_fixture_corpus_compiles_as_written() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/help-centre");
    let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let with_id = page(&compiled.site, "prove-who-you-are-with-id.html");
    assert_eq!(with_id.hub.as_deref(), Some("prove-who-you-are"));
    // CID4017 is named only in the text of the record-a-video article.
    let (_, reference) = compiled.site.reference("CID4017").expect("CID4017 is found");
    let video = &compiled.site.pages[reference.place.page];
    assert_eq!((video.file.as_str(), reference.place.section.as_str()), ("prove-who-you-are-record-a-video.html", "my-video-is-too-dark-or-blurry"));
    assert_eq!(reference.place.naming, help_core::Naming::Text);
}

/// Compiles the good fixtures plus one article given as text.
fn compile_with(name: &str, text: &str) -> Result<help_compiler::Compiled, help_compiler::Failed> {
    let mut sources = read_dir(&fixtures("good")).expect("fixtures");
    sources.push(source(name, text));
    compile(&sources, &Settings::default())
}

#[test]
fn tags_written_over_several_lines_are_checked_whole() {
    assert_error("multiline-attribute.md", 13, "`ontoggle` attribute");
    assert_error("multiline-iframe.md", 12, "`<iframe>` is not allowed");
    assert_error("multiline-link.md", 12, "`javascript:`");
}

/// WCAG 2.4.7: a link or other focusable element inside visually hidden
/// text takes keyboard focus while nobody can see where it is.
#[test]
fn nothing_focusable_is_inside_visually_hidden_text() {
    let hidden = "inside visually hidden text";
    assert_error("hidden-link.md", 12, hidden);
    // Class and link written over several lines: the tag is read whole, at its last line.
    assert_error("hidden-link-multiline.md", 18, hidden);
    // A Markdown link inside a raw HTML span of the `visually-hidden` family.
    assert_error("hidden-markdown-link.md", 13, hidden);
    let errors = errors_with("hidden-focusable.md");
    let lines: Vec<usize> = errors
        .iter()
        .filter(|e| e.contains(hidden))
        .map(|e| e.split(':').nth(1).and_then(|l| l.parse().ok()).unwrap_or_else(|| panic!("{e}")))
        .collect();
    // A Markdown link, a details (not again for its summary), a tabindex, a
    // summary hidden itself, a button, a link inside `…-focusable` (which
    // shows only itself when focused): once each.
    assert_eq!(lines, [14, 16, 21, 26, 30, 32], "{errors:#?}");
    // A skip link that is itself `…-focusable` shows when focused: no error.
    let skip = "---\ntitle: T\nsubtitle: s\npageName: skip\ntype: article\nhub: home\nposition: 1\n---\n\n<a class=\"nhsuk-u-visually-hidden-focusable\" href=\"https://www.nhs.uk/\">Skip</a>\n";
    compile_with("skip.md", skip).unwrap_or_else(|e| panic!("{e}"));

    // Hidden text with nothing focusable in it, and links just after it, pass.
    let mut sources = read_dir(&fixtures("good")).expect("fixtures");
    sources.extend(read_dir(&fixtures("hidden")).expect("fixtures"));
    let compiled = compile(&sources, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(compiled.warnings.is_empty(), "{:#?}", compiled.warnings);
    let page = page(&compiled.site, "hidden-text.html");
    assert_eq!(links(page).len(), 2, "{:#?}", page.sections);
}

#[test]
fn trickier_markdown_that_real_articles_may_hold() {
    let compiled = compile_dir(&fixtures("good"), &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let bmi = page(&compiled.site, "bmi.html");
    // Only a whole `index` segment names a folder.
    assert_eq!(bmi.site_path, "/body-mass-index");
    // A heading may not take an id the page itself uses.
    assert_eq!(bmi.sections[0].id, "app-2");
    let found = links(bmi);
    assert!(found.contains(&(LinkTarget::External { href: "mailto:help@example.nhs.uk".into() }, "help@example.nhs.uk".into())), "{found:?}");
    // A reference-style link inside indented details text uses the file's definition.
    assert!(found.contains(&(LinkTarget::Page { file: "account-recovery.html".into(), fragment: None }, "the recovery guide".into())), "{found:?}");
    // A commented-out script is neither an error nor content.
    assert!(!all_blocks(bmi).iter().any(|b| matches!(b, Block::Paragraph(i) if text_of(i).contains("script"))));
}

#[test]
fn nesting_too_deep_fails_with_a_line_and_never_overflows() {
    for (name, body) in [
        ("deep-list.md", format!("{}x\n", "- ".repeat(5_000))),
        ("deep-emphasis.md", format!("{}x{}\n", "*".repeat(5_000), "*".repeat(5_000))),
        ("deep-quote.md", format!("{}x\n", "> ".repeat(3_000))),
    ] {
        let text = format!("---\ntitle: Deep\nsubtitle: Deep\npageName: deep\ntype: article\nhub: home\nposition: 1\n---\n\n{body}");
        let mut sources = read_dir(&fixtures("good")).expect("fixtures");
        sources.push(Source { path: PathBuf::from(name), relative: name.to_owned(), bytes: text.into_bytes() });
        let errors: Vec<String> = match compile(&sources, &Settings::default()) {
            Ok(_) => panic!("{name} compiled"),
            Err(failed) => failed.errors().map(|d| d.to_string()).collect(),
        };
        assert!(errors.iter().any(|e| e.starts_with(&format!("{name}:10: error:")) && e.contains("nested")), "{name}: {errors:#?}");
    }
    // Raw HTML nested deeper than the compiler accepts fails; within that
    // limit, nesting deeper than the model keeps becomes text and still bundles.
    let too_deep = format!("{}x{}", "<div><b>".repeat(200), "</b></div>".repeat(200));
    let text = format!("---\ntitle: Deep\nsubtitle: Deep\npageName: deep\ntype: article\nhub: home\nposition: 1\n---\n\n<div>\n{too_deep}\n</div>\n");
    let mut sources = read_dir(&fixtures("good")).expect("fixtures");
    sources.push(Source { path: PathBuf::from("deep-html.md"), relative: "deep-html.md".into(), bytes: text.into_bytes() });
    let errors: Vec<String> = compile(&sources, &Settings::default()).expect_err("too deep").errors().map(|d| d.to_string()).collect();
    assert!(errors.iter().any(|e| e.starts_with("deep-html.md:11: error:") && e.contains("nested more than 64")), "{errors:#?}");

    let deep_html = format!("{}x{}", "<div><b>".repeat(30), "</b></div>".repeat(30));
    let text = format!("---\ntitle: Deep\nsubtitle: Deep\npageName: deep\ntype: article\nhub: home\nposition: 1\n---\n\n<div>\n{deep_html}\n</div>\n");
    let mut sources = read_dir(&fixtures("good")).expect("fixtures");
    sources.push(Source { path: PathBuf::from("deep-html.md"), relative: "deep-html.md".into(), bytes: text.into_bytes() });
    let compiled = compile(&sources, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(&compiled.site).unwrap();
    serde_json::from_str::<Site>(&json).expect("the bundle reads back");
}

#[test]
fn unknown_front_matter_keys_warn_and_known_unused_ones_do_not() {
    let dir = std::env::temp_dir().join(format!("help-compiler-unknown-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.md"), "---\ntitle: Home\nsubtitle: S\npageName: home\ntype: hub\nlayout: x\nname: y\nauthor: Someone\n---\n").unwrap();
    let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let shown: Vec<String> = compiled.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(shown[0].contains("index.md:8: warning: unknown front-matter key `author`"), "{shown:#?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_sanitiser_is_a_second_line_of_defence() {
    let cleaned = help_compiler::content::sanitize::clean(
        r#"<p onclick="x()">Hi <img src="https://x"><a href="javascript:alert(1)">a</a><script>bad()</script></p><iframe src="https://x"></iframe>"#,
    );
    assert!(!cleaned.contains("onclick") && !cleaned.contains("img") && !cleaned.contains("javascript") && !cleaned.contains("bad()") && !cleaned.contains("iframe"), "{cleaned}");
}

#[test]
fn every_reference_resolves_to_a_section_that_names_it() {
    let (site, _) = real_site();
    assert_eq!(site.references.len(), 12);
    for reference in &site.references {
        for place in std::iter::once(&reference.place).chain(&reference.also) {
            let page = &site.pages[place.page];
            let section = page.section(&place.section).unwrap_or_else(|| panic!("{}: no section {}", reference.code, place.section));
            let in_heading = section.heading.contains(reference.code.as_str());
            let in_link = all_blocks(&Page { sections: vec![section.clone()], intro: vec![], ..page.clone() })
                .iter()
                .any(|b| matches!(b, Block::Paragraph(i) if i.iter().any(|x| matches!(x, Inline::Link { target: LinkTarget::Contact { code: Some(c) }, .. } if *c == reference.code))));
            assert!(in_heading || in_link, "{} at {}#{} is named by neither heading nor link", reference.code, page.file, section.id);
            assert!(section.references.contains(&reference.code));
            if let Some(details) = &place.details {
                assert!(page.has_anchor(details));
            }
        }
    }
}

#[test]
fn each_code_opens_its_canonical_place() {
    let (site, _) = real_site();
    let place = |code: &str| {
        let (_, r) = site.reference(code).unwrap_or_else(|| panic!("{code} missing"));
        (site.pages[r.place.page].file.clone(), r.place.section.clone(), r.also.iter().map(|p| format!("{}#{}", site.pages[p.page].file, p.section)).collect::<Vec<_>>())
    };
    assert_eq!(place("CID7023"), ("error-messages-support.html".into(), "cid7023".into(), vec![]));
    assert_eq!(place("CID3009"), ("manage-landline-number.html".into(), "cid3009".into(), vec![]));
    assert_eq!(place("CID1111"), ("error-messages-support.html".into(), "there-is-already-an-account-linked-to-my-details".into(), vec![]));
    assert_eq!(place("CID3008"), ("manage-landline-number.html".into(), "if-you-lose-access-to-your-landline-number".into(), vec![]));
    // A heading that begins with the code beats one that only names it.
    assert_eq!(place("CID3002"), ("error-messages-support.html".into(), "cid3002".into(), vec!["manage-phone-number.html#cid3002".to_owned()]));
}

#[test]
fn a_published_reference_that_vanishes_fails_the_build() {
    let dir = std::env::temp_dir().join(format!("help-compiler-published-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixtures("good"), &dir);
    std::fs::write(dir.join("published-references.txt"), "# published\nCID4001\nCID4002\nCID9999\nnot a code\n").unwrap();
    let failed = compile_dir(&dir, &Settings::default()).expect_err("CID9999 is not in the content");
    let shown: Vec<String> = failed.errors().map(|d| d.to_string()).collect();
    assert!(shown.iter().any(|e| e.contains("published-references.txt:4: error: CID9999 is a published reference, but no article names it")), "{shown:#?}");
    assert!(shown.iter().any(|e| e.contains("published-references.txt:5: error: `not a code` is not an error reference")), "{shown:#?}");

    std::fs::write(dir.join("published-references.txt"), "CID4001\n").unwrap();
    let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(compiled.warnings.iter().any(|w| w.to_string().contains("CID4002 is named by the content but not listed")));
    assert!(compile_dir(&repo_content(), &Settings::default()).unwrap().warnings.iter().all(|w| !w.to_string().contains("published-references")));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The register: retired and contact codes become notices; every line it
/// cannot accept fails the build with its file and line.
#[test]
fn the_register_gives_retired_and_contact_codes_their_notices_and_refuses_what_it_cannot_keep() {
    let dir = std::env::temp_dir().join(format!("help-compiler-register-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixtures("good"), &dir);
    let register = dir.join("published-references.txt");
    std::fs::write(&register, "CID4001 # live\nCID4002 live\nCID1234 retired 2025-03-01 by CID4001: Your link is from an older version: log in again.\nCID1235 retired 2024-11-01\nCID9001 contact: We need to check your account. # not a comment\n").unwrap();
    let compiled = compile_dir(&dir, &Settings::default()).unwrap_or_else(|e| panic!("{e}"));
    let notices = &compiled.site.notices;
    assert_eq!(notices.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(), ["CID1234", "CID1235", "CID9001"]);
    assert_eq!(notices[0].retired.as_deref(), Some("2025-03-01"));
    assert_eq!(notices[0].replaced_by.as_deref(), Some("CID4001"));
    assert_eq!(notices[0].line, "Your link is from an older version: log in again.");
    assert_eq!((notices[1].replaced_by.as_ref(), notices[1].line.as_str()), (None, ""));
    assert_eq!((notices[2].retired.as_ref(), notices[2].line.as_str()), (None, "We need to check your account. # not a comment"));
    assert_eq!(published_codes(&dir).unwrap().iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["CID4001", "CID4002"]);

    for (text, line, message) in [
        ("CID4001\nCID4002\nCID4001 live\n", 3, "CID4001 is listed twice (first on line 1)"),
        ("CID4001\nCID4002 retired 2025-01-01\n", 2, "CID4002 is marked retired, but"),
        ("CID4001\nCID4002 contact: Call us.\n", 2, "CID4002 is marked contact, but"),
        ("CID4001\nCID4002\nCID1234 retired 2025-01-01 by CID7777\n", 3, "CID1234 is replaced by CID7777, but no article gives guidance for CID7777"),
        ("CID4001\nCID4002\nCID1234 retired last year\n", 3, "CID1234: `last` is not a date"),
        ("CID4001\nCID4002\nCID1234 retired\n", 3, "CID1234: say since when it is retired"),
        ("CID4001\nCID4002\nCID1234 retired 2025-01-01 by\n", 3, "CID1234: after the date, write only `by`"),
        ("CID4001\nCID4002\nCID9001 contact\n", 3, "CID9001 is a contact code: write what to tell people"),
        ("CID4001\nCID4002\nCID9001 gone\n", 3, "CID9001: `gone` is not a status"),
        ("CID4001: a line\nCID4002\n", 1, "CID4001 is live: its help is its guidance"),
        ("cid4001\nCID4002\n", 1, "`cid4001` is not an error reference"),
        ("CID4001\nCID4002\n: Call us\n", 3, "a line of text with no code before it"),
        ("CID4001\nCID4002\nCID9999\n", 3, "CID9999 is a published reference, but no article names it"),
    ] {
        std::fs::write(&register, text).unwrap();
        let failed = compile_dir(&dir, &Settings::default()).expect_err(text);
        let shown: Vec<String> = failed.errors().map(|d| d.to_string()).collect();
        let expected = format!("published-references.txt:{line}: error: {message}");
        assert!(shown.iter().any(|e| e.contains(&expected)), "{text:?}: expected {expected:?} in {shown:#?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Front-matter values with quotes, ampersands and angle brackets reach the
/// model exactly, and leave every file this command writes intact.
#[test]
fn hostile_front_matter_is_escaped_in_every_output() {
    let dir = std::env::temp_dir().join(format!("help-compiler-escaping-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (content, dist) = (dir.join("content"), dir.join("dist"));
    copy_dir(&repo_content(), &content);
    let hostile = r#"Landline "number" & <b>more</b> </script><script>alert('x')</script>"#;
    let landline = content.join("manage/landline.md");
    let text = std::fs::read_to_string(&landline).unwrap();
    let yaml_value = format!("'{}'", hostile.replace('\'', "''"));
    std::fs::write(&landline, text.replacen("title: Landline number", &format!("title: {yaml_value}"), 1)).unwrap();
    std::fs::create_dir_all(&dist).unwrap();
    let shell = "<!doctype html><html><head><meta charset=\"utf-8\"><title>NHS login help</title><link rel=\"stylesheet\" href=\"w.css\">\
                 <script type=\"module\">import init, * as bindings from './app.js'; await init({ module_or_path: './app_bg.wasm' });</script>\
                 <link rel=\"modulepreload\" href=\"./app.js\" integrity=\"sha384-a\"><link rel=\"preload\" href=\"./app_bg.wasm\" integrity=\"sha384-b\" as=\"fetch\"></head>\
                 <body><div id=\"app\"></div></body></html>";
    std::fs::write(dist.join("index.html"), shell).unwrap();

    let status = std::process::Command::new(env!("CARGO_BIN_EXE_help-content"))
        .args(["pages".as_ref(), content.as_os_str(), dist.as_os_str()])
        .status()
        .unwrap();
    assert!(status.success());

    // The bundled model carries the exact text; the search index still reads.
    let site = compile_dir(&content, &Settings::default()).unwrap_or_else(|e| panic!("{e}")).site;
    let json = serde_json::to_string(&site).unwrap();
    let read_back = help_core::bundle::site_from_json(&json).unwrap();
    assert_eq!(read_back.page_by_file("manage-landline-number.html").unwrap().1.title, hostile);
    help_search::SearchIndex::from_bytes(&std::fs::read(dist.join("search-index.bin")).unwrap()).unwrap();

    // Page files are the shell with the policy; their content (titles
    // included) is written by the prerender step, which escapes it (tested
    // there).
    for file in ["index.html", "manage-landline-number.html", "references.html"] {
        let html = std::fs::read_to_string(dist.join(file)).unwrap();
        assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\""), "{file}");
    }
    // Both inline scripts, the error-code script and the app's start-up,
    // are allowed by their hashes, and no other.
    let headers = std::fs::read_to_string(dist.join("_headers")).unwrap();
    let page = std::fs::read_to_string(dist.join("error-messages-support.html")).unwrap();
    let hashes = help_compiler::deploy::headers::inline_script_hashes(&page);
    assert_eq!(hashes.len(), 2, "{page}");
    for hash in &hashes {
        assert!(headers.contains(hash.as_str()), "{hash} {headers}");
    }
    assert_eq!(headers.matches("'sha256-").count(), 2, "{headers}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn partner_profiles_are_read_and_bad_ones_fail_with_file_and_line() {
    let (site, _) = real_site();
    let partner = site.partner("patientcentre").expect("the Patientcentre profile");
    assert_eq!((partner.name.as_str(), partner.article.as_str()), ("Patientcentre", "patientcentre-cannot-log-in.html"));
    assert!(partner.origins.iter().all(|o| o.starts_with("https://")), "a release build has no test origins: {:?}", partner.origins);
    let with_tests = compile_dir(&repo_content(), &Settings { test_partners: true, ..Settings::default() }).unwrap();
    assert!(with_tests.site.partner("patientcentre").unwrap().origins.contains(&"http://localhost:8765".to_owned()));

    let dir = std::env::temp_dir().join(format!("help-compiler-partners-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&repo_content(), &dir);
    let profile = dir.join("partners/patientcentre/partner.yml");
    let test_profile = dir.join("partners/patientcentre/partner.test.yml");
    let errors = |settings: &Settings| -> Vec<String> {
        match compile_dir(&dir, settings) {
            Ok(_) => vec![],
            Err(failed) => failed.errors().map(|d| d.to_string()).collect(),
        }
    };
    let cases: &[(&std::path::Path, &str, &str)] = &[
        (&profile, "name: P\narticle: patientcentre:cannot-log-in\norigins:\n  - http://patientcentre.example\n", "partner.yml:4: error: `http://patientcentre.example` is not https"),
        (&profile, "name: P\narticle: patientcentre:cannot-log-in\norigins:\n  - https://patientcentre.example/sign-in\n", "partner.yml:4: error: `https://patientcentre.example/sign-in` is not an origin"),
        (&profile, "name: P\narticle: manage:Landline-number\norigins:\n  - https://p.example\n", "partner.yml:2: error: `manage:Landline-number` is not marked `partner: patientcentre`"),
        (&profile, "name: P\narticle: nowhere\norigins:\n  - https://p.example\n", "partner.yml:2: error: no page has `pageName: nowhere`"),
        (&profile, "name: P\norigins: https://p.example\narticle: patientcentre:cannot-log-in\n", "partner.yml:2: error: `origins` must be a list"),
        (&profile, "name: [unclosed\n", "partner.yml:2: error: the profile is not valid YAML"), // where the parser gave up
        (&profile, "article: patientcentre:cannot-log-in\norigins:\n  - https://p.example\n", "partner.yml:1: error: the profile has no `name`"),
    ];
    for (file, text, expected) in cases {
        let original = std::fs::read_to_string(file).unwrap();
        std::fs::write(file, text).unwrap();
        let shown = errors(&Settings::default());
        assert!(shown.iter().any(|e| e.contains(expected)), "expected `{expected}` in {shown:#?}");
        std::fs::write(file, original).unwrap();
    }
    std::fs::write(&test_profile, "origins:\n  - http://localhost:8765\n  - https://evil.example\n").unwrap();
    let shown = errors(&Settings { test_partners: true, ..Settings::default() });
    assert!(shown.iter().any(|e| e.contains("partner.test.yml:3: error: `https://evil.example`: partner.test.yml may list only")), "{shown:#?}");
    assert!(errors(&Settings::default()).is_empty(), "a release build never reads the test profile");
    std::fs::remove_file(&profile).unwrap();
    let shown = errors(&Settings::default());
    assert!(shown.iter().any(|e| e.contains("partner.yml:1: error: partner `patientcentre` has no profile")), "{shown:#?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_report_and_check_name_files_from_where_they_run_however_the_folder_is_given() {
    let dir = std::env::temp_dir().join(format!("help-compiler-paths-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("site/content");
    copy_dir(&repo_content(), &content);
    let landline = content.join("manage/landline.md");
    let text = std::fs::read_to_string(&landline).unwrap();
    // A warning to name a file by: a word written twice.
    std::fs::write(&landline, text.replacen("landline number", "landline landline number", 1)).unwrap();
    let run = |args: &[&std::ffi::OsStr], from: &Path| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_help-content")).args(args).current_dir(from).output().unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let out = dir.join("report.html");
    for (given, from, expected) in [
        (content.as_os_str().to_owned(), dir.join("site"), "content/manage/landline.md:"),
        (content.as_os_str().to_owned(), dir.clone(), "site/content/manage/landline.md:"),
        ("content".into(), dir.join("site"), "content/manage/landline.md:"),
    ] {
        let checked = run(&["check".as_ref(), given.as_os_str()], &from);
        assert!(checked.lines().any(|l| l.starts_with(expected)), "{given:?} from {from:?}: {checked}");
        assert!(!checked.contains(dir.to_str().unwrap()), "{checked}");
        run(&["report".as_ref(), given.as_os_str(), "--out".as_ref(), out.as_os_str()], &from);
        let report = std::fs::read_to_string(&out).unwrap();
        assert!(report.contains(expected), "{given:?} from {from:?}");
        assert!(!report.contains(dir.to_str().unwrap()), "the report names no absolute path");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
