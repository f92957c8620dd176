//! HTML input: a text projection of the page, one line per block, with what the markup says of
//! each line.
//!
//! scraper (html5ever) gives no source offsets, so spans in HTML mode index this projection,
//! which `Cleaned::input` returns: the invariant (kept text == projection minus removals) holds
//! on it. The tree is walked iteratively (ego-tree's edge traversal), so deep nesting costs no
//! stack, and every pass is linear in the nodes.

mod prepare;

use scraper::{Html, Node};

/// What the markup says of one projected line.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineInfo {
    /// A CSS-like path of the line's block element, its last few steps:
    /// `div.article > p:nth-of-type(3)`.
    pub path: String,
    /// The line sits in page furniture: nav, header, footer, aside, form, button, or an element
    /// whose class, id or role names a boilerplate part (share, related, comment, ...).
    pub furniture: Option<&'static str>,
    /// Where the innermost furniture ancestor opens: furniture counts only below the content
    /// root (a page wrapper's class saying "has-header" says nothing of the article inside it).
    pub furniture_open: u32,
    /// Characters of the line inside links, and in all.
    pub link_chars: u32,
    pub chars: u32,
    /// Traversal position, to test containment in the content root.
    pub position: u32,
    /// The kind of block, for Markdown.
    pub kind: BlockKind,
    /// Links in the line: byte range in the line's text and target.
    pub links: Vec<Link>,
}

/// The kind of block a line comes from, for Markdown output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum BlockKind {
    #[default]
    Paragraph,
    Heading(u8),
    ListItem {
        ordered: bool,
    },
    Quote,
    Code,
}

/// A link inside a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    pub start: u32,
    pub end: u32,
    pub href: String,
}

/// The projection and its per-line facts.
#[derive(Debug, Default)]
pub(crate) struct Projection {
    pub text: String,
    pub lines: Vec<LineInfo>,
    /// Open and close positions of the content root, when one was found.
    pub root: Option<(u32, u32)>,
    /// The content root's path.
    pub root_path: String,
}

impl Projection {
    /// The line's furniture, if its furniture element lies inside the content root (or there is
    /// no root).
    pub fn furniture(&self, line: usize) -> Option<&'static str> {
        let info = &self.lines[line];
        match self.root {
            Some((open, _)) if info.furniture_open <= open => None,
            _ => info.furniture,
        }
    }

    /// True when the line is in a table cell (`td`, `th`) a few steps up.
    pub fn in_table_cell(&self, line: usize) -> bool {
        self.lines[line].path.split(" > ").any(|step| {
            ["td", "th"]
                .iter()
                .any(|cell| step.strip_prefix(cell).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '.'])))
        })
    }

    /// True when the line is inside the content root (or no root was found).
    pub fn in_root(&self, line: usize) -> bool {
        match self.root {
            Some((open, close)) => (open..=close).contains(&self.lines[line].position),
            None => true,
        }
    }
}

/// Elements whose content is never text of the page.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select", "option", "math",
    "video", "audio",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "table",
    "tr",
    "form",
    "dl",
    "dt",
    "dd",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "caption",
    "fieldset",
    "legend",
    "body",
    "center",
];

/// Elements that are page furniture by their tag.
const FURNITURE_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "button", "menu", "label"];

/// Class, id and role tokens that name page furniture. A token ending in `*` also names the
/// words it starts (`relatedposts`, `recommended`).
const FURNITURE_TOKENS: &[&str] = &[
    "share",
    "social",
    "related*",
    "byline",
    "newsletter*",
    "promo",
    "cookie",
    "consent",
    "comment",
    "breadcrumb*",
    "sidebar*",
    "advert",
    "sponsor",
    "caption",
    "credit",
    "footer",
    "navbar",
    "menu",
    "nav",
    "subscribe",
    "signup",
    "popular",
    "trending",
    "recommend*",
    "outbrain*",
    "taboola*",
    "widget",
    "banner",
    "toolbar",
    "tags",
    "pagination",
    "author-bio",
    "disqus",
    "paywall",
    "modal",
    "masthead",
];

/// Tokens that name an article's body.
const CONTENT_TOKENS: &[&str] = &[
    "article-body",
    "articlebody",
    "article-content",
    "post-content",
    "entry-content",
    "story-body",
    "post-body",
    "content-body",
    "article-text",
    "story-content",
    "main-content",
];

/// Elements that can be a content root: containers of paragraphs, not paragraphs.
const CONTAINERS: &[&str] =
    &["div", "article", "main", "section", "td", "body", "center", "table", "tbody", "font", "span"];

/// Deepest path steps kept for a line.
const PATH_STEPS: usize = 4;

struct Frame<'h> {
    name: &'h str,
    /// The path step's parts: first class, or position among same-named siblings.
    class: Option<&'h str>,
    nth: u32,
    furniture: Option<&'static str>,
    content_hint: bool,
    block: bool,
    link: bool,
    /// Prose characters inside (for the content root), and child tag counts for nth-of-type.
    prose: u64,
    open: u32,
    /// Where this element's child tag counts start in the walk's shared list.
    siblings: usize,
    /// A heading inside is all link text (a teaser card's title, when the prose is short).
    link_heading: bool,
    /// Prose of teaser cards inside.
    teaser: u64,
}

impl Frame<'_> {
    /// Writes the path step: `div.article`, `p:nth-of-type(3)`, `p`.
    fn write_step(&self, out: &mut String) {
        use std::fmt::Write as _;
        out.push_str(self.name);
        match self.class {
            Some(class) => {
                out.push('.');
                out.push_str(class);
            }
            None if self.nth > 1 => {
                let _ = write!(out, ":nth-of-type({})", self.nth);
            }
            None => {}
        }
    }
}

/// A set of class, id and role tokens, matched fast: each word of a value (split on white
/// space, `_` and `-`) against the plain tokens, and a compound token (`article-body`) where
/// a word starts it.
struct Tokens {
    /// Plain tokens by length.
    by_len: Vec<Vec<&'static str>>,
    compound: Vec<&'static str>,
    /// Stems: tokens that also name the longer words they start (listed with a `*`).
    prefixes: Vec<&'static str>,
}

/// Longest plain token; longer words cannot match.
const LONGEST_TOKEN: usize = 16;

impl Tokens {
    fn new(tokens: &[&'static str]) -> Self {
        let mut by_len = vec![Vec::new(); LONGEST_TOKEN + 1];
        let mut compound = Vec::new();
        let mut prefixes = Vec::new();
        for &t in tokens {
            if let Some(stem) = t.strip_suffix('*') {
                prefixes.push(stem);
                by_len[stem.len()].push(stem);
                continue;
            }
            assert!(t.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "token {t}");
            if t.contains('-') {
                compound.push(t);
            } else {
                assert!(t.len() <= LONGEST_TOKEN, "token {t}");
                by_len[t.len()].push(t);
            }
        }
        Tokens { by_len, compound, prefixes }
    }

    /// The first token named in an attribute value, ASCII case-insensitive, no allocation.
    fn hit(&self, value: &str) -> Option<&'static str> {
        let bytes = value.as_bytes();
        let separator = |b: u8| b.is_ascii_whitespace() || b == b'_' || b == b'-';
        let mut lower = [0u8; LONGEST_TOKEN];
        let mut at = 0;
        while at < bytes.len() {
            if separator(bytes[at]) {
                at += 1;
                continue;
            }
            let start = at;
            while at < bytes.len() && !separator(bytes[at]) {
                at += 1;
            }
            let word = &bytes[start..at];
            if let Some(candidates) = self.by_len.get(word.len()).filter(|c| !c.is_empty()) {
                for (l, b) in lower.iter_mut().zip(word) {
                    *l = b.to_ascii_lowercase();
                }
                if let Some(t) = candidates.iter().find(|t| t.as_bytes() == &lower[..word.len()]) {
                    return Some(t);
                }
            }
            if let Some(stem) = self
                .prefixes
                .iter()
                .find(|stem| word.len() > stem.len() && word[..stem.len()].eq_ignore_ascii_case(stem.as_bytes()))
            {
                return Some(stem);
            }
            let rest = &bytes[start..];
            if let Some(t) = self.compound.iter().find(|t| {
                rest.len() >= t.len()
                    && rest[..t.len()].eq_ignore_ascii_case(t.as_bytes())
                    && rest.get(t.len()).is_none_or(|&b| separator(b))
            }) {
                return Some(t);
            }
        }
        None
    }
}

static FURNITURE: std::sync::LazyLock<Tokens> = std::sync::LazyLock::new(|| Tokens::new(FURNITURE_TOKENS));
static CONTENT: std::sync::LazyLock<Tokens> = std::sync::LazyLock::new(|| Tokens::new(CONTENT_TOKENS));

/// The attributes the projection reads, found in one pass over the element's (scraper's
/// `attr` makes an atom of the name it is asked for, on every call).
#[derive(Default)]
struct Attributes<'h> {
    class: Option<&'h str>,
    id: Option<&'h str>,
    role: Option<&'h str>,
    itemprop: Option<&'h str>,
    href: Option<&'h str>,
    /// `hidden`, `aria-hidden="true"`, or an inline style with `display: none` or
    /// `visibility: hidden`.
    hidden: bool,
}

impl<'h> Attributes<'h> {
    fn of(el: &'h scraper::node::Element) -> Self {
        let mut attrs = Attributes::default();
        for (name, value) in el.attrs() {
            match name {
                "class" => attrs.class = Some(value),
                "id" => attrs.id = Some(value),
                "role" => attrs.role = Some(value),
                "itemprop" => attrs.itemprop = Some(value),
                "href" => attrs.href = Some(value),
                "hidden" => attrs.hidden = true,
                "aria-hidden" => attrs.hidden |= value.eq_ignore_ascii_case("true"),
                "style" => attrs.hidden |= style_hides(value),
                _ => {}
            }
        }
        attrs
    }
}

/// True when an inline style says `display: none` or `visibility: hidden`, with any spacing and
/// case, without allocating.
fn style_hides(style: &str) -> bool {
    let mut squeezed = style.bytes().filter(|b| !b.is_ascii_whitespace()).map(|b| b.to_ascii_lowercase());
    let mut window = [0u8; 17];
    squeezed.any(|b| {
        window.copy_within(1.., 0);
        window[16] = b;
        window.ends_with(b"display:none") || window.ends_with(b"visibility:hidden")
    })
}

/// Deepest element nesting handed to the parser; real pages nest a few dozen levels.
const MAX_DEPTH: usize = 512;

/// Longest tag handed to the parser with its attributes.
const MAX_TAG: usize = 16 << 10;

/// Builds the projection of `html`.
pub(crate) fn project(html: &str) -> Projection {
    let prepared = prepare::prepare(html, MAX_DEPTH, MAX_TAG);
    let doc = Html::parse_document(&prepared);
    let mut out = Projection::default();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut line = String::new();
    let mut line_link_chars = 0u32;
    let mut pending_space = false;
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut position: u32 = 0;
    let mut in_pre = 0usize;
    let mut links: Vec<Link> = Vec::new();
    let mut open_links: Vec<(usize, String)> = Vec::new();
    let mut roots: Vec<Candidate> = Vec::new();
    // Child tag counts of the open elements, for nth-of-type: each frame's from its index on.
    let mut siblings: Vec<(&str, u32)> = Vec::new();

    let flush = |line: &mut String,
                 link_chars: &mut u32,
                 links: &mut Vec<Link>,
                 stack: &[Frame<'_>],
                 out: &mut Projection,
                 position: u32| {
        let text = line.trim();
        if text.is_empty() {
            line.clear();
            *link_chars = 0;
            links.clear();
            return 0;
        }
        let lead = (line.len() - line.trim_start().len()) as u32;
        let kind = block_kind(stack);
        let chars = text.chars().count() as u32;
        let (furniture, furniture_open) =
            stack.iter().rev().find_map(|f| f.furniture.map(|w| (Some(w), f.open))).unwrap_or((None, 0));
        let start = stack.len().saturating_sub(PATH_STEPS);
        let path = {
            let mut path = String::new();
            for f in stack[start..].iter().filter(|f| f.name != "html") {
                if !path.is_empty() {
                    path.push_str(" > ");
                }
                f.write_step(&mut path);
            }
            path
        };
        if !out.text.is_empty() {
            out.text.push('\n');
        }
        out.text.push_str(text);
        out.lines.push(LineInfo {
            path,
            furniture,
            furniture_open,
            link_chars: (*link_chars).min(chars),
            chars,
            position,
            kind,
            links: links
                .drain(..)
                .filter_map(|l| {
                    let (start, end) = (l.start.checked_sub(lead)?, l.end.checked_sub(lead)?.min(text.len() as u32));
                    (start < end).then_some(Link { start, end, href: l.href })
                })
                .collect(),
        });
        line.clear();
        *link_chars = 0;
        chars as u64
    };

    for edge in doc.tree.root().traverse() {
        position += 1;
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        let attrs = Attributes::of(el);
                        if SKIPPED.contains(&name) || attrs.hidden {
                            skip = Some(node.id());
                            continue;
                        }
                        let block = BLOCKS.contains(&name);
                        if block {
                            let prose = flush(&mut line, &mut line_link_chars, &mut links, &stack, &mut out, position);
                            add_prose(&mut stack, prose, &out);
                            pending_space = false;
                        }
                        if name == "pre" {
                            in_pre += 1;
                        }
                        // Position among same-named siblings: the parent's counts sit at the
                        // end of `siblings`, above those of its own ancestors.
                        let nth = match stack.last() {
                            Some(parent) => match siblings[parent.siblings..].iter_mut().find(|c| c.0 == name) {
                                Some(c) => {
                                    c.1 += 1;
                                    c.1
                                }
                                None => {
                                    siblings.push((name, 1));
                                    1
                                }
                            },
                            None => 1,
                        };
                        let class = attrs.class.and_then(|c| c.split_ascii_whitespace().next());
                        let values = [attrs.class, attrs.id, attrs.role, attrs.itemprop];
                        let furniture = if let Some(tag) = FURNITURE_TAGS.iter().find(|t| **t == name) {
                            Some(*tag)
                        } else if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p") {
                            // A heading or paragraph is text whatever its class ("recipe-header").
                            None
                        } else {
                            values.iter().flatten().find_map(|v| FURNITURE.hit(v))
                        };
                        let content_hint = matches!(name, "article" | "main")
                            || attrs.itemprop.is_some_and(|v| v.contains("articleBody"))
                            || values.iter().flatten().any(|v| CONTENT.hit(v).is_some());
                        // An element named as article content is not furniture itself.
                        stack.push(Frame {
                            name,
                            class,
                            nth,
                            furniture: if content_hint { None } else { furniture },
                            content_hint,
                            block,
                            link: name == "a",
                            prose: 0,
                            open: position,
                            siblings: siblings.len(),
                            link_heading: false,
                            teaser: 0,
                        });
                        if name == "a" {
                            let start = line.len() + usize::from(pending_space && !line.is_empty());
                            open_links.push((start, attrs.href.unwrap_or("").to_string()));
                        }
                        if name == "br" || name == "hr" {
                            let prose = flush(&mut line, &mut line_link_chars, &mut links, &stack, &mut out, position);
                            add_prose(&mut stack, prose, &out);
                        }
                    }
                    Node::Text(text) => {
                        let in_link = stack.iter().rev().take(8).any(|f| f.link);
                        for piece in split_keep(text, in_pre > 0) {
                            match piece {
                                Piece::Space => pending_space = !line.is_empty(),
                                Piece::Break => {
                                    let prose =
                                        flush(&mut line, &mut line_link_chars, &mut links, &stack, &mut out, position);
                                    add_prose(&mut stack, prose, &out);
                                }
                                Piece::Word(w) => {
                                    if pending_space {
                                        line.push(' ');
                                        pending_space = false;
                                    }
                                    line.push_str(w);
                                    if in_link {
                                        line_link_chars += w.chars().count() as u32;
                                    }
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else { continue };
                if el.name() == "a" {
                    if let Some((start, href)) = open_links.pop() {
                        if line.len() > start && !href.is_empty() && !href.starts_with("javascript:") {
                            links.push(Link { start: start as u32, end: line.len() as u32, href });
                        }
                    }
                }
                let Some(frame) = stack.pop() else { continue };
                debug_assert_eq!(frame.name, el.name());
                siblings.truncate(frame.siblings);
                if frame.block {
                    stack.push(frame);
                    let prose = flush(&mut line, &mut line_link_chars, &mut links, &stack, &mut out, position);
                    add_prose(&mut stack, prose, &out);
                    let frame = stack.pop().expect("pushed back above");
                    close_frame(frame, &mut stack, &mut roots, position);
                } else {
                    close_frame(frame, &mut stack, &mut roots, position);
                }
                if el.name() == "pre" {
                    in_pre = in_pre.saturating_sub(1);
                }
            }
        }
    }
    let prose = flush(&mut line, &mut line_link_chars, &mut links, &stack, &mut out, position);
    add_prose(&mut stack, prose, &out);
    choose_root(&mut out, &roots);
    out
}

/// The kind of the innermost block on the stack.
fn block_kind(stack: &[Frame<'_>]) -> BlockKind {
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
            ordered: stack[..i].iter().rev().find(|f| matches!(f.name, "ol" | "ul")).is_some_and(|f| f.name == "ol"),
        },
        _ if stack[..=i].iter().any(|f| f.name == "blockquote") => BlockKind::Quote,
        _ => BlockKind::Paragraph,
    }
}

/// Credits a flushed line's prose to its innermost element; it rises to the ancestors as they
/// close, so the whole walk stays linear.
fn add_prose(stack: &mut [Frame<'_>], chars: u64, out: &Projection) {
    let Some(info) = out.lines.last() else { return };
    if chars == 0 || u64::from(info.chars) != chars {
        return;
    }
    if matches!(info.kind, BlockKind::Heading(_)) && info.link_chars * 10 >= info.chars * 7 {
        if let Some(f) = stack.last_mut() {
            f.link_heading = true;
        }
        return;
    }
    let long = out.text.rsplit('\n').next().is_some_and(|line| !unclutter_text::words::words_at_most(line, 7));
    let link_heavy = info.link_chars * 2 > info.chars;
    if long && !link_heavy {
        if let Some(f) = stack.last_mut() {
            f.prose += chars;
        }
    }
}

fn close_frame(mut frame: Frame<'_>, stack: &mut [Frame<'_>], roots: &mut Vec<Candidate>, position: u32) {
    // Prose inside a comment thread is not the article's.
    if matches!(frame.furniture, Some("comment" | "disqus")) {
        return;
    }
    // A short blurb under a heading that is a link is a teaser card ("More from the site"),
    // not the article: its prose does not count for the root.
    let teaser = frame.link_heading && frame.prose > 0 && frame.prose <= TEASER_PROSE;
    if teaser {
        frame.teaser += frame.prose;
        frame.prose = 0;
    }
    if frame.prose + frame.teaser > 0 && CONTAINERS.contains(&frame.name) {
        let mut path = String::new();
        frame.write_step(&mut path);
        roots.push(Candidate {
            prose: frame.prose,
            teaser: frame.teaser,
            depth: stack.len(),
            open: frame.open,
            close: position,
            path,
            hinted: frame.content_hint,
        });
    }
    if let Some(parent) = stack.last_mut() {
        parent.prose += frame.prose;
        parent.teaser += frame.teaser;
        parent.link_heading |= frame.link_heading && !teaser;
    }
}

/// Most prose characters a teaser card's blurb holds.
const TEASER_PROSE: u64 = 600;

/// A container that could be the content root.
struct Candidate {
    /// Prose characters inside, teaser blurbs apart.
    prose: u64,
    teaser: u64,
    depth: usize,
    open: u32,
    close: u32,
    path: String,
    /// `article`, `main` or named as an article body.
    hinted: bool,
}

/// The content root: the deepest element holding at least 70% of the page's prose; an
/// `article`, `main` or article-body element holding 50% wins over a deeper plain one. Teaser
/// blurbs are not prose, unless they are nearly all the page has (a section front).
fn choose_root(out: &mut Projection, roots: &[Candidate]) {
    let plain = roots.iter().map(|r| r.prose).max().unwrap_or(0);
    let all = roots.iter().map(|r| r.prose + r.teaser).max().unwrap_or(0);
    let listing = plain * 5 < all;
    let weight = |r: &Candidate| if listing { r.prose + r.teaser } else { r.prose };
    let total = if listing { all } else { plain };
    if total == 0 {
        return;
    }
    let hinted = roots.iter().filter(|r| r.hinted && weight(r) * 2 >= total).max_by_key(|r| (r.depth, weight(r)));
    let plain = roots.iter().filter(|r| weight(r) * 10 >= total * 7).max_by_key(|r| (r.depth, weight(r)));
    let best = match (hinted, plain) {
        (Some(h), Some(p)) if p.depth > h.depth && weight(p) * 10 >= weight(h) * 9 => Some(p),
        (Some(h), _) => Some(h),
        (None, p) => p,
    };
    if let Some(r) = best {
        out.root = Some((r.open, r.close));
        out.root_path = r.path.clone();
    }
}

enum Piece<'t> {
    Space,
    Break,
    Word(&'t str),
}

/// Splits text into words, collapsing white space; in `pre`, newlines break lines.
fn split_keep(text: &str, pre: bool) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let first = rest.chars().next()?;
        if first.is_whitespace() {
            let end = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
            let ws = &rest[..end];
            rest = &rest[end..];
            return Some(if pre && ws.contains('\n') { Piece::Break } else { Piece::Space });
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        Some(Piece::Word(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_blocks_and_drops_scripts_and_hidden() {
        let p = project(
            "<html><head><title>T</title><script>var x;</script></head><body>\
             <nav><a href=/>Home</a> <a href=/n>News</a></nav>\
             <article><h1>Bridge  approved</h1><p>The council voted <b>7-2</b> on Tuesday.<br>Work starts soon.</p>\
             <div hidden>secret</div><p style=\"display: none\">gone</p></article></body></html>",
        );
        assert_eq!(p.text, "Home News\nBridge approved\nThe council voted 7-2 on Tuesday.\nWork starts soon.");
        assert_eq!(p.lines[0].furniture, Some("nav"));
        assert_eq!(p.lines[0].link_chars, 8);
        assert!(p.lines[2].path.ends_with("article > p"), "{}", p.lines[2].path);
    }

    #[test]
    fn finds_the_content_root() {
        let para = "<p>The council voted on Tuesday to fund the new bridge across the river after years.</p>";
        let html = format!(
            "<body><div class=menu><p>A long menu line that has plenty of words in it to count as prose here.</p></div>\
             <div class=story>{}</div><footer><p>Footer</p></footer></body>",
            para.repeat(5)
        );
        let p = project(&html);
        assert_eq!(p.root_path, "div.story");
        assert!(!p.in_root(0));
        assert!(p.in_root(1));
        assert!(!p.in_root(p.lines.len() - 1));
    }

    #[test]
    fn teaser_cards_are_not_the_article_unless_they_are_all_there_is() {
        let para = "<p>The council voted on Tuesday to fund the new bridge across the river after years.</p>";
        let card = "<li><h3><a href=/x>Another story from the same site today</a></h3>\
                    <div>A blurb of one sentence that sums up the other story in enough words.</div></li>";
        let html = format!(
            "<body><main class=story>{}</main><div class=more><h2>More</h2><ul>{}</ul></div></body>",
            para.repeat(3),
            card.repeat(8)
        );
        assert_eq!(project(&html).root_path, "main.story");
        let front = format!("<body><div class=front><ul>{}</ul></div><p>Footer line.</p></body>", card.repeat(8));
        let p = project(&front);
        assert!(p.root.is_some() && p.in_root(1), "a section front keeps its cards: {:?}", p.root_path);
    }

    #[test]
    fn class_tokens_match_words_stems_and_compounds() {
        assert_eq!(FURNITURE.hit("jp-relatedposts-post"), Some("related"));
        assert_eq!(FURNITURE.hit("Share_Bar top"), Some("share"));
        assert_eq!(FURNITURE.hit("post author-bio"), Some("author-bio"));
        // A word that merely starts like a token is not it, unless the token is a stem.
        assert_eq!(FURNITURE.hit("commentary-note shared-header"), None);
        assert_eq!(CONTENT.hit("c-article-body--wide"), Some("article-body"));
        assert_eq!(CONTENT.hit("my-article-bodywork"), None);
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let html = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let p = project(&html);
        assert_eq!(p.text, "deep text");
    }
}
