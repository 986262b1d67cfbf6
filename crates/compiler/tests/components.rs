//! NHS.UK content components written as raw HTML, as the help centre writes
//! them: each becomes its own block, a heading inside one is never a section,
//! and text after one stays where the source puts it.

use std::path::{Path, PathBuf};

use help_compiler::{compile, read_dir, Compiled, Failed, Settings, Source};
use help_core::{Block, ContentsItem, Inline, LinkTarget, Naming, Page};

fn compile_article(text: &str) -> Result<Compiled, Failed> {
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let mut sources = read_dir(&good).expect("fixtures");
    sources.push(Source { bytes: text.as_bytes().to_vec(), path: PathBuf::from("components.md"), relative: "components.md".to_owned() });
    compile(&sources, &Settings::default())
}

const FRONT: &str = "---\ntitle: Components\nsubtitle: s\npageName: components\ntype: article\nhub: home\nposition: 9\n---\n";

fn article(body: &str) -> String {
    format!("{FRONT}\n{body}")
}

fn page(compiled: &Compiled) -> &Page {
    compiled.site.pages.iter().find(|p| p.page_name == "components").expect("the article")
}

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

fn para(s: &str) -> Block {
    Block::Paragraph(vec![text(s)])
}

fn hidden(s: &str) -> Inline {
    Inline::VisuallyHidden(vec![text(s)])
}

/// Each of `expected` is part of one of the build's warnings.
fn assert_warns(compiled: &Compiled, expected: &[&str]) {
    let warnings: Vec<String> = compiled.warnings.iter().map(|w| w.to_string()).collect();
    for expected in expected {
        assert!(warnings.iter().any(|w| w.contains(expected)), "{expected}\nnot in {warnings:#?}");
    }
}

#[test]
fn inset_text_is_one_block_with_its_hidden_label() {
    let compiled = compile_article(&article(
        "## First\n\n<div class=\"nhsuk-inset-text nhsuk-u-margin-bottom-2\"><span class=\"nhsuk-u-visually-hidden\">Information: </span><p>Set apart.</p></div>\n\nAfter.\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let page = page(&compiled);
    assert_eq!(page.sections.len(), 1);
    assert_eq!(
        page.sections[0].blocks,
        vec![Block::InsetText { hidden_label: "Information: ".into(), blocks: vec![para("Set apart.")] }, para("After.")]
    );
    // Margin classes are dropped without a word.
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
}

#[test]
fn a_warning_callouts_heading_is_its_label_not_a_section() {
    let compiled = compile_article(&article(
        "## First\n\nBefore.\n\n<div class=\"nhsuk-warning-callout\"><h3 class=\"nhsuk-warning-callout__label\"><span role=\"text\"><span class=\"nhsuk-u-visually-hidden\">Important: </span>Do not wait</span></h3><p>Call now.</p></div>\n\nStill the first section.\n\n### Second\n\nText.\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let page = page(&compiled);
    let headings: Vec<&str> = page.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["First", "Second"]);
    assert_eq!(
        page.sections[0].blocks,
        vec![
            para("Before."),
            Block::WarningCallout { label: vec![hidden("Important: "), text("Do not wait")], blocks: vec![para("Call now.")] },
            para("Still the first section."),
        ]
    );
    assert!(compiled.warnings.is_empty(), "{:?}", compiled.warnings);
}

#[test]
fn a_contents_list_is_navigation_not_a_section_called_contents() {
    let compiled = compile_article(&article(concat!(
        "Intro.\n\n",
        "<nav class=\"nhsuk-contents-list\" role=\"navigation\" aria-label=\"Pages in this guide\">\n",
        "  <h2 class=\"nhsuk-u-visually-hidden\">Contents</h2>\n",
        "  <ol class=\"nhsuk-contents-list__list\">\n",
        "    <li class=\"nhsuk-contents-list__item\" aria-current=\"page\">\n",
        "      <span class=\"nhsuk-contents-list__current\">Components</span>\n",
        "    </li>\n",
        "    <li class=\"nhsuk-contents-list__item\">\n",
        "      <a class=\"nhsuk-contents-list__link\" href=\"/basics\">The basics</a>\n",
        "    </li>\n",
        "  </ol>\n",
        "</nav>\n\n",
        "## After the list\n\nText.\n",
    )))
    .unwrap_or_else(|e| panic!("{e}"));
    let page = page(&compiled);
    let headings: Vec<&str> = page.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["After the list"]);
    let Some(Block::ContentsList { label, heading, items }) = page.intro.get(1) else { panic!("{:?}", page.intro) };
    assert_eq!((label.as_str(), heading.as_str()), ("Pages in this guide", "Contents"));
    assert_eq!(items[0], ContentsItem { current: true, inlines: vec![text("Components")] });
    assert!(!items[1].current);
    assert!(
        matches!(&items[1].inlines[..], [Inline::Link { target: LinkTarget::Page { file, .. }, .. }] if file == "basics.html"),
        "{:?}",
        items[1]
    );
}

#[test]
fn visually_hidden_text_anywhere_is_marked_hidden() {
    let compiled = compile_article(&article(
        "## First\n\nStep <span class=\"nhsuk-u-visually-hidden\">one of two</span> done.\n\n<p class=\"nhsuk-u-visually-hidden\">Only for screen readers.</p>\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let blocks = &page(&compiled).sections[0].blocks;
    assert_eq!(
        blocks,
        &vec![
            Block::Paragraph(vec![text("Step "), hidden("one of two"), text(" done.")]),
            Block::Paragraph(vec![hidden("Only for screen readers.")]),
        ]
    );
}

#[test]
fn a_table_is_not_a_component_the_help_centre_uses_so_it_warns_and_keeps_its_text() {
    let compiled = compile_article(&article(concat!(
        "## IDs\n\n",
        "<table class=\"nhsuk-table\">\n<tr><th>Type</th><td>Passport</td></tr>\n</table>\n\nAfter the table.\n",
    )))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_warns(&compiled, &[
        "components.md:12: warning: `<table>` is not an element help articles use: it is dropped and its text shown as ordinary text",
        "components.md:12: warning: class `nhsuk-table` on `<table>` is not an NHS.UK component the widget renders",
        "components.md:13: warning: `<td>` is not an element help articles use",
    ]);
    let text: Vec<String> = page(&compiled).sections[0].blocks.iter().map(|b| format!("{b:?}")).collect();
    assert!(text.iter().any(|b| b.contains("Passport")), "{text:?}");
    assert_eq!(page(&compiled).sections[0].blocks.last(), Some(&para("After the table.")));
}

#[test]
fn an_unknown_class_or_element_warns_with_file_line_and_what_happened() {
    let compiled = compile_article(&article(
        "## First\n\n<div class=\"nhsuk-card nhsuk-card--care\"><p>Urgent.</p></div>\n\n<blockquote>Quoted.</blockquote>\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_warns(&compiled, &[
        "components.md:12: warning: class `nhsuk-card` on `<div>` is not an NHS.UK component the widget renders: the class is dropped and its content shown as ordinary text",
        "components.md:12: warning: class `nhsuk-card--care`",
        "components.md:14: warning: `<blockquote>` is not an element help articles use: it is dropped and its text shown as ordinary text",
    ]);
    // And the text is still there.
    assert_eq!(page(&compiled).sections[0].blocks, vec![para("Urgent."), para("Quoted.")]);
}

#[test]
fn hostile_markup_inside_a_component_is_still_refused() {
    for (body, problem) in [
        ("<div class=\"nhsuk-inset-text\"><p><a href=\"javascript:alert(1)\">x</a></p></div>", "`javascript:`"),
        ("<div class=\"nhsuk-warning-callout\"><h3 class=\"nhsuk-warning-callout__label\" onclick=\"alert(1)\">x</h3></div>", "`onclick` attribute"),
        ("<nav class=\"nhsuk-contents-list\"><ol><li><img src=x onerror=alert(1)></li></ol></nav>", "`<img>` is not allowed"),
    ] {
        let failed = compile_article(&article(&format!("## First\n\n{body}\n"))).expect_err(body);
        let errors: Vec<String> = failed.errors().map(|d| d.to_string()).collect();
        assert!(errors.iter().any(|e| e.starts_with("components.md:12: error:") && e.contains(problem)), "{body}: {errors:#?}");
    }
}

#[test]
fn a_code_named_in_text_is_found_and_loses_to_a_heading_or_a_contact_link() {
    let text_only = article("## Video too dark\n\nIf reference CID4017 is shown, try again in daylight.\n");
    let compiled = compile_article(&text_only).unwrap_or_else(|e| panic!("{e}"));
    let (_, reference) = compiled.site.reference("CID4017").expect("found");
    assert_eq!((reference.place.section.as_str(), reference.place.naming), ("video-too-dark", Naming::Text));

    let with_link = article(concat!(
        "## Video too dark\n\nIf reference CID4017 is shown, try again.\n\n",
        "## Still stuck\n\n[Contact us](https://help.login.nhs.uk/contact/?error=CID4017).\n",
    ));
    let compiled = compile_article(&with_link).unwrap_or_else(|e| panic!("{e}"));
    let (_, reference) = compiled.site.reference("CID4017").expect("found");
    assert_eq!((reference.place.section.as_str(), reference.place.naming), ("still-stuck", Naming::ContactLink));

    let with_heading = article(concat!(
        "## Still stuck\n\n[Contact us](https://help.login.nhs.uk/contact/?error=CID4017).\n\n",
        "## Video too dark\n\nIf reference CID4017 is shown, try again.\n\n",
        "## CID4017: We could not see your face\n\nTry again.\n",
    ));
    let compiled = compile_article(&with_heading).unwrap_or_else(|e| panic!("{e}"));
    let (_, reference) = compiled.site.reference("CID4017").expect("found");
    assert_eq!((reference.place.section.as_str(), reference.place.naming), ("cid4017", Naming::HeadingStartsWithCode));
}

#[test]
fn a_hidden_label_in_a_paragraph_of_its_own_leaves_no_empty_paragraph() {
    // As the real passkeys article writes an inset text.
    let compiled = compile_article(&article(
        "## First\n\n<div class=\"nhsuk-inset-text\"><p><span class=\"nhsuk-u-visually-hidden\">Information: </span></p><p>Set apart.</p></div>\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        page(&compiled).sections[0].blocks,
        vec![Block::InsetText { hidden_label: "Information: ".into(), blocks: vec![para("Set apart.")] }]
    );
}

#[test]
fn details_text_outside_a_details_warns_that_it_is_shown_as_plain_text() {
    let compiled = compile_article(&article(
        "## First\n\n<div class=\"nhsuk-details__text\"><p>Kept as text.</p></div>\n",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page(&compiled).sections[0].blocks, vec![para("Kept as text.")]);
    assert_warns(&compiled, &["components.md:", "nhsuk-details__text"]);
}
