//! The one ordered table of rules, and the shapes of the engines that run them.
//!
//! A rule is metadata plus up to three engines, each run by its stage (see `DESIGN.md`):
//! - `phrases`: the rule's phrases, read from the lexicons of every language, matched by one
//!   Aho-Corasick automaton shared by all selected rules;
//! - `line`: a function judging one line on its own, usually with `regex` statics;
//! - `context`: a function over the whole document that sees earlier decisions and neighbours.
//!
//! Codes are never renumbered or reused: a retired rule stays here as a tombstone.

use crate::rules::{
    ads, boilerplate, byline, layout, legal, media, navigation, promo, related, share, source, timestamp,
};
use crate::stages::{Context, Hit, Line};

/// A rule's full definition: metadata and engines.
pub(crate) struct RuleDef {
    pub meta: crate::rule::RuleMeta,
    pub phrases: Option<Phrases>,
    pub line: Option<LineFn>,
    pub context: Option<ContextFn>,
}

/// How a rule's phrases match; the phrases themselves live in `lexicons/<lang>.txt`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phrases {
    /// Longest line, in words, that a `^` (prefix) or `~` (contains) phrase may remove, before
    /// the precision/recall bias scales it.
    pub max_words: usize,
    /// What a match does.
    pub action: Action,
}

/// What a phrase match does with its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Action {
    /// The line goes.
    Remove,
    /// The line goes only in a run: its nearest kept line before or after matched too.
    Run,
    /// The line is marked for a context rule (an end-of-article marker), not removed here.
    Mark,
}

/// Judges one line on its own.
pub(crate) type LineFn = fn(&Line<'_>) -> Option<Hit>;

/// Judges lines in their document, with earlier decisions visible.
pub(crate) type ContextFn = fn(&mut Context<'_, '_>);

/// Every rule, in the order stages try them.
pub(crate) static RULES: &[&RuleDef] = &[
    &navigation::SKIP_LINK,
    &navigation::SITE_CONTROL,
    &navigation::BREADCRUMB,
    &share::SHARE_WIDGET,
    &share::SHARE_BUTTONS,
    &share::FOLLOW_PROMPT,
    &byline::AUTHOR_TITLE,
    &byline::AUTHOR_SLUG,
    &byline::AUTHOR_BIO,
    &byline::AUTHOR_NAME,
    &media::IMAGE_FILENAME,
    &media::IMAGE_CONTROL,
    &media::PHOTO_CREDIT,
    &media::IMAGE_SLUG,
    &timestamp::READING_TIME,
    &timestamp::DATELINE,
    &timestamp::LEADING_DATE,
    &promo::NOTIFY_PROMPT,
    &promo::NEWSLETTER_PROMPT,
    &promo::SHOPPING_PROMO,
    &related::RELATED_HEADING,
    &related::TEASER_LIST,
    &source::SOURCE_LINE,
    &legal::COOKIE_NOTICE,
    &legal::COPYRIGHT,
    &ads::ADVERTISEMENT,
    &boilerplate::PAGE_HEADER,
    &boilerplate::PAGE_FOOTER,
    &boilerplate::ARTICLE_TAIL,
    &boilerplate::OUTSIDE_CONTENT,
    &boilerplate::PAGE_FURNITURE,
    &layout::ORPHAN_WIDGET,
    &layout::BLANK_LINES,
];

/// The order context rules run in. A rule whose decision depends on what follows it being kept
/// (an author bio "at the end of the document") runs after every rule that removes lines, so that
/// cleaning the output again decides the same.
pub(crate) static CONTEXT_ORDER: &[&str] =
    &["BPL004", "BPL005", "MED002", "REL002", "BYL002", "BYL004", "SOC002", "BYL003", "BPL003", "BPL001", "BPL002"];

/// Context rules that judge by the markup alone, first in [`CONTEXT_ORDER`]. In HTML mode they
/// also run before the phrase and line stages, which then skip the lines they removed (most of
/// a page's text lies outside its content root).
pub(crate) static MARKUP_FIRST: &[&str] = &["BPL004", "BPL005"];

/// The rule that removes leftover blank lines; its stage runs last.
pub(crate) const BLANK_LINES_CODE: &str = "LAY002";

/// The rule that removes leading date stamps; segmentation sets them apart when it is on.
pub(crate) const LEADING_DATE_CODE: &str = "TIM003";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::RuleId;

    #[test]
    fn markup_rules_lead_the_order() {
        assert_eq!(&CONTEXT_ORDER[..MARKUP_FIRST.len()], MARKUP_FIRST);
    }

    #[test]
    fn every_context_rule_has_a_place_in_the_order() {
        for rule in RuleId::all() {
            let listed = CONTEXT_ORDER.contains(&rule.code());
            assert_eq!(RULES[rule.index()].context.is_some(), listed, "{}", rule.code());
        }
    }
}
