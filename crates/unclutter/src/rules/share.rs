//! Share: share widgets, share buttons, follow prompts.

use crate::registry::{Action, Phrases};
use std::sync::LazyLock;

use regex::Regex;

use crate::rule::declare_rule;
use crate::stages::{Hit, Line};

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
    static SHARE_WIDGET = {
        code: "SOC001",
        name: "share-widget",
        category: Share,
        summary: "a share widget label such as \"Share\" or \"Share this article\"",
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
    static SHARE_BUTTONS = {
        code: "SOC002",
        name: "share-buttons",
        category: Share,
        summary: "a run of lines that are only network names such as \"Facebook\", \"Twitter\", \"Email\"",
        phrases: Phrases { max_words: 3, action: Action::Run },
        context: crate::stages::phrases::resolve_runs,
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
    static FOLLOW_PROMPT = {
        code: "SOC003",
        name: "follow-prompt",
        category: Share,
        summary: "a follow prompt such as \"Follow us on Twitter\"",
        phrases: Phrases { max_words: 12, action: Action::Remove },
        line: follow_on_network,
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
    (opens && !crate::rules::ends_like_sentence(t) && line.words_at_most(25) && FOLLOW_ON.is_match(t))
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
