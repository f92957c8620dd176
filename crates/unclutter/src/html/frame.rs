//! The open elements of the walk, innermost last: what each one says of the lines inside it
//! (its path step, furniture, kind of block), and the prose counted inside it so far.

use super::elements::Attributes;
use super::root::Prose;
use super::BlockKind;

/// Deepest path steps kept for a line.
const PATH_STEPS: usize = 4;

/// Most bytes of a tag name or class a path step shows: every line stores its path, so a
/// page's 100 KB tag name or class token must not be copied into each of its lines.
const STEP_PART_BYTES: usize = 128;

/// `part` cut to at most [`STEP_PART_BYTES`] bytes, at a character boundary.
fn capped(part: &str) -> &str {
    let mut end = part.len().min(STEP_PART_BYTES);
    while !part.is_char_boundary(end) {
        end -= 1;
    }
    &part[..end]
}

/// One open element.
pub(super) struct Frame<'h> {
    pub name: &'h str,
    /// The path step's parts: first class, or position among same-named siblings.
    pub class: Option<&'h str>,
    pub nth: u32,
    pub furniture: Option<&'static str>,
    /// `article`, `main` or named as an article body.
    pub content_hint: bool,
    pub block: bool,
    pub link: bool,
    /// Prose inside, for the content root.
    pub prose: Prose,
    /// Traversal position of the element's opening.
    pub open: u32,
    /// Where this element's child tag counts start in [`OpenElements`]' shared list.
    siblings: usize,
    /// The path of lines directly inside, once a line needed it: its index in the projection's
    /// path table ([`super::Projection::paths`]).
    path: Option<u32>,
}

impl<'h> Frame<'h> {
    /// The frame of element `name` opening at traversal position `open`; its place among its
    /// siblings is set when it is pushed on the [`OpenElements`].
    #[inline]
    pub fn new(name: &'h str, attrs: &Attributes<'h>, block: bool, open: u32) -> Self {
        let content_hint = attrs.names_content(name);
        Frame {
            name,
            class: attrs.class.and_then(|c| c.split_ascii_whitespace().next()),
            nth: 1,
            // An element named as article content is not furniture itself.
            furniture: if content_hint { None } else { attrs.furniture(name) },
            content_hint,
            block,
            link: name == "a",
            prose: Prose::default(),
            open,
            siblings: 0,
            path: None,
        }
    }

    /// True when the element is a comment thread (or one comment): its prose is not the
    /// article's.
    #[inline]
    pub fn is_thread(&self) -> bool {
        matches!(self.furniture, Some("comment" | "disqus"))
    }

    /// The element's shape: a hash of its tag name and first class, never 0. Siblings of one
    /// shape in a row are a list's items.
    #[inline]
    pub fn shape(&self) -> u64 {
        unclutter_text::hash::fnv1a(self.name.bytes().chain([b'.']).chain(self.class.unwrap_or("").bytes())).max(1)
    }

    /// Writes the path step: `div.article`, `p:nth-of-type(3)`, `p`.
    pub fn write_step(&self, out: &mut String) {
        use std::fmt::Write as _;
        out.push_str(capped(self.name));
        match self.class {
            Some(class) => {
                out.push('.');
                out.push_str(capped(class));
            }
            None if self.nth > 1 => {
                let _ = write!(out, ":nth-of-type({})", self.nth);
            }
            None => {}
        }
    }
}

/// Distinct child tag names numbered under one parent for nth-of-type: the search for a name
/// is linear in them.
const MAX_CHILD_NAMES: usize = 64;

/// The stack of open elements, outermost first, and the child tag counts that number each
/// element among its same-named siblings (for nth-of-type).
#[derive(Default)]
pub(super) struct OpenElements<'h> {
    frames: Vec<Frame<'h>>,
    /// Child tag counts of the open elements: each frame's from its `siblings` index on, so the
    /// innermost element's counts sit at the end, above those of its ancestors.
    child_counts: Vec<(&'h str, u32)>,
    /// Open elements that are comment threads.
    threads: u32,
}

impl<'h> OpenElements<'h> {
    /// Opens `frame` inside the innermost element, numbering it among its same-named siblings.
    #[inline]
    pub fn push(&mut self, mut frame: Frame<'h>) {
        let full = self.frames.last().is_some_and(|p| self.child_counts.len() - p.siblings >= MAX_CHILD_NAMES);
        frame.nth = match self.frames.last() {
            Some(parent) => match self.child_counts[parent.siblings..].iter_mut().find(|c| c.0 == frame.name) {
                Some(c) => {
                    c.1 += 1;
                    c.1
                }
                // Past MAX_CHILD_NAMES distinct names under one parent (a page of generated
                // custom tags), later names go unnumbered: the search stays short.
                None if full => 1,
                None => {
                    self.child_counts.push((frame.name, 1));
                    1
                }
            },
            None => 1,
        };
        frame.siblings = self.child_counts.len();
        self.threads += u32::from(frame.is_thread());
        self.frames.push(frame);
    }

    /// Closes the innermost element, forgetting its children's counts.
    #[inline]
    pub fn pop(&mut self) -> Option<Frame<'h>> {
        let frame = self.frames.pop()?;
        self.child_counts.truncate(frame.siblings);
        self.threads -= u32::from(frame.is_thread());
        Some(frame)
    }

    /// True when a comment thread is open: an element here is part of it.
    #[inline]
    pub fn in_thread(&self) -> bool {
        self.threads > 0
    }

    #[inline]
    pub fn innermost(&self) -> Option<&Frame<'h>> {
        self.frames.last()
    }

    #[inline]
    pub fn innermost_mut(&mut self) -> Option<&mut Frame<'h>> {
        self.frames.last_mut()
    }

    /// How many elements are open.
    #[inline]
    pub fn depth(&self) -> usize {
        self.frames.len()
    }

    /// True when text here is link text: an `a` is open among the 8 innermost elements.
    #[inline]
    pub fn in_link(&self) -> bool {
        self.frames.iter().rev().take(8).any(|f| f.link)
    }

    /// The innermost furniture element's furniture and opening position, or `(None, 0)`.
    pub fn furniture(&self) -> (Option<&'static str>, u32) {
        self.frames.iter().rev().find_map(|f| f.furniture.map(|w| (Some(w), f.open))).unwrap_or((None, 0))
    }

    /// The path of a line here: the last few steps, `html` left out.
    #[cfg(test)]
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.write_path(&mut path);
        path
    }

    /// Writes the path of a line here at the end of `out`.
    fn write_path(&self, out: &mut String) {
        let start = self.frames.len().saturating_sub(PATH_STEPS);
        let from = out.len();
        for f in self.frames[start..].iter().filter(|f| f.name != "html") {
            if out.len() > from {
                out.push_str(" > ");
            }
            f.write_step(out);
        }
    }

    /// The path of a line here as an index into `table`: the innermost element's path is
    /// written into the table once, when its first line asks, and shared by its later lines.
    pub fn path_id(&mut self, table: &mut super::Paths) -> u32 {
        if let Some(id) = self.frames.last().and_then(|f| f.path) {
            return id;
        }
        let id = table.push(|out| self.write_path(out));
        if let Some(frame) = self.frames.last_mut() {
            frame.path = Some(id);
        }
        id
    }

    /// The kind of a line here: code inside `pre`, else what the innermost block is.
    pub fn block_kind(&self) -> BlockKind {
        let stack = &self.frames;
        if stack.iter().any(|f| f.name == "pre") {
            return BlockKind::Code;
        }
        let Some(i) = stack.iter().rposition(|f| f.block) else { return BlockKind::Paragraph };
        match stack[i].name {
            "h1" => BlockKind::Heading(1),
            "h2" => BlockKind::Heading(2),
            "h3" => BlockKind::Heading(3),
            "h4" => BlockKind::Heading(4),
            "h5" => BlockKind::Heading(5),
            "h6" => BlockKind::Heading(6),
            "li" => BlockKind::ListItem {
                ordered: stack[..i]
                    .iter()
                    .rev()
                    .find(|f| matches!(f.name, "ol" | "ul"))
                    .is_some_and(|f| f.name == "ol"),
            },
            _ if stack[..=i].iter().any(|f| f.name == "blockquote") => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::elements::BLOCKS;

    /// Opens the elements named, each with the class given after a `.`.
    fn open<'h>(elements: &mut OpenElements<'h>, names: &[&'h str]) {
        for name in names {
            let (name, class) = name.split_once('.').map_or((*name, None), |(n, c)| (n, Some(c)));
            let attrs = Attributes { class, ..Attributes::default() };
            elements.push(Frame::new(name, &attrs, BLOCKS.contains(&name), 0));
        }
    }

    #[test]
    fn numbers_same_named_siblings_and_forgets_closed_children() {
        let mut elements = OpenElements::default();
        open(&mut elements, &["html", "body", "div.story", "p"]);
        assert_eq!(elements.path(), "body > div.story > p");
        elements.pop();
        open(&mut elements, &["h2", "p"]);
        assert_eq!(elements.path(), "body > div.story > h2 > p", "a child of h2 is its first p");
        elements.pop();
        elements.pop();
        open(&mut elements, &["p"]);
        assert_eq!(elements.path(), "body > div.story > p:nth-of-type(2)");
        elements.pop();
        elements.pop();
        open(&mut elements, &["div", "p"]);
        assert_eq!(elements.path(), "body > div:nth-of-type(2) > p", "the story's children are forgotten");
    }

    #[test]
    fn distinct_child_names_are_numbered_up_to_a_cap() {
        let mut elements = OpenElements::default();
        open(&mut elements, &["body"]);
        for i in 0..1000 {
            let name: &'static str = Box::leak(format!("x-tag{i}").into_boxed_str());
            open(&mut elements, &[name]);
            elements.pop();
        }
        open(&mut elements, &["x-tag3"]);
        assert_eq!(elements.path(), "body > x-tag3:nth-of-type(2)", "numbered: among the first names");
        elements.pop();
        open(&mut elements, &["x-tag900"]);
        assert_eq!(elements.path(), "body > x-tag900", "past the cap: unnumbered");
        assert!(elements.child_counts.len() <= 1 + MAX_CHILD_NAMES);
    }

    #[test]
    fn block_kind_of_the_innermost_block() {
        let kind = |names: &[&str]| {
            let mut elements = OpenElements::default();
            open(&mut elements, names);
            elements.block_kind()
        };
        assert_eq!(kind(&["body", "h3", "a"]), BlockKind::Heading(3));
        assert_eq!(kind(&["ol", "li", "ul", "li", "b"]), BlockKind::ListItem { ordered: false });
        assert_eq!(kind(&["ol", "li", "b"]), BlockKind::ListItem { ordered: true });
        assert_eq!(kind(&["blockquote", "p"]), BlockKind::Quote);
        assert_eq!(kind(&["div", "pre", "code"]), BlockKind::Code);
        assert_eq!(kind(&["span"]), BlockKind::Paragraph);
    }

    #[test]
    fn furniture_of_the_innermost_furniture_element() {
        let mut elements = OpenElements::default();
        open(&mut elements, &["body", "footer", "div.share", "p"]);
        assert_eq!(elements.furniture().0, Some("share"));
        elements.pop();
        elements.pop();
        assert_eq!(elements.furniture().0, Some("footer"));
    }

    #[test]
    fn path_steps_show_at_most_a_few_dozen_bytes_of_a_name() {
        let long = "x".repeat(100_000);
        let attrs = Attributes { class: Some(&long), ..Default::default() };
        let mut elements = OpenElements::default();
        elements.push(Frame::new(&long, &attrs, true, 0));
        let path = elements.path();
        assert!(path.len() <= 2 * STEP_PART_BYTES + 1, "{}", path.len());
        assert!(path.starts_with("xxxx") && path.contains('.'));
        assert_eq!(capped("é".repeat(80).as_str()).len(), 128, "cut at a character boundary");
        assert_eq!(capped(&format!("a{}", "é".repeat(80))).len(), 127, "never inside a character");
    }
}
