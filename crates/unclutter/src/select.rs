//! Rule selectors: `ALL`, a category, a code prefix, a code or a name.

use std::fmt;
use std::str::FromStr;

use crate::meta::{Category, RuleId, RuleStatus};

/// Names a set of rules, for `select` and `ignore`.
///
/// When selectors disagree about a rule, the most specific one wins (`ALL` < category or prefix <
/// code or name), and `ignore` wins a tie.
///
/// ```
/// use unclutter::RuleSelector;
/// let sel: RuleSelector = "byline".parse().unwrap();
/// assert!(sel.matches(unclutter::RuleId::from_code("BYL003").unwrap()));
/// assert!("BYL".parse::<RuleSelector>().is_ok());
/// assert!("share-widget".parse::<RuleSelector>().is_ok());
/// assert!("NOPE999".parse::<RuleSelector>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleSelector {
    /// Every rule.
    All,
    /// Every rule of a category.
    Category(Category),
    /// Every rule whose code starts with this (upper-case) prefix, such as `BYL` or `BYL00`.
    Prefix(String),
    /// One rule, by code or name.
    Rule(RuleId),
}

impl RuleSelector {
    /// True when the selector names `rule`.
    pub fn matches(&self, rule: RuleId) -> bool {
        match self {
            RuleSelector::All => true,
            RuleSelector::Category(c) => rule.category() == *c,
            RuleSelector::Prefix(p) => rule.code().starts_with(p.as_str()),
            RuleSelector::Rule(r) => *r == rule,
        }
    }

    /// How specific the selector is: a larger number wins.
    pub fn specificity(&self) -> usize {
        match self {
            RuleSelector::All => 0,
            RuleSelector::Category(_) => 1,
            RuleSelector::Prefix(p) => 1 + p.len(),
            RuleSelector::Rule(_) => 100,
        }
    }
}

impl FromStr for RuleSelector {
    type Err = SelectorError;

    fn from_str(s: &str) -> Result<RuleSelector, SelectorError> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Ok(RuleSelector::All);
        }
        if let Some(c) = Category::from_name(s) {
            return Ok(RuleSelector::Category(c));
        }
        if let Some(r) = RuleId::from_code(s).or_else(|| RuleId::from_name(s)) {
            return Ok(RuleSelector::Rule(r));
        }
        let upper = s.to_ascii_uppercase();
        if !upper.is_empty()
            && upper.bytes().all(|b| b.is_ascii_alphanumeric())
            && RuleId::all().any(|r| r.code().starts_with(upper.as_str()))
        {
            return Ok(RuleSelector::Prefix(upper));
        }
        Err(SelectorError { selector: s.to_string() })
    }
}

impl fmt::Display for RuleSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleSelector::All => f.write_str("ALL"),
            RuleSelector::Category(c) => f.write_str(c.as_str()),
            RuleSelector::Prefix(p) => f.write_str(p),
            RuleSelector::Rule(r) => f.write_str(r.code()),
        }
    }
}

/// A selector that names no rule, category or code prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    /// The selector as given.
    pub selector: String,
}

impl fmt::Display for SelectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown rule selector '{}': expected ALL, a category, a code prefix, a rule code or name",
            self.selector
        )
    }
}

impl std::error::Error for SelectorError {}

/// A set of rules, one bit per registry entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RuleSet(Vec<u64>);

impl RuleSet {
    pub fn empty() -> RuleSet {
        RuleSet(vec![0; RuleId::all().count().div_ceil(64)])
    }

    /// Resolves `select` and `ignore`: a rule is on when its most specific selecting selector is
    /// more specific than its most specific ignoring one. No `select` means `ALL`. Preview and
    /// deprecated rules are on only when selected by code or name; removed rules (tombstones)
    /// never are.
    pub fn resolve(select: &[RuleSelector], ignore: &[RuleSelector]) -> RuleSet {
        let default = [RuleSelector::All];
        let select = if select.is_empty() { &default[..] } else { select };
        let mut set = RuleSet::empty();
        for rule in RuleId::all().filter(|r| r.meta().status != RuleStatus::Removed) {
            // Only stable rules run when selected by category, prefix or ALL.
            let allowed = |s: usize| rule.meta().status == RuleStatus::Stable || s >= 100;
            let best =
                |sels: &[RuleSelector]| sels.iter().filter(|s| s.matches(rule)).map(RuleSelector::specificity).max();
            let on = match (best(select), best(ignore)) {
                (None, _) => false,
                (Some(s), None) => allowed(s),
                (Some(s), Some(i)) => s > i && allowed(s),
            };
            if on {
                set.insert(rule);
            }
        }
        set
    }

    pub fn insert(&mut self, rule: RuleId) {
        self.0[rule.index() / 64] |= 1 << (rule.index() % 64);
    }

    pub fn contains(&self, rule: RuleId) -> bool {
        self.0[rule.index() / 64] & (1 << (rule.index() % 64)) != 0
    }

    pub fn iter(&self) -> impl Iterator<Item = RuleId> + '_ {
        RuleId::all().filter(|r| self.contains(*r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(list: &[&str]) -> Vec<RuleSelector> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    fn codes(set: &RuleSet) -> Vec<&'static str> {
        set.iter().map(|r| r.code()).collect()
    }

    #[test]
    fn no_select_means_all() {
        assert_eq!(RuleSet::resolve(&[], &[]).iter().count(), RuleId::all().count());
    }

    #[test]
    fn more_specific_wins() {
        let set = RuleSet::resolve(&sel(&["byline", "NAV001"]), &sel(&["BYL00", "navigation"]));
        assert_eq!(codes(&set), vec!["NAV001"]);
        let set = RuleSet::resolve(&sel(&["BYL001"]), &sel(&["byline"]));
        assert_eq!(codes(&set), vec!["BYL001"]);
    }

    #[test]
    fn ignore_wins_a_tie() {
        let set = RuleSet::resolve(&sel(&["share"]), &sel(&["SOC"]));
        assert!(codes(&set).is_empty(), "{:?}", codes(&set));
    }

    #[test]
    fn parses_every_form() {
        assert_eq!("all".parse::<RuleSelector>().unwrap(), RuleSelector::All);
        assert_eq!("Media".parse::<RuleSelector>().unwrap(), RuleSelector::Category(Category::Media));
        assert_eq!("med00".parse::<RuleSelector>().unwrap(), RuleSelector::Prefix("MED00".into()));
        assert_eq!("skip-link".parse::<RuleSelector>().unwrap().to_string(), "NAV001");
        for bad in ["", "XYZ", "NAV9", "skip link", "é"] {
            assert!(bad.parse::<RuleSelector>().is_err(), "{bad:?} parsed");
        }
    }
}
