//! Sanitised HTML to the structured model: sections at every `##` and `###`,
//! blocks inside them, details with their summary.

use std::cell::RefCell;
use std::collections::HashSet;

use help_core::error_code::codes_in;
use help_core::{Block, ContentsItem, Inline, LinkTarget, Section};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::content::slug::slug;

#[derive(Debug)]
enum Node {
    Element { name: String, attrs: Vec<(String, String)>, children: Vec<Node> },
    Text(String),
}

impl Node {
    fn name(&self) -> &str {
        match self {
            Node::Element { name, .. } => name,
            Node::Text(_) => "",
        }
    }

    fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|classes| classes.split_ascii_whitespace().any(|c| c == class))
    }

    fn is_heading(&self) -> bool {
        matches!(self.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
    }

    fn is_blank_text(&self) -> bool {
        matches!(self, Node::Text(t) if t.trim().is_empty())
    }

    fn children(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        collapse_whitespace(&out)
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element { children, .. } => children.iter().for_each(|c| c.push_text(out)),
        }
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct TreeSink {
    tokens: RefCell<Vec<Token>>,
}

impl TokenSink for TreeSink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        self.tokens.borrow_mut().push(token);
        TokenSinkResult::Continue
    }
}

const VOID_ELEMENTS: &[&str] = &["br", "hr"];

/// Builds a tree from the sanitiser's output, which is well-formed: every
/// element but the void ones is closed, in order.
fn parse(html: &str) -> Vec<Node> {
    let tokenizer = Tokenizer::new(TreeSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let tokens = tokenizer.sink.tokens.take();

    let mut stack: Vec<(String, Vec<(String, String)>, Vec<Node>)> = vec![(String::new(), vec![], vec![])];
    for token in tokens {
        match token {
            Token::CharacterTokens(t) => stack.last_mut().expect("root").2.push(Node::Text(t.to_string())),
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name = tag.name.to_string();
                let attrs = tag.attrs.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
                if VOID_ELEMENTS.contains(&name.as_str()) || tag.self_closing {
                    stack.last_mut().expect("root").2.push(Node::Element { name, attrs, children: vec![] });
                } else {
                    stack.push((name, attrs, vec![]));
                }
            }
            Token::TagToken(tag) => {
                if let Some(depth) = stack.iter().rposition(|(n, ..)| *n == *tag.name) {
                    while stack.len() > depth.max(1) {
                        let (name, attrs, children) = stack.pop().expect("non-empty");
                        stack.last_mut().expect("root").2.push(Node::Element { name, attrs, children });
                    }
                }
            }
            _ => {}
        }
    }
    while stack.len() > 1 {
        let (name, attrs, children) = stack.pop().expect("non-empty");
        stack.last_mut().expect("root").2.push(Node::Element { name, attrs, children });
    }
    stack.pop().map(|(.., children)| children).unwrap_or_default()
}

/// Hands out ids unique within one article: a repeat gets `-2`, `-3`, ...
struct Ids {
    used: HashSet<String>,
    /// The next suffix to try for each base, so thousands of repeats of one
    /// heading cost as many steps, not their square.
    next: std::collections::HashMap<String, usize>,
}

impl Default for Ids {
    fn default() -> Self {
        Ids { used: HashSet::new(), next: Default::default() }
    }
}

impl Ids {
    fn claim(&mut self, base: String) -> String {
        let base = if base.is_empty() { "section".to_owned() } else { base };
        let mut id = base.clone();
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        // The page's own ids (the search box, the app's root, ...) are never
        // handed out: the content's gets a suffix instead.
        while help_core::ids::is_reserved(&id) || !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.next.insert(base, n);
        id
    }
}

#[derive(Debug, Default, PartialEq)]
pub struct Structured {
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

/// Splits sanitised HTML into the intro and its sections.
pub fn structure(html: &str) -> Structured {
    let nodes = parse(html);
    let mut top: Vec<&Node> = Vec::new();
    flatten_containers(&nodes, &mut top);

    let mut ids = Ids::default();
    let mut out = Structured::default();
    let mut pending: Vec<&Node> = Vec::new();
    for node in top {
        // A visually hidden heading labels what follows for screen readers;
        // it is not a section anyone can see.
        let hidden = node.has_class(VISUALLY_HIDDEN);
        let level = match node.name() {
            "h1" | "h2" if !hidden => 2,
            "h3" if !hidden => 3,
            _ => {
                pending.push(node);
                continue;
            }
        };
        flush(&mut out, &mut pending, &mut ids);
        let heading = node.text();
        let base = codes_in(&heading).first().map(|c| c.to_ascii_lowercase()).unwrap_or_else(|| slug(&heading));
        // `references` is filled in once links are resolved (see lib.rs).
        out.sections.push(Section { id: ids.claim(base), level, heading, blocks: vec![], references: vec![] });
    }
    flush(&mut out, &mut pending, &mut ids);
    for section in &mut out.sections {
        trim_rules(&mut section.blocks);
    }
    trim_rules(&mut out.intro);
    out
}

const VISUALLY_HIDDEN: &str = "nhsuk-u-visually-hidden";
const INSET_TEXT: &str = "nhsuk-inset-text";
const WARNING_CALLOUT: &str = "nhsuk-warning-callout";
const CONTENTS_LIST: &str = "nhsuk-contents-list";

fn is_component(node: &Node) -> bool {
    [INSET_TEXT, WARNING_CALLOUT, CONTENTS_LIST].iter().any(|class| node.has_class(class))
}

/// Top-level `div`s are wrappers, not structure: their children count as top
/// level. A component is one block, headings and all: a heading inside it is
/// its label, never a section.
fn flatten_containers<'n>(nodes: &'n [Node], out: &mut Vec<&'n Node>) {
    for node in nodes {
        if node.name() == "div" && !is_component(node) {
            flatten_containers(node.children(), out);
        } else {
            out.push(node);
        }
    }
}

fn flush<'n>(out: &mut Structured, pending: &mut Vec<&'n Node>, ids: &mut Ids) {
    let blocks = blocks_of(pending, ids);
    pending.clear();
    match out.sections.last_mut() {
        Some(section) => section.blocks.extend(blocks),
        None => out.intro.extend(blocks),
    }
}

/// `---` lines that only separate sections are not content.
fn trim_rules(blocks: &mut Vec<Block>) {
    while matches!(blocks.last(), Some(Block::Rule)) {
        blocks.pop();
    }
    while matches!(blocks.first(), Some(Block::Rule)) {
        blocks.remove(0);
    }
}

fn is_inline(node: &Node) -> bool {
    matches!(node, Node::Text(_)) || matches!(node.name(), "strong" | "b" | "em" | "i" | "a" | "br" | "span")
}

/// Deeper structure than this is kept as plain text: it bounds the recursion
/// here and the nesting of the bundled JSON. (Markdown nesting is already an
/// error past a lower limit; this catches raw HTML.)
const MAX_DEPTH: usize = 24;

fn blocks_of(nodes: &[&Node], ids: &mut Ids) -> Vec<Block> {
    blocks_at(nodes, ids, 0)
}

fn blocks_at(nodes: &[&Node], ids: &mut Ids, depth: usize) -> Vec<Block> {
    if depth > MAX_DEPTH {
        let text: String = nodes.iter().map(|n| n.text()).collect::<Vec<_>>().join(" ");
        let text = collapse_whitespace(&text);
        return if text.is_empty() { vec![] } else { vec![Block::Paragraph(vec![Inline::Text(text)])] };
    }
    let mut blocks = Vec::new();
    let mut run: Vec<&Node> = Vec::new();
    let flush_run = |run: &mut Vec<&Node>, blocks: &mut Vec<Block>| {
        let inlines = inlines_of(run);
        run.clear();
        if !inlines.is_empty() {
            blocks.push(Block::Paragraph(inlines));
        }
    };
    for &node in nodes {
        if is_inline(node) {
            run.push(node);
            continue;
        }
        flush_run(&mut run, &mut blocks);
        let children: Vec<&Node> = node.children().iter().collect();
        match node.name() {
            "div" if node.has_class(INSET_TEXT) => blocks.push(inset_text(&children, ids, depth)),
            "div" if node.has_class(WARNING_CALLOUT) => blocks.push(warning_callout(&children, ids, depth)),
            "nav" if node.has_class(CONTENTS_LIST) => blocks.push(contents_list(node)),
            "p" | "summary" => {
                let inlines = hidden_if(node, inlines_of(&children));
                if !inlines.is_empty() {
                    blocks.push(Block::Paragraph(inlines));
                }
            }
            "ul" | "ol" => {
                let items = node
                    .children()
                    .iter()
                    .filter(|c| c.name() == "li")
                    .map(|li| blocks_at(&li.children().iter().collect::<Vec<_>>(), ids, depth + 1))
                    .collect();
                let start = node.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                blocks.push(Block::List { ordered: node.name() == "ol", start, items });
            }
            "details" => {
                let summary = node
                    .children()
                    .iter()
                    .find(|c| c.name() == "summary")
                    .map(Node::text)
                    .unwrap_or_default();
                let body: Vec<&Node> = node.children().iter().filter(|c| c.name() != "summary").collect();
                let id = ids.claim(slug(&summary));
                let summary = if summary.is_empty() { "Details".to_owned() } else { summary };
                blocks.push(Block::Details { id, summary, blocks: blocks_at(&body, ids, depth + 1) });
            }
            "hr" => blocks.push(Block::Rule),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let inlines = hidden_if(node, inlines_of(&children));
                if !inlines.is_empty() {
                    blocks.push(Block::Subheading(inlines));
                }
            }
            // `div`, `li` out of place, anything else the sanitiser allowed.
            _ => blocks.extend(blocks_at(&children, ids, depth + 1)),
        }
    }
    flush_run(&mut run, &mut blocks);
    blocks
}

/// `inlines` wrapped as visually hidden when `node` is marked so.
fn hidden_if(node: &Node, inlines: Vec<Inline>) -> Vec<Inline> {
    if node.has_class(VISUALLY_HIDDEN) && !inlines.is_empty() {
        vec![Inline::VisuallyHidden(inlines)]
    } else {
        inlines
    }
}

/// `<div class="nhsuk-inset-text">`: its leading visually hidden span is the
/// label screen readers hear first; nhsuk-frontend's default when it has none.
fn inset_text(children: &[&Node], ids: &mut Ids, depth: usize) -> Block {
    let mut rest = children.iter().copied().skip_while(|n| n.is_blank_text()).peekable();
    // The label's span, or a paragraph holding nothing else (as some
    // articles write it): taken as the label, so no empty paragraph is left.
    let label_of = |node: &Node| -> Option<String> {
        if node.name() == "span" && node.has_class(VISUALLY_HIDDEN) {
            return Some(node.text());
        }
        let inside: Vec<&Node> = node.children().iter().filter(|n| !n.is_blank_text()).collect();
        match inside.as_slice() {
            [only] if node.name() == "p" && only.name() == "span" && only.has_class(VISUALLY_HIDDEN) => Some(only.text()),
            _ => None,
        }
    };
    let hidden_label = match rest.peek().and_then(|first| label_of(first)) {
        Some(label) => {
            rest.next();
            format!("{} ", label.trim_end())
        }
        None => "Information: ".to_owned(),
    };
    let rest: Vec<&Node> = rest.collect();
    Block::InsetText { hidden_label, blocks: blocks_at(&rest, ids, depth + 1) }
}

/// `<div class="nhsuk-warning-callout">`: its first heading is the label.
fn warning_callout(children: &[&Node], ids: &mut Ids, depth: usize) -> Block {
    let label_at = children.iter().position(|n| n.is_heading());
    let label = label_at.map(|i| inlines_of(&children[i].children().iter().collect::<Vec<_>>())).unwrap_or_default();
    let rest: Vec<&Node> = children.iter().enumerate().filter(|(i, _)| Some(*i) != label_at).map(|(_, n)| *n).collect();
    Block::WarningCallout { label, blocks: blocks_at(&rest, ids, depth + 1) }
}

/// `<nav class="nhsuk-contents-list">`: the items of its list, the current
/// page's marked by `aria-current` or nhsuk-frontend's `__current` span.
fn contents_list(node: &Node) -> Block {
    let label = node.attr("aria-label").map(collapse_whitespace).filter(|l| !l.is_empty());
    let heading = node.children().iter().find(|c| c.is_heading()).map(Node::text).filter(|h| !h.is_empty());
    let items = node
        .children()
        .iter()
        .filter(|c| matches!(c.name(), "ol" | "ul"))
        .flat_map(|list| list.children().iter().filter(|c| c.name() == "li"))
        .map(|li| {
            let current = li.attr("aria-current").is_some() || li.children().iter().any(|c| c.has_class("nhsuk-contents-list__current"));
            ContentsItem { current, inlines: inlines_of(&li.children().iter().collect::<Vec<_>>()) }
        })
        .filter(|item| !item.inlines.is_empty())
        .collect();
    Block::ContentsList {
        label: label.unwrap_or_else(|| "Pages in this guide".to_owned()),
        heading: heading.unwrap_or_else(|| "Contents".to_owned()),
        items,
    }
}

/// Inline content with HTML's whitespace rules applied: runs collapse to one
/// space, and none is left at the start, the end or after a line break.
fn inlines_of(nodes: &[&Node]) -> Vec<Inline> {
    let mut at_space = true;
    let mut inlines = convert(nodes, &mut at_space, 0);
    trim_end(&mut inlines);
    inlines
}

fn convert(nodes: &[&Node], at_space: &mut bool, depth: usize) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    if depth > MAX_DEPTH {
        let text = collapse_whitespace(&nodes.iter().map(|n| n.text()).collect::<Vec<_>>().join(" "));
        if !text.is_empty() {
            *at_space = false;
            out.push(Inline::Text(text));
        }
        return out;
    }
    for node in nodes {
        let children = || node.children().iter().collect::<Vec<_>>();
        match node {
            Node::Text(text) => {
                let mut s = String::new();
                for c in text.chars() {
                    if c.is_whitespace() {
                        if !*at_space {
                            s.push(' ');
                            *at_space = true;
                        }
                    } else {
                        s.push(c);
                        *at_space = false;
                    }
                }
                if !s.is_empty() {
                    match out.last_mut() {
                        Some(Inline::Text(prev)) => prev.push_str(&s),
                        _ => out.push(Inline::Text(s)),
                    }
                }
            }
            Node::Element { name, .. } => match name.as_str() {
                "strong" | "b" => push_nonempty(&mut out, convert(&children(), at_space, depth + 1), Inline::Strong),
                "em" | "i" => push_nonempty(&mut out, convert(&children(), at_space, depth + 1), Inline::Emphasis),
                "span" if node.has_class(VISUALLY_HIDDEN) => {
                    push_nonempty(&mut out, convert(&children(), at_space, depth + 1), Inline::VisuallyHidden)
                }
                "a" => {
                    let inner = convert(&children(), at_space, depth + 1);
                    match node.attr("href") {
                        Some(href) if !inner.is_empty() => out.push(Inline::Link {
                            target: LinkTarget::External { href: href.to_owned() },
                            title: node.attr("title").map(str::to_owned),
                            children: inner,
                        }),
                        _ => out.extend(inner),
                    }
                }
                "br" => {
                    trim_end(&mut out);
                    out.push(Inline::LineBreak);
                    *at_space = true;
                }
                _ => out.extend(convert(&children(), at_space, depth + 1)),
            },
        }
    }
    out
}

fn push_nonempty(out: &mut Vec<Inline>, inner: Vec<Inline>, wrap: fn(Vec<Inline>) -> Inline) {
    if !inner.is_empty() {
        out.push(wrap(inner));
    }
}

/// Drops the trailing space of the last text, wherever it is nested.
fn trim_end(inlines: &mut Vec<Inline>) {
    while let Some(last) = inlines.last_mut() {
        match last {
            Inline::Text(t) => {
                let trimmed = t.trim_end().len();
                t.truncate(trimmed);
                if t.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { children: c, .. } | Inline::VisuallyHidden(c) => {
                trim_end(c);
                if c.is_empty() {
                    inlines.pop();
                    continue;
                }
            }
            Inline::LineBreak => {}
        }
        break;
    }
}
