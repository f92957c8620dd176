//! HTML input: a text projection of the page, one line per block, with what the markup says of
//! each line.
//!
//! scraper (html5ever) gives no source offsets, so spans in HTML mode index this projection,
//! which `Cleaned::input` returns: the invariant (kept text == projection minus removals) holds
//! on it. The tree is walked iteratively (ego-tree's edge traversal), so deep nesting costs no
//! stack, and every pass is linear in the nodes.

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

/// Class, id and role tokens that name page furniture.
const FURNITURE_TOKENS: &[&str] = &[
    "share",
    "social",
    "related",
    "byline",
    "newsletter",
    "promo",
    "cookie",
    "consent",
    "comment",
    "breadcrumb",
    "sidebar",
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
    "recommend",
    "outbrain",
    "taboola",
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
    "article__body",
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
    children: Vec<(&'h str, u32)>,
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

/// The first token of `tokens` named in an attribute value: a whole word of it (split on white
/// space, `_` and `-`), or for a token with a dash, a part of it. ASCII case-insensitive, no
/// allocation.
fn token_hits(value: &str, tokens: &[&'static str]) -> Option<&'static str> {
    for part in value.split(|c: char| c.is_whitespace() || c == '_' || c == '-').filter(|p| p.len() >= 3) {
        if let Some(t) = tokens.iter().find(|t| t.len() == part.len() && part.eq_ignore_ascii_case(t)) {
            return Some(t);
        }
    }
    if value.contains('-') {
        return tokens
            .iter()
            .copied()
            .filter(|t| t.contains('-'))
            .find(|t| value.as_bytes().windows(t.len()).any(|w| w.eq_ignore_ascii_case(t.as_bytes())));
    }
    None
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || el.attr("style").is_some_and(|s| {
            // "display: none" with any spacing and case, without allocating.
            let mut squeezed = s.bytes().filter(|b| !b.is_ascii_whitespace()).map(|b| b.to_ascii_lowercase());
            let mut window = [0u8; 17];
            let mut n = 0usize;
            squeezed.any(|b| {
                window.copy_within(1.., 0);
                window[16] = b;
                n += 1;
                window.ends_with(b"display:none") || window.ends_with(b"visibility:hidden")
            })
        })
}

/// Deepest element nesting handed to the parser. html5ever checks its stack of open elements
/// for every tag, which is quadratic in the depth; real pages nest a few dozen levels.
const MAX_DEPTH: usize = 512;

/// Elements that never have content, so never deepen the nesting.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Longest tag handed to the parser with its attributes: html5ever checks each attribute
/// against the others (quadratic in their number). A longer tag keeps only its name.
const MAX_TAG: usize = 16 << 10;

/// Rewrites `html` when it nests deeper than `max_depth` or holds a tag longer than
/// `max_tag` bytes: tags below the depth are dropped (their text kept), long tags lose their
/// attributes. `None` when nothing needs it. One linear pass.
fn flatten(html: &str, max_depth: usize, max_tag: usize) -> Option<String> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut tags: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, keep)
    let mut long_tags: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, name end)
    let mut at = 0;
    while let Some(rel) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + rel;
        let Some(rel_end) = memchr::memchr(b'>', &bytes[start..]) else { break };
        let end = start + rel_end + 1;
        let tag = &html[start + 1..end - 1];
        at = end;
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let closing = tag.starts_with('/');
        let bare = tag.trim_start_matches('/');
        let name = &bare[..bare.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(bare.len())];
        if end - start > max_tag && !name.is_empty() {
            long_tags.push((start, end, start + 1 + (tag.len() - bare.len()) + name.len()));
        }
        if name.is_empty() || VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) || tag.ends_with('/') {
            continue;
        }
        if closing {
            let keep = depth <= max_depth;
            depth = depth.saturating_sub(1);
            tags.push((start, end, keep));
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            tags.push((start, end, depth <= max_depth));
        }
    }
    if deepest <= max_depth && long_tags.is_empty() {
        return None;
    }
    // Edits in order: drop a deep tag whole, or cut a long tag's attributes.
    let mut edits: Vec<(usize, usize, usize)> = tags.iter().filter(|t| !t.2).map(|t| (t.0, t.1, t.0)).collect();
    edits.extend(long_tags.iter().map(|&(start, end, name_end)| (start, end, name_end)));
    edits.sort_unstable();
    edits.dedup_by_key(|e| e.0);
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (start, end, keep_to) in edits {
        out.push_str(&html[at..keep_to]);
        if keep_to > start {
            out.push('>');
        }
        at = end;
    }
    out.push_str(&html[at..]);
    Some(out)
}

/// Builds the projection of `html`.
pub(crate) fn project(html: &str) -> Projection {
    let flattened = flatten(html, MAX_DEPTH, MAX_TAG);
    let doc = Html::parse_document(flattened.as_deref().unwrap_or(html));
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
    // The best content root so far: (prose, depth, open, close, path, hinted).
    let mut roots: Vec<(u64, usize, u32, u32, String, bool)> = Vec::new();

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
                        if SKIPPED.contains(&name) || is_hidden(el) {
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
                        let nth = match stack.last_mut() {
                            Some(parent) => match parent.children.iter_mut().find(|c| c.0 == name) {
                                Some(c) => {
                                    c.1 += 1;
                                    c.1
                                }
                                None => {
                                    parent.children.push((name, 1));
                                    1
                                }
                            },
                            None => 1,
                        };
                        let class = el.classes().next();
                        let attrs = [el.attr("class"), el.id(), el.attr("role"), el.attr("itemprop")];
                        let furniture = if FURNITURE_TAGS.contains(&name) {
                            Some(FURNITURE_TAGS[FURNITURE_TAGS.iter().position(|t| *t == name).unwrap_or(0)])
                        } else if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p") {
                            // A heading or paragraph is text whatever its class ("recipe-header").
                            None
                        } else {
                            attrs.iter().flatten().find_map(|v| token_hits(v, FURNITURE_TOKENS))
                        };
                        let content_hint = matches!(name, "article" | "main")
                            || el.attr("itemprop").is_some_and(|v| v.contains("articleBody"))
                            || attrs.iter().flatten().any(|v| token_hits(v, CONTENT_TOKENS).is_some());
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
                            children: Vec::new(),
                        });
                        if name == "a" {
                            let start = line.len() + usize::from(pending_space && !line.is_empty());
                            open_links.push((start, el.attr("href").unwrap_or("").to_string()));
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
    let words = out.text.rsplit('\n').next().map(crate::document::word_count).unwrap_or(0);
    let link_heavy = info.link_chars * 2 > info.chars;
    if words >= 8 && !link_heavy {
        if let Some(f) = stack.last_mut() {
            f.prose += chars;
        }
    }
}

fn close_frame(
    frame: Frame<'_>,
    stack: &mut [Frame<'_>],
    roots: &mut Vec<(u64, usize, u32, u32, String, bool)>,
    position: u32,
) {
    // Prose inside a comment thread is not the article's.
    if matches!(frame.furniture, Some("comment" | "disqus")) {
        return;
    }
    if frame.prose > 0 && CONTAINERS.contains(&frame.name) {
        let mut step = String::new();
        frame.write_step(&mut step);
        roots.push((frame.prose, stack.len(), frame.open, position, step, frame.content_hint));
    }
    if let Some(parent) = stack.last_mut() {
        parent.prose += frame.prose;
    }
}

/// The content root: the deepest element holding at least 70% of the page's prose; an
/// `article`, `main` or article-body element holding 50% wins over a deeper plain one.
fn choose_root(out: &mut Projection, roots: &[(u64, usize, u32, u32, String, bool)]) {
    let total = roots.iter().map(|r| r.0).max().unwrap_or(0);
    if total == 0 {
        return;
    }
    let hinted = roots.iter().filter(|r| r.5 && r.0 * 2 >= total).max_by_key(|r| (r.1, r.0));
    let plain = roots.iter().filter(|r| r.0 * 10 >= total * 7).max_by_key(|r| (r.1, r.0));
    let best = match (hinted, plain) {
        (Some(h), Some(p)) if p.1 > h.1 && p.0 * 10 >= h.0 * 9 => Some(p),
        (Some(h), _) => Some(h),
        (None, p) => p,
    };
    if let Some(r) = best {
        out.root = Some((r.2, r.3));
        out.root_path = r.4.clone();
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
    fn flattens_only_what_is_too_deep() {
        assert_eq!(flatten("<div><p>a</p></div>", 2, usize::MAX), None);
        assert_eq!(
            flatten("<div><div><div>x</div></div></div>", 2, usize::MAX).as_deref(),
            Some("<div><div>x</div></div>")
        );
        assert_eq!(flatten("<div><br><img src=a><p/>x</div>", 1, usize::MAX), None);
        assert_eq!(flatten("<p a=1 b=2>x</p>", 10, 8).as_deref(), Some("<p>x</p>"));
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let html = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let p = project(&html);
        assert_eq!(p.text, "deep text");
    }
}
