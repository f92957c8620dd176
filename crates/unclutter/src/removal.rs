//! One removed piece of the input and why it went.

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

/// A removal's reason: a static text, or one text shared by every line of a decision (a page
/// zone), so that removing a million lines does not allocate a million strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    Static(&'static str),
    Shared(Arc<str>),
}

impl Reason {
    pub fn as_str(&self) -> &str {
        match self {
            Reason::Static(s) => s,
            Reason::Shared(s) => s,
        }
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

    /// A short reason, naming the evidence that decided the removal.
    pub fn reason(&self) -> &str {
        self.reason.as_str()
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
