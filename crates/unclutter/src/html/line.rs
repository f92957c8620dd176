//! The line being gathered: the words of the block being walked, joined by single spaces, with
//! the links among them, until a block boundary flushes it into the projection.

use super::frame::OpenElements;
use super::{LineInfo, Link, LinkRange, Projection};

/// The text of the block being walked, not yet a line of the projection.
#[derive(Default)]
pub(super) struct PendingLine {
    text: String,
    /// Characters of `text` inside links.
    link_chars: u32,
    /// White space came after the last word: the next word is preceded by a space.
    pending_space: bool,
    /// Links closed in `text`: byte ranges in it and targets.
    links: Vec<Link>,
    /// Links open: where each starts in `text`, and its target.
    open_links: Vec<(usize, String)>,
}

impl PendingLine {
    /// White space: a space before the next word, unless the line has no word yet.
    #[inline]
    pub fn push_space(&mut self) {
        self.pending_space = !self.text.is_empty();
    }

    /// Forgets the white space after the last word: a block opens, so the next word starts a
    /// line.
    #[inline]
    pub fn drop_space(&mut self) {
        self.pending_space = false;
    }

    /// Adds a word, counting its characters as link text when `in_link`.
    #[inline]
    pub fn push_word(&mut self, word: &str, in_link: bool) {
        if self.pending_space {
            self.text.push(' ');
            self.pending_space = false;
        }
        self.text.push_str(word);
        if in_link {
            self.link_chars += word.chars().count() as u32;
        }
    }

    /// An `a` element opens, linking to `href`: the link starts at the next word.
    #[inline]
    pub fn open_link(&mut self, href: &str) {
        let start = self.text.len() + usize::from(self.pending_space && !self.text.is_empty());
        self.open_links.push((start, href.to_string()));
    }

    /// The innermost `a` element closes: its link is kept if it holds text and goes somewhere
    /// (not `javascript:`).
    #[inline]
    pub fn close_link(&mut self) {
        if let Some((start, href)) = self.open_links.pop() {
            if self.text.len() > start && !href.is_empty() && !href.starts_with("javascript:") {
                self.links.push(Link { start: start as u32, end: self.text.len() as u32, href });
            }
        }
    }

    /// Writes the text, trimmed, as a line of `out`, with what the `open` elements say of it,
    /// at traversal `position`, and starts a new line. Returns false, writing nothing, when the
    /// text is blank.
    #[inline]
    pub fn flush_into(&mut self, out: &mut Projection, open: &mut OpenElements<'_>, position: u32) -> bool {
        let text = self.text.trim();
        if text.is_empty() {
            self.text.clear();
            self.link_chars = 0;
            self.links.clear();
            return false;
        }
        let lead = (self.text.len() - self.text.trim_start().len()) as u32;
        let kind = open.block_kind();
        let chars = text.chars().count() as u32;
        let (furniture, furniture_open) = open.furniture();
        let path = open.path_id(&mut out.paths);
        if !out.text.is_empty() {
            out.text.push('\n');
        }
        out.text.push_str(text);
        let furniture = match furniture {
            None => 0,
            Some(name) => match out.furniture_names.iter().position(|n| *n == name) {
                Some(i) => i as u16 + 1,
                None => {
                    out.furniture_names.push(name);
                    out.furniture_names.len() as u16
                }
            },
        };
        out.lines.push(LineInfo {
            path,
            furniture,
            furniture_open,
            link_chars: self.link_chars.min(chars),
            chars,
            position,
            kind,
            links: {
                let start = out.links.len() as u32;
                out.links.extend(self.links.drain(..).filter_map(|l| {
                    let (start, end) = (l.start.checked_sub(lead)?, l.end.checked_sub(lead)?.min(text.len() as u32));
                    (start < end).then_some(Link { start, end, href: l.href })
                }));
                LinkRange { start, end: out.links.len() as u32 }
            },
        });
        self.text.clear();
        self.link_chars = 0;
        true
    }
}

/// A piece of a text node.
pub(super) enum Piece<'t> {
    Space,
    /// A newline in `pre`: the line ends.
    Break,
    Word(&'t str),
}

/// Splits text into words, collapsing white space; in `pre`, newlines break lines, and
/// anywhere a line separator does (what the pre-parse pass makes of a `br`).
pub(super) fn split_keep(text: &str, pre: bool) -> impl Iterator<Item = Piece<'_>> {
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
            let breaks = ws.contains(super::prepare::LINE_BREAK) || (pre && ws.contains('\n'));
            return Some(if breaks { Piece::Break } else { Piece::Space });
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
    use crate::html::elements::Attributes;
    use crate::html::frame::Frame;

    fn paragraph() -> OpenElements<'static> {
        let mut open = OpenElements::default();
        open.push(Frame::new("body", &Attributes::default(), true, 1));
        open.push(Frame::new("p", &Attributes::default(), true, 2));
        open
    }

    /// Feeds `text` to the line as the walk does, the words between `[` and `]` linked to `href`.
    fn feed(line: &mut PendingLine, text: &str, href: &str) {
        let mut in_link = false;
        for piece in split_keep(text, false) {
            match piece {
                Piece::Space => line.push_space(),
                Piece::Break => unreachable!("no pre"),
                Piece::Word(mut word) => {
                    if let Some(rest) = word.strip_prefix('[') {
                        line.open_link(href);
                        in_link = true;
                        word = rest;
                    }
                    let closes = word.ends_with(']');
                    line.push_word(word.trim_end_matches(']'), in_link);
                    if closes {
                        line.close_link();
                        in_link = false;
                    }
                }
            }
        }
    }

    #[test]
    fn flushing_joins_inline_text_into_one_line_with_its_links() {
        let (mut out, mut open) = (Projection::default(), paragraph());
        let mut line = PendingLine::default();
        feed(&mut line, "  The   council [voted today]\n on the  bridge. ", "/vote");
        assert!(line.flush_into(&mut out, &mut open, 7));
        assert_eq!(out.text, "The council voted today on the bridge.");
        let info = &out.lines[0];
        assert_eq!((info.chars, info.link_chars, info.position), (38, 10, 7));
        assert_eq!(out.path(0), "body > p");
        assert_eq!(info.links.of(&out.links), [Link { start: 12, end: 23, href: "/vote".to_string() }]);
        assert_eq!(&out.text[12..23], "voted today");

        feed(&mut line, "Second [line]", "javascript:void(0)");
        assert!(line.flush_into(&mut out, &mut open, 9));
        assert_eq!((out.lines[1].path, out.paths.len()), (0, 1), "one element, one path stored");
        assert_eq!(out.text, "The council voted today on the bridge.\nSecond line");
        assert!(out.lines[1].links.of(&out.links).is_empty(), "a javascript: link goes nowhere");
        assert_eq!(out.lines[1].link_chars, 4);
    }

    #[test]
    fn a_blank_line_is_not_written_and_starts_afresh() {
        let (mut out, mut open) = (Projection::default(), paragraph());
        let mut line = PendingLine::default();
        feed(&mut line, "   ", "/x");
        assert!(!line.flush_into(&mut out, &mut open, 3));
        assert!(out.text.is_empty() && out.lines.is_empty());
        feed(&mut line, "Kept", "/x");
        assert!(line.flush_into(&mut out, &mut open, 4));
        assert_eq!(out.text, "Kept");
    }

    #[test]
    fn newlines_break_lines_only_in_pre() {
        let pieces = |pre| {
            split_keep(" a  b\n c", pre)
                .map(|p| match p {
                    Piece::Space => " ",
                    Piece::Break => "|",
                    Piece::Word(w) => w,
                })
                .collect::<String>()
        };
        assert_eq!(pieces(false), " a b c");
        assert_eq!(pieces(true), " a b|c");
        let pieces: Vec<_> = split_keep("a \u{2028} b", false).map(|p| matches!(p, Piece::Break)).collect();
        assert_eq!(pieces, [false, true, false], "a line separator breaks the line anywhere");
    }
}
