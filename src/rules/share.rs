//! Share: share widgets, share buttons, follow prompts.

use crate::registry::{Action, Phrases};
use crate::rule::declare_rule;

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
    }
}
