//! Refuses raw HTML that could run code or load from elsewhere, with the line
//! it is on. The sanitiser would remove it anyway; failing the build tells the
//! editor, instead of silently publishing something other than they wrote.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::diagnostic::Reporter;
use crate::content::links::{unsafe_url, LinkRef};

/// Elements that run code, embed other documents or load from elsewhere.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta",
    "base", "form", "img", "picture", "source", "video", "audio", "track", "svg", "math", "canvas",
    "template", "noscript", "portal", "input", "button", "textarea", "select",
];

/// Classes from nhsuk-frontend the widget understands: the components it
/// models (their markup comes from the app, so the classes themselves are
/// then dropped) and the details and list classes the help centre writes.
/// Tables, care cards and do and don't lists are not used by the help
/// centre: their classes and elements warn.
const KNOWN_CLASSES: &[&str] = &[
    "nhsuk-inset-text", "nhsuk-warning-callout", "nhsuk-warning-callout__label", "nhsuk-contents-list",
    "nhsuk-contents-list__list", "nhsuk-contents-list__item", "nhsuk-contents-list__link",
    "nhsuk-contents-list__current", "nhsuk-u-visually-hidden", "nhsuk-details", "nhsuk-expander",
    "nhsuk-details__summary", "nhsuk-details__summary-text", "nhsuk-details__text", "nhsuk-list",
    "nhsuk-list--bullet", "nhsuk-list--number", "nhsuk-body", "nhsuk-body-s", "nhsuk-body-m",
    "nhsuk-body-l",
];

/// Spacing utilities: the app spaces components itself, so these are
/// dropped without a word (the help centre uses them often).
fn is_spacing(class: &str) -> bool {
    ["nhsuk-u-margin-", "nhsuk-u-padding-", "nhsuk-u-nested-margin-"].iter().any(|p| class.starts_with(p))
}

/// Attributes whose value is a URL the browser may load or follow.
const URL_ATTRIBUTES: &[&str] = &["href", "src", "action", "formaction", "poster", "background", "cite", "xlink:href", "srcset", "data"];

/// An attribute no content may use: a tag carrying it is put after each
/// fragment, and the fragment is whole only if that tag comes out as a tag.
const END_MARK: &str = "data-nhs-login-help-fragment-end";

/// Which raw HTML elements are open around the text being read, across the
/// fragments and Markdown of one article, so that a link inside visually
/// hidden text is found however the text is written (WCAG 2.4.7: it would
/// take keyboard focus while nobody can see it).
#[derive(Debug, Default)]
pub struct Visibility {
    /// Each open element's name and whether it hides its content visually.
    open: Vec<(String, bool)>,
}

/// Block elements whose start tag ends an open `<p>`, as the HTML parser
/// (and so the sanitiser and the browser) does.
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "ul",
];

/// Whether a class hides its element's content visually: nhsuk-frontend's
/// `nhsuk-u-visually-hidden` and `nhsuk-u-visually-hidden-focusable`, and
/// the family written like them (`visually-hidden`, `govuk-visually-hidden`).
pub fn hides_visually(class: &str) -> bool {
    class.contains("visually-hidden")
}

/// Whether a class keeps its element hidden while that element has focus:
/// a `…-focusable` one shows it then (a skip link), but only on `:focus` of
/// the element itself, so what is inside it stays hidden.
fn hides_focused(class: &str) -> bool {
    hides_visually(class) && !class.ends_with("-focusable")
}

impl Visibility {
    /// Whether text here is inside an element that hides it visually.
    pub fn hidden(&self) -> bool {
        self.open.iter().any(|(_, hides)| *hides)
    }

    /// How many elements are open: a Markdown paragraph or heading closes
    /// the inline elements opened inside it, as the parser does at its end.
    pub fn mark(&self) -> usize {
        self.open.len()
    }

    pub fn close_to(&mut self, mark: usize) {
        self.open.truncate(mark);
    }

    /// A block Markdown writes (a paragraph, heading, list, quote or rule)
    /// ends an open raw `<p>`, as its start tag would.
    pub fn markdown_block(&mut self) {
        self.end("p");
    }

    fn start(&mut self, name: &str, hides: bool) {
        if CLOSES_P.contains(&name) {
            self.end("p");
        }
        if name == "li" {
            self.end("li");
        }
        self.open.push((name.to_owned(), hides));
    }

    /// Closes the innermost open `name` and whatever is open inside it; an
    /// end tag with nothing to close is ignored, as the parser ignores it.
    fn end(&mut self, name: &str) {
        if let Some(at) = self.open.iter().rposition(|(open, _)| open == name) {
            self.open.truncate(at);
        }
    }
}

/// What a keyboard can reach in this start tag, if anything: `<a href>`,
/// form controls, `<details>` (through its summary, written or not), a
/// `<summary>` that is a details' own, `contenteditable`, and `tabindex` of
/// 0 or more (a negative one keeps it out of the tab order).
fn focusable(name: &str, attrs: &[html5ever::Attribute], parent: Option<&str>) -> Option<&'static str> {
    let attr = |wanted: &str| attrs.iter().find(|a| &*a.name.local == wanted).map(|a| &*a.value);
    let tabindex = attr("tabindex").and_then(|value| {
        // The HTML integer rule: leading spaces, a sign, digits; the rest ignored.
        let value = value.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let (negative, digits) = match value.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, value.strip_prefix('+').unwrap_or(value)),
        };
        let digits: String = digits.chars().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty()).then_some(negative && digits.chars().any(|c| c != '0'))
    });
    match (name, tabindex) {
        (_, Some(true)) => None,
        ("a" | "area", _) if attr("href").is_some() => Some("link"),
        ("input", _) if attr("type").is_some_and(|t| t.eq_ignore_ascii_case("hidden")) => None,
        ("button" | "input" | "select" | "textarea", _) => Some("form control"),
        ("details", _) => Some("details (its summary)"),
        ("summary", _) if parent == Some("details") => Some("summary"),
        (_, Some(false)) => Some("`tabindex` element"),
        _ if attr("contenteditable").is_some_and(|v| !v.eq_ignore_ascii_case("false")) => Some("editable element"),
        _ => None,
    }
}

/// The refusal for something focusable inside visually hidden text.
pub fn hidden_focus_message(what: &str) -> String {
    format!(
        "this {what} is inside visually hidden text (a `visually-hidden` class): it would take keyboard focus while nobody can see it. Move it out of the hidden text, or write it as plain text"
    )
}

struct Sink<'r> {
    first_line: usize,
    visibility: RefCell<&'r mut Visibility>,
    /// Whether the end mark came out as a tag: the fragment did not end
    /// inside a tag, attribute value, comment or other markup.
    closed: std::cell::Cell<bool>,
    report: RefCell<&'r mut Reporter>,
    links: RefCell<&'r mut Vec<LinkRef>>,
    depth: std::cell::Cell<usize>,
}

/// Deepest element nesting accepted (real articles use under 10); the
/// sanitiser and the structure pass recurse once per level.
pub const MAX_DEPTH: usize = 64;

fn is_void(name: &str) -> bool {
    matches!(name, "br" | "hr" | "img" | "input" | "meta" | "link" | "wbr" | "area" | "base" | "col" | "embed" | "source" | "track")
}

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let line = self.first_line + line_number as usize - 1;
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind == TagKind::StartTag && tag.attrs.iter().any(|a| &*a.name.local == END_MARK) {
            self.closed.set(true);
            return TokenSinkResult::Continue;
        }
        let name: &str = &tag.name;
        let mut visibility = self.visibility.borrow_mut();
        if tag.kind != TagKind::StartTag {
            if !is_void(name) {
                self.depth.set(self.depth.get().saturating_sub(1));
                visibility.end(name);
            }
            return TokenSinkResult::Continue;
        }
        let mut report = self.report.borrow_mut();
        let classes_hide = |test: fn(&str) -> bool| {
            tag.attrs.iter().any(|a| &*a.name.local == "class" && a.value.split_ascii_whitespace().any(test))
        };
        let hides = classes_hide(hides_visually);
        let parent = visibility.open.last().map(|(open, _)| open.clone());
        if let Some(what) = focusable(name, &tag.attrs, parent.as_deref()) {
            let hidden_itself = classes_hide(hides_focused);
            // A summary inside hidden text was reported with its details.
            let hidden_here =
                if name == "summary" { hidden_itself && !visibility.hidden() } else { hidden_itself || visibility.hidden() };
            if hidden_here {
                report.error(line, hidden_focus_message(what));
            }
        }
        // A start tag written self-closing (`<span/>`) still opens its
        // element in HTML; only void elements hold nothing.
        if !is_void(name) {
            visibility.start(name, hides);
        }
        if !is_void(name) && !tag.self_closing {
            self.depth.set(self.depth.get() + 1);
            if self.depth.get() == MAX_DEPTH + 1 {
                report.error(line, format!("the HTML here is nested more than {MAX_DEPTH} elements deep: flatten it"));
            }
        }
        if FORBIDDEN_ELEMENTS.contains(&name) {
            report.error(line, format!("`<{name}>` is not allowed in help articles: it could run code or load content from elsewhere"));
        } else if !crate::content::sanitize::TAGS.contains(&name) {
            report.warning(line, format!("`<{name}>` is not an element help articles use: it is dropped and its text shown as ordinary text"));
        }
        for attr in &tag.attrs {
            let attr_name: &str = &attr.name.local;
            let value: &str = &attr.value;
            if attr_name.starts_with("on") {
                report.error(line, format!("the `{attr_name}` attribute on `<{name}>` could run code and is not allowed"));
            } else if attr_name == "class" {
                for class in value.split_ascii_whitespace() {
                    // A details' parts outside a details (a callout written
                    // with them) are no component: say so.
                    let outside_details = || !visibility.open.iter().any(|(open, _)| open == "details");
                    if class.starts_with("nhsuk-details__") && KNOWN_CLASSES.contains(&class) && outside_details() {
                        report.warning(line, format!("class `{class}` on `<{name}>` belongs inside a `<details>`: outside one it is dropped and its content shown as ordinary text"));
                    } else if !KNOWN_CLASSES.contains(&class) && !is_spacing(class) {
                        report.warning(line, format!("class `{class}` on `<{name}>` is not an NHS.UK component the widget renders: the class is dropped and its content shown as ordinary text"));
                    }
                }
            } else if attr_name == "style" {
                report.warning(line, format!("the `style` attribute on `<{name}>` is presentational and is dropped"));
            } else if URL_ATTRIBUTES.contains(&attr_name) {
                if let Some(problem) = unsafe_url(value) {
                    // Reported here, once: not passed on to link checking.
                    report.error(line, format!("the `{attr_name}` of `<{name}>` {problem}"));
                } else if name == "a" && attr_name == "href" {
                    self.links.borrow_mut().push(LinkRef { href: value.to_owned(), line });
                }
            }
        }
        TokenSinkResult::Continue
    }
}

/// Checks one raw HTML fragment that starts on `first_line`; `visibility`
/// carries the elements left open from the article's earlier fragments.
pub fn check(html: &str, first_line: usize, visibility: &mut Visibility, report: &mut Reporter, links: &mut Vec<LinkRef>) {
    // At the fragment's last written line, not the blank one after it.
    let last_line = first_line + html.trim_end().lines().count().saturating_sub(1);
    if html.contains(END_MARK) {
        report.error(first_line, format!("`{END_MARK}` is reserved for the build's own checks"));
        return;
    }
    let sink = Sink { first_line, visibility: RefCell::new(visibility), closed: false.into(), report: RefCell::new(report), links: RefCell::new(links), depth: 0.into() };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    input.push_back(StrTendril::from_slice(&format!("<i {END_MARK}>")));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    // A fragment that ends inside a tag, an attribute value, a comment or
    // other markup swallows whatever follows it once the article's
    // fragments are joined, hiding that from this check: refuse it.
    if !tokenizer.sink.closed.get() {
        tokenizer.sink.report.borrow_mut().error(last_line, "this HTML ends inside a tag, attribute value or comment (a `<`, quote or `<!--` is not closed): close it, or the text after it is lost");
    }
}

/// How deeply elements nest in `html` (void elements do not count). The
/// sanitiser and the structure pass recurse per level, so the compiler
/// refuses absurd depths before handing HTML to them.
pub fn max_depth(html: &str) -> usize {
    struct Depth {
        now: std::cell::Cell<usize>,
        max: std::cell::Cell<usize>,
    }
    impl TokenSink for Depth {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(tag) = token {
                let void = is_void(&tag.name);
                match tag.kind {
                    TagKind::StartTag if !void && !tag.self_closing => {
                        self.now.set(self.now.get() + 1);
                        self.max.set(self.max.get().max(self.now.get()));
                    }
                    TagKind::EndTag if !void => self.now.set(self.now.get().saturating_sub(1)),
                    _ => {}
                }
            }
            TokenSinkResult::Continue
        }
    }
    let tokenizer = Tokenizer::new(Depth { now: 0.into(), max: 0.into() }, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.max.get()
}
