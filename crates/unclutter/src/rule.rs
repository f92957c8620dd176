//! Rule identity and metadata: codes, names, categories and documentation.

use std::fmt;

use crate::registry;

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

/// Whether a rule runs by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleStatus {
    /// Runs unless ignored.
    Stable,
    /// Runs only when selected by its code or name.
    Preview,
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
    /// The version that introduced the rule.
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
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub(crate) u16);

impl RuleId {
    /// Every rule in the registry, in order.
    pub fn all() -> impl Iterator<Item = RuleId> {
        (0..registry::RULES.len()).map(|i| RuleId(i as u16))
    }

    /// Looks a rule up by code (ASCII case-insensitive).
    pub fn from_code(code: &str) -> Option<RuleId> {
        RuleId::all().find(|r| r.code().eq_ignore_ascii_case(code))
    }

    /// Looks a rule up by kebab name (ASCII case-insensitive).
    pub fn from_name(name: &str) -> Option<RuleId> {
        RuleId::all().find(|r| r.name().eq_ignore_ascii_case(name))
    }

    /// The rule's metadata.
    pub fn meta(self) -> &'static RuleMeta {
        &registry::RULES[self.0 as usize].meta
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
        self.0 as usize
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

/// Declares one rule: its `///` docs become the rule's documentation, the fields its identity and
/// the engines that run it.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            category: $cat:ident,
            summary: $summary:literal,
            $(phrases: $phrases:expr,)?
            $(line: $line:expr,)?
            $(context: $context:expr,)?
        }
    ) => {
        pub(crate) static $ident: $crate::registry::RuleDef = $crate::registry::RuleDef {
            meta: $crate::rule::RuleMeta {
                code: $code,
                name: $name,
                category: $crate::rule::Category::$cat,
                summary: $summary,
                docs: concat!($($doc, "\n"),+),
                since: "0.1.0",
                status: $crate::rule::RuleStatus::Stable,
            },
            phrases: declare_rule!(@opt $($phrases)?),
            line: declare_rule!(@opt $($line)?),
            context: declare_rule!(@opt $($context)?),
        };
    };
    (@opt) => { None };
    (@opt $e:expr) => { Some($e) };
}
pub(crate) use declare_rule;
