//! Layout: orphan widget characters and leftover blank lines.

use unclutter_text::Span;

use crate::context::Context;
use crate::rule::{declare_rule, Hit, Line};

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
    pub(crate) struct OrphanWidget {
        code: "LAY001",
        name: "orphan-widget",
        category: Layout,
        summary: "a line that is only a symbol or a lone \"X\"",
        phase: Line,
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
    pub(crate) struct BlankLines {
        code: "LAY002",
        name: "blank-lines",
        category: Layout,
        summary: "blank lines left over: runs become one, none at the start or end",
        phase: Finish,
        finish: blank_lines,
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

/// Keeps at most one blank line between two kept lines and none before the first or after the
/// last. Idempotent: its output has nothing left for it to remove.
fn blank_lines(cx: &mut Context<'_, '_>) {
    let mut pending: Vec<usize> = Vec::new();
    let mut seen_content = false;
    cx.step(cx.len());
    for i in 0..cx.len() {
        if cx.removed_by(i).is_some() {
            continue;
        }
        if cx.is_blank(i) {
            pending.push(i);
            continue;
        }
        let keep_one = usize::from(seen_content);
        if let Some(&kept) = pending.first().filter(|_| seen_content) {
            // A run of blank lines can be one segment (`unclutter_text::Document`): keep its
            // first line only.
            let full = cx.doc().segments[kept].full();
            let text = &cx.doc().source[full];
            let first_end = text.find(['\n', '\r']).map(|at| at + if text[at..].starts_with("\r\n") { 2 } else { 1 });
            if let Some(end) = first_end.filter(|&end| end < text.len()) {
                cx.remove_part(Span::new(full.start + end, full.end), "more than one blank line in a row");
            }
        }
        for &j in pending.iter().skip(keep_one) {
            let reason = if seen_content {
                "more than one blank line in a row"
            } else {
                "blank line before the first kept line"
            };
            cx.remove(j, reason);
        }
        pending.clear();
        seen_content = true;
    }
    for j in pending {
        cx.remove(j, "blank line after the last kept line");
    }
}
