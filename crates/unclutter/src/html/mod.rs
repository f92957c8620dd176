//! HTML input: a text projection of the page, one line per block, with what the markup says of
//! each line.
//!
//! html5ever gives no source offsets, so spans in HTML mode index this projection, which
//! `Cleaned::input` returns: the invariant (kept text == projection minus removals) holds on
//! it. The tree is walked iteratively (edge by edge), so deep nesting costs no stack, and every
//! pass is linear in the nodes.
//!
//! The projection is made in steps, one file each:
//! - `prepare`: the scan of the raw page that hands the parser only what the projection uses;
//! - `dom`: the compact tree html5ever builds the page into (`Dom`), 48 bytes a node;
//! - `walk`: the walk over the parsed page (`Projector`), edge by edge;
//! - `frame`: the open elements (`OpenElements`), which give each line its path, furniture and
//!   kind of block;
//! - `elements` and `tokens`: what an element's tag, class, id and role say of it;
//! - `line`: the text of the block being walked (`PendingLine`), flushed into a line at each
//!   block boundary;
//! - `root`: prose accounting (`Prose`) as elements close, and the choice of the content root
//!   among the containers that held prose (`RootCandidates`).

mod dom;
mod elements;
mod frame;
mod line;
mod prepare;
mod root;
mod tokens;
mod walk;

/// What the markup says of one projected line.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineInfo {
    /// The line's element path, an index into [`Projection::paths`]: lines of one element
    /// share it.
    pub path: u32,
    /// The line sits in page furniture: nav, header, footer, aside, form, button, or an element
    /// whose class, id or role names a boilerplate part (share, related, comment, ...). Its
    /// index in [`Projection::furniture_names`] plus one; 0: none.
    pub furniture: u16,
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
    /// The line's links, a range of [`Projection::links`].
    pub links: LinkRange,
}

impl LineInfo {
    /// True when at least `tenths` tenths of the line's characters are link text (a line
    /// without characters is no link).
    #[inline]
    pub fn links_at_least(&self, tenths: u32) -> bool {
        self.chars > 0 && self.link_chars * 10 >= self.chars * tenths
    }
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

/// Element paths, each stored once, all in one string: a page of a hundred thousand list
/// items has as many distinct paths (`ul > li:nth-of-type(7)`), and a `String` each would cost
/// twice their text in headers and allocation.
#[derive(Clone, Debug, Default)]
pub(crate) struct Paths {
    text: String,
    /// Where each path ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

impl Paths {
    /// Adds the path `write` writes, and returns its index.
    pub fn push(&mut self, write: impl FnOnce(&mut String)) -> u32 {
        write(&mut self.text);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    /// Path `id`, if there is one.
    pub fn get(&self, id: u32) -> Option<&str> {
        let i = id as usize;
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    /// How many paths there are.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Where a line's links sit in the projection's list of links: `start..end`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LinkRange {
    pub start: u32,
    pub end: u32,
}

impl LinkRange {
    /// The links of the range in `links`.
    pub fn of(self, links: &[Link]) -> &[Link] {
        links.get(self.start as usize..self.end as usize).unwrap_or(&[])
    }
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
    /// The element paths of the lines, each stored once: a CSS-like path of a line's block
    /// element, its last few steps, `div.article > p:nth-of-type(3)`.
    pub paths: Paths,
    /// The furniture the lines sit in, each named once (a lexicon's few dozen words).
    pub furniture_names: Vec<&'static str>,
    /// The links of every line, in order: byte range in the line's text and target.
    pub links: Vec<Link>,
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
            _ => self.furniture_names.get(usize::from(info.furniture).checked_sub(1)?).copied(),
        }
    }

    /// The element path of a line.
    pub fn path(&self, line: usize) -> &str {
        self.paths.get(self.lines[line].path).unwrap_or_default()
    }

    /// True when the line is in a table cell (`td`, `th`) a few steps up.
    pub fn in_table_cell(&self, line: usize) -> bool {
        self.path(line).split(" > ").any(|step| {
            ["td", "th"]
                .iter()
                .any(|cell| step.strip_prefix(cell).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '.'])))
        })
    }

    /// Writes the line's path with the numbers of its `:nth-of-type(N)` steps left out: the
    /// lines of a page's repeated blocks (cards, posts, list items, paragraphs) share it.
    pub fn write_path_shape(&self, line: usize, out: &mut String) {
        let mut rest = self.path(line);
        while let Some(at) = rest.find(":nth-of-type(") {
            out.push_str(&rest[..at]);
            rest = rest[at..].find(')').map_or("", |close| &rest[at + close + 1..]);
        }
        out.push_str(rest);
    }

    /// True when an element of the line's path is an `article` or `main`, or its class names an
    /// article's body (`entry-content`, `article-body`, ...).
    pub fn content_hint(&self, line: usize) -> bool {
        self.path(line).split(" > ").any(|step| {
            let (tag, class) = step.split_once('.').unwrap_or((step, ""));
            let tag = tag.split_once(':').map_or(tag, |(tag, _)| tag);
            matches!(tag, "article" | "main") || tokens::CONTENT.hit(class).is_some()
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

/// Deepest element nesting handed to the parser; real pages nest a few dozen levels.
const MAX_DEPTH: usize = 512;

/// Longest tag handed to the parser with its attributes.
const MAX_TAG: usize = 16 << 10;

/// Fewest words of visible text a page that hides content by inline styles must show for its
/// styles to be taken at their word.
const SHOWN_WORDS: usize = 100;

/// Builds the projection of `html`. A page that shows almost no text while its inline styles
/// hide most of it is hidden until its scripts run (an anti-flicker wrapper, `<div
/// style="visibility:hidden">` around the whole body, made visible on load): it is projected
/// again with what the styles hide, which is kept when it holds at least twice the words and
/// fifty more (a short page with a hidden line or two keeps it hidden). A page whose `noscript`
/// content mostly repeats lines it shows anyway (an article rendered for scripts and again for
/// clients without them) is projected again without it.
pub(crate) fn project(html: &str) -> Projection {
    let prepared = prepare::prepare(html, MAX_DEPTH, MAX_TAG);
    let doc = dom::Dom::parse(&prepared);
    let walked = walk::Projector::default().project_counting(&doc);
    let show_noscript = !noscript_repeats_the_page(&walked.projection, &walked.noscript_lines);
    let projection =
        if show_noscript { walked.projection } else { walk::Projector::default().noscript(false).project(&doc) };
    if walked.styled_skipped == 0 || !unclutter_text::words::words_at_most(&projection.text, SHOWN_WORDS) {
        return projection;
    }
    let shown = walk::Projector::default().showing_styled().noscript(show_noscript).project(&doc);
    let words = |p: &Projection| unclutter_text::words::word_count(&p.text);
    if words(&shown) >= 2 * words(&projection) + 50 {
        shown
    } else {
        projection
    }
}

/// True when at least half the words of the lines written inside `noscript` elements
/// (`noscript`, in order) are in lines that also stand outside them, word for word.
fn noscript_repeats_the_page(projection: &Projection, noscript: &[u32]) -> bool {
    if noscript.is_empty() {
        return false;
    }
    let mut inside = noscript.iter().copied().peekable();
    let mut outside = std::collections::HashSet::new();
    let mut noscript_lines = Vec::with_capacity(noscript.len());
    for (i, line) in projection.text.split('\n').enumerate() {
        if inside.next_if_eq(&(i as u32)).is_some() {
            noscript_lines.push(line);
        } else {
            outside.insert(line);
        }
    }
    let (mut repeated, mut total) = (0, 0);
    for line in noscript_lines {
        let words = unclutter_text::words::word_count(line);
        total += words;
        if outside.contains(line) {
            repeated += words;
        }
    }
    total > 0 && 2 * repeated >= total
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
        assert_eq!(p.furniture(0), Some("nav"));
        assert_eq!(p.lines[0].link_chars, 8);
        assert!(p.path(2).ends_with("article > p"), "{}", p.path(2));
        assert!(p.content_hint(2) && !p.content_hint(0), "inside <article>, not in <nav>");
    }

    #[test]
    fn noscript_content_is_the_page_a_scraper_reads() {
        // A forum that renders its posts with scripts serves them to clients without scripts
        // in a noscript element: that is the page's text.
        let p = project(
            "<html><head><noscript><link rel=stylesheet href=x.css></noscript></head><body>\
             <div id=app></div><noscript><div class=post><p>I upgraded the router last week.</p>\
             <p>Same problem here since the update.</p></div></noscript></body></html>",
        );
        assert_eq!(p.text, "I upgraded the router last week.\nSame problem here since the update.");
        assert!(p.path(0).contains("noscript > div.post > p"), "{}", p.path(0));
        // A tracking pixel, and markup a scripting DOM escaped into text when it saved the page,
        // are no text; the article around them stays as it was.
        let p = project(
            "<body><noscript><img src=/pixel.gif width=1 height=1></noscript>\
             <p>The council voted on Tuesday.</p>\
             <noscript>&lt;img src=\"//example.com/c.gif?x=1\" alt=\"beacon\" /&gt;</noscript>\
             <noscript>\n  &lt;div&gt;&lt;img src=\"/b.gif\"&gt;&lt;/div&gt;</noscript><p>Work starts soon.</p></body>",
        );
        assert_eq!(p.text, "The council voted on Tuesday.\nWork starts soon.");
        // A head left early (here by a pixel in its noscript) leaves its title in the body;
        // a title is never text of the page.
        let p = project("<head><noscript><img src=/p.gif></noscript><title>Site</title><p>Body text.</p>");
        assert_eq!(p.text, "Body text.");
        // An article rendered for scripts and again in a noscript for clients without them
        // shows once; a noscript that repeats a line or two of a page keeps the rest of its own.
        let article = "<p>The council voted on Tuesday.</p><p>Work starts soon on the new bridge.</p>";
        let p = project(&format!("<body><div id=app>{article}</div><noscript>{article}</noscript></body>"));
        assert_eq!(p.text, "The council voted on Tuesday.\nWork starts soon on the new bridge.");
        let p = project(&format!(
            "<body><h1>Router forum</h1><noscript><h1>Router forum</h1>{article}<p>Reply from a moderator.</p></noscript></body>"
        ));
        assert_eq!(p.lines.len(), 5, "{}", p.text);
        // An iframe in a noscript, closed as if it were void, ends there.
        let p = project("<body><noscript><iframe src=/gtm height=0 /></noscript><p>The article.</p></body>");
        assert_eq!(p.text, "The article.");
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
    fn a_list_of_cards_around_a_blurb_is_the_root() {
        // A shop's grid: each product a name, a price, a colour count; one has a long blurb.
        let product = "<li class=product><a href=/p>Trail runner two</a><span>$120</span><span>3 colours</span></li>";
        let blurb = "<li class=product><a href=/p>Trail runner one</a><span>$140</span>\
                     <div>A light shoe with a rocker sole that rolls you forward on long runs.</div></li>";
        let html = format!(
            "<body><nav><a href=/>Home</a> <a href=/men>Men</a></nav>\
             <div class=grid><ul class=products>{blurb}{}</ul></div><footer><p>Footer</p></footer></body>",
            product.repeat(12)
        );
        let p = project(&html);
        assert_eq!(p.root_path, "div.grid", "the grid, not its one blurb");
        let price = p.text.lines().position(|l| l.contains("$120")).expect("a price line");
        assert!(p.in_root(price));
        assert!(!p.in_root(p.lines.len() - 1), "the footer stays outside");

        // A menu's items are links, not cards: the story stays the root.
        let item = "<li class=item><a href=/x>Section name here</a></li>";
        let story = "<p>The council voted on Tuesday to fund the new bridge across the river after years.</p>";
        let html = format!(
            "<body><div class=top><ul class=menu>{}</ul></div><div class=story>{story}</div></body>",
            item.repeat(40)
        );
        assert_eq!(project(&html).root_path, "div.story");
    }

    /// The projection of the page as html5ever parses it without the pre-parse pass.
    fn project_unprepared(html: &str) -> Projection {
        walk::Projector::default().project(&dom::Dom::parse(html))
    }

    #[test]
    fn the_pre_parse_pass_changes_no_projected_text() {
        // The corpus pages, and generated pages: valid HTML with optional end tags left out,
        // and formatting elements left open or misnested (which the pass closes explicitly).
        let mut pages: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/html"))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".in.html"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(pages.len() >= 10);
        let rows: String = (0..40).map(|i| format!("<tr><td>cell {i}<td>value {i}")).collect();
        pages.push(format!("<table>{rows}</table><p>After the table.</p>"));
        let items: String = (0..40).map(|i| format!("<li><p>item {i}")).collect();
        pages.push(format!("<ul>{items}</ul><p>After the list."));
        let terms: String = (0..40).map(|i| format!("<dt>term {i}<dd>definition {i}")).collect();
        pages.push(format!("<dl>{terms}</dl><p>After the list."));
        let bold: String = (0..40).map(|i| format!("<p>plain {i} <b>bold {i} <i>both</p>\n")).collect();
        pages.push(format!("<body>{bold}<p>Last.</p></body>"));
        let misnested: String = (0..40).map(|i| format!("<b><div>block {i}</b> after {i}\n")).collect();
        pages.push(format!("<body>{misnested}</body>"));
        let links: String = (0..40).map(|i| format!("<li><a href=/{i}>link {i}</li>")).collect();
        pages.push(format!("<body><ul>{links}</ul><p>After the links.</p></body>"));
        for page in &pages {
            let words = |p: &Projection| p.text.split_whitespace().map(str::to_string).collect::<Vec<_>>();
            let (prepared, plain) = (project(page), project_unprepared(page));
            assert_eq!(words(&prepared), words(&plain), "{}", &page[..page.len().min(200)]);
        }
    }

    #[test]
    fn formatting_left_open_does_not_deepen_the_tree_block_by_block() {
        // Parsed as is, each block would open inside the last one's re-opened <b> (or run the
        // adoption agency): the tree, and the parser's work per tag, would grow with the page.
        let shapes = [
            "<p><b>word word</p>\n".repeat(2000),
            (0..2000).map(|i| format!("<p><b class=c{i}>word</p>\n")).collect(),
            "<b><div>x</b>\n".repeat(2000),
            "<li><i>item<li>".repeat(2000),
        ];
        for shape in &shapes {
            let doc = dom::Dom::parse(&prepare::prepare(shape, MAX_DEPTH, MAX_TAG));
            let (mut depth, mut open) = (0, 0usize);
            for edge in doc.edges() {
                match edge {
                    dom::Edge::Open(_) => open += 1,
                    dom::Edge::Close(_) => open -= 1,
                }
                depth = depth.max(open);
            }
            assert!(depth < 12, "depth {depth}: {}", &shape[..40]);
            assert!(project(shape).lines.len() >= 2000);
        }
    }

    #[test]
    fn paths_are_stored_once_in_one_string() {
        let mut paths = Paths::default();
        let a = paths.push(|out| out.push_str("body > p"));
        let empty = paths.push(|_| {});
        let b = paths.push(|out| out.push_str("body > ul > li:nth-of-type(2)"));
        assert_eq!(
            (paths.get(a), paths.get(empty), paths.get(b)),
            (Some("body > p"), Some(""), Some("body > ul > li:nth-of-type(2)"))
        );
        assert_eq!((paths.len(), paths.get(3)), (3, None));
        let items: String = (0..1000).map(|i| format!("<li>item {i}</li>")).collect();
        let p = project(&format!("<ul>{items}</ul>"));
        assert_eq!(p.path(999), "body > ul > li:nth-of-type(1000)");
        let mut shape = String::new();
        p.write_path_shape(999, &mut shape);
        assert_eq!(shape, "body > ul > li", "list items share their shape");
        assert_eq!(p.paths.len(), 1000, "one path an element");
        assert!(std::mem::size_of::<LineInfo>() <= 32, "a line's facts: {} bytes", std::mem::size_of::<LineInfo>());
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let html = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let p = project(&html);
        assert_eq!(p.text, "deep text");
    }
}
