//! One removed piece of the input and why it went.

use std::borrow::Cow;
use std::sync::Arc;

use crate::meta::{Category, RuleId};
use unclutter_text::Span;

/// A piece of the input that a rule removed.
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let input = "Skip to main content\nThe council met on Monday.\n";
/// let cleaned = cleaner.clean(input);
/// let removal = &cleaned.removals()[0];
/// assert_eq!(removal.rule().code(), "NAV001");
/// assert_eq!(removal.category().as_str(), "navigation");
/// assert_eq!(&input[removal.span()], "Skip to main content\n");
/// assert!(!removal.reason().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub(crate) span: Span,
    pub(crate) rule: RuleId,
    pub(crate) reason: Reason,
}

/// A removal's reason: a static text, one text shared by every line of a decision (a page
/// zone), or a content scorer's decision kept as its numbers and written out when read, so that
/// removing a million lines does not allocate a million sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    Static(&'static str),
    Shared(Arc<str>),
    Scored(Box<Scored>),
}

/// A scored removal's reason: the proposing rule's reason (none: no rule proposed the line, and
/// it went for its low score alone), the article region's share of the page's words when it was
/// too small to place the header and footer, the score, the threshold it fell below, and the
/// evidence that weighed most.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Scored {
    pub proposal: Option<Reason>,
    pub weak_region: Option<f32>,
    pub score: f32,
    pub threshold: f32,
    pub evidence: Evidence,
}

// Scores and shares are never NaN.
impl Eq for Scored {}

impl std::fmt::Display for Scored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.proposal {
            Some(reason) => f.write_str(&reason.text())?,
            None => f.write_str("no rule proposed it")?,
        }
        if let Some(share) = self.weak_region {
            write!(
                f,
                "; the article region holds {:.0}% of the page's words, too little to tell its header and footer",
                share * 100.0
            )?;
        }
        write!(f, "; content score {:.2} (below {:.2}): {}", self.score, self.threshold, self.evidence)
    }
}

/// The evidence that weighed most, kept as numbers and written out when a reason is read: "4
/// words, no stop words, 5 menu items within 3 lines, no prose line within 3 lines".
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Evidence {
    pub words: u32,
    pub stop_share: f32,
    /// Prose lines, menu items and removed lines within 3 lines.
    pub window: [u16; 3],
    pub comment_cue: bool,
    /// In HTML: the share of link text, and the lines and share of the page's words of the
    /// line's element shape.
    pub markup: Option<(f32, u32, f32)>,
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.words {
            1 => f.write_str("1 word")?,
            w => write!(f, "{w} words")?,
        }
        if self.words > 0 {
            match self.stop_share {
                0.0 => f.write_str(", no stop words")?,
                stop => write!(f, ", {:.0}% stop words", stop * 100.0)?,
            }
        }
        let [prose, menu, removed] = self.window;
        let s = |n: u16| if n == 1 { "" } else { "s" };
        if menu > 0 {
            write!(f, ", {menu} menu item{} within 3 lines", s(menu))?;
        }
        if removed > 0 {
            write!(f, ", {removed} removed line{} within 3 lines", s(removed))?;
        }
        match prose {
            0 => f.write_str(", no prose line within 3 lines")?,
            p => write!(f, ", {p} prose line{} within 3 lines", s(p))?,
        }
        if self.comment_cue {
            f.write_str(", reads as a comment's metadata")?;
        }
        if let Some((links, lines, words)) = self.markup {
            if links > 0.0 {
                write!(f, ", {:.0}% link text", links * 100.0)?;
            }
            let plural = if lines == 1 { "" } else { "s" };
            write!(f, ", its element shape has {lines} line{plural}, {:.0}% of the page's words", words * 100.0)?;
        }
        Ok(())
    }
}

impl Reason {
    /// The reason in words (a scored one is written out here).
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Reason::Static(s) => Cow::Borrowed(s),
            Reason::Shared(s) => Cow::Borrowed(s),
            Reason::Scored(scored) => Cow::Owned(scored.to_string()),
        }
    }
}

impl From<Scored> for Reason {
    fn from(s: Scored) -> Reason {
        Reason::Scored(Box::new(s))
    }
}

impl From<&'static str> for Reason {
    fn from(s: &'static str) -> Reason {
        Reason::Static(s)
    }
}

impl From<String> for Reason {
    fn from(s: String) -> Reason {
        Reason::Shared(s.into())
    }
}

impl From<Arc<str>> for Reason {
    fn from(s: Arc<str>) -> Reason {
        Reason::Shared(s)
    }
}

impl Removal {
    pub(crate) fn new(span: Span, rule: RuleId, reason: impl Into<Reason>) -> Removal {
        Removal { span, rule, reason: reason.into() }
    }

    /// The removed bytes of the input.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The rule that removed them.
    pub fn rule(&self) -> RuleId {
        self.rule
    }

    /// The rule's category.
    pub fn category(&self) -> Category {
        self.rule.category()
    }

    /// A short reason, naming the evidence that decided the removal. A content scorer's
    /// decision is kept as its numbers and written out here, so the text may be owned.
    pub fn reason(&self) -> Cow<'_, str> {
        self.reason.text()
    }
}

/// Turns the removals stages emitted into the canonical list: valid, sorted, disjoint, non-empty.
///
/// Overlap policy: a removal wholly inside an earlier-starting (or equal but longer) one is
/// dropped; one that overlaps it partly is clipped to the bytes not yet removed. Removals that are
/// out of bounds or split a character are a bug in a stage: they panic in debug builds and are
/// dropped in release builds.
pub(crate) fn normalize(text: &str, mut removals: Vec<Removal>) -> Vec<Removal> {
    removals.retain(|r| {
        let valid = Span::new_in(text, r.span.range()).is_some();
        debug_assert!(valid, "stage emitted invalid span {:?} for {}", r.span, r.rule.code());
        valid && !r.span.is_empty()
    });
    removals.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut out: Vec<Removal> = Vec::with_capacity(removals.len());
    for mut r in removals {
        if let Some(last) = out.last() {
            if r.span.end <= last.span.end {
                continue;
            }
            if r.span.start < last.span.end {
                r.span.start = last.span.end;
            }
        }
        out.push(r);
    }
    out
}

/// The spans of a text of `len` bytes that sorted, disjoint `removals` leave, in order, none
/// empty.
pub(crate) fn kept_spans(len: usize, removals: &[Removal]) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    let mut removals = removals.iter();
    std::iter::from_fn(move || loop {
        match removals.next() {
            Some(r) => {
                let kept = Span::new(at, r.span.start);
                at = r.span.end;
                if !kept.is_empty() {
                    return Some(kept);
                }
            }
            None => {
                let kept = Span::new(at, len);
                at = len;
                return (!kept.is_empty()).then_some(kept);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rm(start: usize, end: usize) -> Removal {
        Removal::new(Span::new(start, end), RuleId::from_code("NAV001").unwrap(), "test")
    }

    fn spans(v: &[Removal]) -> Vec<Span> {
        v.iter().map(|r| r.span).collect()
    }

    #[test]
    fn evidence_reads_as_words() {
        let one =
            Evidence { words: 1, stop_share: 0.0, window: [0, 4, 0], comment_cue: false, markup: Some((0.5, 1, 0.02)) };
        assert_eq!(
            one.to_string(),
            "1 word, no stop words, 4 menu items within 3 lines, no prose line within 3 lines, 50% link text, \
             its element shape has 1 line, 2% of the page's words"
        );
        let many = Evidence { words: 12, stop_share: 0.5, window: [2, 0, 1], comment_cue: true, markup: None };
        assert_eq!(
            many.to_string(),
            "12 words, 50% stop words, 1 removed line within 3 lines, 2 prose lines within 3 lines, \
             reads as a comment's metadata"
        );
    }

    #[test]
    fn sorts_drops_contained_and_clips_overlaps() {
        let text = "0123456789abcdef";
        let out = normalize(text, vec![rm(8, 12), rm(0, 4), rm(1, 3), rm(3, 6), rm(10, 10)]);
        assert_eq!(spans(&out), vec![Span::new(0, 4), Span::new(4, 6), Span::new(8, 12)]);
    }

    #[test]
    fn equal_start_keeps_the_longer() {
        let out = normalize("0123456789", vec![rm(2, 4), rm(2, 8)]);
        assert_eq!(spans(&out), vec![Span::new(2, 8)]);
    }
}
