//! Segmentation: the input split into lines, each with its byte ranges.
//!
//! A segment is one line. Line terminators are `\n`, `\r\n` and a lone `\r`. Every segment keeps
//! four nested spans into the original text, from the whole line with its terminator down to its
//! "core" (the text without white space and without decoration such as bullets, pipes, a trailing
//! colon), which is what phrase rules compare against.
//!
//! A run of blank lines is two segments at most: the first blank line, and one segment holding
//! all the rest. A page of a million blank lines costs two segments, not a million, and every
//! look-ahead sees one step where the run was.

use crate::span::Span;
use crate::words::{is_decoration, is_space};

/// One line of the input: five nested spans, stored as offsets from the line's start (40 bytes
/// a line, where five spans would take 80).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    start: usize,
    full: u32,
    line: u32,
    trim: (u32, u32),
    core: (u32, u32),
    prefix: u32,
}

/// Longest line in one segment: a longer line is cut into segments of at most this many bytes,
/// so that offsets within a segment, its terminator included, fit 32 bits.
const MAX_SEGMENT: usize = u32::MAX as usize - 2;

impl Segment {
    /// A segment from its spans, which start at or after `full.start` and are at most
    /// [`MAX_SEGMENT`] bytes long.
    fn new(full: Span, line: Span, trim: Span, core: Span, prefix: Span) -> Segment {
        let at = |offset: usize| (offset - full.start) as u32;
        Segment {
            start: full.start,
            full: at(full.end),
            line: at(line.end),
            trim: (at(trim.start), at(trim.end)),
            core: (at(core.start), at(core.end)),
            prefix: at(prefix.end),
        }
    }

    fn span(&self, (start, end): (u32, u32)) -> Span {
        Span::new(self.start + start as usize, self.start + end as usize)
    }

    /// The line with its terminator.
    #[inline]
    pub fn full(&self) -> Span {
        self.span((0, self.full))
    }

    /// The line without its terminator.
    #[inline]
    pub fn line(&self) -> Span {
        self.span((0, self.line))
    }

    /// `line` without leading and trailing white space (including BOM and zero-width characters).
    #[inline]
    pub fn trim(&self) -> Span {
        self.span(self.trim)
    }

    /// `trim` without leading and trailing decoration (bullets, pipes, colons, dots, arrows).
    #[inline]
    pub fn core(&self) -> Span {
        self.span(self.core)
    }

    /// A prefix set apart by [`Document::parse`]'s `prefix` function (a scraper's leading
    /// "date 2017-01-09 " stamp); `trim` and `core` start after it, so rules judge the line as
    /// it reads once the prefix is gone. Empty when nothing was set apart.
    #[inline]
    pub fn prefix(&self) -> Span {
        self.span((0, self.prefix))
    }

    /// True when the line holds nothing but white space.
    #[inline]
    pub fn is_blank(&self) -> bool {
        self.trim.0 == self.trim.1
    }
}

/// The input and its segments.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text the spans index.
    pub source: &'a str,
    /// One segment per line, in order.
    pub segments: Vec<Segment>,
}

impl<'a> Document<'a> {
    /// Splits `source` into lines. Linear in the input, one allocation for the segment list.
    /// `prefix`, when given, returns how many bytes at the start of a line to set apart from its
    /// text (see [`Segment::prefix`]).
    ///
    /// ```
    /// use unclutter_text::Document;
    /// let doc = Document::parse("» Related:\r\nBody text\n", None);
    /// assert_eq!(doc.segments.len(), 2);
    /// assert_eq!(doc.text(doc.segments[0].core()), "Related");
    /// assert_eq!(doc.text(doc.segments[1].full()), "Body text\n");
    /// ```
    pub fn parse(source: &'a str, prefix: Option<fn(&str) -> usize>) -> Document<'a> {
        Document::parse_with(source, prefix, MAX_SEGMENT)
    }

    fn parse_with(source: &'a str, prefix: Option<fn(&str) -> usize>, max_segment: usize) -> Document<'a> {
        let bytes = source.as_bytes();
        // One segment a line terminator at most: reserved whole, the list never doubles (a page
        // of short lines held its old and new copies at once); what a run of blank lines or a
        // CRLF leaves unused is never touched.
        let mut segments: Vec<Segment> = Vec::with_capacity(memchr::memchr2_iter(b'\n', b'\r', bytes).count() + 1);
        let mut start = 0;
        while start < bytes.len() {
            let (mut line_end, mut full_end) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
                None => (bytes.len(), bytes.len()),
                Some(i) => {
                    let at = start + i;
                    let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
                    (at, at + if crlf { 2 } else { 1 })
                }
            };
            if line_end - start > max_segment {
                // A line past the limit: cut at a character boundary, no terminator.
                line_end = (start + max_segment).min(line_end);
                while !source.is_char_boundary(line_end) {
                    line_end -= 1;
                }
                full_end = line_end;
            }
            let line = Span::new(start, line_end);
            let prefix_len = prefix.map_or(0, |split| split(&source[line]));
            let prefix = Span::new(start, start + prefix_len);
            let trim = trim_span(source, Span::new(prefix.end, line_end), is_space);
            let mut core = trim_span(source, trim, is_decoration);
            // Text dumps mark second-level list items "o Item": a bullet, when a capital follows.
            let text = &source[core];
            if text.starts_with("o ") && text[2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                core = trim_span(source, Span::new(core.start + 2, core.end), is_decoration);
            }
            let segment = Segment::new(Span::new(start, full_end), line, trim, core, prefix);
            match segments.as_mut_slice() {
                // The third blank line of a run and later ones join the second (a line whose
                // prefix was set apart is not blank enough to join), while the run fits one
                // segment.
                [.., before, last]
                    if segment.is_blank()
                        && before.is_blank()
                        && last.is_blank()
                        && segment.prefix().is_empty()
                        && last.prefix().is_empty()
                        && full_end - last.start <= max_segment =>
                {
                    let at = last.line().start;
                    *last = Segment::new(
                        Span::new(last.start, full_end),
                        Span::new(at, line_end),
                        Span::new(at, at),
                        Span::new(at, at),
                        Span::new(at, at),
                    );
                }
                _ => segments.push(segment),
            }
            start = full_end;
        }
        Document { source, segments }
    }

    /// The text of a span.
    #[inline]
    pub fn text(&self, span: Span) -> &'a str {
        &self.source[span]
    }

    /// Index of the segment holding byte `at`.
    pub fn segment_at(&self, at: usize) -> usize {
        self.segments.partition_point(|s| s.full().end <= at)
    }
}

fn trim_span(source: &str, span: Span, strip: fn(char) -> bool) -> Span {
    let text = &source[span];
    let start = span.start + (text.len() - text.trim_start_matches(strip).len());
    let end = span.start + text.trim_end_matches(strip).len();
    if start >= end {
        Span::new(span.start, span.start)
    } else {
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(&str, &str, &str)> {
        let doc = Document::parse(text, Some(stamp));
        doc.segments.iter().map(|s| (&text[s.full()], &text[s.trim()], &text[s.core()])).collect()
    }

    #[test]
    fn splits_on_every_terminator() {
        assert_eq!(
            lines("a\nb\r\nc\rd"),
            vec![("a\n", "a", "a"), ("b\r\n", "b", "b"), ("c\r", "c", "c"), ("d", "d", "d")]
        );
    }

    #[test]
    fn trailing_newline_makes_no_empty_segment() {
        assert_eq!(Document::parse("a\n", None).segments.len(), 1);
        assert_eq!(Document::parse("", None).segments.len(), 0);
        assert_eq!(Document::parse("\n\n", None).segments.len(), 2);
    }

    #[test]
    fn core_strips_decoration_but_not_words() {
        assert_eq!(lines("\u{feff} » Related: \n")[0].2, "Related");
        assert_eq!(lines("Senior Correspondent, IDG |")[0].2, "Senior Correspondent, IDG");
        assert_eq!(lines("|")[0], ("|", "|", ""));
        assert_eq!(lines("   ")[0], ("   ", "", ""));
        assert_eq!(lines("o Blood / Hematology")[0].2, "Blood / Hematology");
        assert_eq!(lines("o presidente disse")[0].2, "o presidente disse");
    }

    /// Sets apart a leading "date " and the ten bytes after it, as a stamp splitter would.
    fn stamp(line: &str) -> usize {
        let at = line.len() - line.trim_start().len();
        if line[at..].starts_with("date ") && line.len() > at + 16 {
            at + 16
        } else {
            0
        }
    }

    #[test]
    fn a_leading_prefix_is_set_apart() {
        let text = " date 2017-01-09 Share\n";
        let seg = Document::parse(text, Some(stamp)).segments[0];
        assert_eq!(&text[seg.prefix()], " date 2017-01-09 ");
        assert_eq!(&text[seg.core()], "Share");
        let seg = Document::parse(text, None).segments[0];
        assert!(seg.prefix().is_empty());
        assert_eq!(&text[seg.core()], "date 2017-01-09 Share");
    }

    #[test]
    fn a_run_of_blank_lines_is_two_segments() {
        let text = "a\n\n \r\n\t\n\nb\n\n";
        let doc = Document::parse(text, None);
        let full: Vec<&str> = doc.segments.iter().map(|s| &text[s.full()]).collect();
        assert_eq!(full, ["a\n", "\n", " \r\n\t\n\n", "b\n", "\n"]);
        assert!(doc.segments[2].is_blank() && doc.segments[2].prefix().is_empty());
        assert_eq!(&text[doc.segments[2].line()], " \r\n\t\n");
        assert_eq!(Document::parse(&"\n".repeat(100_000), None).segments.len(), 2);
        let rebuilt: String = doc.segments.iter().map(|s| &text[s.full()]).collect();
        assert_eq!(rebuilt, text);
    }

    #[test]
    fn a_line_past_the_segment_limit_is_cut_at_a_character_boundary() {
        let text = "abcdéfgh\n\n\n\n";
        let doc = Document::parse_with(text, None, 5);
        let full: Vec<&str> = doc.segments.iter().map(|s| &text[s.full()]).collect();
        assert_eq!(full, ["abcd", "éfgh\n", "\n", "\n\n"]);
        let doc = Document::parse_with("abcdéf", None, 5);
        assert_eq!(doc.segments.iter().map(|s| doc.text(s.full())).collect::<Vec<_>>(), ["abcd", "éf"]);
        assert!(std::mem::size_of::<Segment>() <= 40);
    }

    #[test]
    fn segment_at_finds_the_line() {
        let doc = Document::parse("ab\ncd\r\nef", None);
        assert_eq!(doc.segment_at(0), 0);
        assert_eq!(doc.segment_at(2), 0);
        assert_eq!(doc.segment_at(3), 1);
        assert_eq!(doc.segment_at(6), 1);
        assert_eq!(doc.segment_at(7), 2);
    }
}
