//! Share: share widgets, share buttons, follow prompts.

use std::sync::LazyLock;

use regex::Regex;

use crate::context::Context;
use crate::rule::{declare_rule, Action, Hit, Line, Phrases};

declare_rule! {
    /// ## What it removes
    /// A share widget label: a line that is "Share", "Share this article", "Share on Facebook",
    /// "Tweet this", or a short line opening with "Share this with ...".
    ///
    /// ## Why
    /// Share bars survive text extraction as short imperative labels.
    ///
    /// ## Example
    /// ```text
    /// Share                                  <- removed
    /// Share this with family and friends     <- removed
    /// Share prices fell 3% on the news.
    /// ```
    ///
    /// ## Known false positives
    /// A short article line opening with "Share this with", such as a quoted instruction.
    pub(crate) struct ShareWidget {
        code: "SOC001",
        name: "share-widget",
        category: Share,
        summary: "a share widget label such as \"Share\" or \"Share this article\"",
        phase: Phrase,
        phrases: Phrases { max_words: 8, action: Action::Remove },
    }
}

declare_rule! {
    /// ## What it removes
    /// Two or more neighbouring lines that are each only a network or button name:
    /// "Facebook", "Twitter", "LinkedIn", "Email", "WhatsApp", "Print", "Copy link".
    ///
    /// ## Why
    /// Share bars list their buttons one per line. A lone "Email" may be a subheading; a run of
    /// them is a widget.
    ///
    /// ## Example
    /// ```text
    /// Facebook        <- removed
    /// Twitter         <- removed
    /// Email           <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A list in the article made only of network names, one per line.
    pub(crate) struct ShareButtons {
        code: "SOC002",
        name: "share-buttons",
        category: Share,
        summary: "a run of lines that are only network names such as \"Facebook\", \"Twitter\", \"Email\"",
        phase: Runs,
        phrases: Phrases { max_words: 3, action: Action::Candidate },
        context: button_runs,
    }
}

declare_rule! {
    /// ## What it removes
    /// A short line opening with a follow prompt: "Follow us on Twitter", "Like us on Facebook",
    /// "Follow @examplenews", "Join us on Telegram".
    ///
    /// ## Why
    /// Follow prompts are site promotion placed in or after the article.
    ///
    /// ## Example
    /// ```text
    /// Follow us on Twitter for the latest updates     <- removed
    /// Fans followed us on the road all summer.
    /// ```
    ///
    /// ## Known false positives
    /// A short article line that opens with "Follow us on", such as a quoted chant.
    pub(crate) struct FollowPrompt {
        code: "SOC003",
        name: "follow-prompt",
        category: Share,
        summary: "a follow prompt such as \"Follow us on Twitter\"",
        phase: Line,
        phrases: Phrases { max_words: 12, action: Action::Remove },
        patterns: [FOLLOW_ON],
        line: follow_on_network,
    }
}

/// Decides the lines the rule's phrases matched: a candidate goes when the nearest kept
/// non-blank line before or after it is a candidate too. Lines removed by other rules are
/// looked through, so cleaning the output again decides the same.
fn button_runs(cx: &mut Context<'_, '_>) {
    let candidates: Vec<usize> = cx.phrase_marks().collect();
    if candidates.is_empty() {
        return;
    }
    let visible = |j: usize| {
        cx.step(1);
        !cx.is_blank(j) && cx.removed_by(j).is_none()
    };
    let is_candidate = |j: usize| candidates.binary_search(&j).is_ok();
    let prev = |i: usize| (0..i).rev().find(|&j| visible(j));
    let next = |i: usize| (i + 1..cx.len()).find(|&j| visible(j));
    let runs: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| visible(i))
        .filter(|&i| prev(i).is_some_and(is_candidate) || next(i).is_some_and(is_candidate))
        .collect();
    for i in runs {
        cx.remove(i, "part of a run of share or social buttons");
    }
}

/// "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner": a follow prompt that names a
/// network.
pub(crate) static FOLLOW_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Follow|Like|Join|Subscribe to)\s+(?:\S+\s+){0,6}?on\s+(?:Twitter|Facebook|Instagram|X|LinkedIn|TikTok|YouTube|Telegram|WhatsApp|Threads|Bluesky)\b")
        .expect("compiles")
});

fn follow_on_network(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    let opens = ["Follow ", "Like ", "Join ", "Subscribe "].iter().any(|o| t.starts_with(o));
    // A sentence that happens to open so ("Follow the money on Facebook ads.") is the article's.
    (opens && !unclutter_text::words::ends_like_sentence(t) && line.words_at_most(25) && FOLLOW_ON.is_match(t))
        .then_some(Hit { part: None, reason: "a prompt to follow the site on a social network" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_prompts_name_a_network() {
        assert!(FOLLOW_ON.is_match("Follow The Example Herald on Twitter and Instagram @ExampleHerald"));
        assert!(!FOLLOW_ON.is_match("Following the vote on Twitter, the mayor resigned"));
    }
}
