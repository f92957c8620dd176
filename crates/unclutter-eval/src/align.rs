//! Line labels from the gold text: which lines of an input are the article's.
//!
//! The input's tokens (lowercase Unicode `\w+`, as the measures count them) are aligned with the
//! gold's by a longest-common-subsequence diff (`similar`'s Myers diff, bounded in time), and a
//! line is the article's when at least half of its tokens align. Keeping exactly those lines
//! scores close to 1 against the gold; a bag-of-tokens rule (a line is the article's when its
//! tokens occur in the gold) does not, because menus and teasers repeat the article's words.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};
use unclutter_text::Document;

use crate::measure::tokens;

/// Longest time one page's alignment may take; past it the diff settles for a coarser match.
const DEADLINE: Duration = Duration::from_secs(2);

/// What the alignment says of one line of the input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineAlignment {
    /// The line's tokens.
    pub tokens: u32,
    /// Of those, tokens the alignment matched with the gold.
    pub aligned: u32,
}

impl LineAlignment {
    /// The line's label: `Some(true)` when at least half of its tokens align with the gold,
    /// `Some(false)` when fewer do, `None` for a line without tokens (blank, symbols).
    pub fn is_content(self) -> Option<bool> {
        (self.tokens > 0).then_some(2 * self.aligned >= self.tokens)
    }
}

/// Aligns the lines of `input` (segmented as the cleaner segments it) with `gold`.
///
/// ```
/// use unclutter_eval::align_lines;
/// let input = "Home\nNews\nThe council voted on Tuesday.\nShare this\n";
/// let gold = "The council voted on Tuesday.";
/// let labels: Vec<_> = align_lines(input, gold).iter().map(|l| l.is_content()).collect();
/// assert_eq!(labels, [Some(false), Some(false), Some(true), Some(false)]);
/// ```
pub fn align_lines(input: &str, gold: &str) -> Vec<LineAlignment> {
    let doc = Document::parse(input, None);
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |token: &str| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(token.to_owned()).or_insert(next)
    };
    let mut input_tokens = Vec::new();
    let mut line_of = Vec::new();
    let mut lines = vec![LineAlignment::default(); doc.segments.len()];
    for (i, seg) in doc.segments.iter().enumerate() {
        for token in tokens(&input[seg.line()]) {
            input_tokens.push(intern(&token));
            line_of.push(i);
            lines[i].tokens += 1;
        }
    }
    let gold_tokens: Vec<u32> = tokens(gold).iter().map(|t| intern(t)).collect();
    let deadline = Instant::now() + DEADLINE;
    for op in capture_diff_slices_deadline(Algorithm::Myers, &input_tokens, &gold_tokens, Some(deadline)) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            for &line in &line_of[old_index..old_index + len] {
                lines[line].aligned += 1;
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_menu_repeating_the_articles_words_does_not_align() {
        // The menu's words all occur in the gold, but out of order and before it.
        let input = "Council\nBridge\nRiver\nThe council approved the bridge over the river.\n";
        let gold = "The council approved the bridge over the river.";
        let labels: Vec<_> = align_lines(input, gold).iter().map(|l| l.is_content()).collect();
        assert_eq!(labels, [Some(false), Some(false), Some(false), Some(true)]);
    }

    #[test]
    fn half_aligned_lines_count_and_blank_lines_have_no_label() {
        let input = "The mayor said yes today\n\n***\n";
        let gold = "The mayor said no";
        let lines = align_lines(input, gold);
        assert_eq!(lines[0], LineAlignment { tokens: 5, aligned: 3 });
        assert_eq!(lines[0].is_content(), Some(true));
        assert_eq!(lines[1].is_content(), None);
        assert_eq!(lines[2].is_content(), None);
    }

    #[test]
    fn tokens_are_lowercased_as_the_measures_count_them() {
        let lines = align_lines("ÉTÉ À PARIS\n", "été à paris");
        assert_eq!(lines[0], LineAlignment { tokens: 3, aligned: 3 });
    }
}
