//! Byte ranges into the original input.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open byte range `start..end` into the text unclutter was given.
///
/// Spans always index the *original* input: no stage ever sees rewritten text, so a span taken
/// anywhere in the pipeline can be applied to the input as it was handed in.
///
/// ```
/// use unclutter_text::Span;
/// let text = "Skip to main content\nBody";
/// let span = Span::new_in(text, 0..20).unwrap();
/// assert_eq!(&text[span], "Skip to main content");
/// assert_eq!(format!("{span:?}"), "0..20");
/// // A range that splits a character is refused.
/// assert!(Span::new_in("é", 0..1).is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span without checking it against any text (`start <= end` is checked in debug builds).
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Makes a span over `text` if `range` is in bounds, not reversed and on char boundaries.
    pub fn new_in(text: &str, range: Range<usize>) -> Option<Span> {
        let ok = range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        ok.then_some(Span { start: range.start, end: range.end })
    }

    /// Number of bytes covered.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`.
    #[inline]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies wholly inside `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

/// `{"start": …, "end": …}`, with the `serde` feature.
#[cfg(feature = "serde")]
impl serde::Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut span = serializer.serialize_struct("Span", 2)?;
        span.serialize_field("start", &self.start)?;
        span.serialize_field("end", &self.end)?;
        span.end()
    }
}
