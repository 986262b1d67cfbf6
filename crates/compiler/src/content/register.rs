//! The register of error references (`content/published-references.txt`):
//! every code partners' screens may show, with its status, kept by editors.
//!
//! One code per line, then its status; `#` starts a comment (before any `:`):
//!
//! ```text
//! CID7023                                  live: its guidance is in an article
//! CID1234 retired 2025-03-01 by CID7023: You may have an old link.
//! CID1235 retired 2024-11-01
//! CID9001 contact: We need to check your account to help you.
//! ```
//!
//! A `retired` code says since when, optionally the live code that replaced
//! it (`by CID…`), and a line for the people who still see it; a `contact`
//! code has no article, only its line, and its help is the contact form.

use std::path::Path;

use help_core::error_code::parse_code;
use help_core::{ErrorCode, Naming, Notice, Site};

use crate::content::dates::parse_date;
use crate::diagnostic::{Diagnostic, Reporter};

pub const REGISTER_FILE: &str = "published-references.txt";

/// A code's status in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Live,
    Retired { since: String, replaced_by: Option<ErrorCode> },
    Contact,
}

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub code: ErrorCode,
    pub status: Status,
    /// The editor's line, after `:`.
    pub line: Option<String>,
    /// Its line number, for messages.
    pub at: usize,
}

/// A code as the register must write it: canonical (`CID7023`).
fn canonical_code(word: &str) -> Option<ErrorCode> {
    parse_code(word).filter(|code| *code == word)
}

/// Reads the register's lines; each line it cannot read is an error.
pub fn parse(text: &str, report: &mut Reporter) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let at = i + 1;
        // A `#` before any `:` starts a comment; after it, it is the line's.
        let raw = match (raw.find('#'), raw.find(':')) {
            (Some(hash), colon) if colon.is_none_or(|colon| hash < colon) => &raw[..hash],
            _ => raw,
        };
        let (head, line) = match raw.split_once(':') {
            Some((head, line)) => (head, Some(line.trim().to_owned())),
            None => (raw, None),
        };
        let words: Vec<&str> = head.split_whitespace().collect();
        let Some((first, rest)) = words.split_first() else {
            if line.is_some() {
                report.error(at, "a line of text with no code before it: write the code first, then `:` and the line");
            }
            continue;
        };
        let Some(code) = canonical_code(first) else {
            report.error(at, format!("`{}` is not an error reference: write one code per line, such as CID7023", head.trim()));
            continue;
        };
        let status = match rest {
            [] | ["live"] => Status::Live,
            ["contact"] => Status::Contact,
            ["retired", since, tail @ ..] => {
                if let Err(e) = parse_date(since) {
                    report.error(at, format!("{code}: `{since}` is not a date ({e}): write when it was retired as 2025-03-01"));
                    continue;
                }
                let replaced_by = match tail {
                    [] => None,
                    ["by", other] => match canonical_code(other) {
                        Some(other) => Some(other),
                        None => {
                            report.error(at, format!("{code}: `{other}` is not an error reference: write the code that replaced it, such as CID7023"));
                            continue;
                        }
                    },
                    _ => {
                        report.error(at, format!("{code}: after the date, write only `by` and the code that replaced it, such as `by CID7023`"));
                        continue;
                    }
                };
                Status::Retired { since: (*since).to_owned(), replaced_by }
            }
            ["retired"] => {
                report.error(at, format!("{code}: say since when it is retired, as `retired 2025-03-01`"));
                continue;
            }
            [other, ..] => {
                report.error(at, format!("{code}: `{other}` is not a status: write `live` (or nothing), `retired 2025-03-01 [by CID…]` or `contact`"));
                continue;
            }
        };
        let line = line.filter(|l| !l.is_empty());
        match (&status, &line) {
            (Status::Live, Some(_)) => report.error(at, format!("{code} is live: its help is its guidance in an article; remove the text after `:`")),
            (Status::Contact, None) => report.error(at, format!("{code} is a contact code: write what to tell people after `:`, as `{code} contact: We need to check your account.`")),
            _ => {}
        }
        if let Some(first) = entries.iter().find(|e| e.code == code) {
            report.error(at, format!("{code} is listed twice (first on line {}): keep one line per code", first.at));
            continue;
        }
        entries.push(Entry { code, status, line, at });
    }
    entries
}

/// Checks the register against the content, and returns the notices for
/// the codes that have no guidance (retired and contact codes).
pub fn check(site: &Site, entries: &[Entry], report: &mut Reporter) -> Vec<Notice> {
    let mut notices = Vec::new();
    for entry in entries {
        let code = &entry.code;
        let guidance = site.reference(code).map(|(_, r)| r);
        match (&entry.status, guidance) {
            (Status::Live, None) => report.error(entry.at, format!(
                "{code} is a published reference, but no article names it any more: restore its guidance, or mark it `retired` with the date (and `by` the code that replaced it)"
            )),
            // Its strongest place is a mention: its guidance may have gone.
            (Status::Live, Some(r)) if r.place.naming == Naming::Text => report.warning(entry.at, format!(
                "{code} is a published reference, but only the text of `{}` mentions it: give its guidance a heading or a contact link that names it",
                r.place.heading
            )),
            (Status::Live, Some(_)) => {}
            (Status::Retired { .. }, Some(r)) => report.error(entry.at, format!(
                "{code} is marked retired, but `{}` still gives guidance for it: remove that guidance, or mark the code live",
                r.place.heading
            )),
            (Status::Contact, Some(r)) => report.error(entry.at, format!(
                "{code} is marked contact, but `{}` gives guidance for it: mark it live, or remove that guidance",
                r.place.heading
            )),
            (Status::Retired { since, replaced_by }, None) => {
                if let Some(other) = replaced_by {
                    if site.reference(other).is_none() {
                        report.error(entry.at, format!("{code} is replaced by {other}, but no article gives guidance for {other}: name a live code"));
                    }
                }
                notices.push(Notice { code: code.clone(), retired: Some(since.clone()), replaced_by: replaced_by.clone(), line: entry.line.clone().unwrap_or_default() });
            }
            (Status::Contact, None) => notices.push(Notice { code: code.clone(), retired: None, replaced_by: None, line: entry.line.clone().unwrap_or_default() }),
        }
    }
    for reference in &site.references {
        if !entries.iter().any(|e| e.code == reference.code) {
            report.warning(1, format!("{} is named by the content but not listed here: add it once partners may show it", reference.code));
        }
    }
    notices.sort_by(|a, b| a.code.cmp(&b.code));
    notices
}

/// The register at `path` checked against `site`: its diagnostics and notices.
pub fn read(site: &Site, path: &Path, text: &str) -> (Vec<Diagnostic>, Vec<Notice>) {
    let mut report = Reporter::new(path.to_owned());
    let entries = parse(text, &mut report);
    let notices = check(site, &entries, &mut report);
    (report.diagnostics, notices)
}

/// The live codes of the register at `dir` (`None` without one): those whose
/// guidance the release gate checks.
pub fn live_codes(dir: &Path) -> Option<Vec<ErrorCode>> {
    let text = std::fs::read_to_string(dir.join(REGISTER_FILE)).ok()?;
    let entries = parse(&text, &mut Reporter::new(dir.join(REGISTER_FILE)));
    Some(entries.into_iter().filter(|e| e.status == Status::Live).map(|e| e.code).collect())
}
