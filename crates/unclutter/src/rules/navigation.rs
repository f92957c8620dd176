//! Navigation: skip links, site controls, breadcrumbs.

use std::sync::LazyLock;

use crate::rule::declare_rule;
use crate::rule::{Action, Phrases};
use crate::rule::{Hit, Line};
use crate::vocabulary;

declare_rule! {
    /// ## What it removes
    /// A line that is only an accessibility skip link: "Skip to main content", "Skip to
    /// content", "Jump to navigation".
    ///
    /// ## Why
    /// Skip links are the first text of most pages and mean nothing outside the page.
    ///
    /// ## Example
    /// ```text
    /// Skip to main content          <- removed
    /// Council approves the bridge
    /// ```
    ///
    /// ## Known false positives
    /// None known: the whole line must be the link text.
    pub(crate) struct SkipLink {
        code: "NAV001",
        name: "skip-link",
        category: Navigation,
        summary: "a line that is only a skip link such as \"Skip to main content\"",
        phase: Phrase,
        phrases: Phrases { max_words: 6, action: Action::Remove },
    }
}

declare_rule! {
    /// ## What it removes
    /// A line that is only a site control label: "Menu", "Search", "Sign in", "Log in",
    /// "Back to top", "Close", "Next article", "Toggle navigation".
    ///
    /// ## Why
    /// Buttons and menu toggles become lone words in a text dump.
    ///
    /// ## Example
    /// ```text
    /// Menu                          <- removed
    /// Search                        <- removed
    /// Search crews found the hikers at dawn.
    /// ```
    ///
    /// ## Known false positives
    /// A one-word subheading identical to a control label ("Search") would go.
    pub(crate) struct SiteControl {
        code: "NAV002",
        name: "site-control",
        category: Navigation,
        summary: "a line that is only a control label such as \"Menu\", \"Search\" or \"Sign in\"",
        phase: Phrase,
        phrases: Phrases { max_words: 6, action: Action::Remove },
    }
}

declare_rule! {
    /// ## What it removes
    /// A breadcrumb trail of capitalised section names: "Home > News > Technology",
    /// "Home / Sport / Football", "News › World › Europe".
    ///
    /// ## Why
    /// Breadcrumbs repeat the site's section names, not the article.
    ///
    /// ## Example
    /// ```text
    /// Home > Business > Markets     <- removed
    /// ```
    ///
    /// ## Known false positives
    /// A short line of three or more phrases joined by `>` arrows that is part of the article,
    /// such as a menu path in a software tutorial ("File > Export > PDF").
    pub(crate) struct Breadcrumb {
        code: "NAV003",
        name: "breadcrumb",
        category: Navigation,
        summary: "a breadcrumb trail such as \"Home > News > Technology\"",
        phase: Line,
        line: breadcrumb,
    }
}

/// Labels a trail may stand after, with their colon: "you are here:" (word set
/// `breadcrumb-labels`).
static LABELS: LazyLock<Vec<String>> =
    LazyLock::new(|| vocabulary::BREADCRUMB_LABELS.words().iter().map(|w| format!("{w}:")).collect());
/// Names of the home page that may open a trail (word set `breadcrumb-homes`).
static HOMES: LazyLock<&[&str]> = LazyLock::new(|| vocabulary::BREADCRUMB_HOMES.words());

fn breadcrumb(line: &Line<'_>) -> Option<Hit> {
    if line.trim.len() > 200 || !line.words_at_most(16) {
        return None;
    }
    let text = line.trim;
    let labelled = |label: &String| match text.get(..label.len()) {
        Some(head) if head.eq_ignore_ascii_case(label) => Some(text[label.len()..].trim_start()),
        _ => None,
    };
    let text = LABELS.iter().find_map(labelled).unwrap_or(text);
    let is_sep = |c: char| matches!(c, '>' | '»' | '›' | '→' | '/' | '|');
    let arrows_only = !text.contains(['/', '|']);
    let mut parts = 0;
    let mut first_is_home = false;
    for part in text.split(is_sep) {
        let part = part.trim();
        if part.is_empty() || !unclutter_text::words::words_at_most(part, 5) || part.ends_with(['.', '!', '?', ',']) {
            return None;
        }
        if parts == 0 {
            first_is_home = HOMES.iter().any(|h| part.eq_ignore_ascii_case(h));
        }
        parts += 1;
    }
    // Section names are capitalised ("Home > News > Technology"); code and prose with `>` are not.
    let capitalised = text
        .split(is_sep)
        .all(|p| p.trim().starts_with(|c: char| c.is_uppercase()) && !p.contains(['<', '=', '@', '\'', '"', '(', ';']));
    let fits = capitalised && ((first_is_home && parts >= 2) || (arrows_only && parts >= 3));
    fits.then_some(Hit { part: None, reason: "a breadcrumb trail of short section names" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unclutter_text::Document;

    fn judge(text: &str) -> bool {
        let doc = Document::parse(text, None);
        breadcrumb(&Line::new(text, &doc.segments[0])).is_some()
    }

    #[test]
    fn takes_trails_of_section_names() {
        assert!(judge("Home > News > Technology"));
        assert!(judge("Home / Sport / Football"));
        assert!(judge("You are here: Home › World"));
        assert!(judge("News › World › Europe"));
    }

    #[test]
    fn leaves_code_and_prose_with_arrows() {
        assert!(!judge("entries > 10 AND zscore > 3 AS alert FROM"));
        assert!(!judge("<account> '@' <host>"));
        assert!(!judge("File > Export > pdf"));
        assert!(!judge("Sales > costs > nothing."));
    }
}
