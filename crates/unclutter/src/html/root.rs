//! Prose accounting and the choice of the content root: each line of prose is credited to its
//! innermost element, the count rises to the ancestors as they close, every container that held
//! prose becomes a candidate, and the root is the candidate that holds most of the page's prose.

use super::frame::{Frame, OpenElements};
use super::{BlockKind, LineInfo};

/// Elements that can be a content root: containers of paragraphs, not paragraphs.
const CONTAINERS: &[&str] =
    &["div", "article", "main", "section", "td", "body", "center", "table", "tbody", "font", "span"];

/// Most prose characters a teaser card's blurb holds.
const TEASER_PROSE: u64 = 600;

/// Fewest same-shaped sibling elements in a row that make a list of cards (a listing's
/// stories, a shop's products, a forum's posts).
const LIST_ITEMS: u32 = 4;
/// How many times the chosen root's text a list of cards around it must hold for the list to
/// be the content: the root is then one card of it.
const LIST_OVER_CARD: u64 = 3;

/// The prose counted inside an element so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Prose {
    /// Characters of prose lines (longer than a few words, not mostly links), teaser blurbs apart.
    pub chars: u64,
    /// Characters of teaser cards' blurbs.
    pub teaser: u64,
    /// A heading inside is all link text (a teaser card's title, when the prose is short).
    pub link_heading: bool,
    /// Characters of every line inside, and of their link text.
    pub text: u64,
    pub link_text: u64,
    /// The run of same-shaped children being closed: its shape, and the list it makes so far.
    run_shape: u64,
    run: CardList,
    /// The list of cards with the most text inside the element (its children's or deeper).
    pub list: CardList,
}

/// A run of same-shaped sibling elements (tag and first class): how many, and the characters
/// of text and of link text they hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct CardList {
    pub items: u32,
    pub text: u64,
    pub link_text: u64,
}

impl CardList {
    /// A list of at least [`LIST_ITEMS`] cards that are not mostly links (a menu's items are).
    fn is_cards(&self) -> bool {
        self.items >= LIST_ITEMS && self.link_text * 4 < self.text * 3
    }
}

impl Prose {
    /// Credits a line just projected directly inside the element, `line` being its text: a
    /// heading that is nearly all link text marks a teaser card's title, and a line of more than
    /// seven words that is not mostly links is prose. The count rises to the ancestors as they
    /// close, so the whole walk stays linear.
    #[inline]
    pub fn credit_line(&mut self, info: &LineInfo, line: &str) {
        let chars = u64::from(info.chars);
        if chars == 0 {
            return;
        }
        self.text += chars;
        self.link_text += u64::from(info.link_chars);
        if matches!(info.kind, BlockKind::Heading(_)) && info.links_at_least(7) {
            self.link_heading = true;
            return;
        }
        let long = !unclutter_text::words::words_at_most(line, 7);
        let link_heavy = info.link_chars * 2 > info.chars;
        if long && !link_heavy {
            self.chars += chars;
        }
    }

    /// Settles the count as its element closes: a short blurb under a heading that is a link is
    /// a teaser card ("More from the site"), not the article, so its prose moves to `teaser`.
    /// Returns true when the element is such a card.
    #[inline]
    fn settle_teaser(&mut self) -> bool {
        let teaser = self.link_heading && self.chars > 0 && self.chars <= TEASER_PROSE;
        if teaser {
            self.teaser += self.chars;
            self.chars = 0;
        }
        teaser
    }

    /// Adds the settled count of a closed child; a teaser card's link heading is its own.
    /// `shape` names the child's tag and first class (0 for a child that is no card: page
    /// furniture): same-shaped children in a row make a list of cards.
    #[inline]
    fn add_child(&mut self, child: &Prose, child_is_teaser: bool, shape: u64) {
        self.chars += child.chars;
        self.teaser += child.teaser;
        self.link_heading |= child.link_heading && !child_is_teaser;
        self.text += child.text;
        self.link_text += child.link_text;
        if child.text == 0 {
            return;
        }
        if shape == 0 || shape != self.run_shape {
            self.run_shape = shape;
            self.run = CardList::default();
        }
        if shape != 0 {
            self.run.items += 1;
            self.run.text += child.text;
            self.run.link_text += child.link_text;
        }
        for list in [self.run, child.list] {
            if list.is_cards() && list.text > self.list.text {
                self.list = list;
            }
        }
    }
}

/// A container that could be the content root.
#[derive(Debug)]
pub(super) struct Candidate {
    /// Prose characters inside, teaser blurbs apart.
    pub prose: u64,
    pub teaser: u64,
    /// Characters of every line inside.
    pub text: u64,
    /// The list of cards with the most text inside.
    pub list: CardList,
    /// Open ancestors.
    pub depth: usize,
    /// Traversal positions of the opening and the closing.
    pub open: u32,
    pub close: u32,
    /// The container's path step.
    pub path: String,
    /// `article`, `main` or named as an article body.
    pub hinted: bool,
}

/// The containers that held prose, recorded as they close.
#[derive(Default)]
pub(super) struct RootCandidates {
    candidates: Vec<Candidate>,
}

impl RootCandidates {
    /// Closes `frame`, just popped from `open`, at traversal position `close`: settles its prose,
    /// records it as a candidate if it is a container that held any, and passes the prose to its
    /// parent. Prose inside a comment thread is not the article's and goes nowhere, and no
    /// element inside one is a candidate (one long comment would outweigh the article).
    #[inline]
    pub fn close_frame(&mut self, mut frame: Frame<'_>, open: &mut OpenElements<'_>, close: u32) {
        if frame.is_thread() || open.in_thread() {
            return;
        }
        let teaser = frame.prose.settle_teaser();
        if frame.prose.chars + frame.prose.teaser > 0 && CONTAINERS.contains(&frame.name) {
            let mut path = String::new();
            frame.write_step(&mut path);
            self.candidates.push(Candidate {
                prose: frame.prose.chars,
                teaser: frame.prose.teaser,
                text: frame.prose.text,
                list: frame.prose.list,
                depth: open.depth(),
                open: frame.open,
                close,
                path,
                hinted: frame.content_hint,
            });
        }
        // Only an element with text is a card; the hash is skipped for the rest.
        let shape = if frame.furniture.is_some() || frame.prose.text == 0 { 0 } else { frame.shape() };
        if let Some(parent) = open.innermost_mut() {
            parent.prose.add_child(&frame.prose, teaser, shape);
        }
    }

    /// The content root: the deepest candidate holding at least 70% of the page's prose; an
    /// `article`, `main` or article-body element holding 50% wins over a deeper plain one,
    /// unless that one holds 90% of its prose. Teaser blurbs are not prose, unless they are
    /// nearly all the page has (a section front). A list of cards around that candidate that
    /// holds far more text than it is the root instead ([`Self::list_around`]).
    pub fn choose(&self) -> Option<&Candidate> {
        let roots = &self.candidates;
        let plain = roots.iter().map(|r| r.prose).max().unwrap_or(0);
        let all = roots.iter().map(|r| r.prose + r.teaser).max().unwrap_or(0);
        let listing = plain * 5 < all;
        let weight = |r: &Candidate| if listing { r.prose + r.teaser } else { r.prose };
        let total = if listing { all } else { plain };
        if total == 0 {
            return None;
        }
        let hinted = roots.iter().filter(|r| r.hinted && weight(r) * 2 >= total).max_by_key(|r| (r.depth, weight(r)));
        let plain = roots.iter().filter(|r| weight(r) * 10 >= total * 7).max_by_key(|r| (r.depth, weight(r)));
        let chosen = match (hinted, plain) {
            (Some(h), Some(p)) if p.depth > h.depth && weight(p) * 10 >= weight(h) * 9 => Some(p),
            (Some(h), _) => Some(h),
            (None, p) => p,
        }?;
        // An article (marked so, or more prose than a card's blurb) is the root even beside a
        // long list of teasers.
        let card = !chosen.hinted && chosen.prose <= TEASER_PROSE;
        Some(card.then(|| self.list_around(chosen)).flatten().unwrap_or(chosen))
    }

    /// The innermost container around `chosen` (no more prose than a card's blurb) that is
    /// mostly a list of cards (at least half its text) holding at least [`LIST_OVER_CARD`]
    /// times the text of `chosen`. Prose picks the root, and a listing's, a shop grid's or a
    /// ranking's items are short lines: its longest prose is one card's blurb or a sidebar's,
    /// and the items, the page's content, would all lie outside the root.
    fn list_around(&self, chosen: &Candidate) -> Option<&Candidate> {
        // The candidates around `chosen` are its ancestors, one per depth: the deepest is the
        // innermost.
        self.candidates
            .iter()
            .filter(|a| a.open < chosen.open && chosen.close < a.close)
            .filter(|a| a.list.is_cards() && a.list.text * 2 >= a.text && a.list.text >= chosen.text * LIST_OVER_CARD)
            .max_by_key(|a| a.depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::elements::Attributes;

    const SENTENCE: &str = "The council voted on Tuesday to fund the new bridge across the river.";

    fn line(kind: BlockKind, chars: u32, link_chars: u32) -> LineInfo {
        LineInfo { kind, chars, link_chars, ..LineInfo::default() }
    }

    #[test]
    fn prose_is_long_lines_that_are_not_mostly_links() {
        let chars = SENTENCE.chars().count() as u32;
        let mut prose = Prose::default();
        prose.credit_line(&line(BlockKind::Paragraph, chars, 0), SENTENCE);
        assert_eq!(prose.chars, u64::from(chars));
        prose.credit_line(&line(BlockKind::Paragraph, 12, 0), "Read more now");
        prose.credit_line(&line(BlockKind::Paragraph, chars, chars / 2 + 1), SENTENCE);
        assert_eq!(prose.chars, u64::from(chars), "short and link-heavy lines are not prose");
        assert!(!prose.link_heading);
        prose.credit_line(&line(BlockKind::Heading(3), chars, chars), SENTENCE);
        assert!(prose.link_heading, "a heading that is a link marks a teaser card");
        assert_eq!(prose.chars, u64::from(chars));
    }

    /// Opens a frame for `name`, closes it with the prose given, and returns what its parent got.
    fn close_child(candidates: &mut RootCandidates, name: &str, class: Option<&str>, prose: Prose) -> Prose {
        let mut open = OpenElements::default();
        open.push(Frame::new("body", &Attributes::default(), true, 1));
        let attrs = Attributes { class, ..Attributes::default() };
        let mut frame = Frame::new(name, &attrs, true, 2);
        frame.prose = prose;
        candidates.close_frame(frame, &mut open, 3);
        open.innermost().expect("body is open").prose
    }

    /// A child's prose holding `text` characters, `link_text` of them links.
    fn child(text: u64, link_text: u64) -> Prose {
        Prose { text, link_text, ..Prose::default() }
    }

    #[test]
    fn same_shaped_children_in_a_row_make_a_list_of_cards() {
        let (card, other) = (7, 9);
        let mut grid = Prose::default();
        for _ in 0..3 {
            grid.add_child(&child(100, 20), false, card);
        }
        assert_eq!(grid.list, CardList::default(), "three cards are no list yet");
        grid.add_child(&child(100, 20), false, card);
        assert_eq!((grid.list.items, grid.list.text, grid.list.link_text), (4, 400, 80));
        // A child of another shape ends the run; a shorter run after it leaves the best list.
        grid.add_child(&child(50, 0), false, other);
        for _ in 0..2 {
            grid.add_child(&child(100, 20), false, card);
        }
        assert_eq!(grid.list.items, 4);
        assert_eq!(grid.text, 650, "all the children's text counts");
        // Children without text neither count nor break the run.
        let mut list = Prose::default();
        for k in 0..8 {
            let text = if k % 2 == 0 { 100 } else { 0 };
            list.add_child(&child(text, 0), false, if text == 0 { other } else { card });
        }
        assert_eq!(list.list.items, 4);

        // A menu's items are links: no list of cards, however many.
        let mut menu = Prose::default();
        for _ in 0..40 {
            menu.add_child(&child(20, 20), false, card);
        }
        assert_eq!(menu.list, CardList::default());
        // Furniture (shape 0) is no card.
        let mut aside = Prose::default();
        for _ in 0..6 {
            aside.add_child(&child(100, 0), false, 0);
        }
        assert_eq!(aside.list, CardList::default());
        // The best list rises to the ancestors with the rest of the count.
        let mut page = Prose::default();
        page.add_child(&grid, false, other);
        assert_eq!(page.list, grid.list);
    }

    #[test]
    fn closing_settles_teasers_records_containers_and_passes_prose_up() {
        let mut candidates = RootCandidates::default();
        let card = Prose { chars: 70, link_heading: true, ..Prose::default() };
        let passed = close_child(&mut candidates, "li", None, card);
        assert_eq!(passed, Prose { teaser: 70, ..Prose::default() }, "a card's blurb is teaser");
        assert!(candidates.candidates.is_empty(), "an li is no container");

        let article = Prose { chars: 900, link_heading: true, ..Prose::default() };
        let passed = close_child(&mut candidates, "div", Some("story"), article);
        assert_eq!(passed, article, "a long text under a linked heading is no card");
        let story = &candidates.candidates[0];
        assert_eq!((story.prose, story.depth, story.open, story.close), (900, 1, 2, 3));
        assert_eq!(story.path, "div.story");

        let passed = close_child(&mut candidates, "div", Some("comment-list"), article);
        assert_eq!(passed, Prose::default(), "a comment thread's prose goes nowhere");
        assert_eq!(candidates.candidates.len(), 1);

        // A container inside a comment (`div.comment > div.content`) is no candidate, however
        // long the comment: it is not where the article is.
        let mut open = OpenElements::default();
        open.push(Frame::new("body", &Attributes::default(), true, 1));
        open.push(Frame::new("div", &Attributes { class: Some("comment"), ..Attributes::default() }, true, 2));
        let mut inner = Frame::new("div", &Attributes { class: Some("content"), ..Attributes::default() }, true, 3);
        inner.prose = Prose { chars: 5000, ..Prose::default() };
        candidates.close_frame(inner, &mut open, 4);
        assert_eq!(candidates.candidates.len(), 1, "{:?}", candidates.candidates);
        assert_eq!(open.innermost().expect("the comment is open").prose, Prose::default());
    }

    fn candidate(path: &str, depth: usize, prose: u64, teaser: u64, hinted: bool) -> Candidate {
        Candidate {
            prose,
            teaser,
            text: prose + teaser,
            list: CardList::default(),
            depth,
            open: 0,
            close: 0,
            path: path.to_string(),
            hinted,
        }
    }

    fn chosen(candidates: Vec<Candidate>) -> Option<String> {
        RootCandidates { candidates }.choose().map(|c| c.path.clone())
    }

    #[test]
    fn the_root_is_the_deepest_holding_most_prose() {
        let page = |story: u64| {
            vec![
                candidate("div.story", 3, story, 0, false),
                candidate("div.menu", 3, 1000 - story, 0, false),
                candidate("div.page", 2, 1000, 0, false),
                candidate("body", 1, 1000, 0, false),
            ]
        };
        assert_eq!(chosen(page(800)).as_deref(), Some("div.story"));
        assert_eq!(chosen(page(600)).as_deref(), Some("div.page"), "70% of the prose is needed");
        assert_eq!(chosen(Vec::new()), None);
    }

    #[test]
    fn an_article_element_with_half_the_prose_wins_unless_a_deeper_one_holds_nearly_all_of_it() {
        let page = |inner: u64| {
            vec![
                candidate("div.inner", 4, inner, 0, false),
                candidate("article", 3, 600, 0, true),
                candidate("body", 1, 1000, 0, false),
            ]
        };
        assert_eq!(chosen(page(500)).as_deref(), Some("article"));
        assert_eq!(chosen(page(560)).as_deref(), Some("article"), "not 70% of the page");
        let mut deeper = page(560);
        deeper[2].prose = 700;
        assert_eq!(chosen(deeper).as_deref(), Some("div.inner"), "90% of the article's prose");
    }

    #[test]
    fn teaser_blurbs_count_only_on_a_section_front() {
        let page = |prose: u64| {
            vec![
                candidate("div.story", 3, prose, 0, false),
                candidate("div.cards", 3, 0, 1000, false),
                candidate("body", 1, prose, 1000, false),
            ]
        };
        assert_eq!(chosen(page(300)).as_deref(), Some("div.story"));
        assert_eq!(chosen(page(150)).as_deref(), Some("div.cards"), "teasers are most of the page");
    }
}
