//! The content model: what the compiler writes as JSON and the app renders.
//!
//! It is structured, not HTML: the app builds every DOM node itself from these
//! types, so no article text ever reaches the page as markup.

use serde::{Deserialize, Serialize};

use crate::error_code::ErrorCode;

/// The home hub's file.
pub const HOME_FILE: &str = "index.html";

/// The page listing every error reference.
pub const REFERENCES_FILE: &str = "references.html";

/// Page files the build writes itself, beside the hubs' and articles': no
/// `pageName` may give one of these (nor `index.html`, unless it is `home`).
pub const BUILD_PAGE_FILES: &[&str] = &[REFERENCES_FILE];

/// A page's file name from its front-matter `pageName`: lower case, `:` as `-`,
/// and `home` as `index.html`.
pub fn file_for_page_name(page_name: &str) -> String {
    if page_name.eq_ignore_ascii_case("home") {
        return HOME_FILE.to_owned();
    }
    let mut file: String = page_name
        .chars()
        .map(|c| if c == ':' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    file.push_str(".html");
    file
}

/// The page file an address path names: its last segment, or the home
/// page for a folder (`/help/` is `index.html`). Hosts with "clean URLs"
/// (Cloudflare Pages, Netlify, Vercel's and Firebase's `cleanUrls`) answer
/// `manage.html` with a redirect to `manage`, so a segment without an
/// extension names the same page file, and `index` is the home page.
pub fn file_of_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.rsplit('/').next() {
        None | Some("") | Some("index") => HOME_FILE.into(),
        Some(file) if file.contains('.') => file.into(),
        Some(name) => format!("{name}.html").into(),
    }
}

/// `file#fragment`, or the file alone: the one way a link to a section is written.
pub fn page_href(file: &str, fragment: Option<&str>) -> String {
    match fragment {
        Some(f) => format!("{file}#{f}"),
        None => file.to_owned(),
    }
}

/// The whole help centre as bundled into the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// Every hub and article, in a stable order (home first, then by file).
    pub pages: Vec<Page>,
    /// Base of the help centre's own site, for site-relative links the widget
    /// does not hold (for example `https://help.login.nhs.uk`). The compiler
    /// resolves those links; the app never needs it, so it is not bundled.
    #[serde(skip_serializing, default)]
    pub help_centre_url: String,
    /// The contact page; error codes are appended as `?error=CIDnnnn`.
    pub contact_url: String,
    /// Every error reference the content gives guidance for, by code.
    pub references: Vec<Reference>,
    /// Services that embed the widget or link to it, by id.
    pub partners: Vec<Partner>,
    /// Registered codes with no guidance of their own (retired, or whose
    /// help is to contact NHS login), by code: `published-references.txt`.
    #[serde(default)]
    pub notices: Vec<Notice>,
}

/// What to tell someone who sees a registered code that has no guidance:
/// a retired code, or one whose right help is to contact NHS login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub code: ErrorCode,
    /// Retired since this date (`2025-03-01`, as written); `None` for a
    /// code whose help is to contact NHS login.
    pub retired: Option<String>,
    /// The live code whose guidance took its place.
    pub replaced_by: Option<ErrorCode>,
    /// The editor's line for the people who see it.
    pub line: String,
}

/// A partner service's profile (`content/partners/<id>/partner.yml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// `patientcentre`: the `partner` URL parameter and the `data-partner`
    /// attribute of the embed script.
    pub id: String,
    /// How people know it: `Patientcentre`.
    pub name: String,
    /// The origins (`https://host[:port]`) that may embed the widget, talk to
    /// it and be returned to.
    pub origins: Vec<String>,
    /// The partner's own article, shown first on the home page.
    pub article: String,
    /// The return link's text: `Back to Patientcentre`.
    pub return_label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageKind {
    Hub,
    Article,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The content's own identifier, as written in front matter (`manage:Landline-number`).
    pub page_name: String,
    /// The page's file in the flat output folder (`manage-landline-number.html`).
    pub file: String,
    /// The path the real help centre uses (`/manage/landline`): for the
    /// compiler's link resolution only, not bundled.
    #[serde(skip_serializing, default)]
    pub site_path: String,
    pub kind: PageKind,
    pub title: String,
    /// A shorter title for links and breadcrumbs, where the content gives one.
    pub short_title: Option<String>,
    pub subtitle: String,
    /// The parent hub's page name; `None` only for the home hub.
    pub hub: Option<String>,
    /// Order on its hub; the compiler turns it into the hub's `children`, so
    /// it is not bundled.
    #[serde(skip_serializing, default)]
    pub position: i64,
    /// The partner whose article this is (`patientcentre`), if any.
    pub partner: Option<String>,
    /// Content before the first section heading.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// For hubs: indexes into [`Site::pages`] of the pages listed on it, in
    /// display order (position, then title).
    pub children: Vec<usize>,
    /// The NHS.UK review-date line shown at the article's end ("Page last
    /// reviewed: 1 November 2026. Next review due: 1 May 2027."), written by
    /// the compiler from `reviewed` and `review_due`.
    #[serde(default)]
    pub review_dates: Option<String>,
}

impl Page {
    /// The title to use in links, breadcrumbs and the browser tab.
    pub fn link_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// A `##` or `###` heading with everything up to the next such heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable anchor: the error code in lower case (`cid3009`) when the
    /// heading names one, otherwise a slug of the heading text.
    pub id: String,
    /// 2 or 3.
    pub level: u8,
    pub heading: String,
    pub blocks: Vec<Block>,
    /// Error references this section is the guidance for: named in its
    /// heading or in a contact link inside it. For the compiler's checks and
    /// reports; the app uses [`Site::references`], so it is not bundled.
    #[serde(skip_serializing, default)]
    pub references: Vec<ErrorCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        /// First number of an ordered list.
        start: u32,
        items: Vec<Vec<Block>>,
    },
    /// A native expandable `<details>` section.
    Details {
        id: String,
        summary: String,
        blocks: Vec<Block>,
    },
    /// A heading below `###`, kept as a minor heading inside a section.
    Subheading(Vec<Inline>),
    /// A thematic break (`---`) that is not a section boundary.
    Rule,
    /// NHS.UK inset text: a note set apart from the text around it.
    InsetText {
        /// Said first by screen readers, never shown ("Information: ").
        hidden_label: String,
        blocks: Vec<Block>,
    },
    /// NHS.UK warning callout. Its label is the callout's own heading: never
    /// a section, never in "On this page".
    WarningCallout { label: Vec<Inline>, blocks: Vec<Block> },
    /// NHS.UK contents list: the pages of a guide, the current one unlinked.
    ContentsList {
        /// The navigation landmark's name ("Pages in this guide").
        label: String,
        /// Its visually hidden heading ("Contents"); not a section.
        heading: String,
        items: Vec<ContentsItem>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentsItem {
    /// The page being read: shown, not linked.
    pub current: bool,
    pub inlines: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link {
        target: LinkTarget,
        /// The tooltip title from the source, if any.
        title: Option<String>,
        children: Vec<Inline>,
    },
    LineBreak,
    /// Read by screen readers, hidden on screen (`nhsuk-u-visually-hidden`).
    VisuallyHidden(Vec<Inline>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LinkTarget {
    /// A page of this widget, optionally a section on it.
    Page { file: String, fragment: Option<String> },
    /// The help centre's contact page, with the error code the link names.
    Contact { code: Option<ErrorCode> },
    /// Anywhere else; opens in a new tab.
    External { href: String },
}

impl LinkTarget {
    /// The `href` to put in the DOM.
    pub fn href(&self, site: &Site) -> String {
        match self {
            LinkTarget::Page { file, fragment } => page_href(file, fragment.as_deref()),
            LinkTarget::Contact { code } => site.contact_href(code.as_ref()),
            LinkTarget::External { href } => href.clone(),
        }
    }
}

impl Site {
    /// The contact page, with the error code filled in when there is one.
    pub fn contact_href(&self, code: Option<&ErrorCode>) -> String {
        match code {
            Some(code) => format!("{}?error={code}", self.contact_url),
            None => self.contact_url.clone(),
        }
    }

    pub fn page_by_file(&self, file: &str) -> Option<(usize, &Page)> {
        self.pages.iter().enumerate().find(|(_, p)| p.file == file)
    }

    pub fn page_by_name(&self, page_name: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.page_name == page_name)
    }

    /// The reference for `code` and its index in [`Site::references`].
    pub fn reference(&self, code: &str) -> Option<(usize, &Reference)> {
        self.references
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()
            .map(|i| (i, &self.references[i]))
    }

    /// The registered code with no guidance of its own, if `code` is one.
    pub fn notice(&self, code: &str) -> Option<(usize, &Notice)> {
        self.notices.iter().enumerate().find(|(_, n)| n.code.as_str() == code)
    }

    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub fn home(&self) -> &Page {
        self.page_by_file(HOME_FILE)
            .map(|(_, p)| p)
            .or_else(|| self.pages.first())
            .expect("a compiled site has a home page")
    }
}

/// How a place names its code; the order is the precedence, strongest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Naming {
    /// The heading begins with the code (`## CID3002: The link ... has expired`):
    /// an entry written for that code alone.
    HeadingStartsWithCode,
    /// The heading names the code (`### Expired link – Reference CID3009`).
    HeadingNamesCode,
    /// Only a contact link in the section carries the code.
    #[default]
    ContactLink,
    /// Only the section's text names the code ("If reference CID4017 is
    /// shown, ..."): the guidance still, but the weakest sign of it.
    Text,
}

/// One section that gives guidance for a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Index into [`Site::pages`].
    pub page: usize,
    pub section: String,
    /// The details to open: the one holding the contact link, if any.
    pub details: Option<String>,
    /// Decides which place is canonical at build time; not bundled.
    #[serde(skip_serializing, default)]
    pub naming: Naming,
    /// The section's heading, to show in lists.
    pub heading: String,
}

/// A code and where its guidance is: `place` first, then `also`
/// (see [`crate::references::collect`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    pub code: ErrorCode,
    pub place: Place,
    pub also: Vec<Place>,
}

impl Reference {
    /// The canonical heading without the code, which the list it is shown
    /// in already names: no leading `CIDnnnn:` and no trailing
    /// `– Reference CIDnnnn` ("CID3009 – Expired link", not "CID3009 –
    /// Expired link – Reference CID3009").
    pub fn title(&self) -> &str {
        let code = self.code.as_str();
        let mut title = self.place.heading.as_str();
        if title.get(..code.len()).is_some_and(|start| start.eq_ignore_ascii_case(code)) {
            title = title[code.len()..].trim_start_matches([':', ' ', '-', '–']);
        }
        let end = title.len().saturating_sub(code.len());
        if title.get(end..).is_some_and(|tail| tail.eq_ignore_ascii_case(code)) {
            let rest = title[..end].trim_end();
            if let Some(rest) = rest.strip_suffix("Reference").or_else(|| rest.strip_suffix("reference")) {
                let rest = rest.trim_end_matches([' ', '-', '–', ':', ',']);
                if !rest.is_empty() {
                    title = rest;
                }
            }
        }
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::parse_code;

    fn reference(code: &str, heading: &str) -> Reference {
        let place = Place { page: 0, section: String::new(), details: None, naming: Naming::default(), heading: heading.to_owned() };
        Reference { code: parse_code(code).unwrap(), place, also: Vec::new() }
    }

    #[test]
    fn a_reference_title_never_names_its_code_again() {
        for (code, heading, title) in [
            ("CID2011", "CID2011: There may be a problem with your NHS number", "There may be a problem with your NHS number"),
            ("CID3009", "Expired link – Reference CID3009", "Expired link"),
            ("CID7023", "Passkey not recognised - Reference CID7023", "Passkey not recognised"),
            ("CID1111", "There is already an account linked to my details", "There is already an account linked to my details"),
            // Only the code it is for, and never to nothing.
            ("CID1111", "Expired link – Reference CID3009", "Expired link – Reference CID3009"),
            ("CID3009", "Reference CID3009", "Reference CID3009"),
        ] {
            assert_eq!(reference(code, heading).title(), title, "{heading}");
        }
    }
}
