//! One walk over the content tree, shared by everything that reads it: the
//! model's anchor lookup, the reference collector, search indexing and
//! snippets, and the compiler's link rewriting. A new kind of block is then
//! taught to every reader in one place.

use crate::model::{Block, Inline, Page};

// Here rather than in the model, so the model does not depend on its walk.
impl Page {
    /// True when `id` names a section, or a details block inside one.
    pub fn has_anchor(&self, id: &str) -> bool {
        let in_details = |blocks: &[Block]| details(blocks).iter().any(|(d, ..)| *d == id);
        self.sections.iter().any(|s| s.id == id || in_details(&s.blocks)) || in_details(&self.intro)
    }

    /// Every id [`Page::has_anchor`] accepts: the sections', then the details'.
    pub fn anchors(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
        for blocks in std::iter::once(&self.intro).chain(self.sections.iter().map(|s| &s.blocks)) {
            ids.extend(details(blocks).iter().map(|(id, ..)| *id));
        }
        ids
    }
}

/// What a walk does at each node. Every method has a default that does
/// nothing, so a visitor names only what it looks at.
pub trait Visitor<'a> {
    /// Before a block's children; `false` skips them.
    fn enter(&mut self, block: &'a Block) -> bool {
        let _ = block;
        true
    }
    /// After a block's children (also when `enter` skipped them).
    fn leave(&mut self, block: &'a Block) {
        let _ = block;
    }
    /// Every inline, before its own children; `false` skips them.
    fn inline(&mut self, inline: &'a Inline) -> bool {
        let _ = inline;
        true
    }
}

/// Walks `blocks` in document order.
pub fn blocks<'a>(blocks: &'a [Block], visitor: &mut impl Visitor<'a>) {
    for block in blocks {
        if visitor.enter(block) {
            match block {
                Block::Paragraph(items) | Block::Subheading(items) => inlines(items, visitor),
                Block::List { items, .. } => items.iter().for_each(|item| self::blocks(item, visitor)),
                Block::Details { blocks, .. } | Block::InsetText { blocks, .. } => self::blocks(blocks, visitor),
                Block::WarningCallout { label, blocks } => {
                    inlines(label, visitor);
                    self::blocks(blocks, visitor);
                }
                Block::ContentsList { items, .. } => items.iter().for_each(|item| inlines(&item.inlines, visitor)),
                Block::Rule => {}
            }
        }
        visitor.leave(block);
    }
}

/// Walks `items` and their children in document order.
pub fn inlines<'a>(items: &'a [Inline], visitor: &mut impl Visitor<'a>) {
    for item in items {
        if !visitor.inline(item) {
            continue;
        }
        match item {
            Inline::Strong(children) | Inline::Emphasis(children) | Inline::Link { children, .. } | Inline::VisuallyHidden(children) => {
                inlines(children, visitor)
            }
            Inline::Text(_) | Inline::LineBreak => {}
        }
    }
}

/// Calls `f` on every inline in `blocks`, each before its children, to
/// change it in place (the compiler resolves links this way).
pub fn inlines_mut(blocks: &mut [Block], f: &mut impl FnMut(&mut Inline)) {
    fn each(items: &mut [Inline], f: &mut impl FnMut(&mut Inline)) {
        for item in items {
            f(item);
            match item {
                Inline::Strong(children) | Inline::Emphasis(children) | Inline::Link { children, .. } | Inline::VisuallyHidden(children) => {
                    each(children, f)
                }
                Inline::Text(_) | Inline::LineBreak => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(items) | Block::Subheading(items) => each(items, f),
            Block::List { items, .. } => items.iter_mut().for_each(|item| inlines_mut(item, f)),
            Block::Details { blocks, .. } | Block::InsetText { blocks, .. } => inlines_mut(blocks, f),
            Block::WarningCallout { label, blocks } => {
                each(label, f);
                inlines_mut(blocks, f);
            }
            Block::ContentsList { items, .. } => items.iter_mut().for_each(|item| each(&mut item.inlines, f)),
            Block::Rule => {}
        }
    }
}

/// The details blocks in `blocks`, nested ones included, in document order:
/// `(id, summary, content)`.
pub fn details(blocks: &[Block]) -> Vec<(&str, &str, &[Block])> {
    struct Details<'a>(Vec<(&'a str, &'a str, &'a [Block])>);
    impl<'a> Visitor<'a> for Details<'a> {
        fn enter(&mut self, block: &'a Block) -> bool {
            match block {
                Block::Details { id, summary, blocks } => {
                    self.0.push((id, summary, blocks));
                    true
                }
                Block::Paragraph(_) | Block::Subheading(_) | Block::Rule => false,
                _ => true,
            }
        }
    }
    let mut found = Details(Vec::new());
    self::blocks(blocks, &mut found);
    found.0
}

/// The plain text of `blocks`, each paragraph followed by a space; the text
/// of details blocks (summary first) only when `include_details`. What is
/// only for screen readers, and contents lists (they name other pages), are
/// left out: this is the text search matches and snippets show.
pub fn text(blocks: &[Block], include_details: bool, out: &mut String) {
    struct Text<'o> {
        out: &'o mut String,
        include_details: bool,
    }
    impl<'a> Visitor<'a> for Text<'_> {
        fn enter(&mut self, block: &'a Block) -> bool {
            match block {
                Block::Details { summary, .. } if self.include_details => {
                    self.out.push_str(summary);
                    self.out.push(' ');
                    true
                }
                Block::Details { .. } | Block::Rule | Block::ContentsList { .. } => false,
                _ => {
                    // A callout's label runs into what follows.
                    if matches!(block, Block::WarningCallout { .. }) {
                        self.out.push(' ');
                    }
                    true
                }
            }
        }
        fn leave(&mut self, block: &'a Block) {
            if matches!(block, Block::Paragraph(_) | Block::Subheading(_)) {
                self.out.push(' ');
            }
        }
        fn inline(&mut self, inline: &'a Inline) -> bool {
            match inline {
                Inline::Text(text) => self.out.push_str(text),
                Inline::LineBreak => self.out.push(' '),
                Inline::VisuallyHidden(_) => return false,
                _ => {}
            }
            true
        }
    }
    self::blocks(blocks, &mut Text { out, include_details });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::Paragraph(vec![Inline::Strong(vec![Inline::Text(text.into())]), Inline::LineBreak, Inline::Text("end".into())])
    }

    fn tree() -> Vec<Block> {
        vec![
            para("one"),
            Block::List { ordered: false, start: 1, items: vec![vec![Block::Details { id: "outer".into(), summary: "Outer".into(), blocks: vec![
                para("two"),
                Block::Details { id: "inner".into(), summary: "Inner".into(), blocks: vec![para("three")] },
            ] }]] },
            Block::Rule,
        ]
    }

    #[test]
    fn details_are_found_at_any_depth_in_document_order() {
        let tree = tree();
        let ids: Vec<&str> = details(&tree).into_iter().map(|(id, ..)| id).collect();
        assert_eq!(ids, ["outer", "inner"]);
    }

    #[test]
    fn text_takes_details_only_when_asked() {
        let tree = tree();
        let mut without = String::new();
        text(&tree, false, &mut without);
        assert_eq!(without, "one end ");
        let mut with = String::new();
        text(&tree, true, &mut with);
        assert_eq!(with, "one end Outer two end Inner three end ");
    }

    #[test]
    fn inlines_mut_reaches_nested_inlines() {
        let mut tree = tree();
        let mut count = 0;
        inlines_mut(&mut tree, &mut |inline| {
            if let Inline::Text(t) = inline {
                t.make_ascii_uppercase();
                count += 1;
            }
        });
        assert_eq!(count, 6);
        let mut out = String::new();
        text(&tree, true, &mut out);
        assert!(out.starts_with("ONE END Outer TWO"), "{out}");
    }
}
