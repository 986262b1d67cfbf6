//! Review dates: when an article was last reviewed and when its next review
//! is due, the warning every build gives for an overdue one, and the release
//! gate that will not ship stale guidance for a published error reference.

use std::path::Path;

use time::Date;

pub use crate::content::dates::{build_date, long_date, parse_date};

use crate::diagnostic::{Diagnostic, Reporter, Severity};
use crate::content::front_matter::Field;

/// The editors' policy for the release gate, in `content/`.
pub const POLICY_FILE: &str = "review-policy.yml";

/// The review-date line an article ends with, when it has either date.
pub fn review_text(reviewed: Option<Date>, due: Option<Date>) -> Option<String> {
    let reviewed = reviewed.map(|d| format!("Page last reviewed: {}.", long_date(d)));
    let due = due.map(|d| format!("Next review due: {}.", long_date(d)));
    match (reviewed, due) {
        (Some(r), Some(d)) => Some(format!("{r} {d}")),
        (r, d) => r.or(d),
    }
}

/// One article's review dates, where they are written.
#[derive(Debug, Clone)]
pub struct Review {
    pub file: std::path::PathBuf,
    /// Index into the site's pages.
    pub page: usize,
    pub reviewed: Option<Field<Date>>,
    pub due: Option<Field<Date>>,
}

impl Review {
    /// Days past `review_due` on `today`; `None` while it is not yet due.
    pub fn days_overdue(&self, today: Date) -> Option<i64> {
        let due = self.due.as_ref()?;
        let days = (today - due.value).whole_days();
        (days > 0).then_some(days)
    }
}

/// The warning every build gives for an article past its review date: the
/// build still succeeds, so an urgent fix always ships.
pub fn overdue_warnings(reviews: &[Review], today: Date) -> Vec<Diagnostic> {
    reviews
        .iter()
        .filter_map(|r| {
            let days = r.days_overdue(today)?;
            let due = r.due.as_ref()?;
            Some(Diagnostic {
                severity: Severity::Warning,
                file: r.file.clone(),
                line: due.line,
                message: format!(
                    "this article was due for review on {} ({} ago): check it is still right, then update `reviewed` and `review_due`",
                    long_date(due.value),
                    days_text(days)
                ),
            })
        })
        .collect()
}

fn days_text(days: i64) -> String {
    if days == 1 { "1 day".to_owned() } else { format!("{days} days") }
}

/// The release gate's settings, from [`POLICY_FILE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// How many days past `review_due` an article holding a published error
    /// reference may be before a release refuses it.
    pub overdue_days: i64,
    /// `false` lets an emergency release through, with warnings.
    pub fail: bool,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { overdue_days: 90, fail: true }
    }
}

/// Reads the policy file in `dir`; the defaults when there is none.
pub fn read_policy(dir: &Path) -> Result<Policy, Diagnostic> {
    let path = dir.join(POLICY_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(Policy::default()) };
    let mut policy = Policy::default();
    let error = |line: usize, message: String| Diagnostic { severity: Severity::Error, file: path.clone(), line, message };
    // Two flat `key: value` lines: read by hand, with their line numbers.
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(error(i + 1, format!("`{line}` is not a `key: value` line")));
        };
        match (key.trim(), value.trim()) {
            ("overdue_days", days) => {
                policy.overdue_days = days.parse().ok().filter(|d: &i64| *d >= 0).ok_or_else(|| {
                    error(i + 1, format!("`overdue_days` must be a whole number of days, such as 90, not `{days}`"))
                })?
            }
            ("fail", "true") => policy.fail = true,
            ("fail", "false") => policy.fail = false,
            ("fail", other) => return Err(error(i + 1, format!("`fail` must be true or false, not `{other}`"))),
            (other, _) => return Err(error(i + 1, format!("unknown key `{other}` (known keys: overdue_days, fail)"))),
        }
    }
    Ok(policy)
}

/// The release gate: an article that holds the guidance for a published
/// error reference and is more than `overdue_days` past its review is an
/// error (a warning when the policy's `fail` is off).
pub fn release_gate(reviews: &[Review], guidance_pages: &[(usize, String)], policy: Policy, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for review in reviews {
        let (Some(days), Some(due)) = (review.days_overdue(today), review.due.as_ref()) else { continue };
        if days <= policy.overdue_days {
            continue;
        }
        let codes: Vec<&str> = guidance_pages.iter().filter(|(page, _)| *page == review.page).map(|(_, code)| code.as_str()).collect();
        if codes.is_empty() {
            continue;
        }
        let mut report = Reporter::new(review.file.clone());
        let message = format!(
            "this article holds the guidance for published reference{} {} and is {} past its review date ({}), more than the {} days {POLICY_FILE} allows: review it before releasing",
            if codes.len() == 1 { "" } else { "s" },
            codes.join(", "),
            days_text(days),
            long_date(due.value),
            policy.overdue_days,
        );
        if policy.fail {
            report.error(due.line, message);
        } else {
            report.warning(due.line, format!("{message} (released anyway: `fail: false`)"));
        }
        out.extend(report.diagnostics);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn dates_are_real_calendar_days_written_as_iso() {
        assert_eq!(long_date(date("2026-11-01")), "1 November 2026");
        assert_eq!(long_date(date("2028-02-29")), "29 February 2028");
        for bad in ["2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "1 November 2026", "2026-1-1", "2026/11/01", "", "2026-11-01T00:00", "+026-11-01"] {
            assert!(parse_date(bad).is_err(), "{bad:?}");
        }
        assert_eq!(parse_date("2026-02-30").unwrap_err(), "`2026-02-30` is not a date: February 2026 has no day 30");
    }

    #[test]
    fn the_review_line_says_both_dates_as_nhs_uk_does() {
        assert_eq!(
            review_text(Some(date("2026-11-01")), Some(date("2027-05-01"))).as_deref(),
            Some("Page last reviewed: 1 November 2026. Next review due: 1 May 2027.")
        );
        assert_eq!(review_text(Some(date("2026-11-01")), None).as_deref(), Some("Page last reviewed: 1 November 2026."));
        assert_eq!(review_text(None, Some(date("2027-05-01"))).as_deref(), Some("Next review due: 1 May 2027."));
        assert_eq!(review_text(None, None), None);
    }

    fn review(page: usize, due: &str) -> Review {
        Review { file: "a.md".into(), page, reviewed: None, due: Some(Field { value: date(due), line: 7 }) }
    }

    #[test]
    fn overdue_is_a_warning_in_every_build_and_nothing_before() {
        let today = date("2026-12-01");
        assert!(overdue_warnings(&[review(0, "2026-12-01"), review(0, "2027-01-01")], today).is_empty());
        let warnings = overdue_warnings(&[review(0, "2026-11-01")], today);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].to_string(), "a.md:7: warning: this article was due for review on 1 November 2026 (30 days ago): check it is still right, then update `reviewed` and `review_due`");
    }

    #[test]
    fn the_release_gate_refuses_stale_guidance_for_a_published_code_only() {
        let today = date("2026-12-01");
        let codes = vec![(0, "CID7023".to_owned())];
        let policy = Policy::default();
        // 91 days over: refused. 90: allowed. No published code on the page: allowed.
        let refused = release_gate(&[review(0, "2026-09-01")], &codes, policy, today);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].severity, Severity::Error);
        assert!(refused[0].to_string().starts_with("a.md:7: error: this article holds the guidance for published reference CID7023 and is 91 days past"), "{}", refused[0]);
        assert!(release_gate(&[review(0, "2026-09-02")], &codes, policy, today).is_empty());
        assert!(release_gate(&[review(1, "2025-01-01")], &codes, policy, today).is_empty());
        // An emergency release: a warning, not an error.
        let let_through = release_gate(&[review(0, "2026-09-01")], &codes, Policy { fail: false, ..policy }, today);
        assert_eq!(let_through[0].severity, Severity::Warning);
    }

    #[test]
    fn the_policy_file_is_read_with_line_numbers() {
        let dir = std::env::temp_dir().join(format!("review-policy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(read_policy(&dir).unwrap(), Policy::default());
        std::fs::write(dir.join(POLICY_FILE), "# editors own this\noverdue_days: 30\nfail: false\n").unwrap();
        assert_eq!(read_policy(&dir).unwrap(), Policy { overdue_days: 30, fail: false });
        std::fs::write(dir.join(POLICY_FILE), "overdue_days: 30\nfail: maybe\n").unwrap();
        assert_eq!(read_policy(&dir).unwrap_err().to_string(), format!("{}:2: error: `fail` must be true or false, not `maybe`", dir.join(POLICY_FILE).display()));
        std::fs::write(dir.join(POLICY_FILE), "overdue_days: soon\n").unwrap();
        assert!(read_policy(&dir).unwrap_err().to_string().contains(":1: error: `overdue_days` must be a whole number"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
