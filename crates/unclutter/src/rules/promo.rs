//! Promo: notification, newsletter and shopping prompts.

use std::sync::LazyLock;

use regex::Regex;

use crate::rule::declare_rule;
use crate::rule::{Action, Phrases};
use crate::rule::{Hit, Line};

declare_rule! {
    /// ## What it removes
    /// A notification or app prompt: "Want CNET to notify you of price drops and the latest
    /// stories?", "Enable notifications", "Download our app".
    ///
    /// ## Why
    /// Sites ask to send alerts; the question is not part of the article.
    ///
    /// ## Example
    /// ```text
    /// Want Example to notify you of price drops and the latest stories?   <- removed
    /// The law requires landlords to notify you of rent increases.
    /// ```
    ///
    /// ## Known false positives
    /// A quoted question in the article of the form "Want us to notify you ...?" on its own line.
    pub(crate) struct NotifyPrompt {
        code: "PRM001",
        name: "notify-prompt",
        category: Promo,
        summary: "a notification prompt such as \"Want CNET to notify you of price drops?\"",
        phase: Line,
        phrases: Phrases { max_words: 6, action: Action::Remove },
        patterns: [NOTIFY],
        line: notify_prompt,
    }
}

declare_rule! {
    /// ## What it removes
    /// A newsletter prompt: a short line opening with "Sign up for our newsletter",
    /// "Subscribe to our ...", "Get our newsletter", or a line such as "Get the best of Example
    /// in your inbox".
    ///
    /// ## Why
    /// Newsletter boxes interrupt the article or follow it.
    ///
    /// ## Example
    /// ```text
    /// Sign up for our newsletter to get the week's top stories.    <- removed
    /// Few readers subscribe to the idea that news should be free.
    /// ```
    ///
    /// ## Known false positives
    /// A short article line that opens with "Subscribe to our" outside quotes.
    pub(crate) struct NewsletterPrompt {
        code: "PRM002",
        name: "newsletter-prompt",
        category: Promo,
        summary: "a newsletter prompt such as \"Sign up for our newsletter\"",
        phase: Line,
        phrases: Phrases { max_words: 18, action: Action::Remove },
        patterns: [INBOX],
        ends_article: true,
        line: inbox_prompt,
    }
}

declare_rule! {
    /// ## What it removes
    /// A shopping or deals promotion: "Shop Tech Products at Amazon", "ITWorld DealPost: The best
    /// in tech deals and discounts.", "See price at Example Store", "Buy now".
    ///
    /// ## Why
    /// Affiliate and deal boxes advertise products beside the article.
    ///
    /// ## Example
    /// ```text
    /// Shop Tech Products at Amazon      <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A short article line of the form "Shop ... at Amazon".
    pub(crate) struct ShoppingPromo {
        code: "PRM003",
        name: "shopping-promo",
        category: Promo,
        summary: "a shopping promotion such as \"Shop Tech Products at Amazon\"",
        phase: Line,
        phrases: Phrases { max_words: 14, action: Action::Remove },
        patterns: [SHOP],
        line: shopping,
    }
}

pub(crate) static NOTIFY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Want|Would you like)\s+(?:us|[\p{Lu}\d][\w&.'’-]*(?:\s+[\p{Lu}\d][\w&.'’-]*){0,3})\s+to\s+(?:notify|alert|email|message|remind)\s+you\b[^.!]{0,160}\?$")
        .expect("compiles")
});

fn notify_prompt(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    (t.len() <= 240 && (t.starts_with("Want") || t.starts_with("Would")) && NOTIFY.is_match(t))
        .then_some(Hit { part: None, reason: "a prompt asking to send notifications" })
}

pub(crate) static INBOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^get\s+.{1,80}\s+(?:in|into|to|delivered to)\s+your\s+inbox\b.{0,60}$").expect("compiles")
});

fn inbox_prompt(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    let opens = t.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("get "));
    (opens && !t.ends_with('?') && line.words_at_most(18) && INBOX.is_match(t))
        .then_some(Hit { part: None, reason: "a prompt to get stories by email" })
}

pub(crate) static SHOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:shop\s+.{1,50}\s+at\s+(?:amazon|walmart|target|best buy|ebay)|(?:see|check|view)\s+(?:the\s+)?(?:price|deal|offer)s?\s+(?:at|on)\s+\S.{0,30})$")
        .expect("compiles")
});

fn shopping(line: &Line<'_>) -> Option<Hit> {
    let c = line.core;
    let opens = c.get(..3).is_some_and(|h| ["sho", "see", "che", "vie"].iter().any(|o| h.eq_ignore_ascii_case(o)));
    let sentence = unclutter_text::words::ends_like_sentence(line.trim);
    (opens && !sentence && line.trim.len() <= 100 && SHOP.is_match(c))
        .then_some(Hit { part: None, reason: "a shopping promotion" })
}
