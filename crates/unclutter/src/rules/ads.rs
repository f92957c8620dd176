//! Ads: advertisement labels.

use crate::rule::declare_rule;
use crate::rule::{Action, Phrases};

declare_rule! {
    /// ## What it removes
    /// A line that is only an advertisement label: "Advertisement", "ADVERTISEMENT",
    /// "Story continues below advertisement", "Sponsored content", "Ad".
    ///
    /// ## Why
    /// Ad slots leave their label in the text after the ad itself is gone.
    ///
    /// ## Example
    /// ```text
    /// Advertisement                              <- removed
    /// Advertisement spending rose 4% this year.
    /// ```
    ///
    /// ## Known false positives
    /// None known: the whole line must be the label.
    pub(crate) struct Advertisement {
        code: "ADV001",
        name: "advertisement",
        category: Ads,
        summary: "a line that is only an advertisement label such as \"Advertisement\"",
        phase: Phrase,
        phrases: Phrases { max_words: 6, action: Action::Remove },
    }
}
