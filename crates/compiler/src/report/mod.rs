//! The content report for editors: one self-contained HTML page (no scripts,
//! nothing fetched) with each article's reading age by section, its longest
//! sentences and review status, where each published error reference's
//! guidance is, and every build message.

pub mod readability;

use help_core::html::escape;
use help_core::walk::{self, Visitor};
use help_core::{Block, ErrorCode, Inline, LinkTarget, Naming, PageKind, Section, Site};
use time::Date;

use crate::diagnostic::{Diagnostic, Severity};
use readability::{Counts, AIM, FLAG_ABOVE};
use crate::content::review::{long_date, Review};
use crate::Compiled;

/// One section's figures.
#[derive(Debug, Clone)]
pub struct SectionFigures {
    pub heading: String,
    pub words: usize,
    pub reading_age: Option<f64>,
}

/// One article's figures.
#[derive(Debug, Clone)]
pub struct ArticleFigures {
    pub page: usize,
    pub sections: Vec<SectionFigures>,
    pub words: usize,
    pub reading_age: Option<f64>,
    /// The longest sentences, longest first, with their word counts.
    pub longest: Vec<(usize, String)>,
}

pub fn article_figures(site: &Site) -> Vec<ArticleFigures> {
    site.pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PageKind::Article)
        .map(|(page, p)| {
            let mut total = Counts::default();
            let mut sentences: Vec<(usize, String)> = Vec::new();
            let mut figures = Vec::new();
            let intro = Section { id: String::new(), level: 2, heading: "(before the first heading)".into(), blocks: p.intro.clone(), references: vec![] };
            for section in std::iter::once(&intro).filter(|s| !s.blocks.is_empty()).chain(&p.sections) {
                let counts = readability::counts_of_blocks(&section.blocks);
                total.add(counts);
                for unit in readability::units(&section.blocks) {
                    for sentence in readability::sentences(&unit) {
                        sentences.push((readability::words(sentence).count(), sentence.to_owned()));
                    }
                }
                figures.push(SectionFigures { heading: section.heading.clone(), words: counts.words, reading_age: counts.reading_age() });
            }
            sentences.sort_by(|a, b| b.0.cmp(&a.0));
            sentences.truncate(3);
            ArticleFigures { page, sections: figures, words: total.words, reading_age: total.reading_age(), longest: sentences }
        })
        .collect()
}

/// The one-line summary `help-content check` ends with.
pub fn summary_line(site: &Site, reviews: &[Review], today: Date) -> String {
    summary(&article_figures(site), site, reviews, today)
}

fn summary(figures: &[ArticleFigures], site: &Site, reviews: &[Review], today: Date) -> String {
    let mut ages: Vec<f64> = figures.iter().flat_map(|a| a.sections.iter().filter_map(|s| s.reading_age)).collect();
    ages.sort_by(f64::total_cmp);
    let median = match ages.len() {
        0 => "none".to_owned(),
        n if n % 2 == 1 => format!("{:.1}", ages[n / 2]),
        n => format!("{:.1}", (ages[n / 2 - 1] + ages[n / 2]) / 2.0),
    };
    let above = ages.iter().filter(|a| **a > FLAG_ABOVE).count();
    let overdue = reviews.iter().filter(|r| r.days_overdue(today).is_some()).count();
    let sections: usize = figures.iter().map(|a| site.pages[a.page].sections.len()).sum();
    format!(
        "{}, {}, median reading age {median}, {} above {FLAG_ABOVE}, {} overdue for review",
        count(figures.len(), "article"),
        count(sections, "section"),
        count(above, "section"),
        count(overdue, "article"),
    )
}

/// "1 section", "2 sections": the way people write it, not "section(s)".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

fn has_contact_link(blocks: &[Block]) -> bool {
    struct Contact(bool);
    impl<'a> Visitor<'a> for Contact {
        fn inline(&mut self, inline: &'a Inline) -> bool {
            if matches!(inline, Inline::Link { target: LinkTarget::Contact { .. }, .. }) {
                self.0 = true;
            }
            true
        }
    }
    let mut found = Contact(false);
    walk::blocks(blocks, &mut found);
    found.0
}

fn naming(naming: Naming) -> &'static str {
    match naming {
        Naming::HeadingStartsWithCode | Naming::HeadingNamesCode => "heading",
        Naming::ContactLink => "contact link",
        Naming::Text => "text only",
    }
}

/// The report's styles. A word longer than the screen (a path, an address, a
/// run of letters) wraps anywhere, in tables too: `anywhere`, unlike
/// `break-word`, lets a table cell shrink below the word's width, so nothing
/// scrolls sideways on a phone (checked at 320 px by tests/e2e/narrow.test.mjs).
const STYLE: &str = "body{font:16px/1.5 arial,sans-serif;color:#212b32;background:#fff;margin:0 auto;max-width:72rem;padding:1rem;overflow-wrap:anywhere}\
h1,h2,h3{line-height:1.2}table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d8dde0;padding:.4rem .6rem .4rem 0}\
.flag{background:#fff9c4;font-weight:bold}.bad{color:#d5281b;font-weight:bold}.ok{color:#007f3b}.num{text-align:right;white-space:nowrap}\
.summary{border-left:8px solid #005eb8;padding:.5rem 1rem;background:#f0f4f5}figure{margin:0 0 1.5rem}svg{max-width:100%;height:auto}";

/// The report page. `compiled` is `None` when the build failed: the page
/// then holds only the messages.
pub fn render(compiled: Option<&Compiled>, diagnostics: &[Diagnostic], published: Option<&[ErrorCode]>, today: Date) -> String {
    let mut html = String::new();
    html.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Nothing may load or run: the report is read from disk.
    html.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Help content report</title>\n");
    html.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Help content report</h1>\n"));
    html.push_str(&format!("<p>Built on {}. Reading age is the Flesch-Kincaid grade plus 5: aim for {AIM} or less; sections above {FLAG_ABOVE} are flagged.</p>\n", long_date(today)));
    if let Some(compiled) = compiled {
        let site = &compiled.site;
        let figures = article_figures(site);
        html.push_str(&format!("<p class=\"summary\">{}</p>\n", escape(&summary(&figures, site, &compiled.reviews, today))));
        html.push_str(&chart(&figures, site));
        articles(&mut html, &figures, compiled, today);
        references(&mut html, site, published);
    } else {
        html.push_str("<p class=\"summary bad\">The content does not build: fix the errors below.</p>\n");
    }
    messages(&mut html, diagnostics);
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// Reading age of every section, one bar each, with lines at the aim and
/// the flag: plain SVG in the page.
fn chart(figures: &[ArticleFigures], site: &Site) -> String {
    let bars: Vec<(String, f64)> = figures
        .iter()
        .flat_map(|a| a.sections.iter().filter_map(move |s| s.reading_age.map(|age| (format!("{}: {}", site.pages[a.page].title, s.heading), age))))
        .collect();
    if bars.is_empty() {
        return String::new();
    }
    let (width, height, top) = (bars.len() as f64 * 8.0 + 40.0, 200.0, 20.0);
    let scale = |age: f64| height - (age.clamp(0.0, 20.0) / 20.0) * (height - top);
    let mut svg = format!(
        "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\" role=\"img\" aria-labelledby=\"chart-title\">\n<title id=\"chart-title\">Reading age of each of {}, in article order</title>\n",
        height + 20.0,
        height + 20.0,
        count(bars.len(), "section")
    );
    for (i, (label, age)) in bars.iter().enumerate() {
        let x = 36.0 + i as f64 * 8.0;
        let y = scale(*age);
        let fill = if *age > FLAG_ABOVE { "#d5281b" } else if *age > AIM { "#ffb81c" } else { "#007f3b" };
        svg.push_str(&format!("<rect x=\"{x}\" y=\"{y:.1}\" width=\"6\" height=\"{:.1}\" fill=\"{fill}\"><title>{}: reading age {age:.1}</title></rect>\n", height - y, escape(label)));
    }
    for (age, label) in [(AIM, "aim 9"), (FLAG_ABOVE, "12")] {
        let y = scale(age);
        svg.push_str(&format!("<line x1=\"32\" x2=\"{width}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#212b32\" stroke-dasharray=\"4 3\"/><text x=\"0\" y=\"{:.1}\" font-size=\"11\">{label}</text>\n", y + 4.0));
    }
    svg.push_str(&format!("<text x=\"36\" y=\"{}\" font-size=\"11\">each bar is one section; hover for its name</text>\n</svg>\n", height + 16.0));
    svg.push_str("<figcaption>Reading age by section (green: 9 or less; amber: above 9; red: above 12).</figcaption>\n</figure>\n");
    svg
}

fn age_cell(age: Option<f64>) -> String {
    match age {
        Some(age) if age > FLAG_ABOVE => format!("<td class=\"num flag\">{age:.1} (above {FLAG_ABOVE})</td>"),
        Some(age) => format!("<td class=\"num\">{age:.1}</td>"),
        None => "<td class=\"num\">–</td>".to_owned(),
    }
}

fn articles(html: &mut String, figures: &[ArticleFigures], compiled: &Compiled, today: Date) {
    html.push_str("<h2>Articles</h2>\n");
    for article in figures {
        let page = &compiled.site.pages[article.page];
        html.push_str(&format!("<h3 id=\"{}\">{}</h3>\n", escape(&page.page_name), escape(&page.title)));
        let review = compiled.reviews.iter().find(|r| r.page == article.page);
        let status = match review {
            None => "no review dates".to_owned(),
            Some(r) => {
                let reviewed = r.reviewed.as_ref().map_or("reviewed: not set".to_owned(), |d| format!("reviewed {}", long_date(d.value)));
                match (r.due.as_ref(), r.days_overdue(today)) {
                    (Some(due), Some(days)) => format!("{reviewed}; <span class=\"bad\">due {}: {days} days overdue</span>", long_date(due.value)),
                    (Some(due), None) => format!("{reviewed}; <span class=\"ok\">next due {}</span>", long_date(due.value)),
                    (None, _) => format!("{reviewed}; next review: not set"),
                }
            }
        };
        let age = article.reading_age.map_or("–".to_owned(), |a| format!("{a:.1}"));
        html.push_str(&format!(
            "<p>{}, {} words, reading age {age}. Review: {status}.</p>\n",
            count(article.sections.len(), "section"),
            article.words
        ));
        html.push_str("<table>\n<thead><tr><th scope=\"col\">Section</th><th scope=\"col\" class=\"num\">Words</th><th scope=\"col\" class=\"num\">Reading age</th></tr></thead>\n<tbody>\n");
        for s in &article.sections {
            html.push_str(&format!("<tr><td>{}</td><td class=\"num\">{}</td>{}</tr>\n", escape(&s.heading), s.words, age_cell(s.reading_age)));
        }
        html.push_str("</tbody>\n</table>\n");
        if !article.longest.is_empty() {
            html.push_str("<p>Longest sentences:</p>\n<ol>\n");
            for (words, sentence) in &article.longest {
                html.push_str(&format!("<li>{} <span class=\"num\">({words} words)</span></li>\n", escape(sentence)));
            }
            html.push_str("</ol>\n");
        }
    }
}

fn references(html: &mut String, site: &Site, published: Option<&[ErrorCode]>) {
    html.push_str("<h2>Published error references</h2>\n");
    let codes: Vec<ErrorCode> = match published {
        Some(list) => list.to_vec(),
        None => site.references.iter().map(|r| r.code.clone()).collect(),
    };
    html.push_str("<table>\n<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Guidance</th><th scope=\"col\">Named by</th><th scope=\"col\">Contact route</th></tr></thead>\n<tbody>\n");
    for code in &codes {
        match site.reference(code) {
            Some((_, reference)) => {
                let page = &site.pages[reference.place.page];
                let section = page.section(&reference.place.section);
                let contact = section.is_some_and(|s| has_contact_link(&s.blocks));
                html.push_str(&format!(
                    "<tr><td>{code}</td><td>{}: {}</td><td{}>{}</td><td{}>{}</td></tr>\n",
                    escape(&page.title),
                    escape(&reference.place.heading),
                    if reference.place.naming == Naming::Text { " class=\"flag\"" } else { "" },
                    naming(reference.place.naming),
                    if contact { "" } else { " class=\"flag\"" },
                    if contact { "yes" } else { "none in its section" },
                ));
            }
            None => html.push_str(&format!("<tr><td>{code}</td><td class=\"bad\">no guidance names it</td><td>–</td><td>–</td></tr>\n")),
        }
    }
    html.push_str("</tbody>\n</table>\n");
}

fn messages(html: &mut String, diagnostics: &[Diagnostic]) {
    html.push_str(&format!("<h2>Build messages ({})</h2>\n", diagnostics.len()));
    if diagnostics.is_empty() {
        html.push_str("<p>None.</p>\n");
        return;
    }
    html.push_str("<ul>\n");
    for d in diagnostics {
        let class = if d.severity == Severity::Error { " class=\"bad\"" } else { "" };
        html.push_str(&format!("<li{class}>{}</li>\n", escape(&d.to_string())));
    }
    html.push_str("</ul>\n");
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_as_people_write_them() {
        assert_eq!(super::count(1, "section"), "1 section");
        assert_eq!(super::count(2, "section"), "2 sections");
        assert_eq!(super::count(0, "article"), "0 articles");
    }
}
