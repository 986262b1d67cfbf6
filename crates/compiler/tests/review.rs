//! Review dates and the content report, on real files: dates an editor
//! writes, the warning an overdue article gives in every build, the release
//! gate, and the report over the help-centre fixture corpus.

use std::path::{Path, PathBuf};

use help_compiler::content::review::{parse_date, release_gate, Policy};
use help_compiler::{compile, compile_dir, published_codes, read_dir, report, Compiled, Failed, Settings, Severity, Source};

fn good() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

fn settings_on(date: &str) -> Settings {
    Settings { today: parse_date(date).unwrap(), ..Settings::default() }
}

fn compile_article(front: &str, settings: &Settings) -> Result<Compiled, Failed> {
    let mut sources = read_dir(&good()).expect("fixtures");
    let text = format!("---\ntitle: Reviewed\nsubtitle: s\npageName: reviewed\ntype: article\nhub: home\nposition: 9\n{front}---\n\n## First\n\nText.\n\n## CID7999: Something went wrong\n\nTry again.\n");
    sources.push(Source { bytes: text.into_bytes(), path: PathBuf::from("reviewed.md"), relative: "reviewed.md".to_owned() });
    compile(&sources, settings)
}

#[test]
fn review_dates_become_the_nhs_uk_line_on_the_page() {
    let compiled = compile_article("reviewed: 2026-11-01\nreview_due: 2027-05-01\n", &settings_on("2026-12-01")).unwrap_or_else(|e| panic!("{e}"));
    let page = compiled.site.pages.iter().find(|p| p.page_name == "reviewed").unwrap();
    assert_eq!(page.review_dates.as_deref(), Some("Page last reviewed: 1 November 2026. Next review due: 1 May 2027."));
    assert!(compiled.warnings.iter().all(|w| !w.message.contains("due for review")), "{:?}", compiled.warnings);
    // Without dates, no line.
    let plain = compiled.site.pages.iter().find(|p| p.page_name == "basics").unwrap();
    assert_eq!(plain.review_dates, None);
}

#[test]
fn bad_dates_fail_with_file_and_line() {
    for (front, line, message) in [
        ("reviewed: 2026-02-30\n", 8, "`reviewed`: `2026-02-30` is not a date: February 2026 has no day 30"),
        ("review_due: 1 May 2027\n", 8, "`review_due`: `1 May 2027` is not a date: write it as year-month-day, such as 2026-11-01"),
        ("reviewed: 2026-13-01\n", 8, "`reviewed`: `2026-13-01` is not a date: there is no month 13"),
        ("reviewed: 2026-11-01\nreview_due: 2026-10-01\n", 9, "`review_due` (1 October 2026) is before `reviewed` (1 November 2026)"),
    ] {
        let failed = compile_article(front, &settings_on("2026-12-01")).expect_err(front);
        let errors: Vec<String> = failed.errors().map(|d| d.to_string()).collect();
        let expected = format!("reviewed.md:{line}: error: {message}");
        assert!(errors.iter().any(|e| e.starts_with(&expected)), "{front:?}: {expected}\nnot in {errors:#?}");
    }
}

#[test]
fn an_overdue_article_warns_in_every_build_but_still_builds() {
    let front = "reviewed: 2026-01-01\nreview_due: 2026-06-01\n";
    let not_yet = compile_article(front, &settings_on("2026-06-01")).unwrap();
    assert!(not_yet.warnings.iter().all(|w| !w.message.contains("due for review")));
    let overdue = compile_article(front, &settings_on("2026-12-01")).unwrap();
    let warning = overdue.warnings.iter().find(|w| w.message.contains("due for review")).expect("a warning");
    assert_eq!(warning.to_string(), "reviewed.md:9: warning: this article was due for review on 1 June 2026 (183 days ago): check it is still right, then update `reviewed` and `review_due`");
}

#[test]
fn the_release_gate_fails_only_for_a_published_codes_guidance_past_the_policy() {
    let front = "reviewed: 2026-01-01\nreview_due: 2026-06-01\n";
    let compiled = compile_article(front, &settings_on("2026-12-01")).unwrap();
    let page = compiled.site.pages.iter().position(|p| p.page_name == "reviewed").unwrap();
    let published = vec![(page, "CID7999".to_owned())];
    let today = parse_date("2026-12-01").unwrap();
    let refused = release_gate(&compiled.reviews, &published, Policy::default(), today);
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].severity, Severity::Error);
    assert!(refused[0].to_string().starts_with("reviewed.md:9: error: this article holds the guidance for published reference CID7999 and is 183 days past its review date"), "{}", refused[0]);
    // Not published, or within the policy's days: the release goes ahead.
    assert!(release_gate(&compiled.reviews, &[], Policy::default(), today).is_empty());
    assert!(release_gate(&compiled.reviews, &published, Policy { overdue_days: 200, fail: true }, today).is_empty());
}

#[test]
fn the_report_holds_every_article_and_every_published_code_and_loads_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let settings = settings_on("2026-12-01");
    let compiled = compile_dir(&dir, &settings).unwrap_or_else(|e| panic!("{e}"));
    let published = published_codes(&dir).expect("content has a published list");
    let html = report::render(Some(&compiled), &compiled.warnings, Some(&published), settings.today);
    for page in compiled.site.pages.iter().filter(|p| p.kind == help_core::PageKind::Article) {
        assert!(html.contains(&format!(">{}</h3>", help_core::html::escape(&page.title))), "{} missing", page.title);
    }
    assert!(!published.is_empty());
    for code in &published {
        assert!(html.contains(&format!("<tr><td>{code}</td>")), "{code} missing");
    }
    for warning in &compiled.warnings {
        assert!(html.contains(&help_core::html::escape(&warning.to_string())), "{warning} missing");
    }
    // Self-contained: no script, nothing fetched.
    let lower = html.to_ascii_lowercase();
    for banned in ["<script", "src=", "<link", "@import", "url("] {
        assert!(!lower.contains(banned), "{banned}");
    }
    assert!(html.contains("<svg") && html.contains("default-src 'none'"));
    let summary = report::summary_line(&compiled.site, &compiled.reviews, settings.today);
    assert!(summary.starts_with("5 articles, "), "{summary}");
    assert!(html.contains(&help_core::html::escape(&summary)));
}
