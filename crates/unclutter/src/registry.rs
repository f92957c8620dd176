//! The one ordered list of rules, and lookups into it.
//!
//! A rule's place in [`RULES`] is its [`RuleId`]: the order `--list-rules` prints and the order
//! in which the line stage tries line hooks. Where each rule's hooks run is its own business
//! (its [`Phase`](crate::rule::Phase) and `after` list); the pass manager orders them.
//!
//! Codes are never renumbered or reused: a retired rule stays here as a tombstone, with status
//! [`RuleStatus::Removed`](crate::RuleStatus::Removed).

use crate::meta::RuleId;
use crate::rule::Rule;
use crate::rules::{
    ads, boilerplate, byline, layout, legal, media, navigation, promo, related, share, source, timestamp,
};

/// Every rule, in registry order.
pub(crate) static RULES: &[&dyn Rule] = &[
    &navigation::SkipLink,
    &navigation::SiteControl,
    &navigation::Breadcrumb,
    &share::ShareWidget,
    &share::ShareButtons,
    &share::FollowPrompt,
    &byline::AuthorTitle,
    &byline::AuthorSlug,
    &byline::AuthorBio,
    &byline::AuthorName,
    &media::ImageFilename,
    &media::ImageControl,
    &media::PhotoCredit,
    &media::ImageSlug,
    &timestamp::ReadingTime,
    &timestamp::Dateline,
    &timestamp::LeadingDate,
    &promo::NotifyPrompt,
    &promo::NewsletterPrompt,
    &promo::ShoppingPromo,
    &related::RelatedHeading,
    &related::TeaserList,
    &source::SourceLine,
    &legal::CookieNotice,
    &legal::Copyright,
    &ads::Advertisement,
    &boilerplate::PageHeader,
    &boilerplate::PageFooter,
    &boilerplate::ArticleTail,
    &boilerplate::OutsideContent,
    &boilerplate::PageFurniture,
    &boilerplate::LowContentScore,
    &layout::OrphanWidget,
    &layout::BlankLines,
];

impl RuleId {
    /// Every rule in the registry, in order.
    pub fn all() -> impl Iterator<Item = RuleId> {
        RULES.iter().enumerate().map(|(i, &rule)| RuleId::new(i as u16, rule.meta()))
    }

    /// Looks a rule up by code (ASCII case-insensitive).
    pub fn from_code(code: &str) -> Option<RuleId> {
        RuleId::all().find(|r| r.code().eq_ignore_ascii_case(code))
    }

    /// Looks a rule up by kebab name (ASCII case-insensitive).
    pub fn from_name(name: &str) -> Option<RuleId> {
        RuleId::all().find(|r| r.name().eq_ignore_ascii_case(name))
    }

    /// True when the content scorer decides this rule's removals ([`crate::Scorer`]): the rule
    /// proposes lines, and a proposed line goes when it scores low.
    ///
    /// ```
    /// use unclutter::RuleId;
    /// assert!(RuleId::from_code("BPL001").unwrap().is_scored());
    /// assert!(!RuleId::from_code("NAV001").unwrap().is_scored());
    /// ```
    pub fn is_scored(self) -> bool {
        rule(self).scored()
    }

    /// The registry's handle on `rule`.
    #[cfg(test)]
    pub(crate) fn of(rule: &dyn Rule) -> Option<RuleId> {
        RuleId::all().find(|r| r.is(rule))
    }
}

/// The rule behind a handle: its phase, dependencies, phrases, patterns and hooks.
pub(crate) fn rule(id: RuleId) -> &'static dyn Rule {
    RULES[id.index()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Phase;

    #[test]
    fn every_rule_has_the_hooks_of_its_phase() {
        for id in RuleId::all() {
            let (phase, hooks) = (rule(id).phase(), rule(id).hooks());
            let code = id.code();
            assert_eq!(hooks.prefix.is_some(), phase == Phase::Segment, "{code}: a prefix hook is for Segment rules");
            assert_eq!(hooks.markup.is_some(), phase == Phase::Markup, "{code}: a markup hook is for Markup rules");
            assert_eq!(hooks.context.is_some(), phase.is_context(), "{code}: a context hook is for context phases");
            assert_eq!(hooks.finish.is_some(), phase == Phase::Finish, "{code}: a finish hook is for Finish rules");
            if matches!(phase, Phase::Segment | Phase::Line) {
                assert!(hooks.line.is_some(), "{code}: a {phase:?} rule needs a line hook");
            }
            if phase == Phase::Phrase {
                assert!(rule(id).phrases().is_some(), "{code}: a Phrase rule needs phrases");
            }
        }
    }

    #[test]
    fn dependencies_are_registered_rules_of_the_same_phase() {
        for id in RuleId::all() {
            for &dep in rule(id).after() {
                let dep = RuleId::of(dep).unwrap_or_else(|| panic!("{} runs after an unregistered rule", id.code()));
                assert_eq!(rule(dep).phase(), rule(id).phase(), "{} runs after {}", id.code(), dep.code());
            }
        }
    }
}
