//! The result of cleaning: the input, what was removed, and what was kept.

use crate::removal::Removal;
use crate::span::Span;

/// What a [`Cleaner`](crate::Cleaner) made of one input.
///
/// The removals are sorted, disjoint, non-empty and on char boundaries, and the kept text is
/// exactly the input with the removed spans deleted, byte for byte.
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let input = "2 min read\nThe bridge reopened on Friday.\n";
/// let cleaned = cleaner.clean(input);
/// assert_eq!(cleaned.text(), "The bridge reopened on Friday.\n");
/// // Kept spans and removals tile the input.
/// let mut rebuilt = String::new();
/// for span in cleaned.kept_spans() {
///     rebuilt.push_str(&input[span]);
/// }
/// assert_eq!(rebuilt, cleaned.text());
/// ```
#[derive(Clone, Debug)]
pub struct Cleaned<'a> {
    input: &'a str,
    removals: Vec<Removal>,
    work: Work,
}

/// Counters of the work one `clean` call did: for profiling, and for checking that the work grows
/// linearly with the input (the test suite cleans an input and the same input repeated eight times).
///
/// ```
/// let cleaner = unclutter::Cleaner::new();
/// let one = cleaner.clean("Share\nThe council met on Monday.\n").work();
/// let eight = cleaner.clean(&"Share\nThe council met on Monday.\n".repeat(8)).work();
/// assert_eq!(eight.lines, 8 * one.lines);
/// assert!(eight.steps <= 8 * one.steps + 64);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Lines (segments) of the input.
    pub lines: u64,
    /// Loop steps across the stages: phrase matches, line-rule calls, neighbour searches,
    /// structural passes.
    pub steps: u64,
}

impl<'a> Cleaned<'a> {
    pub(crate) fn new(input: &'a str, removals: Vec<Removal>, work: Work) -> Cleaned<'a> {
        Cleaned { input, removals, work }
    }

    /// The work this call did.
    pub fn work(&self) -> Work {
        self.work
    }

    /// The text that was cleaned.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// What was removed, sorted by position.
    pub fn removals(&self) -> &[Removal] {
        &self.removals
    }

    /// True when nothing was removed.
    pub fn is_unchanged(&self) -> bool {
        self.removals.is_empty()
    }

    /// The spans of the input that were kept, in order, none empty.
    pub fn kept_spans(&self) -> impl Iterator<Item = Span> + '_ {
        let mut at = 0;
        let mut removals = self.removals.iter();
        let len = self.input.len();
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

    /// The kept text: the input with every removal deleted.
    pub fn text(&self) -> String {
        let removed: usize = self.removals.iter().map(|r| r.span.len()).sum();
        let mut out = String::with_capacity(self.input.len() - removed);
        for span in self.kept_spans() {
            out.push_str(&self.input[span]);
        }
        out
    }
}
