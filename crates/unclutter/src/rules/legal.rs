//! Legal: cookie notices and copyright lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::rule::declare_rule;
use crate::rule::{Action, Phrases};
use crate::rule::{Hit, Line};

declare_rule! {
    /// ## What it removes
    /// A cookie notice: a line opening with "We use cookies", "This website uses cookies", "By
    /// continuing to browse", or a line that is only a consent button such as "Accept all
    /// cookies" or "Cookie settings".
    ///
    /// ## Why
    /// Consent banners are the same on every page of a site and say nothing of the article.
    ///
    /// ## Example
    /// ```text
    /// We use cookies to improve your experience. By continuing you agree.   <- removed
    /// Accept all cookies                                                     <- removed
    /// The ruling on cookie banners takes effect in May.
    /// ```
    ///
    /// ## Known false positives
    /// An article paragraph that itself opens with "We use cookies" (not in quotes).
    pub(crate) struct CookieNotice {
        code: "LEG001",
        name: "cookie-notice",
        category: Legal,
        summary: "a cookie notice such as \"We use cookies to improve your experience\"",
        phase: Phrase,
        phrases: Phrases { max_words: 70, action: Action::Remove },
    }
}

declare_rule! {
    /// ## What it removes
    /// A copyright line: "© 2017 Example Media. All rights reserved.", "Copyright 2019 Example
    /// Corp", "(c) 2020 Example", or a short line ending in "All rights reserved."
    ///
    /// ## Why
    /// Footers carry the copyright notice of the site, not of the article text.
    ///
    /// ## Example
    /// ```text
    /// © 2024 Example Media Group. All rights reserved.      <- removed
    /// Copyright questions dominated the hearing.
    /// ```
    ///
    /// ## Known false positives
    /// A short article line opening with "Copyright 2019" followed by a sentence.
    pub(crate) struct Copyright {
        code: "LEG002",
        name: "copyright",
        category: Legal,
        summary: "a copyright line such as \"© 2017 Example Media. All rights reserved.\"",
        phase: Line,
        patterns: [COPYRIGHT_LINE, COPYRIGHT_YEAR, RIGHTS_RESERVED],
        line: copyright,
    }
}

pub(crate) static COPYRIGHT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©\s*)?(?:\(c\)\s*)?\d{4}|copyright\s*©)|all rights reserved\.?$",
    )
    .expect("compiles")
});

/// A year right after the sign: "© 2019", "Copyright (c) 2004-2019".
pub(crate) static COPYRIGHT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}").expect("compiles"));

/// "All rights reserved" as a sentence of its own, as notices end.
pub(crate) static RIGHTS_RESERVED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?|·©–-]\s*)(?:All [Rr]ights [Rr]eserved|ALL RIGHTS RESERVED)\.?$").expect("compiles")
});

fn copyright(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    let shaped =
        t.contains('©') || t.contains("opyright") || t.contains("(c)") || t.contains("(C)") || t.contains("eserved");
    // A notice names a year right after the sign, or is short, or is no sentence, or closes
    // with "All rights reserved." of its own; a longer sentence is about copyright ("Copyright ©
    // notices were added in ...", "The band kept its name and all rights reserved.").
    let notice = COPYRIGHT_YEAR.is_match(t)
        || line.words_at_most(8)
        || !unclutter_text::words::ends_like_sentence(t)
        || RIGHTS_RESERVED.is_match(t);
    (shaped && notice && t.len() <= 300 && line.words_at_most(24) && COPYRIGHT_LINE.is_match(t))
        .then_some(Hit { part: None, reason: "a copyright notice" })
}
