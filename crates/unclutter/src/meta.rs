//! Rule identity and documentation: [`Category`], [`RuleStatus`], [`RuleMeta`] and the
//! [`RuleId`] handle. Plain data: what a rule runs is [`crate::rule`]'s business.

use std::fmt;

/// What kind of clutter a rule removes. Every rule belongs to exactly one category, and the
/// category fixes the three-letter prefix of the rule's code.
///
/// ```
/// use unclutter::Category;
/// assert_eq!(Category::Share.as_str(), "share");
/// assert_eq!(Category::Share.prefix(), "SOC");
/// assert_eq!(Category::from_name("byline"), Some(Category::Byline));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Skip links, menus, breadcrumbs, sign-in and search controls.
    Navigation,
    /// Share buttons, share counts, follow prompts.
    Share,
    /// Author lines, author slugs, author bios.
    Byline,
    /// Image file names, image controls, photo credits.
    Media,
    /// Reading times, publication stamps.
    Timestamp,
    /// Notification, newsletter and shopping prompts.
    Promo,
    /// Related-content headings and teaser lists.
    Related,
    /// Source and attribution footers.
    Source,
    /// Cookie notices, copyright lines.
    Legal,
    /// Advertisement labels.
    Ads,
    /// Page zones around the article found by its structure: header, footer, article tail.
    Boilerplate,
    /// Orphan widget characters and leftover blank lines.
    Layout,
}

impl Category {
    /// Every category, in registry order.
    pub const ALL: [Category; 12] = [
        Category::Navigation,
        Category::Share,
        Category::Byline,
        Category::Media,
        Category::Timestamp,
        Category::Promo,
        Category::Related,
        Category::Source,
        Category::Legal,
        Category::Ads,
        Category::Boilerplate,
        Category::Layout,
    ];

    /// The category's lower-case name, as used in selectors and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Navigation => "navigation",
            Category::Share => "share",
            Category::Byline => "byline",
            Category::Media => "media",
            Category::Timestamp => "timestamp",
            Category::Promo => "promo",
            Category::Related => "related",
            Category::Source => "source",
            Category::Legal => "legal",
            Category::Ads => "ads",
            Category::Boilerplate => "boilerplate",
            Category::Layout => "layout",
        }
    }

    /// The three-letter prefix of the codes of this category's rules.
    pub fn prefix(self) -> &'static str {
        match self {
            Category::Navigation => "NAV",
            Category::Share => "SOC",
            Category::Byline => "BYL",
            Category::Media => "MED",
            Category::Timestamp => "TIM",
            Category::Promo => "PRM",
            Category::Related => "REL",
            Category::Source => "SRC",
            Category::Legal => "LEG",
            Category::Ads => "ADV",
            Category::Boilerplate => "BPL",
            Category::Layout => "LAY",
        }
    }

    /// Looks a category up by its name (ASCII case-insensitive).
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule runs by default, and since when it has been so. Codes are never renumbered
/// or reused: a retired rule stays in the registry as a tombstone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleStatus {
    /// Runs unless ignored.
    Stable,
    /// Runs only when selected by its code or name.
    Preview,
    /// Still runs when selected by its code or name, but will be removed; prefer its successor.
    Deprecated,
    /// A tombstone: never runs; selecting it by code or name is an error.
    Removed,
}

impl RuleStatus {
    /// The status's lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleStatus::Stable => "stable",
            RuleStatus::Preview => "preview",
            RuleStatus::Deprecated => "deprecated",
            RuleStatus::Removed => "removed",
        }
    }
}

/// Everything a user can learn about a rule: its identity and its documentation.
///
/// ```
/// let rule = unclutter::RuleId::from_code("NAV001").unwrap();
/// let meta = rule.meta();
/// assert_eq!(meta.name, "skip-link");
/// assert!(meta.docs.contains("## Known false positives"));
/// ```
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, a category prefix and three digits: `SOC001`. Never renumbered or reused.
    pub code: &'static str,
    /// Stable kebab-case name: `share-widget`.
    pub name: &'static str,
    /// The category, which also gives the code's prefix.
    pub category: Category,
    /// One line saying what the rule removes.
    pub summary: &'static str,
    /// Markdown documentation: what it removes, why, an example, known false positives.
    pub docs: &'static str,
    /// The version that gave the rule its current status.
    pub since: &'static str,
    /// Whether the rule runs by default.
    pub status: RuleStatus,
}

/// A handle on one rule of the registry; cheap to copy and compare.
///
/// ```
/// use unclutter::{Category, RuleId};
/// let rule = RuleId::from_name("share-widget").unwrap();
/// assert_eq!(rule.code(), "SOC001");
/// assert_eq!(rule.category(), Category::Share);
/// assert!(RuleId::all().any(|r| r == rule));
/// ```
#[derive(Clone, Copy)]
pub struct RuleId {
    /// The rule's place in the registry, which orders rules and indexes rule sets.
    index: u16,
    meta: &'static RuleMeta,
}

impl RuleId {
    /// The handle of the registry's rule at `index`; only the registry makes them.
    pub(crate) const fn new(index: u16, meta: &'static RuleMeta) -> RuleId {
        RuleId { index, meta }
    }

    /// The rule's metadata.
    pub fn meta(self) -> &'static RuleMeta {
        self.meta
    }

    /// The rule's code: `NAV001`.
    pub fn code(self) -> &'static str {
        self.meta().code
    }

    /// The rule's kebab name: `skip-link`.
    pub fn name(self) -> &'static str {
        self.meta().name
    }

    /// The rule's category.
    pub fn category(self) -> Category {
        self.meta().category
    }

    pub(crate) fn index(self) -> usize {
        self.index as usize
    }
}

impl PartialEq for RuleId {
    fn eq(&self, other: &RuleId) -> bool {
        self.index == other.index
    }
}

impl Eq for RuleId {}

impl std::hash::Hash for RuleId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &RuleId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RuleId {
    fn cmp(&self, other: &RuleId) -> std::cmp::Ordering {
        self.index.cmp(&other.index)
    }
}

impl fmt::Debug for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.name())
    }
}
