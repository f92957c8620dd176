//! Related: related-content headings and teaser lists.

use std::sync::LazyLock;

use crate::context::Context;
use crate::rule::declare_rule;
use crate::rule::{Action, Phrases};
use crate::rule::{Hit, Line};
use crate::vocabulary;
use unclutter_text::words::word_count;

declare_rule! {
    /// ## What it removes
    /// A related-content heading: "Related:", "Related Articles", "Read more:", "More good
    /// reads", "Popular Video", "Trending", "Most Read", or a short line opening with "Related:"
    /// or "Read more:" followed by a headline; and a line of tags ("Filed under a , b",
    /// "Tags: a, b, c").
    ///
    /// ## Why
    /// Recirculation modules are labelled by these headings; the headline that follows a
    /// "Read more:" is another article.
    ///
    /// ## Example
    /// ```text
    /// Related:                               <- removed
    /// Read more: Why the bridge closed       <- removed
    /// The delay is related to the case.
    /// ```
    ///
    /// ## Known false positives
    /// A one-word subheading "Trending" or "Recommended" inside the article.
    pub(crate) struct RelatedHeading {
        code: "REL001",
        name: "related-heading",
        category: Related,
        summary: "a related-content heading such as \"Related:\" or \"Popular Video\"",
        phase: Line,
        phrases: Phrases { max_words: 16, action: Action::Remove },
        ends_article: true,
        line: filed_under,
    }
}

/// A line of the article's tags, not a sentence: "Filed under china , illnesses , plague",
/// "Tags: Bilt, Cent, Eimsbüttel", "Themen: Formel 1, AlphaTauri".
fn filed_under(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    let lower_head = |head: &str| t.get(..head.len()).is_some_and(|h| h.eq_ignore_ascii_case(head));
    let labelled = TAG_LABELS.iter().any(|label| {
        lower_head(label) && t[label.len()..].trim_start().starts_with(':') && t[label.len()..].contains([',', '|'])
    });
    ((TAG_LEAD_INS.iter().any(|head| lower_head(head)) || labelled)
        && !unclutter_text::words::ends_like_sentence(t)
        && line.words_at_most(20))
    .then_some(Hit { part: None, reason: "a line of the article's tags" })
}

/// Labels of a tag line, which a colon and a list follow (word set `tag-labels`).
static TAG_LABELS: LazyLock<&[&str]> = LazyLock::new(|| vocabulary::TAG_LABELS.words());
/// How a tag line without a colon opens, with its space: "filed under " (word set `tag-lead-ins`).
static TAG_LEAD_INS: LazyLock<Vec<String>> = LazyLock::new(|| with_space(vocabulary::TAG_LEAD_INS.words()));

/// Each word followed by a space.
fn with_space(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| format!("{w} ")).collect()
}

declare_rule! {
    /// ## What it removes
    /// A teaser list: a marker line ("You Might Like", "You may also like", "Recommended for
    /// you", "Around the web", "More from Example"; or a title-case heading such as "More Example
    /// Examiner" or "Trending Now on Example.com" when a headline follows it) and the teasers
    /// after it: short headlines
    /// without a final full stop, image slugs, and blurbs cut off with "...". The list ends at
    /// the first line that reads like article text (a sentence of three or more words, or a long
    /// line), or in HTML at a table (a ranking's header row is not a teaser heading).
    ///
    /// ## Why
    /// Teaser modules follow the article with other articles' headlines and blurbs.
    ///
    /// ## Example
    /// ```text
    /// You Might Like                                   <- removed
    /// Hottest products from the trade show             <- removed
    /// It's time again for the year's biggest show...   <- removed
    /// ```
    ///
    /// ## Known false positives
    /// Short lines after a marker that is itself part of the article.
    pub(crate) struct TeaserList {
        code: "REL002",
        name: "teaser-list",
        category: Related,
        summary: "a \"You Might Like\" teaser list: the marker and the teasers after it",
        phase: Blocks,
        phrases: Phrases { max_words: 6, action: Action::Remove },
        ends_article: true,
        line: more_from_site,
        context: teaser_list,
    }
}

/// "More from Example News": a marker naming a site or section in title case, with no colon.
fn more_from_site(line: &Line<'_>) -> Option<Hit> {
    let t = line.trim;
    let rest = MORE_FROM.iter().find_map(|p| t.strip_prefix(p.as_str()))?;
    let title_case = rest.split_whitespace().all(unclutter_text::words::capitalised);
    (title_case && !t.ends_with([':', '.', '?', '!']) && line.words_at_most(7))
        .then_some(Hit { part: None, reason: "a \"More from\" marker naming a site or section" })
}

/// How a "More from" marker opens, in each casing, with its space (word set `more-from`).
static MORE_FROM: LazyLock<Vec<String>> = LazyLock::new(|| with_space(vocabulary::MORE_FROM.words()));

/// Longest teaser headline, in words, before the bias scales it.
const TEASER_WORDS: usize = 20;
/// Longest blurb cut off with an ellipsis, in words.
const BLURB_WORDS: usize = 60;

/// A heading that may open a teaser block: "More Washington Examiner", "Trending Now on
/// Example.com", "MORE STORIES LIKE THIS ONE". A subheading could read the same, so it counts
/// only when a teaser headline follows it.
fn teaser_heading(trim: &str) -> bool {
    let t = trim.trim_matches(['*', '+', '-', '•', '·', '»', '›', '|', ' ']);
    let t = t.strip_suffix(':').unwrap_or(t);
    if t.ends_with(['.', '?', '!', ',', ';', ':']) {
        return false;
    }
    let opens = |h: &&String| t.get(..h.len()).is_some_and(|start| start.eq_ignore_ascii_case(h));
    let Some(rest) = TEASER_HEADS.iter().find(opens).map(|h| &t[h.len()..]) else {
        return false;
    };
    let words = rest.split_whitespace().count();
    // A colon or comma inside marks a label and its value or a date ("Next Cohort:Jan 5,
    // 2026"), not a title.
    (1..=5).contains(&words)
        && !rest.contains([':', ','])
        && rest.split_whitespace().all(|w| unclutter_text::words::capitalised(w) || SMALL_WORDS.contains(&w))
}

/// How teaser headings start (lower case, with their space; word set `teaser-heads`).
static TEASER_HEADS: LazyLock<Vec<String>> = LazyLock::new(|| with_space(vocabulary::TEASER_HEADS.words()));
/// Words a title-case heading leaves in lower case (word set `teaser-small-words`), and "&",
/// which is no language's.
static SMALL_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let mut small = vocabulary::TEASER_SMALL_WORDS.words().to_vec();
    small.push("&");
    small
});

fn teaser_list(cx: &mut Context<'_, '_>) {
    let max_words = cx.settings().scale_words(TEASER_WORDS);
    // In HTML a table's cells are data (a ranking's header, its rows): no teaser heading opens
    // there, and a teaser list ends where a table starts.
    let in_table = |cx: &Context<'_, '_>, j: usize| cx.dom().is_some_and(|dom| dom.in_table_cell(j));
    let is_headline = |cx: &Context<'_, '_>, j: usize| {
        let trim = cx.trim(j);
        word_count(cx.core(j)) <= max_words && !unclutter_text::words::ends_like_sentence(trim)
    };
    for i in 0..cx.len() {
        if cx.removed_by(i).is_none() && !cx.is_blank(i) && !in_table(cx, i) && teaser_heading(cx.trim(i)) {
            let next = (i + 1..cx.len()).find(|&j| !cx.is_blank(j) && cx.removed_by(j).is_none());
            if next.is_some_and(|j| is_headline(cx, j)) {
                cx.remove(i, "a \"More ...\" or \"Trending\" heading followed by teaser headlines");
            }
        }
    }
    let mut i = 0;
    while i < cx.len() {
        if cx.removed_by(i) != Some(cx.rule()) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < cx.len() {
            cx.step(1);
            if cx.is_blank(j) || cx.removed_by(j).is_some() {
                j += 1;
                continue;
            }
            if in_table(cx, j) {
                break;
            }
            let trim = cx.trim(j);
            let words = word_count(cx.core(j));
            let cut_off = (trim.ends_with("...") || trim.ends_with('…')) && words <= BLURB_WORDS;
            let sentence = unclutter_text::words::ends_like_sentence(trim) && words >= 3;
            if cut_off {
                cx.remove(j, "a teaser blurb cut off with an ellipsis, in a teaser list");
            } else if words <= max_words && !sentence {
                cx.remove(j, "a short teaser headline without a full stop, in a teaser list");
            } else {
                break;
            }
            j += 1;
        }
        i = j;
    }
}
