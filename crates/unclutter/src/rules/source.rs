//! Source: source and attribution footers.

use std::sync::LazyLock;

use regex::Regex;

use crate::rule::declare_rule;
use crate::rule::{Hit, Line};
use crate::vocabulary;

declare_rule! {
    /// ## What it removes
    /// A short source footer: "Source: AAP", "Sources: CNBC, SFGATE, Reuters / Photo Credit:
    /// Gage Skidmore/Flickr", "(Source: Example Wire)".
    ///
    /// ## Why
    /// Aggregators append the sources they rewrote; the list is not part of the story.
    ///
    /// ## Example
    /// ```text
    /// Source: AAP        <- removed
    /// A source familiar with the matter said talks had stalled.
    /// ```
    ///
    /// ## Known false positives
    /// A short article line opening with "Source:", such as a chart note.
    pub(crate) struct SourceLine {
        code: "SRC001",
        name: "source-line",
        category: Source,
        summary: "a source footer such as \"Source: AAP\"",
        phase: Line,
        patterns: [SOURCE],
        line: source_line,
    }
}

/// "Source:", "Quelle:": a label of word set `source-labels` and a colon.
pub(crate) static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    let labels = vocabulary::SOURCE_LABELS.pattern();
    Regex::new(&format!(r"^\(?(?i:{labels})\s*[:：]\s*\S")).expect("compiles")
});

/// A short line opening with "Source:" or "Sources:" that does not read as a long sentence.
pub(crate) fn is_source_line(line: &Line<'_>) -> bool {
    if line.trim.len() > 240 || !line.words_at_most(16) {
        return false;
    }
    if !line.trim.contains([':', '：']) {
        return false;
    }
    let sentence = unclutter_text::words::ends_like_sentence(line.trim) && !line.words_at_most(8);
    !sentence && SOURCE.is_match(line.trim)
}

fn source_line(line: &Line<'_>) -> Option<Hit> {
    is_source_line(line).then_some(Hit { part: None, reason: "a source footer" })
}
