//! The walk over the parsed page that writes the projection. The tree's edge traversal visits
//! each node's opening and closing without recursion, so deep nesting costs no stack; every
//! edge advances the traversal position that lines and the content root are placed by.
//!
//! The steps run once per node or word, across this module's files: they are marked
//! `#[inline]` so that the walk compiles as one loop, as fast as the single function it was.

use super::dom::{Data, Dom, Edge, Element, NodeId};

use super::elements::{Attributes, BLOCKS, SKIPPED};
use super::frame::{Frame, OpenElements};
use super::line::{split_keep, PendingLine, Piece};
use super::root::RootCandidates;
use super::Projection;

/// Walks a page into its projection: an element opening or closing opens or closes a frame,
/// text fills the pending line, and block boundaries flush it.
#[derive(Default)]
pub(super) struct Projector<'h> {
    /// The projection written so far.
    projection: Projection,
    open: OpenElements<'h>,
    line: PendingLine,
    candidates: RootCandidates,
    /// Traversal position: edges walked so far.
    position: u32,
    /// The element whose content is not text of the page (a script, a hidden element) the
    /// walk is inside.
    skipping: Option<NodeId>,
    /// `pre` elements open.
    pre_depth: usize,
    /// `noscript` elements open.
    noscript_depth: usize,
    /// Skip `noscript` elements (see [`super::project`]).
    skip_noscript: bool,
    /// The lines written inside a `noscript`, in order.
    noscript_lines: Vec<u32>,
    /// Project what inline styles hide too (see [`super::project`]).
    show_styled: bool,
    /// Elements skipped because their inline style hid them.
    styled_skipped: u32,
}

/// A walk's projection, and what the walk saw on the way.
pub(super) struct Walked {
    pub projection: Projection,
    /// Elements skipped because their inline style hid them.
    pub styled_skipped: u32,
    /// The lines written inside a `noscript`, in order.
    pub noscript_lines: Vec<u32>,
}

impl<'h> Projector<'h> {
    /// The same projector, also showing what inline styles hide.
    pub fn showing_styled(mut self) -> Self {
        self.show_styled = true;
        self
    }

    /// The same projector, showing `noscript` elements' content (the default) or not.
    pub fn noscript(mut self, show: bool) -> Self {
        self.skip_noscript = !show;
        self
    }

    /// Walks `doc` and returns its projection, with the content root chosen.
    pub fn project(self, doc: &'h Dom) -> Projection {
        self.project_counting(doc).projection
    }

    /// Walks `doc` and returns its projection, with the content root chosen, and what it
    /// skipped or found inside a `noscript`.
    pub fn project_counting(mut self, doc: &'h Dom) -> Walked {
        for edge in doc.edges() {
            self.position += 1;
            match edge {
                Edge::Open(node) => self.open_node(doc, node),
                Edge::Close(node) => self.close_node(doc, node),
            }
        }
        self.end_line();
        if let Some(root) = self.candidates.choose() {
            self.projection.root = Some((root.open, root.close));
            self.projection.root_path = root.path.clone();
        }
        Walked { projection: self.projection, styled_skipped: self.styled_skipped, noscript_lines: self.noscript_lines }
    }

    #[inline]
    fn open_node(&mut self, doc: &'h Dom, node: NodeId) {
        if self.skipping.is_some() {
            return;
        }
        match doc.data(node) {
            Data::Element(el) => self.open_element(doc, node, el),
            // Markup that a page saved through a scripting DOM escaped into a `noscript`'s text
            // ("&lt;img src=...&gt;") is code, not text of the page.
            Data::Text(text) if self.noscript_depth > 0 && text.trim_start().starts_with('<') => {}
            Data::Text(text) => self.add_text(text),
            _ => {}
        }
    }

    /// Opens a frame for the element, or starts skipping it; a block ends the line before it,
    /// `br` and `hr` the line they are in.
    #[inline]
    fn open_element(&mut self, doc: &'h Dom, id: NodeId, el: &'h Element) {
        let name = el.name();
        let attrs = Attributes::of(doc.attributes(id));
        if SKIPPED.contains(&name)
            || (self.skip_noscript && name == "noscript")
            || attrs.hidden && !(self.show_styled && attrs.styled_hidden)
        {
            self.styled_skipped += u32::from(attrs.styled_hidden);
            self.skipping = Some(id);
            return;
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.end_line();
            self.line.drop_space();
        }
        if name == "pre" {
            self.pre_depth += 1;
        } else if name == "noscript" {
            self.noscript_depth += 1;
        }
        self.open.push(Frame::new(name, &attrs, block, self.position));
        if name == "a" {
            self.line.open_link(attrs.href.unwrap_or(""));
        }
        if name == "br" || name == "hr" {
            self.end_line();
        }
    }

    /// Adds a text node's words to the line; in `pre`, its newlines end lines.
    #[inline]
    fn add_text(&mut self, text: &str) {
        let in_link = self.open.in_link();
        for piece in split_keep(text, self.pre_depth > 0) {
            match piece {
                Piece::Space => self.line.push_space(),
                Piece::Break => self.end_line(),
                Piece::Word(word) => self.line.push_word(word, in_link),
            }
        }
    }

    #[inline]
    fn close_node(&mut self, doc: &'h Dom, node: NodeId) {
        if let Some(id) = self.skipping {
            if id == node {
                self.skipping = None;
            }
            return;
        }
        if let Data::Element(el) = doc.data(node) {
            self.close_element(el);
        }
    }

    /// Closes the element's frame: a link ends, a block ends its line, and the frame's prose
    /// goes to the root candidates and its parent.
    #[inline]
    fn close_element(&mut self, el: &Element) {
        if el.name() == "a" {
            self.line.close_link();
        }
        let Some(frame) = self.open.innermost() else { return };
        debug_assert_eq!(frame.name, el.name());
        if frame.block {
            self.end_line();
        }
        let frame = self.open.pop().expect("the innermost frame is there");
        self.candidates.close_frame(frame, &mut self.open, self.position);
        if el.name() == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        } else if el.name() == "noscript" {
            self.noscript_depth = self.noscript_depth.saturating_sub(1);
        }
    }

    /// Ends the pending line: writes it, if it has text, and credits its prose to the innermost
    /// open element.
    #[inline]
    fn end_line(&mut self) {
        if !self.line.flush_into(&mut self.projection, &mut self.open, self.position) {
            return;
        }
        if self.noscript_depth > 0 {
            self.noscript_lines.push((self.projection.lines.len() - 1) as u32);
        }
        let (Some(frame), Some(info)) = (self.open.innermost_mut(), self.projection.lines.last()) else { return };
        let line = self.projection.text.rsplit('\n').next().unwrap_or_default();
        frame.prose.credit_line(info, line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::{BlockKind, Link};

    fn project(html: &str) -> Projection {
        Projector::default().project(&Dom::parse(html))
    }

    #[test]
    fn blocks_end_lines_and_inline_elements_do_not() {
        let p = project("<div>Before <b>bold</b> <a href=/a>link</a><p>Para</p>after<br>next<script>x</script></div>");
        assert_eq!(p.text, "Before bold link\nPara\nafter\nnext");
        assert_eq!(p.lines[0].links.of(&p.links), [Link { start: 12, end: 16, href: "/a".to_string() }]);
        assert_eq!(p.lines[0].link_chars, 4);
        assert_eq!(p.path(1), "body > div > p");
        assert!(p.lines.windows(2).all(|w| w[0].position < w[1].position));
    }

    #[test]
    fn pre_keeps_its_lines_as_code() {
        let p = project("<pre><code>let a = 1;\n  let b = 2;</code></pre><ol><li>one</li><li>two</li></ol>");
        assert_eq!(p.text, "let a = 1;\nlet b = 2;\none\ntwo");
        let kinds: Vec<_> = p.lines.iter().map(|l| l.kind).collect();
        let item = BlockKind::ListItem { ordered: true };
        assert_eq!(kinds, [BlockKind::Code, BlockKind::Code, item, item]);
        assert_eq!(p.path(3), "body > ol > li:nth-of-type(2)");
    }

    #[test]
    fn hidden_elements_are_skipped_with_all_they_hold() {
        let p = project("<p>shown</p><div aria-hidden=true><p>hidden <b>deep</b></p></div><p>shown too</p>");
        assert_eq!(p.text, "shown\nshown too");
        assert_eq!(p.path(1), "body > p:nth-of-type(2)");
    }
}
