//! Segmentation: the input split into lines, each with its byte ranges.
//!
//! A segment is one line. Line terminators are `\n`, `\r\n` and a lone `\r`. Every segment keeps
//! four nested spans into the original text, from the whole line with its terminator down to its
//! "core" (the text without white space and without decoration such as bullets, pipes, a trailing
//! colon), which is what phrase rules compare against.

use crate::span::Span;

/// One line of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    /// The line with its terminator.
    pub full: Span,
    /// The line without its terminator.
    pub line: Span,
    /// `line` without leading and trailing white space (including BOM and zero-width characters).
    pub trim: Span,
    /// `trim` without leading and trailing decoration (bullets, pipes, colons, dots, arrows).
    pub core: Span,
    /// A leading date stamp ("date 2017-01-09 ") when stamps are stripped; `trim` and `core`
    /// start after it, so rules judge the line as it reads once the stamp is gone.
    pub stamp: Span,
}

impl Segment {
    /// True when the line holds nothing but white space.
    #[inline]
    pub fn is_blank(&self) -> bool {
        self.trim.is_empty()
    }
}

/// The input and its segments.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    pub source: &'a str,
    pub segments: Vec<Segment>,
}

impl<'a> Document<'a> {
    /// Splits `source` into lines. Linear in the input, one allocation for the segment list.
    /// With `strip_stamps`, a leading date stamp is set apart from each line's text (TIM003).
    pub fn parse(source: &'a str, strip_stamps: bool) -> Document<'a> {
        let bytes = source.as_bytes();
        let mut segments = Vec::with_capacity(bytes.len() / 48 + 1);
        let mut start = 0;
        while start < bytes.len() {
            let (line_end, full_end) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
                None => (bytes.len(), bytes.len()),
                Some(i) => {
                    let at = start + i;
                    let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
                    (at, at + if crlf { 2 } else { 1 })
                }
            };
            let line = Span::new(start, line_end);
            let stamp_len = if strip_stamps { crate::rules::timestamp::leading_stamp(&source[line]) } else { 0 };
            let stamp = Span::new(start, start + stamp_len);
            let trim = trim_span(source, Span::new(stamp.end, line_end), is_space);
            let mut core = trim_span(source, trim, is_decoration);
            // Text dumps mark second-level list items "o Item": a bullet, when a capital follows.
            let text = &source[core];
            if text.starts_with("o ") && text[2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                core = trim_span(source, Span::new(core.start + 2, core.end), is_decoration);
            }
            segments.push(Segment { full: Span::new(start, full_end), line, trim, core, stamp });
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
        self.segments.partition_point(|s| s.full.end <= at)
    }
}

/// White space for trimming: Unicode white space plus BOM and zero-width characters.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Characters that decorate a widget label without changing it: "» Related:", "• Share |".
pub(crate) fn is_decoration(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            ':' | '|'
                | '»'
                | '«'
                | '›'
                | '‹'
                | '>'
                | '<'
                | '•'
                | '·'
                | '▸'
                | '▶'
                | '►'
                | '→'
                | '-'
                | '–'
                | '—'
                | '*'
                | '#'
                | '/'
                | '\\'
                | '.'
                | '…'
                | '!'
                | '_'
                | '~'
                | '='
                | '+'
        )
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

/// Words in one white-space separated token: 1, or for text without spaces (Chinese, Japanese)
/// one word per two CJK characters, so that length limits mean the same in every script.
fn token_words(token: &str) -> usize {
    if token.len() < 6 || token.is_ascii() {
        return 1;
    }
    let cjk = token.chars().filter(|&c| is_cjk(c)).count();
    (cjk / 2).max(1)
}

/// Han, kana and hangul: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// Number of words in `text` (CJK characters count one word per two).
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().map(token_words).sum()
}

/// True when `text` has at most `max` words; stops counting past `max`.
pub(crate) fn words_at_most(text: &str, max: usize) -> bool {
    let mut n = 0;
    for token in text.split_whitespace() {
        n += token_words(token);
        if n > max {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(&str, &str, &str)> {
        let doc = Document::parse(text, true);
        doc.segments.iter().map(|s| (&text[s.full], &text[s.trim], &text[s.core])).collect()
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
        assert_eq!(Document::parse("a\n", true).segments.len(), 1);
        assert_eq!(Document::parse("", true).segments.len(), 0);
        assert_eq!(Document::parse("\n\n", true).segments.len(), 2);
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

    #[test]
    fn a_leading_stamp_is_set_apart() {
        let text = " date 2017-01-09 Share\n";
        let seg = Document::parse(text, true).segments[0];
        assert_eq!(&text[seg.stamp], " date 2017-01-09 ");
        assert_eq!(&text[seg.core], "Share");
        let seg = Document::parse(text, false).segments[0];
        assert!(seg.stamp.is_empty());
        assert_eq!(&text[seg.core], "date 2017-01-09 Share");
    }

    #[test]
    fn segment_at_finds_the_line() {
        let doc = Document::parse("ab\ncd\r\nef", true);
        assert_eq!(doc.segment_at(0), 0);
        assert_eq!(doc.segment_at(2), 0);
        assert_eq!(doc.segment_at(3), 1);
        assert_eq!(doc.segment_at(6), 1);
        assert_eq!(doc.segment_at(7), 2);
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count(" two  words "), 2);
        assert!(words_at_most("a b c", 3));
        assert!(!words_at_most("a b c d", 3));
        // Text without spaces counts one word per two CJK characters.
        assert_eq!(word_count("分享到微博"), 2);
        assert!(!words_at_most("今天上午，市政府宣布将在明年春天开放新的跨河大桥。", 6));
        assert_eq!(word_count("Zoë Müller-Lenz"), 2);
    }
}
