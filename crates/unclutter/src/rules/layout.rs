//! Layout: orphan widget characters and leftover blank lines.

use crate::rule::declare_rule;
use crate::stages::{Hit, Line};

declare_rule! {
    /// ## What it removes
    /// A line that is only one to three symbols ("|", "•", "»", "×", "***") or a lone "X"
    /// (a close button).
    ///
    /// ## Why
    /// Icons, separators and close buttons leave single characters on their own lines.
    ///
    /// ## Example
    /// ```text
    /// X        <- removed
    /// |        <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A scene break ("* * *" or "***") in a long read goes; it holds no words.
    static ORPHAN_WIDGET = {
        code: "LAY001",
        name: "orphan-widget",
        category: Layout,
        summary: "a line that is only a symbol or a lone \"X\"",
        line: orphan_widget,
    }
}

declare_rule! {
    /// ## What it removes
    /// Blank lines left over: a run of blank lines becomes one, and blank lines before the
    /// first kept line or after the last go. Runs last, after every other rule.
    ///
    /// ## Why
    /// Removing a line between two blank lines leaves two in a row; the output should read
    /// as clean text, and the removal keeps the byte-exact provenance.
    ///
    /// ## Example
    /// ```text
    /// First paragraph.
    ///
    ///                  <- removed
    /// Second paragraph.
    /// ```
    ///
    /// ## Known false positives
    /// Deliberate runs of blank lines (poetry layout) are collapsed to one.
    static BLANK_LINES = {
        code: "LAY002",
        name: "blank-lines",
        category: Layout,
        summary: "blank lines left over: runs become one, none at the start or end",
    }
}

fn orphan_widget(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    if t.len() > 12 {
        return None;
    }
    let symbols = t.chars().filter(|c| !c.is_whitespace()).count();
    let only_symbols = symbols <= 3 && t.chars().all(|c| c.is_whitespace() || !c.is_alphanumeric());
    let close_button = matches!(t, "X" | "x" | "×" | "✕" | "✖");
    (only_symbols || close_button)
        .then_some(Hit { part: None, reason: "a line that is only a symbol or a close button" })
}
