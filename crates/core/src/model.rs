//! The content model: what the compiler writes as JSON and the app renders.
//!
//! It is structured, not HTML: the app builds every DOM node itself from these
//! types, so no article text ever reaches the page as markup.

use serde::{Deserialize, Serialize};

/// The whole help centre as bundled into the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// Every hub and article, in a stable order (home first, then by file).
    pub pages: Vec<Page>,
    /// Base of the help centre's own site, for site-relative links the widget
    /// does not hold (for example `https://help.login.nhs.uk`).
    pub help_centre_url: String,
    /// The contact page; error codes are appended as `?error=CIDnnnn`.
    pub contact_url: String,
    /// Every error reference the content gives guidance for, by code.
    pub references: Vec<crate::references::Reference>,
    /// Services that embed the widget or link to it, by id.
    pub partners: Vec<Partner>,
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
    /// The path the real help centre uses (`/manage/landline`).
    pub site_path: String,
    pub kind: PageKind,
    pub title: String,
    /// A shorter title for links and breadcrumbs, where the content gives one.
    pub short_title: Option<String>,
    pub subtitle: String,
    /// The parent hub's page name; `None` only for the home hub.
    pub hub: Option<String>,
    pub position: i64,
    /// The partner whose article this is (`patientcentre`), if any.
    pub partner: Option<String>,
    /// Content before the first section heading.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// For hubs: indexes into [`Site::pages`] of the pages listed on it, in
    /// display order (position, then title).
    pub children: Vec<usize>,
}

impl Page {
    /// The title to use in links, breadcrumbs and the browser tab.
    pub fn link_title(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// True when `id` names a section, or a details block inside one.
    pub fn has_anchor(&self, id: &str) -> bool {
        self.sections
            .iter()
            .any(|s| s.id == id || Block::contains_details(&s.blocks, id))
            || Block::contains_details(&self.intro, id)
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
    /// Error references this section is the guidance for, upper case
    /// (`CID3009`): named in its heading or in a contact link inside it.
    pub references: Vec<String>,
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
}

impl Block {
    /// True when a details block with this id is somewhere in `blocks`.
    pub fn contains_details(blocks: &[Block], id: &str) -> bool {
        blocks.iter().any(|b| match b {
            Block::Details { id: d, blocks, .. } => d == id || Block::contains_details(blocks, id),
            Block::List { items, .. } => items.iter().any(|i| Block::contains_details(i, id)),
            _ => false,
        })
    }
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LinkTarget {
    /// A page of this widget, optionally a section on it.
    Page { file: String, fragment: Option<String> },
    /// The help centre's contact page, with the error code the link names.
    Contact { code: Option<String> },
    /// Anywhere else; opens in a new tab.
    External { href: String },
}

impl LinkTarget {
    /// The `href` to put in the DOM.
    pub fn href(&self, site: &Site) -> String {
        match self {
            LinkTarget::Page { file, fragment: None } => file.clone(),
            LinkTarget::Page { file, fragment: Some(f) } => format!("{file}#{f}"),
            LinkTarget::Contact { code } => site.contact_href(code.as_deref()),
            LinkTarget::External { href } => href.clone(),
        }
    }
}

impl Site {
    /// The contact page, with the error code filled in when there is one.
    pub fn contact_href(&self, code: Option<&str>) -> String {
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

    pub fn reference(&self, code: &str) -> Option<(usize, &crate::references::Reference)> {
        self.references
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok()
            .map(|i| (i, &self.references[i]))
    }

    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub fn home(&self) -> &Page {
        self.page_by_file(crate::route::HOME_FILE)
            .map(|(_, p)| p)
            .or_else(|| self.pages.first())
            .expect("a compiled site has a home page")
    }
}
